"""The thin MkDocs adapter: feeds the core's bulletin to MkDocs.

It only wires events: loading and checking live in site_builder.content,
markup lives in the theme's templates.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..content import Bulletin, load_bulletin, resolve_today
from ..outputs import write_outputs
from . import csp, dates, filters, printing, sanitize
from .config import BulletinConfig
from .fastbuild import FastBuild
from .guard import BuildGuard
from .images import SiteImages
from .caches import cache_dir
from .pageinputs import PageInputs
from .pages import VirtualPage, default_nav, virtual_pages
from .reader import SiteReader
from .reading import ArticleReading
from .rendercache import CachedPage
from .reuse import PageReuse
from .search_page import search_pages, write_search_index

log = get_plugin_logger("社区报")

SECTIONS_EXTENSION = "site_builder.markdown.sections"


def theme_dir() -> Path:
    """The bulletin theme: inside the installed package, or the checkout's themes/."""
    here = Path(__file__).resolve().parents[1]
    packaged = here / "themes" / "bulletin"
    return packaged if packaged.is_dir() else here.parent / "themes" / "bulletin"


class BulletinPlugin(BasePlugin[BulletinConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.bulletin: Bulletin | None = None
        self.preloaded: Bulletin | None = None  # set by the CLI, which checks first
        self.virtual: dict[str, VirtualPage] = {}
        self.images = SiteImages()
        self.preloaded_images = None  # the image catalog `bulletin build` made while checking
        self.guard = BuildGuard()  # atomic build, pinned clock
        self.fast = FastBuild()  # render cache, all cores, progress
        self.reading: ArticleReading | None = None
        self.reuse = PageReuse()  # unchanged pages keep their published file
        self.reader = SiteReader()  # the 数字报: editions as page pictures

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        preloaded, self.preloaded = self.preloaded, None
        preloaded_images, self.preloaded_images = self.preloaded_images, None
        if preloaded is not None and preloaded.content_dir == Path(config.docs_dir):
            self.bulletin = preloaded  # `bulletin build` has just checked it
        else:
            preloaded_images = None
            self.bulletin = load_bulletin(
                Path(config.docs_dir), today=self._today(), preview=self.preview,
                publication=self.config.publication,
            )
        self.images.on_config(self.bulletin, self.config, config, preloaded_images)
        self._report(self.bulletin)
        self.reading = ArticleReading(self.bulletin)
        self.virtual = {p.src_uri: p for p in virtual_pages(self.bulletin, self.config.home_latest,
                                                            self.config.archive_per_page)}
        if config.nav is None:
            config.nav = default_nav(list(self.virtual.values()))
        self.virtual.update(search_pages())  # after the nav: the header links to it
        # After the site's own custom_dir, before Material.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(theme_dir()))
        if SECTIONS_EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(SECTIONS_EXTENSION)
        return self.guard.start(config, self.bulletin, serving=self.serving)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Keep the published articles; add the generated pages and pictures.

        Every other file of content/ stays out: the registries and editions
        are the editors' data, and photos are published only as the image
        pipeline's variants of what published articles show (never a draft's).
        """
        bulletin = self.bulletin
        for file in list(files):
            if file.src_dir != config.docs_dir:
                continue  # the theme's own assets
            if file.is_documentation_page() and file.src_uri.removesuffix(".md") in bulletin.by_id:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            else:
                files.remove(file)
        for page in self.virtual.values():
            files.append(File.generated(config, page.src_uri, content="", inclusion=(
                InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV)))
        files = self.images.on_files(files, config)
        self.reader.on_files(bulletin, files, config, self.config, self.fast.progress)
        self.fast.on_files(files, config, self.images.catalog)
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        """Find the pages whose published file can stay; convert the others."""
        if self.guard.atomic is not None:  # not while previewing
            inputs = PageInputs(self.bulletin, config, files, self.images.catalog, self._page_values,
                                [Path(d) for d in (theme_dir(), config.theme.custom_dir) if d])
            pages = [f.page for f in files.documentation_pages() if isinstance(f.page, CachedPage)]
            for page in self.reuse.plan(pages, inputs.fingerprint, self.guard.atomic.target,
                                        cache_dir(config, "pages")):
                page.reused = True
        self.fast.on_nav(nav, files, config, serving=self.serving)
        return nav

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        """Hand MkDocs the body the core has parsed (its front matter is done)."""
        article = self.bulletin.by_id.get(page.file.src_uri.removesuffix(".md"))
        return article.body if article else None

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        article = self.bulletin.by_id.get(page.file.src_uri.removesuffix(".md"))
        dates.date_page(page, article, self.bulletin)  # before the sitemap is written
        if article:
            page.meta.update(title=article.title, template=f"{article.type}.html",
                             description=article.lead)
        elif virtual := self.virtual.get(page.file.src_uri):
            page.meta.update(title=virtual.title, template=virtual.template)
        self.images.on_page_markdown(page)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return sanitize.clean(html)

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
        if self.fast.written(page):
            return context  # a worker has rendered it with this very method
        context["bulletin"] = self.bulletin
        context.update(self._page_values(page) or {})
        self.images.on_page_context(context, page, context.get("article"), config)
        return context

    def _page_values(self, page: Page) -> dict | None:
        """What the page's template shows beyond MkDocs' own context (reuse.py
        fingerprints it); None for a page that is not the bulletin's."""
        if article := self.bulletin.by_id.get(page.file.src_uri.removesuffix(".md")):
            return {"page_template": f"{article.type}.html", **self.reading.context(article)}
        if virtual := self.virtual.get(page.file.src_uri):
            values = {"page_template": virtual.template, "page_title": virtual.title,
                      **virtual.context(self.bulletin)}
            if "edition_pdf" in values:  # an edition page links its PDF when the build writes them
                values["edition_pdf"] = self.config.print_pdf and not self.serving
            self.reader.extend(values)
            return values
        return None

    def on_env(self, env, config: MkDocsConfig, files: Files):
        filters.install(env)
        self.images.on_env(env)
        csp.install(env, serving=self.serving)
        self.fast.on_env(env, config, files, serving=self.serving)  # last: renders the pages
        return env

    @event_priority(-50)  # seal the page as it will be written
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return csp.seal(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return csp.seal(output_content)  # 404.html

    @event_priority(-100)  # last: the site is complete only after every output
    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        self.reuse.link(site_dir)
        self.reuse.record(site_dir)
        # Feeds, open data and charts: outputs that are not web pages.
        write_outputs(self.bulletin, site_dir, site_url=config.site_url, site_name=config.site_name)
        if self.config.print_pdf and not self.serving and not self.reader.editions:  # the reader has them
            with self.fast.progress.step("正在排印 PDF"):
                printing.write_pdfs(self.bulletin, config, self.config)
        with self.fast.progress.step("正在建立搜索索引"):
            write_search_index(self.bulletin, config)
        self.fast.finished()
        self.guard.completed()  # swap the new site in

    def on_build_error(self, error: Exception) -> None:
        self.fast.close()
        self.guard.failed()

    def on_shutdown(self) -> None:
        self.guard.finish()

    def _today(self) -> dt.date:
        try:
            return resolve_today(self.config.today)
        except ValueError as exc:
            raise PluginError(str(exc)) from None

    @property
    def preview(self) -> bool:
        return self.config.drafts or os.environ.get("BULLETIN_DRAFTS") == "1"

    def _report(self, bulletin: Bulletin) -> None:
        """Warnings are logged; errors stop a build (a preview shows the rest)."""
        for problem in bulletin.problems.warnings:
            log.warning(problem.format())
        if not bulletin.problems.errors:
            return
        if self.serving:
            for problem in bulletin.problems.errors:
                log.error(problem.format())
            log.error("以上错误的文章暂不显示；改正并保存后，预览会自动刷新。")
            return
        raise PluginError("内容有错误，网站没有生成：\n" + bulletin.problems.format_text())
