"""What an article page needs beyond the article itself.

The site map asks `ArticleReading.context` once per article page. Everything
that depends on the whole bulletin (the tags' URL slugs) is computed once per
build here, so a page costs a few dictionary look-ups however large the
archive grows.
"""

from __future__ import annotations

from ..content import Bulletin
from ..content.archive import tag_slugs
from ..content.types import Article
from . import urls


class ArticleReading:
    """Links and related reading for the article pages of one build."""

    def __init__(self, bulletin: Bulletin) -> None:
        self.bulletin = bulletin
        self.tag_slugs = tag_slugs(bulletin.tags)

    def context(self, article: Article) -> dict:
        """The template context of an article page (see themes/bulletin/article.html)."""
        return {
            "article": article,
            "edition": self.bulletin.edition_of(article),
            "related": self.bulletin.related(article),
            "tag_links": [(tag, urls.tag(self.tag_slugs[tag])) for tag in article.tags if tag in self.tag_slugs],
        }
