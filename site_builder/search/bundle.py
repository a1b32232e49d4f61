"""Pagefind 1.5's bundle format, as far as this package reads and writes it.

A bundle is `pagefind-entry.json` (the language and the name of its
metadata), one metadata file, and folders of index chunks, filters and
fragments. Every file but the entry is gzip holding a marker and CBOR (the
fragments JSON):

- metadata: [version, pages, chunks, filters, sorts, meta fields], where a
  page is [fragment name, word count], a chunk [first word, last word, name]
  and a filter [name, file];
- index chunk: [words]; a word is [word, pages, variants], a variant (a
  spelling with diacritics that folds to the word) [spelling, pages], a page
  [number, locations, meta locations] with the numbers written as gaps
  (the first one from 0);
- filter: [name, [[value, [page numbers]]]].

Any other layout is refused with a Chinese message rather than guessed at.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path
from typing import Any

import cbor2

# Pagefind marks decompressed data with this prefix (its JS checks it).
MARKER = b"pagefind_dcd"
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
ENTRY = "pagefind-entry.json"

# Page lengths in words, rounded to steps of a twelfth of an octave (6%):
# Pagefind only weighs a match by how its page's length compares with the
# average, and an error of 3% there hardly reorders results, while exact
# lengths are incompressible bytes in the metadata every first query fetches
# (25,000 lengths to 32 words were 21 KB; in steps of 6% they are a few
# dozen values, which gzip packs tight).
LENGTH_STEPS = 12  # per octave


class BundleFormatError(Exception):
    """The bundle is not in the layout this module knows; message in Chinese."""


def base36(number: int) -> str:
    """0 → 0, 35 → z, 36 → 10: a rank as search.js parses it (parseInt(…, 36))."""
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = DIGITS[digit] + text
        if number == 0:
            return text


def rounded(length: int) -> int:
    """A page's word count as the metadata keeps it."""
    return round(2 ** (round(math.log2(max(length, 1)) * LENGTH_STEPS) / LENGTH_STEPS))


def unpack(path: Path) -> bytes:
    """The content of one of Pagefind's gzip files, without the marker."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MARKER):
        raise BundleFormatError(f"Pagefind 文件 {path.name} 的格式不认识")
    return data[len(MARKER):]


def pack(data: bytes, level: int = 9) -> bytes:
    """`data` as Pagefind stores it; the same bytes every build."""
    return gzip.compress(MARKER + data, compresslevel=level, mtime=0)


def read_meta(bundle: Path) -> tuple[dict, str, list[Any]]:
    """The bundle's entry, its one language and its decoded metadata."""
    try:
        entry = json.loads((bundle / ENTRY).read_text("utf-8"))
        languages = entry.get("languages", {})
        if len(languages) != 1:
            raise BundleFormatError("搜索索引应当只有一种语言")
        language = next(iter(languages))
        meta = cbor2.loads(unpack(bundle / f"pagefind.{languages[language]['hash']}.pf_meta"))
    except (OSError, ValueError, KeyError, AttributeError, cbor2.CBORDecodeError) as exc:
        raise BundleFormatError(f"Pagefind 写出的索引读不懂（{exc}）") from exc
    if not (isinstance(meta, list) and len(meta) == 6 and all(isinstance(p, list) and len(p) == 2
                                                                for p in meta[1])):
        raise BundleFormatError(f"Pagefind {entry.get('version')} 的索引格式与本程序不符")
    return entry, language, meta


_HEADS: dict[tuple[int, int], bytes] = {}


def head(major: int, number: int) -> bytes:
    """A CBOR item's head: its major type and a count or unsigned value
    (remembered: a merge asks for the same small ones a million times)."""
    known = _HEADS.get((major, number))
    if known is None:
        known = _head(major, number)
        if number < 1 << 16:
            _HEADS[major, number] = known
    return known


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for extra, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * width):
            return bytes([major << 5 | extra]) + number.to_bytes(width, "big")
    raise ValueError(number)


def uint(number: int) -> bytes:
    return head(0, number)


def array(count: int) -> bytes:
    return head(4, count)


def text(value: str) -> bytes:
    data = value.encode()
    return head(3, len(data)) + data
