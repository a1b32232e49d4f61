"""Set one edition: Jinja templates to HTML, WeasyPrint to PDF, then check it.

    result = print_edition(bulletin, edition, Path("site/editions/x.pdf"), options)
    for overflow in result.overflows: print(overflow.message)
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from PIL import ImageFile
from weasyprint import HTML
from weasyprint.document import Document

from ..content import Bulletin
from ..content.editions import Edition
from ..content.types import Article
from ..site import urls
from ..site.urls import absolute_url
from ..images import ImageError, print_variant
from ..system import writing_atomically
from .body import BodyRenderer
from .fetcher import LocalFetcher
from .layout import PrintArticle, PrintFigure, PrintSheet, published_articles, sheet_of
from .options import PrintOptions, PrintResult
from .overflow import find_overflows
from .qr import qr_data_uri
from .templates import bulletin_theme, environment

NOTDEF = ".notdef glyph rendered"

# Importing WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole
# process; the image pipeline must keep refusing broken photos (a truncated
# JPEG is an error for the editor), and the PDF only shows JPEGs we made.
ImageFile.LOAD_TRUNCATED_IMAGES = False


class _Setter:
    """Turns the edition's articles into pieces ready for the template."""

    def __init__(self, options: PrintOptions, result: PrintResult, env) -> None:
        self.options = options
        self.result = result
        size = options.size
        # Body pictures may span two columns; covers half the page.
        self.body = BodyRenderer(options.markdown_extensions, options.markdown_configs,
                                 self.print_file, 2 * size.column_width_mm + size.gap_mm, env)
        self.cover_mm = size.body_width_mm / 2

    def print_file(self, source: Path, width_mm: float) -> Path | None:
        try:
            return print_variant(source, width_mm, self.options.dpi, cache_dir=self.options.cache_dir)
        except ImageError as exc:
            self.result.warnings.append(f"图片 {source.name} 无法用于印刷：{exc}")
            return None

    def piece(self, article: Article) -> PrintArticle:
        cover = None
        if article.cover and (path := self.print_file(article.cover.file, self.cover_mm)):
            cover = PrintFigure(path.as_uri(), article.cover.caption, article.cover.credit)
        return PrintArticle(article, self.body.render(article), cover, self.qr(article.url))

    def qr(self, target: str) -> str | None:
        url = absolute_url(self.options.site_url, target)
        return qr_data_uri(url) if url else None


def print_edition(bulletin: Bulletin, edition: Edition, target: Path, options: PrintOptions) -> PrintResult:
    """Write the edition's PDF to `target`; the result tells what to fix."""
    return typeset(bulletin, edition, target, options).result


@dataclass
class Typeset:
    """An edition laid out and written: the PDF's result, its WeasyPrint
    document (pages, anchors) and the 版 as set."""

    result: PrintResult
    document: Document
    sheets: list[PrintSheet]


def typeset(bulletin: Bulletin, edition: Edition, target: Path, options: PrintOptions) -> Typeset:
    """Lay the edition out, write its PDF to `target` and check it."""
    result = PrintResult(path=target, pages=0, sheets=len(edition.pages))
    if not options.site_url:
        result.warnings.append("mkdocs.yml 没有设置 site_url，印刷版上不放二维码。"
                               "在 mkdocs.yml 里加一行 `site_url: https://本报网址/` 即可。")
    env = environment(options.theme_dirs)
    setter = _Setter(options, result, env)
    sheets = [sheet_of(page, [setter.piece(a) for a in published_articles(bulletin, page)])
              for page in edition.pages]
    html = env.get_template("print/edition.html").render(
        edition=edition, sheets=sheets, size=options.size,
        archive_qr=setter.qr(urls.section("minhu")), site_url=options.site_url,
    )
    theme = bulletin_theme()
    fetcher = LocalFetcher([bulletin.content_dir, options.cache_dir, theme, *options.theme_dirs])
    with _glyph_catcher() as missing:
        document = HTML(string=html, base_url=str(theme / "print") + "/", url_fetcher=fetcher).render()
        write_pdf(document, target)  # text is drawn, and missing glyphs noticed, here
    result.missing_glyphs = missing
    result.pages = len(document.pages)
    result.overflows = find_overflows(document, sheets, options.size)
    return Typeset(result, document, sheets)


def write_pdf(document: Document, target: Path) -> None:
    """Write atomically: a printer never picks up half a file."""
    with writing_atomically(target) as temporary:
        document.write_pdf(temporary)


@contextmanager
def _glyph_catcher() -> Iterator[list[str]]:
    """WeasyPrint logs each text run that no font can show; collect them."""
    catcher = _GlyphCatcher()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(catcher)
    try:
        yield catcher.missing
    finally:
        logger.removeHandler(catcher)


class _GlyphCatcher(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.missing: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if NOTDEF in message:
            self.missing.append(message.split(":", 1)[-1].strip())
