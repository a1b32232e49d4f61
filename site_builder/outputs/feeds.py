"""Atom feeds: the whole site, stories, 民呼即应, and one per place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from ..content import Bulletin
from ..site import urls
from ..content.types import Article
from .links import Linker

# A feed carries the newest articles only: readers poll it, the archive is on the site.
FEED_LIMIT = 50
CHINA = ZoneInfo("Asia/Shanghai")


def write_feeds(bulletin: Bulletin, site_dir: Path, linker: Linker) -> list[Path]:
    """Write every feed; returns their paths. Even a preview build (drafts
    shown on its pages) never puts an unpublished article in a feed."""
    published = [a for a in bulletin.articles if a.is_published]
    stories = [a for a in published if a.type == "story"]
    notes = [a for a in published if a.type == "minhu"]
    feeds: list[tuple[str, str, str, Sequence[Article]]] = [
        (urls.FEED_ALL, urls.HOME, bulletin.publication, published),
        (urls.FEED_STORIES, urls.section("stories"), f"{bulletin.publication} · 报道", stories),
        (urls.FEED_MINHU, urls.section("minhu"), f"{bulletin.publication} · 民呼即应", notes),
    ]
    for place in bulletin.places:
        feeds.append((urls.place_feed(place.id), urls.place(place.id),
                      f"{bulletin.publication} · {place.name}",
                      [a for a in bulletin.in_place(place) if a.is_published]))
    written = []
    for path, page, title, articles in feeds:
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(atom(path, page, title, articles[:FEED_LIMIT], bulletin, linker))
        written.append(target)
    return written


def atom(path: str, page: str, title: str, articles: Sequence[Article], bulletin: Bulletin,
         linker: Linker) -> bytes:
    """One Atom document; `page` is the web page the feed follows."""
    feed = FeedGenerator()
    feed.id(linker.ident(path))
    feed.title(title)
    feed.author({"name": bulletin.publication})
    feed.language("zh-CN")
    feed.link(href=linker.href(path, path), rel="self", type="application/atom+xml")
    feed.link(href=linker.href(page, path), rel="alternate", type="text/html")
    # The newest entry's time, not the build time: an unchanged archive gives an unchanged feed.
    newest = max((updated(a) for a in articles), default=None)
    feed.updated(newest or at_midnight(bulletin.today))
    for article in articles:
        entry = feed.add_entry(order="append")
        entry.id(linker.ident(article.url))
        entry.title(article.title)
        entry.link(href=linker.href(article.url, path), rel="alternate", type="text/html")
        entry.published(at_midnight(article.date))
        entry.updated(updated(article))
        if article.lead:
            entry.summary(article.lead)
        names = [name for _, people in article.byline for name in people]
        entry.author([{"name": n} for n in names] or {"name": bulletin.publication})
        for tag in article.tags:
            entry.category(term=tag)
        entry.category(term=article.type, label=article.type_label)
    return feed.atom_str(pretty=True)


def updated(article: Article) -> dt.datetime:
    """A 民呼即应 note changes when it is closed; other articles on their date."""
    resolved = getattr(article, "resolved", None)
    return at_midnight(max(article.date, resolved) if resolved else article.date)


def at_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=CHINA)
