"""The 数字报 reader and the front page in Chromium, at 390×844 and 1280×900.

For every 版 of every edition of the sample: each listed article has exactly one
hotspot, inside the page picture, linking to that article; Tab reaches them in
reading order; thumbnails and 上一版/下一版 switch 版; the PDF links resolve.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import ARTIFACTS, ROOT, TODAY
from site_builder.content import load_bulletin

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
AXE_TAGS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}

SAMPLE = load_bulletin(ROOT / "content", today=TODAY)
EDITIONS = {edition.id: edition for edition in SAMPLE.editions}


def shown_sheet(page):
    """The one 版 on screen."""
    sheets = page.locator(".bulletin-reader__sheet")
    visible = [sheets.nth(i) for i in range(sheets.count()) if sheets.nth(i).is_visible()]
    assert len(visible) == 1, f"{len(visible)} 版 shown at once"
    return visible[0]


def absolute(page, href: str) -> str:
    return urljoin(page.url, href).split("#")[0]


def inside(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack)


def published(page_entry) -> list[str]:
    return [a for a in page_entry.articles if a in SAMPLE.by_id and SAMPLE.by_id[a].is_published]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("edition_id", EDITIONS)
def test_every_article_has_one_hotspot_in_reading_order(page, served_sample, edition_id, viewport):
    edition = EDITIONS[edition_id]
    page.set_viewport_size(VIEWPORTS[viewport])
    for entry in edition.pages:
        page.goto(f"{served_sample}{edition.url}#ban-{entry.number}")
        page.wait_for_load_state("networkidle")
        sheet = shown_sheet(page)
        assert sheet.get_attribute("id") == f"ban-{entry.number}"
        listed = [absolute(page, a.get_attribute("href"))
                  for a in sheet.locator(".bulletin-sheet__articles h3 a").all()]
        assert listed == [served_sample + SAMPLE.by_id[a].url for a in published(entry)]
        pictures = sheet.locator(".bulletin-reader__paper img")
        for i in range(pictures.count()):
            # Lazy-loaded: scrolled to, each page picture loads.
            assert pictures.nth(i).evaluate("async img => { img.scrollIntoView(); await img.decode(); return img.naturalWidth > 0; }")
            assert pictures.nth(i).get_attribute("width") and pictures.nth(i).get_attribute("height")
        paper = sheet.locator(".bulletin-reader__paper").bounding_box()  # measured at the same scroll as the spots
        spots = sheet.locator("svg a.bulletin-reader__spot")
        hrefs = [absolute(page, spot.get_attribute("href")) for spot in spots.all()]
        assert hrefs == listed, "one hotspot per listed article, in reading order"
        for spot in spots.all():
            box = spot.bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24
            assert inside(box, paper), f"hotspot outside the page picture: {box} {paper}"
        names = [spot.get_attribute("aria-label") for spot in spots.all()]
        assert names == [SAMPLE.by_id[a].title for a in published(entry)], "each is named by its headline"
        # Keyboard: from the tools above the page, Tab walks the hotspots in reading order.
        sheet.locator(".bulletin-reader__tools a[download]").focus()  # the last control before the page
        reached = []
        for _ in hrefs:
            page.keyboard.press("Tab")
            reached.append(absolute(page, page.evaluate("document.activeElement.getAttribute('href')")))
        assert reached == hrefs
    if viewport == "phone" or edition_id == "fengtai-2022-08-18":
        ARTIFACTS.mkdir(exist_ok=True)
        page.goto(f"{served_sample}{edition.url}")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"reader-{edition_id}-{viewport}.png"), full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_hotspot_opens_its_article(page, served_sample, viewport):
    edition = EDITIONS["changyang-2022-07-15"]
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{served_sample}{edition.url}#ban-2")
    target = SAMPLE.by_id[published(edition.pages[1])[0]]
    page.locator("#ban-2 svg a.bulletin-reader__spot").first.click()
    page.wait_for_load_state()
    assert page.url == served_sample + target.url
    assert page.locator("article h1").inner_text() == target.title


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_switching_by_thumbnail_and_by_turning(page, served_sample, viewport):
    edition = EDITIONS["changyang-2022-07-15"]
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(served_sample + edition.url)
    assert shown_sheet(page).get_attribute("id") == "ban-1"
    thumbs = page.locator("[data-reader-thumb]")
    assert thumbs.count() == len(edition.pages)
    assert thumbs.first.get_attribute("aria-current") == "page"
    thumbs.nth(1).click()
    assert shown_sheet(page).get_attribute("id") == "ban-2"
    assert thumbs.nth(1).get_attribute("aria-current") == "page" and thumbs.first.get_attribute("aria-current") is None
    shown_sheet(page).locator("a[rel=prev]", has_text="上一版").click()
    assert shown_sheet(page).get_attribute("id") == "ban-1"
    assert shown_sheet(page).locator("a[rel=prev]").count() == 0  # the first 版 has none
    shown_sheet(page).locator("a[rel=next]", has_text="下一版").click()
    assert shown_sheet(page).get_attribute("id") == "ban-2"
    assert shown_sheet(page).locator("a[rel=next]").count() == 0
    for box in (thumbs.nth(0).bounding_box(), shown_sheet(page).locator("a[rel=prev]").bounding_box()):
        assert box["width"] >= 44 and box["height"] >= 44


def test_zoom_button_enlarges_the_page(page, served_sample):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(served_sample + EDITIONS["fengtai-2022-08-18"].url)
    picture = shown_sheet(page).locator(".bulletin-reader__paper img").first
    before = picture.bounding_box()["width"]
    button = shown_sheet(page).locator("[data-reader-zoom]")
    assert button.inner_text() == "放大" and button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert picture.bounding_box()["width"] >= 1.9 * before
    spot = shown_sheet(page).locator("svg a.bulletin-reader__spot").first.bounding_box()
    assert spot["width"] >= 1.9 * 0.5 * before  # the regions scale with the picture
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the page itself does not widen
    viewport_meta = page.locator("meta[name=viewport]").get_attribute("content")
    assert "user-scalable=no" not in viewport_meta and "maximum-scale=1" not in viewport_meta  # pinch works


def test_pdf_links_resolve(page, served_sample):
    for edition in SAMPLE.editions:
        page.goto(served_sample + edition.url)
        links = [(page.locator(".bulletin-edition__pdf a"), None)]
        links += [(page.locator(f"#ban-{entry.number} .bulletin-reader__tools a[download]"),
                   page.locator(f"#ban-{entry.number} .bulletin-reader__paper img").count()) for entry in edition.pages]
        for link, pages in links:
            response = page.request.get(absolute(page, link.get_attribute("href")))
            assert response.ok
            body = response.body()
            assert body.startswith(b"%PDF-")
            with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
                handle.write(body)
                handle.flush()
                text = subprocess.run(["pdftotext", handle.name, "-"], capture_output=True, text=True).stdout
                info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True).stdout
            date = edition.date
            assert f"{date.year}年{date.month}月{date.day}日" in text
            if pages is not None:  # a 版's PDF has the pages its pictures show
                assert re.search(rf"^Pages:\s+{pages}$", info, re.M), info


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_front_page_has_pictures(page, served_sample, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(served_sample)
    top = page.locator(".bulletin-top__picture img")
    assert top.is_visible() and top.evaluate("img => img.complete && img.naturalWidth > 0")
    assert top.bounding_box()["width"] >= 0.8 * page.locator(".bulletin-front__news").bounding_box()["width"]
    cards = page.locator("section[aria-labelledby=home-stories] .bulletin-card--thumb")
    assert cards.count() >= 1
    card = cards.first
    card.scroll_into_view_if_needed()
    thumb, title = card.locator(".bulletin-card__thumb img"), card.locator(".bulletin-card__title")
    thumb.evaluate("img => img.decode()")
    assert thumb.evaluate("img => img.naturalWidth > 0")
    assert thumb.bounding_box()["x"] > title.bounding_box()["x"], "the thumbnail sits beside the headline"
    news, side = page.locator(".bulletin-front__news").bounding_box(), page.locator(".bulletin-front__side").bounding_box()
    if viewport == "desktop":
        assert side["x"] > news["x"] + news["width"] - 1, "two columns on a desktop"
    else:
        assert side["y"] >= news["y"] + news["height"] - 1, "one column on a phone"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    front = page.locator(".bulletin-front__edition")
    assert front.locator("img").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / f"home-{viewport}.png"), full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_list_pages_show_lazy_thumbnails(page, served_sample, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(served_sample + "stories/")
    thumbs = page.locator(".bulletin-card__thumb img")
    first_page = [a for a in SAMPLE.articles if a.type == "story"][:20]
    assert thumbs.count() == len([a for a in first_page if a.cover]) > 0
    for img in thumbs.all():
        assert img.get_attribute("loading") == "lazy"
        assert int(img.get_attribute("width")) > 0 and int(img.get_attribute("height")) > 0
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"list-stories-{viewport}.png"), full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_editions_calendar(page, served_sample, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(served_sample + "editions/")
    for edition in SAMPLE.editions:
        link = page.locator(f"#month-{edition.date.year}-{edition.date.month} ~ ol a")
        assert link.count() == 1 and link.inner_text() == str(edition.date.day)
        box = link.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
        link.click()
        assert page.url == served_sample + edition.url
        page.go_back()


KINDS = {"home": "", "editions": "editions/", "edition": "editions/changyang-2022-07-15/#ban-2",
         "edition-overflowing": "editions/fengtai-2022-08-18/", "stories": "stories/", "place": "places/changyang/",
         "tag": "tags/", "minhu-stats": "minhu/stats/"}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", KINDS)
def test_axe_on_every_page_kind(page, served_sample, kind, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(served_sample + KINDS[kind])
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options=AXE_TAGS)
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:5])
               for v in results.response["violations"] if v["impact"] in ("critical", "serious")]
    assert not serious
    assert results.response["passes"]


def test_large_text_reaches_the_reader_and_the_front_page(page, served_sample):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(served_sample + EDITIONS["changyang-2022-07-15"].url)
    label = page.locator("[data-reader-thumb] .bulletin-sheet__number").first
    lead = page.locator(".bulletin-reader__list h3").first
    before = [float(x.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) for x in (label, lead)]
    page.locator(".bulletin-textsize").click()
    after = [float(x.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) for x in (label, lead)]
    assert all(a >= 1.2 * b for a, b in zip(after, before))
    page.goto(served_sample)
    results = Axe().run(page, options=AXE_TAGS)
    assert not [v["id"] for v in results.response["violations"] if v["impact"] in ("critical", "serious")]
