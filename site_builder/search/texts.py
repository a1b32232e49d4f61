"""The word-cut text of each article, kept by a hash of what it is made from.

Making a record's text (Markdown → HTML → text → words) is most of the cost
of indexing an article: 1.1 ms, 5.5 s per 5,000 articles. A shard that must
be indexed again after a one-article edit holds hundreds of unchanged
articles; their texts come from this store instead. Stored compressed in one
SQLite file (about a third of the plain size), so 25,000 articles stay near
70 MB on disk.
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path
from typing import Iterable

from .records import Source

# Keep rows of articles no longer in the archive only up to this share of the
# live ones: an edited article leaves its old text behind each time.
SLACK = 0.25


class TextStore:
    """Texts by `Source.text_key`, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.made = 0  # texts made (not read) by this store: tests and the log count them
        self._db = sqlite3.connect(path)
        try:
            self._db.execute("CREATE TABLE IF NOT EXISTS texts (key TEXT PRIMARY KEY, text BLOB NOT NULL)")
        except sqlite3.DatabaseError:  # a damaged file is only a cache: start over
            self._db.close()
            path.unlink()
            self._db = sqlite3.connect(path)
            self._db.execute("CREATE TABLE texts (key TEXT PRIMARY KEY, text BLOB NOT NULL)")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TextStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def texts(self, items: Iterable[Source]) -> list[str]:
        """The text of each source, in order: stored ones read, others made and stored."""
        items = list(items)
        found = self._read({s.text_key for s in items})
        made = {}
        for item in items:
            if item.text_key not in found and item.text_key not in made:
                made[item.text_key] = item.text()
        self.made += len(made)
        if made:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO texts VALUES (?, ?)",
                                     ((k, zlib.compress(v.encode(), 1)) for k, v in made.items()))
        found.update(made)
        return [found[s.text_key] for s in items]

    def _read(self, keys: set[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        ordered = sorted(keys)
        for start in range(0, len(ordered), 500):  # SQLite's limit on parameters
            batch = ordered[start:start + 500]
            marks = ",".join("?" * len(batch))
            for key, blob in self._db.execute(f"SELECT key, text FROM texts WHERE key IN ({marks})", batch):
                found[key] = zlib.decompress(blob).decode()
        return found

    def prune(self, live: Iterable[Source]) -> None:
        """Forget texts of articles no longer in the archive, once they add up."""
        keys = {s.text_key for s in live}
        (count,) = self._db.execute("SELECT COUNT(*) FROM texts").fetchone()
        if count <= len(keys) * (1 + SLACK) + 100:
            return
        with self._db:
            self._db.execute("CREATE TEMP TABLE live (key TEXT PRIMARY KEY)")
            self._db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((k,) for k in keys))
            self._db.execute("DELETE FROM texts WHERE key NOT IN (SELECT key FROM live)")
            self._db.execute("DROP TABLE live")
        self._db.execute("VACUUM")
