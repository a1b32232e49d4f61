"""Full-text search: a Pagefind index of the published articles, built from
the core's models, and the choices the search page offers.

This package imports nothing from MkDocs; the adapter calls `build_index`
after a build and renders the search page with `search_facets`.
"""

from .facets import Facet, Option, popular_topics, search_facets
from .index import IndexSummary, SearchIndexError, build_index, write_index
from .records import SearchRecord, records

__all__ = ["Facet", "IndexSummary", "Option", "SearchIndexError", "SearchRecord", "build_index",
           "popular_topics", "records", "search_facets", "write_index"]
