"""What every part of the build asks of the machine, answered once.

- files: hard-link a file or copy it where links cannot go; write a file
  so a crash never leaves half of it;
- cores: how many this process may use, and whether it may fork workers;
- the terminal: a progress bar on an interactive terminal only;
- caches: where a site keeps them (`.cache/` beside mkdocs.yml).

Nothing here knows MkDocs or the content.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import click

CACHE = ".cache"


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """Hard-link `source` as `target`; copy it on a file system that cannot link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def copy_tree(source: Path, target: Path) -> None:
    """A folder's files linked (or copied) into `target`, which must not exist."""
    shutil.copytree(source, target, copy_function=link_or_copy)


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write via a temporary name beside `path`: a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(temporary, 0o644)  # mkstemp's file is private; a published file is readable by the web server
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def writing_atomically(path: Path) -> Iterator[Path]:
    """A temporary path to write `path` through (for writers that want a file name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o644)  # mkstemp's file is private; a published file is readable by the web server
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """True when forking workers is safe: the platform forks and this process
    runs one thread (a forked copy of a threaded process, such as `bulletin
    serve` watching files, can deadlock on a lock another thread held)."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def on_terminal() -> bool:
    """An interactive terminal, where a progress bar helps (not a log, a pipe or CI)."""
    return not os.environ.get("CI") and sys.stderr.isatty()


@contextmanager
def progress_bar(label: str, total: int, minimum: int, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """Yields `tick(n)`: n more of `total` steps are done. A bar is drawn only
    on a terminal and for at least `minimum` steps (fewer would only flicker)."""
    if not enabled or total < minimum or not on_terminal():
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True) as bar:
        yield bar.update


def cache_dir(site_root: Path, name: str, setting: str | None = None) -> Path:
    """A cache folder of the site whose mkdocs.yml is in `site_root`:
    `setting` (relative to it) when the site names one, else `.cache/<name>`."""
    return Path(site_root) / (setting or f"{CACHE}/{name}")
