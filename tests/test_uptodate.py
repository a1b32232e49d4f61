"""A build with nothing to do stops at once (site_builder/build/uptodate.py),
and anything a build reads or wrote, once changed, makes the next build a
real one: an article, mkdocs.yml, the day that decides embargoes, the
options, a published page touched by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CATEGORIES, COMMUNITIES, MINHU, MKDOCS_YML, STORY, run_bulletin, snapshot, write

UP_TO_DATE = "网站已是最新"


def make_site(root: Path) -> Path:
    write(root, {"mkdocs.yml": MKDOCS_YML})
    write(root / "content", {"communities.yml": COMMUNITIES, "categories.yml": CATEGORIES,
                             "stories/2022/biboyuan-weilan.md": STORY,
                             "minhu/2022/biboyuan-tingche.md": MINHU})
    return root


def build(root: Path, *args: str, env: dict | None = None) -> str:
    result = run_bulletin("build", *args, cwd=root, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture
def built(tmp_path) -> Path:
    root = make_site(tmp_path)
    assert UP_TO_DATE not in build(root)
    return root


def test_nothing_changed_leaves_the_published_site_as_it_is(built):
    site = built / "site"
    files = {p: p.stat().st_ino for p in site.rglob("*") if p.is_file()}
    before = snapshot(site)
    said = build(built)
    assert UP_TO_DATE in said and "正在生成网站" not in said
    assert snapshot(site) == before
    assert {p: p.stat().st_ino for p in site.rglob("*") if p.is_file()} == files  # not even relinked


def edit_article(root: Path) -> None:
    path = root / "content" / "stories/2022/biboyuan-weilan.md"
    path.write_text(path.read_text("utf-8") + "\n围栏旁又添了两张长椅。\n", "utf-8")


def edit_settings(root: Path) -> None:
    path = root / "mkdocs.yml"
    path.write_text(path.read_text("utf-8").replace("测试社区报", "测试社区报（新）"), "utf-8")


def delete_page(root: Path) -> None:
    (root / "site" / "stories/2022/biboyuan-weilan/index.html").unlink()


def touch_page(root: Path) -> None:
    (root / "site" / "minhu/2022/biboyuan-tingche/index.html").write_text("被人改过的页面", "utf-8")


def add_other_file(root: Path) -> None:
    write(root / "content", {"stories/2022/unused.txt": "编辑的备忘"})


CHANGES = {"article edited": edit_article, "settings edited": edit_settings, "page deleted": delete_page,
           "page changed by hand": touch_page, "file added to content": add_other_file}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_builds_again(built, change):
    CHANGES[change](built)
    said = build(built)
    assert UP_TO_DATE not in said and "网站已生成" in said
    assert (built / "site" / "stories/2022/biboyuan-weilan/index.html").is_file()
    assert "被人改过的页面" not in (built / "site" / "minhu/2022/biboyuan-tingche/index.html").read_text("utf-8")
    assert UP_TO_DATE in build(built)  # and the build after that has nothing to do


def test_another_day_or_other_options_build_again(built):
    assert UP_TO_DATE not in build(built, env={"BULLETIN_TODAY": "2030-01-01"})  # embargoes may have ended
    assert UP_TO_DATE not in build(built, "--strict", env={"BULLETIN_TODAY": "2030-01-01"})
    assert UP_TO_DATE in build(built, "--strict", env={"BULLETIN_TODAY": "2030-01-01"})


def test_a_build_that_warned_is_repeated_with_its_warnings(tmp_path):
    root = make_site(tmp_path)
    write(root / "content", {"stories/2022/biboyuan-weilan.md": STORY + "\n见[上一篇](../2021/missing.md)。\n"})
    for _ in range(2):
        said = build(root)
        assert UP_TO_DATE not in said and "missing.md" in said
