"""Run one function over a long list on every core, in forked workers.

The workers share the parent's finished state (pages, navigation, Jinja
environment, bulletin) copy-on-write: the state is set just before the fork
and each worker runs `work(state, indexes)` over consecutive chunks. What a
worker returns goes back pickled; the warnings it logs are held and handed
back, so the parent logs them once (and `--strict` counts them).

Workers are only forked from a single-threaded process (system.can_fork).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from typing import Any, Callable, Iterator

from ..system import can_fork, cores

# Below this many items the pool costs more than it saves. BULLETIN_PARALLEL_MIN
# overrides it (the tests use the parallel path on small sites).
PARALLEL_MIN = int(os.environ.get("BULLETIN_PARALLEL_MIN", 300))
CHUNK = 64

Work = Callable[[Any, range], Any]

_state: Any = None
_work: Work | None = None
_loggers: tuple[str, ...] = ()


def worth_forking(items: int) -> bool:
    """True when `items` are many enough and this process may fork."""
    return items >= PARALLEL_MIN and cores() > 1 and can_fork()


def run(state: Any, work: Work, total: int, tick: Callable[[int], None],
        loggers: tuple[str, ...] = ("mkdocs",), relog: bool = True) -> Iterator[Any]:
    """Yield `work(state, chunk)` for every chunk of range(total), in any order.

    Warnings logged below `loggers` in a worker are logged again here, or
    dropped when not `relog` (the parent repeats that work and warns itself).
    """
    global _state, _work, _loggers
    _state, _work, _loggers = state, work, loggers
    chunks = [range(start, min(start + CHUNK, total)) for start in range(0, total, CHUNK)]
    gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object
    try:
        with multiprocessing.get_context("fork").Pool(cores()) as pool:
            for result, records, done in pool.imap_unordered(_chunk, chunks):
                for record in records if relog else ():
                    logging.getLogger(record.name).handle(record)
                tick(done)
                yield result
    finally:
        gc.unfreeze()
        _state = _work = None


def _chunk(indexes: range) -> tuple[Any, list[logging.LogRecord], int]:
    with Collected(_loggers) as collected:
        result = _work(_state, indexes)
    return result, collected.records, len(indexes)


class Collected(logging.Handler):
    """Holds warnings logged below some loggers instead of printing them."""

    def __init__(self, loggers: tuple[str, ...]) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self._names = loggers
        self._saved: list[tuple[list[logging.Handler], bool]] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # picklable whatever the arguments
        record.exc_info = None
        self.records.append(record)

    def __enter__(self) -> "Collected":
        for name in self._names:
            logger = logging.getLogger(name)
            self._saved.append((logger.handlers, logger.propagate))
            logger.handlers, logger.propagate = [self], False
        return self

    def __exit__(self, *exc) -> None:
        for name, (handlers, propagate) in zip(self._names, self._saved):
            logger = logging.getLogger(name)
            logger.handlers, logger.propagate = handlers, propagate
        self._saved.clear()
