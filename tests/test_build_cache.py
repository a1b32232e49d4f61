"""The render cache and the parallel build give the site a cold build gives,
and `bulletin build`'s own loop (site_builder/mkdocs/render.py) writes, byte
for byte, what MkDocs' one-page-at-a-time loop (`mkdocs build`) writes.

After one article is edited, a rebuild that finds everything else in the
cache must show the change everywhere the article appears (its page, its
place pages, lists, feeds, the search index) and be, file for file, the site
a cold build of the edited content writes. Pages are rendered by forked
workers here (BULLETIN_PARALLEL_MIN=1), as on a large archive.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CASE, CATEGORIES, COMMUNITIES, MINHU, MKDOCS_YML, STORY, TODAY, run_bulletin, run_in_terminal, snapshot, stable, write

PARALLEL = {"BULLETIN_PARALLEL_MIN": "1"}
SERIAL = {"BULLETIN_PARALLEL_MIN": "1000000"}
NEW_TITLE = "巧设围栏便民出行又有新进展"
NEW_WORDS = "围栏旁新装了九盏太阳能路灯"


def notes(count: int) -> dict[str, str]:
    """`count` more 民呼即应 notes, so that lists run over several pages."""
    return {f"minhu/2022/note-{i:03d}.md": MINHU.replace("小区门口不再乱停车", f"第{i}号：楼道灯修好了")
            .replace("2022-06-20", f"2022-06-{1 + i % 28:02d}").replace("2022-06-01", "2022-05-01")
            .replace("community: biboyuan", "community: taixi" if i % 2 else "community: biboyuan")
            for i in range(count)}


def make_site(root: Path, extra: int = 30) -> Path:
    write(root, {"mkdocs.yml": MKDOCS_YML + "site_url: https://bulletin.example/\n"})
    write(root / "content", {
        "communities.yml": COMMUNITIES, "categories.yml": CATEGORIES,
        "stories/2022/biboyuan-weilan.md": STORY,
        "minhu/2022/biboyuan-tingche.md": MINHU,
        "cases/2022/taixi-minqingzhuo.md": CASE,
        **notes(extra),
    })
    return root


def build(root: Path, env: dict[str, str]) -> dict[str, str]:
    result = run_bulletin("build", cwd=root, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return snapshot(root / "site")


def edit_story(root: Path) -> None:
    path = root / "content" / "stories/2022/biboyuan-weilan.md"
    text = path.read_text("utf-8").replace("巧设围栏便民出行", NEW_TITLE)
    path.write_text(text + f"\n{NEW_WORDS}。\n", "utf-8")


def search_text(site: Path) -> str:
    """Everything the search fragments hold, decompressed."""
    return "".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                   for f in (site / "pagefind" / "fragment").iterdir())


def test_rebuild_after_an_edit_equals_a_cold_build(tmp_path):
    warm = make_site(tmp_path / "warm")
    before = build(warm, PARALLEL)
    assert (warm / ".cache" / "pages" / "pages.sqlite3").is_file()
    edit_story(warm)
    after = build(warm, PARALLEL)  # the cache holds every other page

    cold = tmp_path / "cold"
    shutil.copytree(warm / "content", cold / "content")
    shutil.copy(warm / "mkdocs.yml", cold / "mkdocs.yml")
    assert after == build(cold, PARALLEL)  # every byte, the search index included

    site = warm / "site"
    changed = {name for name in stable(after) if stable(before).get(name) != stable(after)[name]}
    for page in ("stories/2022/biboyuan-weilan/index.html", "index.html", "stories/index.html",
                 "places/biboyuan/index.html", "places/changyang/index.html", "feeds/all.xml"):
        assert page in changed, page
        assert NEW_TITLE in (site / page).read_text("utf-8"), page
    assert NEW_WORDS in (site / "stories/2022/biboyuan-weilan/index.html").read_text("utf-8")
    assert f'"title":"{NEW_TITLE}"' in search_text(site)  # the text itself is indexed as word pairs
    # A note elsewhere (not related to the story) is the very same page.
    assert "minhu/2022/note-007/index.html" not in changed


def inode(site: Path, page: str) -> int:
    return (site / page).stat().st_ino


def add_note(root: Path) -> None:
    write(root / "content", {"minhu/2022/new-note.md": MINHU.replace("小区门口不再乱停车", "新装的路灯亮了")
                             .replace("2022-06-20", "2022-06-28")})


def drop_note(root: Path) -> None:
    (root / "content" / "minhu/2022/note-004.md").unlink()


def rename_place(root: Path) -> None:
    path = root / "content" / "communities.yml"
    path.write_text(path.read_text("utf-8").replace("name: 太西社区", "name: 太西新社区\n  aliases: [太西社区]"),
                    "utf-8")


def rename_site(root: Path) -> None:
    path = root / "mkdocs.yml"
    path.write_text(path.read_text("utf-8").replace("测试社区报", "测试社区报（新）"), "utf-8")


# (edit, a page the edit must change, a page it must leave alone, or None when every page changes)
EDITS = {
    "story edited": (edit_story, "stories/2022/biboyuan-weilan/index.html", "minhu/2022/note-007/index.html"),
    "note added": (add_note, "minhu/index.html", "cases/2022/taixi-minqingzhuo/index.html"),
    "note removed": (drop_note, "places/biboyuan/index.html", "minhu/2022/note-007/index.html"),
    "place renamed": (rename_place, "places/taixi/index.html", None),
    "settings changed": (rename_site, "minhu/2022/note-007/index.html", None),
}


@pytest.mark.parametrize("edit", EDITS)
def test_unchanged_pages_are_reused_and_the_site_equals_a_cold_build(tmp_path, edit):
    """Pages whose inputs did not change keep their published file (the same
    inode: hard-linked, not rendered again); the site is still, byte for byte,
    the one a cold build of the edited content writes."""
    change, changed_page, kept_page = EDITS[edit]
    warm = make_site(tmp_path / "warm")
    before = build(warm, PARALLEL)
    site = warm / "site"
    inodes = {page: inode(site, page) for page in before}
    change(warm)
    after = build(warm, PARALLEL)

    cold = tmp_path / "cold"
    shutil.copytree(warm / "content", cold / "content")
    shutil.copy(warm / "mkdocs.yml", cold / "mkdocs.yml")
    assert after == build(cold, PARALLEL)

    assert before.get(changed_page) != after[changed_page]
    assert inode(site, changed_page) != inodes[changed_page]
    pages = [p for p in after if p.endswith(".html") and p in before and not p.startswith(("search/", "404"))]
    reused = [p for p in pages if inode(site, p) == inodes[p]]
    if kept_page is None:
        assert reused == []
    else:
        assert kept_page in reused
        if edit == "story edited":  # notes of other places do not show the story
            assert len(reused) > len(pages) // 2, "most pages are untouched by one edit"


def test_a_published_page_changed_by_hand_is_built_again(tmp_path):
    """Reuse trusts the published file only while it is the one the build wrote."""
    root = make_site(tmp_path, extra=3)
    first = build(root, PARALLEL)
    page = root / "site" / "minhu/2022/note-001/index.html"
    page.write_text("被人改过的页面", "utf-8")
    assert build(root, PARALLEL) == first


def reference(root: Path) -> dict[str, str]:
    """The site as plain `mkdocs build` writes it: MkDocs' loop, no cache, no reuse, one core."""
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return snapshot(root / "site")


def test_the_fast_path_writes_what_the_reference_path_writes(tmp_path):
    root = make_site(tmp_path / "site")
    cold = build(root, PARALLEL)
    assert cold == reference(root)
    build(root, PARALLEL)
    edit_story(root)
    warm = build(root, PARALLEL)  # cached conversions, reused pages, forked workers
    assert warm == reference(root)


def test_parallel_and_serial_builds_are_identical(tmp_path):
    one = make_site(tmp_path / "one")
    two = make_site(tmp_path / "two")
    assert build(one, PARALLEL) == build(two, SERIAL)


def test_a_cached_page_still_warns(tmp_path):
    """A conversion that warned is not cached: `--strict` fails on every build."""
    root = make_site(tmp_path, extra=3)
    write(root / "content", {"stories/2022/biboyuan-weilan.md": STORY + "\n见[上一篇](../2021/missing.md)。\n"})
    for _ in range(2):
        result = run_bulletin("build", "--strict", cwd=root, env=PARALLEL)
        assert result.returncode != 0, "the second build must warn again"
        assert "1 warnings in strict mode" in result.stderr


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_only_on_a_terminal(tmp_path, terminal):
    root = make_site(tmp_path, extra=200)
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat(), **PARALLEL}
    env.pop("CI", None)
    command = [sys.executable, "-m", "site_builder.cli", "build"]
    if not terminal:
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert "正在生成页面" not in result.stdout + result.stderr
        return
    code, text = run_in_terminal(command, root, env)
    assert code == 0, text
    assert "正在生成页面" in text and "正在建立搜索索引" in text


def test_a_damaged_cache_is_rebuilt(tmp_path):
    root = make_site(tmp_path, extra=3)
    first = build(root, PARALLEL)
    (root / ".cache" / "pages" / "pages.sqlite3").write_bytes(b"not a database" * 100)
    assert build(root, PARALLEL) == first
