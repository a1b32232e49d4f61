"""Shards indexed one by one and merged answer like one Pagefind run over
everything: the same postings, page lengths and filter pages for every word,
compared decoded and by URL (page numbers and file names may differ)."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import random
from pathlib import Path

import cbor2
import pytest

from site_builder.search import index, write_index
from site_builder.search.compact import LENGTH_STEP, MARKER
from site_builder.search.documents import write_documents
from site_builder.search.records import SearchRecord
from site_builder.search.shards import plan_shards
from site_builder.search.tokens import index_text

WORDS = ["垃圾分类", "电动自行车", "充电", "停车", "加装电梯", "志愿服务", "楼道灯", "社区食堂",
         "居民", "议事", "12345", "WiFi", "物业", "老旧小区改造", "雨水井"]


def _records(count: int, seed: int = 3) -> list[SearchRecord]:
    """Records over three years, newest first; only some have a status (a
    meta field some shards lack, so the merge must renumber meta fields)."""
    rng = random.Random(seed)
    start = dt.date(2024, 12, 31)
    items = []
    for n in range(count):
        date = start - dt.timedelta(days=n * 1000 // count)
        text = "，".join("".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))) for _ in range(8))
        if n % 5 == 1:  # spellings Pagefind folds (café under cafe) are kept apart in the index
            text += rng.choice([" café", " cafe", " naïve"])
        meta = {"title": rng.choice(WORDS) + f"第{n}期", "date": date.isoformat(), "type": "报道"}
        filters = {"type": [rng.choice(["报道", "案例"])], "year": [str(date.year)],
                   "place": rng.sample(["甲街道", "乙社区", "丙镇"], rng.randint(1, 2))}
        if n % 7 == 3:
            meta["status"] = "已解决"
            filters["status"] = ["已解决"]
        items.append(SearchRecord(f"a/{date.year}/n{n:03d}/", index_text(text), meta, filters,
                                  {"date": date.isoformat()}))
    return items


def _unpack(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(MARKER)
    data = data[len(MARKER):]
    return json.loads(data) if path.suffix == ".pf_fragment" else cbor2.loads(data)


def decode(bundle: Path) -> dict:
    """A bundle by URL: page lengths, each word's locations per URL (meta
    fields by name), each filter value's URLs, the meta fields."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    (language, info), = entry["languages"].items()
    meta = _unpack(bundle / f"pagefind.{info['hash']}.pf_meta")
    _, pages, chunks, filters, _, fields = meta
    urls = [_unpack(bundle / "fragment" / f"{name}.pf_fragment")["url"] for name, _ in pages]
    assert info["page_count"] == len(pages) == len(set(urls))

    def named(locs: list[int]) -> list:
        return [fields[-n - 1] if n < 0 else n for n in locs]

    words: dict[str, dict] = {}
    previous = ""
    for low, high, name in chunks:
        for word, postings, variants in _unpack(bundle / "index" / f"{name}.pf_index")[0]:
            assert previous < word and low <= word and word[:len(high)] <= high  # sorted, inside the bounds
            previous = word
            for spelling, found in [(word, postings), *variants]:
                numbers = list(itertools.accumulate(p[0] for p in found))  # written as gaps
                assert all(p[0] > 0 for p in found[1:])  # each page once, ascending
                words[spelling] = {urls[n]: (p[1], named(p[2])) for n, p in zip(numbers, found)}
    values = {name: {value: sorted(urls[n] for n in numbers)
                     for value, numbers in _unpack(bundle / "filter" / f"{file}.pf_filter")[1]}
              for name, file in filters}
    lengths = {url: max(LENGTH_STEP, round(n / LENGTH_STEP) * LENGTH_STEP) for url, (_, n) in zip(urls, pages)}
    return {"lengths": lengths, "words": words, "filters": values, "fields": fields}


@pytest.fixture(scope="module")
def pagefind_alone(tmp_path_factory) -> Path:
    """One plain Pagefind run over all the records: the reference."""
    folder = tmp_path_factory.mktemp("alone")
    write_documents(_records(60), folder / "docs")
    index._run_pagefind(folder / "docs", folder / "pagefind")
    return folder / "pagefind"


def test_merged_shards_hold_what_one_pagefind_run_holds(pagefind_alone, tmp_path):
    items = _records(60)
    merged = write_index(items, tmp_path / "site", tmp_path / "cache", shard_size=7, whole_archive=0)
    assert merged.shards > 8 and merged.indexed_shards == merged.shards
    expected = decode(pagefind_alone)
    assert decode(merged.bundle) == expected
    assert "status" in expected["fields"] and len(expected["words"]) > 100
    assert {"café", "naïve"} <= expected["words"].keys()


def test_one_shard_is_chunked_exactly_as_pagefind_chunks(tmp_path, monkeypatch):
    """Chunk bounds (and so which chunk a query fetches) follow Pagefind's
    rule; small chunks here, so that there are many."""
    def bounds(bundle: Path) -> list:
        entry = json.loads((bundle / "pagefind-entry.json").read_text())
        (info,) = entry["languages"].values()
        return [chunk[:2] for chunk in _unpack(bundle / f"pagefind.{info['hash']}.pf_meta")[2]]

    monkeypatch.setitem(index.CHUNK_SIZE, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", "300")
    write_documents(_records(60), tmp_path / "docs")
    index._run_pagefind(tmp_path / "docs", tmp_path / "alone")
    single = write_index(_records(60), tmp_path / "one", tmp_path / "cache", shard_size=1000)
    assert single.shards == 1
    assert bounds(single.bundle) == bounds(tmp_path / "alone") and len(bounds(single.bundle)) > 10
    merged = write_index(_records(60), tmp_path / "many", tmp_path / "cache", shard_size=7, whole_archive=0)
    assert decode(merged.bundle) == decode(tmp_path / "alone") and len(bounds(merged.bundle)) > 10


def test_an_edit_or_a_new_article_reindexes_one_shard(tmp_path):
    items = _records(40)
    cache = tmp_path / "cache"
    first = write_index(items, tmp_path / "one", cache, shard_size=6, whole_archive=0)
    runs = index.pagefind_runs
    edited = list(items)
    edited[17] = SearchRecord(edited[17].url, index_text("新增的检索标记"), edited[17].meta,
                              edited[17].filters, edited[17].sort)
    second = write_index(edited, tmp_path / "two", cache, shard_size=6, whole_archive=0)
    assert (second.indexed_shards, index.pagefind_runs) == (1, runs + 1)
    assert second.shards == first.shards
    assert decode(second.bundle)["words"][index_text("新增的检索标记").split()[0]].keys() == {"/" + edited[17].url}
    newest = SearchRecord("a/2025/new/", index_text("最新文章"), {"title": "最新", "date": "2025-01-02"},
                          {"year": ["2025"]}, {"date": "2025-01-02"})
    third = write_index([newest, *edited], tmp_path / "three", cache, shard_size=6, whole_archive=0)
    assert third.indexed_shards == 1 and third.records == 41
    again = write_index([newest, *edited], tmp_path / "four", cache, shard_size=6, whole_archive=0)
    assert again.cached and index.pagefind_runs == runs + 2


def test_shards_are_runs_of_one_period_at_most_the_size():
    items = _records(200)
    shards = plan_shards(items, 30)
    assert [item for shard in shards for item in shard] == items
    assert all(1 <= len(shard) <= 30 for shard in shards)
    for shard in shards:  # a year too big for one shard is cut by quarter (here small enough)
        assert len({(d[:4], (int(d[5:7]) - 1) // 3) for d in (item.sort["date"] for item in shard)}) == 1
    assert len(plan_shards(items, 5)) > len(shards)  # and by month, by day, by count when needed
    assert all(len(shard) <= 5 for shard in plan_shards(items, 5))
    assert plan_shards(items, 500) == [items]
    # an edit keeps every bound; a new newest article changes the first shard only
    newest = SearchRecord("new/", "", {}, {}, {"date": "2024-12-31"})
    grown = plan_shards([newest, *items], 30)
    assert grown[0][1:] == shards[0] and grown[1:] == shards[1:]
