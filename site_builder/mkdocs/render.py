"""`bulletin build`'s own build loop, on MkDocs' public API only.

`mkdocs build` and `bulletin serve` run MkDocs' loop, which converts and
renders one page at a time: that is the reference. `bulletin build` runs
this loop instead: the same plugin events in the same order, MkDocs' own
template context (`get_context`) and the theme's own Jinja environment, so
it writes the same bytes (tests/test_build_cache.py compares the two) — but

- the pages' Markdown is converted in forked workers where the render cache
  lacks it (rendercache.py), and the parent then finds every page converted;
- the pages' templates are rendered and written in forked workers;
- pages whose published file can stay (reuse.py) are not rendered at all:
  the plugin links their files into the new site.
"""

from __future__ import annotations

import gzip
import logging
import os
from typing import Sequence
from urllib.parse import urlsplit

import jinja2
from mkdocs import utils
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from ..build import workers
from ..build.progress import Progress
from .cachedpage import CachedPage

log = logging.getLogger("mkdocs.plugins.社区报")


def build(config: MkDocsConfig, progress: Progress) -> None:
    """What `mkdocs.commands.build.build` does, with the page passes on every core."""
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("mkdocs").addHandler(counter)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        pages = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            pages.append(file.page)
        _convert(pages, config, files, progress)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=InclusionLevel.is_included)
        for name in config.theme.static_templates:
            _theme_template(name, env, files, config, nav)
        for name in config.extra_templates:
            _extra_template(name, files, config, nav)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        fresh = [f.page for f in doc_files if not (isinstance(f.page, CachedPage) and f.page.reused)]
        _render(fresh, config, doc_files, nav, env, progress)
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
    except Exception as exc:
        config.plugins.on_build_error(error=exc)
        if isinstance(exc, BuildError):  # a message for the editor (a PluginError, say)
            raise Abort(str(exc)) from None
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def populate(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Read and convert one page, with every plugin event MkDocs runs for it."""
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    except Exception as exc:
        log.error(f"读取页面 {page.file.src_uri} 时出错：{exc}")
        raise


def write_page(page: Page, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
               env: jinja2.Environment) -> None:
    """Render one page's template with MkDocs' context and plugin events, and write it."""
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
        if output.strip():
            utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    except Exception as exc:
        log.error(f"生成页面 {page.file.src_uri} 时出错：{exc}")
        raise
    finally:
        page.active = False


def _convert(pages: list[Page], config: MkDocsConfig, files: Files, progress: Progress) -> None:
    """Workers convert what the cache lacks (their warnings are dropped: the
    parent converts a page that warned again, and warns); then every page here."""
    cache = CachedPage.cache
    todo = [p for p in pages if isinstance(p, CachedPage) and not p.reused]
    if cache is not None and workers.worth_forking(len(todo)):
        with progress.bar("正在转换文章", len(todo)) as tick:
            for fresh in workers.run((todo, config, files), _convert_chunk, len(todo), tick, relog=False):
                cache.fresh.update(fresh)
    for page in pages:
        populate(page, config, files)


def _convert_chunk(state: tuple, indexes: range) -> dict:
    pages, config, files = state
    cache = CachedPage.cache = CachedPage.cache.forked()
    for i in indexes:
        populate(pages[i], config, files)
    fresh, cache.fresh = dict(cache.fresh), {}
    cache.close()
    return fresh


def _render(pages: list[Page], config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
            env: jinja2.Environment, progress: Progress) -> None:
    with progress.bar("正在生成页面", len(pages)) as tick:
        if not workers.worth_forking(len(pages)):
            for page in pages:
                write_page(page, config, doc_files, nav, env)
                tick(1)
            return
        for name in {p.meta.get("template", "main.html") for p in pages}:
            env.get_template(name)  # compiled once here, not once per worker
        for _ in workers.run((pages, config, doc_files, nav, env), _render_chunk, len(pages), tick):
            pass


def _render_chunk(state: tuple, indexes: range) -> None:
    pages, config, doc_files, nav, env = state
    for i in indexes:
        write_page(pages[i], config, doc_files, nav, env)


def _theme_template(name: str, env: jinja2.Environment, files: Files, config: MkDocsConfig,
                    nav: Navigation) -> None:
    """A page of the theme's own (404.html, sitemap.xml), as MkDocs builds it."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        log.warning(f"主题里没有模板 {name}，跳过。")
        return
    output = _template_output(name, template, files, config, nav)
    if not output.strip():
        return
    path = os.path.join(config.site_dir, name)
    utils.write_file(output.encode("utf-8"), path)
    if name == "sitemap.xml":
        stamp = utils.get_build_timestamp(pages=[f.page for f in files.documentation_pages() if f.page])
        with open(f"{path}.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, filename=f"{path}.gz", mode="wb",
                                                            mtime=stamp) as packed:
            packed.write(output.encode("utf-8"))


def _extra_template(name: str, files: Files, config: MkDocsConfig, nav: Navigation) -> None:
    """A template from docs_dir named in `extra_templates`."""
    file = files.get_file_from_path(name)
    if file is None:
        log.warning(f"extra_templates 里的 {name} 不在文件夹里，跳过。")
        return
    output = _template_output(name, jinja2.Template(file.content_string), files, config, nav)
    if output.strip():
        utils.write_file(output.encode("utf-8"), file.abs_dest_path)


def _template_output(name: str, template: jinja2.Template, files: Files, config: MkDocsConfig,
                     nav: Navigation) -> str:
    template = config.plugins.on_pre_template(template, template_name=name, config=config)
    if utils.is_error_template(name):  # absolute links: a 404 is served at any depth
        base_url = urlsplit(config.site_url or "/").path
    else:
        base_url = utils.get_relative_url(".", name)
    context = get_context(nav, files, config, base_url=base_url)
    context = config.plugins.on_template_context(context, template_name=name, config=config)
    return config.plugins.on_post_template(template.render(context), template_name=name, config=config)
