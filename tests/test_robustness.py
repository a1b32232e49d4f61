"""No traceback, ever: malformed YAML, random bytes, huge files, deep nesting
and odd Unicode thrown at the loader and at `bulletin check` end in Chinese
messages naming a file and, where there is one, a line."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import CATEGORIES, COMMUNITIES, STORY, TODAY, run_bulletin, write
from site_builder.content import load_bulletin

CHINESE = re.compile(r"[\u4e00-\u9fff]")
ARTICLE = "stories/2022/ceshi.md"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_with(files: dict[str, str | bytes]):
    """Load a small valid bulletin with some files replaced; return the problems."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        write(content, {"communities.yml": COMMUNITIES, "categories.yml": CATEGORIES,
                        "stories/2022/hao.md": STORY, **files})
        return load_bulletin(content, today=TODAY).problems


def assert_explained(problems, culprit: str) -> None:
    """Every problem is Chinese and names a file; the culprit's have a line."""
    for problem in problems:
        assert problem.path.startswith("content/"), problem
        assert CHINESE.search(problem.message), problem
        assert problem.line is None or problem.line >= 1, problem
    for problem in problems.errors:
        if problem.path == f"content/{culprit}":
            assert problem.line, problem


YAML_PIECES = st.sampled_from([
    "title: ", "date: ", "community: ", "tags: ", "draft: ", "cover:\n  src: ", "- ", ": ", "：", "\u3000",
    "\t", "[", "]", "{", "}", "\"", "'", "&a ", "*a ", "!!python/object:os.system ", "? ", "|\n", ">\n",
    "\n", "\n  ", "2022-02-30", "1e999", "0x", "~", "null", "碧波园社区", "---", "...", "#", "%YAML 1.1\n",
    "!!binary ", "<<: *a\n", "\\", "\u202e", "\ufeff", "\U0001f600", "\x85", "\u2028",
])


@SETTINGS
@given(st.lists(YAML_PIECES, max_size=30).map("".join))
def test_malformed_front_matter(front):
    problems = load_with({ARTICLE: f"---\n{front}\n---\n\n正文。\n"})
    assert_explained(problems, ARTICLE)


@SETTINGS
@given(st.lists(YAML_PIECES, max_size=30).map("".join))
def test_malformed_registries(text):
    problems = load_with({"communities.yml": text, "categories.yml": text[::-1],
                          "editions/2022-08-18.yml": text})
    assert_explained(problems, "communities.yml")


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    problems = load_with({ARTICLE: data, "editions/x.yml": data})
    assert_explained(problems, ARTICLE)


@SETTINGS
@given(st.text(max_size=300))
def test_odd_unicode_everywhere(text):
    article = f"---\ntitle: {text}\ndate: 2022-07-15\ncommunity: 碧波园社区\ntags: [{text}]\n---\n\n{text}\n"
    problems = load_with({ARTICLE: article, f"stories/2022/{abs(hash(text)) % 999}.md": text})
    assert_explained(problems, ARTICLE)


@pytest.mark.parametrize("depth", [50, 1000, 100_000])
def test_deep_nesting(depth):
    for nested in ("[" * depth + "]" * depth, "{a: " * depth + "1" + "}" * depth,
                   "".join(f"{'  ' * i}a:\n" for i in range(min(depth, 5000)))):
        problems = load_with({ARTICLE: f"---\ntitle: {nested}\n---\n\n正文。\n",
                              "communities.yml": nested})
        assert_explained(problems, ARTICLE)
        assert problems.errors


def test_huge_files():
    huge_body = ("社区居民反映问题，社区及时回应。" * 40 + "\n\n") * 5000     # ~3.7 MB of text
    huge_line = "长" * 3_000_000
    problems = load_with({
        ARTICLE: STORY + huge_body,
        "stories/2022/changhang.md": STORY + huge_line,
        "stories/2022/kuai.md": "---\ntitle: " + "题" * 1_000_000 + "\n---\n",
        "communities.yml": COMMUNITIES + "- {id: x, name: " + "名" * 1_000_000 + ", level: community, parent: fangshan}\n",
    })
    assert_explained(problems, ARTICLE)


NASTY = {
    "random bytes": bytes(range(256)) * 4,
    "GBK": "---\ntitle: 标题\n---\n".encode("gbk"),
    "UTF-16": "---\ntitle: 标题\n---\n".encode("utf-16"),
    "NUL": "---\ntitle: 标题\x00\n---\n",
    "deep nesting": "---\ntitle: " + "[" * 100_000 + "\n---\n",
    "python tag": "---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n",
    "billion laughs": "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                      "title: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n",
    "lone surrogate": "---\ntitle: x\n---\n".encode() + b"\xed\xa0\x80",
    "only fence": "---\n",
    "empty": "",
    "date overflow": "---\ntitle: 标题\ndate: 99999-12-31\ncommunity: 碧波园社区\n---\n",
    "keys not text": "---\n? [a, b]\n: c\n1: 2\nnull: x\ntitle: 标题\n---\n",
}


@pytest.mark.parametrize("name", sorted(NASTY))
def test_check_command_never_shows_a_traceback(site, name):
    site.write({ARTICLE: NASTY[name], "categories.yml": NASTY[name] if name != "empty" else ""})
    result = run_bulletin("check", cwd=site.root)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "程序内部错误" not in output, output[-2000:]
    assert result.returncode == 1, output[-2000:]
    assert re.search(rf"content/{ARTICLE}(:\d+)?: 错误", result.stdout), output[-2000:]


MARKED = "行内 `<![` 代码\n\n```\n<![ 代码块\n```\n\n<![ 这是什么\n\na <![CDATA[ 数据 ]]> b <![if !supportLists]>1.<![endif]>\n\n<![-\n"


def test_marked_sections_check_and_build_clean(site):
    """`<![` stopped both the check and MkDocs' own HTML scan with an AssertionError."""
    site.write({"stories/2022/biboyuan-weilan.md": STORY + "\n" + MARKED})
    for command in ("check", "build"):
        result = run_bulletin(command, cwd=site.root)
        output = result.stdout + result.stderr
        assert result.returncode == 0 and "程序内部错误" not in output, output[-2000:]
    page = (site.root / "site" / "stories" / "2022" / "biboyuan-weilan" / "index.html").read_text("utf-8")
    assert "<p>&lt;![ 这是什么</p>" in page and "<code>&lt;![</code>" in page
