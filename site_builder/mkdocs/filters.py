"""Jinja filters for the theme: Chinese dates and the like."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = "一二三四五六日"


def zh_date(value: dt.date | None, weekday: bool = False) -> str:
    """2022-08-18 → 2022年8月18日 (星期四)."""
    if value is None:
        return ""
    text = f"{value.year}年{value.month}月{value.day}日"
    return f"{text} 星期{WEEKDAYS[value.weekday()]}" if weekday else text


def install(env) -> None:
    env.filters["zh_date"] = zh_date
