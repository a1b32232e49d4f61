"""What editors type that must simply work: BOM, CRLF, full-width text in values."""

from __future__ import annotations

from helpers import STORY, TODAY
from site_builder.content import load_bulletin

S = "stories/2022/biboyuan-weilan.md"


def _story(site):
    bulletin = load_bulletin(site.content, today=TODAY)
    assert bulletin.ok, bulletin.problems.format_text()
    return bulletin.by_id[S[:-3]]


def test_bom_and_crlf_are_accepted(site):
    site.write({S: "\ufeff" + STORY.replace("\n", "\r\n")})
    story = _story(site)
    assert story.title == "巧设围栏便民出行"
    assert "\r" not in story.body


def test_fullwidth_colon_and_space_inside_values_are_kept(site):
    site.write({S: STORY.replace("title: 巧设围栏便民出行", "title: 长阳镇：巧设围栏\u3000便民出行")})
    assert _story(site).title == "长阳镇：巧设围栏\u3000便民出行"


def test_names_joined_with_dunhao_become_a_list(site):
    site.write({S: STORY.replace("reporters: [胡可]", "reporters: 胡可\ncorrespondents: 汪鲁兵、胡戴萍")})
    story = _story(site)
    assert story.byline == [("记者", ["胡可"]), ("通讯员", ["汪鲁兵", "胡戴萍"])]


def test_body_line_numbers_follow_the_front_matter(site):
    site.write({S: STORY + "\n![门口](/images/gate.jpg)\n"})
    bulletin = load_bulletin(site.content, today=TODAY)
    [problem] = bulletin.problems.errors
    assert problem.line == 10


def test_drafts_and_embargoed_articles_are_left_out(site):
    site.write({
        "stories/2022/draft.md": STORY.replace("reporters:", "draft: true\nreporters:"),
        "stories/2026/future.md": STORY.replace("2022-07-15", "2026-11-22"),
        "stories/2026/today.md": STORY.replace("2022-07-15", "2026-11-21"),
    })
    bulletin = load_bulletin(site.content, today=TODAY)
    assert bulletin.ok
    assert "stories/2022/draft" not in bulletin.by_id
    assert "stories/2026/future" not in bulletin.by_id
    assert "stories/2026/today" in bulletin.by_id
    preview = load_bulletin(site.content, today=TODAY, preview=True)
    assert preview.by_id["stories/2022/draft"].state == "draft"
    assert preview.by_id["stories/2026/future"].state == "embargoed"


def test_minhu_date_defaults_to_resolved_then_received(site):
    bulletin = load_bulletin(site.content, today=TODAY)
    note = bulletin.by_id["minhu/2022/biboyuan-tingche"]
    assert str(note.date) == "2022-06-20"
    assert note.days_to_resolve == 19
    assert note.status_label == "已解决"


def test_case_metrics_read_as_a_newspaper_writes_them(site):
    site.write({"cases/2022/taixi-minqingzhuo.md": """\
---
title: 民情桌
date: 2022-08-01
community: 太西社区
practice: 流动民情桌
metrics:
  - {label: 意见, value: 130, unit: 条, approx: 余}
  - {label: 户数, value: 3500, unit: 户, approx: 多}
  - {label: 面积, value: 1, unit: 万平方米, approx: 近}
  - {label: 问题, value: 123, unit: 个}
  - {label: 居民, value: 20, unit: 人, approx: true}
---
正文。
"""})
    case = load_bulletin(site.content, today=TODAY).by_id["cases/2022/taixi-minqingzhuo"]
    assert [m.text for m in case.metrics] == ["130余条", "3500多户", "近1万平方米", "123个", "20余人"]
