"""Jinja filters for the theme: Chinese dates and the like."""

from __future__ import annotations

import datetime as dt

from ..content.dates import zh_date


def _zh_date(value: dt.date | None, weekday: bool = False) -> str:
    return zh_date(value, with_weekday=weekday)


def install(env) -> None:
    env.filters["zh_date"] = _zh_date
