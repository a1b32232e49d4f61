"""The paper edition: one edition (期) as a print-ready PDF, made with WeasyPrint.

Made from the core's models (editions, articles, images), through Jinja
templates under themes/bulletin/print/; knows nothing of MkDocs.
"""

from __future__ import annotations

from .options import Overflow, PrintOptions, PrintResult
from .render import print_edition
from .sizes import SIZES, PaperSize, paper_size

__all__ = ["Overflow", "PaperSize", "PrintOptions", "PrintResult", "SIZES", "paper_size", "print_edition"]
