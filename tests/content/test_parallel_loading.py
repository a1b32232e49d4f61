"""Loading on several processes gives exactly what one process gives."""

from __future__ import annotations

import dataclasses
import os
import threading

import pytest

from helpers import CASE, MINHU, STORY, TODAY
from site_builder.content import load_bulletin, parallel
from site_builder.content.problems import Problems


def _archive(site, count: int = 40) -> None:
    """Articles of every type, many of them with problems, some with images."""
    site.write({"images/gate.jpg": b"\xff\xd8\xff\xe0 not really a jpeg"})
    files = {}
    for i in range(count):
        kind = i % 7
        if kind == 0:
            files[f"stories/2022/story-{i:03d}.md"] = STORY.replace("小区门口", f"小区门口 {i}：")
        elif kind == 1:
            files[f"minhu/2022/note-{i:03d}.md"] = MINHU.replace("category: 停车", "category: 没有这类")
        elif kind == 2:
            files[f"cases/2022/case-{i:03d}.md"] = CASE
        elif kind == 3:
            files[f"stories/2022/phone-{i:03d}.md"] = STORY + f"\n请拨打 1381234{i:04d} 联系。\n"
        elif kind == 4:
            files[f"stories/2022/place-{i:03d}.md"] = STORY.replace("community: 碧波园社区", "community: [biboyuan, 月亮湾]")
        elif kind == 5:
            files[f"stories/2022/image-{i:03d}.md"] = STORY + "\n![门口](/images/gate.jpg \"李娜 摄\")\n![缺](/images/none.jpg)\n"
        else:
            files[f"stories/2022/yaml-{i:03d}.md"] = STORY.replace("title: 巧设围栏便民出行", "title：巧设围栏")
    site.write(files)


def _load(site, monkeypatch, min_share: int):
    monkeypatch.setattr(parallel, "MIN_SHARE", min_share)
    monkeypatch.setattr(parallel, "workers", lambda count: 1 if min_share > count else 3)
    return load_bulletin(site.content, today=TODAY)


def _plain(article) -> dict:
    values = {f.name: getattr(article, f.name) for f in dataclasses.fields(article)}
    values["places"] = [p.id for p in article.places]
    return values


def test_several_processes_load_what_one_process_loads(site, monkeypatch):
    _archive(site)
    one = _load(site, monkeypatch, 10**9)
    many = _load(site, monkeypatch, 1)
    assert [_plain(a) for a in many.articles] == [_plain(a) for a in one.articles]
    assert list(many.problems) == list(one.problems)
    assert many.problems._items == one.problems._items  # same order of reporting, too
    assert many.problems.error_count == one.problems.error_count
    assert len(one.problems.errors) >= 15  # the archive does exercise the checks


def test_places_and_categories_stay_the_registrys_own_objects(site, monkeypatch):
    _archive(site)
    bulletin = _load(site, monkeypatch, 1)
    assert len(bulletin.articles) > 10
    for article in bulletin.articles:
        for place in article.places:
            assert place is bulletin.places.by_id[place.id]
        if getattr(article, "category", None) is not None:
            assert any(article.category is c for c in bulletin.categories)


def test_a_failing_child_is_replaced_by_the_parent(monkeypatch):
    parent = os.getpid()

    def load(share, problems):
        if os.getpid() != parent:
            raise RuntimeError("the child breaks down")
        for item in share:
            problems.error(f"file-{item}", item, None, "问题")
        return [item * 10 for item in share]

    problems = Problems()
    assert parallel.load_all(list(range(9)), load, problems, processes=3) == [i * 10 for i in range(9)]
    assert [p.line for p in problems._items] == list(range(9))
    assert problems.error_count == 9


def test_results_and_problems_keep_their_order(monkeypatch):
    shared = [object(), object()]

    def load(share, problems):
        for item in share:
            problems.warn(f"file-{item}", item, None, "提醒")
        return [(item, shared[item % 2]) for item in share]

    problems = Problems()
    result = parallel.load_all(list(range(10)), load, problems, shared=shared, processes=4)
    assert [item for item, _ in result] == list(range(10))
    assert all(obj is shared[item % 2] for item, obj in result)
    assert [p.line for p in problems._items] == list(range(10))
    assert problems.error_count == 0


def test_an_error_of_the_parent_share_is_raised_and_children_are_reaped(monkeypatch):
    started = []
    start = parallel._Child.start

    def recording_start(*args):
        child = start(*args)
        started.append(child.pid)
        return child

    monkeypatch.setattr(parallel._Child, "start", staticmethod(recording_start))

    def load(share, problems):
        if 0 in share:
            raise ValueError("broken")
        return list(share)

    with pytest.raises(ValueError):
        parallel.load_all(list(range(6)), load, Problems(), processes=3)
    assert len(started) == 2
    for pid in started:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped: no child left behind


def test_one_process_while_other_threads_run():
    assert parallel.workers(100_000) >= 1
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.workers(100_000) == 1
    finally:
        stop.set()
        thread.join()


def test_small_archives_use_one_process():
    assert parallel.workers(parallel.MIN_SHARE - 1) == 1
