"""The 数字报 reader in a build: typeset editions, publish their files, feed the pages.

With `edition_reader: true` in the plugin's options, every edition is typeset
(or taken from `.cache/reader/`) while MkDocs gathers its files; the PDFs and
page pictures are published under `editions/`, and the edition pages and the
home page get what their templates show. Without it, nothing is typeset and
an edition page is its list of headlines.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..content import Bulletin
from ..content.archive import EditionSheet
from ..content.types import Article
from ..print.reader import ReaderEdition, ReaderSheet, Region, edition_readers
from .caches import cache_dir
from .config import BulletinConfig
from .printing import pdf_path, print_options
from ..build.progress import Progress
from ..system import cores

log = get_plugin_logger("社区报")


@dataclass(frozen=True)
class Hotspot:
    """A link laid over a page picture: the article and where it is printed."""

    article: Article
    region: Region


@dataclass(frozen=True)
class ReaderPage:
    """What the edition template shows of one 版: its entry, its pictures, its hotspots."""

    sheet: EditionSheet
    layout: ReaderSheet
    hotspots: list[Hotspot]


class SiteReader:
    """The editions of one build as the reader shows them."""

    def __init__(self) -> None:
        self.editions: dict[str, ReaderEdition] = {}
        self.typeset: tuple[int, float] = (0, 0.0)  # editions typeset this build, seconds it took

    def on_files(self, bulletin: Bulletin, files: Files, config: MkDocsConfig, options: BulletinConfig,
                 progress: Progress) -> None:
        """Typeset what changed, and add every edition's PDFs and pictures to the site."""
        self.editions, self.typeset = {}, (0, 0.0)
        if not options.edition_reader or not bulletin.editions:
            return
        settings = print_options(config, options)
        root = cache_dir(config, "reader")
        site_dir = Path(config.site_dir)
        started = time.perf_counter()
        with progress.step("正在排印数字报"):
            readers, typeset = edition_readers(bulletin, bulletin.editions, settings, root, cores())
        self.typeset = (typeset, time.perf_counter() - started)
        for edition in bulletin.editions:
            reader = self.editions[edition.id] = readers[edition.id]
            for message in reader.warnings:
                log.warning(f"{edition.path.name}：{message}")
            whole = pdf_path(site_dir, edition).relative_to(site_dir).as_posix()
            files.append(File.generated(config, whole, abs_src_path=str(reader.folder / reader.pdf)))
            for name in reader.files()[1:]:
                files.append(File.generated(config, f"{edition.url}{name}", abs_src_path=str(reader.folder / name)))

    def extend(self, values: dict) -> None:
        """Add the reader to an edition page's or the home page's template values."""
        if (edition := values.get("edition")) is not None and "sheets" in values:
            reader = self.editions.get(edition.id)
            values["reader"] = pages(values["sheets"], reader) if reader else None
            values["edition_pdf"] = values.get("edition_pdf") or reader is not None
        if (latest := values.get("latest_edition")) is not None:
            reader = self.editions.get(latest.id)
            values["latest_front"] = reader.sheets[0] if reader and reader.sheets else None


def pages(sheets: list[EditionSheet], reader: ReaderEdition) -> list[ReaderPage]:
    """Each 版 with its pictures and a hotspot per article, in reading order."""
    layouts = {layout.number: layout for layout in reader.sheets}
    shown = []
    for sheet in sheets:
        layout = layouts.get(sheet.page.number)
        if layout is None:
            continue
        regions = {region.article: region for region in layout.regions}
        hotspots = [Hotspot(a, regions[a.id]) for a in sheet.articles if a.id in regions]
        shown.append(ReaderPage(sheet, layout, hotspots))
    return shown
