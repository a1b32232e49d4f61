"""The image pipeline's parameters, frozen: they are part of every cache key.

An output file is fully described by its source's content hash and an
`OutputSpec`; change a setting and the spec (so the file name) changes too.
"""

from __future__ import annotations

from dataclasses import dataclass

# Bump when the pipeline's code changes what it writes: old cache entries are
# then ignored instead of being served.
PIPELINE_VERSION = 1

WEBP, JPEG = "webp", "jpeg"
SUFFIX = {WEBP: ".webp", JPEG: ".jpg"}
MIME = {WEBP: "image/webp", JPEG: "image/jpeg"}


@dataclass(frozen=True)
class ImageSettings:
    """What the site asks of its images (the plugin's `images_*` options)."""

    widths: tuple[int, ...] = (480, 960, 1600)
    quality: int = 80
    share_size: tuple[int, int] = (1200, 630)
    # A photo above this many pixels is refused: a phone's 50-megapixel photo
    # passes, a "decompression bomb" of a few KB that unpacks to gigabytes does not.
    max_pixels: int = 100_000_000
    print_dpi: int = 200
    print_width_mm: float = 80.0
    workers: int | None = None  # None: one per core


@dataclass(frozen=True)
class OutputSpec:
    """One output file made from a source: a width (and a crop for fixed sizes)."""

    kind: str            # "web", "share" or "print"
    format: str          # WEBP or JPEG
    width: int
    height: int | None   # fixed height: crop to fill (the share image)
    quality: int

    @property
    def key(self) -> str:
        """The file name of this output in the cache: it names every parameter."""
        size = f"{self.width}x{self.height}" if self.height else f"{self.width}w"
        return f"{self.kind}-{size}-q{self.quality}-v{PIPELINE_VERSION}{SUFFIX[self.format]}"

    @property
    def label(self) -> str:
        """The part of the published file name after the source's stem."""
        return "share" if self.kind == "share" else f"{self.width}w"
