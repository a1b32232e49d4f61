"""The site's structure as indexes over the bulletin, built once per build.

Every list page (a section, a place, a category, a tag, an edition) reads a
slice of a list computed here, so that building thousands of pages costs one
pass over the articles rather than one scan per page.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable

from . import slugs
from .bulletin import Bulletin
from .categories import Category
from .calendar import CalendarMonth, edition_calendar
from .editions import Edition, EditionPage
from .places import Place
from .stats import MinhuStats, minhu_stats, month_key
from .types import TYPES, Article

TYPE_NAMES = [t.name for t in TYPES.values()]  # story, case, minhu


@dataclass(frozen=True)
class EditionSheet:
    """One 版 of an edition with its articles resolved, in reading order."""

    page: EditionPage
    articles: list[Article]

    @property
    def anchor(self) -> str:
        return f"ban-{self.page.number}"


class Archive:
    """Groupings of the published articles that the site's pages are made of."""

    def __init__(self, bulletin: Bulletin) -> None:
        self.bulletin = bulletin
        self.by_type: dict[str, list[Article]] = {name: [] for name in TYPE_NAMES}
        for article in bulletin.articles:  # already newest first; grouping keeps the order
            self.by_type.setdefault(article.type, []).append(article)
        self.notes = self.by_type["minhu"]
        self.notes_by_category: dict[Category, list[Article]] = {c: [] for c in bulletin.categories}
        self.notes_by_status: dict[str, list[Article]] = defaultdict(list)
        for note in self.notes:
            self.notes_by_category.setdefault(note.category, []).append(note)
            self.notes_by_status[note.status].append(note)
        self.place_articles: dict[str, dict[str, list[Article]]] = {}
        for place in bulletin.places:
            grouped: dict[str, list[Article]] = {name: [] for name in TYPE_NAMES}
            for article in bulletin.in_place(place):
                grouped.setdefault(article.type, []).append(article)
            self.place_articles[place.id] = grouped

    # ----- places

    def place_counts(self, place: Place) -> dict[str, int]:
        """Articles of each type about the place or a place inside it."""
        return {name: len(items) for name, items in self.place_articles[place.id].items()}

    def notes_in(self, place: Place) -> list[Article]:
        return self.place_articles[place.id]["minhu"]

    @cached_property
    def places_with_notes(self) -> list[Place]:
        """Places that have notes, in the registry's order (区, 街道, 社区 …)."""
        return [p for p in self.bulletin.places if self.place_articles[p.id]["minhu"]]

    def place_stats(self, place: Place) -> MinhuStats:
        return self._place_stats[place.id]

    @cached_property
    def _place_stats(self) -> dict[str, MinhuStats]:
        today = self.bulletin.today
        return {p.id: minhu_stats(self.notes_in(p), today) for p in self.bulletin.places}

    # ----- 民呼即应

    @cached_property
    def stats(self) -> MinhuStats:
        return minhu_stats(self.notes, self.bulletin.today)

    @cached_property
    def months(self) -> list[str]:
        """The months ("2022-06") in which notes were received, newest first."""
        return sorted({month_key(n.received) for n in self.notes}, reverse=True)

    @cached_property
    def months_by_year(self) -> list[tuple[str, list[str]]]:
        """("2022", ["2022-11", …, "2022-03"]), newest year and month first."""
        years: dict[str, list[str]] = {}
        for month in self.months:
            years.setdefault(month[:4], []).append(month)
        return list(years.items())

    # ----- editions

    @cached_property
    def editions_newest_first(self) -> list[Edition]:
        return sorted(self.bulletin.editions, key=lambda e: (e.date, e.id), reverse=True)

    @cached_property
    def editions_by_year(self) -> list[tuple[int, list[Edition]]]:
        years: dict[int, list[Edition]] = {}
        for edition in self.editions_newest_first:
            years.setdefault(edition.date.year, []).append(edition)
        return list(years.items())

    @cached_property
    def edition_calendar(self) -> list[tuple[int, list[CalendarMonth]]]:
        return edition_calendar(self.bulletin.editions)

    def edition_neighbours(self, edition: Edition) -> tuple[Edition | None, Edition | None]:
        """(previous, next) in time."""
        ordered = self.bulletin.editions  # oldest first
        index = self._edition_index[edition.id]
        previous = ordered[index - 1] if index > 0 else None
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        return previous, following

    @cached_property
    def _edition_index(self) -> dict[str, int]:
        return {e.id: i for i, e in enumerate(self.bulletin.editions)}

    def edition_sheets(self, edition: Edition) -> list[EditionSheet]:
        by_id = self.bulletin.by_id
        return [EditionSheet(page, [by_id[a] for a in page.articles if a in by_id]) for page in edition.pages]

    # ----- tags

    @cached_property
    def tag_slugs(self) -> dict[str, str]:
        """A URL slug per tag: its pinyin. Tags whose pinyin collides (公式/公事)
        each get a short hash of the tag text rather than a number, so that the
        slug does not depend on which of them came first."""
        return tag_slugs(self.bulletin.tags)


def tag_slugs(tags: Iterable[str]) -> dict[str, str]:
    """The URL slug of each tag (see `Archive.tag_slugs`); article pages link
    their tags with it without building the whole archive."""
    by_slug: dict[str, list[str]] = defaultdict(list)
    for tag in tags:
        by_slug[_tag_pinyin(tag)].append(tag)
    result = {}
    for slug, group in by_slug.items():
        for tag in group:
            result[tag] = slug if len(group) == 1 else f"{slug}-{_short_hash(tag)}"
    return result


@lru_cache(maxsize=1 << 16)
def _tag_pinyin(tag: str) -> str:
    """Pinyin is the costly part (~0.17 ms a tag): the structure pages and the
    article pages both need every tag's slug, and `serve` rebuilds often."""
    return slugs.from_title(tag)[:50]


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
