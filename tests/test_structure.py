"""Place pages, the 民呼即应 archive, editions, tags and the home page of the
built sample, checked against the content counted independently here."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, TODAY, run_bulletin
from site_builder.content import load_bulletin
from site_builder.content.types.minhu import STATUSES


@pytest.fixture(scope="module")
def sample():
    return load_bulletin(ROOT / "content", today=TODAY)


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def article_id(href: str, page_url: str = "") -> str:
    """A link ("../../stories/2022/x/") on the page at page_url, as a path from the site root."""
    return posixpath.normpath(posixpath.join(page_url, href.split("#")[0])).strip("/")


def listed(site: Path, url: str, selector: str = ".bulletin-list .bulletin-card a") -> list[str]:
    """Article ids on a list page and all its following pages, in order."""
    ids: list[str] = []
    while url is not None:
        soup = soup_of(site, url)
        ids += [article_id(a["href"], url) for a in soup.select(selector)]
        following = soup.select_one(".bulletin-pagination a[rel=next]")
        url = article_id(following["href"], url) + "/" if following else None
    return ids


def rolled_up(sample, place_id: str) -> list:
    """Articles about the place or anything inside it, counted from the articles' own places."""
    return [a for a in sample.articles
            if any(place_id in {p.id for p in place.lineage} for place in a.places)]


def test_every_place_has_a_page_with_true_counts(built_sample, sample):
    pages = {p.name for p in (built_sample / "places").iterdir() if (p / "index.html").is_file()}
    assert pages == {p.id for p in sample.places} and len(pages) > 50
    for place in sample.places:
        soup = soup_of(built_sample, f"places/{place.id}/")
        assert text(soup.select_one(".bulletin-place h1")).startswith(place.name)
        expected = rolled_up(sample, place.id)
        counts = {div["data-type"]: int(text(div.dd)) for div in soup.select(".bulletin-place__counts > div")}
        assert counts == {t: sum(a.type == t for a in expected) for t in ("story", "case", "minhu")}, place.id


def test_street_rolls_up_its_communities(built_sample, sample):
    changyang = sample.places.by_id["changyang"]
    communities = [c for c in changyang.children if rolled_up(sample, c.id)]
    assert len(communities) >= 3
    on_page = listed(built_sample, "places/changyang/")
    expected = [a.id for a in rolled_up(sample, "changyang")]
    assert on_page == expected  # newest first, nothing missing, nothing extra
    compound_note = "minhu/2022/biboyuan-menkou-tingche"  # about 碧波园小区, two levels down
    assert compound_note in on_page and compound_note in listed(built_sample, "places/fangshan/")
    soup = soup_of(built_sample, "places/changyang/")
    assert [text(li) for li in soup.select(".bulletin-crumbs li")] == ["社区", "房山区", "长阳镇"]
    children = {text(a) for a in soup.select(".bulletin-place__children a")}
    assert children == {c.name for c in changyang.children}


def test_places_index_is_a_tree(built_sample, sample):
    soup = soup_of(built_sample, "places/")
    links = soup.select(".bulletin-place-tree a")
    assert len(links) == len(sample.places)
    top = soup.select(".bulletin-places-index > .bulletin-place-tree > li > a")
    assert {text(a) for a in top} == {p.name for p in sample.places.roots}


def test_long_lists_are_paginated(site, tmp_path):
    """45 stories about one community: 20 a page, on the section, the place and up the tree."""
    story = "---\ntitle: 第{n}条消息\ndate: 2022-07-{day:02d}\ncommunity: biboyuan\ntags: [测试]\n---\n\n正文。\n"
    site.write({f"stories/2022/xiaoxi-{n}.md": story.format(n=n, day=1 + n % 28) for n in range(45)})
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    built = site.root / "site"
    for base in ("stories/", "places/biboyuan/", "places/fangshan/", "tags/ce-shi/"):
        sizes = [len(soup_of(built, url).select(".bulletin-list .bulletin-card"))
                 for url in (base, base + "page/2/", base + "page/3/")]
        assert sizes[:2] == [20, 20] and sizes[2] >= 5, base
        assert not (built / base / "page/4").exists()
    second = soup_of(built, "stories/page/2/")
    assert "第2页" in second.title.get_text()
    assert second.select_one("a[rel=prev]")["href"] == "../../"
    assert second.select_one("a[rel=next]")["href"] == "../3/"
    ids = listed(built, "stories/")
    assert len(ids) == len(set(ids)) == 46  # every story once, in order, across the pages


def test_minhu_archive_lists_all_notes_and_links_data(built_sample, sample):
    soup = soup_of(built_sample, "minhu/")
    assert listed(built_sample, "minhu/", ".bulletin-minhu-archive__all .bulletin-card a") == \
        [n.id for n in sample.of_type("minhu")]
    hrefs = {a["href"] for a in soup.select(".bulletin-links a")}
    assert {"minhu.csv", "minhu.json", "stats/"} <= hrefs
    form = soup.select_one("form#bulletin-filter")
    assert form.has_attr("hidden")  # shown by the script only
    assert {s["name"] for s in form.select("select")} == {"category", "status", "place", "month"}


@pytest.mark.parametrize("facet", ["category", "status", "place"])
def test_no_javascript_filter_pages(built_sample, sample, facet):
    notes = sample.of_type("minhu")
    if facet == "category":
        values = {n.category.id for n in notes}
        keep = lambda n, v: n.category.id == v
    elif facet == "status":
        values = set(STATUSES)
        keep = lambda n, v: n.status == v
    else:
        values = {p.id for n in notes for place in n.places for p in place.lineage}
        keep = lambda n, v: v in {p.id for place in n.places for p in place.lineage}
    for value in values:
        url = f"minhu/{facet}/{value}/"
        assert listed(built_sample, url) == [n.id for n in notes if keep(n, value)], url
    archive = soup_of(built_sample, "minhu/")
    links = {a["href"] for a in archive.select(".bulletin-facets a")}
    assert all(f"{facet}/{value}/" in links for value in values if any(keep(n, value) for n in notes))


def test_statistics_page(built_sample, sample):
    soup = soup_of(built_sample, "minhu/stats/")
    figures = {text(d.dt): text(d.dd) for d in soup.select(".bulletin-figures > div")}
    notes = sample.of_type("minhu")
    resolved = sum(n.status == "resolved" for n in notes)
    assert figures["诉求"] == f"{len(notes)} 件"
    assert figures["解决率"] == f"{resolved / len(notes) * 100:.0f} %"
    for img in soup.select(".bulletin-chart img"):
        assert (built_sample / "minhu" / "stats" / img["src"]).resolve().is_file()
    open_items = soup.select(".bulletin-open-notes li")
    assert len(open_items) == sum(n.status == "in_progress" for n in notes)
    for li in open_items:
        note = sample.by_id[article_id(li.a["href"], "minhu/stats/")]
        assert text(li.select_one(".bulletin-days-open")) == str((TODAY - note.received).days)
    rows = {tr["data-place"]: tr for tr in soup.select(".bulletin-table--places tbody tr")}
    street = rows["changyang"].select("td")
    assert int(text(street[0])) == sum(1 for n in rolled_up(sample, "changyang") if n.type == "minhu")


def test_edition_list_and_pages(built_sample, sample):
    index = soup_of(built_sample, "editions/")
    assert [text(h) for h in index.select(".bulletin-editions h2")] == ["2022年"]
    assert [a["href"] for a in index.select(".bulletin-edition-list a")] == \
        ["fengtai-2022-08-18/", "changyang-2022-07-15/"]
    for edition in sample.editions:
        soup = soup_of(built_sample, edition.url)
        sheets = soup.select(".bulletin-reader__sheet")  # the sample typesets its editions
        assert len(sheets) == len(edition.pages)
        for sheet, page in zip(sheets, edition.pages):
            assert text(sheet.h2).startswith(f"第{page.number:02d}版")
            assert [article_id(a["href"], edition.url) for a in sheet.select(".bulletin-sheet__articles h3 a")] \
                == page.articles
        pdf = soup.select_one(".bulletin-edition__pdf a")["href"]  # the reader typesets the PDF
        assert (built_sample / edition.url / pdf).resolve() == (built_sample / f"editions/{edition.id}.pdf").resolve()
    fengtai = soup_of(built_sample, "editions/fengtai-2022-08-18/")
    credits = text(fengtai.select_one(".bulletin-sheet__credits"))
    assert credits == "责任编辑：赵智和 范科峰 美编：白杨 校对：池红云"
    assert fengtai.select_one(".bulletin-edition__neighbours a[rel=prev]")["href"] == "../changyang-2022-07-15/"
    assert fengtai.select_one(".bulletin-edition__neighbours a[rel=next]") is None
    changyang = soup_of(built_sample, "editions/changyang-2022-07-15/")
    assert changyang.select_one(".bulletin-edition__neighbours a[rel=next]")["href"] == "../fengtai-2022-08-18/"


def test_articles_link_back_to_their_edition(built_sample, sample):
    for edition in sample.editions:
        for page in edition.pages:
            for article in page.articles:
                link = soup_of(built_sample, article).select_one(".bulletin-printed a")
                assert link["href"] == f"../../../{edition.url}#ban-{page.number}", article


def test_tag_pages(built_sample, sample):
    index = soup_of(built_sample, "tags/")
    links = {text(a): a["href"] for a in index.select(".bulletin-tag-cloud a")}
    assert set(links) == set(sample.tags)
    assert len(set(links.values())) == len(links)
    for tag, href in links.items():
        assert listed(built_sample, f"tags/{href}") == [a.id for a in sample.tagged(tag)], tag


def test_home_page(built_sample, sample):
    soup = soup_of(built_sample, "")
    edition = soup.select_one(".bulletin-home__edition a")
    assert edition["href"] == "editions/fengtai-2022-08-18/"
    cases = [article_id(a["href"]) for a in soup.select(".bulletin-front__cases li > a")]
    assert cases == [a.id for a in sample.of_type("case")[:3]]
    top = next(a for a in sample.of_type("story") if a.cover)  # the 头条: the newest story with a picture
    assert article_id(soup.select_one(".bulletin-top__title a")["href"]) == top.id
    assert soup.select_one(".bulletin-top__picture img")["width"]
    stories = [article_id(a["href"]) for a in soup.select("section[aria-labelledby=home-stories] .bulletin-card a")]
    assert stories == [a.id for a in sample.of_type("story") if a is not top][:8]
    notes = [article_id(a["href"]) for a in soup.select("section[aria-labelledby=home-minhu] .bulletin-card a")]
    assert notes == [a.id for a in sample.of_type("minhu")[:8]]


def test_navigation_has_the_sections_only(built_sample):
    tabs = [text(a) for a in soup_of(built_sample, "").select("nav.md-tabs a.md-tabs__link")]
    assert tabs == ["首页", "报道", "案例", "民呼即应", "社区", "往期"]


def test_chinese_404_and_sitemap(built_sample, sample):
    page = (built_sample / "404.html").read_text("utf-8")
    assert "找不到这个页面" in page and "回到首页" in page and "Not found" not in page
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {loc.text for loc in ET.parse(built_sample / "sitemap.xml").getroot().findall("s:url/s:loc", ns)}
    assert "https://example.org/" in locs and "https://example.org/places/changyang/" in locs
    assert all(f"https://example.org/{a.url}" in locs for a in sample.articles)
