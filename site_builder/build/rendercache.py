"""Rendered Markdown, cached by content hash across builds.

Converting a page's Markdown is the biggest cost of a page after its
template, and MkDocs pays another half millisecond per page building a
fresh Markdown instance. Between two builds almost every article is
unchanged, so its HTML, table of contents, anchors and title are kept in a
SQLite file (`.cache/pages.sqlite3` beside mkdocs.yml) under a key made of
everything the conversion depends on:

- the Markdown text the page hands to the converter (after the plugins'
  `page_markdown` events) and the page's source path (links are relative);
- the Markdown settings (extensions and their options) and the MkDocs and
  package versions (a new converter may render differently);
- the published images (their URLs carry their content hash);
- for a page that links to other pages, the set of documentation files
  (a link resolves differently when its target appears or goes).

A conversion that logged a warning (a broken link, say) is never cached,
so every build repeats the warning and `--strict` still fails.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

CACHE_FILE = "pages.sqlite3"
SCHEMA_VERSION = 2

# A link or image to another documentation page makes the HTML depend on the file set.
PAGE_LINK = re.compile(r"\]\([^)\s]*\.md\b|\]:\s*\S*\.md\b|href=", re.I)

Rendered = dict[str, Any]  # content, toc, title, anchors: what `Page.render` produces


def stable(value: Any) -> Any:
    """A JSON form of settings that is the same in every process.

    `repr` would not do: functions (a slugify from mkdocs.yml) and extension
    objects show their memory address.
    """
    if isinstance(value, dict):
        return sorted([str(k), stable(v)] for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return [stable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, functools.partial):
        return [stable(value.func), stable(value.args), stable(value.keywords)]
    kind = value if callable(value) and hasattr(value, "__qualname__") else type(value)
    name = f"{kind.__module__}.{kind.__qualname__}"
    config = getattr(value, "config", None)  # a Markdown extension object's options
    if isinstance(config, dict):
        return [name, stable({k: v[0] if isinstance(v, list) and v else v for k, v in config.items()})]
    return name


class RenderCache:
    """The SQLite store; read in the building process, written after the build."""

    def __init__(self, folder: Path, settings: str, files_digest: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / CACHE_FILE
        self.settings = settings
        self.files_digest = files_digest
        self.fresh: dict[str, Rendered] = {}  # rendered in this build, written by `save`
        self.used: set[str] = set()
        self.hits = 0
        try:
            self._db = _open(self.path)
        except sqlite3.DatabaseError:  # a damaged cache file (a full disk, say): start afresh
            self.path.unlink(missing_ok=True)
            self._db = _open(self.path)

    def forked(self) -> "RenderCache":
        """The same cache for a forked worker, which must not share the parent's connection."""
        return RenderCache(self.path.parent, self.settings, self.files_digest)

    def key(self, source: str, markdown: str) -> str:
        digest = hashlib.sha256()
        for part in (self.settings, source, markdown,
                     self.files_digest if PAGE_LINK.search(markdown) else ""):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> Rendered | None:
        self.used.add(key)
        if (found := self.fresh.get(key)) is not None:
            return found
        row = self._db.execute("SELECT value FROM pages WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return json.loads(row[0])

    def put(self, key: str, rendered: Rendered) -> None:
        self.used.add(key)
        self.fresh[key] = rendered

    def save(self) -> None:
        """Store this build's new renders and drop those no page used (the cache stays the site's size)."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)",
                                 ((k, json.dumps(v, ensure_ascii=False)) for k, v in self.fresh.items()))
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM used")
            self._db.executemany("INSERT INTO used VALUES (?)", ((k,) for k in self.used))
            self._db.execute("DELETE FROM pages WHERE key NOT IN (SELECT key FROM used)")
        self.fresh.clear()

    def close(self) -> None:
        self._db.close()


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    return db
