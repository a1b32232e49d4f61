"""Article pages of the built sample, read as HTML: sharing cards, links to
places and tags, the 大字 script and the print stylesheet."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, TODAY, run_bulletin
from site_builder.content import load_bulletin

SITE_URL = "https://example.org/"  # the sample's mkdocs.yml


@pytest.fixture(scope="module")
def sample():
    return load_bulletin(ROOT / "content", today=TODAY)


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def meta(soup: BeautifulSoup, prop: str) -> str | None:
    tag = soup.select_one(f'meta[property="{prop}"]')
    return tag["content"] if tag else None


def target(site: Path, page_url: str, href: str) -> Path:
    """The file a relative link of the page at `page_url` leads to."""
    path = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    return site / path / "index.html" if not path.endswith(".html") else site / path


def test_every_article_carries_a_share_card(built_sample, sample):
    for article in sample.articles:
        soup = soup_of(built_sample, article.url)
        assert meta(soup, "og:title") == article.title
        assert meta(soup, "og:type") == "article"
        assert meta(soup, "og:url") == SITE_URL + article.url
        assert soup.select_one('link[rel="canonical"]')["href"] == SITE_URL + article.url
        description = meta(soup, "og:description")
        assert description and article.lead.startswith(description.removesuffix("…"))
        assert meta(soup, "og:locale") == "zh_CN"
        assert meta(soup, "article:published_time") == article.date.isoformat()
        if article.cover:
            assert meta(soup, "og:image").startswith(SITE_URL)


def test_home_shares_the_site_description(built_sample):
    soup = soup_of(built_sample, "")
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "og:description").startswith("街道、社区新闻")
    assert meta(soup, "og:url") == SITE_URL


def test_place_breadcrumbs_and_tags_link_to_their_pages(built_sample, sample):
    for article in sample.articles:
        soup = soup_of(built_sample, article.url)
        trails = soup.select(".bulletin-places__trail")
        assert len(trails) == len(article.place_trails)
        for trail, places in zip(trails, article.place_trails):
            links = trail.select("a")
            assert [a.get_text() for a in links] == [p.name for p in places]
            for link, place in zip(links, places):
                assert target(built_sample, article.url, link["href"]) == built_sample / "places" / place.id / "index.html"
                assert target(built_sample, article.url, link["href"]).is_file()
        tags = soup.select(".bulletin-tags a")
        assert [a.get_text() for a in tags] == article.tags
        for link in tags:
            page = BeautifulSoup(target(built_sample, article.url, link["href"]).read_text("utf-8"), "html.parser")
            assert link.get_text() in page.select_one("h1").get_text()


def test_large_text_script_and_print_stylesheet_are_files_of_the_site(built_sample, sample):
    soup = soup_of(built_sample, sample.of_type("story")[0].url)
    head = soup.head
    script = head.select_one('script[src$="assets/bulletin/textsize.js"]')
    assert script is not None and not script.has_attr("defer"), "must apply before the first paint"
    printing = head.select_one('link[rel="stylesheet"][href$="assets/bulletin/print.css"]')
    assert printing["media"] == "print"
    for name in ("textsize.js", "print.css", "bulletin.css"):
        assert (built_sample / "assets" / "bulletin" / name).is_file()
    switch = soup.select_one("button.bulletin-textsize")
    assert switch.has_attr("hidden") and switch["aria-pressed"] == "false"


def test_no_web_fonts_and_no_empty_banner(built_sample):
    for html in [built_sample / "index.html", *built_sample.glob("stories/*/*/index.html")]:
        text = html.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assert 'class="md-banner' not in text, f"{html}: an empty announcement bar"
    for css in (built_sample / "assets").rglob("*.css"):
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css.read_text("utf-8")), css


def test_preview_shows_its_banner_on_every_page(site):
    """The announcement bar appears only in a preview build (BULLETIN_DRAFTS=1, as `serve --drafts`)."""
    result = run_bulletin("build", cwd=site.root, env={"BULLETIN_DRAFTS": "1"})
    assert result.returncode == 0, result.stderr
    built = site.root / "site"
    for url in ("", "stories/2022/biboyuan-weilan/"):
        banner = soup_of(built, url).select_one(".md-banner .bulletin-preview-banner")
        assert banner is not None and "预览模式" in banner.get_text()
