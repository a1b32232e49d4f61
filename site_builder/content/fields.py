"""Field types of front matter and registries, declared as data.

Each field knows its Chinese label and how to turn a YAML value into a typed
value. On a bad value it reports the file, the line and the fix, and returns
INVALID so that checking goes on with the next field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .markup import unsafe_markup
from .problems import Problems
from .suggest import did_you_mean
from .yamlsource import Mapping, Sequence

if TYPE_CHECKING:
    from .categories import Categories
    from .places import Places


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class Context:
    """Where a value comes from, and the registries it may refer to."""

    problems: Problems
    path: Path
    places: "Places | None" = None
    categories: "Categories | None" = None

    def error(self, line: int | None, name: str | None, message: str, hint: str = "") -> Any:
        self.problems.error(self.path, line, name, message, hint)
        return INVALID

    def warn(self, line: int | None, name: str | None, message: str, hint: str = "") -> None:
        self.problems.warn(self.path, line, name, message, hint)


@dataclass(frozen=True)
class Field:
    """A scalar text field."""

    label: str
    required: bool = False
    example: str = ""
    attr: str | None = None  # model attribute, when it differs from the key

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if isinstance(value, (Mapping, Sequence)):
            return ctx.error(line, name, f"{self.label}应该是一段文字，这里写成了{_kind(value)}。",
                             f"写成 `{name}: {self.example or '内容'}`。")
        if isinstance(value, bool) or value is None:
            return ctx.error(line, name, f"{self.label}应该是一段文字。",
                             f"写成 `{name}: {self.example or '内容'}`；如果文字是“是/否/yes/no”之类，请加英文引号。")
        text = str(value).strip()
        if not text and self.required:
            return ctx.error(line, name, f"{self.label}不能为空。", f"写成 `{name}: {self.example or '内容'}`。")
        return text

    def missing(self, ctx: Context, name: str, line: int) -> Any:
        key = name.rsplit(".", 1)[-1]  # nested fields: the key as it is typed
        where = "在 front matter 里" if key == name else f"在 {name.rsplit('.', 1)[0]} 下面"
        return ctx.error(line, name, f"缺少必填字段 {key}（{self.label}）。",
                         f"{where}加一行 `{key}: {self.example or '…'}`。")


@dataclass(frozen=True)
class DateField(Field):
    """A calendar date written YYYY-MM-DD."""

    example: str = "2022-08-18"

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        hint = f"日期写成“年-月-日”，例如 `{name}: 2022-08-18`，月和日都写两位。"
        if isinstance(value, str):
            if re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip()):
                return ctx.error(line, name, f"{self.label}“{value}”这一天不存在。", "检查月份和日子，例如 2 月没有 30 日。")
            if guess := _guess_date(value):
                hint = f"写成 `{name}: {guess}`。"
            return ctx.error(line, name, f"{self.label}“{value}”不是系统认识的日期格式。", hint)
        return ctx.error(line, name, f"{self.label}应该是一个日期。", hint)


def _guess_date(text: str) -> str | None:
    match = re.match(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$", text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class BoolField(Field):
    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if isinstance(value, bool):
            return value
        return ctx.error(line, name, f"{self.label}只能写 true 或 false。", f"写成 `{name}: true`。")


@dataclass(frozen=True)
class IntField(Field):
    minimum: int = 1

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and value >= self.minimum:
            return value
        if isinstance(value, str) and value.strip().isdigit() and int(value) >= self.minimum:
            return int(value)
        return ctx.error(line, name, f"{self.label}应该是不小于 {self.minimum} 的整数，这里是“{value}”。",
                         f"写成 `{name}: {self.example or self.minimum}`，只写阿拉伯数字。")


@dataclass(frozen=True)
class ChoiceField(Field):
    """One of a few codes; the Chinese labels are accepted too."""

    choices: dict = field(default_factory=dict)  # accepted spelling → code
    labels: dict = field(default_factory=dict)   # code → Chinese label

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        key = value if isinstance(value, (str, bool)) else str(value)
        if isinstance(key, str):
            key = key.strip()
        if key in self.choices:
            return self.choices[key]
        allowed = "、".join(f"{code}（{label}）" for code, label in self.labels.items())
        return ctx.error(line, name, f"{self.label}“{value}”不在可选范围内。", f"只能写：{allowed}。")


_LIST_SEPARATORS = re.compile(r"[、，,；;]")


@dataclass(frozen=True)
class ListField(Field):
    """A list of short texts; a single text, or one joined with 、 is accepted."""

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if isinstance(value, str):
            items = [v.strip() for v in _LIST_SEPARATORS.split(value)]
            return [v for v in items if v]
        if not isinstance(value, Sequence):
            return ctx.error(line, name, f"{self.label}应该是一个列表。",
                             f"写成 `{name}: [{self.example or '甲, 乙'}]`。")
        items: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, (Mapping, Sequence)) or item is None or isinstance(item, bool):
                ctx.error(value.line_of(index), name, f"{self.label}的第 {index + 1} 项不是一段文字。",
                          f"每一项写成一个名字或词语，例如 `{name}: [{self.example or '甲, 乙'}]`。")
                continue
            text = str(item).strip()
            if text:
                items.append(text)
        return items


@dataclass(frozen=True)
class PlacesField(Field):
    """One place or a list of places, by id, name or alias."""

    example: str = "碧波园社区"

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if isinstance(value, Sequence) and value:
            refs = [(item, value.line_of(i)) for i, item in enumerate(value)]
        elif isinstance(value, (str, int)) and str(value).strip():
            refs = [(value, line)]
        else:
            return ctx.error(line, name, f"{self.label}应该是一个地名，或地名的列表。",
                             f"写成 `{name}: {self.example}` 或 `{name}: [地名一, 地名二]`。")
        places = []
        for ref, ref_line in refs:
            place = ctx.places.resolve(str(ref).strip(), ctx, name, ref_line) if ctx.places else INVALID
            if place is not INVALID and place not in places:
                places.append(place)
        if not places:
            return INVALID
        return places


@dataclass(frozen=True)
class CategoryField(Field):
    example: str = "停车"

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if not isinstance(value, (str, int)) or not str(value).strip():
            return ctx.error(line, name, f"{self.label}应该是分类表里的一个分类。",
                             f"写成 `{name}: {self.example}`，分类见 content/categories.yml。")
        if ctx.categories is None:
            return INVALID
        return ctx.categories.resolve(str(value).strip(), ctx, name, line)


@dataclass(frozen=True)
class MappingField(Field):
    """A nested mapping whose own fields are declared like a type's."""

    fields: dict = field(default_factory=dict)
    build: Callable[..., Any] | None = None

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if not isinstance(value, Mapping):
            keys = "、".join(self.fields)
            return ctx.error(line, name, f"{self.label}应该包含 {keys} 这几个子字段。",
                             f"写成多行，例如：\n      {name}:\n        {next(iter(self.fields))}: …")
        values, ok = parse_fields(value, self.fields, ctx, prefix=f"{name}.")
        if not ok:
            return INVALID
        return self.build(**values) if self.build else values


@dataclass(frozen=True)
class MappingListField(Field):
    """A list of nested mappings (e.g. case metrics)."""

    item: MappingField | None = None

    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if not isinstance(value, Sequence):
            return ctx.error(line, name, f"{self.label}应该是一个列表，每项以“- ”开头。",
                             f"写成：\n      {name}:\n        - label: …")
        items = []
        for index, entry in enumerate(value):
            parsed = self.item.parse(entry, ctx, f"{name}[{index + 1}]", value.line_of(index))
            if parsed is not INVALID:
                items.append(parsed)
        return items


def parse_fields(meta: Mapping, fields: dict[str, Field], ctx: Context,
                 prefix: str = "") -> tuple[dict[str, Any], bool]:
    """Parse every declared field of a mapping: (the good values, all good?).

    Unknown keys are reported as a reminder with the closest known key, since
    a misspelt key (`titel`) silently loses its value otherwise.
    """
    values: dict[str, Any] = {}
    ok = True
    for name, spec in fields.items():
        key = spec.attr or name
        if name not in meta or meta[name] is None or meta[name] == "":
            if spec.required:
                spec.missing(ctx, prefix + name, meta.line_of(name))
                ok = False
            continue
        parsed = spec.parse(meta[name], ctx, prefix + name, meta.line_of(name))
        if parsed is not INVALID and _refuse_markup(parsed, spec, ctx, prefix + name, meta.line_of(name)):
            parsed = INVALID
        if parsed is INVALID:
            ok = False
        else:
            values[key] = parsed
    for name in meta:
        if name not in fields:
            ctx.warn(meta.line_of(name), prefix + str(name), "系统不认识这个字段，它的内容不会出现在网站上。",
                     did_you_mean(str(name), fields) or "检查拼写；可用的字段见编辑手册。")
    return values, ok


def _refuse_markup(value: Any, spec: Field, ctx: Context, name: str, line: int) -> bool:
    """Report text (or a list of texts) that carries code-running markup."""
    for text in value if isinstance(value, list) else [value]:
        if isinstance(text, str) and (found := unsafe_markup(text)):
            ctx.error(line, name, f"{spec.label}：{found[0]}", found[1])
            return True
    return False


def _kind(value: Any) -> str:
    return "列表" if isinstance(value, Sequence) else "多个子字段"
