"""Raw HTML and links in an article body that would be unsafe to publish.

Markdown lets an editor paste HTML, and a snippet copied from a WeChat
article or a video site easily carries a `<script>`, an `onclick=` or an
`<iframe>`. Such markup would run code in residents' browsers (or load
another site), so it is an error with the file and line. Code shown in
backticks or fenced blocks is text, not markup, and is left alone.

The rendered pages are sanitised again by the MkDocs adapter: this check is
for the editor, who learns what to change and where.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from . import links
from .fields import Context
from .markup import FORBIDDEN_TAGS

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                  "background", "cite", "longdesc", "srcset"}
EMBEDDING_ATTRIBUTES = {"src", "data", "poster", "background", "srcset"}

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def mask_code(body: str) -> str:
    """The body with fenced blocks and code spans blanked, lines kept in place."""
    if "`" not in body and "~~~" not in body:
        return body  # nothing to blank
    lines, fenced = [], False
    for text in body.split("\n"):
        if _FENCE.match(text):
            fenced = not fenced
            lines.append("")
        elif fenced:
            lines.append("")
        else:
            lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text))
    return "\n".join(lines)


def check_body(body: str, body_line: int, article_path: Path, content_root: Path, ctx: Context) -> None:
    """Report unsafe HTML and unsafe link targets of a Markdown body."""
    masked = mask_code(body)
    if "<" in masked:  # the parser calls us for tags only
        _TagChecker(body_line, article_path, content_root, ctx).check(masked)
    if "[" not in masked and "<" not in masked:  # every link form needs one of them
        return
    for offset, text in enumerate(masked.split("\n")):
        if "[" in text or "<" in text:
            for target in links.markdown_targets(text):
                links.check_target(target, body_line + offset, "链接", article_path, content_root, ctx)


class _TagChecker(HTMLParser):
    """Walks the raw HTML of a body; reports each unsafe tag or attribute."""

    def __init__(self, first_line: int, article_path: Path, content_root: Path, ctx: Context) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.article_path = article_path
        self.content_root = content_root
        self.ctx = ctx

    def check(self, text: str) -> None:
        self.feed(text)
        self.close()

    @property
    def line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.ctx.error(self.line, "正文", f"正文里有 <{tag}>（{FORBIDDEN_TAGS[tag]}），网站不允许在文章里运行代码或嵌入其他网站。",
                           f"删掉 <{tag}> 这段 HTML；视频、地图等请截图配文字说明，或写一个普通链接。")
            return
        for name, value in attrs:
            if name.startswith("on"):
                self.ctx.error(self.line, "正文", f"<{tag}> 标签里有 {name}= 属性，它会在读者的浏览器里运行代码。",
                               f"删掉 {name}=\"…\" 这一段属性。")
            elif name == "style" and value and re.search(r"expression\s*\(|url\s*\(", value, re.I):
                self.ctx.error(self.line, "正文", f"<{tag}> 标签的 style 属性会加载其他内容。", "删掉 style 属性。")
            elif name in URL_ATTRIBUTES and value:
                for target in _urls(name, value):
                    links.check_target(target, self.line, "正文", self.article_path, self.content_root,
                                       self.ctx, embedded=name in EMBEDDING_ATTRIBUTES)

    handle_startendtag = handle_starttag

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """`<![…` (CDATA, Word's `<![if …]>`): read on past the three characters.

        HTMLParser raises AssertionError on most such text; browsers take it
        for a comment. Tags inside are still checked, which is the safe side.
        """
        return i + 3


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":  # "a.jpg 1x, b.jpg 2x"
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value]
