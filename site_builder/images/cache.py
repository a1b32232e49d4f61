"""The image cache: outputs keyed by the source's content hash and the spec.

Layout under the site's `.cache/images/`:

    sources.json                   path → [size, mtime_ns, sha256], so an
                                   unchanged file is not even re-hashed
    ab/abcdef…/info-v1.json        what the source is (size after rotation) or why it fails
    ab/abcdef…/web-960w-q80-v1.webp  one file per OutputSpec

An unchanged image is therefore never decoded again, across builds and
whichever article uses it; a renamed or copied image is recognised by content.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..system import write_atomically
from .settings import PIPELINE_VERSION, OutputSpec

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class ImageCache:
    """Content-addressed storage of processed images in one folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._index_path = self.root / "sources.json"
        self._index: dict[str, list] = self._read_index()
        self._dirty = False

    def sha(self, source: Path) -> str:
        """The content hash of a source, re-hashed only when size or mtime moved."""
        stat = source.stat()
        key = str(source.resolve())
        known = self._index.get(key)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        sha = file_sha256(source)
        self._index[key] = [stat.st_size, stat.st_mtime_ns, sha]
        self._dirty = True
        return sha

    def folder(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def output(self, sha: str, spec: OutputSpec) -> Path:
        return self.folder(sha) / spec.key

    def info_path(self, sha: str) -> Path:
        return self.folder(sha) / f"info-v{PIPELINE_VERSION}.json"

    def read_info(self, sha: str) -> dict | None:
        try:
            return json.loads(self.info_path(sha).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def write_info(self, sha: str, info: dict) -> None:
        write_atomically(self.info_path(sha), json.dumps(info, ensure_ascii=False).encode("utf-8"))

    def save_index(self) -> None:
        if self._dirty:
            write_atomically(self._index_path, json.dumps(self._index).encode("utf-8"))
            self._dirty = False

    def _read_index(self) -> dict[str, list]:
        try:
            data = json.loads(self._index_path.read_text("utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}


__all__ = ["ImageCache", "file_sha256"]
