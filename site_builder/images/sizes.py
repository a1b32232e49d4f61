"""Pure size arithmetic: which widths to make, how tall, where to crop.

No Pillow here, so every rule is cheap to test and to reason about.
"""

from __future__ import annotations

import math

MM_PER_INCH = 25.4


def variant_widths(source_width: int, wanted: tuple[int, ...]) -> list[int]:
    """The responsive widths for a source: never upscaled, the largest capped
    at the source's own width, so a small photo still gets one variant."""
    widths = sorted({w for w in wanted if w < source_width})
    top = min(source_width, max(wanted))
    if top not in widths:
        widths.append(top)
    return sorted(widths)


def scaled_height(width: int, height: int, new_width: int) -> int:
    """The height that keeps the aspect ratio at new_width (at least 1 px)."""
    return max(1, round(height * new_width / width))


def cover_crop(width: int, height: int, target_w: int, target_h: int) -> tuple[int, int, int, int]:
    """The centred box of the source that fills target_w × target_h exactly.

    Photos of people are usually framed around the middle; a centred crop
    loses the least of what the photographer meant to show.
    """
    target_ratio = target_w / target_h
    if width / height > target_ratio:  # too wide: trim the sides
        crop_w = round(height * target_ratio)
        left = (width - crop_w) // 2
        return left, 0, left + crop_w, height
    crop_h = round(width / target_ratio)
    top = (height - crop_h) // 2
    return 0, top, width, top + crop_h


def print_pixels(width_mm: float, dpi: int) -> int:
    """Pixels needed across a printed width at a resolution."""
    return math.ceil(width_mm / MM_PER_INCH * dpi)


def print_dpi(pixels: int, width_mm: float) -> int:
    """The resolution a source of `pixels` reaches when printed `width_mm` wide."""
    return int(pixels / (width_mm / MM_PER_INCH))
