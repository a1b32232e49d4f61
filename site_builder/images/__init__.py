"""The image pipeline: every picture the site or the PDF publishes passes here.

- `prepare_images(bulletin, settings, cache_dir)` → `ImageCatalog`: responsive
  WebP + JPEG variants and 1200×630 share pictures, upright and without any
  metadata, cached by content hash + parameters, processed over all cores.
- `print_variant(source, width_mm, dpi=300, cache_dir=…)` → a print JPEG.
- `ImageSettings`: the parameters (the plugin's `images_*` options).

Nothing here knows MkDocs: the web adapter lives in site_builder.mkdocs.images.
"""

from .cache import ImageCache, default_cache_dir
from .catalog import ImageCatalog, PublishedImage, Variant, prepare_images
from .printing import print_variant
from .render import ImageError
from .settings import ImageSettings

__all__ = ["ImageCache", "ImageCatalog", "ImageError", "ImageSettings", "PublishedImage", "Variant",
           "default_cache_dir", "prepare_images", "print_variant"]
