"""MkDocs' scan of raw HTML, made to survive `<![`.

Before converting a page, MkDocs 1.6 feeds its whole Markdown (code spans
and fenced blocks included) to an HTMLParser subclass that collects the ids
of raw HTML (`mkdocs.structure.pages._HTMLHandler`). On most text starting
with `<![` the standard library's parser raises AssertionError (Python bug
gh-77057, fixed in Python 3.13), so one such line in an article stopped the
build. Python-Markdown works around the bug itself; MkDocs 1.x gets no new
release, so its scanner is taught the same tolerance here.
"""

from __future__ import annotations

from mkdocs.structure import pages


def _read_past(self, i: int, report: int = 1) -> int:
    """`<![…`: go on after these three characters; tags that follow are still scanned."""
    return i + 3


def tolerate_marked_sections() -> None:
    """Patch MkDocs' scanner once (forked build workers inherit it)."""
    scanner = getattr(pages, "_HTMLHandler", None)
    if scanner is not None and "parse_marked_section" not in vars(scanner):
        scanner.parse_marked_section = _read_past
