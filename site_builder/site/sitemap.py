"""The whole site, declared by the core: every page and every other file.

`site_map(bulletin)` lists each web page the bulletin publishes — articles,
sections and their pages, places, the 民呼即应 facets and statistics,
editions, tags, search, the home page and 404 — with its URL, template,
title and context, and every output that is not a web page (feeds, open
data, charts, PDFs, the search bundle, pictures). An engine only turns this
map into files: site_builder/mkdocs/ hands the pages to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..content import Bulletin
from ..content.pagination import PER_PAGE
from ..content.types import Article
from ..search import popular_topics, search_facets
from ..outputs.charts import CHART_FILES
from . import urls
from .pages import SitePage, virtual_pages
from .reading import ArticleReading


@dataclass(frozen=True)
class Output:
    """A file of the site that is not a web page."""

    path: str   # under the site root; a folder ends with "/"
    kind: str   # feed, open-data, chart, pdf, search, picture, sitemap


@dataclass
class SiteMap:
    pages: list[SitePage]
    outputs: list[Output]
    by_url: dict[str, SitePage] = field(init=False)

    def __post_init__(self) -> None:
        self.by_url = {page.url: page for page in self.pages}

    @property
    def nav(self) -> list[SitePage]:
        """The sections of the menu, in order: articles stay out of the
        navigation, so each page renders a small menu however large the archive."""
        return [page for page in self.pages if page.in_nav]


def site_map(bulletin: Bulletin, *, home_latest: int = 8, per_page: int = PER_PAGE,
             with_pdf: bool = False, pictures: Iterable[str] = ()) -> SiteMap:
    """Every page and output of the site built from `bulletin`."""
    reading = ArticleReading(bulletin)
    pages = [*virtual_pages(bulletin, home_latest, per_page),
             SitePage(urls.SEARCH, "搜索", "search.html", _search_context),
             SitePage(urls.NOT_FOUND, "找不到页面", "404.html", _no_context),
             *(_article_page(article, reading) for article in bulletin.articles)]
    return SiteMap(pages, list(_outputs(bulletin, with_pdf, pictures)))


def _article_page(article: Article, reading: ArticleReading) -> SitePage:
    return SitePage(article.url, article.title, f"{article.type}.html",
                    lambda bulletin: reading.context(article), article=article)


def _search_context(bulletin: Bulletin) -> dict:
    return {"search_facets": search_facets(bulletin), "search_topics": popular_topics(bulletin)}


def _no_context(bulletin: Bulletin) -> dict:
    return {}


def _outputs(bulletin: Bulletin, with_pdf: bool, pictures: Iterable[str]) -> Iterable[Output]:
    for path in (urls.FEED_ALL, urls.FEED_STORIES, urls.FEED_MINHU):
        yield Output(path, "feed")
    for place in bulletin.places:
        yield Output(urls.place_feed(place.id), "feed")
    for path in (urls.MINHU_CSV, urls.MINHU_JSON, urls.MINHU_FILTER_INDEX):
        yield Output(path, "open-data")
    for kind in CHART_FILES:
        yield Output(urls.chart(kind), "chart")
    if with_pdf:
        for edition in bulletin.editions:
            yield Output(urls.edition_pdf(edition.id), "pdf")
    yield Output(urls.SEARCH_BUNDLE, "search")
    yield Output(urls.SITEMAP, "sitemap")
    for path in pictures:
        yield Output(path, "picture")
