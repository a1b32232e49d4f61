"""Images in article bodies become responsive <picture>s, built with ElementTree.

A paragraph holding only images becomes figures with their captions (the
alt text) and credits (the title). Two images marked `{ .before }` and
`{ .after }` in one paragraph become a before/after pair: side by side on wide
screens, stacked on phones (see assets/bulletin/images.css). An image inside
running text is swapped for a bare <picture>.

The extension knows nothing of files or caches: it asks a `lookup` callable
for the sources of an image path as written, and leaves alone what it cannot
resolve.
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


@dataclass(frozen=True)
class Picture:
    """The sources of one image, with URLs ready for the page being rendered."""

    src: str           # the fallback JPEG, relative to the Markdown file
    srcset: str        # JPEG variants: "url 480w, url 960w, …"
    webp_srcset: str   # WebP variants
    width: int         # intrinsic size of the largest variant: reserves the
    height: int        # space before the image loads (no layout shift)


Lookup = Callable[[str], "Picture | None"]


class PictureTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, lookup: Lookup) -> None:
        super().__init__(md)
        self.lookup = lookup

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for paragraph in [el for el in root.iter("p") if _only_images(el)]:
            self._figures(paragraph, parents[paragraph])
        parents = {child: parent for parent in root.iter() for child in parent}
        for img in [el for el in root.iter("img") if parents.get(el) is not None]:
            parent = parents[img]
            if parent.tag != "picture" and (picture := self.lookup(img.get("src", ""))):
                index = list(parent).index(img)
                parent.remove(img)
                element = _picture(img, picture, SIZES)
                element.tail, img.tail = img.tail, None
                parent.insert(index, element)

    def _figures(self, paragraph: etree.Element, parent: etree.Element) -> None:
        images = list(paragraph)
        pictures = [self.lookup(img.get("src", "")) for img in images]
        if not all(pictures):
            return  # leave an unresolved image exactly as Markdown wrote it
        roles = [_role(img) for img in images]
        if len(images) == 2 and tuple(roles) == PAIR_ROLES:
            replacement = [etree.Element("div", {"class": "bulletin-pair"})]
            for img, picture, role in zip(images, pictures, roles):
                replacement[0].append(_figure(img, picture, PAIR_SIZES, role))
        else:
            replacement = [_figure(img, picture, SIZES, role)
                           for img, picture, role in zip(images, pictures, roles)]
        index = list(parent).index(paragraph)
        replacement[-1].tail = paragraph.tail
        parent.remove(paragraph)
        for offset, element in enumerate(replacement):
            parent.insert(index + offset, element)


def _only_images(paragraph: etree.Element) -> bool:
    children = list(paragraph)
    return (bool(children) and all(c.tag == "img" for c in children)
            and not (paragraph.text or "").strip()
            and not any((c.tail or "").strip() for c in children))


def _role(img: etree.Element) -> str | None:
    classes = (img.get("class") or "").split()
    return next((role for role in PAIR_ROLES if role in classes), None)


def _figure(img: etree.Element, picture: Picture, sizes: str, role: str | None) -> etree.Element:
    classes = "bulletin-figure" + (f" bulletin-figure--{role}" if role else "")
    figure = etree.Element("figure", {"class": classes})
    caption, credit = img.get("alt", ""), img.get("title", "")
    figure.append(_picture(img, picture, sizes))
    if caption or credit:
        figcaption = etree.SubElement(figure, "figcaption")
        figcaption.text = caption
        if credit:
            span = etree.SubElement(figcaption, "span", {"class": "bulletin-credit"})
            span.text = credit
            span.tail = None
            if caption:
                figcaption.text = f"{caption} "
    return figure


def _picture(img: etree.Element, picture: Picture, sizes: str) -> etree.Element:
    """<picture><source webp><img jpeg></picture>; lazy: body images sit below the first screen."""
    element = etree.Element("picture")
    etree.SubElement(element, "source", {"type": "image/webp", "srcset": picture.webp_srcset,
                                         "sizes": sizes})
    attrs = {"src": picture.src, "srcset": picture.srcset, "sizes": sizes,
             "width": str(picture.width), "height": str(picture.height),
             "alt": img.get("alt", ""), "loading": "lazy", "decoding": "async"}
    if img.get("class"):
        attrs["class"] = img.get("class")
    etree.SubElement(element, "img", attrs)
    return element


class PictureExtension(Extension):
    def __init__(self, lookup: Lookup, **kwargs) -> None:
        self.lookup = lookup
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8) has turned `{ .before }` into classes; before
        # MkDocs' link rewriting (0), which then makes each <img src> relative
        # to the page and checks that the variant exists.
        md.treeprocessors.register(PictureTreeprocessor(md, self.lookup), "bulletin_pictures", 6)
