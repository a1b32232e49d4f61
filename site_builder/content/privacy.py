"""Residents' private data that must not be published by accident.

A bulletin reports residents' problems, and a reporter's notes easily carry
a caller's mobile number or a car's plate into the text. Every text of an
article (front matter and body) is scanned for mobile and landline numbers,
18-digit ID numbers (only those whose GB 11643 check digit is right, so that
long figures do not raise false alarms), licence plates, e-mail addresses
and door numbers (a building or unit with a room: 3号楼2单元501室; naming
the building alone, 3号楼, is the level a report may go to).

Public service numbers (12345, 110, 120 …) are short numbers and never match.
An article publishes a specific string by listing it under `allow:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .fields import Context
from .yamlsource import Mapping, Sequence

# Separators people type inside numbers: hyphens (half and full width), spaces.
_SEP = r"[-－—\s]?"

_MOBILE = re.compile(rf"(?<![\d.])(?:(?:\+|＋)?86{_SEP})?1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}(?![\d.])")
# Area codes start with 0: 010, 021, 0755 … then a 7- or 8-digit number.
_LANDLINE = re.compile(rf"(?<![\d.])(?:[(（]0\d{{2,3}}[)）]|0\d{{2,3}}){_SEP}[2-9]\d{{2,3}}{_SEP}\d{{4}}(?![\d.])")
# A number without area code is only a phone number when the text says so.
_LOCAL_NUMBER = re.compile(r"(?:电话|手机|座机|热线|联系方式|致电|拨打|号码)[^\d\n]{0,6}(?<!\d)([2-9]\d{2,3}[-－\s]?\d{4})(?![\d.])")
_ID_NUMBER = re.compile(r"(?<![\dA-Za-z])(\d{17}[\dXx])(?![\dA-Za-z])")
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = re.compile(rf"[{_PROVINCES}][A-HJ-NP-Z][·•・\s]?(?=[A-HJ-NP-Z0-9]*\d)[A-HJ-NP-Z0-9]{{5,6}}(?![A-Za-z0-9])")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# A household's address: building (楼/栋/幢/座) or unit (单元) with a room
# number (3号楼2单元501室, 5栋302室, 2单元1101), a flat by its side of a
# floor (3层东户), or a 门牌 with its number. A building alone (3号楼,
# 5、6号楼院) and a floor (5号楼一层) are the level a report may name.
_S = r"[^\S\n]*"  # spaces, within one line
_N = r"[0-9０-９一二三四五六七八九十两]+"
_ROOM = r"(?:[0-9０-９]{3,4}|[一二三四五六七八九〇零]{3,4})(?![0-9０-９年月日])"
_ROOM_WORD = rf"{_S}(?:室|号房|号|房)"
_BUILDING = rf"(?:{_N}|[A-Za-zＡ-Ｚ]){_S}(?:号楼|号?栋|号?幢|号?座|楼)"
_DOOR = re.compile("|".join((
    rf"{_BUILDING}{_S}[-－]?{_S}{_N}{_S}(?:单元|门){_S}[-－]?{_S}{_ROOM}(?:{_ROOM_WORD})?",  # 3号楼2单元501
    rf"{_BUILDING}{_S}[-－]?{_S}{_ROOM}{_ROOM_WORD}",                                  # 3号楼501室
    rf"{_N}{_S}单元{_S}[-－]?{_S}{_ROOM}(?:{_ROOM_WORD})?",                             # 2单元501
    rf"(?<![0-9０-９-])[0-9０-９]{{1,3}}[-－][0-9０-９]{{1,2}}[-－]{_ROOM}{_ROOM_WORD}",  # 3-2-501室
    rf"{_N}{_S}(?:单元|层|楼){_S}[东西南北中]{_S}户",                                  # 3层东户
    rf"门牌(?:号码|号)?{_S}(?:是|为|：|:)?{_S}[^，。；;,\s]{{0,20}}?[0-9０-９]+{_S}号(?!楼)",  # 门牌：前进路8号
)))
# Every door number needs one of these: a room number right after 单元, 门,
# 楼 (栋, 幢, 座) or a dash, a side of a floor before 户, or 门牌.
_MAYBE_DOOR = re.compile(rf"[楼栋幢座元门\-－东西南北中](?:(?<=[东西南北中]){_S}户|(?<=门)牌"
                         rf"|{_S}[-－]?{_S}[0-9０-９一二三四五六七八九〇零]{{3}})")

# Every pattern above needs one of these, so a text without any holds nothing:
# each number has three digits, maybe a separator, then four digits; a plate
# starts with a province and a letter; an address has an @.
# (Written to start with one set of characters, which re scans for quickly.)
_MAYBE = re.compile(rf"[\d@{_PROVINCES}](?:(?<=\d)\d{{2}}{_SEP}\d{{4}}|(?<=@)|(?<=[{_PROVINCES}])[A-HJ-NP-Z])")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_checksum_ok(number: str) -> bool:
    """True when the 18th character is the GB 11643 check digit of the first 17."""
    if not re.fullmatch(r"\d{17}[\dXx]", number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


DOOR_NUMBER = "门牌号"


@dataclass(frozen=True)
class Finding:
    """One piece of private data found in a text."""

    kind: str    # Chinese name of what was found, e.g. 手机号码
    text: str    # the string as written


def _plain(pattern: re.Pattern, kind: str) -> Callable[[str], Iterator[Finding]]:
    def find(text: str) -> Iterator[Finding]:
        for match in pattern.finditer(text):
            yield Finding(kind, match.group(match.lastindex or 0).strip())
    return find


def _id_numbers(text: str) -> Iterator[Finding]:
    for match in _ID_NUMBER.finditer(text):
        if id_checksum_ok(match.group(1)):
            yield Finding("身份证号码", match.group(1))


_FINDERS: tuple[Callable[[str], Iterator[Finding]], ...] = (
    _id_numbers,
    _plain(_MOBILE, "手机号码"),
    _plain(_LANDLINE, "固定电话号码"),
    _plain(_LOCAL_NUMBER, "电话号码"),
    _plain(_PLATE, "车牌号"),
    _plain(_EMAIL, "电子邮箱地址"),
    _plain(_DOOR, DOOR_NUMBER),
)


def find(text: str) -> list[Finding]:
    """Every piece of private data in one text, each string reported once."""
    if not _maybe(text):
        return []
    found: dict[str, Finding] = {}
    for finder in _FINDERS:
        for finding in finder(text):
            # An ID number contains digits a phone pattern could also match.
            if not any(finding.text in seen for seen in found):
                found.setdefault(finding.text, finding)
    return list(found.values())


def _maybe(text: str) -> bool:
    """False when the text certainly holds nothing private (the usual case)."""
    return bool(_MAYBE.search(text) or _MAYBE_DOOR.search(text))


def _digits(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z@.]", "", text).lower()


def _allowed(finding: Finding, allow: Iterable[str]) -> bool:
    """An `allow:` entry permits the exact string, however it is spaced."""
    key = _digits(finding.text)
    return any(finding.text == entry or key == _digits(entry) for entry in allow)


HINT = ("居民的个人信息不能登在报上：删掉或改写（例如“王女士”“尾号 5678”“京A·××××”）。"
        "如果这是单位公开的电话或邮箱，可以在 front matter 里加上 allow: [\"{text}\"] 允许公开。")
DOOR_HINT = ("居民家的门牌号不能登在报上：只写到楼（例如“3号楼”“3号楼2单元”），或写“一位居民”。"
             "如果这是单位公开的办公地址，可以在 front matter 里加上 allow: [\"{text}\"] 允许公开。")


def check_text(text: str, line: int, field: str, allow: Iterable[str], ctx: Context) -> None:
    """Report every finding of one text that the article does not allow."""
    for finding in find(text):
        if not _allowed(finding, allow):
            hint = DOOR_HINT if finding.kind == DOOR_NUMBER else HINT
            ctx.error(line, field, f"这里有{finding.kind}“{finding.text}”，可能是居民的个人信息。",
                      hint.format(text=finding.text))


def check_article(meta: Mapping, body: str, body_line: int, allow: Iterable[str], ctx: Context) -> None:
    """Scan the front matter (except `allow:` itself) and the body, line by line."""
    allow = list(allow)
    texts = [(text, line, key) for key, value in meta.items() if key != "allow"
             for text, line in _texts(value, meta.line_of(key))]
    if _maybe("\n".join(text for text, _, _ in texts)):
        for text, line, key in texts:
            check_text(text, line, str(key), allow, ctx)
    if not _maybe(body):  # the usual case: skip the lines one by one
        return
    for offset, text in enumerate(body.split("\n")):
        check_text(text, body_line + offset, "正文", allow, ctx)


def _texts(value: Any, line: int) -> Iterator[tuple[str, int]]:
    """Every scalar of a YAML value, with its line (numbers count: 13812345678)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(item, value.line_of(key))
    elif isinstance(value, Sequence):
        for index, item in enumerate(value):
            yield from _texts(item, value.line_of(index))
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        yield str(value), line
