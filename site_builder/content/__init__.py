"""The bulletin's content: loading, typed models, validation and queries.

This package knows the bulletin and nothing of MkDocs, so that a port to
another site engine touches only the adapter in site_builder.mkdocs.
"""

from .bulletin import Bulletin
from .loader import load_bulletin, resolve_today, today_in_china
from .problems import Problem, Problems

__all__ = ["Bulletin", "Problem", "Problems", "load_bulletin", "resolve_today", "today_in_china"]
