"""Where everything the bulletin publishes lives: the URL rules, once.

Paths are relative to the site root; a page's path ends with "/" (its file
is `index.html` there). Articles and editions carry their own `url`
(content/types/base.py, content/editions.py), made by `article_path` and
`edition_path` here.
"""

from __future__ import annotations

HOME = ""
SEARCH = "search/"
NOT_FOUND = "404.html"
PLACES, EDITIONS, TAGS = "places/", "editions/", "tags/"
MINHU_STATS = "minhu/stats/"

# Files that are not web pages (written by site_builder.outputs, .search, .print).
FEED_ALL, FEED_STORIES, FEED_MINHU = "feeds/all.xml", "feeds/stories.xml", "feeds/minhu.xml"
MINHU_CSV, MINHU_JSON, MINHU_FILTER_INDEX = "minhu/minhu.csv", "minhu/minhu.json", "minhu/filter-index.json"
CHARTS = "minhu/stats/"
SEARCH_BUNDLE = "pagefind/"
SITEMAP = "sitemap.xml"


def article_path(folder: str, year: int, slug: str) -> str:
    """An article's page: `stories/2022/<slug>/`."""
    return f"{folder}/{year}/{slug}/"


def section(folder: str) -> str:
    """A type's archive: `stories/`."""
    return f"{folder}/"


def place(place_id: str) -> str:
    return f"{PLACES}{place_id}/"


def place_feed(place_id: str) -> str:
    return f"{place(place_id)}feed.xml"


def edition_path(edition_id: str) -> str:
    return f"{EDITIONS}{edition_id}/"


def edition_pdf(edition_id: str) -> str:
    """An edition's PDF, next to its web page."""
    return f"{EDITIONS}{edition_id}.pdf"


def tag(slug: str) -> str:
    return f"{TAGS}{slug}/"


def minhu_facet(facet: str, value: str) -> str:
    """A no-JavaScript filter page of 民呼即应: `minhu/category/<id>/`."""
    return f"minhu/{facet}/{value}/"


def source_of(path: str) -> str:
    """The engine's name for a page's source: `stories/2022/x/` → `stories/2022/x/index.md`
    (an article keeps its own file, `stories/2022/x.md`: see `SitePage.source`)."""
    return f"{path}index.md"
