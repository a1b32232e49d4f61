"""Reproducible output: the same content builds into byte-identical trees,
whatever the day of the build; every date on the site comes from the content."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, TODAY, search_pages, snapshot


def build(root: Path, out: Path, epoch: int | None) -> None:
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:  # pretend the build runs on another day
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
                             "-d", str(out)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr


def test_two_builds_are_byte_identical(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    build(tmp_path, tmp_path / "one", None)
    build(tmp_path, tmp_path / "two", None)
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert len(one) > 50
    assert one == two
    assert search_pages(tmp_path / "one") > 0  # the search index is part of what is compared


def test_the_build_day_does_not_matter(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    # With a site_url, MkDocs writes a sitemap with a date on every page.
    config = (ROOT / "mkdocs.yml").read_text("utf-8") + "site_url: https://bulletin.example/\n"
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    build(tmp_path, tmp_path / "today", None)
    later = int(dt.datetime(2031, 3, 4, 12, tzinfo=dt.timezone.utc).timestamp())
    build(tmp_path, tmp_path / "later", later)
    assert snapshot(tmp_path / "today") == snapshot(tmp_path / "later")
    check_dates_come_from_the_content(tmp_path / "today")


def check_dates_come_from_the_content(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    lastmod = dict(re.findall(r"<loc>https://bulletin.example/([^<]*)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap))
    assert lastmod["stories/2022/biboyuan-weilan-bianmin/"] == "2022-07-15"
    newest = max(lastmod.values())
    assert lastmod[""] == newest == "2025-09-25"  # the home page: the newest article
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == sitemap
    mtime = int.from_bytes(packed[4:8], "little")
    assert dt.datetime.fromtimestamp(mtime, dt.timezone.utc).date().isoformat() == newest
