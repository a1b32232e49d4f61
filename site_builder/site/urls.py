"""Where everything the bulletin publishes lives: the URL rules, once.

Paths are relative to the site root; a page's path ends with "/" (its file
is `index.html` there). Articles and editions carry their own `url`
(content/types/base.py, content/editions.py), made by `article` and
`edition_path` here; `absolute_url` makes any of them a full address for
what leaves the site (feeds, open data, share cards, QR codes on paper).
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
CHARTS = "minhu/charts/"
SEARCH_BUNDLE = "pagefind/"
SITEMAP = "sitemap.xml"


def article(article_id: str) -> str:
    """An article's page: its id (`stories/2022/<slug>`) as a folder."""
    return f"{article_id}/"


def section(folder: str) -> str:
    """A type's archive: `stories/`."""
    return f"{folder}/"


def list_page(base: str, number: int) -> str:
    """Page `number` of a list that starts at `base`: `stories/page/2/`."""
    return base if number == 1 else f"{base}page/{number}/"


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


def chart(kind: str) -> str:
    """A 民呼即应 statistics chart: `minhu/charts/category.svg`."""
    return f"{CHARTS}{kind}.svg"


def minhu_facet(facet: str, value: str) -> str:
    """A no-JavaScript filter page of 民呼即应: `minhu/category/<id>/`."""
    return f"minhu/{facet}/{value}/"


def absolute_url(site_url: str | None, path: str) -> str | None:
    """`path` (under the site root, e.g. "stories/2022/x/") on the public site;
    None when the site has no `site_url`."""
    return site_url.rstrip("/") + "/" + path.lstrip("/") if site_url else None
