"""The built bundle is kept by a hash of the records: unchanged content runs
Pagefind zero times; an edit is indexed again."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

from helpers import STORY, TODAY
from site_builder.content import load_bulletin
from site_builder.search import build_index, index
from site_builder.search.bundle import MARKER
from site_builder.search.tokens import index_text

OLD, NEW = "旧版检索标记", "新版检索标记"


def _bulletin(site):
    bulletin = load_bulletin(site.content, today=TODAY)
    assert bulletin.ok, bulletin.problems.format_text()
    return bulletin


def _fragments(bundle) -> dict[str, dict]:
    """Every fragment of a bundle by its name, decoded."""
    return {path.name.removesuffix(".pf_fragment"):
            json.loads(gzip.decompress(path.read_bytes())[len(MARKER):])
            for path in (bundle / "fragment").iterdir()}


def test_unchanged_records_run_pagefind_zero_times(site, tmp_path):
    cache = tmp_path / "cache"
    before = index.pagefind_runs
    first = build_index(_bulletin(site), tmp_path / "one", cache)
    assert index.pagefind_runs == before + 1 and not first.cached
    second = build_index(_bulletin(site), tmp_path / "two", cache)
    assert index.pagefind_runs == before + 1 and second.cached  # no Pagefind work at all
    assert _fragments(first.bundle) == _fragments(second.bundle)


def test_fragment_names_carry_the_newest_first_order(site, tmp_path):
    bulletin = _bulletin(site)
    summary = build_index(bulletin, tmp_path / "site", tmp_path / "cache")
    by_rank = {int(name.split(".")[1], 36): data["url"].strip("/")
               for name, data in _fragments(summary.bundle).items()}
    assert [by_rank[rank] for rank in sorted(by_rank)] == [
        a.url.strip("/") for a in bulletin.articles if a.is_published]
    assert not list(summary.bundle.glob("pagefind-ui*"))


def _mkdocs_build(site) -> str:
    """A real build; returns its log (MkDocs logs INFO lines to stderr)."""
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(site.root / "mkdocs.yml")],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_an_edited_article_is_indexed_again_by_the_real_build(site):
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace("小区门口装上了围栏。", f"小区门口装上了围栏。{OLD}")})
    assert "已由 Pagefind 重新生成" in _mkdocs_build(site)
    assert "沿用缓存，未运行 Pagefind" in _mkdocs_build(site)
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace("小区门口装上了围栏。", f"小区门口装上了围栏。{NEW}")})
    assert "已由 Pagefind 重新生成" in _mkdocs_build(site)
    text = " ".join(f["content"] for f in _fragments(site.root / "site" / "pagefind").values())
    assert index_text(NEW) in text and index_text(OLD) not in text
    assert len(list((site.root / ".cache" / "search" / "bundles").iterdir())) <= 2  # old bundles are pruned
