"""An article printed from Chromium, and the size of what residents tap."""

from __future__ import annotations

import subprocess

import pytest

from browser.conftest import DESKTOP, PHONE
from browser.article_examples import EXAMPLES
from helpers import ARTIFACTS

# What a resident taps on an article page; each must be at least 44 × 44 px.
TAP_TARGETS = [".bulletin-textsize", ".bulletin-places__trail a", ".bulletin-tags a",
               ".bulletin-related .bulletin-card a", ".bulletin-printed a", ".md-header__button",
               ".bulletin-search-form__button", ".md-tabs__link"]
SITE_CHROME = [".md-header", ".md-tabs", ".bulletin-toolbar", ".bulletin-related", ".md-footer",
               ".md-sidebar--secondary"]


@pytest.mark.parametrize("kind", ["news", "case", "minhu"])
def test_printing_gives_the_article_alone(page, served_sample, kind, tmp_path):
    page.set_viewport_size(DESKTOP)
    page.goto(served_sample + EXAMPLES[kind])
    title = page.locator("article h1").inner_text()
    page.emulate_media(media="print")
    for selector in SITE_CHROME:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"
    assert page.locator("article h1").is_visible()
    assert page.locator(".bulletin-print-url").is_visible()
    # The browser's own print: a real PDF, read back with poppler's pdftotext.
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"print-{kind}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
    squeezed = "".join(printed.split())
    assert "".join(title.split()) in squeezed
    assert "本文网址" in squeezed and EXAMPLES[kind] in squeezed
    for chrome_text in ("相关文章", "大字", "搜索文章", "MadewithMaterial"):
        assert chrome_text not in squeezed, f"{chrome_text} is printed"


@pytest.mark.parametrize("viewport, kind", [(PHONE, "news"), (PHONE, "minhu"), (PHONE, "case"),
                                            (DESKTOP, "news")])
def test_tap_targets_are_at_least_44px(page, served_sample, viewport, kind):
    page.set_viewport_size(viewport)
    page.goto(served_sample + EXAMPLES[kind])
    measured = 0
    small = []
    for selector in TAP_TARGETS:
        for element in page.locator(selector).all():
            if not element.is_visible():
                continue
            box = element.bounding_box()
            measured += 1
            if box["height"] < 44 or box["width"] < 44:
                small.append((selector, element.inner_text()[:12], round(box["width"]), round(box["height"])))
    assert measured >= 6
    assert not small, small
