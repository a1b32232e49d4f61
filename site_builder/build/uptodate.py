"""A build with nothing to do does nothing: the stamp of the last build.

After a build that published the site without a warning, a stamp in
`.cache/build/stamp.json` records what the site was built from and which
site that build published:

- the inputs: every file under the content folder, the theme folders and
  the builder's own code (path, size and modification time, as `git status`
  looks at a work tree), mkdocs.yml, and the values a build depends on
  beyond files (the day that decides embargoes, the options, the versions);
- the published site: every file in it (size and modification time), so a
  page changed or deleted by hand is built again.

When the next build finds the same inputs and the same published site, it
would write the same bytes, so it stops at once. A build that warned is
never stamped (the next one repeats the warnings, and `--strict` still
fails); a killed build leaves the old stamp, which no longer matches the
site it would have published. Deleting `.cache/` makes the next build a
full one.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..system import write_atomically

STAMP = "stamp.json"
FORMAT = 1


@dataclass(frozen=True)
class Inputs:
    """What a build reads: folders (every file in them), single files, other values."""

    folders: tuple[Path, ...]
    files: tuple[Path, ...]
    values: tuple[str, ...]

    def digest(self) -> str:
        digest = hashlib.blake2b(digest_size=20)
        for value in self.values:
            digest.update(f"value\0{value}\n".encode())
        for path in self.files:
            digest.update(f"file\0{path}\0{_stat(path)}\n".encode())
        for folder in self.folders:
            digest.update(f"folder\0{folder}\n".encode())
            for line in _tree(folder):
                digest.update(line.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()


class Stamp:
    """The stamp of one site, kept in the given cache folder."""

    def __init__(self, cache: Path) -> None:
        self.path = Path(cache) / STAMP

    def current(self, inputs: str, site: Path) -> bool:
        """True when the published `site` was built from these very inputs."""
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(data, dict) and data.get("format") == FORMAT \
            and data.get("inputs") == inputs and data.get("site") == _site(site)

    def record(self, inputs: str, site: Path) -> None:
        """The build of `inputs` has just published `site` without a warning."""
        if (published := _site(site)) is not None:
            write_atomically(self.path, json.dumps({"format": FORMAT, "inputs": inputs, "site": published}))

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def _stat(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return "-"
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _tree(folder: Path) -> Iterable[str]:
    """One line per file under `folder` (size and modification time), in a
    stable order; Python's byte-code caches are not inputs."""
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            yield f"{current}\0-\n"
            continue
        for entry in entries:
            if entry.name == "__pycache__":
                continue
            if entry.is_dir(follow_symlinks=True):
                stack.append(entry.path)
            else:
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                yield f"{entry.path}\0{stat.st_size}:{stat.st_mtime_ns}\n"


def _site(site: Path) -> str | None:
    """Every file of the published site, as one digest (None: no site)."""
    return Inputs(folders=(Path(site),), files=(), values=()).digest() if Path(site).is_dir() else None
