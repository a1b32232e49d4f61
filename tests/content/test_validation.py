"""One bad input per validation rule: the file, the line, the field and the gist."""

from __future__ import annotations

import pytest

from helpers import CASE, MINHU, STORY, TODAY
from site_builder.content import load_bulletin

S = "stories/2022/biboyuan-weilan.md"
M = "minhu/2022/biboyuan-tingche.md"
C = "cases/2022/taixi-minqingzhuo.md"

EDITION = """\
date: 2022-08-18
pages:
  - page: 1
    articles:
      - {article}
"""

# (id, files to write, expected file, line, field or None, words the message must hold)
CASES = [
    ("fullwidth-colon", {S: STORY.replace("title: ", "title：")}, S, 2, "title", "全角冒号"),
    ("fullwidth-space-after-colon", {S: STORY.replace("date: ", "date:\u3000")}, S, 3, "date", "全角空格"),
    ("empty-front-matter", {S: "---\n---\n\n正文。\n"}, S, 1, None, "title、date、community"),
    ("fullwidth-indent", {"communities.yml": "- id: fangshan\n\u3000name: 房山区\n"},
     "communities.yml", 2, None, "全角空格"),
    ("tab-indent", {C: CASE.replace("  - {label", "\t- {label")}, C, 7, None, "Tab"),
    ("missing-space", {S: STORY.replace("title: ", "title:")}, S, 2, "title", "缺少空格"),
    ("fullwidth-dash", {C: CASE.replace("  - {label", "  － {label")}, C, 7, None, "半角减号"),
    ("gbk-file", {S: STORY.encode("gbk")}, S, 2, None, "GBK"),
    ("no-front-matter", {S: "巧设围栏便民出行\n\n正文。\n"}, S, 1, None, "front matter"),
    ("unclosed-front-matter", {S: "---\ntitle: 标题\ndate: 2022-07-15\n\n正文\n"}, S, 1, None, "结尾的 ---"),
    ("missing-title", {S: STORY.replace("title: 巧设围栏便民出行\n", "")}, S, 2, "title", "缺少必填字段 title"),
    ("bad-date", {S: STORY.replace("2022-07-15", "2022/7/15")}, S, 3, "date", "2022-07-15"),
    ("unknown-place", {S: STORY.replace("community: 碧波园社区", "community: 碧波圆社区")},
     S, 4, "community", "碧波园社区"),
    ("ambiguous-place", {"communities.yml": None, S: STORY.replace("community: 碧波园社区", "community: 城区")},
     S, 4, "community", "对应好几个地方"),
    ("unknown-category", {M: MINHU.replace("category: 停车", "category: 停车位")}, M, 4, "category", "停车"),
    ("bad-status", {M: MINHU.replace("status: resolved", "status: done")}, M, 6, "status", "不在可选范围"),
    ("resolved-before-received", {M: MINHU.replace("resolved: 2022-06-20", "resolved: 2022-05-20")},
     M, 7, "resolved", "早于"),
    ("resolved-without-date", {M: MINHU.replace("resolved: 2022-06-20\n", "")}, M, 6, "resolved", "没有写办结日期"),
    ("in-progress-with-date", {M: MINHU.replace("status: resolved", "status: in_progress")
                               .replace("## 解决", "## 进展")}, M, 7, "resolved", "办理中"),
    ("missing-problem-section", {M: MINHU.replace("## 问题", "## 情况")}, M, 9, "正文", "## 问题"),
    ("wrong-progress-section", {M: MINHU.replace("status: resolved", "status: in_progress")
                                .replace("resolved: 2022-06-20\n", "")}, M, 13, "正文", "## 进展"),
    ("chinese-file-name", {"stories/2022/巧设围栏.md": STORY}, "stories/2022/巧设围栏.md", 1, "文件名",
     "qiao-she-wei-lan-bian-min-chu-xing.md"),
    ("photo-without-cover", {S: STORY.replace("reporters:", "kind: photo\nreporters:")}, S, 5, "cover", "封面图"),
    ("metric-not-number", {C: CASE.replace("value: 130", "value: 一百三十")}, C, 7, "metrics[1].value", "阿拉伯数字"),
    ("case-without-practice", {C: CASE.replace("practice: 流动民情桌\n", "")}, C, 2, "practice", "缺少必填字段"),
    ("edition-missing-article", {"editions/2022-08-18.yml": EDITION.format(article="stories/2022/biboyuan-weilang")},
     "editions/2022-08-18.yml", 5, "articles", "stories/2022/biboyuan-weilan"),
    ("article-in-two-editions", {"editions/2022-08-18.yml": EDITION.format(article=S[:-3]),
                                 "editions/2022-08-25.yml": EDITION.format(article=S[:-3])},
     "editions/2022-08-25.yml", 5, "articles", "只能属于一期"),
    ("unknown-parent", {"communities.yml": "- {id: fangshan, name: 房山区, level: district}\n"
                                          "- {id: changyang, name: 长阳镇, level: street, parent: fangshn}\n"},
     "communities.yml", 2, "parent", "fangshan"),
    ("parent-not-higher", {"communities.yml": "- {id: fangshan, name: 房山区, level: district}\n"
                                              "- {id: a, name: 甲社区, level: community, parent: fangshan}\n"
                                              "- {id: b, name: 乙社区, level: community, parent: a}\n"},
     "communities.yml", 3, "parent", "级别不比它高"),
    ("duplicate-alias", {"communities.yml": "- {id: fangshan, name: 房山区, level: district, aliases: [房山]}\n"
                                            "- {id: fs, name: 房山县, level: district, aliases: [房山]}\n"},
     "communities.yml", 2, "aliases", "房山"),
    ("missing-image", {S: STORY + "\n![门口](/images/gate.jpg)\n"}, S, 10, "图片", "找不到图片文件"),
    ("image-outside-content", {S: STORY + "\n![门口](../../../secret.jpg)\n"}, S, 10, "图片", "content/ 文件夹以外"),
    ("image-from-other-host", {S: STORY + "\n![门口](https://example.com/a.jpg)\n"}, S, 10, "图片", "外部网址"),
    ("unclosed-quote", {S: STORY.replace("title: 巧设围栏便民出行", 'title: "巧设围栏便民出行')}, S, 2, None, "引号"),
    ("duplicate-key", {S: STORY.replace("reporters:", "title: 又一个标题\nreporters:")}, S, 5, "title", "写了两次"),
    ("misplaced-article", {"news/2022/a.md": STORY}, "news/2022/a.md", 1, None, "放错了文件夹"),
    ("impossible-date", {S: STORY.replace("2022-07-15", "2022-02-30")}, S, 3, "date", "这一天不存在"),
    ("empty-place-list", {S: STORY.replace("community: 碧波园社区", "community: []")}, S, 4, "community", "地名"),
    ("yaml-special-character", {S: STORY.replace("title: 巧设", "title: %巧设")}, S, 2, None, "YAML 的特殊符号"),
    ("status-label-mistyped", {M: MINHU.replace("satisfaction", "x").replace("status: resolved", "status: 已办结")},
     M, 6, "status", "已解决"),
]

AMBIGUOUS = """\
- {id: xicheng, name: 西城区, level: district}
- {id: dongcheng, name: 东城区, level: district}
- {id: biboyuan, name: 碧波园社区, level: community, parent: xicheng}
- {id: chengqu-a, name: 城区, level: street, parent: xicheng}
- {id: chengqu-b, name: 城区, level: street, parent: dongcheng}
"""


@pytest.mark.parametrize("files,path,line,field,gist", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_reported(site, files, path, line, field, gist):
    if "communities.yml" in files and files["communities.yml"] is None:
        files = {**files, "communities.yml": AMBIGUOUS}
    site.write(files)
    bulletin = load_bulletin(site.content, today=TODAY)
    expected_path = f"content/{path}"
    hits = [p for p in bulletin.problems.errors if p.path == expected_path]
    assert hits, bulletin.problems.format_text()
    text = "\n".join(p.format() for p in hits)
    assert any(
        (line is None or p.line == line) and (field is None or p.field == field)
        and gist in p.message + p.hint
        for p in hits
    ), text


def test_every_mistake_is_reported_in_one_run(site):
    site.write({
        S: STORY.replace("title: ", "title："),
        M: MINHU.replace("category: 停车", "category: 停车位").replace("## 问题", "## 情况"),
        C: CASE.replace("value: 130", "value: 很多"),
    })
    bulletin = load_bulletin(site.content, today=TODAY)
    assert {p.path for p in bulletin.problems.errors} == {f"content/{x}" for x in (S, M, C)}
    assert len(bulletin.problems.errors) == 4


def test_unknown_field_is_a_warning_with_the_closest_name(site):
    site.write({S: STORY.replace("title:", "titel: x\ntitle:")})
    bulletin = load_bulletin(site.content, today=TODAY)
    [warning] = bulletin.problems.warnings
    assert (warning.path, warning.line, warning.field) == (f"content/{S}", 2, "titel")
    assert "title" in warning.hint
    assert not bulletin.problems.errors


def test_listed_draft_is_left_out_of_the_edition_with_a_warning(site):
    site.write({S: STORY.replace("reporters:", "draft: true\nreporters:"),
                "editions/2022-08-18.yml": EDITION.format(article=S[:-3])})
    bulletin = load_bulletin(site.content, today=TODAY)
    assert bulletin.ok
    [warning] = bulletin.problems.warnings
    assert "草稿" in warning.message and warning.line == 5
    assert bulletin.editions[0].article_ids == []
