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

from site_builder.search import index, merge, write_index
from site_builder.search.bundle import MARKER, rounded
from site_builder.search.documents import write_documents
from site_builder.search.grams import MARK, MARK3, add_grams, gram_words, is_short
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


def decode(bundle: Path, grams: bool = False) -> dict:
    """A bundle by URL: page lengths, each word's locations per URL (meta
    fields by name), each filter value's URLs, the meta fields. `grams`:
    with the grams added as the merge adds them (for a bundle of Pagefind's
    own, the reference)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    (language, info), = entry["languages"].items()
    meta = _unpack(bundle / f"pagefind.{info['hash']}.pf_meta")
    _, pages, chunks, filters, _, fields = meta
    urls = [_unpack(bundle / "fragment" / f"{name}.pf_fragment")["url"] for name, _ in pages]
    assert info["page_count"] == len(pages) == len(set(urls))

    def named(locs: list[int]) -> list:
        return [fields[-n - 1] if n < 0 else n for n in locs]

    entries = []
    previous = ""
    for low, high, name in chunks:
        for entry in _unpack(bundle / "index" / f"{name}.pf_index")[0]:
            word = entry[0]
            assert previous < word and low <= word and word[:len(high)] <= high  # sorted, inside the bounds
            previous = word
            entries.append(entry)
    words: dict[str, dict] = {}
    for word, postings, variants in (add_grams(entries) if grams else entries):
        for spelling, found in [(word, postings), *variants]:
            numbers = list(itertools.accumulate(p[0] for p in found))  # written as gaps
            assert all(p[0] > 0 for p in found[1:])  # each page once, ascending
            words[spelling] = {urls[n]: (p[1], named(p[2])) for n, p in zip(numbers, found)}
    values = {name: {value: sorted(urls[n] for n in numbers)
                     for value, numbers in _unpack(bundle / "filter" / f"{file}.pf_filter")[1]}
              for name, file in filters}
    lengths = {url: rounded(n) for url, (_, n) in zip(urls, pages)}
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
    merged = write_index(items, tmp_path / "site", tmp_path / "cache", shard_size=7)
    assert merged.shards > 8 and merged.indexed_shards == merged.shards
    expected = decode(pagefind_alone, grams=True)
    assert decode(merged.bundle) == expected
    assert "status" in expected["fields"] and len(expected["words"]) > 100
    assert all(any(word.startswith(mark) for word in expected["words"]) for mark in (MARK, MARK3))
    assert {"café", "naïve"} <= expected["words"].keys()


def _small_chunks(monkeypatch) -> None:
    """Chunks of about 300 locations, so that 60 records make many."""
    for name, value in (("TARGET", 300), ("BIG", 150), ("MIN", 150), ("MAX", 1200)):
        monkeypatch.setattr(merge, name, value)


def _words(content: str) -> set[str]:
    """The words the index holds for a record's content: its tokens and grams."""
    tokens = content.split()
    on_page = {n: word for n, word in enumerate(tokens) if is_short(word)}
    return set(tokens) | {word for n in on_page for word in gram_words(on_page, n)}


def _files(bundle: Path) -> dict[str, bytes]:
    return {str(p.relative_to(bundle)): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def _chunks(bundle: Path) -> list[tuple[list[str], bytes]]:
    """Each index chunk's words and bytes, in the metadata's order."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    (info,) = entry["languages"].values()
    return [([w[0] for w in _unpack(bundle / "index" / f"{name}.pf_index")[0]],
             (bundle / "index" / f"{name}.pf_index").read_bytes())
            for _, _, name in _unpack(bundle / f"pagefind.{info['hash']}.pf_meta")[2]]


def test_one_shard_or_many_in_small_chunks_hold_what_pagefind_holds(pagefind_alone, tmp_path, monkeypatch):
    _small_chunks(monkeypatch)
    single = write_index(_records(60), tmp_path / "one", tmp_path / "cache", shard_size=1000)
    assert single.shards == 1
    assert decode(single.bundle) == decode(pagefind_alone, grams=True)  # decode checks each chunk's bounds
    assert len(_chunks(single.bundle)) > 10
    merged = write_index(_records(60), tmp_path / "many", tmp_path / "cache", shard_size=7)
    assert decode(merged.bundle) == decode(pagefind_alone, grams=True) and len(_chunks(merged.bundle)) > 10


def test_chunks_end_where_the_words_say():
    words = [(f"w{n:05d}", 1 + n % 7) for n in range(30000)]
    cuts = merge.cut_points(words)
    assert cuts[-1] == len(words) and cuts == sorted(set(cuts))
    sizes = [sum(s for _, s in words[a:b]) for a, b in zip([0, *cuts], cuts)]
    assert max(sizes) < merge.MAX + 7 and merge.MIN < sum(sizes[:-1]) / len(sizes[:-1]) < merge.TARGET * 1.5
    # more locations in one word moves no cut far from it
    grown = list(words)
    grown[15000] = (grown[15000][0], grown[15000][1] + 40)
    moved = set(merge.cut_points(grown)) ^ set(cuts)
    assert all(14000 < n < 18000 for n in moved)
    # a big word is a chunk of its own
    words[20000] = ("w20000", merge.BIG)
    assert {20000, 20001} <= set(merge.cut_points(words))


def _boundary(data: bytes, n: int) -> bool:
    return n == len(data) or data[n] & 0xC0 != 0x80


def pagefind_chunk(chunks: list[list[str]], term: str) -> str | None:
    """The chunk Pagefind fetches for a query word: the first whose bounds
    hold it, else the first whose bounds hold it cut to their lengths (bytes
    of UTF-8, and only at a character's start), as request_indexes does in
    Pagefind's pagefind_web/src/lib.rs."""
    word = term.encode()
    for strict in (True, False):
        for low, high, name in chunks:
            low_b, high_b = low.encode(), high.encode()
            if strict:
                if low_b <= word <= high_b:
                    return name
                continue
            f, t = min(len(word), len(low_b)), min(len(word), len(high_b))
            if all(_boundary(x, n) for x, n in ((word, f), (low_b, f), (word, t), (high_b, t))) \
                    and word[:f] >= low_b[:f] and word[:t] <= high_b[:t]:
                return name
    return None


def test_pagefind_fetches_the_chunk_of_each_word(tmp_path, monkeypatch):
    _small_chunks(monkeypatch)
    bundle = write_index(_records(60), tmp_path / "site", tmp_path / "cache", shard_size=7).bundle
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    (info,) = entry["languages"].values()
    chunks = _unpack(bundle / f"pagefind.{info['hash']}.pf_meta")[2]
    holding = {word[0]: name for _, _, name in chunks
               for word in _unpack(bundle / "index" / f"{name}.pf_index")[0]}
    assert len(chunks) > 10
    for word, name in holding.items():
        assert pagefind_chunk(chunks, word) == name, word


def test_an_edit_compresses_only_its_own_chunks_and_ends_as_a_cold_merge(tmp_path, monkeypatch):
    """Warm == cold: after an edit the bundle is byte for byte the one a
    build with an empty cache writes, and only chunks near the edited
    article's words were compressed again."""
    _small_chunks(monkeypatch)
    items = _records(60)
    old = items[23]
    items[23] = old = SearchRecord(old.url, old.content + " " + index_text("唯一的旧词 naïve"), old.meta, old.filters,
                                   old.sort)  # words that leave the archive with the edit
    before = write_index(items, tmp_path / "before", tmp_path / "warm", shard_size=7)
    assert "旧词" in decode(before.bundle)["words"]
    edited = list(items)
    edited[23] = SearchRecord(old.url, index_text("新增的检索标记，居民议事"), old.meta, old.filters, old.sort)
    warm = write_index(edited, tmp_path / "after", tmp_path / "warm", shard_size=7)
    cold = write_index(edited, tmp_path / "cold", tmp_path / "cold-cache", shard_size=7)
    assert warm.indexed_shards == 1 and cold.indexed_shards == cold.shards > 8
    assert 0 < warm.joined < cold.joined  # only the words whose parts changed were joined again
    assert _files(warm.bundle) == _files(cold.bundle)
    assert "旧词" not in decode(warm.bundle)["words"]
    chunks = _chunks(warm.bundle)
    old_bytes = {data for _, data in _chunks(before.bundle)}
    touched = _words(old.content) | _words(edited[23].content) | {"naive"}  # naïve is kept under naive
    changed = [n for n, (_, data) in enumerate(chunks) if data not in old_bytes]
    holding = {n for n, (words, _) in enumerate(chunks) if touched & set(words)}
    assert changed and warm.compressed == len(changed)  # the filters did not change
    for n in changed:  # the chunk holds, or is next to one that holds, a word the edit added or removed
        low, high = chunks[max(n - 1, 0)][0][0], chunks[min(n + 1, len(chunks) - 1)][0][-1]
        assert any(low <= word <= high for word in touched)
    assert len(changed) <= len(holding) + 2 < len(chunks)


def test_an_edit_or_a_new_article_reindexes_one_shard(tmp_path):
    items = _records(40)
    cache = tmp_path / "cache"
    first = write_index(items, tmp_path / "one", cache, shard_size=6)
    runs = index.pagefind_runs
    edited = list(items)
    edited[17] = SearchRecord(edited[17].url, index_text("新增的检索标记"), edited[17].meta,
                              edited[17].filters, edited[17].sort)
    second = write_index(edited, tmp_path / "two", cache, shard_size=6)
    assert (second.indexed_shards, index.pagefind_runs) == (1, runs + 1)
    assert second.shards == first.shards
    assert decode(second.bundle)["words"][index_text("新增的检索标记").split()[0]].keys() == {"/" + edited[17].url}
    newest = SearchRecord("a/2025/new/", index_text("最新文章"), {"title": "最新", "date": "2025-01-02"},
                          {"year": ["2025"]}, {"date": "2025-01-02"})
    third = write_index([newest, *edited], tmp_path / "three", cache, shard_size=6)
    assert third.indexed_shards == 1 and third.records == 41
    again = write_index([newest, *edited], tmp_path / "four", cache, shard_size=6)
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
