"""`bulletin print`: one edition as a print-ready PDF."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..content import Bulletin
from ..content.editions import Edition
from ..print import print_edition
from .site import UserError, open_site


def run(config_file: str | None, edition_id: str | None, size: str | None, output: Path | None,
        strict: bool = False) -> int:
    """Check the content, set the edition, say what the editor must fix.

    An overflowing 版 or a missing glyph is reported and the PDF still written
    as a proof; with `strict` the command then exits with 1.
    """
    site = open_site(config_file)
    bulletin = site.load(images=False)  # print variants are made on demand
    if bulletin.problems:
        click.echo(bulletin.problems.format_text(), err=True)
    if bulletin.problems.errors:
        click.echo("内容有错误，没有生成 PDF。", err=True)
        return 1
    edition = find_edition(bulletin, edition_id)
    target = output or site.engine.pdf_path(edition)
    options = site.engine.print_options(size)
    click.echo(f"正在排版：{edition.publication} {edition.id}（{len(edition.pages)} 版，{options.size.name}）……")
    started = time.perf_counter()
    result = print_edition(bulletin, edition, target, options)
    messages = result.messages()
    for message in messages:
        click.echo(f"提醒：{message}", err=True)
    click.echo(f"PDF 已生成：{target}（{result.pages} 页，用时 {time.perf_counter() - started:.1f} 秒）")
    if result.overflows or result.missing_glyphs:
        click.echo("这份 PDF 可以用来校样，改好以上问题后才能付印。", err=True)
        return 1 if strict else 0
    return 0


def find_edition(bulletin: Bulletin, edition_id: str | None) -> Edition:
    """The edition named `edition_id` (its file name), or the newest one."""
    if not bulletin.editions:
        raise UserError("content/editions/ 里还没有任何一期。先写一个期的文件，例如 editions/2022-08-18.yml。")
    if edition_id is None:
        return bulletin.editions[-1]
    wanted = edition_id.removesuffix(".yml").removesuffix(".yaml").rsplit("/", 1)[-1]
    for edition in bulletin.editions:
        if edition.id == wanted:
            return edition
    known = "、".join(e.id for e in bulletin.editions)
    raise UserError(f"没有名为“{edition_id}”的一期。现有的期：{known}。")
