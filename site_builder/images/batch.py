"""Run image jobs over all cores, with a progress bar on a terminal.

Workers are forked when this process runs a single thread (cheap, and the
main module is not imported again); otherwise they are spawned, because a
forked copy of a threaded process (`bulletin serve` watches files in threads)
can deadlock. If the pool breaks anyway, the remaining jobs run here.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from ..system import can_fork, cores, progress_bar
from .jobs import Job, JobResult, run_job

# Below this many images a progress bar would only flicker.
PROGRESS_MIN = 20


def run_jobs(jobs: list[Job], workers: int | None = None) -> list[JobResult]:
    """Every job's result; in parallel when there is more than one job."""
    if not jobs:
        return []
    workers = min(len(jobs), workers or cores())
    with progress_bar("正在处理图片", len(jobs), PROGRESS_MIN) as tick:
        done: dict[int, JobResult] = {}
        try:
            if workers == 1:
                raise BrokenProcessPool  # no pool for one worker: straight to the loop below
            with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
                futures = {pool.submit(run_job, job): i for i, job in enumerate(jobs)}
                for future in as_completed(futures):
                    done[futures[future]] = future.result()
                    tick(1)
        except (BrokenProcessPool, OSError):
            for i, job in enumerate(jobs):
                if i not in done:
                    done[i] = run_job(job)
                    tick(1)
        return [done[i] for i in range(len(jobs))]


def _context():
    return multiprocessing.get_context("fork" if can_fork() else "spawn")
