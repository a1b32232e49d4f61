"""The built sample opens in a real Chromium."""

from helpers import ARTIFACTS


def test_home_page_opens_in_chromium(page, served_sample):
    page.goto(served_sample)
    assert page.title().startswith("首页")
    assert page.locator(".bulletin-card").count() >= 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-smoke.png"), full_page=True)
