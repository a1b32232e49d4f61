"""The sample bulletin built by real MkDocs with the real theme, page by page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, TODAY, run_bulletin
from site_builder.content import load_bulletin

DRAFT_MARKER = "草稿示例"


@pytest.fixture(scope="module")
def sample():
    return load_bulletin(ROOT / "content", today=TODAY)


@pytest.fixture(scope="module")
def built(built_sample: Path) -> Path:
    return built_sample


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def test_sample_has_what_the_issue_asks(sample):
    assert sample.ok, sample.problems.format_text()
    counts = {t: len(sample.of_type(t)) for t in ("story", "case", "minhu")}
    assert counts["story"] + counts["case"] >= 15 and counts["minhu"] >= 8
    kinds = {a.kind for a in sample.of_type("story")}
    assert kinds == {"news", "photo", "commentary"}
    assert {a.status for a in sample.of_type("minhu")} == {"resolved", "explained", "in_progress"}
    assert len(sample.editions) >= 2
    credits = [(p.editors, p.designers, p.proofreaders) for e in sample.editions for p in e.pages]
    assert (["赵智和", "范科峰"], ["白杨"], ["池红云"]) in credits
    metrics = [m.text for c in sample.of_type("case") for m in c.metrics]
    assert "130余条" in metrics and "123个" in metrics


def test_every_published_article_has_its_page(built, sample):
    for article in sample.articles:
        assert (built / article.url / "index.html").is_file(), article.id


def test_story_page(built, sample):
    story = sample.by_id["stories/2022/biboyuan-weilan-bianmin"]
    soup = page(built, story.url)
    article = soup.select_one("article.bulletin-story")
    assert text(article.select_one(".bulletin-headline h1")) == story.title
    assert text(article.select_one(".bulletin-byline")) == "本报讯（记者 胡可）"
    trail = [text(li) for li in article.select(".bulletin-places__trail")[0].select("li")]
    assert trail == ["房山区", "长阳镇", "碧波园社区", "碧波园小区"]
    assert article.select_one("img.before") and article.select_one("img.after")
    assert "刊于《社区报》第15期 第1版" in text(article.select_one(".bulletin-printed"))
    assert article.select(".bulletin-related .bulletin-card")
    assert soup.html["lang"].startswith("zh")


def test_kicker_and_subtitle_keep_the_newspaper_hierarchy(built, sample):
    story = next(a for a in sample.of_type("story") if a.kicker and a.subtitle)
    header = page(built, story.url).select_one(".bulletin-headline")
    order = [el["class"][0] if el.name == "p" else el.name for el in header.find_all(["p", "h1"])]
    assert order[-3:] == ["bulletin-kicker", "h1", "bulletin-subtitle"]


def test_photo_story_leads_with_its_picture(built, sample):
    photo = next(a for a in sample.of_type("story") if a.kind == "photo")
    article = page(built, photo.url).select_one("article")
    figure, byline = article.select_one("figure.bulletin-figure"), article.select_one(".bulletin-byline")
    assert figure is not None
    assert text(figure.figcaption).startswith(photo.cover.caption)
    if byline is not None:
        assert str(article).index("bulletin-figure") < str(article).index("bulletin-byline")
    # The original is never published: the picture's fallback is a pipeline variant.
    src = figure.select_one("picture img")["src"]
    assert (built / photo.url / src).resolve().is_file()
    assert not (built / photo.cover.url).exists()


def test_commentary_is_marked(built, sample):
    commentary = next(a for a in sample.of_type("story") if a.kind == "commentary")
    assert text(page(built, commentary.url).select_one(".bulletin-kind")) == "评论"


def test_case_page_shows_practice_and_figures(built):
    article = page(built, "cases/2025/taixi-minqingzhuo-shuji-yehua/").select_one("article.bulletin-case")
    assert text(article.select_one(".bulletin-practice"))
    figures = [text(dd).replace(" ", "") for dd in article.select(".bulletin-metric dd")]
    assert "130余条" in figures and "123个" in figures


def test_minhu_page_sets_off_its_blocks(built, sample):
    for note in sample.of_type("minhu"):
        article = page(built, note.url).select_one("article.bulletin-minhu")
        assert text(article.select_one(".bulletin-status")) == note.status_label
        assert article.select_one(".bulletin-section--problem h2").get_text() == "问题"
        second = "progress" if note.status == "in_progress" else "solution"
        assert article.select_one(f".bulletin-section--{second}")
        if note.resolved:
            assert f"用时 {note.days_to_resolve} 天" in text(article.select_one(".bulletin-facts"))


def test_navigation_holds_only_the_sections(built):
    nav = page(built, "").select("nav.md-tabs a.md-tabs__link")
    assert [text(a) for a in nav] == ["首页", "报道", "案例", "民呼即应", "社区", "往期"]


def test_home_and_section_pages_list_articles(built, sample):
    home = page(built, "")
    assert len(home.select(".bulletin-card")) >= 5
    stories = page(built, "stories/")
    assert len(stories.select(".bulletin-card")) == len(sample.of_type("story"))


def test_unpublished_and_editors_data_never_reach_the_site(built):
    assert not list(built.rglob("*.yml")) and not list(built.rglob("*.md"))
    for html in built.rglob("*.html"):
        assert DRAFT_MARKER not in html.read_text("utf-8"), html


def test_no_page_asks_another_host_for_fonts(built):
    for html in built.rglob("*.html"):
        assert "fonts.googleapis.com" not in html.read_text("utf-8")


def test_bulletin_build_and_preview_with_drafts(tmp_path):
    site_dir = tmp_path / "preview"
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text("utf-8").replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
                      .replace("site_dir: site", f"site_dir: {site_dir}"), "utf-8")
    result = run_bulletin("build", "-f", str(config), cwd=tmp_path, env={"BULLETIN_DRAFTS": "1"})
    assert result.returncode == 0, result.stderr
    drafts = [p for p in site_dir.rglob("index.html") if DRAFT_MARKER in p.read_text("utf-8")]
    assert drafts
    assert "草稿：这篇文章还没有发布" in drafts[0].read_text("utf-8")
