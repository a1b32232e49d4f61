"""Every word of the archive as its merged CBOR entry, from the shard digests.

A word's entry joins its parts from every shard (postings.py) as bytes. At
25,000 articles that is 50,000 words from 700,000 parts; after an edit the
parts differ in one shard, and only for the words of the edited article.
So each merge leaves its entries beside the bundle (`Words.save`), and the
next merge, when the shards hold the same pages in the same places and only
some shards were indexed again, compares those shards' digests old and new
and joins again only the words whose parts changed: the others keep their
bytes. The result is the same as joining everything (the tests compare).
"""

from __future__ import annotations

import marshal
import os
from array import array as numbers_array
from bisect import bisect_left
from pathlib import Path
from typing import NamedTuple

from .bundle import array, text, uint
from .postings import Digest, load_digest

STATE = "words.marshal"


class Words(NamedTuple):
    """Words in order, each with its size (Pagefind's measure) and entry."""

    words: list[str]
    sizes: list[int]
    entries: list[bytes | memoryview]
    joined: int  # entries joined from parts in this merge (the others were kept)

    def save(self, folder: Path, digests: list[str], bases: list[int]) -> None:
        """Keep the entries in `folder` for the next merge, with the digest
        files and first page numbers of the shards they came from."""
        ends = numbers_array("q")
        end = 0
        for entry in self.entries:
            end += len(entry)
            ends.append(end)
        work = folder / f"{STATE}.partial"
        work.write_bytes(marshal.dumps((digests, bases, self.words, self.sizes, ends.tobytes(),
                                        b"".join(self.entries))))
        os.replace(work, folder / STATE)


def _pages(parts: list[tuple]) -> bytes:
    """A word's (or spelling's) pages from its parts, each (number of the
    shard's first page, first, last, pages, count, size) as in postings.Part,
    as one CBOR list with the numbers as gaps."""
    if len(parts) == 1:
        base, first, _, pages, count, _ = parts[0]
        return b"".join((array(count), b"\x83", uint(base + first), pages))
    out = [array(sum(part[4] for part in parts))]
    previous = 0
    for base, first, last, pages, _, _ in parts:
        out += (b"\x83", uint(base + first - previous), pages)
        previous = base + last
    return b"".join(out)


def _entry(word: str, parts: list[tuple], variants: dict[str, list[tuple]]) -> tuple[bytes, int]:
    """A word's CBOR entry, [word, pages, [[spelling, pages]…]], and its size."""
    entry = b"".join([b"\x83", text(word), _pages(parts), array(len(variants)),
                      *(b"\x82" + text(s) + _pages(p) for s, p in variants.items())])
    return entry, sum(part[5] for part in parts) + sum(part[5] for found in variants.values() for part in found)


def _parts(digest: Digest, n: int, base: int) -> tuple[tuple | None, list[tuple[str, tuple]]]:
    """Word n of a digest: its part and its variants' parts, placed at `base`."""
    first, last, count, size, end = digest.numbers[5 * n:5 * n + 5]
    start = digest.numbers[5 * n - 1] if n else 0
    part = (base, first, last, memoryview(digest.blob)[start:end], count, size) if count else None
    return part, [(spelling, (base, *found)) for spelling, found in digest.variants.get(n, ())]


def join_all(digests: list[Digest], bases: list[int]) -> Words:
    """Every word's entry, joined from the parts of every shard."""
    found: dict[str, tuple[list, dict[str, list]]] = {}
    for base, digest in zip(bases, digests):
        numbers, blob, start = digest.numbers, memoryview(digest.blob), 0
        for n, word in enumerate(digest.words):
            first, last, count, size, end = numbers[5 * n:5 * n + 5]
            item = found.get(word)
            if item is None:
                item = found[word] = ([], {})
            if count:
                item[0].append((base, first, last, blob[start:end], count, size))
            start = end
            for spelling, part in digest.variants.get(n, ()):
                item[1].setdefault(spelling, []).append((base, *part))
    words = sorted(found)
    joined = [_entry(word, *found[word]) for word in words]
    return Words(words, [size for _, size in joined], [entry for entry, _ in joined], len(words))


def _changed(old: Digest, new: Digest) -> set[str]:
    """Words whose parts differ between two digests of one shard."""
    def parts(digest: Digest) -> dict[str, tuple]:
        blob, numbers = memoryview(digest.blob), digest.numbers
        return {word: (tuple(numbers[5 * n:5 * n + 4]), blob[(numbers[5 * n - 1] if n else 0):numbers[5 * n + 4]],
                       digest.variants.get(n))
                for n, word in enumerate(digest.words)}

    before, after = parts(old), parts(new)
    return {word for word in before.keys() | after.keys() if before.get(word) != after.get(word)}


def join_changed(previous: Path, digests: list[Digest], names: list[str], bases: list[int]) -> Words | None:
    """The entries after some shards were indexed again, from the entries of
    the merge that left `previous` (a STATE file): only the words whose parts
    changed are joined again. None when the earlier merge cannot serve (pages
    moved between shards, a shard added or removed, its digest gone)."""
    try:
        old_names, old_bases, words, sizes, ends, blob = marshal.loads(previous.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if old_bases != bases or len(old_names) != len(names):
        return None
    changed: set[str] = set()
    for old_name, name, digest in zip(old_names, names, digests):
        if old_name != name:
            try:
                changed |= _changed(load_digest(Path(old_name)), digest)
            except (OSError, EOFError, ValueError, TypeError):
                return None
    ends = numbers_array("q", ends)
    blob = memoryview(blob)
    kept = {word: n for n, word in enumerate(words) if word not in changed}
    joined: dict[str, tuple[bytes, int]] = {}
    for word in changed:
        parts, variants = [], {}
        for base, digest in zip(bases, digests):
            n = bisect_left(digest.words, word)
            if n < len(digest.words) and digest.words[n] == word:
                part, spellings = _parts(digest, n, base)
                if part:
                    parts.append(part)
                for spelling, found in spellings:
                    variants.setdefault(spelling, []).append(found)
        if parts or variants:
            joined[word] = _entry(word, parts, variants)
    order = sorted(kept.keys() | joined.keys())
    entries, new_sizes = [], []
    for word in order:
        if word in joined:
            entry, size = joined[word]
        else:
            n = kept[word]
            entry, size = blob[(ends[n - 1] if n else 0):ends[n]], sizes[n]
        entries.append(entry)
        new_sizes.append(size)
    return Words(order, new_sizes, entries, len(joined))
