"""Outputs that are not web pages, made from the core's models: Atom feeds,
open data, the archive's filter index and statistics charts."""

from __future__ import annotations

from pathlib import Path

from ..content import Bulletin
from ..content.stats import minhu_stats
from ..content.types.minhu import MinhuNote
from .charts import write_charts
from .feeds import write_feeds
from .filterindex import write_filter_index
from .links import Linker
from .opendata import write_open_data


def write_outputs(bulletin: Bulletin, site_dir: Path, *, site_url: str | None, site_name: str) -> list[Path]:
    """Write everything into the built site; returns the files written."""
    linker = Linker(site_url or None, site_name)
    notes = [a for a in bulletin.articles if isinstance(a, MinhuNote) and a.is_published]
    written = write_feeds(bulletin, site_dir, linker)
    written += write_open_data(bulletin, site_dir, linker)
    written.append(write_filter_index(bulletin, site_dir))
    written += write_charts(minhu_stats(notes, bulletin.today), site_dir).values()
    return written


__all__ = ["write_outputs"]
