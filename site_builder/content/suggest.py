"""Closest known names, for "did you mean" hints."""

from __future__ import annotations

import difflib
from typing import Iterable


def closest(word: str, known: Iterable[str], n: int = 3) -> list[str]:
    """Known names containing the word first, then the most similar ones."""
    known = list(dict.fromkeys(known))
    contains = [k for k in known if word and (word in k or k in word)]
    similar = difflib.get_close_matches(word, known, n=n, cutoff=0.4)
    return list(dict.fromkeys(contains + similar))[:n]


def did_you_mean(word: str, known: Iterable[str]) -> str:
    names = closest(word, known)
    if not names:
        return ""
    return "是不是想写：" + "、".join(names) + "？"
