"""Pages that did not change are not built again: the new site links the old file.

Rendering Material's templates is most of a build's time, and after a
one-article edit almost every page would come out byte for byte as before.
Each page gets a fingerprint: the build's settings (configuration, theme
files, registries, versions) and the page's own values (site_builder.content
.fingerprint). A manifest in `.cache/pages/` keeps, for every page of the
published site, the fingerprint it was built from and the size and
modification time of its file.

When a page's fingerprint is the same and its file in the published site
is still the one the manifest describes, the page is neither converted nor
rendered: the file is hard-linked from the published site into the staging
folder (atomic.py), so the published site itself is never written to. A
page that logged a warning is never reused, so every build repeats the
warning and `--strict` still fails.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from ..system import link_or_copy, write_atomically

Page = Any  # the engine's page object: reuse only hands it back to the engine's callables

MANIFEST = "outputs.json"
FORMAT = 1


@dataclass(frozen=True)
class Output:
    fingerprint: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, fingerprint: str, path: Path) -> "Output | None":
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(fingerprint, stat.st_size, stat.st_mtime_ns)


class PageReuse:
    """One per plugin instance; each build goes plan → link → record."""

    def __init__(self) -> None:
        self.reused: set[str] = set()  # dest paths of the pages this build links
        self.pages = 0  # pages planned in this build
        self._planned: dict[str, tuple[str, Page]] = {}  # dest path → fingerprint and page
        self._previous: dict[str, Output] = {}
        self._live: Path | None = None
        self._manifest: Path | None = None

    def plan(self, pages: Iterable[Page], fingerprint: Callable[[Page], str | None],
             dest: Callable[[Page], str], live_site: Path | None, cache: Path) -> list[Page]:
        """Fingerprint every page; return those whose published file can be reused.

        `dest` gives a page's file in the site (`stories/2022/x/index.html`).
        """
        self.reused.clear()
        self._planned.clear()
        self._live, self._manifest = live_site, cache / MANIFEST
        self._previous = _load(self._manifest) if live_site is not None else {}
        chosen: list[Page] = []
        self.pages = 0
        for page in pages:
            self.pages += 1
            print_ = fingerprint(page)
            if print_ is None:
                continue
            path = dest(page)
            self._planned[path] = print_, page
            before = self._previous.get(path)
            if before is not None and before.fingerprint == print_ and live_site is not None \
                    and Output.of(print_, live_site / path) == before:
                self.reused.add(path)
                chosen.append(page)
        return chosen

    def link(self, staging: Path) -> None:
        """Put the reused pages' published files into the new site."""
        live = self._live
        if live is None:
            return
        made: set[str] = set()
        for dest in sorted(self.reused):
            folder = os.path.dirname(dest)
            if folder not in made:
                _make_folder(os.path.join(staging, folder))
                made.add(folder)
            link_or_copy(os.path.join(live, dest), os.path.join(staging, dest))

    def record(self, staging: Path, reusable: Callable[[Page], bool]) -> None:
        """Keep what this build wrote, for the next one (the published site's files
        will be these, under the same names, once the build is swapped in).
        Pages not `reusable` (they logged a warning) are left out."""
        if self._manifest is None:
            return
        outputs = {}
        for dest, (print_, page) in self._planned.items():
            if not reusable(page):
                continue
            found = self._previous[dest] if dest in self.reused else Output.of(print_, staging / dest)
            if found is not None:
                outputs[dest] = [found.fingerprint, found.size, found.mtime_ns]
        write_atomically(self._manifest, json.dumps({"format": FORMAT, "outputs": outputs}, separators=(",", ":")))


def _make_folder(path: str) -> None:
    """os.makedirs, quicker where the parent folder is there (nearly always)."""
    try:
        os.mkdir(path)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(path, exist_ok=True)


def _load(path: Path) -> dict[str, Output]:
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != FORMAT:
            return {}
        return {dest: Output(*row) for dest, row in data["outputs"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}  # no manifest, or a damaged one: build every page


def folder_digest(folders: Iterable[Path]) -> str:
    """The contents of the theme's own files (templates, CSS, scripts)."""
    digest = hashlib.blake2b(digest_size=20)
    for folder in folders:
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
