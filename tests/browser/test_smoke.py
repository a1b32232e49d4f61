"""The built sample opens in a real Chromium."""

from helpers import ARTIFACTS


def test_home_page_opens_in_chromium(page, served_sample):
    page.goto(served_sample)
    assert page.title().startswith("首页")
    assert page.locator(".bulletin-card").count() >= 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-smoke.png"), full_page=True)


def test_site_name_keeps_its_place_in_the_phone_header(page, served_sample):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_sample + "minhu/")
    title = page.locator(".md-header__title .md-header__topic").first
    assert title.inner_text() == "社区报示例"
    box = page.locator(".md-header__title").bounding_box()
    assert box["width"] >= 80  # the whole name, not squeezed away by the search box
