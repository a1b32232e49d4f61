"""An edition laid out for print: its 版, and on each the pieces to set.

Stories and cases run in the main flow of a 版; its 民呼即应 notes are
gathered into one boxed column, as papers set their hotline corner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content import Bulletin
from ..content.editions import EditionPage
from ..content.types import Article


@dataclass(frozen=True)
class PrintFigure:
    """A picture ready for the page: a print JPEG with its caption and credit."""

    uri: str
    caption: str
    credit: str = ""


@dataclass
class PrintArticle:
    """One article as set on paper: its model, body HTML, cover and QR code."""

    article: Article
    body: str
    cover: PrintFigure | None = None
    qr: str | None = None  # data: URI of the QR code to its web page

    @property
    def type(self) -> str:
        return self.article.type

    @property
    def anchor(self) -> str:
        """The element id of the article on the page: the reader finds its region by it."""
        return anchor_of(self.article)


@dataclass
class PrintSheet:
    """One 版: the edition's page entry and its articles in reading order."""

    page: EditionPage
    articles: list[PrintArticle] = field(default_factory=list)
    notes: list[PrintArticle] = field(default_factory=list)  # 民呼即应, boxed

    @property
    def anchor(self) -> str:
        return f"sheet-{self.page.number}"

    @property
    def label(self) -> str:
        """第3版, as the paper prints it."""
        return f"第{self.page.number}版"

    @property
    def has_credits(self) -> bool:
        return bool(self.page.editors or self.page.designers or self.page.proofreaders)


def anchor_of(article: Article) -> str:
    """`article-stories-2022-x` for `stories/2022/x`: an id WeasyPrint reports the box of."""
    return "article-" + article.id.replace("/", "-")


def published_articles(bulletin: Bulletin, page: EditionPage) -> list[Article]:
    """The page's articles that are published; drafts and embargoed ones are
    left out (the core has warned about them)."""
    found = (bulletin.by_id.get(article_id) for article_id in page.articles)
    return [a for a in found if a is not None and a.is_published]


def sheet_of(page: EditionPage, pieces: list[PrintArticle]) -> PrintSheet:
    """Sort a page's pieces into the main flow and the 民呼即应 box."""
    sheet = PrintSheet(page)
    for piece in pieces:
        (sheet.notes if piece.type == "minhu" else sheet.articles).append(piece)
    return sheet
