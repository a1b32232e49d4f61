"""Search records and facets come from the core's models, published only."""

from __future__ import annotations

import datetime as dt

from helpers import STORY, TODAY
from site_builder.content import load_bulletin
from site_builder.content.places import Place, Places
from site_builder.search import records, search_facets
from site_builder.search.records import PlaceLabels
from site_builder.search.tokens import index_text

DRAFT = STORY.replace("title: 巧设围栏便民出行", "title: 草稿标题\ndraft: true").replace(
    "小区门口装上了围栏。", "草稿里的秘密内容。")
LATER = STORY.replace("date: 2022-07-15", f"date: {TODAY + dt.timedelta(days=3)}").replace(
    "小区门口装上了围栏。", "还没到发布日期的内容。")
COMPOUND_STORY = STORY.replace("community: 碧波园社区", "community: 碧波园小区").replace(
    "小区门口装上了围栏。", "小区里建起了**电动自行车充电**棚。")


def _records(site, preview: bool = False) -> dict:
    bulletin = load_bulletin(site.content, today=TODAY, preview=preview)
    assert bulletin.ok, bulletin.problems.format_text()
    return {r.url: r for r in records(bulletin)}


def test_drafts_and_embargoed_articles_are_never_records(site):
    site.write({"stories/2022/caogao.md": DRAFT, "stories/2022/weilai.md": LATER})
    for preview in (False, True):  # not even in a preview build
        found = _records(site, preview)
        assert set(found) == {"stories/2022/biboyuan-weilan/", "minhu/2022/biboyuan-tingche/",
                              "cases/2022/taixi-minqingzhuo/"}
        text = " ".join(r.content for r in found.values())
        assert index_text("秘密内容") not in text and index_text("发布日期的内容") not in text


def test_the_place_facet_holds_every_enclosing_place(site):
    site.write({"stories/2022/chongdian.md": COMPOUND_STORY})
    record = _records(site)["stories/2022/chongdian/"]
    assert record.filters["place"] == ["房山区", "长阳镇", "碧波园社区", "碧波园小区"]
    assert record.filters["type"] == ["报道"] and record.filters["year"] == ["2022"]
    assert record.meta == {"title": "巧设围栏便民出行", "date": "2022-07-15", "type": "报道",
                           "place": "碧波园小区"}
    assert index_text("电动自行车充电棚") in record.content  # markup gone, words cut
    assert record.sort == {"date": "2022-07-15"}


def test_a_minhu_note_has_category_and_status(site):
    record = _records(site)["minhu/2022/biboyuan-tingche/"]
    assert record.filters["category"] == ["停车"] and record.filters["status"] == ["已解决"]
    assert record.meta["status"] == "已解决" and record.meta["type"] == "民呼即应"


def test_facets_offer_only_values_in_use_places_as_a_tree(site):
    facets = {f.key: f for f in search_facets(load_bulletin(site.content, today=TODAY))}
    assert [o.value for o in facets["type"].options] == ["报道", "案例", "民呼即应"]
    assert [(o.value, o.depth) for o in facets["place"].options] == [
        ("房山区", 0), ("长阳镇", 1), ("碧波园社区", 2), ("太西社区", 2)]
    assert [o.value for o in facets["category"].options] == ["停车"]
    assert [o.value for o in facets["year"].options] == ["2022"]


def test_places_sharing_a_name_are_told_apart():
    a, b = Place("a", "东城区", "district"), Place("b", "城区", "street", "a")
    c, d = Place("c", "西城区", "district"), Place("d", "城区", "street", "c")
    b.parent, d.parent = a, c
    label = PlaceLabels(Places([a, b, c, d]))
    assert [label(p) for p in (a, b, d)] == ["东城区", "城区（东城区）", "城区（西城区）"]
