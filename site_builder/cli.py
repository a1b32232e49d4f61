"""The `bulletin` command: parses options and calls one function per verb."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from .commands import build as build_cmd
from .commands import check as check_cmd
from .commands import init as init_cmd
from .commands import new as new_cmd
from .commands import print as print_cmd
from .commands import wechat as wechat_cmd
from .commands.site import UserError

CONFIG_OPTION = click.option("-f", "--config-file", metavar="文件",
                             help="社区报的 mkdocs.yml（默认：当前文件夹里的）。")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="community-bulletin", message="社区报 %(version)s")
def cli() -> None:
    """社区报：把 Markdown 稿件生成为社区报网站。"""


@cli.command()
@CONFIG_OPTION
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="输出格式；json 供内容仓库的自动检查使用。")
def check(config_file: str | None, output_format: str) -> None:
    """检查全部稿件，一次列出所有问题（有错误时退出码为 1）。"""
    sys.exit(check_cmd.run(config_file, output_format))


@cli.command()
@click.argument("kind", type=click.Choice(["story", "case", "minhu"]))
@click.option("--title", required=True, help="标题（主题）。")
@click.option("--community", required=True, help="所属地方：编号、名称或别名。")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="发布日期，默认今天。")
@CONFIG_OPTION
def new(kind: str, title: str, community: str, date: dt.datetime | None, config_file: str | None) -> None:
    """新建一篇稿件：story（报道）、case（案例）或 minhu（民呼即应）。"""
    path = new_cmd.run(config_file, kind, title, community, date.date() if date else None)
    click.echo(path)


@cli.command()
@CONFIG_OPTION
@click.option("--strict", is_flag=True, help="有任何提醒也当作错误。")
@click.option("--with-pdf", is_flag=True, help="同时生成每一期的印刷版 PDF，期的网页上附下载链接。")
def build(config_file: str | None, strict: bool, with_pdf: bool) -> None:
    """先检查稿件，再生成网站（有错误时不生成）。"""
    sys.exit(build_cmd.build(config_file, strict, with_pdf))


@cli.command("print")
@click.argument("edition", required=False)
@click.option("--size", type=click.Choice(["A3", "A4"], case_sensitive=False),
              help="纸张大小（默认：mkdocs.yml 里的 print_size，未设置时为 A3）。")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="文件.pdf",
              help="PDF 的保存位置（默认：网站文件夹里的 editions/期名.pdf）。")
@click.option("--strict", is_flag=True, help="版面超出或缺字时退出码为 1（PDF 仍会生成，供校样）。")
@CONFIG_OPTION
def print_(edition: str | None, size: str | None, output: Path | None, strict: bool, config_file: str | None) -> None:
    """把一期报纸排成可以付印的 PDF（EDITION 是期的文件名，不写则为最新一期）。"""
    sys.exit(print_cmd.run(config_file, edition, size.upper() if size else None, output, strict))


@cli.command()
@click.argument("article")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), metavar="文件夹",
              help="导出到哪个文件夹（默认：mkdocs.yml 旁边的 wechat/文件名/）。")
@CONFIG_OPTION
def wechat(article: str, output: Path | None, config_file: str | None) -> None:
    """把一篇文章导出成可以粘贴进公众号的文件夹（ARTICLE 是文章的编号、路径、文件名或标题，草稿也可以）。"""
    sys.exit(wechat_cmd.run(config_file, article, output))


@cli.command()
@CONFIG_OPTION
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="地址:端口",
              help="预览服务的地址。")
@click.option("--drafts", is_flag=True, help="同时显示草稿和未到发布日期的文章（有醒目标记）。")
def serve(config_file: str | None, dev_addr: str, drafts: bool) -> None:
    """本地预览网站，修改稿件后自动刷新。"""
    sys.exit(build_cmd.serve(config_file, dev_addr, drafts))


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """新建一个社区报（mkdocs.yml、content/ 和每类稿件的示例）。"""
    init_cmd.run(directory)
    click.echo(f"已新建社区报：{directory}\n下一步：cd {directory} && bulletin serve")


def usage_message(exc: click.UsageError) -> str:
    """Click's usage errors in Chinese (click itself speaks English only)."""
    param = exc.param.get_error_hint(exc.ctx) if getattr(exc, "param", None) and exc.ctx else ""
    if isinstance(exc, click.MissingParameter):
        return f"缺少 {param or '必填的参数'}。"
    if isinstance(exc, click.NoSuchOption):
        hint = f"是不是想写 {'、'.join(exc.possibilities)}？" if exc.possibilities else ""
        return f"没有 {exc.option_name} 这个选项。{hint}"
    if isinstance(exc, click.BadParameter) and isinstance(getattr(exc.param, "type", None), click.Choice):
        return f"{param} 只能写：{'、'.join(map(str, exc.param.type.choices))}。"
    if isinstance(exc, click.BadParameter):
        return f"{param or '参数'} 的值不对（{exc.message}）。"
    if "No such command" in exc.message:
        names = "、".join(cli.commands)
        return f"没有这个命令。可用的命令：{names}。"
    return f"命令的写法不对（{exc.message}）。"


def main() -> None:
    """Entry point: user mistakes get a Chinese message, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("已取消。", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        click.echo(f"错误：{usage_message(exc)}", err=True)
        command = exc.ctx.command_path if exc.ctx else "bulletin"
        click.echo(f"用 {command} --help 查看用法。", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UserError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("已停止。", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: say so plainly
        if os.environ.get("BULLETIN_DEBUG"):
            raise
        click.echo(f"程序内部错误（不是稿件的问题）：{type(exc).__name__}: {exc}\n"
                   "请把这条信息告诉技术人员；设置环境变量 BULLETIN_DEBUG=1 可看到详细信息。", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
