"""Make Pagefind's bundle lighter for a reader's first query.

Before the first result a browser fetches the bundle's metadata, which lists
every page by the content hash of its fragment file. At 10,000 articles
those random names and the newest-first sort list are 104 KB of the 300 KB
a first query may cost. This step renames every fragment to the build's tag
plus the article's rank, newest first (``3f9c20a1.2s`` is the 101st newest),
so the names compress to a few bytes and search.js reads the date order from
the name: Pagefind's own sort list is not needed. Index and filter files get
short names too, and page lengths are rounded. The contents of the index,
filter and fragment files stay as Pagefind wrote them.

The metadata is Pagefind 1.5's CBOR layout; any other layout is refused
with a Chinese message rather than guessed at.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cbor2

# Pagefind marks decompressed data with this prefix (its JS checks it).
MARKER = b"pagefind_dcd"
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"

# Page lengths in words, rounded: Pagefind only weighs a match by how long
# its page is, and a 2% error there does not reorder results, while 10,000
# exact lengths are 11 KB of the metadata every first query fetches.
LENGTH_STEP = 32


class BundleFormatError(Exception):
    """The bundle is not in the layout this module knows; message in Chinese."""


@dataclass(frozen=True)
class CompactSummary:
    """Sizes before and after, for the log and the benchmark."""

    meta_before: int
    meta_after: int


def base36(number: int) -> str:
    """0 → 0, 35 → z, 36 → 10: the rank as search.js parses it (parseInt(…, 36))."""
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = DIGITS[digit] + text
        if number == 0:
            return text


def _unpack(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MARKER):
        raise BundleFormatError(f"Pagefind 文件 {path.name} 的格式不认识")
    return data[len(MARKER):]


def _pack(data: bytes, level: int = 9) -> bytes:
    return gzip.compress(MARKER + data, compresslevel=level, mtime=0)  # same bytes every build


def _read_meta(bundle: Path) -> tuple[dict, str, Path, list[Any]]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    languages = entry.get("languages", {})
    if len(languages) != 1:
        raise BundleFormatError("搜索索引应当只有一种语言")
    language = next(iter(languages))
    path = bundle / f"pagefind.{languages[language]['hash']}.pf_meta"
    meta = cbor2.loads(_unpack(path))
    if not (isinstance(meta, list) and len(meta) == 6 and all(isinstance(p, list) and len(p) == 2
                                                                for p in meta[1])):
        raise BundleFormatError(f"Pagefind {entry.get('version')} 的索引格式与本程序不符")
    return entry, language, path, meta


def _rename(folder: Path, old: str, new: str, suffix: str) -> None:
    (folder / f"{old}{suffix}").rename(folder / f"{new}{suffix}")


def _fragment_url(path: Path) -> str:
    return json.loads(_unpack(path))["url"].strip("/")


def compact_bundle(bundle: Path, ranks: dict[str, int], tag: str) -> CompactSummary:
    """Rename the bundle's files in place; `ranks` maps each record's URL
    (without slashes at the ends) to its place, newest first."""
    try:
        entry, language, meta_path, meta = _read_meta(bundle)
    except (OSError, ValueError, KeyError, cbor2.CBORDecodeError) as exc:
        raise BundleFormatError(f"Pagefind 写出的索引读不懂（{exc}）") from exc
    _, pages, chunks, filters, _sorts, _fields = meta
    fragments = bundle / "fragment"
    for page in pages:
        rank = ranks[_fragment_url(fragments / f"{page[0]}.pf_fragment")]
        new = f"{tag}.{base36(rank)}"
        _rename(fragments, page[0], new, ".pf_fragment")
        page[0] = new
        page[1] = max(LENGTH_STEP, round(page[1] / LENGTH_STEP) * LENGTH_STEP)
    for number, chunk in enumerate(chunks):
        _rename(bundle / "index", chunk[2], f"{tag}.{base36(number)}", ".pf_index")
        chunk[2] = f"{tag}.{base36(number)}"
    filters.sort(key=lambda item: item[0])  # Pagefind lists them in hash-map order
    for number, item in enumerate(filters):
        _rename(bundle / "filter", item[1], f"{tag}.{base36(number)}", ".pf_filter")
        item[1] = f"{tag}.{base36(number)}"
    meta[4] = []  # no sort lists: the names carry the date order
    packed = _pack(cbor2.dumps(meta))
    before = meta_path.stat().st_size
    meta_path.unlink()
    new_hash = f"{language}_{tag}"
    (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(packed)
    entry["languages"][language]["hash"] = new_hash
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False), "utf-8")
    return CompactSummary(before, len(packed))
