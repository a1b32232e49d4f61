"""The engine as the commands see it: open a site, build it, serve it.

The commands (site_builder/commands/) know nothing of MkDocs: they open an
`Engine` for a mkdocs.yml, ask it for the bulletin's settings, hand it the
bulletin they have checked, and get a `Report` back. A port to another
engine writes another module with this interface.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

from ..build.progress import Progress
from ..build.uptodate import Inputs
from ..content import Bulletin
from ..images import ImageCatalog
from ..print import PrintOptions
from ..wechat import WechatOptions
from . import render
from .images import check_images
from .caches import cache_dir
from .plugin import BulletinPlugin, theme_dir
from .printing import pdf_path, print_options
from .wechat import wechat_options


class EngineError(Exception):
    """The site cannot be opened or built; the message is Chinese."""


@dataclass(frozen=True)
class Report:
    """What a build did."""

    site_dir: Path
    pages: int     # web pages of the site
    reused: int    # of which the published file was kept (not rendered again)
    warnings: int  # warnings logged while building
    editions: int = 0          # editions shown by the 数字报 reader
    typeset: int = 0           # of which typeset in this build (the others came from the cache)
    typeset_seconds: float = 0.0


class Engine:
    """One site: its mkdocs.yml and the bulletin plugin's settings in it."""

    def __init__(self, config_file: str | Path | None, **overrides) -> None:
        path = Path(config_file or "mkdocs.yml")
        if not path.is_file():
            raise EngineError(f"找不到 {path}。请在社区报的文件夹里运行命令，或用 -f 指明 mkdocs.yml 的位置；"
                              "新建一个社区报可以用 bulletin init 文件夹名。")
        logging.getLogger("mkdocs").setLevel(logging.ERROR)  # its config chatter is English
        try:
            self._config: MkDocsConfig = load_config(str(path), **overrides)
        except ConfigurationError as exc:
            raise EngineError(f"{path} 的设置有误：{exc}") from None
        finally:
            logging.getLogger("mkdocs").setLevel(logging.WARNING)
        if "bulletin" not in self._config.plugins:
            raise EngineError(f"{path} 没有启用社区报插件。请在 plugins 下加一行 `- bulletin`。")
        self._plugin: BulletinPlugin = self._config.plugins["bulletin"]
        options = self._plugin.config
        self.config_file = path
        self.content_dir = Path(self._config.docs_dir)
        self.site_dir = Path(self._config.site_dir)
        self.publication: str = options.publication
        self.today_setting: str | None = options.today

    @property
    def preview(self) -> bool:
        """Drafts are shown (`drafts: true`, `--drafts`, BULLETIN_DRAFTS=1)."""
        return self._plugin.preview

    def inputs(self, *values: object) -> Inputs:
        """Everything a build of this site reads, beyond the given values (the
        day, the options): content/, mkdocs.yml and its hooks, every theme
        folder, the builder's own code and the versions of what it runs on."""
        config = self._config
        code = Path(__file__).resolve().parents[1]
        folders = [self.content_dir, code, theme_dir(), *map(Path, config.theme.dirs)]
        files = [self.config_file, *(Path(hook.__file__) for hook in (config.hooks or {}).values())]
        versions = sorted(f"{d.metadata['Name']}={d.version}" for d in metadata.distributions())
        return Inputs(folders=tuple(dict.fromkeys(p.absolute() for p in folders)),
                      files=tuple(p.absolute() for p in files),
                      values=(*map(str, values), str(self.preview), os.environ.get("SOURCE_DATE_EPOCH", ""),
                              *versions))

    def cache_dir(self, name: str) -> Path:
        """A cache folder of this site (`.cache/<name>/` beside mkdocs.yml)."""
        return cache_dir(self._config, name)

    def check_images(self, bulletin: Bulletin) -> ImageCatalog:
        """Run the image pipeline; its problems join the bulletin's."""
        return check_images(bulletin, self._plugin.config, self._config)

    def print_options(self, size: str | None = None) -> PrintOptions:
        return print_options(self._config, self._plugin.config, size)

    def wechat_options(self) -> WechatOptions:
        """What `bulletin wechat` needs from the site's settings."""
        return wechat_options(self._config)

    def pdf_path(self, edition) -> Path:
        """Where the site publishes an edition's PDF."""
        return pdf_path(self.site_dir, edition)

    def build(self, bulletin: Bulletin, images: ImageCatalog | None, *, with_pdf: bool = False,
              progress: bool = False) -> Report:
        """Build the checked bulletin into the site, on every core; raises EngineError."""
        plugin, config = self._plugin, self._config
        if with_pdf:
            plugin.config["print_pdf"] = True  # written before the site is swapped in
        plugin.preloaded, plugin.preloaded_images = bulletin, images
        plugin.fast.enabled = True
        plugin.fast.progress = Progress(progress)
        warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            config.plugins.on_startup(command="build", dirty=False)
            render.build(config, plugin.fast.progress)
        except (Abort, BuildError) as exc:
            raise EngineError(f"网站生成失败：{exc}") from None
        finally:
            config.plugins.on_shutdown()
            logging.getLogger("mkdocs").removeHandler(warnings)
        typeset, seconds = plugin.reader.typeset
        return Report(site_dir=Path(config.site_dir), pages=plugin.reuse.pages, reused=len(plugin.reuse.reused),
                      editions=len(plugin.reader.editions), typeset=typeset, typeset_seconds=seconds,
                      warnings=warnings.count)

    def serve(self, address: str) -> None:
        """Preview with live reload until Ctrl+C (MkDocs' own loop, one page at a time)."""
        try:
            mkdocs_serve(config_file=str(self._config.config_file_path), dev_addr=address, livereload=True)
        except (Abort, BuildError) as exc:
            raise EngineError(f"预览启动失败：{exc}") from None


class _Warnings(logging.StreamHandler):
    """Shows the build's warnings and errors on stderr, as they are (the
    messages are the bulletin's Chinese ones), and counts the warnings."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setLevel(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += record.levelno == logging.WARNING
        super().emit(record)
