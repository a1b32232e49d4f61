"""The built search bundle, kept by a hash of everything that went into it.

Layout under the site's `.cache/search/`:

    <key>/pagefind/…     the finished bundle of one set of records

The key hashes every record (URL, text, meta, facets) with the Pagefind
version and this package's bundle format, so unchanged content reuses the
bundle without running Pagefind at all, and any edit builds a new one. Only
the newest few bundles are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib import metadata
from pathlib import Path
from typing import Iterable

from .records import SearchRecord

# Raise when the bundle's layout changes (documents.py, compact.py), so old
# cached bundles are not reused.
BUNDLE_FORMAT = 2
KEEP = 2


def _tools() -> str:
    return f"{BUNDLE_FORMAT}/{metadata.version('pagefind')}"


def sources_key(keys: Iterable[str]) -> str:
    """A short hash of record keys (`Source.key`), in order, and of the tools:
    the same as hashing the records, without making their texts."""
    digest = hashlib.sha256(_tools().encode())
    for key in keys:
        digest.update(key.encode() + b"\0")
    return digest.hexdigest()[:12]


def records_key(records: Iterable[SearchRecord]) -> str:
    """A short hash of the records, in order, and of the tools that index them."""
    digest = hashlib.sha256(_tools().encode())
    for record in records:
        digest.update(json.dumps([record.url, record.content, record.meta, record.filters],
                                 ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def copy_tree(source: Path, target: Path) -> None:
    """Copy a bundle into the site: hard links where the file system allows
    (11,000 files at 10,000 articles), copies elsewhere."""
    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link_or_copy)


class BundleCache:
    """Finished bundles by key, in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def bundle(self, key: str) -> Path:
        return self.folder / key / "pagefind"

    def has(self, key: str) -> bool:
        return self.bundle(key).joinpath("pagefind-entry.json").is_file()

    def staging(self, key: str) -> Path:
        """An empty folder to build into; `store` moves it into place."""
        work = self.folder / f"{key}.partial"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        return work

    def store(self, key: str, work: Path) -> None:
        """Publish a finished build (a rename, so a crash leaves no half bundle)."""
        final = self.folder / key
        shutil.rmtree(final, ignore_errors=True)
        work.rename(final)
        self._prune(keep=key)

    def _prune(self, keep: str) -> None:
        entries = sorted((p for p in self.folder.iterdir() if p.is_dir() and p.name != keep),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP - 1:]:
            shutil.rmtree(old, ignore_errors=True)
