"""The article types; the folder under content/ decides an article's type."""

from . import case, minhu, story
from .base import DRAFT, EMBARGOED, PUBLISHED, Article, ArticleType

TYPES: dict[str, ArticleType] = {t.folder: t for t in (story.TYPE, case.TYPE, minhu.TYPE)}

__all__ = ["TYPES", "Article", "ArticleType", "PUBLISHED", "DRAFT", "EMBARGOED"]
