"""The pictures of a 公众号 export: numbered in reading order, from the pipeline.

Each picture is the image pipeline's largest JPEG of the source (upright,
sRGB, every piece of metadata removed, at most `images_widths`' largest
width): the 公众号 takes JPEG but not WebP. `article.html` points at the
published copy on the site when `site_url` is set, else at the numbered file
in the export's images/ folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.types import Article
from ..content.urls import absolute_url
from ..images import ImageCatalog

FOLDER = "images"


@dataclass(frozen=True)
class WechatImage:
    """One picture of the export."""

    number: int     # 1, 2, … in reading order
    file: Path      # the pipeline's JPEG (in the image cache)
    url: str        # what <img src> says: the published copy, or images/NN.jpg
    width: int
    height: int

    @property
    def name(self) -> str:
        """The file name in images/: 01.jpg, 02.jpg, …"""
        return f"{self.number:02d}.jpg"

    @property
    def size(self) -> int:
        return self.file.stat().st_size


def article_images(article: Article, catalog: ImageCatalog, site_url: str | None) -> dict[str, WechatImage]:
    """The article's pictures by path under content/, numbered as a reader
    meets them: the cover first (it comes before the body on every type of
    page), then the body's in the order written; a picture used twice once."""
    images = [article.cover, *article.images] if article.cover else list(article.images)
    found: dict[str, WechatImage] = {}
    for image in images:
        published = catalog.get(image.url)
        if published is None or image.url in found:
            continue  # a picture the pipeline refused is an error of the article
        variant = published.largest
        number = len(found) + 1
        url = absolute_url(site_url, variant.url) or f"{FOLDER}/{number:02d}.jpg"
        found[image.url] = WechatImage(number, variant.path, url, variant.width, variant.height)
    return found
