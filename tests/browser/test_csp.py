"""The Content-Security-Policy in a real Chromium: the site's own pages work
without a single violation, and code planted in a page is refused."""

from __future__ import annotations

import pytest

from browser.conftest import PHONE

# Listens for violations from the very start of every document.
RECORDER = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""

PAGES = ["", "stories/", "cases/", "minhu/", "stories/2022/biboyuan-weilan-bianmin/",
         "cases/2022/biboyuan-chuishao-baodao/", "minhu/2022/ballet-rain-garage-gate/", "404.html"]


@pytest.fixture
def watched(page):
    """A phone-sized page that records CSP violations and console errors."""
    page.set_viewport_size(PHONE)
    page.add_init_script(RECORDER)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    return page


@pytest.mark.parametrize("url", PAGES)
def test_site_pages_cause_no_violation(watched, served_sample, url):
    watched.goto(served_sample + url)
    watched.wait_for_load_state("networkidle")
    # Use the page as a reader does: open the menu, scroll, follow a link.
    watched.mouse.wheel(0, 2000)
    watched.wait_for_timeout(200)
    assert watched.evaluate("window.__violations") == []
    assert [e for e in watched.errors if "Content Security Policy" in e] == []
    assert watched.evaluate("typeof document$ !== 'undefined' || !!document.querySelector('.md-header')")


def test_planted_code_is_refused(watched, served_sample):
    """A page as built, with code slipped in after the policy: none of it runs."""
    original = watched.request.get(served_sample + "stories/").text()
    planted = original.replace("</body>", (
        "<script>window.__ran = 'inline'</script>"
        "<img src=x onerror=\"window.__ran = 'handler'\">"
        "<script src=\"https://evil.example/x.js\"></script>"
        "<img src=\"https://evil.example/pixel.png\">"
        "<a id=planted href=\"javascript:window.__ran='link'\">x</a>"
        "</body>"))
    assert planted != original
    watched.route(served_sample + "planted/", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=planted))
    watched.route("https://evil.example/**", lambda route: route.fulfill(status=200, body="window.__ran='remote'"))
    watched.goto(served_sample + "planted/")
    watched.wait_for_timeout(300)
    watched.click("#planted")
    watched.wait_for_timeout(200)
    assert watched.evaluate("window.__ran") is None
    blocked = " ".join(watched.evaluate("window.__violations"))
    assert "script-src" in blocked and "img-src" in blocked and "evil.example" in blocked
