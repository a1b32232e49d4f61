"""Article texts are made once and then read from the text store: an
unchanged article costs no Markdown conversion, and the text is the same."""

from __future__ import annotations

from helpers import STORY, TODAY
from site_builder.content import load_bulletin
from site_builder.search import records
from site_builder.search.records import sources
from site_builder.search.texts import TextStore


def _bulletin(site):
    bulletin = load_bulletin(site.content, today=TODAY)
    assert bulletin.ok, bulletin.problems.format_text()
    return bulletin


def test_stored_texts_equal_made_ones_and_only_edits_are_made_again(site, tmp_path):
    path = tmp_path / "texts.sqlite"
    bulletin = _bulletin(site)
    expected = [r.content for r in records(bulletin)]
    with TextStore(path) as store:
        assert store.texts(sources(bulletin)) == expected and store.made == 3
    with TextStore(path) as store:
        assert store.texts(sources(bulletin)) == expected and store.made == 0  # all read back
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace("小区门口装上了围栏。", "小区门口新装了围栏。")})
    edited = _bulletin(site)
    with TextStore(path) as store:
        assert store.texts(sources(edited)) == [r.content for r in records(edited)]
        assert store.made == 1  # the edited article only


def test_a_damaged_store_is_started_over(site, tmp_path):
    path = tmp_path / "texts.sqlite"
    path.write_bytes(b"not a database" * 100)
    bulletin = _bulletin(site)
    with TextStore(path) as store:
        assert store.texts(sources(bulletin)) == [r.content for r in records(bulletin)]


def test_text_keys_follow_the_text_and_record_keys_everything(site):
    one = {s.url: s for s in sources(_bulletin(site))}
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace("title: 巧设围栏便民出行", "title: 巧设围栏方便出行")})
    two = {s.url: s for s in sources(_bulletin(site))}
    changed = "stories/2022/biboyuan-weilan/"
    assert one[changed].key != two[changed].key and one[changed].text_key != two[changed].text_key
    assert all(one[u].key == two[u].key for u in one if u != changed)
