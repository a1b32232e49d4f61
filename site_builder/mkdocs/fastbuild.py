"""Archive-scale builds: the render cache and both cores, one call per event.

A ten-year bulletin has tens of thousands of pages. MkDocs converts and
renders them one by one on one core; here

- on `files`, every page becomes a `CachedPage`, whose Markdown conversion
  is looked up in the render cache (rendercache.py); on `nav`, the
  conversions the cache lacks are done on every core (parallel.py);
- on `env`, the pages are rendered and written on every core, by MkDocs' own
  page function, and MkDocs' loop then skips them;
- after the build, the new conversions are stored and stale ones dropped.

`bulletin serve` keeps MkDocs' own one-page-at-a-time loop (it runs threads,
which must not be forked) but still uses the cache.
"""

from __future__ import annotations

import hashlib
import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..images import ImageCatalog
from . import parallel
from .progress import Progress
from .caches import cache_dir
from .rendercache import CachedPage, RenderCache, files_digest, settings_digest

class FastBuild:
    """One per plugin instance; each build goes on_files → on_nav → on_env → finished or close."""

    def __init__(self) -> None:
        self.progress = Progress()
        self.cache: RenderCache | None = None
        self.nav: Navigation | None = None
        self._quiet = _SkippedPages()

    def on_files(self, files: Files, config: MkDocsConfig, catalog: ImageCatalog) -> None:
        """Open the cache; give every page one (MkDocs keeps a page a plugin has made)."""
        images = hashlib.sha256("\n".join(sorted(v.url for v in catalog.variants())).encode()).hexdigest()
        self.close()
        self.cache = RenderCache(cache_dir(config, "pages"), settings_digest(config, [images]),
                                 files_digest(files))
        CachedPage.cache = self.cache
        for file in files.documentation_pages():
            if file.page is None:
                CachedPage(None, file, config)  # what MkDocs would create, with a cache

    def on_nav(self, nav: Navigation, files: Files, config: MkDocsConfig, *, serving: bool) -> None:
        """Convert on every core the pages the cache lacks."""
        self.nav = nav
        if serving:
            return
        pages = [f.page for f in files.documentation_pages(inclusion=InclusionLevel.is_included)
                 if isinstance(f.page, CachedPage) and not f.page.reused]
        with self.progress.bar("正在转换文章", len(pages)) as tick:
            parallel.convert_markdown(pages, config, files, tick)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files, *, serving: bool) -> None:
        """Render and write every page on every core (not while previewing)."""
        parallel.install_prerendered(env)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = []
        for file in doc_files:
            if isinstance(file.page, CachedPage) and file.page.reused:
                file.page.meta["template"] = parallel.PRERENDERED  # its published file is linked instead
                self._quiet.install()
            elif file.page is not None:
                pages.append(file.page)
        if serving:
            return
        with self.progress.bar("正在生成页面", len(pages)) as tick:
            if parallel.render_templates(pages, config, files, self.nav, env, doc_files, tick):
                self._quiet.install()

    @staticmethod
    def written(page: Page) -> bool:
        """True for a page a worker has written or whose published file is reused
        (MkDocs' pass only skips it)."""
        return page.meta.get("template") == parallel.PRERENDERED

    def finished(self) -> None:
        if self.cache is not None:
            self.cache.save()
        self.close()

    def close(self) -> None:
        self._quiet.remove()
        if self.cache is not None:
            self.cache.close()
        self.cache = CachedPage.cache = None


class _SkippedPages(logging.Filter):
    """Hides MkDocs' note that it wrote nothing for pages a worker has written."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno < logging.WARNING and str(record.msg).startswith("Page skipped"))

    def install(self) -> None:
        logging.getLogger("mkdocs.commands.build").addFilter(self)

    def remove(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self)
