"""One unit of work per source image, run in a worker process.

A job decodes its source once and writes every output it still lacks
(all responsive widths in WebP and JPEG, the share image for a cover).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cache import ImageCache
from .render import ImageError, SourceInfo, open_source, render
from ..system import write_atomically
from .settings import JPEG, WEBP, ImageSettings, OutputSpec
from .sizes import variant_widths


def web_specs(info: SourceInfo, settings: ImageSettings) -> list[OutputSpec]:
    """The responsive variants of a source: each width in WebP, then in JPEG."""
    widths = variant_widths(info.width, settings.widths)
    return [OutputSpec("web", fmt, width, None, settings.quality)
            for fmt in (WEBP, JPEG) for width in widths]


def share_spec(settings: ImageSettings) -> OutputSpec:
    """The Open Graph picture: JPEG, which every chat app's preview reads."""
    width, height = settings.share_size
    return OutputSpec("share", JPEG, width, height, settings.quality)


def specs_for(info: SourceInfo, settings: ImageSettings, share: bool) -> list[OutputSpec]:
    specs = web_specs(info, settings)
    return specs + [share_spec(settings)] if share else specs


@dataclass(frozen=True)
class Job:
    source: Path
    sha: str
    cache_root: Path
    settings: ImageSettings
    share: bool


@dataclass(frozen=True)
class JobResult:
    sha: str
    info: dict
    written: int


def run_job(job: Job) -> JobResult:
    """Decode once, write what is missing, record what the source is.

    Runs in a worker process: it must never raise for bad input.
    """
    cache = ImageCache(job.cache_root)
    settings = job.settings
    largest = max(*settings.widths, *settings.share_size)
    try:
        image, info = open_source(job.source, settings.max_pixels, largest)
    except ImageError as exc:
        record = {"error": {"message": exc.message, "hint": exc.hint}}
        cache.write_info(job.sha, record)
        return JobResult(job.sha, record, 0)
    written = 0
    for spec in specs_for(info, settings, job.share):
        target = cache.output(job.sha, spec)
        if not target.exists():
            write_atomically(target, render(image, spec))
            written += 1
    record = {"width": info.width, "height": info.height, "animated": info.animated}
    cache.write_info(job.sha, record)
    return JobResult(job.sha, record, written)
