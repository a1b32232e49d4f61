"""Run Pagefind over the search records and write its bundle into the site.

Pagefind splits the index into small chunks that a browser fetches only as a
query needs them, so a phone downloads a few dozen kilobytes per search
instead of one index of the whole archive.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pagefind.index import IndexConfig, PagefindIndex

from ..content import Bulletin
from .records import LANGUAGE, SearchRecord, records

log = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"

# Pagefind also writes its ready-made interfaces; the site uses its own
# Chinese results view over pagefind.js, so these would only be dead weight.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
                "pagefind-modular-ui.css", "pagefind-component-ui.js",
                "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind could not build the index; the message is Chinese."""


@dataclass(frozen=True)
class IndexSummary:
    """What was indexed, for the build log and the benchmark."""

    records: int
    bundle: Path

    @property
    def bytes(self) -> int:
        return sum(f.stat().st_size for f in self.bundle.rglob("*") if f.is_file())


async def _write(items: Iterable[SearchRecord], bundle: Path) -> int:
    count = 0
    config = IndexConfig(output_path=str(bundle))
    async with PagefindIndex(config=config) as index:
        for item in items:
            await index.add_custom_record(url=item.url, content=item.content, language=LANGUAGE,
                                          meta=item.meta, filters=item.filters, sort=item.sort)
            count += 1
    return count


def write_index(items: Iterable[SearchRecord], site_dir: Path) -> IndexSummary:
    """Replace the site's search bundle with an index of `items`."""
    bundle = Path(site_dir).resolve() / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)  # no chunk of an earlier build may survive
    try:
        count = asyncio.run(_write(items, bundle))
    except Exception as exc:  # the service reports failures as plain exceptions
        raise SearchIndexError(f"搜索索引没有生成（Pagefind 出错：{exc}）。"
                               "请确认已安装 pagefind[extended]（运行 make install），再生成一次。") from exc
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    return IndexSummary(count, bundle)


def build_index(bulletin: Bulletin, site_dir: Path) -> IndexSummary:
    """Index every published article of the bulletin into `site_dir`/pagefind/."""
    return write_index(records(bulletin), site_dir)
