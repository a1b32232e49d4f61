"""Image references in articles: where they point and whether that is allowed.

A path is relative to the Markdown file, or starts with / for content/
itself. Paths leading outside content/ (directly or through a symbolic link)
and URLs of other hosts are refused: the site fetches nothing from elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .fields import INVALID, Context

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}

# ![caption](src "credit"){ .before }
_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+[\"'](?P<title>[^\"']*)[\"'])?\s*\)"
    r"(?:\{(?P<attrs>[^}]*)\})?"
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).*?\1")


@dataclass(frozen=True)
class Image:
    """An image of an article, resolved to a file under content/."""

    src: str          # as written by the editor
    file: Path        # the file on disk
    url: str          # path under content/, e.g. images/fence-before.jpg
    caption: str = ""
    credit: str = ""
    line: int = 0


def resolve(src: str, article_path: Path, content_root: Path, ctx: Context,
            field: str, line: int, caption: str = "", credit: str = "") -> Image:
    """Check an image path and resolve it; INVALID after a report."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith("//"):
        return ctx.error(line, field, f"图片“{src}”是外部网址，网站不从其他网站加载任何东西。",
                         "把图片下载下来，放进 content/images/，再写成 /images/文件名.jpg。")
    root = content_root.resolve()
    target = (root / src.lstrip("/")) if src.startswith("/") else (article_path.parent / src)
    try:
        resolved = target.resolve()
        resolved.relative_to(root)
    except ValueError:
        return ctx.error(line, field, f"图片“{src}”指向 content/ 文件夹以外的地方（可能经过了符号链接）。",
                         "把图片放进 content/ 里（例如 content/images/），再用 /images/文件名.jpg 引用。")
    if not resolved.is_file():
        return ctx.error(line, field, f"找不到图片文件“{src}”。",
                         "检查文件名和大小写是否一致；以 / 开头的路径从 content/ 算起，否则从这篇文章所在的文件夹算起。")
    if resolved.suffix.lower() not in IMAGE_SUFFIXES:
        return ctx.error(line, field, f"“{src}”不是网站支持的图片格式。",
                         "请使用 JPG、PNG、GIF 或 WebP 图片。")
    url = resolved.relative_to(root).as_posix()
    return Image(src=src, file=resolved, url=url, caption=caption, credit=credit, line=line)


def in_body(body: str, first_line: int) -> Iterator[tuple[int, re.Match]]:
    """Every Markdown image of a body, with its line, outside code blocks."""
    # No image anywhere? (Spans stay within a line; removing one may join "!" and "[".)
    if "![" not in (_CODE_SPAN.sub("", body) if "`" in body else body):
        return
    fenced = False
    for offset, text in enumerate(body.split("\n")):
        if _FENCE.match(text):
            fenced = not fenced
            continue
        if not fenced:
            for match in _IMAGE.finditer(_CODE_SPAN.sub("", text)):
                yield first_line + offset, match


def body_images(body: str, first_line: int, article_path: Path, content_root: Path,
                ctx: Context) -> list[Image]:
    images = []
    for line, match in in_body(body, first_line):
        image = resolve(match["src"], article_path, content_root, ctx, "图片", line,
                        caption=match["alt"], credit=match["title"] or "")
        if image is not INVALID:
            images.append(image)
    return images
