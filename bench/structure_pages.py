"""How the site's structure scales: N synthetic articles on the sample's places.

    .venv/bin/python bench/structure_pages.py 10000          # core + outputs only
    .venv/bin/python bench/structure_pages.py 2000 --build   # plus a full mkdocs build

Prints seconds for loading, declaring every virtual page (Archive indexes and
contexts), writing feeds/open data/charts, and optionally the whole build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from site_builder.content import load_bulletin  # noqa: E402
from site_builder.site.pages import virtual_pages  # noqa: E402
from site_builder.outputs import write_outputs  # noqa: E402

TODAY = dt.date(2026, 11, 21)
STORY = "---\ntitle: 第{n}号社区新闻\ndate: {date}\ncommunity: {place}\ntags: [{tag}]\n---\n\n社区里的新鲜事，第{n}条。\n"
NOTE = ("---\ntitle: 第{n}号居民诉求\ncommunity: {place}\ncategory: {category}\nreceived: {received}\n"
        "status: {status}\n{resolved}satisfaction: 满意\n---\n\n## 问题\n\n居民反映的问题。\n\n## {second}\n\n办理情况。\n")


def make_content(target: Path, count: int) -> None:
    for name in ("communities.yml", "categories.yml"):
        shutil.copy(ROOT / "content" / name, target / name)
    import yaml
    places = [p["id"] for p in yaml.safe_load((ROOT / "content" / "communities.yml").read_text("utf-8"))]
    categories = [c["id"] for c in yaml.safe_load((ROOT / "content" / "categories.yml").read_text("utf-8"))]
    rng = random.Random(4)
    for n in range(count):
        day = TODAY - dt.timedelta(days=rng.randrange(3650))
        place = rng.choice(places)
        if n % 2:
            text = STORY.format(n=n, date=day, place=place, tag=f"话题{n % 300}")
            path = target / "stories" / str(day.year) / f"xinwen-{n}.md"
        else:
            status = rng.choice(["resolved", "resolved", "explained", "in_progress"])
            resolved = "" if status == "in_progress" else f"resolved: {day + dt.timedelta(days=rng.randrange(60))}\n"
            if resolved and dt.date.fromisoformat(resolved[10:20]) > TODAY:
                resolved = f"resolved: {TODAY}\n"
            text = NOTE.format(n=n, place=place, category=rng.choice(categories), received=day, status=status,
                               resolved=resolved, second="进展" if status == "in_progress" else "解决")
            path = target / "minhu" / str(day.year) / f"suqiu-{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<28}{time.perf_counter() - start:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--build", action="store_true", help="also run a full mkdocs build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        content.mkdir()
        make_content(content, args.count)
        bulletin = timed("load_bulletin", lambda: load_bulletin(content, today=TODAY))
        assert bulletin.ok, bulletin.problems.format_text()[:2000]
        pages = timed("virtual_pages (indexes)", lambda: virtual_pages(bulletin))
        timed("contexts of every page", lambda: [p.context(bulletin) for p in pages])
        files = timed("write_outputs", lambda: write_outputs(bulletin, Path(tmp) / "out", site_url=None,
                                                               site_name="bench"))
        print(f"articles {len(bulletin.articles)}, virtual pages {len(pages)}, output files {len(files)}")
        if args.build:
            config = Path(tmp) / "mkdocs.yml"
            config.write_text((ROOT / "mkdocs.yml").read_text("utf-8"), encoding="utf-8")
            env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
            timed("mkdocs build", lambda: subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(Path(tmp) / "site")],
                check=True, env=env))


if __name__ == "__main__":
    main()
