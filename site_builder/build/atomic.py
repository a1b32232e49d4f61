"""Atomic builds: the published site is replaced only by a complete new one.

MkDocs cleans `site_dir` first and then writes page after page, so a failed,
interrupted or killed build would leave residents with half a site. Instead
the build writes into a staging folder beside the site (`.site.new-<pid>`),
and only when every page and output is written is the old site swapped out
(two renames on the same file system) and removed in the background.

A lock file beside the site (`.site.lock`, held with flock, so the kernel
releases it even when the build is killed) keeps two builds from writing
the same site at once; the second gets a clear message.

Leftovers of a killed build are tidied by the next one: a staging folder is
removed, and a site that was moved aside but not yet replaced is put back.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO


class BuildLocked(Exception):
    """Another build holds the site's lock; the message is Chinese."""


@dataclass
class AtomicBuild:
    """One build of `target`, written to a staging folder and swapped in."""

    target: Path
    staging: Path = field(init=False)
    completed: bool = False
    failed: bool = False
    _lock: IO[str] | None = None

    def __post_init__(self) -> None:
        self.target = Path(self.target).absolute()
        self.staging = self._sibling(f"new-{os.getpid()}")

    def _sibling(self, suffix: str) -> Path:
        return self.target.with_name(f".{self.target.name}.{suffix}")

    def begin(self) -> Path:
        """Take the lock, tidy leftovers, and return the folder to build into."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _acquire(self._sibling("lock"), self.target)
        self._recover()
        self.staging.mkdir()
        return self.staging

    def finish(self) -> bool:
        """Swap the new site in if the build completed; else drop it. Always unlocks.

        Returns True when the new site was published.
        """
        try:
            if self.completed and not self.failed:
                self._swap()
                return True
            shutil.rmtree(self.staging, ignore_errors=True)
            return False
        finally:
            self._release()

    def _swap(self) -> None:
        aside = self._sibling(f"old-{os.getpid()}")
        if self.target.exists() or self.target.is_symlink():
            os.rename(self.target, aside)
        os.rename(self.staging, self.target)
        _remove_in_background(aside)

    def _recover(self) -> None:
        """Undo what a killed build left behind (we hold the lock, so it is dead)."""
        leftovers = sorted(self.target.parent.glob(f".{self.target.name}.*"))
        for path in leftovers:
            if ".old-" in path.name and not self.target.exists():
                os.rename(path, self.target)  # killed between the two renames
        for path in leftovers:
            if path.exists() and (".new-" in path.name or ".old-" in path.name):
                shutil.rmtree(path, ignore_errors=True)

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases the flock
            self._lock = None


def _remove_in_background(folder: Path) -> None:
    """Delete the replaced site without keeping the caller waiting: unlinking
    a large archive's tens of thousands of files takes seconds, and the new
    site is already live. The shell puts `rm` in the background and exits at
    once, so no child is left to wait for; a next build tidies what is left."""
    if not folder.exists():
        return
    try:
        subprocess.run(["sh", "-c", 'rm -rf -- "$1" >/dev/null 2>&1 &', "sh", str(folder)],
                       stdin=subprocess.DEVNULL, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        shutil.rmtree(folder, ignore_errors=True)


def _acquire(lock_path: Path, target: Path) -> IO[str]:
    handle = open(lock_path, "a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        handle.seek(0)
        holder = handle.read().strip() or "未知"
        handle.close()
        raise BuildLocked(f"另一个生成任务（进程 {holder}）正在生成 {target.name}/，"
                          "两个任务同时写会弄坏网站。请等它完成后再试。") from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle
