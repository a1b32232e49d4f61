"""The choices of the search page's facets, from the same values the index
holds, so that every option the page offers can match something."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content import Bulletin
from ..content.places import Place
from ..content.types import TYPES
from ..content.types.minhu import STATUSES
from .records import (CATEGORY, PLACE, STATUS, TYPE, YEAR, PlaceLabels, lineage_labels,
                      published, years)


@dataclass(frozen=True)
class Option:
    """One choice: the filter value, and its depth in the place tree."""

    value: str
    depth: int = 0


@dataclass(frozen=True)
class Facet:
    """A facet of the search page: its filter key, its Chinese label, its choices."""

    key: str
    label: str
    any_label: str
    options: list[Option] = field(default_factory=list)


def _place_options(bulletin: Bulletin, articles: list, label: PlaceLabels) -> list[Option]:
    """Places that have articles (directly or below them), in tree order."""
    used = {value for a in articles for value in lineage_labels(a, label)}

    def walk(place: Place, depth: int) -> list[Option]:
        if label(place) not in used:
            return []
        options = [Option(label(place), depth)]
        for child in place.children:
            options += walk(child, depth + 1)
        return options

    return [option for root in bulletin.places.roots for option in walk(root, 0)]


def search_facets(bulletin: Bulletin) -> list[Facet]:
    """Type, place, 民呼即应 category and status, year; only values in use."""
    articles = published(bulletin)
    label = PlaceLabels(bulletin.places)
    present_types = {a.type for a in articles}
    notes = [a for a in articles if a.type == "minhu"]
    categories = {a.category.name for a in notes}
    statuses = {a.status_label for a in notes}
    facets = [
        Facet(TYPE, "类型", "全部类型",
              [Option(t.label) for t in TYPES.values() if t.name in present_types]),
        Facet(PLACE, "地方", "全部地方", _place_options(bulletin, articles, label)),
        Facet(CATEGORY, "民呼即应分类", "全部分类",
              [Option(c.name) for c in bulletin.categories if c.name in categories]),
        Facet(STATUS, "办理状态", "全部状态",
              [Option(s) for s in STATUSES.values() if s in statuses]),
        Facet(YEAR, "年份", "全部年份", [Option(y) for y in years(articles)]),
    ]
    return [f for f in facets if f.options]


def popular_topics(bulletin: Bulletin, limit: int = 8) -> list[str]:
    """The most used tags of published articles: suggestions when nothing is found."""
    counts: dict[str, int] = {}
    for article in published(bulletin):
        for tag in article.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return sorted(counts, key=lambda tag: (-counts[tag], tag))[:limit]
