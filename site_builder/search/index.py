"""Build the site's Pagefind bundle from the search records, or reuse it.

Pagefind splits the index into small chunks that a browser fetches only as a
query needs them, so a phone downloads a few dozen kilobytes per search
instead of one index of the whole archive. The records are cut into shards
by date (shards.py); the Pagefind command indexes each shard's generated
documents (documents.py), two at a time on two cores, and the shard bundles
are merged into one light bundle (postings.py, merge.py), even when there is
a single shard. Shards, the merged bundle and its files are kept in
`.cache/search/` under hashes of their content (cache.py): a build whose
published articles did not change runs Pagefind zero times, and a
one-article edit re-indexes one shard and compresses only the chunks that
hold the article's words.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from pagefind.service import _must_get_executable

from ..content import Bulletin
from ..system import copy_tree
from .bundle import BundleFormatError
from .cache import BundleCache, FileStore, ShardCache, records_key
from .documents import write_documents
from .merge import FORMAT as MERGE_FORMAT
from .merge import merge_bundles
from .words import STATE
from .postings import DIGEST_FORMAT, PAGES_FILE, digest_for, record_pages, shard_fields
from .records import SearchRecord, Source, sources
from .shards import SHARD_SIZE, plan_shards
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

# Pagefind processes at a time: it works mostly on one core, and two shards
# of SHARD_SIZE take about 400 MB together.
PARALLEL = 2

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
    shards: int = 0
    indexed_shards: int = 0  # shards Pagefind indexed in this build
    compressed: int = 0  # index and filter files compressed in this build (the others were stored)
    joined: int = 0  # words joined from their shards' parts in this build (the others were kept)

    @property
    def bytes(self) -> int:
        return sum(f.stat().st_size for f in self.bundle.rglob("*") if f.is_file())


def _run_pagefind(documents: Path, bundle: Path) -> None:
    global pagefind_runs
    pagefind_runs += 1
    command = [str(_must_get_executable()), "--site", str(documents), "--output-path", str(bundle),
               "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **ALLOCATOR})
    except OSError as exc:
        raise SearchIndexError(f"搜索索引没有生成（Pagefind 无法启动：{exc}）。"
                               "请运行 make install 重新安装，再生成一次。") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-500:]
        raise SearchIndexError(f"搜索索引没有生成（Pagefind 出错：{detail}）。"
                               "请确认已安装 pagefind[extended]（运行 make install），再生成一次。")


def _index_shard(documents: Path, bundle: Path, urls: list[str]) -> None:
    """Run Pagefind over one shard's documents (then delete them) into
    `bundle`, and digest it for the merge while other shards are indexed."""
    try:
        _run_pagefind(documents, bundle)
    finally:
        shutil.rmtree(documents, ignore_errors=True)
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    try:
        record_pages(bundle)
        digest_for(bundle, urls, shard_fields(bundle))  # the merge's fields, unless shards differ
    except BundleFormatError as exc:
        raise SearchIndexError(f"搜索索引没有生成：{exc}。请用 make install 安装本项目指定的 Pagefind 版本。") from exc


def _urls(items: Sequence) -> list[str]:
    return [item.url.strip("/") for item in items]


def _key(items: Sequence, *extra: str) -> str:
    return records_key((item.key for item in items), *extra)


def _index(items: list, make: Callable[[list], list[SearchRecord]], site_dir: Path, cache_dir: Path,
           shard_size: int) -> IndexSummary:
    """The bundle of `items` (records or sources, newest first) into
    `site_dir`/pagefind/; `make` turns a shard's items into records."""
    cache_dir = Path(cache_dir)
    key = _key(items, f"digest {DIGEST_FORMAT}", f"merge {MERGE_FORMAT}")  # the shards' keys do not
    bundles = BundleCache(cache_dir / "bundles")
    if bundles.has(key):
        return IndexSummary(len(items), _publish(bundles, key, site_dir), cached=True)
    shards = ShardCache(cache_dir / "shards")
    planned = [(_key(run), run) for run in plan_shards(items, shard_size)]
    missing = {k: run for k, run in planned if not shards.has(k, PAGES_FILE)}
    with tempfile.TemporaryDirectory(prefix="bulletin-search-") as tmp, \
            ThreadPoolExecutor(PARALLEL) as pool:
        running: dict[str, Future] = {}
        for shard_key, run in missing.items():
            # At most PARALLEL shards' documents wait on disk at a time.
            while len([f for f in running.values() if not f.done()]) >= PARALLEL:
                next(f for f in running.values() if not f.done()).result()
            documents = Path(tmp, shard_key)
            write_documents(make(run), documents)
            running[shard_key] = pool.submit(_index_shard, documents, shards.staging(shard_key), _urls(run))
        for shard_key, future in running.items():
            future.result()
            shards.store(shard_key, shards.path(f"{shard_key}.partial"))
    work = bundles.staging(key)
    store = FileStore(cache_dir / "files")
    try:
        merged = merge_bundles([(shards.path(k), _urls(run)) for k, run in planned],
                               work / BUNDLE_DIR, key[:8], store, bundles.latest(STATE))
    except BundleFormatError as exc:
        raise SearchIndexError(f"搜索索引没有生成：{exc}。请用 make install 安装本项目指定的 Pagefind 版本。") from exc
    store.note_used(work)
    bundles.store(key, work)
    store.prune(bundles.folder)
    shards.keep({k for k, _ in planned})
    return IndexSummary(len(items), _publish(bundles, key, site_dir), cached=False,
                        shards=len(planned), indexed_shards=len(missing), compressed=merged.compressed,
                        joined=merged.joined)


def _publish(cache: BundleCache, key: str, site_dir: Path) -> Path:
    target = Path(site_dir).resolve() / BUNDLE_DIR
    if target.exists():
        shutil.rmtree(target)  # no chunk of an earlier build may survive
    copy_tree(cache.bundle(key), target)
    return target


def write_index(items: Iterable[SearchRecord], site_dir: Path, cache_dir: Path,
                shard_size: int = SHARD_SIZE) -> IndexSummary:
    """Put a bundle of `items` (newest first) into `site_dir`/pagefind/,
    from the cache when the same records were indexed before."""
    return _index(list(items), list, site_dir, cache_dir, shard_size)


def build_index(bulletin: Bulletin, site_dir: Path, cache_dir: Path,
                shard_size: int = SHARD_SIZE) -> IndexSummary:
    """Index every published article of the bulletin into `site_dir`/pagefind/,
    reusing a bundle from `cache_dir` when no record changed. Texts of
    articles are only made for shards that must be indexed, and then only
    for articles the text store does not hold yet."""
    items = sources(bulletin)
    cache_dir = Path(cache_dir)
    with TextStore(cache_dir / TEXTS) as store:
        def make(run: list[Source]) -> list[SearchRecord]:
            return [item.record(text) for item, text in zip(run, store.texts(run))]

        summary = _index(items, make, site_dir, cache_dir, shard_size)
        if not summary.cached:
            store.prune(items)
    return summary
