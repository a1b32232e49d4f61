"""Pages that exist in no file: the home page, sections, places, the 民呼即应
archive, editions and tags.

Each is declared with its URL, title, template and the context it needs
(sitemap.py adds the articles, search and 404). Contexts read slices of the
indexes in `Archive`, computed once per build, so the cost of all these pages
grows linearly with the number of articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from ..content import Bulletin
from ..content.archive import Archive
from ..content.dates import zh_date
from ..content.pagination import PER_PAGE, paginate
from ..content.types import TYPES
from ..content.types import Article
from ..content.types.minhu import STATUSES
from . import urls
from .urls import FEED_ALL, FEED_MINHU, FEED_STORIES, MINHU_CSV, MINHU_FILTER_INDEX, MINHU_JSON


@dataclass(frozen=True)
class SitePage:
    """One web page: where it is, what it shows and with which template."""

    url: str        # under the site root: "stories/", "" for the home page
    title: str
    template: str   # a template of the theme
    context: Callable[[Bulletin], dict]  # what the template shows beyond the page itself
    in_nav: bool = False
    article: Optional[Article] = None    # an article's own page


def virtual_pages(bulletin: Bulletin, home_latest: int = 8, per_page: int = PER_PAGE) -> list[SitePage]:
    """Every generated page; the section pages (in the navigation) come first."""
    archive = Archive(bulletin)
    return [
        *_home(archive, home_latest),
        *_sections(archive, per_page),
        *_places(archive, per_page),
        *_editions(archive),
        *_minhu_facets(archive, per_page),
        *_tags(archive, per_page),
    ]


def _fixed(values: dict) -> Callable[[Bulletin], dict]:
    return lambda bulletin: values


def _paged(base: str, title: str, template: str, items: list, per_page: int,
           extra: dict, in_nav: bool = False) -> Iterator[SitePage]:
    """One virtual page per page of the list; the first is at `base`."""
    for pager in paginate(items, base, per_page):
        page_title = title if pager.number == 1 else f"{title}（第{pager.number}页）"
        yield SitePage(pager.url, page_title, template,
                          _fixed({**extra, "pager": pager, "articles": pager.items, "list_title": title}),
                          in_nav=in_nav and pager.number == 1)


def _home(archive: Archive, limit: int) -> Iterator[SitePage]:
    cases = archive.by_type["case"]
    editions = archive.editions_newest_first
    stories = archive.by_type["story"]
    top = next((story for story in stories if story.cover), None)  # the 头条: the newest with a picture
    yield SitePage(urls.HOME, "首页", "home.html", _fixed({
        "top_story": top,
        "latest_stories": [story for story in stories if story is not top][:limit],
        "latest_cases": cases[:3],
        "latest_notes": archive.notes[:limit],
        "latest_edition": editions[0] if editions else None,
        "minhu_stats": archive.stats,
        "page_feed": FEED_ALL,
    }), in_nav=True)


def _sections(archive: Archive, per_page: int) -> Iterator[SitePage]:
    feeds = {"story": FEED_STORIES, "minhu": FEED_MINHU}
    for atype in TYPES.values():
        template = "minhu-archive.html" if atype.name == "minhu" else "section.html"
        extra: dict = {"section_type": atype.name, "page_feed": feeds.get(atype.name)}
        if atype.name == "minhu":
            extra |= _minhu_archive_context(archive)
        yield from _paged(urls.section(atype.folder), atype.label, template, archive.by_type[atype.name],
                          per_page, extra, in_nav=True)


def _minhu_archive_context(archive: Archive) -> dict:
    return {
        "minhu_stats": archive.stats,
        "categories": [(c, len(notes)) for c, notes in archive.notes_by_category.items()],
        "statuses": [(code, label, len(archive.notes_by_status.get(code, []))) for code, label in STATUSES.items()],
        "note_places": [(p, len(archive.notes_in(p))) for p in archive.places_with_notes],
        "month_groups": archive.months_by_year,
        "minhu_csv": MINHU_CSV, "minhu_json": MINHU_JSON, "filter_index": MINHU_FILTER_INDEX,
    }


def _minhu_facets(archive: Archive, per_page: int) -> Iterator[SitePage]:
    """No-JavaScript pages per category, status and place, and the statistics."""
    yield SitePage(urls.MINHU_STATS, "民呼即应办理统计", "minhu-stats.html", _fixed({
        "minhu_stats": archive.stats, "page_feed": FEED_MINHU, "stats_until": archive.bulletin.today,
        "place_stats": [(p, archive.place_stats(p)) for p in archive.places_with_notes],
    }))
    for category, notes in archive.notes_by_category.items():
        yield from _paged(urls.minhu_facet("category", category.id), f"民呼即应 · {category.name}", "minhu-list.html",
                          notes, per_page, {"facet": "category", "facet_value": category.id})
    for code, label in STATUSES.items():
        yield from _paged(urls.minhu_facet("status", code), f"民呼即应 · {label}", "minhu-list.html",
                          archive.notes_by_status.get(code, []), per_page, {"facet": "status", "facet_value": code})
    for place in archive.places_with_notes:
        yield from _paged(urls.minhu_facet("place", place.id), f"民呼即应 · {place.name}", "minhu-list.html",
                          archive.notes_in(place), per_page,
                          {"facet": "place", "facet_value": place.id, "place": place,
                           "place_stats": archive.place_stats(place)})


def _places(archive: Archive, per_page: int) -> Iterator[SitePage]:
    bulletin = archive.bulletin
    yield SitePage(urls.PLACES, "社区", "places.html", _fixed({
        "roots": bulletin.places.roots,
        "place_counts": {p.id: archive.place_counts(p) for p in bulletin.places},
    }), in_nav=True)
    for place in bulletin.places:
        yield from _paged(urls.place(place.id), place.name, "place.html", bulletin.in_place(place), per_page, {
            "place": place,
            "counts": archive.place_counts(place),
            "child_counts": {c.id: archive.place_counts(c) for c in place.children},
            "place_stats": archive.place_stats(place),
            "page_feed": urls.place_feed(place.id),
        })


def _editions(archive: Archive) -> Iterator[SitePage]:
    yield SitePage(urls.EDITIONS, "往期", "editions.html", _fixed({
        "editions_by_year": archive.editions_by_year,
        "edition_calendar": archive.edition_calendar,
    }), in_nav=True)
    for edition in archive.bulletin.editions:
        previous, following = archive.edition_neighbours(edition)
        title = f"{edition.publication} {zh_date(edition.date)}"
        yield SitePage(edition.url, title, "edition.html", _fixed({
            "edition": edition,
            "sheets": archive.edition_sheets(edition),
            "previous_edition": previous,
            "next_edition": following,
            # The plugin turns it on when the build writes the editions' PDFs.
            "edition_pdf": False,
        }))


def _tags(archive: Archive, per_page: int) -> Iterator[SitePage]:
    tags = archive.bulletin.tags
    slugs = archive.tag_slugs
    yield SitePage(urls.TAGS, "标签", "tags.html", _fixed({
        "tags": [(tag, slugs[tag], len(items)) for tag, items in tags.items()],
    }))
    for tag, items in tags.items():
        yield from _paged(urls.tag(slugs[tag]), f"标签：{tag}", "tag.html", items, per_page, {"tag": tag})
