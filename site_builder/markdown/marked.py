"""Raw HTML scans that survive `<![`.

Python-Markdown parses raw HTML with its own copy of the standard library's
HTMLParser (`markdown.htmlparser.htmlparser`), and so does the scan for ids
that the site engine runs before converting a page. On most text starting
with `<![` (Word's `<![if !supportLists]>`, a stray CDATA) that parser raises
AssertionError (Python bug gh-77057, fixed in 3.13), which stopped a whole
build over one line of an article. Browsers take such text for a bogus
comment; the copy is taught to read on past the three characters instead,
so the tags that follow are still seen (and checked by content/rawhtml.py).
"""

from __future__ import annotations

from markdown import htmlparser


def _read_past(self, i: int, report: int = 1) -> int:
    """`<![…`: go on after these three characters."""
    return i + 3


def tolerate_marked_sections() -> None:
    """Patch Python-Markdown's parser copy once (forked workers inherit it)."""
    htmlparser.htmlparser.HTMLParser.parse_marked_section = _read_past
