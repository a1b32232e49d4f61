"""URL slugs: lowercase ASCII, digits and hyphens, made from titles by pinyin."""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

MAX_LENGTH = 60
_VALID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def is_valid(slug: str) -> bool:
    return len(slug) <= MAX_LENGTH and _VALID.match(slug) is not None


def from_title(title: str) -> str:
    """A pinyin slug: 巧设围栏便民出行 → qiao-she-wei-lan-bian-min-chu-xing.

    Non-Chinese runs (digits, Latin words) are kept; the result is cut at a
    syllable boundary so that it never exceeds MAX_LENGTH.
    """
    words: list[str] = []
    for chunk in lazy_pinyin(title, style=Style.NORMAL, errors="default"):
        words.extend(w for w in _NON_ALNUM.split(chunk.lower()) if w)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_LENGTH:
            break
        slug = candidate
    return slug or "wen-zhang"


def unique(slug: str, taken: set[str]) -> str:
    """Toneless pinyin collides (公式/公事): number the later ones -2, -3 …"""
    if slug not in taken:
        return slug
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = slug[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        n += 1
