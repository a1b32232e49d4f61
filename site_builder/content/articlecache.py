"""Checked articles, kept across runs: an unchanged file is not parsed again.

Reading and checking 25,000 articles (YAML, every field rule, the privacy
and HTML checks) takes longer than anything else a rebuild after one edit
has to do. An article that loaded without a single problem is kept in a
SQLite file (`.cache/content/articles.sqlite3` beside mkdocs.yml) with the
hash of its file's bytes. The next load takes it from there when

- the file has the same bytes (reading and hashing 25,000 small files
  takes a fraction of a second; parsing them takes many seconds);
- the images it shows are still there;
- nothing else it was checked against changed: the registries (places and
  categories, whose objects it points to), the content folder's location
  and the code of this package (all in the cache's key; any change empties
  the cache).

An article with a problem is never kept, so every load reports it again.
"""

from __future__ import annotations

import gc
import hashlib
import io
import sqlite3
from pathlib import Path
from typing import Iterable, Sequence

from .parallel import SharedPickler, SharedUnpickler
from .types import Article

CACHE_FILE = "articles.sqlite3"
SCHEMA = 2


class ArticleCache:
    """The kept articles of one content folder; `shared` are the registry
    objects (places, categories) articles point to, stored by position."""

    def __init__(self, folder: Path, content_dir: Path, shared: Sequence, registries: Iterable[Path]) -> None:
        self._shared = shared
        self._key = _key(content_dir, registries)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            self._open(folder / CACHE_FILE)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):
                raise  # busy beyond the timeout, or a full disk: not the file's fault
            self._db.close()  # a damaged file: start afresh
            (folder / CACHE_FILE).unlink()
            self._open(folder / CACHE_FILE)
        self._fresh: dict[str, tuple[str, bytes]] = {}
        self._buffer = io.BytesIO()
        self._pickler = SharedPickler(self._buffer, shared)  # one for every article: its memo cleared

    def _open(self, path: Path) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, timeout=30)  # a build and a preview may share it
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self._db.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        if row is None or row[0] != self._key:  # another code, registry or layout: start afresh
            self._db.execute("DROP TABLE IF EXISTS articles")
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (self._key,))
        self._db.execute("CREATE TABLE IF NOT EXISTS articles (path TEXT PRIMARY KEY, sha TEXT, article BLOB)")
        self._rows = {path: (sha, blob) for path, sha, blob
                      in self._db.execute("SELECT path, sha, article FROM articles")}

    def get(self, path: Path) -> Article | None:
        """The kept article of `path`, if its file and images are as they were."""
        row = self._rows.get(str(path))
        if row is None:
            return None
        sha, blob = row
        try:
            if _sha(path) != sha:
                return None
        except OSError:
            return None
        try:
            article = SharedUnpickler(io.BytesIO(blob), self._shared).load()
        except Exception:  # a damaged row is only a miss
            return None
        if not all(image.file.is_file() for image in (article.cover, *article.images) if image):
            return None
        return article

    def get_many(self, paths: Sequence[Path]) -> dict[Path, Article]:
        """The kept articles among `paths` (the garbage collector paused: many new objects, no garbage)."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            return {path: article for path in paths if (article := self.get(path)) is not None}
        finally:
            if enabled:
                gc.enable()

    def put(self, article: Article) -> None:
        """Keep an article that loaded without a problem."""
        article.lead, article.digest  # worked out once (by the loading process), kept with the article
        self._buffer.seek(0)
        self._buffer.truncate()
        self._pickler.clear_memo()
        self._pickler.dump(article)
        self._fresh[str(article.path)] = (_sha(article.path), self._buffer.getvalue())

    def save(self, paths: Iterable[Path]) -> None:
        """Write what changed; forget the files that are gone."""
        keep = {str(p) for p in paths}
        gone = [(p,) for p in self._rows if p not in keep and p not in self._fresh]
        if not self._fresh and not gone:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
                                     [(path, *row) for path, row in self._fresh.items()])
                self._db.executemany("DELETE FROM articles WHERE path = ?", gone)
        except sqlite3.OperationalError:
            pass  # another process (a preview beside a build) holds the file: the next load saves
        self._fresh.clear()

    def close(self) -> None:
        self._db.close()


def _key(content_dir: Path, registries: Iterable[Path]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{SCHEMA}\0{Path(content_dir).absolute()}\0".encode())
    for path in registries:
        digest.update(path.read_bytes() if path.is_file() else b"-")
    code = Path(__file__).parent
    for source in sorted(code.rglob("*.py")):
        digest.update(source.relative_to(code).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _sha(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
