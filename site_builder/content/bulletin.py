"""The loaded bulletin and the questions the site asks of it."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .categories import Categories
from .editions import Edition, EditionPage
from .places import Place, Places
from .problems import Problems
from .types import Article


@dataclass
class Bulletin:
    """Everything that may be published, newest first, with its registries."""

    content_dir: Path
    places: Places
    categories: Categories
    editions: list[Edition]
    articles: list[Article]
    problems: Problems
    today: dt.date
    preview: bool = False
    publication: str = "社区报"
    _by_place: dict = field(init=False, repr=False)
    _by_tag: dict = field(init=False, repr=False)
    _edition_of: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.articles.sort(key=lambda a: (a.date, a.id), reverse=True)
        self.by_id = {a.id: a for a in self.articles}
        self._by_place = defaultdict(list)
        self._by_tag = defaultdict(list)
        for article in self.articles:
            for place in _with_ancestors(article.places):
                self._by_place[place.id].append(article)
            for tag in article.tags:
                self._by_tag[tag].append(article)
        self._edition_of = {
            article_id: (edition, page)
            for edition in self.editions for page in edition.pages for article_id in page.articles
        }

    @functools.cached_property
    def newest_date(self) -> dt.date:
        """The date of the newest article (computed once: every page asks)."""
        return max((a.date for a in self.articles), default=dt.date(2000, 1, 1))

    @property
    def ok(self) -> bool:
        return not self.problems.errors

    def of_type(self, type_name: str) -> list[Article]:
        return [a for a in self.articles if a.type == type_name]

    def in_place(self, place: Place) -> list[Article]:
        """Articles about a place or any place inside it, newest first."""
        return self._by_place.get(place.id, [])

    def tagged(self, tag: str) -> list[Article]:
        return self._by_tag.get(tag, [])

    @property
    def tags(self) -> dict[str, list[Article]]:
        return dict(sorted(self._by_tag.items(), key=lambda item: (-len(item[1]), item[0])))

    def edition_of(self, article: Article) -> tuple[Edition, EditionPage] | None:
        return self._edition_of.get(article.id)

    def related(self, article: Article, limit: int = 5) -> list[Article]:
        """Same place first (the most specific place), then shared tags."""
        chosen: list[Article] = []
        pools = [self._by_place.get(p.id, []) for p in article.places]
        pools += [self._by_tag.get(t, []) for t in article.tags]
        for pool in pools:
            for other in pool:
                if other is not article and other not in chosen:
                    chosen.append(other)
                    if len(chosen) == limit:
                        return chosen
        return chosen


def _with_ancestors(places: list[Place]) -> list[Place]:
    seen: dict[str, Place] = {}
    for place in places:
        for p in place.lineage:
            seen.setdefault(p.id, p)
    return list(seen.values())
