"""Jinja filters for the theme: Chinese dates and the like."""

from __future__ import annotations

import datetime as dt

from ..content.dates import zh_date
from ..site import urls


def _zh_date(value: dt.date | None, weekday: bool = False) -> str:
    return zh_date(value, with_weekday=weekday)


def install(env) -> None:
    """`zh_date`, and `site_urls`: the URL rules of the site map (site_builder/site/urls.py)."""
    env.filters["zh_date"] = _zh_date
    env.globals["site_urls"] = urls
