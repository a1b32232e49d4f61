"""Links in a 公众号 fragment point at the site itself, or nowhere.

The 公众号 editor refuses most outside links, and a fragment must not send
readers elsewhere: a link to another article of the bulletin becomes its
address on the site (when `site_url` is set and the article is published);
every other link is taken out, its words kept.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from typing import Callable
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Turns a link target, as written in the article, into the site's address or None.
Resolve = Callable[[str], "str | None"]


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
