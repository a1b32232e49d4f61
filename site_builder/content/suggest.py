"""Closest known names, for "did you mean" hints."""

from __future__ import annotations

import difflib
import heapq
from typing import Iterable


def closest(word: str, known: Iterable[str], n: int = 3) -> list[str]:
    """Known names containing the word first, then the most similar ones."""
    known = list(dict.fromkeys(known))
    contains = [k for k in known if word and (word in k or k in word)]
    similar = close_matches(word, known, n=n, cutoff=0.4)
    return list(dict.fromkeys(contains + similar))[:n]


def did_you_mean(word: str, known: Iterable[str]) -> str:
    names = closest(word, known)
    if not names:
        return ""
    return "是不是想写：" + "、".join(names) + "？"


def close_matches(word: str, possibilities: list[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """What difflib.get_close_matches returns, found faster among many names.

    An article id missing from an edition is compared with every article of
    the archive. quick_ratio() is an upper bound of ratio() (the same number
    of characters over the same length), so the full ratio is computed from
    the most promising names down, and only while a name could still enter
    the best n.
    """
    if len(possibilities) < 50:
        return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)
    if not n > 0:
        raise ValueError(f"n must be > 0: {n!r}")
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounds = []
    for index, name in enumerate(possibilities):
        matcher.set_seq1(name)
        if matcher.real_quick_ratio() >= cutoff and (bound := matcher.quick_ratio()) >= cutoff:
            bounds.append((-bound, index))
    bounds.sort()
    best: list[tuple[float, str]] = []  # a heap of the n best (score, name) so far
    for negative, index in bounds:
        if len(best) == n and -negative < best[0][0]:
            break  # no name left can score as high as the n-th best
        name = possibilities[index]
        matcher.set_seq1(name)
        score = matcher.ratio()
        if score >= cutoff:
            if len(best) < n:
                heapq.heappush(best, (score, name))
            elif (score, name) > best[0]:
                heapq.heapreplace(best, (score, name))
    return [name for score, name in sorted(best, reverse=True)]
