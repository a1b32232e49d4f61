"""Run image jobs over all cores, with a progress bar on a terminal.

Worker processes are started with "spawn": a forked copy of a process that
runs threads (`bulletin serve` watches files in threads) can deadlock.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import nullcontext
from typing import Iterable, Iterator

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
        if workers == 1:
            return list(_ticking((run_job(job) for job in jobs), bar))
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(run_job, job) for job in jobs]
            return list(_ticking((f.result() for f in as_completed(futures)), bar))


def _ticking(results: Iterable[JobResult], bar) -> Iterator[JobResult]:
    for result in results:
        if bar is not None:
            bar.update(1)
        yield result


def _progress(total: int):
    """A bar on an interactive terminal only: logs and CI stay quiet."""
    if total < PROGRESS_MIN or os.environ.get("CI") or not sys.stderr.isatty():
        return nullcontext(None)
    return click.progressbar(length=total, label="正在处理图片", file=sys.stderr,
                             show_pos=True, show_eta=True)
