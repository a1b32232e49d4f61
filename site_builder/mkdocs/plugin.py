"""The thin MkDocs adapter: feeds the core's bulletin to MkDocs.

It only wires events: loading and checking live in site_builder.content,
markup lives in the theme's templates.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..content import Bulletin, load_bulletin, resolve_today
from ..outputs import write_outputs
from ..build import csp, sanitize
from ..build.clock import page_date
from ..markdown.marked import tolerate_marked_sections
from . import filters, printing
from .config import BulletinConfig
from .fastbuild import FastBuild
from .guard import BuildGuard
from .images import SiteImages
from .caches import cache_dir
from .pageinputs import PageInputs
from ..build.reuse import PageReuse
from ..site.sitemap import site_map
from .cachedpage import CachedPage
from .reader import SiteReader
from .search_page import write_search_index
from .sitepages import SitePages
from .wechat import WechatPreview

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
        self.pages: SitePages | None = None  # the site map, by MkDocs file
        self._values: dict[str, dict | None] = {}  # each page's template values, this build
        self.images = SiteImages()
        self.preloaded_images = None  # the image catalog `bulletin build` made while checking
        self.guard = BuildGuard()  # atomic build, pinned clock
        self.fast = FastBuild()  # render cache, all cores, progress
        self.reuse = PageReuse()  # unchanged pages keep their published file
        self.wechat = WechatPreview()  # 复制到公众号, while previewing only
        self.reader = SiteReader()  # the 数字报: editions as page pictures

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        tolerate_marked_sections()
        preloaded, self.preloaded = self.preloaded, None
        preloaded_images, self.preloaded_images = self.preloaded_images, None
        if preloaded is not None and preloaded.content_dir == Path(config.docs_dir):
            self.bulletin = preloaded  # `bulletin build` has just checked it
        else:
            preloaded_images = None
            self.bulletin = load_bulletin(
                Path(config.docs_dir), today=self._today(), preview=self.preview,
                publication=self.config.publication, cache=cache_dir(config, "content"),
            )
        self.images.on_config(self.bulletin, self.config, config, preloaded_images)
        self.wechat.on_config(config, serving=self.serving)
        if self.bulletin is not preloaded:
            self._report(self.bulletin)
        elif config.strict and (warnings := self.bulletin.problems.warnings):
            # `bulletin build` has printed them; one line makes MkDocs' strict mode count them.
            log.warning(f"以上 {len(warnings)} 个提醒在 --strict 模式下当作错误，网站不会更新。")
        self._values = {}
        self.pages = SitePages(site_map(
            self.bulletin, home_latest=self.config.home_latest, per_page=self.config.archive_per_page,
            with_pdf=self.config.print_pdf and not self.serving,
            pictures=[v.url for v in self.images.catalog.variants()]))
        if config.nav is None:
            config.nav = self.pages.nav()
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
        for file in list(files):
            if file.src_dir != config.docs_dir:
                continue  # the theme's own assets
            page = self.pages.get(file.src_uri) if file.is_documentation_page() else None
            if page is not None and page.article is not None:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            else:
                files.remove(file)
        for src, page in self.pages.generated():
            files.append(File.generated(config, src, content="", inclusion=(
                InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV)))
        files = self.images.on_files(files, config)
        self.reader.on_files(self.bulletin, files, config, self.config, self.fast.progress)
        self.fast.on_files(files, config, self.images, serving=self.serving)
        self.wechat.on_files(files)
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        """Find the pages whose published file can stay (`bulletin build` only)."""
        if self.fast.enabled and self.guard.atomic is not None:
            inputs = PageInputs(self.bulletin, config, files, self.images.catalog, self._page_values,
                                [Path(d) for d in (theme_dir(), config.theme.custom_dir) if d])
            pages = [f.page for f in files.documentation_pages() if isinstance(f.page, CachedPage)]
            for page in self.reuse.plan(pages, inputs.fingerprint, lambda page: page.file.dest_uri,
                                        self.guard.atomic.target, cache_dir(config, "pages")):
                page.reused = True
        return nav

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        """Hand MkDocs the body the core has parsed (its front matter is done)."""
        site_page = self.pages.get(page.file.src_uri)
        return site_page.article.body if site_page and site_page.article else None

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        site_page = self.pages.get(page.file.src_uri)
        article = site_page.article if site_page else None
        page.update_date = page_date(article, self.bulletin)  # before the sitemap is written
        if site_page:
            page.meta.update(title=site_page.title, template=site_page.template)
        if article:
            page.meta["description"] = article.lead
        self.images.on_page_markdown(page)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return Markup(sanitize.clean(html) if html else "")  # the one HTML the templates print unescaped

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
        context["bulletin"] = self.bulletin
        context.update(self._page_values(page) or {})
        self.images.on_page_context(context, page, context.get("article"), config)
        self.wechat.on_page_context(context, page)
        return context

    def _page_values(self, page: Page) -> dict | None:
        """What the page's template shows beyond MkDocs' own context (reuse.py
        fingerprints it); None for a page that is not the bulletin's. Computed
        once per page and build, whether for the fingerprint or the template."""
        src = page.file.src_uri
        if src not in self._values:
            self._values[src] = self._site_page_values(src)
        return self._values[src]

    def _site_page_values(self, src: str) -> dict | None:
        site_page = self.pages.get(src)
        if site_page is None:
            return None
        if site_page.article:
            return {"page_template": site_page.template, **site_page.context(self.bulletin)}
        values = {"page_template": site_page.template, "page_title": site_page.title,
                  **site_page.context(self.bulletin)}
        if "edition_pdf" in values:  # an edition page links its PDF when the build writes them
            values["edition_pdf"] = self.config.print_pdf and not self.serving
        self.reader.extend(values)
        return values

    def on_env(self, env, config: MkDocsConfig, files: Files):
        # Every value the templates print is text, escaped for where it lands
        # (Material's templates included); the sanitised body is Markup.
        env.autoescape = True
        filters.install(env)
        # The preview says at the top of every page what `bulletin check` says:
        # editors look at the browser, not at the terminal.
        env.globals["bulletin_problems"] = self.bulletin.problems.errors if self.serving else []
        self.images.on_env(env)
        csp.install(env, serving=self.serving)
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        article = self.bulletin.by_id.get(page.file.src_uri.removesuffix(".md"))
        self.wechat.on_post_page(page, article, self.bulletin, self.images.catalog, config)
        return output

    @event_priority(-100)  # last: the site is complete only after every output
    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        self.reuse.link(site_dir)
        self.reuse.record(site_dir, lambda page: not page.warned)
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
