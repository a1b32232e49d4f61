"""Run image jobs over all cores, with a progress bar on a terminal.

Workers are forked when this process runs a single thread (cheap, and the
main module is not imported again); otherwise they are spawned, because a
forked copy of a threaded process (`bulletin serve` watches files in threads)
can deadlock. If the pool breaks anyway, the remaining jobs run here.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext

import click

from .jobs import Job, JobResult, run_job

# Below this many images a progress bar would only flicker.
PROGRESS_MIN = 20


def run_jobs(jobs: list[Job], workers: int | None = None) -> list[JobResult]:
    """Every job's result; in parallel when there is more than one job."""
    if not jobs:
        return []
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    with _progress(len(jobs)) as bar:
        done: dict[int, JobResult] = {}
        try:
            if workers == 1:
                raise BrokenProcessPool  # no pool for one worker: straight to the loop below
            with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
                futures = {pool.submit(run_job, job): i for i, job in enumerate(jobs)}
                for future in as_completed(futures):
                    done[futures[future]] = future.result()
                    _tick(bar)
        except (BrokenProcessPool, OSError):
            for i, job in enumerate(jobs):
                if i not in done:
                    done[i] = run_job(job)
                    _tick(bar)
        return [done[i] for i in range(len(jobs))]


def _context():
    single = threading.active_count() == 1
    method = "fork" if single and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _tick(bar) -> None:
    if bar is not None:
        bar.update(1)


def _progress(total: int):
    """A bar on an interactive terminal only: logs and CI stay quiet."""
    if total < PROGRESS_MIN or os.environ.get("CI") or not sys.stderr.isatty():
        return nullcontext(None)
    return click.progressbar(length=total, label="正在处理图片", file=sys.stderr,
                             show_pos=True, show_eta=True)
