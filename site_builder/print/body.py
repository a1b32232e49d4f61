"""Article bodies for print: the site's own Markdown settings, print pictures.

The same Python-Markdown extensions as the web pages (the `markdown_extensions`
of mkdocs.yml), plus the bulletin's sections and pictures extensions. Pictures
are looked up among the article's checked images and swapped for cached
print-resolution JPEGs; a before/after pair stays a pair (`.bulletin-pair`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import jinja2
from markdown import Markdown
from PIL import Image as PILImage

from ..content.types import Article
from ..markdown.pictures import Picture, PictureExtension
from ..markdown.sections import SectionExtension

SECTIONS = "site_builder.markdown.sections"

# Turns (image file, width in mm) into the print JPEG to use.
PrintFile = Callable[[Path, float], Path]


class BodyRenderer:
    """One Markdown converter reused for every article (building it costs more
    than converting a short article)."""

    def __init__(self, extensions: list, extension_configs: dict, print_file: PrintFile,
                 width_mm: float, env: jinja2.Environment) -> None:
        self._print_file = print_file
        self._env = env
        self._width_mm = width_mm
        self._images: dict[str, Path] = {}
        wanted = [e for e in extensions if e != SECTIONS]
        self._md = Markdown(
            extensions=[*wanted, SectionExtension(), PictureExtension(self._lookup, self._render)],
            extension_configs={k: v for k, v in extension_configs.items() if k in wanted},
        )

    def render(self, article: Article) -> str:
        """The article's body as HTML, its pictures pointing at print files."""
        self._images = {image.src: image.file for image in article.images}
        self._md.reset()
        return self._md.convert(article.body)

    def _lookup(self, src: str) -> Picture | None:
        source = self._images.get(src)
        if source is None:
            return None  # not a checked image of this article: the fetcher refuses it
        path = self._print_file(source, self._width_mm)
        with PILImage.open(path) as image:  # reads the header only
            width, height = image.size
        return Picture(src=path.as_uri(), srcset="", webp_srcset="", width=width, height=height)

    def _render(self, template: str, **context) -> str:
        """The theme's partial, as the web pages use it."""
        return self._env.get_template(template).render(context)
