"""Article bodies for the 公众号: the site's Markdown conversion and sanitiser.

The same Python-Markdown extensions as the web pages (mkdocs.yml's
`markdown_extensions`) and the bulletin's sections and pictures extensions.
Pictures point at the export's copies.

Links point at the site itself, or nowhere: the 公众号 editor refuses most
outside links, and a fragment must not send readers elsewhere. A link to
another article of the bulletin becomes its address on the site (when
`site_url` is set and the article is published); every other link is taken
out, its words kept.

The result goes through the site's nh3 allow-list, narrowed to what a
fragment may carry: no <picture>/<source> (the 公众号 shows JPEGs only), no
ids, no lazy loading, no data attributes.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Callable
from urllib.parse import unquote, urlsplit

import jinja2
import nh3
from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..content.types import Article
from ..markdown.pictures import Picture, PictureExtension
from ..markdown.sections import SectionExtension
from ..build.sanitize import ATTRIBUTES, TAGS

if TYPE_CHECKING:
    from .fragment import WechatImage

SECTIONS = "site_builder.markdown.sections"

FRAGMENT_TAGS = TAGS - {"picture", "source", "details", "summary"}
_DROPPED = {"id", "name", "loading", "decoding", "srcset", "sizes"}
FRAGMENT_ATTRIBUTES = {tag: attrs - _DROPPED for tag, attrs in ATTRIBUTES.items() if tag in FRAGMENT_TAGS | {"*"}}

# Turns a link target, as written in the article, into the site's address or None.
Resolve = Callable[[str], "str | None"]


class BodyRenderer:
    """One Markdown converter reused for each article it renders."""

    def __init__(self, extensions: list, extension_configs: dict, env: jinja2.Environment) -> None:
        self._env = env
        self._images: dict[str, WechatImage] = {}
        self._resolve: Resolve = lambda href: None
        wanted = [e for e in extensions if e != SECTIONS]
        self._md = Markdown(
            extensions=[*wanted, SectionExtension(), PictureExtension(self._lookup, self._render),
                        LinkExtension(lambda href: self._resolve(href))],
            extension_configs={k: v for k, v in extension_configs.items() if k in wanted},
        )

    def render(self, article: Article, images: dict[str, WechatImage], resolve: Resolve) -> str:
        """The article's body as sanitised HTML for the fragment."""
        self._images = {image.src: images[image.url] for image in article.images if image.url in images}
        self._resolve = resolve
        self._md.reset()
        return clean(self._md.convert(article.body))

    def _render(self, template: str, **context) -> str:
        """The theme's picture partials, as the web pages use them."""
        return self._env.get_template(template).render(context)

    def _lookup(self, src: str) -> Picture | None:
        copy = self._images.get(src)
        if copy is None:
            return None  # not one of the article's checked images (an error `bulletin check` reports)
        return Picture(src=copy.url, srcset="", webp_srcset="", width=copy.width, height=copy.height)


def clean(html: str) -> str:
    """The body with everything a 公众号 fragment may not carry removed."""
    return nh3.clean(html, tags=FRAGMENT_TAGS, attributes=FRAGMENT_ATTRIBUTES,
                     url_schemes={"http", "https"}, link_rel=None, strip_comments=True)


def site_links(site_url: str | None, article_id: str, published: dict[str, str]) -> Resolve:
    """A resolver for one article: `published` maps article ids to their site URLs."""
    site = urlsplit(site_url) if site_url else None

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            same_site = site is not None and parts.scheme in ("http", "https") and parts.netloc == site.netloc
            return href if same_site else None
        path = unquote(parts.path)
        if not path.endswith(".md"):
            return None
        if path.startswith("/"):
            target = path.lstrip("/")
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(article_id), path))
        return published.get(target.removesuffix(".md"))

    return resolve


class LinkTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, resolve: Resolve) -> None:
        super().__init__(md)
        self.resolve = resolve

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for link in [el for el in root.iter("a") if el in parents]:
            target = self.resolve(link.get("href", ""))
            if target:
                link.set("href", target)
            else:
                _unwrap(link, parents[link])


def _unwrap(element: etree.Element, parent: etree.Element) -> None:
    """Replace `element` by its text and children, in place."""
    index = list(parent).index(element)
    text = element.text or ""
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    children = list(element)
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    tail = element.tail or ""
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif index == 0:
        parent.text = (parent.text or "") + tail
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + tail


class LinkExtension(Extension):
    def __init__(self, resolve: Resolve, **kwargs) -> None:
        self.resolve = resolve
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # With the pictures (6): after attr_list, once inline links exist.
        md.treeprocessors.register(LinkTreeprocessor(md, self.resolve), "bulletin_wechat_links", 5)
