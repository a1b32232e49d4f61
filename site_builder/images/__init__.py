"""The image pipeline: every picture the site or the PDF publishes passes here.

- `prepare_images(bulletin, settings, cache_dir)` → `ImageCatalog`: responsive
  WebP + JPEG variants and 1200×630 share pictures, upright and without any
  metadata, cached by content hash + parameters, processed over all cores.
- `print_variant(source, width_mm, dpi=300, cache_dir=…)` → a print JPEG.
- `ImageSettings`: the parameters (the plugin's `images_*` options).

Nothing here knows MkDocs: the web adapter lives in site_builder.mkdocs.images.
Names are imported lazily, so a worker process that only renders does not
pay for loading the content core.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "ImageCache": "cache",
    "ImageCatalog": "catalog", "PublishedImage": "catalog", "Variant": "catalog",
    "prepare_images": "catalog",
    "print_variant": "printing",
    "ImageError": "render",
    "ImageSettings": "settings",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .cache import ImageCache
    from .catalog import ImageCatalog, PublishedImage, Variant, prepare_images
    from .printing import print_variant
    from .render import ImageError
    from .settings import ImageSettings


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
