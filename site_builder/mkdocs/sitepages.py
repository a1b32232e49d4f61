"""The site map (site_builder/site/) as MkDocs sees it: a file per page.

An article page is its Markdown file under content/; every other page is a
generated file `<url>index.md` with no text. 404.html is the theme's own
page, which MkDocs builds from its static templates.
"""

from __future__ import annotations

from ..site.sitemap import SiteMap, SitePage


def source(page: SitePage) -> str:
    """The page's documentation file, as MkDocs names it (`src_uri`)."""
    return page.article.source_uri if page.article else f"{page.url}index.md"


class SitePages:
    """The site map's pages by MkDocs file: the one place files meet pages."""

    def __init__(self, site: SiteMap) -> None:
        self.site = site
        self._by_source = {source(p): p for p in site.pages if not p.url.endswith(".html")}

    def get(self, src_uri: str) -> SitePage | None:
        return self._by_source.get(src_uri)

    def generated(self) -> list[tuple[str, SitePage]]:
        """(file, page) of every page that has no file under content/."""
        return [(src, page) for src, page in self._by_source.items() if page.article is None]

    def nav(self) -> list[dict]:
        """MkDocs' `nav` setting: the sections of the menu."""
        return [{page.title: source(page)} for page in self.site.nav]
