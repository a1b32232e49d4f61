"""The 公众号 export seen from MkDocs: options from mkdocs.yml, and the
复制到公众号 button of `bulletin serve`.

While previewing, every article page gets a button (themes/bulletin/wechat/
button.html, a script file under assets/bulletin/) that copies the article's
公众号 fragment as rich text. The fragment is written beside the page
(`index.wechat.htm`), only while previewing; a built site has neither the
button, nor the fragments, nor the script.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

from ..content import Bulletin
from ..content.types import Article
from ..images import ImageCatalog
from ..wechat import Fragments, WechatOptions, article_images
from ..wechat.fragment import STYLESHEET

SCRIPT = "assets/bulletin/wechat-copy.js"
BUTTON_CSS = "assets/bulletin/wechat-button.css"
# Not .html: the preview server adds its live-reload script to every .html it serves.
SUFFIX = ".wechat.htm"


def wechat_options(config: MkDocsConfig, site_url: str | None = None) -> WechatOptions:
    """What the wechat package needs from mkdocs.yml (`site_url` overrides the config's)."""
    custom = config.theme.custom_dir
    return WechatOptions(
        site_url=site_url or config.site_url or None,
        markdown_extensions=list(config.markdown_extensions),
        markdown_configs=dict(config.mdx_configs),
        theme_dirs=(Path(custom),) if custom else (),
    )


def fragment_name(page: Page) -> str:
    """The fragment's file, beside the page's own: x/index.html → x/index.wechat.htm."""
    return posixpath.splitext(page.file.dest_uri)[0] + SUFFIX


class WechatPreview:
    """One per plugin instance: the button and fragments, under `serve` only."""

    def __init__(self) -> None:
        self.fragments: Fragments | None = None

    def on_config(self, config: MkDocsConfig, *, serving: bool) -> None:
        """`mkdocs serve` puts its own address in site_url; the fragment wants the public one."""
        self.fragments = Fragments(wechat_options(config, _public_site_url(config))) if serving else None

    def on_files(self, files: Files) -> None:
        """The button's script and style are published only while previewing;
        the fragments' stylesheet never (it is inlined)."""
        names = (STYLESHEET,) if self.fragments is not None else (STYLESHEET, SCRIPT, BUTTON_CSS)
        for name in names:
            if (file := files.get_file_from_path(name)) is not None:
                files.remove(file)

    def on_page_context(self, context: dict, page: Page) -> None:
        """`wechat_fragment`: the fragment's file name, relative to the page (None in a build)."""
        context["wechat_fragment"] = (posixpath.basename(fragment_name(page))
                                      if self.fragments is not None and context.get("article") else None)

    def on_post_page(self, page: Page, article: Article | None, bulletin: Bulletin,
                     catalog: ImageCatalog, config: MkDocsConfig) -> None:
        """Write the article's fragment beside its page."""
        if self.fragments is None or article is None:
            return
        fragment = self.fragments.render(bulletin, article, article_images(article, catalog,
                                                                           self.fragments.options.site_url))
        path = Path(config.site_dir) / fragment_name(page)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fragment, encoding="utf-8")


def _public_site_url(config: MkDocsConfig) -> str | None:
    """site_url as mkdocs.yml writes it."""
    if not config.config_file_path:
        return None
    with open(config.config_file_path, encoding="utf-8") as file:
        return (yaml_load(file) or {}).get("site_url") or None
