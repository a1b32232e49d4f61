"""A shard's Pagefind bundle, read once into pieces the merge copies as bytes.

Pagefind numbers a shard's pages in an order of its own. The digest
renumbers them oldest first, so in the merged bundle (shards oldest first)
a page's number is its place in the whole archive counted from the oldest
article: a new article takes the next number, an edit keeps every number,
and a word's pages in one shard are the same bytes in every build.

For each word the digest keeps, per spelling, a `Part`: its pages in this
shard as CBOR, numbers as gaps, with the first page's number kept apart (in
the merged list it becomes the gap from the previous shard's last page).
The merge then joins a word's parts by concatenating bytes, never decoding
a chunk again (merge.py).

Meta-field numbers inside the pages refer to the merged bundle's list of
fields, so a digest is made for one list of fields and kept under its hash
(`digest_for`); in practice every shard has the same fields and one digest.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from array import array
from pathlib import Path
from typing import NamedTuple

import cbor2

from .bundle import BundleFormatError, read_meta, rounded, unpack
from .grams import Grams
from .bundle import array as list_head

PAGES_FILE = "pages.json"  # the shard's URLs in Pagefind's order, and its meta fields
DIGEST_FORMAT = 4  # raise when the digest's layout or content changes (grams.py)


class Part(NamedTuple):
    """One spelling's pages in one shard."""

    first: int   # number of its first page, in the shard (oldest first)
    last: int    # number of its last page
    pages: bytes  # the first page's locations and meta locations, then the
    #               other pages as CBOR [gap, locations, meta locations] each
    count: int   # pages
    size: int    # Pagefind's measure for chunk sizes: locations + meta locations + 1 per page


class Digest(NamedTuple):
    """A shard as the merge needs it; lists are in the shard's page order.
    The words' parts are packed (a few big objects load fast: 25,000
    articles hold 700,000 parts): word n's Part is `part(n)`."""

    fragments: list[str]   # Pagefind's fragment file names
    lengths: list[int]     # word counts, rounded
    filters: dict[str, dict[str, list[int]]]  # filter → value → page numbers
    words: list[str]       # sorted
    numbers: array         # per word: first, last, count (0: no pages), size, end of its bytes in `blob`
    blob: bytes
    variants: dict[int, list[tuple[str, Part]]]  # by word number, the few words that have any

    def part(self, n: int) -> Part | None:
        first, last, count, size, end = self.numbers[5 * n:5 * n + 5]
        start = self.numbers[5 * n - 1] if n else 0
        return Part(first, last, self.blob[start:end], count, size) if count else None


def record_pages(bundle: Path) -> None:
    """Note each page's URL (in Pagefind's order) and the meta fields beside
    a shard's bundle; marks the shard complete."""
    _, _, meta = read_meta(bundle)
    try:
        urls = [json.loads(unpack(bundle / "fragment" / f"{page[0]}.pf_fragment"))["url"].strip("/")
                for page in meta[1]]
    except (OSError, ValueError, KeyError) as exc:
        raise BundleFormatError(f"Pagefind 写出的索引读不懂（{exc}）") from exc
    (bundle / PAGES_FILE).write_text(json.dumps({"urls": urls, "fields": meta[5]}, ensure_ascii=False),
                                     "utf-8")


def shard_fields(bundle: Path) -> list[str]:
    return json.loads((bundle / PAGES_FILE).read_text("utf-8"))["fields"]


def digest_path(bundle: Path, urls: list[str], fields: list[str]) -> Path:
    """Where the digest of a shard whose records have `urls` (newest first),
    with meta fields numbered as in `fields`, is kept."""
    key = hashlib.sha256(json.dumps([DIGEST_FORMAT, urls, fields], ensure_ascii=False).encode()).hexdigest()[:12]
    return bundle / f"digest.{key}.marshal"


def load_digest(path: Path) -> Digest:
    fragments, lengths, filters, words, numbers, blob, variants = marshal.loads(path.read_bytes())
    return Digest(fragments, lengths, filters, words, array("q", numbers), blob,
                  {n: [(s, Part(*p)) for s, p in found] for n, found in variants.items()})


def digest_for(bundle: Path, urls: list[str], fields: list[str]) -> Digest:
    """The digest of a shard (see `digest_path`): made once, then read from disk."""
    path = digest_path(bundle, urls, fields)
    try:
        return load_digest(path)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    digest = _digest(bundle, urls, fields)
    plain = {n: [(s, tuple(p)) for s, p in found] for n, found in digest.variants.items()}
    work = path.with_suffix(".partial")
    work.write_bytes(marshal.dumps((*digest[:4], digest.numbers.tobytes(), digest.blob, plain)))
    os.replace(work, path)
    return digest


def _digest(bundle: Path, urls: list[str], fields: list[str]) -> Digest:
    noted = json.loads((bundle / PAGES_FILE).read_text("utf-8"))
    _, _, meta = read_meta(bundle)
    place = {url: number for number, url in enumerate(reversed(urls))}  # oldest first
    try:
        local = [place[url] for url in noted["urls"]]  # Pagefind's number → ours
    except KeyError as exc:
        raise BundleFormatError(f"分片 {bundle.name} 的页面清单与记录不符（{exc}）") from exc
    if len(local) != len(urls) or len(meta[1]) != len(urls):
        raise BundleFormatError(f"分片 {bundle.name} 的页面清单与记录不符")
    renumber = None if noted["fields"] == fields else [fields.index(name) for name in noted["fields"]]
    order = sorted(range(len(local)), key=local.__getitem__)
    fragments = [meta[1][n][0] for n in order]
    lengths = [rounded(meta[1][n][1]) for n in order]
    filters: dict[str, dict[str, list[int]]] = {}
    words = []
    try:
        for name, file in meta[3]:
            _, values = cbor2.loads(unpack(bundle / "filter" / f"{file}.pf_filter"))
            filters[name] = {value: sorted(local[n] for n in numbers) for value, numbers in values}
        grams = Grams()
        for chunk in meta[2]:  # one chunk decoded at a time: a shard's words decoded are 250 MB
            for entry in cbor2.loads(unpack(bundle / "index" / f"{chunk[2]}.pf_index"))[0]:
                words.append(_word(*grams.take(*entry), local, renumber))
        words += [_word(*entry, local, renumber) for entry in grams.grams()]
    except (OSError, ValueError, KeyError, IndexError, TypeError, cbor2.CBORDecodeError) as exc:
        raise BundleFormatError(f"分片 {bundle.name} 的索引读不懂（{exc}）") from exc
    words.sort(key=lambda item: item[0])
    numbers, blob, end = array("q"), [], 0
    for _, part, _ in words:
        if part:
            blob.append(part.pages)
            end += len(part.pages)
        numbers.extend((part.first, part.last, part.count, part.size, end) if part else (0, 0, 0, 0, end))
    variants = {n: found for n, (_, _, found) in enumerate(words) if found}
    return Digest(fragments, lengths, filters, [word for word, _, _ in words], numbers, b"".join(blob), variants)


def _word(word: str, pages: list, variants: list, local: list[int],
          renumber: list[int] | None) -> tuple[str, Part | None, list[tuple[str, Part | None]]]:
    return word, _part(pages, local, renumber), [(s, _part(found, local, renumber)) for s, found in variants]


def _part(pages: list, local: list[int], renumber: list[int] | None) -> Part | None:
    """Pages as Pagefind wrote them (gaps, its numbering) as one Part."""
    if not pages:
        return None
    entries = []
    number = 0
    for gap, locations, metas in pages:
        number += gap
        if renumber is not None:
            metas = [-renumber[-n - 1] - 1 if n < 0 else n for n in metas]
        entries.append((local[number], locations, metas))
    entries.sort(key=lambda entry: entry[0])
    first, locations, metas = entries[0]
    rest = [[n - previous[0], locs, marks] for previous, (n, locs, marks) in zip(entries, entries[1:])]
    # One encoder call per word: a list's items are its encoding after its head.
    pages = cbor2.dumps([locations, metas, *rest])[len(list_head(len(rest) + 2)):]
    return Part(first, entries[-1][0], pages, len(entries),
                sum(len(locs) + len(marks) + 1 for _, locs, marks in entries))
