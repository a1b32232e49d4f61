"""The paper edition: one edition (期) as a print-ready PDF, made with WeasyPrint.

Made from the core's models (editions, articles, images), through Jinja
templates under themes/bulletin/print/; knows nothing of MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .options import Overflow, PrintOptions, PrintResult
from .sizes import SIZES, PaperSize, paper_size

if TYPE_CHECKING:
    from ..content import Bulletin
    from ..content.editions import Edition


def print_edition(bulletin: Bulletin, edition: Edition, target: Path, options: PrintOptions) -> PrintResult:
    """Write the edition's PDF to `target`; the result tells what to fix.

    WeasyPrint is imported here, on first use, not with the package: it takes
    a while to import and changes a Pillow setting for the whole process
    (see render.py), which the plugin and every other command must not pay for.
    """
    from .render import print_edition as render_edition
    return render_edition(bulletin, edition, target, options)

__all__ = ["Overflow", "PaperSize", "PrintOptions", "PrintResult", "SIZES", "paper_size", "print_edition"]
