"""Shard bundles and finished bundles, kept by hashes of their records.

Layout under the site's `.cache/search/`:

    texts.sqlite              each article's word-cut text (texts.py)
    shards/<key>/             Pagefind's bundle of one shard, as it wrote it
    bundles/<key>/pagefind/   the merged bundle of the whole archive

A key hashes the records' keys (URL, text, meta, facets) in order with the
Pagefind version and this package's bundle format. An unchanged archive
reuses its bundle without running Pagefind or merging; an edit re-indexes
the shards whose records changed and merges them with the cached others.
Only the newest few bundles and the shards in use (and a few spare, for an
edit that is undone) are kept.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from importlib import metadata
from pathlib import Path
from typing import Iterable

# Raise when the bundle's layout changes (documents.py, merge.py), so old
# cached bundles and shards are not reused.
BUNDLE_FORMAT = 3
KEEP = 2
SPARE_SHARDS = 8


def records_key(keys: Iterable[str], *extra: str) -> str:
    """A short hash of record keys, in order, and of the tools that index them."""
    digest = hashlib.sha256("/".join([str(BUNDLE_FORMAT), metadata.version("pagefind"), *extra]).encode())
    for key in keys:
        digest.update(key.encode() + b"\0")
    return digest.hexdigest()[:12]


class _Store:
    """Finished folders by key, in one folder; built under a temporary name
    and renamed into place, so a crash leaves no half folder behind."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        return self.folder / key

    def staging(self, key: str) -> Path:
        """An empty folder to build into; `store` moves it into place."""
        work = self.folder / f"{key}.partial"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        return work

    def store(self, key: str, work: Path) -> None:
        final = self.folder / key
        shutil.rmtree(final, ignore_errors=True)
        work.rename(final)

    def prune(self, keep: set[str], spare: int) -> None:
        """Remove all but `keep` and the `spare` most recently stored others."""
        others = sorted((p for p in self.folder.iterdir() if p.name not in keep),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[spare:]:
            shutil.rmtree(old, ignore_errors=True)


class BundleCache(_Store):
    """Merged bundles by key."""

    def bundle(self, key: str) -> Path:
        return self.folder / key / "pagefind"

    def has(self, key: str) -> bool:
        return self.bundle(key).joinpath("pagefind-entry.json").is_file()

    def store(self, key: str, work: Path) -> None:
        super().store(key, work)
        self.prune({key}, KEEP - 1)


class ShardCache(_Store):
    """Pagefind's bundles of single shards by key."""

    def has(self, key: str, marker: str) -> bool:
        return self.path(key).joinpath(marker).is_file()

    def keep(self, keys: set[str]) -> None:
        """Mark `keys` as in use (newest), then drop old unused shards."""
        for key in keys:
            os.utime(self.path(key))
        self.prune(keys, SPARE_SHARDS)
