"""Splitting a long list into pages of about twenty, each at its own URL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Sequence, TypeVar

from ..site import urls

T = TypeVar("T")

PER_PAGE = 20


@dataclass(frozen=True)
class Pager(Generic[T]):
    """One page of a list: its items and where the other pages are.

    `base` is the list's first URL ("stories/"); page n > 1 is at
    "<base>page/<n>/".
    """

    base: str
    number: int
    count: int
    items: Sequence[T]
    total: int

    @property
    def url(self) -> str:
        return page_url(self.base, self.number)

    @property
    def previous_url(self) -> str | None:
        return page_url(self.base, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return page_url(self.base, self.number + 1) if self.number < self.count else None

    @property
    def pages(self) -> list[tuple[int, str]]:
        """(number, url) of every page, for a numbered page list."""
        return [(n, page_url(self.base, n)) for n in range(1, self.count + 1)]


def page_url(base: str, number: int) -> str:
    return urls.list_page(base, number)


def paginate(items: Sequence[T], base: str, per_page: int = PER_PAGE) -> list[Pager[T]]:
    """Every page of the list; an empty list still has one (empty) page."""
    per_page = max(1, per_page)
    count = max(1, -(-len(items) // per_page))
    return [Pager(base, n, count, items[(n - 1) * per_page: n * per_page], len(items))
            for n in range(1, count + 1)]
