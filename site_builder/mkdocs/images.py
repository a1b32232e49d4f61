"""The image pipeline wired into MkDocs: one method per plugin event.

Originals under content/ are dropped from MkDocs' files; only the pipeline's
variants are published. Every picture is the theme's picture.html: covers
from the page templates, images in bodies from the `pictures` Markdown
extension, which asks `lookup` for the sources and `render` for the markup.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path
from urllib.parse import unquote

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..content import Bulletin
from ..content.types import Article
from ..site.urls import absolute_url
from ..images import ImageCatalog, ImageSettings, prepare_images
from .caches import cache_dir
from ..markdown.pictures import FIGURE, PAIR, PICTURE, Picture, PictureExtension
from .config import BulletinConfig

log = get_plugin_logger("社区报")

PARTIALS = (FIGURE, PAIR, PICTURE)


def image_settings(options: BulletinConfig) -> ImageSettings:
    return ImageSettings(widths=tuple(options.images_widths), quality=options.images_quality,
                         max_pixels=options.images_max_pixels, workers=options.images_workers,
                         print_dpi=options.images_print_dpi,
                         print_width_mm=float(options.images_print_width_mm))


def image_cache_dir(options: BulletinConfig, config: MkDocsConfig) -> Path:
    """The cache folder, relative to the folder of mkdocs.yml."""
    return cache_dir(config, "images", options.images_cache_dir)


def check_images(bulletin: Bulletin, options: BulletinConfig, config: MkDocsConfig) -> ImageCatalog:
    """Run the pipeline and add its errors and warnings to the bulletin's problems."""
    catalog = prepare_images(bulletin, image_settings(options), image_cache_dir(options, config))
    catalog.report(bulletin.problems)
    return catalog


class SiteImages:
    """Holds one build's catalog and the page being rendered."""

    def __init__(self) -> None:
        self.catalog = ImageCatalog()
        self._page: Page | None = None
        self._theme = None  # the theme, for the body pictures' partials
        self._env: Environment | None = None

    def on_config(self, bulletin: Bulletin, options: BulletinConfig, config: MkDocsConfig,
                  preloaded: ImageCatalog | None) -> None:
        """Use the catalog `bulletin build` has made while checking, or make it."""
        self.catalog = preloaded or check_images(bulletin, options, config)
        log.info(self.catalog.summary())
        self._theme, self._env = config.theme, None
        config.markdown_extensions.append(PictureExtension(self.lookup, self.render))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The variants of every published picture (the plugin has dropped the originals)."""
        for variant in self.catalog.variants():
            files.append(File.generated(config, variant.url, abs_src_path=str(variant.path)))
        return files

    def on_page_markdown(self, page: Page) -> None:
        self._page = page

    def on_page_context(self, context: dict, page: Page, article: Article | None,
                        config: MkDocsConfig) -> None:
        """`article_share_image`: the og:image URL (absolute when site_url is set)."""
        share = self.catalog.share_image(article) if article else None
        if share is None:
            context["article_share_image"] = None
        elif config.site_url:
            context["article_share_image"] = absolute_url(config.site_url, share.url)
        else:
            context["article_share_image"] = get_relative_url(share.url, page.url)

    def on_env(self, env) -> None:
        env.globals["bulletin_images"] = self.catalog

    def lookup(self, src: str) -> Picture | None:
        """The sources of an image written in the current page's Markdown."""
        page = self._page
        if page is None or "://" in src or src.startswith("//"):
            return None
        folder = posixpath.dirname(page.file.src_uri)
        path = unquote(src.split("#")[0].split("?")[0])
        url = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(folder, path))
        published = self.catalog.get(url)
        if published is None:
            return None

        def srcset(variants) -> str:
            return ", ".join(f"{get_relative_url(v.url, page.url)} {v.width}w" for v in variants)

        return Picture(src=get_relative_url(published.fallback.url, page.url),
                       srcset=srcset(published.jpeg), webp_srcset=srcset(published.webp),
                       width=published.largest.width, height=published.largest.height)

    def render(self, template: str, **context) -> str:
        """A partial of the theme, with every value escaped (the body is built
        before MkDocs' own environment exists, so the theme gives one here)."""
        if self._env is None:
            self._env = self._theme.get_env()
            self._env.autoescape = True
        return self._env.get_template(template).render(context)

    def partials_digest(self) -> str:
        """The body pictures' partials as this site's theme has them: a body's
        HTML depends on them (the render cache's key includes this)."""
        env = self._theme.get_env()
        sources = [env.loader.get_source(env, name)[0] for name in PARTIALS]
        return hashlib.sha256("\0".join(sources).encode("utf-8")).hexdigest()
