"""Print export speed: a 4-page A3 edition set by WeasyPrint.

Not a test. Run:  .venv/bin/python bench/print_bench.py [--size A3] [--runs 3]

Copies the sample bulletin to a temporary folder, replaces its editions by one
4-版 edition made of its own published articles (stories with photos and
before/after pairs, cases with figures, 民呼即应 notes), loads it with the core
and sets it with the production code (site_builder.print.print_edition).
The first run starts with an empty image cache (print-resolution JPEGs are
made), the later ones reuse it. Target: under 15 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from site_builder.content import load_bulletin  # noqa: E402
from site_builder.print import PrintOptions, paper_size, print_edition  # noqa: E402

TODAY = dt.date(2026, 11, 21)
PAGE_CHARS = 3000  # about what one A3 版 holds next to its headlines and photos


def edition_yaml(bulletin) -> dict:
    """Four 版 filled in turn with the sample's articles, longest stories first."""
    def size(article) -> int:
        return len(re.sub(r"\s", "", article.body)) + (800 if article.cover else 0)
    stories = sorted((a for a in bulletin.articles if a.type != "minhu"), key=size, reverse=True)
    notes = [a for a in bulletin.articles if a.type == "minhu"]
    pages = [{"page": n, "name": name, "editors": ["赵智和"], "designers": ["白杨"], "proofreaders": ["池红云"],
              "articles": []} for n, name in enumerate(("要闻", "社区治理", "党建引领", "民呼即应"), 1)]
    filled = [0] * 4
    for article in stories:
        page = min(range(3), key=filled.__getitem__)
        if filled[page] + size(article) <= PAGE_CHARS:
            pages[page]["articles"].append(article.id)
            filled[page] += size(article)
    for index, note in enumerate(notes[:10]):
        pages[3 if index >= 3 else index]["articles"].append(note.id)
    return {"publication": "社区报", "number": 100, "date": dt.date(2022, 8, 18), "pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="A3")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="copy the PDF here, to look at it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="print-bench-") as folder:
        work = Path(folder)
        content = work / "content"
        shutil.copytree(ROOT / "content", content)
        shutil.rmtree(content / "editions")
        (content / "editions").mkdir()
        sample = load_bulletin(content, today=TODAY)
        (content / "editions" / "bench-4.yml").write_text(
            yaml.safe_dump(edition_yaml(sample), allow_unicode=True, sort_keys=False), "utf-8")
        bulletin = load_bulletin(content, today=TODAY)
        assert not bulletin.problems.errors, bulletin.problems.format_text()
        edition = bulletin.editions[0]
        options = PrintOptions(cache_dir=work / "cache", site_url="https://example.org/",
                               size=paper_size(args.size), markdown_extensions=["attr_list", "md_in_html", "toc"])
        print(f"{edition.id}: {len(edition.pages)} 版, {len(edition.article_ids)} articles, "
              f"{args.size}, {os.cpu_count()} cores")
        for run in range(args.runs):
            started = time.perf_counter()
            result = print_edition(bulletin, edition, work / "out.pdf", options)
            took = time.perf_counter() - started
            cache = "cold image cache" if run == 0 else "warm image cache"
            print(f"run {run + 1} ({cache}): {took:.2f} s, {result.pages} pages, "
                  f"{(work / 'out.pdf').stat().st_size / 1024:.0f} KiB"
                  + "".join(f"\n  {o.message}" for o in result.overflows))
        if args.keep:
            shutil.copyfile(work / "out.pdf", args.keep)


if __name__ == "__main__":
    main()
