"""`bulletin build` and `bulletin serve`: MkDocs with the plugin, checked first."""

from __future__ import annotations

import os
import time

import click
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.exceptions import Abort, BuildError

from ..build.progress import Progress
from ..mkdocs.render import build as fast_build
from ..system import on_terminal
from .site import UserError, open_site


def build(config_file: str | None, strict: bool, with_pdf: bool = False) -> int:
    site = open_site(config_file, strict=strict or None)
    if with_pdf:
        site.plugin.config["print_pdf"] = True  # the plugin writes them, before the site is swapped in
    bulletin = site.load()
    if bulletin.problems:
        click.echo(bulletin.problems.format_text(), err=True)
    if bulletin.problems.errors:
        click.echo("内容有错误，网站没有生成，原来的网站保持不变。", err=True)
        return 1
    click.echo(f"正在生成网站：{len(bulletin.articles)} 篇文章……")
    if site.images is not None:
        click.echo(site.images.summary())
    started = time.perf_counter()
    site.plugin.preloaded = bulletin
    site.plugin.preloaded_images = site.images
    site.plugin.fast.enabled = True
    site.plugin.fast.progress = Progress(on_terminal())
    try:
        site.config.plugins.on_startup(command="build", dirty=False)
        fast_build(site.config, site.plugin.fast.progress)
    except (Abort, BuildError) as exc:
        raise UserError(f"网站生成失败：{exc}") from None
    finally:
        site.config.plugins.on_shutdown()
    click.echo(site.plugin.reuse.summary())
    click.echo(f"网站已生成：{site.config.site_dir}（用时 {time.perf_counter() - started:.1f} 秒）")
    return 0


def serve(config_file: str | None, address: str, drafts: bool) -> int:
    if drafts:
        os.environ["BULLETIN_DRAFTS"] = "1"
    site = open_site(config_file)
    problems = site.load().problems
    if problems:
        click.echo(problems.format_text(), err=True)
    click.echo(f"预览地址：http://{address}/ （修改文章后自动刷新，按 Ctrl+C 停止）")
    if drafts:
        click.echo("预览模式：草稿和未到发布日期的文章也会显示，并有醒目标记。")
    try:
        mkdocs_serve(config_file=str(site.config.config_file_path), dev_addr=address, livereload=True)
    except (Abort, BuildError) as exc:
        raise UserError(f"预览启动失败：{exc}") from None
    return 0
