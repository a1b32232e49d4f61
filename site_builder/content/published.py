"""What a build may publish besides the articles themselves.

An image is published only when an article that is published uses it (in
its body or as its cover): a picture taken for a draft or an embargoed
story must not be reachable on the site before the story is.
"""

from __future__ import annotations

from typing import Iterable

from .types import Article


def image_urls(articles: Iterable[Article]) -> set[str]:
    """Paths under content/ of every image the given articles show."""
    urls: set[str] = set()
    for article in articles:
        urls.update(image.url for image in article.images)
        if article.cover is not None:
            urls.add(article.cover.url)
    return urls
