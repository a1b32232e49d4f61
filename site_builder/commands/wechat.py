"""`bulletin wechat`: one article as a folder ready for the 公众号 editor."""

from __future__ import annotations

from pathlib import Path

import click

from ..content import Bulletin
from ..content.problems import ERROR, Problem, summary
from ..content.suggest import did_you_mean
from ..content.types import Article
from ..wechat import export_article
from .site import UserError, open_site

FOLDER = "wechat"  # beside mkdocs.yml, one folder per article


def run(config_file: str | None, wanted: str, output: Path | None) -> int:
    """Export the article `wanted` (id, path or title); drafts too.

    An article with errors is not exported: its problems are shown as
    `bulletin check` shows them, and the command exits with 1.
    """
    site = open_site(config_file)
    bulletin = site.load(preview=True)  # editors prepare the post before publishing
    found = find_article(bulletin, wanted)
    problems = problems_of(bulletin, found if isinstance(found, Path) else found.path)
    for problem in problems:
        click.echo(problem.format(), err=True)
    errors = [p for p in problems if p.severity == ERROR]
    if errors or isinstance(found, Path):
        click.echo(summary(len(errors), len(problems) - len(errors)), err=True)
        click.echo("这篇文章有错误，没有导出。改好以上问题后再运行一次。", err=True)
        return 1
    target = output or site.engine.config_file.parent / FOLDER / found.slug
    try:
        report = export_article(bulletin, found, site.images, site.engine.wechat_options(), target)
    except OSError as exc:
        raise UserError(f"无法写入 {target}：{exc.strerror or exc}。请换一个文件夹（-o 文件夹），或检查它是否可写。") from None
    click.echo(f"已导出《{found.title}》到 {target}：")
    for line in report.lines():
        click.echo(f"  {line}")
    click.echo("下一步：用浏览器打开 preview.html 看手机上的效果；再用浏览器打开 article.html，全选、复制，"
               "粘贴进公众号编辑器。")
    return 0


def find_article(bulletin: Bulletin, wanted: str) -> Article | Path:
    """The article by id, path, file name or title; the file of an article
    that has errors (it is not among the loaded ones); else a UserError
    with the closest matches."""
    key = _as_id(bulletin, wanted)
    broken = {_id_of(Path(p.path)): bulletin.content_dir / p.path.split("/", 1)[-1]
              for p in bulletin.problems.errors if p.path.endswith(".md")}
    for pool in (bulletin.by_id, broken):
        if key in pool:
            return pool[key]
        same_name = [item for id_, item in pool.items() if id_.rsplit("/", 1)[-1] == key]
        if len(same_name) == 1:
            return same_name[0]
    titled = [a for a in bulletin.articles if a.title == wanted.strip()] or \
             [a for a in bulletin.articles if wanted.strip() and wanted.strip() in a.title]
    if len(titled) == 1:
        return titled[0]
    if titled:
        names = "、".join(a.id for a in titled[:5])
        raise UserError(f"有 {len(titled)} 篇文章的标题含有“{wanted}”：{names}。请写出文章的编号。")
    known = [*bulletin.by_id, *(a.title for a in bulletin.articles)]
    hint = did_you_mean(key, known)
    raise UserError(f"没有找到文章“{wanted}”。{hint}"
                    "可以写文章的编号（如 stories/2022/文件名）、文件路径、文件名或标题。")


def problems_of(bulletin: Bulletin, path: Path) -> list[Problem]:
    """What `bulletin check` says about one file."""
    where = bulletin.problems.relpath(path)
    return [p for p in bulletin.problems if p.path == where]


def _as_id(bulletin: Bulletin, wanted: str) -> str:
    """`content/stories/2022/x.md`, a path from here, or `stories/2022/x` → `stories/2022/x`."""
    text = wanted.strip().replace("\\", "/")
    path = Path(text)
    if path.suffix == ".md" and path.is_file():
        try:
            return path.resolve().relative_to(bulletin.content_dir.resolve()).with_suffix("").as_posix()
        except ValueError:
            pass
    return text.removeprefix("./").removeprefix("content/").removesuffix(".md").strip("/")


def _id_of(shown: Path) -> str:
    """The id of a file as problems name it (relative to the folder holding content/)."""
    return Path(*shown.parts[1:]).with_suffix("").as_posix() if len(shown.parts) > 1 else shown.stem
