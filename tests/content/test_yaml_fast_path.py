"""The direct walk over YAML nodes builds what PyYAML's constructors build."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.content import privacy
from site_builder.content.problems import Problems
from site_builder.content.yamlsource import _LineLoader, _too_deep, keyboard_slips, load_yaml

DOCUMENTS = [
    "title: 巧设围栏\ndate: 2022-07-15\ntags: [甲, 乙]\nreporters:\n  - 胡可\n  - 王晨\n",
    "cover:\n  src: /images/a.jpg\n  caption: 说明\nmetrics:\n  - {label: 意见, value: 130, unit: 条}\n",
    "a: &x {k: v}\nb: *x\n",                      # an alias: one object twice
    "base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\n",  # a merge key through an alias
    "mine:\n  <<: {x: 1}\n  y: 2\n",               # a merge key without an alias
    "a: 1\na: 2\nb: yes\nc: ~\nd: 0x1F\ne: 1_000\nf: 2022-02-30\ng: 2022-08-18 12:00:00\n",
    "? [1, 2]\n: complex key\n2022-01-01: date key\ntrue: bool key\n",
    "s: !!set {a, b}\n",
    "o: !!omap [a: 1, b: 2]\n",
    "t: !!str 12\nu: !!binary aGk=\n",
    "deep: " + "[" * 40 + "]" * 40 + "\n",
    "- a\n- - b\n  - c\n",
    "",
    "plain text",
    "\u3000title: x\n",
]


def _reference(text: str):
    loader = _LineLoader(text)
    loader.first_line, loader.duplicates = 2, []
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


def _lines(value):
    if isinstance(value, dict):
        return [("map", getattr(value, "line", None), sorted(map(repr, getattr(value, "key_lines", {}).items())))] + \
            [x for v in value.values() for x in _lines(v)]
    if isinstance(value, list):
        return [("seq", getattr(value, "line", None), getattr(value, "item_lines", None))] + [x for v in value for x in _lines(v)]
    return []


@pytest.mark.parametrize("text", DOCUMENTS)
def test_values_and_lines_match_pyyaml(text):
    problems = Problems()
    data = load_yaml(text, Path("a.md"), problems, first_line=2)
    if problems._items and any("两次" not in p.message for p in problems._items):
        assert data is None
        return
    expected, duplicates = _reference(text)
    assert data == expected
    assert type(data) is type(expected)
    assert _lines(data) == _lines(expected)
    assert [p.line for p in problems._items] == [line for _, line in duplicates]


def test_an_alias_is_one_object_as_pyyaml_makes_it():
    data = load_yaml("a: &x {k: v}\nb: *x\n", Path("a.md"), Problems())
    assert data["a"] is data["b"]


def test_a_recursive_alias_is_reported_not_looped():
    problems = Problems()
    load_yaml("a: &x\n  b: *x\n", Path("a.md"), problems)
    assert len(problems.errors) == 1


def test_the_slip_pretest_misses_no_slip():
    for line in ["title：x", "- key ：x", "\u3000a: b", "  \u3000a", "\ta: b", "  \tb", "— 项", " – 项",
                 "－ 项", "key:value", "- key:value", "a: b", "url: http://x", "# 注释：x"]:
        problems = Problems()
        found = keyboard_slips(f"ok: 1\n{line}\n", Path("a.md"), problems)
        expected = not line.startswith("#") and any(slip.pattern.match(line) for slip in _slips())
        assert found == expected, line


def _slips():
    from site_builder.content.yamlsource import _SLIPS
    return _SLIPS


def test_too_deep_finds_the_first_deep_line():
    assert _too_deep("a: 1\n" + " " * 129 + "b: 2\n" + " " * 200 + "c\n") == 1
    assert _too_deep("a: 1\n" + " " * 128 + "b: 2\n") is None
    assert _too_deep("x: " + "[" * 65) == 0


@pytest.mark.parametrize("text", ["请拨打13812345678", "邮件 a@b.cn", "京A·12345", "身份证11010519491231002X",
                                  "座机（010）65123456", "电话：6512-3456", "１３８１２３４５６７８"])
def test_the_privacy_pretest_lets_findings_through(text):
    assert privacy._MAYBE.search(text)
    assert privacy.find(text) or text.startswith("１")


def test_the_privacy_pretest_skips_ordinary_text():
    assert privacy.find("2022年8月14日，长阳镇 120 户居民参加。") == []
