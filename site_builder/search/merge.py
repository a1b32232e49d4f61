"""One Pagefind bundle from the bundles of several shards.

Pagefind holds a whole site in memory while it indexes (about 370 KB per
article: 13 GB at 25,000), so the archive is indexed in shards (shards.py)
and their bundles are merged here into the one bundle the browser loads,
in Pagefind 1.5's own layout:

- pages: the shards' page lists one after another, so a page's number is
  its shard's offset plus its number in the shard;
- words: every shard's index chunks hold its words in sorted order; they are
  merged as sorted streams (one decoded chunk per shard in memory at a time)
  and cut into chunks again by Pagefind's own rule (CHUNK_SIZE locations
  per chunk, chunk bounds shortened to distinguishing prefixes);
- filters: each value's pages, offset the same way;
- fragments: linked as they are, under the names compact.py describes.

The merged bundle is already compact: fragments, chunks and filters carry the
build's tag and a base-36 number, page lengths are rounded, no sort list.
"""

from __future__ import annotations

import heapq
import json
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Iterator

import cbor2

from ..system import link_or_copy
from .compact import LENGTH_STEP, BundleFormatError, _pack, _read_meta, _unpack, base36

PAGES_FILE = "pages.json"

# Index chunks are most of the merge's output: level 9 took 6.4 of the 28 s
# of merging 5,000 articles for 1% fewer bytes than level 6 (Pagefind's own).
CHUNK_LEVEL = 6


@dataclass(frozen=True)
class MergeSummary:
    """What the merge wrote, for the log and the benchmark."""

    pages: int
    words: int
    chunks: int


def record_pages(bundle: Path) -> None:
    """Note each page's URL, in Pagefind's page order, beside a shard's bundle:
    the merge names fragments by the URL's rank without opening them."""
    try:
        _, _, _, meta = _read_meta(bundle)
        urls = [json.loads(_unpack(bundle / "fragment" / f"{page[0]}.pf_fragment"))["url"].strip("/")
                for page in meta[1]]
    except (OSError, ValueError, KeyError, cbor2.CBORDecodeError) as exc:
        raise BundleFormatError(f"Pagefind 写出的索引读不懂（{exc}）") from exc
    (bundle / PAGES_FILE).write_text(json.dumps(urls, ensure_ascii=False), "utf-8")


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """Pagefind's chunk bounds: the two words cut one character past their
    common prefix (get_prefixes in Pagefind's index/mod.rs)."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return a[:common + 1], b[:common + 1]


def _words(bundle: Path, chunks: list, offset: int, fields: list[int] | None) -> Iterator[list]:
    """A shard's words in order. A word is [word, pages, variants]; variants
    are the spellings with diacritics that fold to it (café under cafe),
    each [spelling, pages]. A page is [number, locations, meta locations];
    Pagefind writes the numbers as gaps (the first absolute), so only the
    first page of each list is moved into the merged numbering. Meta-field
    numbers (negative markers in the third list) are renumbered when this
    shard's meta fields are not the merged ones."""
    def shift(pages: list) -> None:
        if pages:
            pages[0][0] += offset
        if fields is not None:
            for page in pages:
                page[2] = [-fields[-n - 1] - 1 if n < 0 else n for n in page[2]]

    for chunk in chunks:
        for word in cbor2.loads(_unpack(bundle / "index" / f"{chunk[2]}.pf_index"))[0]:
            shift(word[1])
            for variant in word[2]:
                shift(variant[1])
            yield word


def _join(lists: list[list]) -> list:
    """Page lists of one word from several shards, in shard order, as one:
    each list's first number becomes the gap from the previous list's last page."""
    joined: list = []
    last = 0
    for pages in lists:
        if not pages:
            continue
        first = pages[0][0]
        pages[0][0] = first - last
        last = first + sum(page[0] for page in pages[1:])
        joined += pages
    return joined


def _size(pages: list) -> int:
    """Pagefind's measure of a word for its chunk size (index/mod.rs)."""
    return sum(len(page[1]) + len(page[2]) + 1 for page in pages)


def _merge_word(word: str, items: list[list]) -> list:
    """One word's entries from several shards (in shard order) as one."""
    if len(items) == 1:
        return items[0]
    variants: dict[str, list] = {}
    for item in items:
        for spelling, pages in item[2]:
            variants.setdefault(spelling, []).append(pages)
    return [word, _join([item[1] for item in items]), [[s, _join(p)] for s, p in variants.items()]]


def merge_bundles(shards: list[Path], target: Path, ranks: dict[str, int], tag: str,
                  chunk_size: int) -> MergeSummary:
    """Write into `target` (a new folder) one bundle holding the pages of all
    `shards` (raw Pagefind bundles with their pages noted), in the given
    order. `ranks` maps each URL (no slashes at the ends) to its place,
    newest first."""
    try:
        return _merge(shards, target, ranks, tag, chunk_size)
    except (OSError, ValueError, KeyError, IndexError, TypeError, cbor2.CBORDecodeError) as exc:
        raise BundleFormatError(f"分片索引无法合并（{exc}）") from exc


def _merge(shards: list[Path], target: Path, ranks: dict[str, int], tag: str,
           chunk_size: int) -> MergeSummary:
    read = [_read_meta(shard) for shard in shards]
    languages = {language for _, language, _, _ in read}
    if len(languages) != 1:
        raise BundleFormatError("各分片的索引语言不一致")
    language = languages.pop()
    entry, _, _, first_meta = read[0]
    fields = sorted({name for *_, meta in read for name in meta[5]})
    for folder in ("fragment", "index", "filter"):
        (target / folder).mkdir(parents=True)
    for path in shards[0].iterdir():  # pagefind.js, its worker and wasm: the same in every shard
        if path.is_file() and path.suffix != ".pf_meta" and path.name not in ("pagefind-entry.json", PAGES_FILE):
            link_or_copy(path, target / path.name)

    pages: list[list] = []
    offsets: list[int] = []
    for shard, (_, _, _, meta) in zip(shards, read):
        offsets.append(len(pages))
        urls = json.loads((shard / PAGES_FILE).read_text("utf-8"))
        if len(urls) != len(meta[1]):
            raise BundleFormatError(f"分片 {shard.parent.name} 的页面清单与索引不符")
        for (fragment, length), url in zip(meta[1], urls):
            name = f"{tag}.{base36(ranks[url])}"
            link_or_copy(shard / "fragment" / f"{fragment}.pf_fragment", target / "fragment" / f"{name}.pf_fragment")
            pages.append([name, max(LENGTH_STEP, round(length / LENGTH_STEP) * LENGTH_STEP)])

    streams = []
    for shard, (_, _, _, meta), offset in zip(shards, read, offsets):
        renumber = None if meta[5] == fields else [fields.index(name) for name in meta[5]]
        streams.append(_words(shard, meta[2], offset, renumber))
    bounds: list[list[str]] = []
    chunk: list[list] = []
    size = words = 0

    def flush() -> None:
        name = f"{tag}.{base36(len(bounds))}"
        (target / "index" / f"{name}.pf_index").write_bytes(_pack(cbor2.dumps([chunk]), CHUNK_LEVEL))
        bounds.append([chunk[0][0], chunk[-1][0], name])
        chunk.clear()

    # heapq.merge keeps equal words in stream order, so a word's pages stay in
    # ascending order across shards, as Pagefind writes them.
    for word, group in groupby(heapq.merge(*streams, key=lambda w: w[0]), key=lambda w: w[0]):
        merged = _merge_word(word, list(group))
        chunk.append(merged)
        words += 1
        size += _size(merged[1]) + sum(_size(pages) for _, pages in merged[2])
        if size >= chunk_size:
            flush()
            size = 0
    if chunk:
        flush()
    for left, right in zip(bounds, bounds[1:]):
        left[1], right[0] = _prefixes(left[1], right[0])

    values: dict[str, dict[str, list[int]]] = {}
    for shard, (_, _, _, meta), offset in zip(shards, read, offsets):
        for name, file in meta[3]:
            _, items = cbor2.loads(_unpack(shard / "filter" / f"{file}.pf_filter"))
            for value, numbers in items:
                values.setdefault(name, {}).setdefault(value, []).extend(n + offset for n in numbers)
    filters = []
    for number, name in enumerate(sorted(values)):
        file = f"{tag}.{base36(number)}"
        data = [name, [[value, values[name][value]] for value in sorted(values[name])]]
        (target / "filter" / f"{file}.pf_filter").write_bytes(_pack(cbor2.dumps(data)))
        filters.append([name, file])

    meta = [first_meta[0], pages, bounds, filters, [], fields]  # no sort lists: names carry the order
    (target / f"pagefind.{language}_{tag}.pf_meta").write_bytes(_pack(cbor2.dumps(meta)))
    entry["languages"][language]["hash"] = f"{language}_{tag}"
    entry["languages"][language]["page_count"] = len(pages)
    (target / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False), "utf-8")
    return MergeSummary(len(pages), words, len(bounds))
