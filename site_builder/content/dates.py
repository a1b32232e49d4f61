"""Dates as a Chinese newspaper writes them."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = "一二三四五六日"


def weekday(value: dt.date) -> str:
    """星期四"""
    return "星期" + WEEKDAYS[value.weekday()]


def zh_date(value: dt.date | None, with_weekday: bool = False) -> str:
    """2022-08-18 → 2022年8月18日 (星期四)."""
    if value is None:
        return ""
    text = f"{value.year}年{value.month}月{value.day}日"
    return f"{text} {weekday(value)}" if with_weekday else text
