"""Find the bulletin a command works on: mkdocs.yml and its plugin settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import Bulletin, load_bulletin, resolve_today
from ..images import ImageCatalog
from ..mkdocs.engine import Engine, EngineError


class UserError(Exception):
    """A mistake the user can fix; its message is Chinese and shown as is."""


@dataclass
class Site:
    engine: Engine
    images: ImageCatalog | None = None  # set by load(): what the image pipeline made

    @property
    def content_dir(self) -> Path:
        return self.engine.content_dir

    def today(self):
        """The day that decides embargoes."""
        try:
            return resolve_today(self.engine.today_setting)
        except ValueError as exc:
            raise UserError(str(exc)) from None

    def load(self, preview: bool | None = None, images: bool = True) -> Bulletin:
        """Load and check; preview defaults to the site's drafts setting.

        `images` also runs the image pipeline (its problems join the bulletin's).
        """
        engine = self.engine
        bulletin = load_bulletin(engine.content_dir, today=self.today(),
                                 preview=engine.preview if preview is None else preview,
                                 publication=engine.publication, cache=engine.cache_dir("content"))
        if images:
            self.images = engine.check_images(bulletin)
        return bulletin


def open_site(config_file: str | None, **overrides) -> Site:
    try:
        return Site(Engine(config_file, **overrides))
    except EngineError as exc:
        raise UserError(str(exc)) from None
