"""The site map declares the whole site: the built sample has exactly its pages,
each with its title, and every output it lists."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, TODAY
from site_builder.content import load_bulletin
from site_builder.site import urls
from site_builder.site.sitemap import site_map


@pytest.fixture(scope="module")
def sample_map():
    bulletin = load_bulletin(ROOT / "content", today=TODAY)
    return bulletin, site_map(bulletin)


def test_every_built_page_is_in_the_site_map_and_no_other(built_sample, sample_map):
    _, site = sample_map
    built = {p.relative_to(built_sample).parent.as_posix() + "/" for p in built_sample.rglob("index.html")}
    built = {"" if url == "./" else url for url in built}
    declared = {page.url for page in site.pages if not page.url.endswith(".html")}
    assert built == declared
    assert (built_sample / urls.NOT_FOUND).is_file() and urls.NOT_FOUND in site.by_url


def test_pages_carry_their_declared_titles(built_sample, sample_map):
    bulletin, site = sample_map
    kinds = {"article": 0, "list": 0}
    for page in site.pages:
        if page.url.endswith(".html"):
            continue
        soup = BeautifulSoup((built_sample / page.url / "index.html").read_text("utf-8"), "html.parser")
        assert soup.title.get_text().startswith(page.title), page.url
        kinds["article" if page.article else "list"] += 1
    assert kinds["article"] == len(bulletin.articles) > 10 and kinds["list"] > 50


def test_every_declared_output_is_written(built_sample, sample_map):
    _, site = sample_map
    kinds = {output.kind for output in site.outputs}
    assert {"feed", "open-data", "chart", "search", "sitemap"} <= kinds
    for output in site.outputs:
        assert (built_sample / output.path).exists(), output.path


def test_urls_follow_one_rule(sample_map):
    bulletin, site = sample_map
    article = bulletin.articles[0]
    assert site.by_url[article.url].article is article and article.url == urls.article(article.id)
    assert urls.list_page("stories/", 2) == "stories/page/2/" and urls.list_page("stories/", 1) == "stories/"
    assert [page.url for page in site.nav][:1] == [urls.HOME]
