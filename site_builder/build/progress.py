"""What `bulletin build` shows while it works: one bar per stage on a terminal.

Pages, the search index and (once `bulletin print` exists) PDFs each get a
line; images have their own bar in site_builder.images. Nothing is shown in
a log, a pipe or CI, where a bar would only fill the log with control codes.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

import click

from ..system import progress_bar

# Below this many steps a bar would only flicker.
PROGRESS_MIN = 200


class Progress:
    """Progress of one build; silent unless `enabled` (set by `bulletin build`)."""

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled

    @contextmanager
    def bar(self, label: str, total: int) -> Iterator[Callable[[int], None]]:
        """Yields `tick(n)`: n more steps of `total` are done."""
        with progress_bar(label, total, PROGRESS_MIN, self.enabled) as tick:
            yield tick

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        """A stage with no count: its name now, its time when done."""
        if not self.enabled:
            yield
            return
        click.echo(f"{label}……", file=sys.stderr, nl=False)
        started = time.perf_counter()
        yield
        click.echo(f"完成（{time.perf_counter() - started:.1f} 秒）", file=sys.stderr)
