"""The 数字报 reader: every 版 of an edition as page pictures with article regions.

Made from the very layout of the print PDF (render.typeset): the whole 期's
PDF, one PDF per 版, each page drawn (raster.py) as WebP at a phone and a desktop width
plus a thumbnail, and the region of every article read from WeasyPrint's
layout (`Document.pages[i].anchors`, one id per article in print/*.html),
stored as fractions of the page so that it scales with the picture.

Everything lands in one cache folder per edition, named by a hash of the
edition's inputs (its entry, its articles and their pictures, the print
templates, the settings): an unchanged edition is never typeset again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import shutil
import tempfile
import threading
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from ..content import Bulletin
from ..content.editions import Edition
from ..content.fingerprint import Fingerprints
from ..images.cache import file_sha256
from .layout import published_articles
from .options import PrintOptions

READER_VERSION = 1
WIDTHS = {"small": 800, "large": 1600, "thumb": 240}
# A fragment shorter than this share of the page (the last lines of an article
# that starts at the foot of a page) is not where its region goes.
MIN_FRAGMENT = 0.08


@dataclass(frozen=True)
class Picture:
    """One WebP file of the reader: its name in the edition's folder and size in pixels."""

    name: str
    width: int
    height: int


@dataclass(frozen=True)
class PageImage:
    """One printed page, at the phone and the desktop width."""

    small: Picture
    large: Picture


@dataclass(frozen=True)
class Region:
    """Where an article lies on its 版: the page (0 for the first) and fractions of that page."""

    article: str  # the article's id
    page: int
    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class ReaderSheet:
    """One 版: its pages (more than one only when its content overflows), thumbnail, PDF, regions."""

    number: int
    pdf: str
    thumb: Picture
    pages: tuple[PageImage, ...]
    regions: tuple[Region, ...]


@dataclass(frozen=True)
class ReaderEdition:
    """An edition ready for the reader; `folder` holds every file named here."""

    id: str
    folder: Path
    pdf: str
    sheets: tuple[ReaderSheet, ...]
    warnings: tuple[str, ...] = ()

    def files(self) -> list[str]:
        """The names of the published files, PDFs and pictures."""
        names = [self.pdf]
        for sheet in self.sheets:
            names += [sheet.pdf, sheet.thumb.name, *(p.name for page in sheet.pages for p in (page.small, page.large))]
        return names


def edition_reader(bulletin: Bulletin, edition: Edition, options: PrintOptions, cache_root: Path) -> ReaderEdition:
    """The reader's files for `edition`, from the cache or typeset now."""
    folder = _folder(bulletin, edition, options, cache_root)
    manifest = folder / "manifest.json"
    if manifest.is_file():
        return _load(manifest, folder)
    cache_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cache_root, prefix=".part-"))
    try:
        reader = _typeset(bulletin, edition, options, staging)
        record = {name: value for name, value in asdict(reader).items() if name != "folder"}  # it moves
        (staging / "manifest.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), "utf-8")
        for old in cache_root.glob(f"{edition.id}-*"):  # an earlier state of this edition
            if old.is_dir() and len(old.name) == len(folder.name):
                shutil.rmtree(old, ignore_errors=True)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return _load(manifest, folder)


def edition_readers(bulletin: Bulletin, editions: list[Edition], options: PrintOptions, cache_root: Path,
                    workers: int = 1) -> tuple[dict[str, ReaderEdition], int]:
    """Every edition's reader, by id, and how many were typeset now. Those are
    shared among up to `workers` forked processes (each writes its cache folder)."""
    global _job
    missing = [e for e in editions if not _folder(bulletin, e, options, cache_root).joinpath("manifest.json").is_file()]
    if (workers > 1 and len(missing) > 1 and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods()):
        _job = (bulletin, options, cache_root)
        try:
            with multiprocessing.get_context("fork").Pool(min(workers, len(missing))) as pool:
                pool.map(_typeset_in_worker, [e.id for e in missing], chunksize=1)
        finally:
            _job = None
    return {e.id: edition_reader(bulletin, e, options, cache_root) for e in editions}, len(missing)


_job: tuple[Bulletin, PrintOptions, Path] | None = None  # what a forked worker finds in memory


def _typeset_in_worker(edition_id: str) -> None:
    bulletin, options, cache_root = _job
    edition = next(e for e in bulletin.editions if e.id == edition_id)
    edition_reader(bulletin, edition, options, cache_root)


def _folder(bulletin: Bulletin, edition: Edition, options: PrintOptions, cache_root: Path) -> Path:
    return cache_root / f"{edition.id}-{reader_key(bulletin, edition, options)[:20]}"


def reader_key(bulletin: Bulletin, edition: Edition, options: PrintOptions) -> str:
    """A hash of everything the edition's pages are made from."""

    def pictures(article) -> list[str]:
        return [file_sha256(image.file) for image in (article.cover, *article.images) if image]

    prints = Fingerprints(pictures)
    articles = [[prints.article(a), getattr(getattr(a, "category", None), "name", "")]
                for page in edition.pages for a in published_articles(bulletin, page)]
    templates = sorted((str(p.relative_to(root)), file_sha256(p)) for root in _print_folders(options)
                       for p in root.rglob("*") if p.is_file())
    # Extensions given as objects (the site's picture lookup) by their class: their repr holds an address.
    extensions = [e if isinstance(e, str) else type(e).__qualname__ for e in options.markdown_extensions]
    parts = [READER_VERSION, WIDTHS, repr(edition), articles, templates, options.size.name, options.site_url,
             options.dpi, extensions, options.markdown_configs,
             [metadata.version(name) for name in ("weasyprint", "pillow", "markdown", "pypdfium2")]]
    return hashlib.blake2b(json.dumps(parts, ensure_ascii=False, default=_named).encode(), digest_size=20).hexdigest()


def _named(value: object) -> str:
    """A value JSON cannot hold (a function in the Markdown settings), by name: never by address."""
    if isinstance(value, (dt.date, Path)):
        return str(value)
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"


def _print_folders(options: PrintOptions) -> list[Path]:
    from .templates import bulletin_theme
    return [folder / "print" for folder in (*options.theme_dirs, bulletin_theme()) if (folder / "print").is_dir()]


def _typeset(bulletin: Bulletin, edition: Edition, options: PrintOptions, folder: Path) -> ReaderEdition:
    from .raster import rasterise, save_webp
    from .render import typeset, write_pdf

    done = typeset(bulletin, edition, folder / "edition.pdf", options)
    document = done.document
    drawn = rasterise(folder / "edition.pdf", WIDTHS)
    where = _anchor_pages(document)
    sheets = []
    for sheet in done.sheets:
        first = where.get(sheet.anchor, [0])[0]
        last = max(where.get(f"{sheet.anchor}-end", [first])[0], first)
        indexes = list(range(first, last + 1))
        name = f"ban-{sheet.page.number}"
        if len(indexes) == len(document.pages):  # a 版 that is the whole edition
            shutil.copyfile(folder / "edition.pdf", folder / f"{name}.pdf")
        else:
            write_pdf(document.copy(pages=[document.pages[i] for i in indexes]), folder / f"{name}.pdf")
        pages = []
        for n, index in enumerate(indexes, start=1):
            files = {}
            for size in ("small", "large"):
                picture, width, height = drawn[index][size]
                files[size] = Picture(f"{name}-{n}-{width}.webp", width, height)
                save_webp(picture, folder / files[size].name)
            pages.append(PageImage(**files))
        picture, width, height = drawn[first]["thumb"]
        thumb = Picture(f"{name}-thumb.webp", width, height)
        save_webp(picture, folder / thumb.name)
        pieces = sorted([*sheet.articles, *sheet.notes], key=lambda p: sheet.page.articles.index(p.article.id))
        regions = tuple(r for piece in pieces if (r := _region(document, indexes, piece.anchor, piece.article.id)))
        sheets.append(ReaderSheet(sheet.page.number, f"{name}.pdf", thumb, tuple(pages), regions))
    return ReaderEdition(edition.id, folder, "edition.pdf", tuple(sheets), tuple(done.result.messages()))


def _anchor_pages(document) -> dict[str, list[int]]:
    where: dict[str, list[int]] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            where.setdefault(anchor, []).append(index)
    return where


def _region(document, indexes: list[int], anchor: str, article_id: str) -> Region | None:
    """The article's region: its first fragment that is not a mere tail, else its largest."""
    fragments = []
    for n, index in enumerate(indexes):
        page = document.pages[index]
        if (box := page.anchors.get(anchor)) is not None:
            x0, y0, x1, y1 = box
            fragments.append((n, x0 / page.width, y0 / page.height, (x1 - x0) / page.width, (y1 - y0) / page.height))
    if not fragments:
        return None
    chosen = next((f for f in fragments if f[4] >= MIN_FRAGMENT), max(fragments, key=lambda f: f[3] * f[4]))
    n, left, top, width, height = (chosen[0], *(round(min(max(v, 0.0), 1.0), 4) for v in chosen[1:]))
    return Region(article_id, n, left, top, width, height)


def _load(manifest: Path, folder: Path) -> ReaderEdition:
    data = json.loads(manifest.read_text("utf-8"))
    sheets = tuple(ReaderSheet(
        s["number"], s["pdf"], Picture(**s["thumb"]),
        tuple(PageImage(Picture(**p["small"]), Picture(**p["large"])) for p in s["pages"]),
        tuple(Region(**r) for r in s["regions"]),
    ) for s in data["sheets"])
    return ReaderEdition(data["id"], folder, data["pdf"], sheets, tuple(data["warnings"]))
