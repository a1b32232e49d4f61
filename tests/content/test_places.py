"""The place registry: names, aliases, ids, roll-up to parents."""

from __future__ import annotations

from helpers import STORY, TODAY
from site_builder.content import load_bulletin

S = "stories/2022/biboyuan-weilan.md"


def test_articles_name_places_by_id_name_or_alias(site):
    for ref in ("biboyuan", "碧波园社区", "碧波园"):
        site.write({S: STORY.replace("community: 碧波园社区", f"community: {ref}")})
        bulletin = load_bulletin(site.content, today=TODAY)
        assert [p.id for p in bulletin.by_id[S[:-3]].places] == ["biboyuan"]


def test_lineage_and_roll_up(site):
    site.write({S: STORY.replace("community: 碧波园社区", "community: [碧波园小区, 太西社区]")})
    bulletin = load_bulletin(site.content, today=TODAY)
    story = bulletin.by_id[S[:-3]]
    assert [[p.name for p in trail] for trail in story.place_trails] == [
        ["房山区", "长阳镇", "碧波园社区", "碧波园小区"], ["房山区", "长阳镇", "太西社区"]]
    changyang = bulletin.places.by_id["changyang"]
    assert {a.id for a in bulletin.in_place(changyang)} == set(bulletin.by_id)
    assert [a.id for a in bulletin.in_place(bulletin.places.by_id["biboyuan-xiaoqu"])] == [S[:-3]]


def test_related_prefers_the_same_place(site):
    bulletin = load_bulletin(site.content, today=TODAY)
    story = bulletin.by_id[S[:-3]]
    assert [a.id for a in bulletin.related(story)] == ["minhu/2022/biboyuan-tingche"]


def test_level_accepts_chinese_names(site):
    site.write({"communities.yml": "- {id: fangshan, name: 房山区, level: 区}\n"
                                   "- {id: changyang, name: 长阳镇, level: 镇, parent: fangshan}\n"
                                   "- {id: biboyuan, name: 碧波园社区, level: 社区, parent: changyang}\n"
                                   "- {id: taixi, name: 太西社区, level: 村, parent: changyang}\n"})
    bulletin = load_bulletin(site.content, today=TODAY)
    assert bulletin.ok, bulletin.problems.format_text()
    assert [p.level for p in bulletin.places] == ["district", "street", "community", "community"]
