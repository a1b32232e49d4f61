"""The search page and the search index, as the MkDocs adapter sees them.

The page is a virtual page like the home page; the index is written after
the build from the core's bulletin (site_builder.search), not from pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from ..content import Bulletin
from ..search import SearchIndexError, build_index, popular_topics, search_facets
from .caches import cache_dir
from .pages import VirtualPage

log = get_plugin_logger("社区报")

SEARCH_URI = "search.md"


def _context(bulletin: Bulletin) -> dict:
    return {"search_facets": search_facets(bulletin), "search_topics": popular_topics(bulletin)}


def search_pages() -> dict[str, VirtualPage]:
    """The search page (search/), kept out of the navigation: the header's
    search box on every page leads to it."""
    return {SEARCH_URI: VirtualPage(SEARCH_URI, "搜索", "search.html", _context)}


def write_search_index(bulletin: Bulletin, config: MkDocsConfig) -> None:
    """Index the published articles into the built site (pagefind/)."""
    try:
        summary = build_index(bulletin, Path(config.site_dir), cache_dir(config, "search"))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
    how = "内容未变，沿用缓存，未运行 Pagefind" if summary.cached else "已由 Pagefind 重新生成"
    log.info(f"搜索索引：{summary.records} 篇文章，{how}")
