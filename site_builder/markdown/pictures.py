"""Images in article bodies become the theme's responsive pictures.

A paragraph holding only images becomes figures with their captions (the
alt text) and credits (the title). Two images marked `{ .before }` and
`{ .after }` in one paragraph become a before/after pair: side by side on wide
screens, stacked on phones (see assets/bulletin/images.css). An image inside
running text is swapped for a bare picture.

The markup is the theme's (partials/bulletin/figure.html, pair.html and
picture.html, the same partials covers use), so a site that overrides one
changes every picture. The extension knows nothing of files, caches or
engines: it asks a `lookup` callable for the sources of an image path as
written, and a `render` callable for a partial's HTML, which it stashes as
raw HTML; it leaves alone what it cannot resolve.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# How wide an image is shown, so the browser can pick a variant before layout:
# the article column on wide screens, the whole screen on phones.
SIZES = "(min-width: 60em) 42rem, 100vw"
PAIR_SIZES = "(min-width: 60em) 21rem, (min-width: 40em) 50vw, 100vw"
PAIR_ROLES = ("before", "after")

FIGURE, PAIR, PICTURE = "partials/bulletin/figure.html", "partials/bulletin/pair.html", "partials/bulletin/picture.html"


@dataclass(frozen=True)
class Picture:
    """The sources of one image, with URLs ready for the page being rendered."""

    src: str           # the fallback JPEG
    srcset: str        # JPEG variants: "url 480w, url 960w, …"
    webp_srcset: str   # WebP variants
    width: int         # intrinsic size of the largest variant: reserves the
    height: int        # space before the image loads (no layout shift)


@dataclass(frozen=True)
class BodyImage:
    """An image as the Markdown wrote it, in the shape figure.html reads."""

    url: str
    caption: str
    credit: str


Lookup = Callable[[str], "Picture | None"]
Render = Callable[..., str]  # render(template name, **context) -> HTML


class PictureTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, lookup: Lookup, render: Render) -> None:
        super().__init__(md)
        self.lookup = lookup
        self.render = render

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for paragraph in [el for el in root.iter("p") if _only_images(el)]:
            self._figures(paragraph, parents[paragraph])
        parents = {child: parent for parent in root.iter() for child in parent}
        for img in [el for el in root.iter("img") if parents.get(el) is not None]:
            if picture := self.lookup(img.get("src", "")):
                html = self.render(PICTURE, picture=picture, alt=img.get("alt", ""), sizes=SIZES,
                                   img_class=img.get("class"), eager=False, published=None)
                _replace_inline(parents[img], img, self.md.htmlStash.store(html.strip()))

    def _figures(self, paragraph: etree.Element, parent: etree.Element) -> None:
        images = list(paragraph)
        pictures = [self.lookup(img.get("src", "")) for img in images]
        if not all(pictures):
            return  # leave an unresolved image exactly as Markdown wrote it
        roles = [_role(img) for img in images]
        pair = len(images) == 2 and tuple(roles) == PAIR_ROLES
        figures = [{"image": BodyImage(img.get("src", ""), img.get("alt", ""), img.get("title", "")),
                    "picture": picture, "role": role, "img_class": img.get("class"),
                    "sizes": PAIR_SIZES if pair else SIZES}
                   for img, picture, role in zip(images, pictures, roles)]
        common = {"bulletin_images": None, "eager": False, "published": None}
        if pair:
            html = [self.render(PAIR, figures=figures, **common)]
        else:
            html = [self.render(FIGURE, **figure, **common) for figure in figures]
        index = list(parent).index(paragraph)
        parent.remove(paragraph)
        for offset, block in enumerate(html):
            holder = etree.Element("p")  # the stash puts the block in place of <p>placeholder</p>
            holder.text = self.md.htmlStash.store(block.strip())
            parent.insert(index + offset, holder)
        parent[index + len(html) - 1].tail = paragraph.tail


def _only_images(paragraph: etree.Element) -> bool:
    children = list(paragraph)
    return (bool(children) and all(c.tag == "img" for c in children)
            and not (paragraph.text or "").strip()
            and not any((c.tail or "").strip() for c in children))


def _role(img: etree.Element) -> str | None:
    classes = (img.get("class") or "").split()
    return next((role for role in PAIR_ROLES if role in classes), None)


def _replace_inline(parent: etree.Element, img: etree.Element, placeholder: str) -> None:
    """Put `placeholder` where `img` stands in the running text."""
    index = list(parent).index(img)
    text = placeholder + (img.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(img)


class PictureExtension(Extension):
    def __init__(self, lookup: Lookup, render: Render, **kwargs) -> None:
        self.lookup = lookup
        self.render = render
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8) has turned `{ .before }` into classes. The pictures'
        # URLs come from `lookup` ready for the page (an engine's link rewriting
        # does not see raw HTML).
        md.treeprocessors.register(PictureTreeprocessor(md, self.lookup, self.render), "bulletin_pictures", 6)
