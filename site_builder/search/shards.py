"""The archive cut into shards that Pagefind indexes one at a time.

A shard is a run of records, newest first, that share a period: the whole
archive while it is small, else each year, a year too big for one shard by
quarter, then by month, then by day, and a single day too big by count.
The bounds are dates, not positions, so an edit changes its own shard only,
and a new article changes the newest one (or the shard of its date) and no
other: shards are cached by a hash of their records (index.py).

At most SHARD_SIZE records per shard bounds Pagefind's memory (about 370 MB
per 1,000 articles) and the work after an edit: Pagefind indexes the
edited article's shard again (about 0.6 s per 200 articles, plus 0.05 s a
run) and the merge reads it once. Smaller shards cost the merge little: its
output does not depend on them, only a common word is joined from more parts
(merge.py), and a one-article edit joins only the edited article's words.
"""

from __future__ import annotations

from itertools import groupby
from typing import Callable, Protocol, Sequence, TypeVar

SHARD_SIZE = 500


class Dated(Protocol):
    sort: dict[str, str]


T = TypeVar("T", bound=Dated)


def _quarter(date: str) -> str:
    return f"{date[:4]}Q{(int(date[5:7]) - 1) // 3}"


# Periods from coarse to fine, read from the ISO date of the record.
PERIODS: list[Callable[[str], str]] = [lambda d: d[:4], _quarter, lambda d: d[:7], lambda d: d[:10]]


def plan_shards(items: Sequence[T], size: int = SHARD_SIZE) -> list[list[T]]:
    """`items` (newest first) as contiguous shards of at most `size`."""
    def split(run: list[T], level: int) -> list[list[T]]:
        if len(run) <= size:
            return [run]
        if level == len(PERIODS):
            return [run[start:start + size] for start in range(0, len(run), size)]
        period = PERIODS[level]
        return [shard for _, group in groupby(run, key=lambda item: period(item.sort["date"]))
                for shard in split(list(group), level + 1)]

    return split(list(items), 0)
