"""The search index, as the MkDocs adapter writes it.

The search page is in the site map (site_builder/site/sitemap.py); the index
is written after the build from the core's bulletin (site_builder.search),
not from pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from ..content import Bulletin
from ..search import SearchIndexError, build_index
from .caches import cache_dir

log = get_plugin_logger("社区报")

def write_search_index(bulletin: Bulletin, config: MkDocsConfig) -> None:
    """Index the published articles into the built site (pagefind/)."""
    try:
        summary = build_index(bulletin, Path(config.site_dir), cache_dir(config, "search"))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
    how = "内容未变，沿用缓存，未运行 Pagefind" if summary.cached else "已由 Pagefind 重新生成"
    log.info(f"搜索索引：{summary.records} 篇文章，{how}")
