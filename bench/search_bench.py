"""Search weight on synthetic archives: index size, time, memory and bytes
fetched per query.

Not a test. Run:  .venv/bin/python bench/search_bench.py [1000 10000 ...]

For each size it writes the synthetic bulletin `make bench` builds
(bench/synth.py: Markdown files with front matter, like an editor's),
loads it with the core (load_bulletin) and indexes it with the production
code (site_builder.search.build_index: search documents → the Pagefind
command per shard → merge), then indexes it again with nothing changed,
which must reuse the cached bundle and run Pagefind zero times, and once
more after one article is edited (one shard indexed, only the chunks that
hold its words compressed). Then real Chromium runs queries through pagefind.js with the site's
own query rule and options (search.js: queryTerm, filterKey, no worker) and
loads the first page of results (10 fragments), as the search page does.

Bytes are counted as a server sends them: every file the browser requested
(seen by Playwright, so nothing is missed), each at min(its size, its size
gzipped at level 6), which is what nginx's `gzip on` sends for pagefind.js;
Pagefind's wasm, metadata, index, filter and fragment files are gzip files
already and go out as they are. "First query" is a fresh browser context:
nothing cached, the runtime included.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from synth import generate  # noqa: E402  (bench/ is the script's folder)

from site_builder.content import load_bulletin  # noqa: E402
from site_builder.search import build_index, index  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
TODAY = dt.date(2026, 11, 21)  # as bench/run.py builds
QUERIES = [("垃圾分类", {}), ("充电", {}), ("加装电梯", {"type": "民呼即应"}),
           ("社区", {}), ("社区", {"place": "长阳镇"}), ("垃圾分类", {"year": "2020"})]
PAGE_SIZE = 10


def _edit_one(content: Path, undo: tuple[Path, str] | None = None) -> tuple[Path, str]:
    """Add a sentence to one 民呼即应 note (or put its text back)."""
    if undo:
        undo[0].write_text(undo[1], "utf-8")
        return undo
    note = sorted((content / "minhu").rglob("*.md"))[len(list((content / "minhu").rglob("*.md"))) // 2]
    text = note.read_text("utf-8")
    note.write_text(text + "\n回访时居民表示满意，楼道灯已经修好。\n", "utf-8")
    return note, text


def _sent_bytes(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _kind(path: str) -> str:
    """What a fetched file is, for the breakdown."""
    if path.endswith(".js") or "wasm" in path:
        return "scripts"
    if path.endswith((".pf_meta", ".json")):
        return "meta"
    return path.split("/")[2]  # index, filter, fragment


def measure_queries(site: Path) -> list[tuple[str, dict, int, dict[str, int], int]]:
    """(query, filters, results, {kind: bytes} cold, bytes warm) per query.
    Cold: a fresh browser context (nothing cached, runtime included); warm:
    after another query in the same context (runtime and shared chunks cached)."""
    (site / "assets").mkdir(exist_ok=True)
    shutil.copy(ROOT / "themes/bulletin/assets/bulletin/search.js", site / "assets/search.js")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"

    def fetched_by(page, query: str, filters: dict, seen: set[str]) -> tuple[int, dict[str, int]]:
        requests: list[str] = []
        page.on("request", lambda r: requests.append(urlsplit(r.url).path))
        hits = page.evaluate(_SEARCH, [query, filters, PAGE_SIZE])
        new = {f for f in requests if f.startswith("/pagefind/") and f not in seen}
        seen.update(new)
        kinds: dict[str, int] = {}
        for f in new:
            kinds[_kind(f)] = kinds.get(_kind(f), 0) + _sent_bytes(site / f.lstrip("/"))
        return hits, kinds

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        for query, filters in QUERIES:
            cold_context = browser.new_context()
            page = cold_context.new_page()
            page.goto(base + "pagefind/pagefind-entry.json")
            hits, cold = fetched_by(page, query, filters, set())
            cold_context.close()
            warm_context = browser.new_context()
            page = warm_context.new_page()
            page.goto(base + "pagefind/pagefind-entry.json")
            seen: set[str] = set()
            fetched_by(page, "电梯", {}, seen)  # an earlier, different query
            _, warm = fetched_by(page, query, filters, seen)
            warm_context.close()
            rows.append((query, filters, hits, cold, sum(warm.values())))
        browser.close()
    server.shutdown()
    return rows


_SEARCH = """async ([query, filters, pageSize]) => {
  const { queryTerm, filterKey } = await import('/assets/search.js');
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ excerptLength: 60, noWorker: true });  // as search.js does
  await pagefind.init();
  const keyed = Object.fromEntries(Object.entries(filters).map(([k, v]) => [filterKey(k, v), "1"]));
  const found = await pagefind.search(queryTerm(query), { filters: keyed });
  await Promise.all(found.results.slice(0, pageSize).map(r => r.data()));
  return found.results.length;
}"""


def run(count: int, work: Path | None = None) -> None:
    """Measure one archive of `count` articles; in `work`/<count>/ when given,
    kept afterwards (the archive and the search cache are reused on the next run)."""
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        folder = Path(work, str(count)) if work else Path(tmp)
        content, site, cache = folder / "content", folder / "site", folder / "cache"
        if not content.is_dir():
            generate(count, folder)
        shutil.rmtree(site, ignore_errors=True)
        started = time.perf_counter()
        bulletin = load_bulletin(content, today=TODAY)
        assert bulletin.ok, bulletin.problems.format_text()[:2000]
        loaded = time.perf_counter()
        summary = build_index(bulletin, site, cache)
        indexed = time.perf_counter()
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        runs = index.pagefind_runs
        again = build_index(bulletin, site, cache)
        reused = time.perf_counter()
        unchanged_runs = index.pagefind_runs - runs
        edited = _edit_one(content)
        bulletin = load_bulletin(content, today=TODAY)
        reloaded = time.perf_counter()
        update = build_index(bulletin, site, cache)
        updated = time.perf_counter()
        _edit_one(content, undo=edited)
        files = [f for f in summary.bundle.rglob("*") if f.is_file()]
        print(f"\n== {count} articles (synthetic Markdown → load_bulletin → build_index; no MkDocs build)")
        print(f"load {loaded - started:.1f} s, index {indexed - loaded:.1f} s, "
              f"Pagefind peak memory {peak_mb:.0f} MB (largest child process so far)")
        print(f"unchanged rebuild: {reused - indexed:.1f} s, cached={again.cached}, "
              f"Pagefind runs {unchanged_runs}")
        print(f"one article edited: {updated - reloaded:.1f} s, shards indexed {update.indexed_shards} of "
              f"{update.shards}, chunks and filters compressed {update.compressed} "
              f"(the cold build compressed {summary.compressed})")
        print(f"bundle: {len(files)} files, {summary.bytes / 1024:.0f} KB on disk "
              f"({sum(_sent_bytes(f) for f in files) / 1024:.0f} KB as sent)")
        kinds = ("scripts", "meta", "index", "filter", "fragment")
        print("query        filters             results  first query KB (" + " + ".join(kinds) + ")  next query KB")
        for query, filters, hits, cold, warm in measure_queries(site):
            shown = ",".join(f"{k}={v}" for k, v in filters.items()) or "-"
            parts = " + ".join(f"{cold.get(k, 0) / 1024:.0f}" for k in kinds)
            print(f"{query:<8}  {shown:<18}  {hits:>7}  {sum(cold.values()) / 1024:>5.0f} ({parts})  "
                  f"{warm / 1024:>6.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--work", type=Path, help="keep archives and caches here (reused when run again)")
    args = parser.parse_args()
    for count in args.sizes:
        run(count, args.work)


if __name__ == "__main__":
    main()
