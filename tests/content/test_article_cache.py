"""Checked articles kept between loads (site_builder/content/articlecache.py)
give exactly what a load from nothing gives, problems included, whatever
changed in between; an unchanged file is not parsed again."""

from __future__ import annotations

import dataclasses
import os

import pytest

from helpers import CASE, MINHU, STORY, TODAY
from site_builder.content import frontmatter, load_bulletin

S = "stories/2022/biboyuan-weilan.md"


def _archive(site) -> None:
    site.write({"images/gate.jpg": b"\xff\xd8\xff\xe0 not really a jpeg",
                "stories/2022/with-photo.md": STORY + "\n![门口](/images/gate.jpg \"李娜 摄\")\n",
                "stories/2022/phone.md": STORY + "\n请拨打 13812345678 联系。\n",
                "minhu/2022/bad-category.md": MINHU.replace("category: 停车", "category: 没有这类"),
                **{f"cases/2022/case-{i}.md": CASE for i in range(5)}})


def _plain(bulletin) -> tuple:
    articles = []
    for article in bulletin.articles:
        values = {f.name: getattr(article, f.name) for f in dataclasses.fields(article)}
        values["places"] = [p.id for p in article.places]
        articles.append((type(article).__name__, values, article.lead, article.digest))
    return articles, bulletin.problems.format_text()


def _load(site, cache):
    return load_bulletin(site.content, today=TODAY, cache=cache)


@pytest.fixture
def kept(site, tmp_path):
    _archive(site)
    cache = tmp_path / "cache"
    _load(site, cache)
    return cache


def _reads(monkeypatch) -> list:
    """The article files parsed from here on."""
    parsed = []
    real = frontmatter.read_document

    def counting(path, problems):
        parsed.append(path.name)
        return real(path, problems)

    monkeypatch.setattr("site_builder.content.loader.read_document", counting)
    return parsed


def test_unchanged_articles_are_not_parsed_again(site, kept, monkeypatch):
    parsed = _reads(monkeypatch)
    warm = _load(site, kept)
    # Only the articles with problems are read again (their messages are repeated).
    assert sorted(parsed) == ["bad-category.md", "phone.md"]
    assert _plain(warm) == _plain(_load(site, None))
    assert "没有这类" in warm.problems.format_text() and "13812345678" in warm.problems.format_text()
    assert warm.problems.format_text() == _load(site, None).problems.format_text()


def _edit(site):
    path = site.content / S
    path.write_text(path.read_text("utf-8").replace("title: 巧设围栏便民出行", "title: 围栏修好了"), "utf-8")


def _same_size_same_time(site):
    """Bytes changed, size and modification time kept: the hash decides."""
    path = site.content / S
    stat = path.stat()
    path.write_text(path.read_text("utf-8").replace("巧设围栏", "巧修围栏"), "utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _break(site):
    site.write({S: STORY.replace("date: 2022-06-20", "date: 2022-13-40")})


def _drop_photo(site):
    (site.content / "images/gate.jpg").unlink()


def _registry(site):
    path = site.content / "communities.yml"
    path.write_text(path.read_text("utf-8").replace("name: 碧波园社区", "name: 碧波园新社区\n  aliases: [碧波园社区]"),
                    "utf-8")


def _touch(site):
    path = site.content / S
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))


CHANGES = {"edited": _edit, "same size and time": _same_size_same_time, "broken": _break,
           "photo deleted": _drop_photo, "registry changed": _registry, "only touched": _touch}


@pytest.mark.parametrize("change", CHANGES)
def test_after_any_change_the_load_is_the_one_from_nothing(site, kept, change):
    CHANGES[change](site)
    assert _plain(_load(site, kept)) == _plain(_load(site, None))
    assert _plain(_load(site, kept)) == _plain(_load(site, None))  # and again, from the updated cache


def test_a_damaged_cache_is_rebuilt(site, kept):
    for name in os.listdir(kept):
        (kept / name).write_bytes(b"not a database")
    assert _plain(_load(site, kept)) == _plain(_load(site, None))
    assert _plain(_load(site, kept)) == _plain(_load(site, None))
