"""What a print run needs to know about the site, gathered by the caller.

The print package knows nothing of MkDocs: the command and the plugin read
mkdocs.yml and hand over these plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .sizes import SIZES, PaperSize


@dataclass(frozen=True)
class PrintOptions:
    cache_dir: Path                       # the image cache (print variants live there too)
    site_url: str | None = None           # for the QR codes; none without it
    size: PaperSize = SIZES["A3"]
    markdown_extensions: list = field(default_factory=list)
    markdown_configs: dict = field(default_factory=dict)
    theme_dirs: tuple[Path, ...] = ()     # a site's own overrides first; the bulletin theme is added
    dpi: int = 300


@dataclass(frozen=True)
class Overflow:
    """A 版 whose content does not fit its page."""

    page: int          # the 版 number
    excess_mm: float   # how much taller the content is than the page body
    body_mm: float     # the page body's height

    @property
    def message(self) -> str:
        share = round(100 * self.excess_mm / self.body_mm)
        return (f"第{self.page}版内容超出版面：多出约 {self.excess_mm:.0f} 毫米"
                f"（约占版心高度的 {share}%）。请删减文字、缩小或删去图片，或把文章移到别的版。")


@dataclass
class PrintResult:
    path: Path
    pages: int                                   # pages of the PDF
    sheets: int                                  # 版 of the edition
    overflows: list[Overflow] = field(default_factory=list)
    missing_glyphs: list[str] = field(default_factory=list)  # text the fonts cannot show
    warnings: list[str] = field(default_factory=list)        # Chinese, for the editor

    def messages(self) -> list[str]:
        """The editor's to-do list for this PDF, in Chinese."""
        messages = list(dict.fromkeys(self.warnings))
        messages += [overflow.message for overflow in self.overflows]
        if self.missing_glyphs:
            sample = "、".join(dict.fromkeys(self.missing_glyphs))[:60]
            messages.append(f"有字在字体里找不到，印出来会是空框：{sample}。请换成常用字，或告诉技术人员安装能显示它的字体。")
        return messages
