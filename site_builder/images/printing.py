"""Print-resolution pictures for the PDF export.

    from site_builder.images import print_variant
    path = print_variant(article.cover.file, width_mm=80, cache_dir=site_root / ".cache/images")

returns a JPEG (sRGB, upright, no metadata) wide enough for `width_mm` at
`dpi` — never upscaled: a small source comes back at its own width, and
`bulletin check` has already warned about it. Files are cached like the web
variants, keyed by content and size, so repeated exports cost nothing.
"""

from __future__ import annotations

from pathlib import Path

from .cache import ImageCache
from .render import ImageError, open_source, render
from ..system import write_atomically
from .settings import JPEG, ImageSettings, OutputSpec
from .sizes import print_pixels

PRINT_QUALITY = 90


def print_variant(source: Path, width_mm: float, dpi: int = 300, *, cache_dir: Path,
                  settings: ImageSettings = ImageSettings()) -> Path:
    """The path of a cached JPEG of `source` for printing `width_mm` wide at `dpi`.

    Raises `ImageError` (Chinese message and hint) for a file that cannot be
    read; `bulletin check` reports those with the article and line first.
    """
    source = Path(source)
    if width_mm <= 0 or dpi <= 0:
        raise ValueError("width_mm and dpi must be positive")
    cache = ImageCache(cache_dir)
    sha = cache.sha(source)
    info = cache.read_info(sha)
    needed = print_pixels(width_mm, dpi)
    if info and "error" in info:
        raise ImageError(info["error"]["message"], info["error"]["hint"])
    if info and "width" in info:
        target = cache.output(sha, _spec(min(needed, info["width"])))
        if target.exists():
            cache.save_index()
            return target
    image, found = open_source(source, settings.max_pixels)
    target = cache.output(sha, _spec(min(needed, found.width)))
    if not target.exists():
        write_atomically(target, render(image, _spec(min(needed, found.width))))
    cache.save_index()
    return target


def _spec(width: int) -> OutputSpec:
    return OutputSpec("print", JPEG, width, None, PRINT_QUALITY)
