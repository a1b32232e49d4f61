"""One search record per published article, made from the core's models.

The index is built from the bulletin itself rather than from rendered pages:
it holds exactly the published articles (never drafts or embargoed ones, even
in a preview build), their facets come from the typed fields, and no template
has to carry indexing markup.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator

import markdown

from ..content import Bulletin
from ..content.places import Place, Places
from ..content.types import Article
from . import text, tokens
from .text import markdown_to_text
from .tokens import index_text

# The facets a reader narrows results by; the keys are shared with search.js.
TYPE, PLACE, CATEGORY, STATUS, YEAR = "type", "place", "category", "status", "year"

# The text reaches Pagefind already cut into words (tokens.py), so Pagefind
# must not segment it again: "zh" would make it run jieba at index time and
# the browser's segmenter at query time. "und" (undetermined) indexes the
# words as given, without stemming.
LANGUAGE = "und"


@dataclass(frozen=True)
class SearchRecord:
    """What Pagefind stores for one article; `content` is already cut into
    words (see tokens.py), the meta are shown as written."""

    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)

    @cached_property
    def key(self) -> str:
        """A hash of everything the record holds."""
        return _hash([self.url, self.content, self.meta, self.filters, self.sort])


class PlaceLabels:
    """The name shown for a place in results and in the place facet.

    Names are not unique (城区 may exist in two cities), so a shared name gets
    its parent's name in brackets; filter values must tell the places apart.
    """

    def __init__(self, places: Places) -> None:
        counts: dict[str, int] = {}
        for place in places:
            counts[place.name] = counts.get(place.name, 0) + 1
        self._shared = {name for name, count in counts.items() if count > 1}

    def __call__(self, place: Place) -> str:
        if place.name in self._shared:
            outer = place.parent.name if place.parent else (place.city or place.id)
            return f"{place.name}（{outer}）"
        return place.name


def published(bulletin: Bulletin) -> list[Article]:
    """The articles a reader may find: a preview build also holds drafts."""
    return [a for a in bulletin.articles if a.is_published]


def type_label(article: Article) -> str:
    """报道 for every story in the type facet; 图说/评论 are kinds of 报道."""
    return article.type_label


def display_type(article: Article) -> str:
    """The type a result shows: 图说 and 评论 by their own names."""
    return getattr(article, "kind_label", article.type_label)


def lineage_labels(article: Article, label: PlaceLabels) -> list[str]:
    """Each place of the article and all places it lies in, once each,
    so that filtering on 长阳镇 finds the articles of its communities."""
    seen: dict[str, str] = {}
    for place in article.places:
        for step in place.lineage:
            seen.setdefault(step.id, label(step))
    return list(seen.values())


def _text_parts(article: Article, label: PlaceLabels) -> tuple[tuple, str, tuple]:
    """The searchable text before conversion: the parts before the body, the
    Markdown body, the parts after it. Headlines, lead, body and the typed
    fields a reader might type (a practice's name, a handling unit, a place)."""
    before = (getattr(article, "kicker", None), article.title, getattr(article, "subtitle", None),
              article.summary)
    after: list[str | None] = []
    if article.cover is not None:
        after.append(article.cover.caption)
    after += [getattr(article, "practice", None), getattr(article, "period", None)]
    after += [f"{m.label}{m.text}" for m in getattr(article, "metrics", [])]
    category = getattr(article, "category", None)
    if category is not None:
        after += [category.name, getattr(article, "status_label", None),
                  getattr(article, "channel", None), getattr(article, "location", None),
                  *getattr(article, "handled_by", [])]
    after += article.tags
    after += [label(p) for p in article.places]
    after += [name for _, names in article.byline for name in names]
    return before, article.body, tuple(after)


def _filters(article: Article, label: PlaceLabels) -> dict[str, list[str]]:
    filters = {
        TYPE: [type_label(article)],
        PLACE: lineage_labels(article, label),
        YEAR: [str(article.date.year)],
    }
    if (category := getattr(article, "category", None)) is not None:
        filters[CATEGORY] = [category.name]
        filters[STATUS] = [article.status_label]
    return filters


def _meta(article: Article, label: PlaceLabels) -> dict[str, str]:
    meta = {
        "title": article.title,
        "date": article.date.isoformat(),
        "type": display_type(article),
        "place": "、".join(label(p) for p in article.places),
    }
    if (status := getattr(article, "status_label", None)) is not None:
        meta["status"] = status
    return meta


@dataclass(frozen=True)
class Source:
    """One article's record before its text is made: the cheap fields, and
    the inputs of the text, whose conversion (Markdown → text → words) is
    most of the cost of a record and is skipped when a cache has it."""

    url: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]
    before: tuple
    body: str
    after: tuple

    @cached_property
    def text_key(self) -> str:
        """A hash of what the text is made from, and of the code that makes it."""
        return _hash([TEXT_CODE, self.before, self.body, self.after])

    @cached_property
    def key(self) -> str:
        """A hash of everything the record holds: equal keys, equal records."""
        return _hash([self.text_key, self.url, self.meta, self.filters, self.sort])

    def text(self) -> str:
        """The word-cut text; the same string `SearchRecord.content` holds."""
        parts = (*self.before, markdown_to_text(self.body), *self.after)
        return index_text("\n".join(p for p in parts if p))

    def record(self, content: str | None = None) -> SearchRecord:
        """The record, with `content` from a cache or made now."""
        return SearchRecord(url=self.url, content=self.text() if content is None else content,
                            meta=self.meta, filters=self.filters, sort=self.sort)


def _hash(value: object) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:24]


def _code_version() -> str:
    """The code that turns an article into text: a change to it must not
    reuse texts cached by the old code."""
    digest = hashlib.sha256(markdown.__version__.encode())
    for module in (text, tokens):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


TEXT_CODE = _code_version()


def source(article: Article, label: PlaceLabels) -> Source:
    """The source of one article's record; its URL is relative to the site root."""
    before, body, after = _text_parts(article, label)
    return Source(url=article.url, meta=_meta(article, label), filters=_filters(article, label),
                  sort={"date": article.date.isoformat()}, before=before, body=body, after=after)


def sources(bulletin: Bulletin) -> list[Source]:
    """The source of every published article's record, newest first."""
    label = PlaceLabels(bulletin.places)
    return [source(article, label) for article in published(bulletin)]


def record(article: Article, label: PlaceLabels) -> SearchRecord:
    """The search record of one article; its URL is relative to the site root."""
    return source(article, label).record()


def records(bulletin: Bulletin) -> Iterator[SearchRecord]:
    """A record for every published article, newest first."""
    label = PlaceLabels(bulletin.places)
    for article in published(bulletin):
        yield record(article, label)


def years(articles: Iterable[Article]) -> list[str]:
    return sorted({str(a.date.year) for a in articles}, reverse=True)
