"""The print templates: Jinja, from the bulletin theme (and a site's overrides)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from ..content.dates import zh_date


def bulletin_theme() -> Path:
    """The bulletin theme: inside the installed package, or the checkout's themes/."""
    here = Path(__file__).resolve().parents[1]
    packaged = here / "themes" / "bulletin"
    return packaged if packaged.is_dir() else here.parent / "themes" / "bulletin"


def environment(overrides: tuple[Path, ...] = ()) -> jinja2.Environment:
    """Templates are looked up in the site's own folders first, like the web theme."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([*map(str, overrides), str(bulletin_theme())]),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["zh_date"] = _zh_date
    # The web partials print shares (partials/bulletin/picture.html) make URLs
    # relative to a page with `url`; print's URLs are absolute file URIs already.
    env.filters["url"] = str
    return env


def _zh_date(value: dt.date | None, weekday: bool = False) -> str:
    return zh_date(value, with_weekday=weekday)
