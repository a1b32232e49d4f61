"""Reading the bulletin in Chromium: each article type at phone and desktop
width, the 大字 switch, requests that stay on the site, and axe-core."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.article_examples import EXAMPLES
from browser.conftest import DESKTOP, PHONE
from helpers import ARTIFACTS

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
AXE_TAGS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}


def top(locator) -> float:
    return locator.bounding_box()["y"]


def font_px(locator) -> float:
    return float(locator.evaluate("el => getComputedStyle(el).fontSize").removesuffix("px"))


def open_article(page, base: str, kind: str, viewport: str) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(base + EXAMPLES[kind])
    page.locator("article.bulletin-article").wait_for()


def keep_screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reading-{name}.png"), full_page=True)


def assert_fits_width(page, viewport: str) -> None:
    """Nothing wider than the screen: a resident never scrolls sideways."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], f"page is {width}px wide"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_news_story_keeps_the_newspaper_hierarchy(page, served_sample, viewport):
    open_article(page, served_sample, "news", viewport)
    article = page.locator("article.bulletin-story")
    kicker, title, subtitle = (article.locator(s) for s in (".bulletin-kicker", "h1", ".bulletin-subtitle"))
    for part in (kicker, title, subtitle):
        assert part.is_visible()
    assert top(kicker) < top(title) < top(subtitle)
    assert font_px(title) >= 1.4 * font_px(kicker)
    byline = article.locator(".bulletin-byline")
    assert byline.inner_text().startswith("本报讯（记者")
    cover = article.locator(":scope > figure.bulletin-figure")
    assert top(title) < top(byline) < top(cover) < top(article.locator(".bulletin-body"))
    # The cover comes before the places and tags: it is on the first screen of a phone.
    assert top(cover) < VIEWPORTS[viewport]["height"]
    assert cover.locator("figcaption").is_visible()
    trail = article.locator(".bulletin-places__trail").first
    assert trail.locator("a").count() >= 2 and trail.is_visible()
    assert article.locator(".bulletin-tags a").first.is_visible()
    cards = article.locator(".bulletin-related .bulletin-card")
    assert cards.count() >= 1
    # Related reading spans the column like the text, without a list's indent.
    assert cards.first.bounding_box()["x"] == pytest.approx(article.locator(".bulletin-body").bounding_box()["x"], abs=1)
    assert_fits_width(page, viewport)
    keep_screenshot(page, f"news-{viewport}")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_photo_story_leads_with_its_picture(page, served_sample, viewport):
    open_article(page, served_sample, "photo", viewport)
    article = page.locator("article.bulletin-story--photo")
    figure = article.locator("figure.bulletin-figure").first
    assert article.locator(".bulletin-kind").inner_text() == "图说"
    assert top(figure) < top(article.locator(".bulletin-body"))
    assert top(figure) < VIEWPORTS[viewport]["height"] * 0.6
    assert figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert_fits_width(page, viewport)
    keep_screenshot(page, f"photo-{viewport}")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_commentary_is_marked(page, served_sample, viewport):
    open_article(page, served_sample, "commentary", viewport)
    kind = page.locator("article.bulletin-story--commentary .bulletin-kind")
    assert kind.inner_text() == "评论" and kind.is_visible()
    assert_fits_width(page, viewport)
    keep_screenshot(page, f"commentary-{viewport}")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_case_shows_its_practice_and_large_figures(page, served_sample, viewport):
    open_article(page, served_sample, "case", viewport)
    article = page.locator("article.bulletin-case")
    practice, title = article.locator(".bulletin-practice"), article.locator("h1")
    assert practice.is_visible() and top(practice) < top(title)
    numbers = article.locator(".bulletin-metric__number")
    body_text = font_px(article.locator(".bulletin-body p").first)
    assert numbers.count() >= 3
    for number in numbers.all():
        assert number.is_visible() and font_px(number) >= 1.8 * body_text
    assert article.locator(".bulletin-period").is_visible()
    assert top(article.locator(".bulletin-metrics")) < top(article.locator(".bulletin-body"))
    assert article.locator(".bulletin-places__trail a").count() >= 1
    assert_fits_width(page, viewport)
    keep_screenshot(page, f"case-{viewport}")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind, second", [("minhu", "solution"), ("minhu-open", "progress")])
def test_minhu_note_sets_off_its_blocks(page, served_sample, viewport, kind, second):
    open_article(page, served_sample, kind, viewport)
    article = page.locator("article.bulletin-minhu")
    badge = article.locator(".bulletin-headline .bulletin-status")
    assert badge.inner_text() in {"已解决", "已解释", "办理中"} and badge.is_visible()
    assert badge.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    facts = article.locator(".bulletin-facts")
    assert "收到" in facts.inner_text() and "分类" in facts.inner_text()
    if kind == "minhu":
        assert "用时" in facts.inner_text() and "承办" in facts.inner_text()
    problem = article.locator(".bulletin-section--problem")
    answer = article.locator(f".bulletin-section--{second}")
    backgrounds = {block.evaluate("el => getComputedStyle(el).backgroundColor") for block in (problem, answer)}
    assert len(backgrounds) == 2, "问题 and the answer look alike"
    assert top(badge) < top(facts) < top(problem) < top(answer)
    assert_fits_width(page, viewport)
    keep_screenshot(page, f"{kind}-{viewport}")


def body_font(page) -> float:
    return font_px(page.locator(".bulletin-body p").first)


def test_large_text_switch_enlarges_and_survives_a_page_change(page, served_sample):
    open_article(page, served_sample, "news", "phone")
    switch = page.locator(".bulletin-textsize")
    assert switch.is_visible() and switch.get_attribute("aria-pressed") == "false"
    normal = body_font(page)
    assert normal >= 16, "body text too small for a phone"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    large = body_font(page)
    assert large >= 1.2 * normal
    keep_screenshot(page, "large-text-phone")
    # A real page change: follow the first related article's link.
    page.locator(".bulletin-related .bulletin-card a").first.click()
    page.wait_for_load_state()
    assert page.url != served_sample + EXAMPLES["news"]
    assert page.locator(".bulletin-textsize").get_attribute("aria-pressed") == "true"
    assert body_font(page) == pytest.approx(large)
    # Off again, and that choice is remembered too.
    page.locator(".bulletin-textsize").click()
    page.goto(served_sample + EXAMPLES["case"])
    assert body_font(page) == pytest.approx(normal)


def test_large_text_applies_to_lists_too(page, served_sample):
    page.set_viewport_size(PHONE)
    page.goto(served_sample)
    title = page.locator(".bulletin-card__title").first
    before = font_px(title)
    page.locator(".bulletin-textsize").click()
    assert font_px(title) >= 1.2 * before


def test_every_request_stays_on_the_site(page, served_sample):
    """Home, every article type and a place page, scrolled to the end so that
    lazy images load: no font, script, image or beacon from any other host."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size(PHONE)
    for url in ["", *EXAMPLES.values(), "places/", "search/?q=垃圾分类"]:
        page.goto(served_sample + url, wait_until="networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
    assert any(u.endswith((".webp", ".jpg")) for u in requested), "no image was loaded at all"
    assert any(u.endswith(".css") for u in requested) and any(u.endswith(".js") for u in requested)
    foreign = [u for u in requested if not u.startswith((served_sample, "data:"))]
    assert not foreign


PAGES_FOR_AXE = {"home": "", **EXAMPLES}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES_FOR_AXE)
def test_axe_finds_no_serious_violation(page, served_sample, name, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(served_sample + PAGES_FOR_AXE[name])
    results = Axe().run(page, options=AXE_TAGS)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
               for v in results.response["violations"] if v["impact"] in ("critical", "serious")]
    assert not serious, serious
    assert results.response["passes"], "axe did not run"


def test_axe_in_large_text_mode(page, served_sample):
    open_article(page, served_sample, "minhu", "phone")
    page.locator(".bulletin-textsize").click()
    results = Axe().run(page, options=AXE_TAGS)
    assert not [v["id"] for v in results.response["violations"] if v["impact"] in ("critical", "serious")]
