"""民呼即应 figures: checked against the sample's notes counted by hand here."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

from helpers import ROOT, TODAY
from site_builder.content import load_bulletin
from site_builder.content.pagination import paginate
from site_builder.content.stats import minhu_stats, percentile


@pytest.fixture(scope="module")
def notes():
    bulletin = load_bulletin(ROOT / "content", today=TODAY)
    return [a for a in bulletin.articles if a.type == "minhu"]


def test_percentile_is_nearest_rank():
    assert percentile([1], 90) == 1
    assert percentile(list(range(1, 11)), 90) == 9
    assert percentile(list(range(1, 11)), 50) == 5
    assert percentile([3, 7, 40], 90) == 40


def test_figures_of_the_sample(notes):
    stats = minhu_stats(notes, TODAY)
    assert stats.total == len(notes) == 12
    assert sum(stats.by_status.values()) == stats.total
    assert stats.resolution_rate == pytest.approx(sum(n.status == "resolved" for n in notes) / len(notes))
    rated = [n for n in notes if n.satisfaction]
    assert stats.rated == len(rated)
    assert stats.satisfaction_rate == pytest.approx(sum(n.satisfaction == "satisfied" for n in rated) / len(rated))
    days = sorted((n.resolved - n.received).days for n in notes if n.resolved)
    assert stats.median_days == statistics.median(days)
    assert stats.p90_days in days and sum(d <= stats.p90_days for d in days) >= 0.9 * len(days)
    assert sum(count for _, count in stats.by_category) == stats.total
    assert [m for m, _ in stats.by_month] == sorted({f"{n.received:%Y-%m}" for n in notes})


def test_open_notes_with_days_open(notes):
    stats = minhu_stats(notes, TODAY)
    still_open = [n for n in notes if n.status == "in_progress"]
    assert {o.note.id for o in stats.open_notes} == {n.id for n in still_open}
    for item in stats.open_notes:
        assert item.days_open == (TODAY - item.note.received).days > 0
    assert [o.days_open for o in stats.open_notes] == sorted((o.days_open for o in stats.open_notes), reverse=True)


def test_no_notes_gives_no_rates():
    stats = minhu_stats([], dt.date(2024, 1, 1))
    assert stats.total == 0 and stats.resolution_rate is None and stats.median_days is None


def test_pagination_slices_and_links():
    pages = paginate(list(range(45)), "stories/", per_page=20)
    assert [len(p.items) for p in pages] == [20, 20, 5]
    assert [p.url for p in pages] == ["stories/", "stories/page/2/", "stories/page/3/"]
    assert pages[0].previous_url is None and pages[0].next_url == "stories/page/2/"
    assert pages[2].next_url is None and pages[2].previous_url == "stories/page/2/"
    assert len(paginate([], "tags/x/")) == 1
