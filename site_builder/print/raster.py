"""PDF pages to WebP pictures: pdftoppm (poppler-utils) draws, Pillow encodes.

Each page is drawn once, at the largest width wanted, and scaled down for the
smaller ones; the same PDF gives byte-identical pictures every time.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

QUALITY = 78


class RasterError(Exception):
    """The page pictures could not be drawn; the message is for the editor."""


def rasterise(pdf: Path, widths: dict[str, int]) -> list[dict[str, tuple[Image.Image, int, int]]]:
    """Every page of `pdf` at each named width: [{name: (picture, width, height)}], in page order."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise RasterError("找不到 pdftoppm，无法把版面排成图片。请安装 poppler-utils（`make install` 会自动安装）。")
    largest = max(widths.values())
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "page"
        done = subprocess.run([tool, "-png", "-scale-to-x", str(largest), "-scale-to-y", "-1",
                               str(pdf), str(prefix)], capture_output=True, text=True)
        if done.returncode != 0:
            raise RasterError(f"pdftoppm 没能把版面排成图片：{done.stderr.strip()[:200]}")
        pages = []
        for path in sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
            with Image.open(path) as drawn:
                full = drawn.convert("RGB")
            sized = {}
            for name, width in widths.items():
                height = round(full.height * width / full.width)
                picture = full if width == full.width else full.resize((width, height), Image.LANCZOS)
                sized[name] = (picture, width, height)
            pages.append(sized)
    return pages


def save_webp(picture: Image.Image, target: Path) -> None:
    """One WebP file, without metadata; the same picture gives the same bytes."""
    picture.save(target, "WEBP", quality=QUALITY, method=4)
