"""Atomic builds: a failed, interrupted or killed build leaves the previous
site byte-for-byte intact, and two builds at once cannot both write it.

Real `bulletin build` processes on a synthetic bulletin big enough to take a
few seconds, so that signals arrive while pages are being written.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import CATEGORIES, COMMUNITIES, MKDOCS_YML, TODAY, run_bulletin, snapshot, stable, write

ARTICLES = 400
PARAGRAPH = "社区工作者和居民一起商量，把楼门口的停车问题理顺了，老人出门方便了许多。" * 6


def big_bulletin(root: Path, count: int = ARTICLES) -> None:
    files = {"mkdocs.yml": MKDOCS_YML, "content/communities.yml": COMMUNITIES,
             "content/categories.yml": CATEGORIES}
    for n in range(count):
        body = "\n\n".join(f"## 第{k}部分\n\n{PARAGRAPH}" for k in range(1, 5))
        files[f"content/stories/2022/gao-{n:04d}.md"] = (
            f"---\ntitle: 第{n}篇稿件\ndate: 2022-{1 + n % 12:02d}-{1 + n % 28:02d}\n"
            f"community: 碧波园社区\ntags: [停车, 第{n % 20}组]\n---\n\n{body}\n")
    write(root, files)


def start_build(root: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    return subprocess.Popen([sys.executable, "-m", "site_builder.cli", "build", *args], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_half_written(root: Path, process: subprocess.Popen, pages: int = 40) -> Path:
    """Wait until the build has written some pages into its staging folder."""
    staging = root / f".site.new-{process.pid}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        written = list((staging / "stories" / "2022").glob("*/index.html")) if staging.is_dir() else []
        if len(written) >= pages:
            return staging
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("the build never started writing pages")


@pytest.fixture
def built_once(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A big bulletin built once; then one more article is added to it."""
    big_bulletin(tmp_path)
    first = run_bulletin("build", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    write(tmp_path / "content", {"stories/2022/xin-gao.md": "---\ntitle: 新稿件\ndate: 2022-12-30\n"
                                 "community: 碧波园社区\n---\n\n新的一篇。\n"})
    return tmp_path, snapshot(tmp_path / "site")


def test_a_killed_build_leaves_the_old_site_intact(built_once):
    root, before = built_once
    process = start_build(root)
    staging = wait_until_half_written(root, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert staging.is_dir()  # it really died half-way
    assert snapshot(root / "site") == before
    # The next build tidies up after the dead one and publishes.
    again = run_bulletin("build", cwd=root)
    assert again.returncode == 0, again.stderr
    assert not staging.exists()
    assert (root / "site/stories/2022/xin-gao/index.html").is_file()
    # The replaced site is deleted in the background, after the build has returned.
    deadline = time.monotonic() + 60
    while [p.name for p in root.iterdir() if p.name.startswith(".site.")] != [".site.lock"]:
        assert time.monotonic() < deadline, sorted(p.name for p in root.iterdir())
        time.sleep(0.1)


def test_ctrl_c_leaves_the_old_site_intact(built_once):
    root, before = built_once
    process = start_build(root)
    staging = wait_until_half_written(root, process)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert ("已停止" in err or "已取消" in err) and "Traceback" not in err
    assert snapshot(root / "site") == before
    assert not staging.exists()


def test_a_failing_build_leaves_the_old_site_intact(built_once):
    root, before = built_once
    # A reminder (an unknown field) fails a --strict build after every page is written.
    write(root / "content", {"stories/2022/xin-gao.md": "---\ntitle: 新稿件\ndate: 2022-12-30\n"
                             "community: 碧波园社区\nauthr: 王晨\n---\n\n新的一篇。\n"})
    result = run_bulletin("build", "--strict", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(root / "site") == before
    assert [p.name for p in root.iterdir() if p.name.startswith(".site.")] == [".site.lock"]


def test_content_errors_leave_the_old_site_intact(built_once):
    root, before = built_once
    write(root / "content", {"stories/2022/xin-gao.md": "---\ntitle: 新稿件\ndate: 2022-13-40\n---\n"})
    for command in (["build"], ["-m", "mkdocs", "build"]):
        if command[0] == "-m":
            env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
            result = subprocess.run([sys.executable, *command, "-q"], cwd=root, env=env,
                                    capture_output=True, text=True, timeout=300)
        else:
            result = run_bulletin(*command, cwd=root)
        assert result.returncode == 1, result.stderr
        assert snapshot(root / "site") == before


def test_a_second_build_at_the_same_time_is_refused(built_once):
    root, before = built_once
    first = start_build(root)
    wait_until_half_written(root, first, pages=5)
    first.send_signal(signal.SIGSTOP)  # hold it half-way, however fast this machine is
    try:
        second = run_bulletin("build", cwd=root)
    finally:
        first.send_signal(signal.SIGCONT)
    assert second.returncode == 1
    assert f"另一个生成任务（进程 {first.pid}）正在生成 site/" in second.stderr
    assert "Traceback" not in second.stderr
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert (root / "site/stories/2022/xin-gao/index.html").is_file()
    # all that was there, and the new article's pages; the search bundle's
    # file names carry the records' hash and rank, so they all change with
    # a new article (site_builder/search/merge.py)
    kept = {name for name in stable(before) if not name.startswith("pagefind/")}
    assert kept < set(stable(snapshot(root / "site")))


def test_plain_mkdocs_build_takes_the_same_lock(site):
    site_dir = site.root / "site"
    with open(site.root / ".site.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write("4242")
        held.flush()
        env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=site.root, env=env,
                                capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "另一个生成任务（进程 4242）" in result.stderr
    assert not site_dir.exists()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=site.root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (site_dir / "index.html").is_file()
