"""Render pages on every core, with MkDocs' own page functions.

MkDocs reads and renders one page at a time. On a bulletin of tens of
thousands of pages both of its passes are split over forked workers that
share the finished build state (files, navigation, Jinja environment,
bulletin) copy-on-write and run exactly what MkDocs would run per page:

- `convert_markdown`: before MkDocs' first pass, workers convert the pages'
  Markdown (`_populate_page`, every plugin event included); the parent only
  gathers the new conversions into the render cache, so its own first pass
  finds every page converted.
- `render_templates`: once the Jinja environment is ready, workers render
  and write the pages (`_build_page`: context, template, plugin events,
  CSP seal, file write). The parent then hands MkDocs an empty template for
  those pages, which MkDocs skips without writing.

Warnings a worker logs are sent back and logged by the parent, so they are
shown once and `--strict` counts them. Workers are only forked from a
single-threaded process (`bulletin serve` watches files in threads and
renders one page at a time as MkDocs does).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from jinja2 import DictLoader, ChoiceLoader, Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..system import can_fork, cores
from .rendercache import CachedPage, Rendered

# Below this many pages the pool costs more than it saves. BULLETIN_PARALLEL_MIN
# overrides it (the tests use the parallel path on small sites).
PARALLEL_MIN = int(os.environ.get("BULLETIN_PARALLEL_MIN", 300))
CHUNK = 64

# The template MkDocs renders for a page a worker has already written: empty,
# so MkDocs writes nothing. Not markup: the theme's templates are untouched.
PRERENDERED = "bulletin-prerendered.html"


def worth_forking(pages: int) -> bool:
    return pages >= PARALLEL_MIN and cores() > 1 and can_fork()


@dataclass
class _Job:
    """What a forked worker finds in memory: set just before the fork."""

    pages: Sequence[Page]
    config: MkDocsConfig
    files: Files
    nav: Navigation | None = None
    env: Environment | None = None
    doc_files: Sequence[File] = field(default_factory=list)


_job: _Job | None = None


def convert_markdown(pages: Sequence[CachedPage], config: MkDocsConfig, files: Files,
                     tick: Callable[[int], None]) -> int:
    """Convert in workers the pages the cache lacks; returns how many were converted."""
    cache = CachedPage.cache
    if cache is None or not worth_forking(len(pages)):
        return 0
    converted = 0
    for fresh, _ in _run(_Job(pages, config, files), _convert_chunk, len(pages), tick):
        cache.fresh.update(fresh)
        converted += len(fresh)
    return converted


def render_templates(pages: Sequence[Page], config: MkDocsConfig, files: Files, nav: Navigation,
                     env: Environment, doc_files: Sequence[File], tick: Callable[[int], None]) -> bool:
    """Render and write every page in workers; False when they run here instead."""
    if not worth_forking(len(pages)):
        return False
    for _, records in _run(_Job(pages, config, files, nav, env, doc_files), _render_chunk, len(pages), tick):
        for record in records:
            logging.getLogger(record.name).handle(record)
    for page in pages:
        page.meta["template"] = PRERENDERED
    return True


def install_prerendered(env: Environment) -> None:
    """Let the environment find the empty template for pages already written."""
    env.loader = ChoiceLoader([DictLoader({PRERENDERED: ""}), env.loader])


def _run(job: _Job, work: Callable[[range], tuple], total: int,
         tick: Callable[[int], None]) -> Iterator[tuple]:
    global _job
    _job = job
    chunks = [range(start, min(start + CHUNK, total)) for start in range(0, total, CHUNK)]
    if job.env is not None:
        for name in {p.meta.get("template", "main.html") for p in job.pages}:
            job.env.get_template(name)  # compiled once here, not once per worker
    gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object
    try:
        with multiprocessing.get_context("fork").Pool(cores()) as pool:
            for result in pool.imap_unordered(work, chunks):
                tick(result[2])
                yield result[:2]
    finally:
        gc.unfreeze()
        _job = None


def _convert_chunk(indexes: range) -> tuple[dict[str, Rendered], list, int]:
    job = _job
    cache = CachedPage.cache.forked()
    CachedPage.cache = cache
    with _Collected():  # a page that warns is converted again, and warns, in the parent
        for i in indexes:
            _populate_page(job.pages[i], job.config, job.files)
    fresh, cache.fresh = dict(cache.fresh), {}
    return fresh, [], len(indexes)


def _render_chunk(indexes: range) -> tuple[None, list[logging.LogRecord], int]:
    job = _job
    with _Collected() as collected:
        for i in indexes:
            _build_page(job.pages[i], job.config, job.doc_files, job.nav, job.env)
    return None, collected.records, len(indexes)


class _Collected(logging.Handler):
    """Holds a worker's warnings for the parent instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self._saved: list[logging.Handler] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # picklable whatever the arguments
        record.exc_info = None
        self.records.append(record)

    def __enter__(self) -> "_Collected":
        logger = logging.getLogger("mkdocs")
        self._saved, logger.handlers = logger.handlers, [self]
        self._propagate, logger.propagate = logger.propagate, False
        return self

    def __exit__(self, *exc) -> None:
        logger = logging.getLogger("mkdocs")
        logger.handlers, logger.propagate = self._saved, self._propagate
