"""Hints name the same closest names as difflib, however long the list."""

from __future__ import annotations

import difflib
import random

import pytest

from site_builder.content.suggest import close_matches, did_you_mean


@pytest.mark.parametrize("seed", range(5))
def test_close_matches_are_difflibs(seed):
    rng = random.Random(seed)
    for _ in range(40):
        alphabet = rng.choice(["ab", "abcdef0123456789/-", "碧波园社区长阳"])
        names = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(50, 300))]
        names += names[:10]  # repeated names are kept as difflib keeps them
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        n, cutoff = rng.randint(1, 5), rng.choice([0.0, 0.4, 0.6, 1.0])
        assert close_matches(word, names, n, cutoff) == difflib.get_close_matches(word, names, n, cutoff)


def test_a_missing_article_id_suggests_its_neighbours():
    ids = [f"minhu/{year}/minhu-{i:06d}" for year in range(2016, 2026) for i in range(300)]
    word = "minhu/2019/minhu-0001234"
    similar = difflib.get_close_matches(word, ids, n=3, cutoff=0.4)
    contained = [name for name in ids if name in word]
    assert contained == ["minhu/2019/minhu-000123"]
    expected = list(dict.fromkeys(contained + similar))[:3]
    assert did_you_mean(word, ids) == "是不是想写：" + "、".join(expected) + "？"
