"""Paper sizes of the print edition: the page box and how its body is divided."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaperSize:
    """One paper size: its name for CSS `@page { size }`, its columns and type sizes."""

    name: str            # "A3"
    width_mm: float
    height_mm: float
    columns: int         # columns of running text across the page
    margin_mm: float     # left and right margins; top and bottom leave room for head and foot
    gap_mm: float = 5.0  # between columns

    @property
    def body_width_mm(self) -> float:
        return self.width_mm - 2 * self.margin_mm

    @property
    def column_width_mm(self) -> float:
        return (self.body_width_mm - (self.columns - 1) * self.gap_mm) / self.columns


# A Chinese broadsheet column holds about 13 characters of 小五号 (9 pt);
# these divisions keep close to it.
SIZES: dict[str, PaperSize] = {
    "A3": PaperSize("A3", 297, 420, columns=6, margin_mm=14),
    "A4": PaperSize("A4", 210, 297, columns=4, margin_mm=12, gap_mm=4),
}


def paper_size(name: str) -> PaperSize:
    """The size called `name` (case-insensitive); ValueError for another."""
    try:
        return SIZES[name.upper()]
    except KeyError:
        raise ValueError(f"纸张大小只能是 {'、'.join(SIZES)}，这里是“{name}”。") from None
