"""Search in Chromium against the built sample bulletin.

Expectations are computed from the sample content, not written down: an
article should be found for a phrase exactly when its file mentions it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import PHONE
from helpers import ARTIFACTS, ROOT, TODAY
from site_builder.content import load_bulletin
from site_builder.search.grams import gram_words, is_short
from site_builder.search.tokens import index_words


@pytest.fixture(scope="module")
def bulletin():
    return load_bulletin(ROOT / "content", today=TODAY)


def mentioning(bulletin, phrase: str) -> set[str]:
    """URLs (site-relative) of published articles whose file contains the phrase."""
    return {a.url for a in bulletin.articles
            if a.is_published and phrase in a.path.read_text(encoding="utf-8")}


def results(page: Page) -> list[str]:
    """All result links (site-relative), after loading every page of results."""
    expect(page.locator(".bulletin-search")).to_have_attribute("data-state", re.compile("results|empty"),
                                                            timeout=30000)
    more = page.locator("#bulletin-search-more")
    while more.is_visible():
        count = page.locator(".bulletin-search-result").count()
        more.click()
        expect(page.locator(".bulletin-search-result")).not_to_have_count(count)
    hrefs = page.locator(".bulletin-search-result__title").evaluate_all("els => els.map(e => e.href)")
    return [urlsplit(h).path.lstrip("/") for h in hrefs]


def search(page: Page, base: str, query: str, **params: str) -> list[str]:
    extra = "".join(f"&{k}={quote(v)}" for k, v in params.items())
    page.goto(f"{base}search/?q={quote(query)}{extra}")
    return results(page)


def test_header_search_lists_exactly_the_articles_about_garbage_sorting(page, served_sample, bulletin):
    page.set_viewport_size(PHONE)
    page.goto(served_sample)
    assert page.locator("[data-md-component=search]").count() == 0  # Material's own search is off
    page.fill("#bulletin-search-box", "垃圾分类")
    page.press("#bulletin-search-box", "Enter")
    expect(page.locator(".bulletin-search")).to_have_attribute("data-state", "results", timeout=30000)
    expected = mentioning(bulletin, "垃圾分类")
    assert len(expected) >= 5
    found = results(page)
    assert sorted(found) == sorted(expected)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["垃圾分类"]}
    first = page.locator(".bulletin-search-result").first
    expect(first.locator("mark").first).to_have_text("垃圾分类")
    expect(first.locator("time")).to_have_text(re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-phone.png"), full_page=True)


def test_facets_narrow_the_list_and_stay_in_the_url(page, served_sample, bulletin):
    expected = mentioning(bulletin, "垃圾分类")
    search(page, served_sample, "垃圾分类")
    page.select_option("#bulletin-facet-type", "案例")
    expect(page).to_have_url(re.compile("type="))
    cases = {a.url for a in bulletin.of_type("case")}
    assert sorted(results(page)) == sorted(expected & cases) and 0 < len(expected & cases) < len(expected)

    # A shared link shows the same list; 长阳镇 finds the articles of its communities.
    changyang = bulletin.places.by_id["changyang"]
    in_changyang = {a.url for a in bulletin.in_place(changyang)}
    assert any(all(p is not changyang for p in a.places) for a in bulletin.in_place(changyang))
    found = search(page, served_sample, "垃圾分类", place="长阳镇")
    assert sorted(found) == sorted(expected & in_changyang)
    expect(page.locator("#bulletin-facet-place")).to_have_value("长阳镇")


def test_newest_first_switch(page, served_sample, bulletin):
    search(page, served_sample, "社区")
    page.check("input[name=sort][value=date]")
    expect(page).to_have_url(re.compile("sort=date"))
    results(page)
    dates = page.locator(".bulletin-search-result time").evaluate_all("els => els.map(e => e.dateTime)")
    assert len(dates) >= 5 and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query, phrase", [("充电", "充电"), ("投放点", "投放点"), ("垃圾分类投放点", "垃圾分类投放点")])
def test_chinese_words_are_found_inside_longer_ones(page, served_sample, bulletin, query, phrase):
    expected = mentioning(bulletin, phrase)
    assert expected
    found = search(page, served_sample, query)
    assert sorted(found) == sorted(expected)
    if query == "充电":
        assert any("电动自行车充电" in bulletin.by_id[u.rstrip("/")].path.read_text() for u in found)


@pytest.mark.parametrize("query", ["鹦鹉螺量子火锅", "草稿示例"])
def test_nonsense_and_draft_text_are_not_found(page, served_sample, query):
    page.goto(f"{served_sample}search/?q={quote(query)}")
    expect(page.locator("#bulletin-search-empty")).to_be_visible(timeout=30000)
    expect(page.locator("#bulletin-search-empty h2")).to_have_text(f"未找到与“{query}”有关的文章")
    assert page.locator(".bulletin-search-result").count() == 0
    topics = page.locator("#bulletin-search-empty .bulletin-tags a")
    assert topics.count() > 0
    topics.first.click()  # a suggestion leads to results
    expect(page.locator(".bulletin-search-result").first).to_be_visible(timeout=30000)


def _indexed(text: str) -> list[set[str]]:
    """The words the index holds at each position of a text: its token
    (tokens.py) and, at a bigram, the gram that starts there (grams.py)."""
    tokens = index_words(text)
    on_page = {n: word for n, word in enumerate(tokens) if is_short(word)}
    return [{word, *(gram_words(on_page, n) if n in on_page else [])} for n, word in enumerate(tokens)]


def test_query_words_in_the_browser_match_the_index(page, served_sample):
    """search.js cuts a query into words the index holds for the text, at
    consecutive positions (a word of one query word may begin an indexed one)."""
    page.goto(f"{served_sample}search/")
    text = "如意小区要建垃圾分类投放点，拨打12345热线"
    for query, expected in [("垃圾分类", ["ǁ垃圾分类"]), ("分类投放点", ["ǁ分类投放", "ǁ类投放点"]),
                            ("12345热线", ["12345", "热线"]), ("充电", ["充电"]), ("点", ["点"]),
                            ("垃圾分", ["ǀ垃圾分"])]:
        words = page.evaluate("async q => (await import('../assets/bulletin/search.js')).queryWords(q)", query)
        assert words == expected
        indexed = _indexed(text if query != "充电" else "电动自行车充电难")
        assert any(all(any(w.startswith(word) for w in indexed[i + k]) for k, word in enumerate(words))
                   for i in range(len(indexed) - len(words) + 1)), query


def test_search_page_with_results_passes_axe(page, served_sample):
    """The search box and the results view; Material's tabs and footer are the theme's."""
    from axe_playwright_python.sync_playwright import Axe

    search(page, served_sample, "垃圾分类")
    context = {"include": [[".bulletin-search"], [".bulletin-search-form"]]}
    report = Axe().run(page, context=context, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}})
    assert report.violations_count == 0, report.generate_report()
