"""Build the site's Pagefind bundle from the search records, or reuse it.

Pagefind splits the index into small chunks that a browser fetches only as a
query needs them, so a phone downloads a few dozen kilobytes per search
instead of one index of the whole archive. The bundle is built by the
Pagefind command over generated documents (documents.py), made lighter for
the first query (compact.py) and kept in `.cache/search/` under a hash of
the records (cache.py): a build whose published articles did not change
runs Pagefind zero times.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pagefind.service import _must_get_executable

from ..content import Bulletin
from .cache import BundleCache, copy_tree, records_key, sources_key
from .compact import BundleFormatError, compact_bundle
from .documents import write_documents
from .records import SearchRecord, sources
from .texts import TextStore

log = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
TEXTS = "texts.sqlite"

# Pagefind also writes its ready-made interfaces; the site uses its own
# Chinese results view over pagefind.js, so these would only be dead weight.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
                "pagefind-modular-ui.css", "pagefind-component-ui.js",
                "pagefind-component-ui.css", "pagefind-highlight.js")

# Pagefind's allocator (jemalloc) keeps freed pages for a while; returning
# them at once lowers its peak memory by about a quarter (725 → 554 MB for
# 1,000 articles) at no measurable cost in time.
ALLOCATOR = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}

# Words per index chunk (Pagefind counts one per page and position). A query
# fetches the whole chunk of each of its words, neighbours included; smaller
# chunks mean fewer neighbours but a longer chunk list in the metadata every
# query loads. Measured at 10,000 articles (bench/search_bench.py), first
# query for 加装电梯 + 民呼即应: Pagefind's default 323 KB, 8,000 → 281 KB,
# 2,000 → metadata alone 236 KB. If a later Pagefind drops this setting,
# search still works, only heavier.
CHUNK_SIZE = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": "8000"}

# How many times this process has run Pagefind: tests and the benchmark
# check that an unchanged archive costs no indexing at all.
pagefind_runs = 0


class SearchIndexError(Exception):
    """Pagefind could not build the index; the message is Chinese."""


@dataclass(frozen=True)
class IndexSummary:
    """What was indexed, for the build log and the benchmark."""

    records: int
    bundle: Path
    cached: bool = False

    @property
    def bytes(self) -> int:
        return sum(f.stat().st_size for f in self.bundle.rglob("*") if f.is_file())


def _run_pagefind(documents: Path, bundle: Path) -> None:
    global pagefind_runs
    pagefind_runs += 1
    command = [str(_must_get_executable()), "--site", str(documents), "--output-path", str(bundle),
               "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **ALLOCATOR, **CHUNK_SIZE})
    except OSError as exc:
        raise SearchIndexError(f"搜索索引没有生成（Pagefind 无法启动：{exc}）。"
                               "请运行 make install 重新安装，再生成一次。") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-500:]
        raise SearchIndexError(f"搜索索引没有生成（Pagefind 出错：{detail}）。"
                               "请确认已安装 pagefind[extended]（运行 make install），再生成一次。")


def _build(items: list[SearchRecord], bundle: Path, tag: str) -> None:
    """Index `items` into `bundle` (a new folder)."""
    with tempfile.TemporaryDirectory(prefix="bulletin-search-") as tmp:
        urls = write_documents(items, Path(tmp))
        _run_pagefind(Path(tmp), bundle)
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    ranks = {url.strip("/"): rank for rank, url in enumerate(urls)}
    try:
        compact_bundle(bundle, ranks, tag)
    except BundleFormatError as exc:
        raise SearchIndexError(f"搜索索引没有生成：{exc}。请用 make install 安装本项目指定的 Pagefind 版本。") from exc


def write_index(items: Iterable[SearchRecord], site_dir: Path, cache_dir: Path) -> IndexSummary:
    """Put a bundle of `items` (newest first) into `site_dir`/pagefind/,
    from the cache when the same records were indexed before."""
    items = list(items)
    key = records_key(items)
    cache = BundleCache(cache_dir)
    cached = cache.has(key)
    if not cached:
        work = cache.staging(key)
        _build(items, work / BUNDLE_DIR, key[:8])
        cache.store(key, work)
    return IndexSummary(len(items), _publish(cache, key, site_dir), cached)


def _publish(cache: BundleCache, key: str, site_dir: Path) -> Path:
    target = Path(site_dir).resolve() / BUNDLE_DIR
    if target.exists():
        shutil.rmtree(target)  # no chunk of an earlier build may survive
    copy_tree(cache.bundle(key), target)
    return target


def build_index(bulletin: Bulletin, site_dir: Path, cache_dir: Path) -> IndexSummary:
    """Index every published article of the bulletin into `site_dir`/pagefind/,
    reusing a bundle from `cache_dir` when no record changed. Texts of
    articles are only made when something must be indexed, and then only
    for articles the text store does not hold yet."""
    cache_dir = Path(cache_dir)
    items = sources(bulletin)
    key = sources_key(s.key for s in items)
    cache = BundleCache(cache_dir)
    cached = cache.has(key)
    if not cached:
        with TextStore(cache_dir / TEXTS) as store:
            texts = store.texts(items)
            store.prune(items)
        work = cache.staging(key)
        _build([s.record(t) for s, t in zip(items, texts)], work / BUNDLE_DIR, key[:8])
        cache.store(key, work)
    return IndexSummary(len(items), _publish(cache, key, site_dir), cached)
