"""What the 公众号 editor accepts, and how an exported article measures up.

The limits, as published (checked December 2026; see docs/editor-guide.md):

- 标题 at most 64 characters, 摘要 at most 120: the 公众平台's rules for
  图文消息 (标题“不能为空且长度不超过64字”, 摘要“不能超过120个汉字或字符”).
- 正文 fewer than 20,000 characters and under 1 MB: the 公众平台 interface for
  图文素材 (content “必须少于2万字符，小于1M”), which the editor shares.
- each picture in the 正文 at most 5 MB, as bmp, png, jpeg, jpg or gif.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import nh3

from ..content.types import Article

if TYPE_CHECKING:
    from .fragment import WechatImage

TITLE_MAX = 64            # characters
DIGEST_MAX = 120          # characters
TEXT_MAX = 20_000         # characters of the 正文
HTML_MAX = 1024 * 1024    # bytes of the 正文's HTML
IMAGE_MAX = 5 * 1024 * 1024  # bytes per picture


@dataclass
class WechatReport:
    """One export, measured; `warnings` are Chinese, for the editor."""

    title: str
    digest: str
    characters: int                 # text of the fragment, without spaces
    html_bytes: int
    images: list[WechatImage]
    warnings: list[str] = field(default_factory=list)

    @property
    def image_bytes(self) -> int:
        return sum(image.size for image in self.images)

    def lines(self) -> list[str]:
        """The report as the command prints it (and report.txt keeps it)."""
        lines = [
            f"标题（填进公众号的标题栏）：{self.title}（{len(self.title)} 字，上限 {TITLE_MAX}）",
            f"摘要（填进摘要栏）：{self.digest}（{len(self.digest)} 字，上限 {DIGEST_MAX}）",
            f"正文：{self.characters} 字（上限 {TEXT_MAX}），article.html {_size(self.html_bytes)}（上限 {_size(HTML_MAX)}）",
            (f"图片：{len(self.images)} 张，共 {_size(self.image_bytes)}（每张上限 {_size(IMAGE_MAX)}）"
             if self.images else "图片：没有"),
        ]
        lines += [f"提醒：{warning}" for warning in self.warnings]
        return lines


def measure(article: Article, fragment: str, images: list[WechatImage], site_url: str | None) -> WechatReport:
    """Count what the 公众号 limits, and warn where the article exceeds them."""
    text = html.unescape(nh3.clean(fragment, tags=set()))
    report = WechatReport(title=article.title, digest=article.lead, characters=len("".join(text.split())),
                          html_bytes=len(fragment.encode("utf-8")), images=images)
    warn = report.warnings.append
    if len(report.title) > TITLE_MAX:
        warn(f"标题有 {len(report.title)} 字，公众号最多 {TITLE_MAX} 字：发公众号时请另拟一个短标题。")
    if len(report.digest) > DIGEST_MAX:
        warn(f"摘要有 {len(report.digest)} 字，公众号最多 {DIGEST_MAX} 字：请在稿件的 summary 里写一段更短的导语，"
             "或在公众号的摘要栏里删减。")
    if report.characters >= TEXT_MAX:
        warn(f"正文有 {report.characters} 字，公众号正文要少于 {TEXT_MAX} 字：请删减，或分成两篇发。")
    if report.html_bytes >= HTML_MAX:
        warn(f"article.html 有 {_size(report.html_bytes)}，公众号正文要小于 {_size(HTML_MAX)}：请删减文字或表格，或分成两篇发。")
    for image in images:
        if image.size > IMAGE_MAX:
            warn(f"图片 {image.name} 有 {_size(image.size)}，超过公众号每张 {_size(IMAGE_MAX)} 的上限：请换一张较小的图片。")
    if not site_url:
        warn("mkdocs.yml 没有设置 site_url：文末没有网页版链接，图片要在公众号编辑器里逐张上传 images/ 里的文件。")
    elif not article.is_published:
        warn("这篇文章还没有发布，网站上还没有它的图片和网页（文末的网页版链接）：请先发布网站再粘贴"
             + ("，或在公众号编辑器里上传 images/ 里的图片。" if images else "。"))
    return report


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{max(1, round(count / 1024))} KB"
