"""Load a long list of files on every core, with the results of one process.

The list is cut into consecutive shares. Forked children load theirs and send
the result back pickled; this process loads the first share meanwhile, then
appends the children's results in order, so articles and problems come out
exactly as a one-process load would give them. Objects shared with the
parent (the places and categories the articles point to) travel as numbers
and come back as the parent's own objects.

Anything unusual makes the parent load that share itself: a child that
fails, a platform without fork, or other threads in this process (a fork
copies locks other threads may hold, e.g. under `mkdocs serve`).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
from typing import Callable, Sequence, TypeVar

from ..system import can_fork, cores
from .problems import Problems

T = TypeVar("T")

MIN_SHARE = 250  # fewer files per process are not worth a fork


def workers(count: int) -> int:
    """How many processes should share `count` files."""
    if not can_fork():
        return 1
    return max(1, min(cores(), count // MIN_SHARE))


def load_all(items: Sequence, load: Callable[[Sequence, Problems], list[T]], problems: Problems,
             shared: Sequence = (), processes: int | None = None) -> list[T]:
    """`load(items, problems)`, on several processes when that pays.

    `shared` lists the objects that results may point to and that must stay
    the parent's own (compared by identity).
    """
    processes = workers(len(items)) if processes is None else processes
    if processes <= 1 or len(items) < 2:
        return load(items, problems)
    size = -(-len(items) // processes)
    shares = [items[i:i + size] for i in range(0, len(items), size)]
    children = []
    try:
        for share in shares[1:]:
            children.append(_Child.start(share, load, problems.root, shared))
        results = load(shares[0], problems)
        for child in children:
            results.extend(child.collect(load, problems, shared))
        return results
    finally:
        for child in children:
            child.stop()


class _Child:
    """One forked process loading one share."""

    def __init__(self, pid: int, fd: int, share: Sequence) -> None:
        self.pid, self.fd, self.share = pid, fd, share

    @classmethod
    def start(cls, share: Sequence, load, root, shared: Sequence) -> "_Child":
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: load, send, and leave without any cleanup of the parent's
            code = 1
            try:
                os.close(read)
                mine = Problems(root=root)
                result = load(share, mine)
                with os.fdopen(write, "wb") as out:
                    SharedPickler(out, shared).dump((result, mine))
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        return cls(pid, read, share)

    def collect(self, load, problems: Problems, shared: Sequence) -> list:
        """The child's results; loaded here instead when the child failed."""
        received = None
        try:
            with os.fdopen(self.fd, "rb") as stream:
                self.fd = None
                enabled = gc.isenabled()
                gc.disable()  # many new objects, none of them garbage
                try:
                    received = SharedUnpickler(stream, shared).load()
                finally:
                    if enabled:
                        gc.enable()
        except Exception:
            received = None
        if self._wait() != 0 or received is None:
            return load(self.share, problems)
        result, theirs = received
        problems.extend(theirs)
        return result

    def _wait(self) -> int:
        if self.pid is None:
            return -1
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return status

    def stop(self) -> None:
        """Close and reap; a child still at work (the parent failed) is killed."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._wait()


class SharedPickler(pickle.Pickler):
    """Pickles objects of `shared` as their position in it (see SharedUnpickler)."""

    def __init__(self, file, shared: Sequence) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared = {id(obj): index for index, obj in enumerate(shared)}

    def persistent_id(self, obj):
        return self._shared.get(id(obj))


class SharedUnpickler(pickle.Unpickler):
    """Gives back `shared`'s own objects for what SharedPickler stored as positions."""

    def __init__(self, file, shared: Sequence) -> None:
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, pid):
        return self._shared[pid]
