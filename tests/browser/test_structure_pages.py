"""The 民呼即应 combined filters run in Chromium; structure pages at phone width."""

from __future__ import annotations

import json

import pytest

from helpers import ARTIFACTS
from browser.conftest import PHONE


@pytest.fixture(scope="module")
def index(built_sample):
    return json.loads((built_sample / "minhu" / "filter-index.json").read_text("utf-8"))


def shown_titles(page) -> list[str]:
    return page.locator(".bulletin-filter__results .bulletin-card__title").all_inner_texts()


def test_combined_filters(page, served_sample, index):
    page.set_viewport_size(PHONE)
    page.goto(served_sample + "minhu/")
    form = page.locator("#bulletin-filter")
    form.wait_for(state="visible")
    page.select_option("select[name=place]", "changyang")
    expected = [n["title"] for n in index if "changyang" in n["places"]]
    assert shown_titles(page) == expected and len(expected) >= 3
    page.select_option("select[name=status]", "resolved")
    expected = [n["title"] for n in index if "changyang" in n["places"] and n["status"] == "resolved"]
    assert shown_titles(page) == expected
    assert f"共 {len(expected)} 件" in page.locator(".bulletin-filter__summary").inner_text()
    assert "place=changyang" in page.url and "status=resolved" in page.url
    page.select_option("select[name=category]", "parking")
    page.select_option("select[name=month]", "2022")
    expected = [n["title"] for n in index if "changyang" in n["places"] and n["status"] == "resolved"
                and n["category"] == "parking" and n["month"].startswith("2022")]
    assert shown_titles(page) == expected and expected
    page.select_option("select[name=month]", "2022-06")
    expected = [n["title"] for n in expected_notes(index, "changyang", "resolved", "parking", "2022-06")]
    assert shown_titles(page) == expected
    page.locator(".bulletin-filter__results a").first.click()
    page.wait_for_load_state()
    assert page.locator("article.bulletin-minhu h1").inner_text() == expected[0]


def expected_notes(index, place, status, category, month):
    return [n for n in index if place in n["places"] and n["status"] == status
            and n["category"] == category and n["month"] == month]


def test_filters_from_the_address(page, served_sample, index):
    page.goto(served_sample + "minhu/?status=in_progress")
    page.locator("#bulletin-filter").wait_for(state="visible")
    assert page.locator("select[name=status]").input_value() == "in_progress"
    assert shown_titles(page) == [n["title"] for n in index if n["status"] == "in_progress"]


def test_without_javascript_the_form_stays_hidden(browser, served_sample):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_sample + "minhu/")
    assert not page.locator("#bulletin-filter").is_visible()
    page.locator(".bulletin-facets a", has_text="办理中").click()
    assert page.locator(".bulletin-minhu-list .bulletin-card").count() == \
        page.locator(".bulletin-minhu-list .bulletin-status--in_progress").count() > 0
    context.close()


@pytest.mark.parametrize("url, name", [
    ("places/changyang/", "place-changyang"),
    ("minhu/", "minhu-archive"),
    ("minhu/stats/", "minhu-stats"),
    ("editions/fengtai-2022-08-18/", "edition-fengtai"),
])
def test_phone_screenshots_fit_the_screen(page, served_sample, url, name):
    page.set_viewport_size(PHONE)
    page.goto(served_sample + url)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{url} scrolls sideways ({width}px)"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"phone-{name}.png"), full_page=True)
