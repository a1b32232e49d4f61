"""往期 as a calendar: the months that have editions, laid out week by week."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from .editions import Edition


@dataclass(frozen=True)
class CalendarDay:
    """One day of a month; `editions` is empty on a day without one."""

    day: int
    editions: list[Edition] = field(default_factory=list)


@dataclass(frozen=True)
class CalendarMonth:
    """A month as a calendar sheet: `blanks` empty cells before the 1st (weeks start on Monday)."""

    year: int
    month: int
    blanks: int
    days: list[CalendarDay]


def edition_calendar(editions: list[Edition]) -> list[tuple[int, list[CalendarMonth]]]:
    """(year, months) for every year with editions, newest first; only months that have one."""
    by_month: dict[tuple[int, int], dict[int, list[Edition]]] = {}
    for edition in sorted(editions, key=lambda e: (e.date, e.id)):
        by_month.setdefault((edition.date.year, edition.date.month), {}).setdefault(edition.date.day, []).append(edition)
    years: dict[int, list[CalendarMonth]] = {}
    for (year, month), days in sorted(by_month.items(), reverse=True):
        blanks, length = calendar.monthrange(year, month)
        sheet = CalendarMonth(year, month, blanks, [CalendarDay(d, days.get(d, [])) for d in range(1, length + 1)])
        years.setdefault(year, []).append(sheet)
    return list(years.items())
