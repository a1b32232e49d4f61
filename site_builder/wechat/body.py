"""Article bodies for the 公众号: the site's Markdown conversion and sanitiser.

The same Python-Markdown extensions as the web pages (mkdocs.yml's
`markdown_extensions`) and the bulletin's sections and pictures extensions.
Pictures point at the export's copies; links at the site or nowhere
(links.py). The result goes through the site's nh3 allow-list, narrowed to
what a fragment may carry: no <picture>/<source> (the 公众号 shows JPEGs
only), no ids, no lazy loading, no data attributes.
"""

from __future__ import annotations

import nh3
from markdown import Markdown

from ..content.types import Article
from ..markdown.pictures import Picture, PictureExtension
from ..markdown.sections import SectionExtension
from ..mkdocs.sanitize import ATTRIBUTES, TAGS
from .images import WechatImage
from .links import LinkExtension, Resolve

SECTIONS = "site_builder.markdown.sections"

FRAGMENT_TAGS = TAGS - {"picture", "source", "details", "summary"}
_DROPPED = {"id", "name", "loading", "decoding", "srcset", "sizes"}
FRAGMENT_ATTRIBUTES = {tag: attrs - _DROPPED for tag, attrs in ATTRIBUTES.items() if tag in FRAGMENT_TAGS | {"*"}}


class BodyRenderer:
    """One Markdown converter reused for each article it renders."""

    def __init__(self, extensions: list, extension_configs: dict) -> None:
        self._images: dict[str, WechatImage] = {}
        self._resolve: Resolve = lambda href: None
        wanted = [e for e in extensions if e != SECTIONS]
        self._md = Markdown(
            extensions=[*wanted, SectionExtension(), PictureExtension(self._lookup),
                        LinkExtension(lambda href: self._resolve(href))],
            extension_configs={k: v for k, v in extension_configs.items() if k in wanted},
        )

    def render(self, article: Article, images: dict[str, WechatImage], resolve: Resolve) -> str:
        """The article's body as sanitised HTML for the fragment."""
        self._images = {image.src: images[image.url] for image in article.images if image.url in images}
        self._resolve = resolve
        self._md.reset()
        return clean(self._md.convert(article.body))

    def _lookup(self, src: str) -> Picture | None:
        copy = self._images.get(src)
        if copy is None:
            return None  # not one of the article's checked images (an error `bulletin check` reports)
        return Picture(src=copy.url, srcset="", webp_srcset="", width=copy.width, height=copy.height)


def clean(html: str) -> str:
    """The body with everything a 公众号 fragment may not carry removed."""
    return nh3.clean(html, tags=FRAGMENT_TAGS, attributes=FRAGMENT_ATTRIBUTES,
                     url_schemes={"http", "https"}, link_rel=None, strip_comments=True)
