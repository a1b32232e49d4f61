"""Where links of an article point, and which targets are refused.

Markdown passes link targets through untouched, so `[点这里](javascript:…)`
would run code in a resident's browser, and `[附件](../../../../etc/passwd)`
would publish, or at least point at, a file of the editors' computer. Links
may go to other websites and to anything inside content/, nothing else.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote

from .fields import Context

CODE_SCHEMES = {"javascript", "vbscript", "data"}
WEB_SCHEMES = {"http", "https"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers ignore these inside a URL, so `java\tscript:` is still javascript:.
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\u200b-\u200f\u2028\u2029\ufeff]")

# [text](target "title") but not ![image](…); [id]: target; <scheme:…>
_INLINE = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")

_WHERE = "把文件放进 content/ 里（例如 content/images/ 或文章旁边），再用相对路径或以 / 开头（从 content/ 算起）的路径引用。"


def markdown_targets(text: str) -> Iterator[str]:
    """The link targets written in one line of Markdown."""
    for pattern in (_INLINE, _REFERENCE, _AUTOLINK):
        for match in pattern.finditer(text):
            yield match.group(1)


def check_target(target: str, line: int, field: str, article_path: Path, content_root: Path,
                 ctx: Context, *, embedded: bool = False) -> None:
    """Report a target that runs code, leaves content/, or (for embedded
    things such as images and media) loads from another host."""
    decoded = unquote(html.unescape(target))
    bare = _INVISIBLE.sub("", decoded)
    scheme = _SCHEME.match(bare)
    if scheme:
        _check_scheme(scheme.group(1).lower(), target, line, field, ctx, embedded)
        return
    if bare.startswith("//") or bare.startswith("\\\\"):
        if embedded:
            ctx.error(line, field, f"“{target}”会从其他网站加载内容，网站不从其他网站加载任何东西。",
                      "把文件下载下来放进 content/，再引用它。")
        return
    path = re.split(r"[?#]", decoded.replace("\\", "/"), maxsplit=1)[0]
    if path:
        _check_path(path, target, line, field, article_path, content_root, ctx)


def _check_scheme(scheme: str, target: str, line: int, field: str, ctx: Context, embedded: bool) -> None:
    if scheme in CODE_SCHEMES:
        ctx.error(line, field, f"链接“{_short(target)}”以 {scheme}: 开头，会在读者的浏览器里运行代码或藏入内容，不允许使用。",
                  "删掉这个链接；要链接到网页，请写完整的 https:// 网址。")
    elif scheme == "file" or len(scheme) == 1:
        ctx.error(line, field, f"链接“{_short(target)}”指向编辑电脑上的文件，读者打不开，也会暴露电脑上的路径。",
                  _WHERE)
    elif embedded and scheme in WEB_SCHEMES:
        ctx.error(line, field, f"“{_short(target)}”会从其他网站加载内容，网站不从其他网站加载任何东西。",
                  "把文件下载下来放进 content/，再引用它。")


def _check_path(path: str, target: str, line: int, field: str, article_path: Path,
                content_root: Path, ctx: Context) -> None:
    root = content_root.resolve()
    if path.startswith("/"):
        inside = root / path.lstrip("/")
        if not inside.exists() and _exists_on_computer(path):
            ctx.error(line, field, f"链接“{_short(target)}”是这台电脑上的绝对路径，不在 content/ 里。", _WHERE)
            return
        lexical = os.path.normpath(os.path.join(root, path.lstrip("/")))
    else:
        lexical = os.path.normpath(os.path.join(article_path.parent.resolve(), path))
    if not _within(Path(lexical), root):
        ctx.error(line, field, f"链接“{_short(target)}”指向 content/ 文件夹以外的地方。", _WHERE)
    elif not _within(Path(lexical).resolve(), root):
        ctx.error(line, field, f"链接“{_short(target)}”经过符号链接指向 content/ 文件夹以外的地方。",
                  "不要用符号链接引用 content/ 以外的文件；" + _WHERE)


def _exists_on_computer(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
