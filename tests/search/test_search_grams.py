"""A query finds exactly the articles whose text contains it, though the
bigrams and grams of three keep only their first positions (grams.py): search.js's query rule,
run on the merged index as Pagefind runs it (prefix words, or a phrase of
words at consecutive positions). A run of Chinese characters is found as
written; several runs (parts apart, or Chinese next to Latin or digits)
must each occur."""

from __future__ import annotations

import datetime as dt
import random
import re

from test_search_merge import decode

from site_builder.search import write_index
from site_builder.search.grams import MARK, MARK3, POSITIONS, is_short
from site_builder.search.records import SearchRecord
from site_builder.search.tokens import HAN, index_text

# Few characters, so that runs repeat, share beginnings and nest in each other.
ALPHABET = "垃圾分类投放点社区居民充电"
RUNS = re.compile(f"[{HAN}]+|[^\\s{HAN}]+")


def _texts(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["，".join("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 9)))
                     + rng.choice(["", "", " wifi", "12345"]) for _ in range(rng.randint(5, 30)))
            for _ in range(count)]


def _records(texts: list[str]) -> list[SearchRecord]:
    start = dt.date(2024, 12, 31)
    records = []
    for n, text in enumerate(texts):
        date = (start - dt.timedelta(days=n)).isoformat()
        records.append(SearchRecord(f"a/n{n:03d}/", index_text(text), {"title": f"第{n}期", "date": date},
                                    {"year": [date[:4]]}, {"date": date}))
    return records


def query_words(part: str) -> list[str]:
    """search.js's queryWords."""
    words = []
    for run in RUNS.findall(part):
        if not re.fullmatch(f"[{HAN}]{{3,}}", run):
            words.append(run)
        elif len(run) == 3:
            words.append(MARK3 + run)
        else:
            words += [MARK + run[i:i + 4] for i in range(len(run) - 3)]
    return words


def _positions(locations: list[int]) -> set[int]:
    """Positions from Pagefind's gaps, without its weight markers."""
    found, position = set(), 0
    for location in locations:
        if location >= 0:
            position += location
            found.add(position)
    return found


def found(words: dict[str, dict], query: str) -> set[str]:
    """The URLs Pagefind returns for search.js's term for `query`."""
    parts = [query_words(part) for part in query.split()]
    if len(parts) == 1 and len(parts[0]) > 1 and all(w.startswith(MARK) for w in parts[0]):
        phrase = [words.get(word, {}) for word in parts[0]]
        return {url for url, (locations, _) in phrase[0].items()
                if all(url in pages for pages in phrase)
                and any(all(start + k in _positions(pages[url][0]) for k, pages in enumerate(phrase))
                        for start in _positions(locations))}
    results = None
    for word in (w for part in parts for w in part):
        pages = {url for indexed, by_url in words.items() if indexed.startswith(word) for url in by_url}
        results = pages if results is None else results & pages
    return results or set()


def test_every_query_finds_exactly_the_texts_that_contain_it(tmp_path):
    texts = _texts(40)
    bundle = write_index(_records(texts), tmp_path / "site", tmp_path / "cache", shard_size=9).bundle
    words = decode(bundle)["words"]
    for word, pages in words.items():  # a bigram or a gram of three keeps its first positions only
        if is_short(word) or word.startswith(MARK3):
            assert all(len(_positions(locations)) <= POSITIONS for locations, _ in pages.values())
    rng = random.Random(5)
    queries = {text[start:start + length] for text in texts[:8] for start in range(0, len(text), 3)
               for length in range(1, 9)}
    queries |= {"".join(rng.choice(ALPHABET) for _ in range(rng.randint(2, 7))) for _ in range(150)}
    queries |= {"垃圾 社区", "充电12345", "wifi"}
    # Latin and digits only whole (a digit also begins the titles' numbers, 第18期)
    queries = {q for q in queries if q.strip() and "，" not in q
               and all(re.fullmatch(f"[{HAN}]+|wifi|12345", run) for run in RUNS.findall(q))}
    assert len(queries) > 300
    for query in sorted(queries):
        # a run of Chinese characters is found as written; runs of other
        # characters, and runs apart, must each occur (as a word begins)
        expected = {f"/a/n{n:03d}/" for n, text in enumerate(texts) if all(run in text for run in RUNS.findall(query))}
        assert found(words, query) == expected, query
