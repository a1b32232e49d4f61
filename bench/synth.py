"""Synthetic archives in our content format, for benchmarks.

A ten-year town bulletin: about 20% stories, 2% cases and 78% 民呼即应
notes, one image per ten stories, one edition per fifty articles. The words
come from the sample bulletin itself (its places, categories, titles and
sentences), so the text has the shape and the vocabulary of the real thing.

    python bench/synth.py 1000 archive-1k
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content"

MIX = (("story", 0.20), ("case", 0.02), ("minhu", 0.78))
FOLDERS = {"story": "stories", "case": "cases", "minhu": "minhu"}
START = dt.date(2016, 1, 4)
STATUSES = ("resolved",) * 7 + ("explained",) * 2 + ("in_progress",)
CHANNELS = ("12345热线", "网格群", "民情桌", "书记夜话", "来信来访")


class Vocabulary:
    """Sentences, titles, tags and names harvested from the sample bulletin."""

    def __init__(self, sample: Path) -> None:
        self.places = yaml.safe_load((sample / "communities.yml").read_text("utf-8"))
        self.categories = yaml.safe_load((sample / "categories.yml").read_text("utf-8"))
        self.sentences: list[str] = []
        self.titles: list[str] = []
        self.tags: set[str] = set()
        self.names: set[str] = set()
        for path in sample.rglob("*.md"):
            meta, body = _split(path.read_text("utf-8"))
            if meta.get("draft"):
                continue
            self.titles.append(str(meta["title"]))
            self.tags.update(meta.get("tags") or [])
            for role in ("reporters", "correspondents", "authors"):
                self.names.update(meta.get(role) or [])
            self.sentences += [s for s in re.split(r"(?<=[。！？])", _prose(body))
                               if len(s) > 12 and "/" not in s]
        self.tags_list = sorted(self.tags)
        self.names_list = sorted(self.names)
        self.leaf_places = [p["id"] for p in self.places if p["level"] in ("community", "compound")]


def _prose(body: str) -> str:
    """Running text only: no headings, images, list markers or emphasis."""
    lines = [re.sub(r"^[-*]\s+|\*\*[^*]*\*\*[：:]?", "", line.strip()) for line in body.splitlines()
             if line.strip() and not line.lstrip().startswith(("#", "!", "|", "<"))]
    return "".join(lines)


def _split(text: str) -> tuple[dict, str]:
    _, meta, body = text.split("---", 2)
    return yaml.safe_load(meta), body


def generate(count: int, out: Path, seed: int = 20221118) -> Path:
    """Write a content/ folder of `count` articles under `out`; returns it."""
    rng = random.Random(seed)
    vocab = Vocabulary(SAMPLE)
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    for name in ("communities.yml", "categories.yml"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE / name, content / name)
    images = sorted((SAMPLE / "images").glob("*.jpg"))
    (content / "images").mkdir()
    ids: list[str] = []
    stories = 0
    for index in range(count):
        kind = _pick(rng, index)
        date = START + dt.timedelta(days=(index * 3650) // count)
        folder = content / FOLDERS[kind] / str(date.year)
        folder.mkdir(parents=True, exist_ok=True)
        slug = f"{kind}-{index:06d}"
        meta, body = _article(kind, rng, vocab, date)
        if kind == "story":
            stories += 1
            if stories % 10 == 0:
                image = images[stories // 10 % len(images)]
                name = f"img-{index:06d}{image.suffix}"
                shutil.copy(image, content / "images" / name)
                meta["cover"] = {"src": f"/images/{name}", "caption": rng.choice(vocab.titles), "credit": "示意图"}
        (folder / f"{slug}.md").write_text(_document(meta, body), "utf-8")
        ids.append(f"{FOLDERS[kind]}/{date.year}/{slug}")
    _editions(content, ids, rng)
    return content


def _pick(rng: random.Random, index: int) -> str:
    roll = rng.random()
    total = 0.0
    for kind, share in MIX:
        total += share
        if roll < total:
            return kind
    return MIX[-1][0]


def _paragraphs(rng: random.Random, vocab: Vocabulary, count: int) -> str:
    return "\n\n".join("".join(rng.sample(vocab.sentences, 3)) for _ in range(count))


def _article(kind: str, rng: random.Random, vocab: Vocabulary, date: dt.date) -> tuple[dict, str]:
    meta: dict = {
        "title": rng.choice(vocab.titles) + f"（{rng.randint(1, 999)}）",
        "community": rng.choice(vocab.leaf_places),
        "tags": rng.sample(vocab.tags_list, 2),
        "reporters": [rng.choice(vocab.names_list)],
    }
    if kind == "minhu":
        received = date - dt.timedelta(days=rng.randint(1, 40))
        status = rng.choice(STATUSES)
        meta |= {"category": rng.choice(vocab.categories)["id"], "received": received,
                 "status": status, "channel": rng.choice(CHANNELS)}
        if status != "in_progress":
            meta["resolved"] = date
            meta["satisfaction"] = rng.choice(["满意", "满意", "基本满意", "不满意"])
        second = "进展" if status == "in_progress" else "解决"
        body = (f"## 问题\n\n{_paragraphs(rng, vocab, 1)}\n\n## {second}\n\n{_paragraphs(rng, vocab, 2)}"
                f"\n\n## 回访\n\n{_paragraphs(rng, vocab, 1)}\n")
        return meta, body
    meta["date"] = date
    if kind == "case":
        meta |= {"practice": rng.choice(["流动民情桌", "有事来商量", "吹哨报到", "书记夜话"]),
                 "metrics": [{"label": "收集意见", "value": rng.randint(20, 400), "unit": "条", "approx": "余"},
                             {"label": "解决问题", "value": rng.randint(10, 200), "unit": "个"}]}
    body = _paragraphs(rng, vocab, 4 if kind == "story" else 5)
    return meta, f"{body}\n\n## {rng.choice(vocab.titles)}\n\n{_paragraphs(rng, vocab, 3)}\n"


def _document(meta: dict, body: str) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None)
    return f"---\n{front}---\n\n{body}"


def _editions(content: Path, ids: list[str], rng: random.Random) -> None:
    """One four-page edition per fifty articles, listing a dozen of them."""
    (content / "editions").mkdir()
    for number, start in enumerate(range(0, len(ids), 50), start=1):
        chunk = ids[start:start + 12]
        date = START + dt.timedelta(days=7 * number)
        pages = [{"page": p + 1, "name": ["要闻", "社区", "民生", "文化"][p],
                  "editors": ["编辑甲"], "designers": ["美编乙"], "proofreaders": ["校对丙"],
                  "articles": chunk[p * 3:(p + 1) * 3]} for p in range(4)]
        data = {"number": number, "date": date, "pages": [p for p in pages if p["articles"]]}
        (content / "editions" / f"e-{number:04d}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    content = generate(args.count, args.out)
    print(f"{args.count} articles in {content}")


if __name__ == "__main__":
    main()
