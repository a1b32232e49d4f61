"""Second-level headings (## …) that divide an article body into sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Section:
    title: str
    line: int


def headings(body: str, first_line: int) -> list[Section]:
    found: list[Section] = []
    fenced = False
    for offset, text in enumerate(body.split("\n")):
        if _FENCE.match(text):
            fenced = not fenced
        elif not fenced and (match := _HEADING.match(text)):
            found.append(Section(match["title"].strip(), first_line + offset))
    return found
