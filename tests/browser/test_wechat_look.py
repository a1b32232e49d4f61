"""The 公众号 fragment looks like the article page: article.html alone in
Chromium at 375 px, without any stylesheet, against the built site's page at
the same width, element by element; nothing in it depends on a class or
loads from elsewhere. Screenshots of the previews go to test-artifacts/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from browser.article_examples import EXAMPLES
from helpers import ARTIFACTS, ROOT, run_bulletin

WIDTH = {"width": 375, "height": 812}
SITE_URL = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"]
# The sample's articles, by what the comparison needs of them.
ARTICLES = {
    "story": EXAMPLES["news"],  # 引题, 主题, 副题, a cover, a before/after pair
    "photo": EXAMPLES["photo"],  # 图说: the picture leads
    "case": EXAMPLES["case"],
    "minhu": EXAMPLES["minhu"],
    "minhu-open": EXAMPLES["minhu-open"],
}

FONT = ["fontSize", "fontWeight", "color"]
# (what, selector on the site, selector in the fragment, computed properties)
SAME = {
    "story": [
        ("主题", "h1", "h1", [*FONT, "textAlign", "lineHeight"]),
        ("引题", ".bulletin-kicker", ".bulletin-kicker", [*FONT, "textAlign"]),
        ("副题", ".bulletin-subtitle", ".bulletin-subtitle", [*FONT, "textAlign"]),
        ("署名", ".bulletin-byline", ".bulletin-byline", FONT),
        ("日期", ".bulletin-meta", ".bulletin-meta", FONT),
        ("图说", ".bulletin-figure figcaption", ".bulletin-figure figcaption", [*FONT, "textAlign"]),
        ("摄影者", ".bulletin-credit", ".bulletin-credit", [*FONT, "marginLeft"]),
        ("正文", ".bulletin-body p", ".bulletin-body p", [*FONT, "lineHeight", "textAlign", "marginTop"]),
        ("小标题", ".bulletin-body h2", ".bulletin-body h2", [*FONT, "lineHeight"]),
    ],
    "photo": [
        ("类别", ".bulletin-kind", ".bulletin-kind", [*FONT, "borderTopColor", "display"]),
        ("主题", "h1", "h1", [*FONT, "textAlign"]),
        ("图说", ".bulletin-figure figcaption", ".bulletin-figure figcaption", [*FONT, "textAlign"]),
    ],
    "case": [
        ("类别", ".bulletin-kind", ".bulletin-kind", [*FONT, "borderTopColor", "display"]),
        ("做法", ".bulletin-practice", ".bulletin-practice", [*FONT, "textAlign"]),
        ("成效", ".bulletin-metric", ".bulletin-metric", ["backgroundColor", "textAlign", "borderTopLeftRadius"]),
        ("成效数字", ".bulletin-metric__number", ".bulletin-metric__number", [*FONT, "lineHeight"]),
        ("成效说明", ".bulletin-metric dt", ".bulletin-metric__label", FONT),
        ("时间", ".bulletin-period__label", ".bulletin-period__label", [*FONT, "backgroundColor"]),
        ("列表", ".bulletin-body ul", ".bulletin-body ul", ["marginLeft", "paddingLeft", "marginTop", "listStyleType"]),
        ("列表项", ".bulletin-body li", ".bulletin-body li", [*FONT, "marginLeft", "marginBottom", "lineHeight"]),
    ],
    "minhu": [
        ("办理状态", ".bulletin-status", ".bulletin-status", [*FONT, "backgroundColor", "borderTopLeftRadius"]),
        ("事实", ".bulletin-facts", ".bulletin-facts", ["backgroundColor", "paddingLeft"]),
        ("事实名称", ".bulletin-facts dt", ".bulletin-fact__label", [*FONT, "width"]),
        *[(f"{name}块", f".bulletin-section--{role}", f".bulletin-section--{role}",
           ["backgroundColor", "borderLeftColor", "borderLeftWidth", "paddingLeft"])
          for name, role in (("问题", "problem"), ("解决", "solution"), ("回访", "follow-up"))],
        *[(f"{name}标题", f".bulletin-section--{role} h2", f".bulletin-section--{role} h2", FONT)
          for name, role in (("问题", "problem"), ("解决", "solution"), ("回访", "follow-up"))],
    ],
    "minhu-open": [
        ("办理状态", ".bulletin-status", ".bulletin-status", [*FONT, "backgroundColor"]),
        ("进展块", ".bulletin-section--progress", ".bulletin-section--progress", ["backgroundColor", "borderLeftColor"]),
        ("进展标题", ".bulletin-section--progress h2", ".bulletin-section--progress h2", FONT),
    ],
}

STYLES = "([sel, props]) => { const s = getComputedStyle(document.querySelector(sel)); return props.map(p => s[p]); }"
# Boxes relative to the column (the site's article, the fragment's root):
# the site has page margins, the fragment the body's.
BOXES = """sels => { const col = document.querySelector('article, body > section').getBoundingClientRect();
  return sels.map(sel => [...document.querySelectorAll(sel)].map(el => { const r = el.getBoundingClientRect();
    return {x: (r.x - col.x) / col.width, top: r.top, bottom: r.bottom, width: r.width / col.width}; })); }"""
ALL_STYLES = """() => [...document.querySelectorAll('*')].map(el => {
  const s = getComputedStyle(el); return [...s].map(p => p + ':' + s.getPropertyValue(p)).join(';'); })"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    """Each article exported by `bulletin wechat` from the sample, with its mkdocs.yml."""
    folders = {}
    for kind, url in ARTICLES.items():
        folder = tmp_path_factory.mktemp(f"wechat-{kind}")
        result = run_bulletin("wechat", url.strip("/"), "-o", str(folder), cwd=ROOT)
        assert result.returncode == 0, result.stderr
        folders[kind] = folder
    return folders


@pytest.fixture
def fragment_page(page, built_sample):
    """A page for article.html alone; the site's own URLs answered from the built sample."""
    requests: list[str] = []

    def from_site(route) -> None:
        path = built_sample / route.request.url.removeprefix(SITE_URL).split("?")[0]
        route.fulfill(path=str(path)) if path.is_file() else route.fulfill(status=404)

    page.route(SITE_URL + "**", from_site)
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size(WIDTH)
    page.requests = requests
    return page


def open_fragment(page, folder: Path) -> None:
    page.goto((folder / "article.html").as_uri())
    page.wait_for_load_state("load")


@pytest.mark.parametrize("kind", SAME)
def test_the_fragment_looks_like_the_article_page(fragment_page, served_sample, exported, kind):
    site = fragment_page.context.new_page()
    site.set_viewport_size(WIDTH)
    site.goto(served_sample + ARTICLES[kind])
    open_fragment(fragment_page, exported[kind])
    different = []
    for what, on_site, in_fragment, props in SAME[kind]:
        expected = site.evaluate(STYLES, [f"article {on_site}", props])
        got = fragment_page.evaluate(STYLES, [in_fragment, props])
        different += [f"{what} {p}: site {e}, fragment {g}" for p, e, g in zip(props, expected, got) if e != g]
    assert not different, "\n".join(different)
    site.close()


def test_a_before_after_pair_is_laid_out_as_on_the_site(fragment_page, served_sample, exported):
    site = fragment_page.context.new_page()
    site.set_viewport_size(WIDTH)
    site.goto(served_sample + ARTICLES["story"])
    site.locator(".bulletin-pair img").last.scroll_into_view_if_needed()
    open_fragment(fragment_page, exported["story"])
    selectors = [".bulletin-pair .bulletin-figure", ".bulletin-pair img"]
    for boxes in (site.evaluate(BOXES, selectors), fragment_page.evaluate(BOXES, selectors)):
        (before, after), (before_img, after_img) = boxes
        # Stacked at phone width, each across the column, pictures filling their figure.
        assert after["top"] >= before["bottom"]
        assert before["x"] == pytest.approx(after["x"], abs=0.01) == pytest.approx(0, abs=0.01)
        assert before["width"] == pytest.approx(1, abs=0.01) and after["width"] == pytest.approx(1, abs=0.01)
        assert before_img["width"] == pytest.approx(before["width"], abs=0.01)
        assert after_img["top"] > before_img["bottom"]
    gap = lambda boxes: boxes[0][1]["top"] - boxes[0][0]["bottom"]  # noqa: E731
    assert gap(fragment_page.evaluate(BOXES, selectors)) == pytest.approx(gap(site.evaluate(BOXES, selectors)), abs=1)
    site.close()


def test_a_cases_figures_sit_two_to_a_row_as_on_the_site(fragment_page, served_sample, exported):
    site = fragment_page.context.new_page()
    site.set_viewport_size(WIDTH)
    site.goto(served_sample + ARTICLES["case"])
    open_fragment(fragment_page, exported["case"])
    for boxes in (site.evaluate(BOXES, [".bulletin-metric"]), fragment_page.evaluate(BOXES, [".bulletin-metric"])):
        first, second, *rest = boxes[0]
        assert first["top"] == pytest.approx(second["top"], abs=1)
        assert first["width"] == pytest.approx(0.479, abs=0.01) and second["x"] > first["x"] + first["width"]
        for third in rest[:1]:
            assert third["top"] > first["bottom"] and third["x"] == pytest.approx(0, abs=0.01)
    site.close()


@pytest.mark.parametrize("kind", ARTICLES)
def test_nothing_depends_on_a_class_or_comes_from_elsewhere(fragment_page, exported, kind):
    open_fragment(fragment_page, exported[kind])
    page = fragment_page
    assert page.evaluate("document.querySelectorAll('script, style, link, iframe, object, embed').length") == 0
    assert page.evaluate("document.styleSheets.length") == 0
    assert page.evaluate("document.querySelectorAll('[class]').length") >= 8  # the classes are there…
    before = page.evaluate(ALL_STYLES)
    page.evaluate("document.querySelectorAll('[class], [id]').forEach(el => { el.removeAttribute('class'); el.removeAttribute('id'); })")
    assert page.evaluate(ALL_STYLES) == before  # …and carry nothing: the 公众号 editor drops them
    fetched = [url for url in page.requests if not url.startswith("file:")]
    assert all(url.startswith(SITE_URL) for url in fetched), fetched
    if kind == "story":
        assert len(set(fetched)) == 2  # the cover, which is also the pair's after, and the pair's before
    assert page.evaluate("[...document.images].every(img => img.complete && img.naturalWidth > 0)")


@pytest.mark.parametrize("kind", ["story", "case", "minhu"])
def test_the_preview_shows_the_fragment_on_a_phone(page, exported, kind):
    page.set_viewport_size({"width": 430, "height": 900})
    page.goto((exported[kind] / "preview.html").as_uri())
    frame = page.locator("main")
    assert frame.bounding_box()["width"] == 375
    assert page.evaluate("[...document.images].every(img => img.complete && img.naturalWidth > 0)")
    assert all(src.startswith("images/") for src in page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('src'))"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 430
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"wechat-preview-{kind}.png"), full_page=True)


def test_a_published_story_with_site_url_needs_no_warning(exported):
    text = (exported["story"] / "report.txt").read_text("utf-8")
    assert "图片：2 张" in text and "提醒" not in text  # published, with site_url: nothing to warn about
    assert json.dumps(sorted(p.name for p in (exported["story"] / "images").iterdir())) == '["01.jpg", "02.jpg"]'


def test_a_photo_story_leads_with_its_picture_as_on_the_site(fragment_page, served_sample, exported):
    site = fragment_page.context.new_page()
    site.set_viewport_size(WIDTH)
    site.goto(served_sample + ARTICLES["photo"])
    open_fragment(fragment_page, exported["photo"])
    order = "sels => sels.map(sel => document.querySelector(sel).getBoundingClientRect().top)"
    for page in (site, fragment_page):
        title, figure, byline = page.evaluate(order, ["h1", ".bulletin-figure", ".bulletin-byline"])
        assert title < figure < byline
    site.close()
