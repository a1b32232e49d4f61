"""Pictures in a real Chromium: pairs by screen width, WebP chosen, space reserved."""

from __future__ import annotations

import pytest

from conftest import DESKTOP, PHONE
from helpers import ARTIFACTS

STORY = "stories/2022/biboyuan-weilan-bianmin/"


def boxes(page) -> tuple[dict, dict]:
    before = page.locator(".bulletin-pair .bulletin-figure--before").bounding_box()
    after = page.locator(".bulletin-pair .bulletin-figure--after").bounding_box()
    return before, after


def test_pair_side_by_side_on_a_wide_screen(page, served_sample):
    page.set_viewport_size(DESKTOP)
    page.goto(served_sample + STORY)
    page.locator(".bulletin-pair").scroll_into_view_if_needed()
    before, after = boxes(page)
    assert abs(before["y"] - after["y"]) < 2 and after["x"] >= before["x"] + before["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".bulletin-pair").screenshot(path=str(ARTIFACTS / "pair-desktop.png"))


def test_pair_stacked_on_a_phone(page, served_sample):
    page.set_viewport_size(PHONE)
    page.goto(served_sample + STORY)
    page.locator(".bulletin-pair").scroll_into_view_if_needed()
    before, after = boxes(page)
    assert after["y"] >= before["y"] + before["height"] and abs(before["x"] - after["x"]) < 2
    assert before["width"] > PHONE["width"] * 0.8
    for role in ("before", "after"):
        assert page.locator(f".bulletin-figure--{role} figcaption").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "pair-phone.png"), full_page=True)


@pytest.mark.parametrize("viewport, widest", [(PHONE, 1600), (DESKTOP, 1600)])
def test_browser_picks_a_webp_variant(page, served_sample, viewport, widest):
    page.set_viewport_size(viewport)
    page.goto(served_sample + STORY)
    cover = page.locator("article > figure.bulletin-figure img")
    cover.evaluate("img => img.decode()")
    src = cover.evaluate("img => img.currentSrc")
    assert src.endswith(".webp")
    assert int(src.rsplit("-", 2)[-2].removesuffix("w")) <= widest


def test_space_is_reserved_before_pictures_load(page, served_sample):
    """No layout shift: with every image request blocked, boxes already have their height."""
    page.route("**/images/**", lambda route: route.abort())
    page.set_viewport_size(PHONE)
    page.goto(served_sample + STORY)
    for img in page.locator(".bulletin-article picture img").all():
        box = img.bounding_box()
        assert box["height"] == pytest.approx(box["width"] * 1067 / 1600, abs=2)
