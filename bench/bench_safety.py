"""How much the safety checks cost: privacy and raw-HTML scans per article,
and sanitising per built page. Run: .venv/bin/python bench/bench_safety.py"""

from __future__ import annotations

import time
from pathlib import Path

from site_builder.content import load_bulletin
from site_builder.content import privacy, rawhtml
from site_builder.content.fields import Context
from site_builder.content.frontmatter import read_document
from site_builder.content.problems import Problems
from site_builder.build import sanitize

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 200


def per_call(label: str, fn, items) -> None:
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for item in items:
            fn(item)
    elapsed = (time.perf_counter() - started) / (ROUNDS * len(items))
    print(f"{label}: {elapsed * 1000:.3f} ms each ({len(items)} items × {ROUNDS})")


def main() -> None:
    content = ROOT / "content"
    bulletin = load_bulletin(content, today=__import__("datetime").date(2026, 11, 21))
    problems = Problems(root=content)
    docs = [(a.path, read_document(a.path, problems)) for a in bulletin.articles]

    def scan(item) -> None:
        path, doc = item
        ctx = Context(problems, path)
        privacy.check_article(doc.meta, doc.body, doc.body_line, [], ctx)
        rawhtml.check_body(doc.body, doc.body_line, path, content, ctx)

    per_call("privacy + raw HTML scan per article", scan, docs)
    site = ROOT / "site"
    pages = [p.read_text("utf-8") for p in sorted(site.rglob("index.html"))] if site.is_dir() else []
    if pages:
        per_call("sanitise a whole page's HTML", sanitize.clean, pages)
    else:
        print("build the site first (bulletin build) to time the page steps")


if __name__ == "__main__":
    main()
