"""Which 版 do not fit their page, and by how much.

Every 版 starts a new page and should fill exactly one. Each carries an anchor
at its start (`sheet-N`) and at its end (`sheet-N-end`); WeasyPrint reports on
which page, and where, each anchor landed. A 版 whose end lands on a later page
than its start overflows by the height it takes on the pages after the first.
"""

from __future__ import annotations

from weasyprint.document import Document

from .layout import PrintSheet
from .options import Overflow
from .sizes import PaperSize

MM_PER_PX = 25.4 / 96  # WeasyPrint measures in CSS pixels


def find_overflows(document: Document, sheets: list[PrintSheet], size: PaperSize) -> list[Overflow]:
    where: dict[str, tuple[int, float]] = {}
    for index, page in enumerate(document.pages):
        for anchor, (_x, y, *_rest) in page.anchors.items():  # (x1, y1, x2, y2)
            where.setdefault(anchor, (index, y))
    overflows = []
    for sheet in sheets:
        start, end = where.get(sheet.anchor), where.get(f"{sheet.anchor}-end")
        if start is None or end is None or end[0] == start[0]:
            continue
        top, height = _body(document, end[0])
        excess = (end[0] - start[0] - 1) * height + (end[1] - top)
        overflows.append(Overflow(sheet.page.number, excess * MM_PER_PX, height * MM_PER_PX))
    return overflows


def _body(document: Document, index: int) -> tuple[float, float]:
    """Top and height of a page's body (inside its margins), in CSS pixels."""
    box = document.pages[index]._page_box  # WeasyPrint exposes no public accessor
    return box.content_box_y(), box.height
