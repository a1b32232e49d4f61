"""One mistake, one message: an article an edition lists still exists when it
has errors of its own, and every message points at the line of its field."""

from __future__ import annotations

import importlib.util

import pytest

from helpers import MINHU, ROOT, STORY, TODAY
from site_builder.commands.site import open_site
from site_builder.content import load_bulletin


def _validation_cases() -> list[tuple]:
    """The bad inputs of test_validation.py (tests/content has no __init__.py)."""
    path = ROOT / "tests" / "content" / "test_validation.py"
    spec = importlib.util.spec_from_file_location("_one_message_validation_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


S = "stories/2022/biboyuan-weilan.md"
M = "minhu/2022/biboyuan-tingche.md"
C = "cases/2022/taixi-minqingzhuo.md"
ISSUE = "editions/2022-08-18.yml"
LISTS_ALL = f"""\
date: 2022-08-18
pages:
  - page: 1
    articles:
      - {S[:-3]}
      - {M[:-3]}
      - {C[:-3]}
"""

# Mistakes in one article (id, files, the file the one message is about), on
# top of every article mistake of test_validation.py.
MORE = [
    ("comment-only-front-matter", {S: "---\n# 标题待定\n---\n\n小区门口装上了围栏。\n"}, S),
    ("mobile-number", {S: STORY + "\n联系人电话 13812345678。\n"}, S),
    ("door-number-in-body", {S: STORY + "\n家住碧波园小区3号楼2单元501室的居民说。\n"}, S),
    ("door-number-in-location", {M: MINHU.replace("status:", "location: 碧波园小区12号楼3单元302室\nstatus:")}, M),
    ("script-in-body", {S: STORY + "\n<script>alert(1)</script>\n"}, S),
    ("javascript-link", {S: STORY + "\n[点这里](javascript:alert(1))\n"}, S),
    ("nested-list-item", {S: STORY.replace("reporters: [胡可]", "reporters: [[胡可]]")}, S),
    ("missing-solution-section", {M: MINHU.replace("## 解决\n\n设置了围栏。\n", "")}, M),
    ("draft-not-bool", {S: STORY.replace("reporters:", "draft: 是\nreporters:")}, S),
    ("damaged-photo", {S: STORY + "\n![门口](/images/gate.jpg)\n",
                       "images/gate.jpg": b"\xff\xd8\xff\xe0 not a photo"}, S),
]


def _article_mistakes() -> list[tuple[str, dict, str]]:
    cases = [(name, files, path) for name, files, path, *_ in _validation_cases()
             if all(key.endswith(".md") for key in files)]
    return cases + MORE


MISTAKES = _article_mistakes()


def test_the_issue_counts_three_dozen_mistakes():
    assert len(MISTAKES) >= 36, len(MISTAKES)


@pytest.mark.parametrize("files,path", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_one_mistake_in_a_listed_article_gives_one_message(site, files, path, monkeypatch):
    """What `bulletin check` reports (the image pipeline included)."""
    site.write({ISSUE: LISTS_ALL, **files})
    monkeypatch.setenv("BULLETIN_TODAY", TODAY.isoformat())
    problems = open_site(str(site.root / "mkdocs.yml")).load().problems
    assert len(problems) == 1, problems.format_text()
    [problem] = problems
    assert problem.severity == "error" and problem.path == f"content/{path}", problem.format()
    assert problem.line, problem.format()


# ---------------------------------------------------------------------------
# Every message points at the line of the field it names
# ---------------------------------------------------------------------------

BLOCK_COMMUNITIES = """\
- id: fangshan
  name: 房山区
  level: district
  aliases:
    - 房山
- id: changyang
  name: 长阳镇
  level: street
  parent: fangshan
- id: biboyuan
  name: 碧波园社区
  level: community
  aliases: [碧波园]
  parent: changyang
- id: taixi
  name: 太西社区
  level: community
  parent: changyang
"""

BLOCK_CATEGORIES = """\
- id: parking
  name: 停车
- id: garbage
  name: 垃圾分类
"""

BLOCK_EDITION = """\
date: 2022-08-18
pages:
  - name: 要闻
    page: 1
    articles:
      - {S}
  - name: 社区
    page: 2
    articles: {M}
"""

# (id, files, file, line, field) of the one error each gives.
FIELD_LINES = [
    ("unknown-parent", {"communities.yml": BLOCK_COMMUNITIES.replace("parent: changyang\n- id: taixi",
                                                                     "parent: changyan\n- id: taixi")},
     "communities.yml", 14, "parent"),
    ("parent-not-higher", {"communities.yml": BLOCK_COMMUNITIES.replace("parent: fangshan", "parent: biboyuan")},
     "communities.yml", 9, "parent"),
    ("duplicate-alias", {"communities.yml": BLOCK_COMMUNITIES.replace("aliases: [碧波园]", "aliases: [房山]")},
     "communities.yml", 13, "aliases"),
    ("duplicate-id", {"communities.yml": BLOCK_COMMUNITIES + "- name: 太西社区二\n  level: community\n"
                                                             "  parent: changyang\n  id: taixi\n"},
     "communities.yml", 22, "id"),
    ("bad-place-id", {"communities.yml": BLOCK_COMMUNITIES + "- name: 新社区\n  level: community\n"
                                                             "  parent: changyang\n  id: Xin_She\n"},
     "communities.yml", 22, "id"),
    ("duplicate-category-name", {"categories.yml": BLOCK_CATEGORIES + "- id: tingche\n  name: 停车\n"},
     "categories.yml", 6, "name"),
    ("bad-category-id", {"categories.yml": BLOCK_CATEGORIES + "- name: 绿化\n  id: Lv Hua\n"},
     "categories.yml", 6, "id"),
    ("duplicate-page", {ISSUE: BLOCK_EDITION.format(S=S[:-3], M=M[:-3]).replace("page: 2", "page: 1")},
     ISSUE, 8, "page"),
    ("missing-article-in-a-text-list", {ISSUE: BLOCK_EDITION.format(S=S[:-3], M="minhu/2022/meiyou")},
     ISSUE, 9, "articles"),
]


@pytest.mark.parametrize("files,path,line,field", [c[1:] for c in FIELD_LINES], ids=[c[0] for c in FIELD_LINES])
def test_registry_and_edition_messages_point_at_their_field(site, files, path, line, field):
    site.write({"communities.yml": BLOCK_COMMUNITIES, "categories.yml": BLOCK_CATEGORIES, **files})
    errors = load_bulletin(site.content, today=TODAY).problems.errors
    assert [(e.path, e.line, e.field) for e in errors] == [(f"content/{path}", line, field)], \
        "\n".join(e.format() for e in errors)


def test_an_article_in_two_editions_names_the_other_file_and_line(site):
    site.write({"editions/2020-10-23.yml": "date: 2020-10-23\npages:\n  - page: 1\n    articles: []\n"
                                           "  - page: 4\n    name: 社区\n    articles:\n      - " + M[:-3] + "\n"
                                           "      - " + S[:-3] + "\n",
                "editions/2020-10-30.yml": "date: 2020-10-30\npages:\n  - page: 1\n    articles:\n"
                                           "      - " + S[:-3] + "\n"})
    [error] = load_bulletin(site.content, today=TODAY).problems.errors
    assert (error.path, error.line, error.field) == ("content/editions/2020-10-30.yml", 5, "articles")
    assert "2020-10-23 期第 4 版" in error.message
    assert "content/editions/2020-10-23.yml:9" in error.message


# ---------------------------------------------------------------------------
# Any text: a clean check or a message, never a crash
# ---------------------------------------------------------------------------

MARKED_SECTIONS = ["<![", "<![ 这是什么", "a <![]b", "<![-", "<![CDATA[ 数据 ]]>", "<![if !supportLists]>1.<![endif]>",
                   "<![ELEMENT x>", "<![%x; [", "``<![`` 行内代码"]


@pytest.mark.parametrize("text", MARKED_SECTIONS)
def test_marked_sections_in_a_body_check_clean(site, text):
    site.write({S: STORY + f"\n{text}\n"})
    problems = load_bulletin(site.content, today=TODAY).problems
    assert not problems.errors, problems.format_text()


def test_a_script_inside_a_marked_section_is_still_found(site):
    site.write({S: STORY + "\n<![CDATA[\n<script>alert(1)</script>\n]]>\n"})
    [error] = load_bulletin(site.content, today=TODAY).problems.errors
    assert (error.line, error.field) == (11, "正文") and "<script>" in error.message
