"""Shard bundles and finished bundles, kept by hashes of their records.

Layout under the site's `.cache/search/`:

    texts.sqlite              each article's word-cut text (texts.py)
    shards/<key>/             Pagefind's bundle of one shard, as it wrote it,
                              and its digest (postings.py)
    files/<hash>              index and filter files by a hash of their content
    bundles/<key>/pagefind/   the merged bundle of the whole archive (links
                              into files/), beside it the list of files it
                              uses and its merged words (words.py)

A key hashes the records' keys (URL, text, meta, facets) in order with the
Pagefind version and this package's bundle format. An unchanged archive
reuses its bundle without running Pagefind or merging; an edit re-indexes
the shard whose records changed and merges it with the cached others,
compressing only the files whose content changed.
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

from .bundle import pack

# Raise when the bundle's layout changes (documents.py, merge.py), so old
# cached bundles and shards are not reused.
BUNDLE_FORMAT = 4
KEEP = 2
SPARE_SHARDS = 8


def records_key(keys: Iterable[str], *extra: str) -> str:
    """A short hash of record keys, in order, and of the tools that index them."""
    digest = hashlib.sha256("/".join([str(BUNDLE_FORMAT), metadata.version("pagefind"), *extra]).encode())
    for key in keys:
        digest.update(key.encode() + b"\0")
    return digest.hexdigest()[:12]


class FileStore:
    """Pagefind files by a hash of their uncompressed content: compressing is
    most of a merge's time, and after an edit most chunks are the same bytes."""

    USED = "files.txt"  # beside a bundle: the store's files it links to

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.used: set[str] = set()
        self.compressed = 0

    def put(self, data: bytes, level: int) -> Path:
        """The stored file of `data`, compressed now if it is new."""
        name = hashlib.sha256(data).hexdigest()[:24]
        path = self.folder / name
        if not path.is_file():
            work = path.with_suffix(".partial")
            work.write_bytes(pack(data, level))
            os.replace(work, path)
            self.compressed += 1
        self.used.add(name)
        return path

    def note_used(self, folder: Path) -> None:
        """Write down, in a bundle's folder, which stored files it links to."""
        (folder / self.USED).write_text("\n".join(sorted(self.used)), "utf-8")

    def prune(self, bundles: Path) -> None:
        """Remove stored files that no kept bundle (under `bundles`) uses."""
        keep: set[str] = set()
        for used in bundles.glob(f"*/{self.USED}"):
            keep.update(used.read_text("utf-8").split())
        for path in self.folder.iterdir():
            if path.name not in keep:
                path.unlink(missing_ok=True)


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

    def latest(self, name: str) -> Path | None:
        """The file `name` beside the most recently stored bundle that has one."""
        found = [p for p in self.folder.glob(f"*/{name}") if not p.parent.name.endswith(".partial")]
        return max(found, key=lambda p: p.parent.stat().st_mtime, default=None)

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
