"""One Pagefind bundle from the digests of the shards (postings.py).

Pagefind holds a whole site in memory while it indexes (about 370 KB per
article: 13 GB at 25,000), so the archive is indexed in shards (shards.py)
and merged here into the one bundle the browser loads, in Pagefind 1.5's
own layout (bundle.py):

- pages: the shards oldest first, so a page's number is its place counted
  from the oldest article; its fragment is linked under the build's tag and
  its rank counted from the newest (``3f9c20a1.2s`` is the 101st newest),
  which search.js reads as the date order: no sort list is needed;
- words: each word's parts from the shards joined as bytes (the first page
  of each part moved to the merged numbering), never decoded again, and
  after an edit only for the words whose parts changed (words.py);
- chunks: cut where the words say (`cut_points`), not where a running total
  of the whole archive happens to reach a size, so an edit changes the
  chunks that hold its words and no others;
- filters: each value's pages, offset by their shard.

Index and filter files are kept in a store by a hash of their content
(cache.FileStore): after an edit only the chunks whose bytes changed are
compressed, and the bundle is byte for byte the one a cold merge writes.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import cbor2

from ..system import link_or_copy
from .bundle import ENTRY, BundleFormatError, array, base36, pack, read_meta
from .cache import FileStore
from .postings import digest_for, digest_path, shard_fields
from .words import join_all, join_changed

# Locations per chunk (Pagefind counts one per page and position). A query
# fetches the whole chunk of each of its words, neighbours included, and
# every query loads the list of all chunks in the metadata: about 24,000
# balances the two for a first query of one word at 25,000 articles
# (bench/search-results.md; since grams.py a query is mostly one word, and
# the index holds grams of three and four beside the bigrams). A word of BIG or more is a chunk
# of its own: the words people search for are the common ones, and their
# neighbours would only add weight. Elsewhere a chunk ends at a word whose
# hash says so, once it holds MIN locations, or at MAX.
TARGET = 24000
BIG = TARGET // 2
MIN = TARGET // 2
MAX = TARGET * 4

# Raise when the merge writes other bytes from the same digests (cut_points,
# bounds): the merged bundle is cached by this, the shards are not.
FORMAT = 5

# Index chunks are most of what is compressed: level 9 took 6.4 of 28 s of
# merging 5,000 articles for 1% fewer bytes than level 6 (Pagefind's own).
CHUNK_LEVEL = 6


@dataclass(frozen=True)
class MergeSummary:
    """What the merge wrote, for the log, the tests and the benchmark."""

    pages: int
    words: int
    chunks: int
    compressed: int  # index and filter files that were not in the store yet
    joined: int  # words whose entries were joined from their parts (the others kept from the last merge)


def cut_points(words: list[tuple[str, int]]) -> list[int]:
    """Where chunks end (exclusive indexes) for words (in order) of the given
    sizes. Whether a chunk ends after a word depends on that word and on the
    size since the last cut, so a change of sizes moves cuts near it only."""
    cuts: list[int] = []
    total = 0
    for number, (word, size) in enumerate(words):
        if size >= BIG and total:
            cuts.append(number)
            total = 0
        total += size
        chosen = zlib.crc32(word.encode()) % (TARGET - MIN) < size
        if size >= BIG or total >= MAX or (total >= MIN and chosen):
            cuts.append(number + 1)
            total = 0
    if total:
        cuts.append(len(words))
    return cuts


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """Pagefind's chunk bounds: the two words cut one character past their
    common prefix (get_prefixes in Pagefind's index/mod.rs)."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return a[:common + 1], b[:common + 1]


def merge_bundles(shards: list[tuple[Path, list[str]]], target: Path, tag: str, store: FileStore,
                  previous: Path | None = None) -> MergeSummary:
    """Write into `target` (a new folder) one bundle of all `shards`: each a
    Pagefind bundle with its pages noted (postings.record_pages) and the
    URLs of its records, newest first, as the shards are planned. The
    merged words are left beside `target` (words.STATE); `previous` is such
    a file of an earlier merge, to join again only the words that changed."""
    try:
        return _merge(shards[::-1], target, tag, store, previous)
    except (OSError, ValueError, KeyError, IndexError, TypeError, cbor2.CBORDecodeError) as exc:
        raise BundleFormatError(f"分片索引无法合并（{exc}）") from exc


def _merge(shards: list[tuple[Path, list[str]]], target: Path, tag: str, store: FileStore,
           previous: Path | None) -> MergeSummary:
    entry, language, first_meta = read_meta(shards[0][0])
    if any(json.loads((bundle / ENTRY).read_text("utf-8"))["languages"].keys() != {language}
           for bundle, _ in shards):
        raise BundleFormatError("各分片的索引语言不一致")
    fields = sorted({name for bundle, _ in shards for name in shard_fields(bundle)})
    digests = [digest_for(bundle, urls, fields) for bundle, urls in shards]
    names = [str(digest_path(bundle, urls, fields)) for bundle, urls in shards]
    for folder in ("fragment", "index", "filter"):
        (target / folder).mkdir(parents=True)
    for path in shards[0][0].iterdir():  # pagefind.js, its worker and wasm: the same in every shard
        if path.name.startswith(("pagefind.", "pagefind-worker.", "wasm.")) and path.suffix != ".pf_meta":
            link_or_copy(path, target / path.name)

    bases, pages = [], []
    total = sum(len(digest.fragments) for digest in digests)
    into = f"{target}/fragment/{tag}."  # strings, not Path: 25,000 links per build
    for (bundle, _), digest in zip(shards, digests):
        bases.append(len(pages))
        source = f"{bundle}/fragment/"
        for fragment, length in zip(digest.fragments, digest.lengths):
            rank = base36(total - 1 - len(pages))
            link_or_copy(f"{source}{fragment}.pf_fragment", f"{into}{rank}.pf_fragment")
            pages.append([f"{tag}.{rank}", length])
    before = store.compressed

    def put(folder: str, number: int, data: bytes, level: int = 9) -> str:
        name = f"{tag}.{base36(number)}"
        link_or_copy(store.put(data, level), target / folder / f"{name}.pf_{folder}")
        return name

    words = (join_changed(previous, digests, names, bases) if previous else None) or join_all(digests, bases)
    bounds: list[list[str]] = []
    start = 0
    for end in cut_points(list(zip(words.words, words.sizes))):
        data = b"".join([b"\x81", array(end - start), *words.entries[start:end]])
        bounds.append([words.words[start], words.words[end - 1], put("index", len(bounds), data, CHUNK_LEVEL)])
        start = end
    for left, right in zip(bounds, bounds[1:]):
        high, right[0] = _prefixes(left[1], right[0])
        if high >= left[0]:  # as Pagefind: a chunk's bounds never end before they begin
            left[1] = high

    values: dict[str, dict[str, list[int]]] = {}
    for base, digest in zip(bases, digests):
        for name, found in digest.filters.items():
            for value, numbers in found.items():
                values.setdefault(name, {}).setdefault(value, []).extend(base + n for n in numbers)
    filters = [[name, put("filter", number, cbor2.dumps([name, sorted(values[name].items())]))]
               for number, name in enumerate(sorted(values))]

    meta = [first_meta[0], pages, bounds, filters, [], fields]  # no sort lists: names carry the order
    (target / f"pagefind.{language}_{tag}.pf_meta").write_bytes(pack(cbor2.dumps(meta)))
    entry["languages"][language].update(hash=f"{language}_{tag}", page_count=len(pages))
    (target / ENTRY).write_text(json.dumps(entry, ensure_ascii=False), "utf-8")
    words.save(target.parent, names, bases)
    return MergeSummary(len(pages), len(words.words), len(bounds), store.compressed - before, words.joined)
