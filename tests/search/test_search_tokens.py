"""Chinese text cut into overlapping two-character words for the index."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from site_builder.search.text import markdown_to_text
from site_builder.search.tokens import HAN as HAN_RANGE
from site_builder.search.tokens import bigrams, index_text, index_words

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def test_a_run_becomes_its_bigrams_and_its_last_character():
    assert bigrams("垃圾分类投放点") == ["垃圾", "圾分", "分类", "类投", "投放", "放点", "点"]


def test_numbers_latin_words_and_punctuation_stay_whole():
    assert index_words("拨打12345热线，WiFi 已开通。") == [
        "拨打", "打", "12345", "热线", "线", "，WiFi", "已开", "开通", "通", "。"]


def test_a_word_inside_a_longer_one_is_indexed_as_itself():
    # 充电 must be found in 电动自行车充电: it is one of the indexed words.
    assert "充电" in index_words("电动自行车充电难")


@given(st.text(HAN, min_size=1, max_size=40))
def test_every_character_starts_exactly_one_word(run):
    words = index_words(run)
    assert "".join(word[0] for word in words) == run
    assert index_text(run) == " ".join(words)


def test_markdown_becomes_the_text_a_reader_sees():
    body = "## 问题\n\n门口**常有**车辆停放，见[通知](a.md)。\n\n![设置围栏前](a.jpg \"李娜 摄\"){ .before }\n"
    assert markdown_to_text(body) == "问题\n门口常有车辆停放，见通知。\n设置围栏前"


def _reference_words(text: str) -> list[str]:
    """The rule as first written: split into runs, cut Chinese runs into bigrams."""
    words: list[str] = []
    for run in re.findall(f"[{HAN_RANGE}]+|[^\\s{HAN_RANGE}]+", text):
        words += bigrams(run) if re.fullmatch(f"[{HAN_RANGE}]+", run) else [run]
    return words


@given(st.text(st.one_of(HAN, st.sampled_from(" \n，。a1（）、\u3400\uf900"), st.characters()), max_size=60))
def test_the_one_pass_cut_equals_the_rule(text):
    assert index_words(text) == _reference_words(text)
