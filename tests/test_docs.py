"""The editor guide (docs/editor-guide.md) stays true to the code.

- Every example of the guide that names its place under content/ is written
  into a copy of the sample bulletin and must load without a problem.
- Every bad input of tests/content/test_validation.py is explained in the guide.
- Every message the checker can give (each `error`/`warn` call of
  site_builder/content) is quoted in the guide, so a new rule without
  documentation fails here.
- Every `bulletin` subcommand is described.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil

import pytest

from helpers import ROOT, TODAY  # the shared constants (tests/conftest.py re-exports them)
from site_builder.content import load_bulletin

GUIDE = ROOT / "docs" / "editor-guide.md"
TEXT = GUIDE.read_text("utf-8")


def _load_validation_module():
    """tests/content has no __init__.py: load its CASES table from the file."""
    path = ROOT / "tests" / "content" / "test_validation.py"
    spec = importlib.util.spec_from_file_location("_guide_validation_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


VALIDATION = _load_validation_module()
CASES = VALIDATION.CASES

# ---------------------------------------------------------------------------
# The guide's examples
# ---------------------------------------------------------------------------

_FENCE = re.compile(r"^```(markdown|yaml)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
_PATH_COMMENT = re.compile(r"^\s*(?:<!--|#)\s*content/(?P<path>\S+?\.(?:md|ya?ml))\s*(?:-->)?\s*$")


def guide_examples() -> list[tuple[str, str, str]]:
    """(language, path under content/, file text without the comment line)."""
    found = []
    for lang, block in _FENCE.findall(TEXT):
        first, _, rest = block.partition("\n")
        if match := _PATH_COMMENT.match(first):
            found.append((lang, match["path"], rest))
    return found


EXAMPLES = guide_examples()
ARTICLE_EXAMPLES = [e for e in EXAMPLES if e[1].endswith(".md")]
EDITION_EXAMPLES = [e for e in EXAMPLES if e[1].startswith("editions/")]


@pytest.fixture(scope="module")
def with_examples(tmp_path_factory):
    """The sample bulletin with every example of the guide added to it."""
    content = tmp_path_factory.mktemp("guide") / "content"
    shutil.copytree(ROOT / "content", content)
    for _, rel, text in EXAMPLES:
        path = content / rel
        assert not path.exists(), f"the guide's example {rel} would replace a file of the sample bulletin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_bulletin(content, today=TODAY)


def test_the_guide_has_a_full_example_of_each_kind():
    assert {lang for lang, rel, _ in ARTICLE_EXAMPLES} == {"markdown"}
    folders = [rel.split("/")[0] for _, rel, _ in ARTICLE_EXAMPLES]
    assert folders.count("stories") >= 3 and "cases" in folders and folders.count("minhu") >= 2, folders
    assert EDITION_EXAMPLES and all(lang == "yaml" for lang, _, _ in EDITION_EXAMPLES)


def test_the_examples_load_without_any_problem(with_examples):
    bulletin = with_examples
    assert not bulletin.problems.errors, bulletin.problems.format_text()
    ours = {f"content/{rel}" for _, rel, _ in EXAMPLES}
    mine = [p.format() for p in bulletin.problems if p.path in ours]
    assert not mine, "\n".join(mine)


def test_every_example_article_is_published(with_examples):
    for _, rel, _ in ARTICLE_EXAMPLES:
        assert rel.removesuffix(".md") in with_examples.by_id, rel


def test_the_examples_show_what_the_guide_promises(with_examples):
    articles = [with_examples.by_id[rel.removesuffix(".md")] for _, rel, _ in ARTICLE_EXAMPLES]
    stories = [a for a in articles if a.type == "story"]
    assert {s.kind for s in stories} == {"news", "photo", "commentary"}
    news = next(s for s in stories if s.kind == "news")
    assert news.kicker and news.subtitle and news.tags and news.cover
    assert {role for role, _ in news.byline} >= {"记者", "实习记者", "通讯员", "摄影"}
    photo = next(s for s in stories if s.kind == "photo")
    pair = [i for i in photo.images]
    assert len(pair) == 2, "the photo story shows a before/after pair"

    [case] = [a for a in articles if a.type == "case"]
    assert case.practice and case.period
    assert {m.approx for m in case.metrics} >= {"余", "多", "近", "超过"}
    for metric in case.metrics:  # what the guide says a figure looks like is what the site shows
        assert metric.text in TEXT, metric.text
    for shown in ("130余条", "3500多户", "近1万平方米"):
        assert shown in {m.text for m in case.metrics}

    notes = {a.status: a for a in articles if a.type == "minhu"}
    assert set(notes) >= {"resolved", "in_progress"}
    headings = {status: re.findall(r"^## (\S+)", note.body, re.M) for status, note in notes.items()}
    assert headings["resolved"] == ["问题", "解决", "回访"]
    assert headings["in_progress"][:2] == ["问题", "进展"]


def test_the_edition_example_lists_the_guides_articles(with_examples):
    ids = {rel.removesuffix(".yml").removesuffix(".yaml").split("/", 1)[1] for _, rel, _ in EDITION_EXAMPLES}
    editions = [e for e in with_examples.editions if e.id in ids]
    assert len(editions) == len(EDITION_EXAMPLES)
    for edition in editions:
        assert edition.article_ids, edition.id
        assert all(a in with_examples.by_id for a in edition.article_ids)
        page = edition.pages[0]
        assert page.editors and page.designers and page.proofreaders  # 责任编辑、美编、校对


# ---------------------------------------------------------------------------
# Every validation case is explained
# ---------------------------------------------------------------------------

# Where the gist of a case is a detail of that one input (a pinyin slug, a
# place name, a date), the guide is checked for a stable phrase of the
# message instead; test_key_phrase_is_what_the_checker_says keeps it honest.
KEY_PHRASES = {
    "bad-date": "不是系统认识的日期格式",
    "unknown-place": "地名表 communities.yml 里没有",
    "unknown-category": "分类表 categories.yml 里没有",
    "in-progress-with-date": "却写了办结日期 resolved",
    "missing-problem-section": "民呼即应缺少“## 问题”一节",
    "wrong-progress-section": "这一节的标题应该是",
    "chinese-file-name": "会成为网址的一部分",
    "photo-without-cover": "必须有一张封面图 cover",
    "metric-not-number": "数值应该是阿拉伯数字",
    "edition-missing-article": "找不到文章",
    "unknown-parent": "在地名表里找不到",
    "duplicate-alias": "用作编号或别名",
    "unclosed-quote": "引号没有配对",
    "status-label-mistyped": "不在可选范围内",
}
CASE_IDS = [case[0] for case in CASES]


def test_key_phrases_belong_to_existing_cases():
    assert set(KEY_PHRASES) <= set(CASE_IDS), set(KEY_PHRASES) - set(CASE_IDS)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_validation_case_is_explained(case):
    name, gist = case[0], case[-1]
    phrase = KEY_PHRASES.get(name, gist)
    assert phrase in TEXT, f"{name}: the guide does not explain “{phrase}”"


@pytest.mark.parametrize("name", sorted(KEY_PHRASES))
def test_key_phrase_is_what_the_checker_says(site, name):
    _, files, path, _, _, _ = next(c for c in CASES if c[0] == name)
    if "communities.yml" in files and files["communities.yml"] is None:
        files = {**files, "communities.yml": VALIDATION.AMBIGUOUS}
    site.write(files)
    bulletin = load_bulletin(site.content, today=TODAY)
    said = [p.message + p.hint for p in bulletin.problems.errors if p.path == f"content/{path}"]
    assert any(KEY_PHRASES[name] in text for text in said), said


# ---------------------------------------------------------------------------
# Every message of the checker is quoted
# ---------------------------------------------------------------------------

_STRIP = " \t\n“”「」（）()。，,：:；;、？！\"'`"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _pieces(node: ast.AST) -> list[str] | None:
    """The fixed parts of a message: its text, or an f-string's literal parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
    else:
        return None
    return [p.strip(_STRIP) for p in parts if p.strip(_STRIP)]


def checker_messages() -> list[tuple[str, list[str]]]:
    """(where, fixed parts) of every error and warning message of site_builder/content.

    `ctx.error(line, field, message, hint)` and `problems.error(path, line,
    field, message, hint)`, the same for `warn`, the (message, hint) pairs by
    which YAML's own complaints are translated, and the keyboard slips table.
    """
    found = []
    for path in sorted((ROOT / "site_builder" / "content").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("error", "warn"):
                receiver = node.func.value
                name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", "")
                index = 3 if name == "problems" else 2
                if len(node.args) > index and (pieces := _pieces(node.args[index])):
                    found.append((where, pieces))
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_Slip":
                if pieces := _pieces(node.args[1]):
                    found.append((where, pieces))
            elif isinstance(node, ast.FunctionDef) and node.name == "_explain":
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Tuple):
                        if pieces := _pieces(ret.value.elts[0]):
                            found.append((f"{path.relative_to(ROOT)}:{ret.lineno}", pieces))
    return found


MESSAGES = checker_messages()


def test_the_messages_are_found():
    assert len(MESSAGES) >= 60, MESSAGES


def test_every_message_of_the_checker_is_in_the_guide():
    missing = []
    for where, pieces in MESSAGES:
        for piece in pieces:
            if len(piece) >= 4 and _CJK.search(piece) and piece not in TEXT:
                missing.append(f"{where}: {piece}")
    assert not missing, "the guide does not quote:\n" + "\n".join(missing)


# ---------------------------------------------------------------------------
# Commands and structure
# ---------------------------------------------------------------------------

def test_every_bulletin_command_is_described():
    from site_builder.cli import cli

    commands = set(cli.commands)
    assert commands >= {"check", "new", "build", "serve", "init"}
    for command in sorted(commands):
        assert f"bulletin {command}" in TEXT, command
    for option in ("--format json", "--drafts", "--title", "--community", "--date", "-f ", "--strict"):
        assert option in TEXT, option
    for kind in ("story", "case", "minhu"):
        assert f"bulletin new {kind}" in TEXT or f"`{kind}`" in TEXT, kind


def test_the_guide_has_its_parts():
    for heading in ("快速上手", "communities.yml", "categories.yml", "期", "图片", "错误信息说明", "常见问题"):
        assert re.search(rf"^## .*{re.escape(heading)}", TEXT, re.M), heading
    for word in ("区", "县", "街道", "镇", "乡", "社区", "村", "小区"):
        assert f"`{word}`" in TEXT, word
    for word in ("{ .before }", "{ .after }", "draft: true", "bulletin serve --drafts",
                 "错误「title」", "提醒", "责任编辑", "美编", "校对"):
        assert word in TEXT, word
