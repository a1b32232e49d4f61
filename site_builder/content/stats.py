"""民呼即应 statistics: how many notes, how fast, how well they were handled.

Definitions (also shown to readers on the statistics page):

- 解决率: notes with status 已解决 among all notes (办理中 included, since an
  open request is not yet a solved one).
- 满意率: notes rated 满意 among the notes whose satisfaction was recorded.
- 办结用时: days from `received` to `resolved`, over notes that are closed
  (已解决 and 已解释 both have a closing date); median and 90th percentile
  by the nearest-rank method, so each figure is a real note's number of days.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Iterable

from .categories import Category
from .types.minhu import SATISFACTION, STATUSES, MinhuNote


@dataclass(frozen=True)
class OpenNote:
    """A note still 办理中 and how many days it has been open."""

    note: MinhuNote
    days_open: int


@dataclass(frozen=True)
class MinhuStats:
    """Figures over one set of notes (the whole bulletin, or one place)."""

    total: int
    by_status: dict[str, int]
    by_category: list[tuple[Category, int]]
    by_month: list[tuple[str, int]]
    by_satisfaction: dict[str, int]
    resolution_rate: float | None
    satisfaction_rate: float | None
    median_days: float | None
    p90_days: int | None
    open_notes: list[OpenNote] = field(default_factory=list)

    @property
    def rated(self) -> int:
        """How many notes have a recorded satisfaction."""
        return sum(self.by_satisfaction.values())

    @property
    def status_rows(self) -> list[tuple[str, str, int]]:
        """(code, Chinese label, count) in the order of STATUSES."""
        return [(code, label, self.by_status.get(code, 0)) for code, label in STATUSES.items()]

    @property
    def satisfaction_rows(self) -> list[tuple[str, str, int]]:
        return [(code, label, self.by_satisfaction.get(code, 0)) for code, label in SATISFACTION.items()]


def minhu_stats(notes: Iterable[MinhuNote], today: dt.date) -> MinhuStats:
    """Compute every figure in one pass over the notes (plus sorting)."""
    notes = list(notes)
    by_status = Counter(n.status for n in notes)
    categories = Counter(n.category for n in notes)
    months = Counter(month_key(n.received) for n in notes)
    satisfaction = Counter(n.satisfaction for n in notes if n.satisfaction)
    days = sorted(d for n in notes if (d := n.days_to_resolve) is not None)
    still_open = sorted((OpenNote(n, (today - n.received).days) for n in notes if n.status == "in_progress"),
                        key=lambda o: (-o.days_open, o.note.id))
    rated = sum(satisfaction.values())
    return MinhuStats(
        total=len(notes),
        by_status=dict(by_status),
        by_category=sorted(categories.items(), key=lambda item: (-item[1], item[0].id)),
        by_month=sorted(months.items()),
        by_satisfaction=dict(satisfaction),
        resolution_rate=by_status["resolved"] / len(notes) if notes else None,
        satisfaction_rate=satisfaction["satisfied"] / rated if rated else None,
        median_days=median(days) if days else None,
        p90_days=percentile(days, 90) if days else None,
        open_notes=still_open,
    )


def percentile(sorted_values: list[int], pct: float) -> int:
    """Nearest-rank percentile of an ascending, non-empty list."""
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def month_key(day: dt.date) -> str:
    """2022-06-20 → "2022-06" (sorts in time order)."""
    return f"{day.year:04d}-{day.month:02d}"
