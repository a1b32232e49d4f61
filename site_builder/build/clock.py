"""Reproducible output: every date on the site comes from the content.

Engines stamp pages (and so the sitemap and its gzip header) with the day
of the build. Building the same content twice, on different days, must give
byte-identical trees, so an article is dated by its publication date, a list
page by the newest article (`page_date`), and the build clock itself is
pinned to that date through SOURCE_DATE_EPOCH (which MkDocs and other tools
honour) unless the caller set it.
"""

from __future__ import annotations

import datetime as dt
import os

from ..content import Bulletin
from ..content.types import Article

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def page_date(article: Article | None, bulletin: Bulletin) -> str:
    """A page's date: its article's, or for a list page the newest article's."""
    return (article.date if article else bulletin.newest_date).isoformat()


class PinnedClock:
    """Sets SOURCE_DATE_EPOCH from the content for one build, then restores it."""

    def __init__(self) -> None:
        self._pinned = False

    def pin(self, bulletin: Bulletin) -> None:
        if EPOCH_VARIABLE in os.environ:
            return  # the caller's choice wins (e.g. a packager's reproducible build)
        midnight = dt.datetime.combine(bulletin.newest_date, dt.time(), tzinfo=dt.timezone.utc)
        os.environ[EPOCH_VARIABLE] = str(int(midnight.timestamp()))
        self._pinned = True

    def release(self) -> None:
        if self._pinned:
            os.environ.pop(EPOCH_VARIABLE, None)
            self._pinned = False
