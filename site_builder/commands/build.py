"""`bulletin build` and `bulletin serve`: the engine, with the content checked first."""

from __future__ import annotations

import os
import time

import click

from ..build.uptodate import Stamp
from ..system import on_terminal
from .site import EngineError, UserError, open_site


def build(config_file: str | None, strict: bool, with_pdf: bool = False) -> int:
    started = time.perf_counter()
    site = open_site(config_file, strict=strict or None)
    inputs, stamp = site.engine.inputs(site.today(), strict, with_pdf).digest(), Stamp(site.engine.cache_dir("build"))
    if stamp.current(inputs, site.engine.site_dir):
        click.echo(f"文章、设置和主题都没有改动，网站已是最新：{site.engine.site_dir}"
                   f"（检查用时 {time.perf_counter() - started:.1f} 秒）")
        return 0
    bulletin = site.load()
    if bulletin.problems:
        click.echo(bulletin.problems.format_text(), err=True)
    if bulletin.problems.errors:
        click.echo("内容有错误，网站没有生成，原来的网站保持不变。", err=True)
        return 1
    click.echo(f"正在生成网站：{len(bulletin.articles)} 篇文章……")
    if site.images is not None:
        click.echo(site.images.summary())
    try:
        report = site.engine.build(bulletin, site.images, with_pdf=with_pdf, progress=on_terminal())
    except EngineError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"页面：{report.pages} 个，其中 {report.reused} 个内容未变，直接沿用上次生成的文件。")
    if report.editions:
        click.echo(f"数字报：{report.editions} 期，排印了 {report.typeset} 期，用时 {report.typeset_seconds:.1f} 秒"
                   f"（其余 {report.editions - report.typeset} 期没有改动，沿用缓存）。")
    if report.warnings:
        click.echo(f"生成时有 {report.warnings} 条提醒，见上。", err=True)
    elif not bulletin.problems:  # a build that warned is repeated, warnings and all
        stamp.record(inputs, report.site_dir)
    click.echo(f"网站已生成：{report.site_dir}（用时 {time.perf_counter() - started:.1f} 秒）")
    return 0


def serve(config_file: str | None, address: str, drafts: bool) -> int:
    if drafts:
        os.environ["BULLETIN_DRAFTS"] = "1"
    site = open_site(config_file)  # its problems are shown by the plugin, at every rebuild
    click.echo(f"预览地址：http://{address}/ （修改文章后自动刷新，按 Ctrl+C 停止）")
    if drafts:
        click.echo("预览模式：草稿和未到发布日期的文章也会显示，并有醒目标记。")
    try:
        site.engine.serve(address)
    except EngineError as exc:
        raise UserError(str(exc)) from None
    return 0
