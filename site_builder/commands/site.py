"""Find the bulletin a command works on: mkdocs.yml and its plugin settings."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from ..content import Bulletin, load_bulletin, resolve_today
from ..images import ImageCatalog
from ..mkdocs.images import check_images


class UserError(Exception):
    """A mistake the user can fix; its message is Chinese and shown as is."""


@dataclass
class Site:
    config: MkDocsConfig
    content_dir: Path
    publication: str
    today_setting: str | None
    images: ImageCatalog | None = None  # set by load(): what the image pipeline made

    @property
    def plugin(self):
        return self.config.plugins["bulletin"]

    def load(self, preview: bool | None = None, images: bool = True) -> Bulletin:
        """Load and check; preview defaults to the plugin's drafts setting.

        `images` also runs the image pipeline (its problems join the bulletin's).
        """
        if preview is None:
            preview = self.plugin.preview
        try:
            today = resolve_today(self.today_setting)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        bulletin = load_bulletin(self.content_dir, today=today, preview=preview,
                                 publication=self.publication)
        if images:
            self.images = check_images(bulletin, self.plugin.config, self.config)
        return bulletin


def open_site(config_file: str | None, **overrides) -> Site:
    path = Path(config_file or "mkdocs.yml")
    if not path.is_file():
        raise UserError(f"找不到 {path}。请在社区报的文件夹里运行命令，或用 -f 指明 mkdocs.yml 的位置；"
                        "新建一个社区报可以用 bulletin init 文件夹名。")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # its config chatter is English
    try:
        config = load_config(str(path), **overrides)
    except ConfigurationError as exc:
        raise UserError(f"{path} 的设置有误：{exc}") from None
    finally:
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    if "bulletin" not in config.plugins:
        raise UserError(f"{path} 没有启用社区报插件。请在 plugins 下加一行 `- bulletin`。")
    options = config.plugins["bulletin"].config
    return Site(config=config, content_dir=Path(config.docs_dir),
                publication=options.publication, today_setting=options.today)
