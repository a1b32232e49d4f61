"""What makes `bulletin build` fast, as the plugin sees it: one call per event.

The page loop itself is render.py's; here the plugin

- on `files`, gives every page a `CachedPage`, whose Markdown conversion is
  looked up in the render cache (rendercache.py);
- after the build, stores the new conversions and drops stale ones.

`enabled` is set for `bulletin build` (render.py's loop). `bulletin serve`
keeps MkDocs' loop but still uses the cache. Plain `mkdocs build` uses
neither: it is the reference the fast path is compared with.
"""

from __future__ import annotations

import hashlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..build.progress import Progress
from .caches import cache_dir
from .images import SiteImages
from ..build.rendercache import RenderCache
from .cachedpage import CachedPage, files_digest, settings_digest


class FastBuild:
    """One per plugin instance; each build goes on_files → finished or close."""

    def __init__(self) -> None:
        self.enabled = False  # render.py runs the build: cache, reuse, every core
        self.progress = Progress()
        self.cache: RenderCache | None = None

    def on_files(self, files: Files, config: MkDocsConfig, images: SiteImages, *, serving: bool) -> None:
        """Open the cache; give every page one (MkDocs keeps a page a plugin has made)."""
        self.close()
        if not (self.enabled or serving):
            return
        variants = hashlib.sha256("\n".join(sorted(v.url for v in images.catalog.variants())).encode()).hexdigest()
        self.cache = RenderCache(cache_dir(config, "pages"),
                                 settings_digest(config, [variants, images.partials_digest()]),
                                 files_digest(files))
        CachedPage.cache = self.cache
        for file in files.documentation_pages():
            if file.page is None:
                CachedPage(None, file, config)  # what MkDocs would create, with a cache

    def finished(self) -> None:
        if self.cache is not None:
            self.cache.save()
        self.close()

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
        self.cache = CachedPage.cache = None
