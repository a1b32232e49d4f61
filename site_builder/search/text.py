"""Plain text of an article body, for the search index.

The body is Markdown; the index wants the words a reader sees. Python-Markdown
renders it (with the same attribute syntax editors use for before/after
photos) and the standard library's HTML parser keeps the text and the image
captions, with a line break between blocks so that excerpts do not run words
of two paragraphs together.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "th",
           "figcaption", "div", "section", "pre", "dt", "dd", "br"}


class _TextCollector(HTMLParser):
    """Collects character data and image alt text; drops all markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f"\n{alt}\n")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# One converter for the whole archive: building a Markdown instance costs
# about as much as converting a short note.
_MARKDOWN = markdown.Markdown(extensions=["attr_list", "md_in_html"])


def markdown_to_text(body: str) -> str:
    """The readable text of a Markdown body: one line per block, no markup."""
    html = _MARKDOWN.reset().convert(body)
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)
