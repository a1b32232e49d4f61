"""The 公众号 fragment: the theme's wechat templates, every style inlined.

    fragment = Fragments(options).render(bulletin, article, images)

The templates (themes/bulletin/wechat/) mark elements with the site's
classes; css-inline writes the rules of wechat/wechat.css into their style
attributes, so the look survives the 公众号 editor, which drops classes,
<style> and <link>. A site's own theme folder may override both.

Each picture is the image pipeline's largest JPEG of the source (upright,
sRGB, every piece of metadata removed, at most `images_widths`' largest
width): the 公众号 takes JPEG but not WebP. The fragment points at the
published copy on the site when `site_url` is set, else at the numbered file
in the export's images/ folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import css_inline
import jinja2
from markupsafe import Markup

from ..content import Bulletin
from ..content.types import Article
from ..site.urls import absolute_url
from ..images import ImageCatalog
from ..print.templates import environment
from .body import BodyRenderer, site_links

STYLESHEET = "wechat/wechat.css"
FOLDER = "images"  # the export's copies of the pictures


@dataclass(frozen=True)
class WechatOptions:
    """What an export needs from mkdocs.yml, gathered by the caller."""

    site_url: str | None = None            # the published site: image copies, links, the closing line
    markdown_extensions: list = field(default_factory=list)
    markdown_configs: dict = field(default_factory=dict)
    theme_dirs: tuple[Path, ...] = ()      # a site's own overrides first


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


class Fragments:
    """Renders fragments; one per command or preview build (the Markdown
    converter, the templates and the stylesheet are made once)."""

    def __init__(self, options: WechatOptions) -> None:
        self.options = options
        self.env: jinja2.Environment = environment(options.theme_dirs)
        self.body = BodyRenderer(options.markdown_extensions, options.markdown_configs, self.env)
        css, _, _ = self.env.loader.get_source(self.env, STYLESHEET)
        self.inliner = css_inline.CSSInliner(load_remote_stylesheets=False, resolve_css_variables=True)
        self.css = css
        self._published: tuple[Bulletin, dict[str, str]] | None = None

    def render(self, bulletin: Bulletin, article: Article, images: dict[str, WechatImage]) -> str:
        """The article as one HTML fragment with inline styles only."""
        site_url = self.options.site_url
        body = self.body.render(article, images, site_links(site_url, article.id, self._addresses(bulletin)))
        html = self.env.get_template(f"wechat/{article.type}.html").render(
            article=article, body=Markup(body), images=images,  # body: converted and sanitised here
            edition=bulletin.edition_of(article) if article.is_published else None,
            web_url=absolute_url(site_url, article.url),
        )
        return self.inliner.inline_fragment(html, self.css)

    def _addresses(self, bulletin: Bulletin) -> dict[str, str]:
        """Published articles' ids and their addresses on the site (none without site_url)."""
        if self._published is None or self._published[0] is not bulletin:
            site_url = self.options.site_url
            addresses = {a.id: absolute_url(site_url, a.url) for a in bulletin.articles
                         if a.is_published} if site_url else {}
            self._published = (bulletin, addresses)
        return self._published[1]
