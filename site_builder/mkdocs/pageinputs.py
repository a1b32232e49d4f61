"""Everything a page is built from, as one fingerprint (for reuse.py).

A page's HTML is a function of

- the build's settings: mkdocs.yml (the navigation included), the Markdown
  settings, the theme's files, the versions of MkDocs, Material and this
  package, the registries (places, categories, editions) and whether drafts
  are shown;
- the page itself: its path, template and title, and the values the plugin
  puts into its template context (an article and what it links to, or a
  list page's articles, pager and figures), fingerprinted by the core;
- for an article, its published images (their URLs carry their content
  hash) and, when its Markdown links to other pages, which pages exist.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from babel.core import Locale
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..content import Bulletin
from ..content.fingerprint import Fingerprints, registry_digest
from ..content.types import Article
from ..images import ImageCatalog
from ..build.rendercache import PAGE_LINK, stable
from .cachedpage import files_digest as pages_digest, settings_digest
from ..build.reuse import folder_digest

# Settings that cannot change a page's HTML (where files are read from and written to).
_IRRELEVANT = {"config_file_path", "docs_dir", "site_dir", "dev_addr", "watch", "strict", "plugins",
               "theme", "markdown_extensions", "mdx_configs", "hooks", "exclude_docs", "draft_docs"}


class PageInputs:
    """Fingerprints of the pages of one build."""

    def __init__(self, bulletin: Bulletin, config: MkDocsConfig, files: Files, catalog: ImageCatalog,
                 context_of: Callable[[Page], dict | None], theme_dirs: list[Path]) -> None:
        links = pages_digest(files)

        def outside(article: Article) -> list:
            pictures = [catalog.get(image.url) for image in (article.cover, *article.images) if image]
            return [[v.url for v in p.variants()] if p else None for p in pictures] + [
                links if PAGE_LINK.search(article.body) else ""]

        self._values = Fingerprints(outside)
        self._context_of = context_of
        self.settings = _settings(bulletin, config, theme_dirs)

    def fingerprint(self, page: Page) -> str | None:
        context = self._context_of(page)
        if context is None:
            return None
        return self._values.of(self.settings, page.file.src_uri, context)


def _settings(bulletin: Bulletin, config: MkDocsConfig, theme_dirs: list[Path]) -> str:
    theme = {key: str(value) if isinstance(value, Locale) else value for key, value in config.theme.items()}
    plugins = {name: dict(plugin.config) for name, plugin in config.plugins.items()}
    parts: list[Any] = [
        settings_digest(config),
        [metadata.version(name) for name in ("mkdocs-material", "jinja2")],
        stable({k: v for k, v in config.items() if k not in _IRRELEVANT}),
        stable(theme), stable(plugins),
        folder_digest(theme_dirs),
        registry_digest(bulletin), bulletin.preview, bulletin.publication,
    ]
    return hashlib.blake2b(json.dumps(parts, ensure_ascii=False, default=str).encode(), digest_size=20).hexdigest()
