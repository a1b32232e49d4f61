"""Longer words for longer queries, so common bigrams need few positions.

The indexed text is Chinese cut into overlapping bigrams (tokens.py), and a
query of three characters or more used to be a phrase of bigrams next to
each other: 垃圾分类 = 垃圾 圾分 分类. A phrase needs every position of every
bigram on every page, and the common ones are in most pages many times
over: 社区 alone was 302 KB of a first query at 25,000 articles.

So the digest of each shard (postings.py) adds, at the position of each
bigram, the grams of three and of four characters that start there (where
the run of characters is long enough), as words of their own spelled after
a mark: ǀ垃圾分 and ǁ垃圾分类 at the position of 垃圾. Then

- a query of three characters is its gram of three (ǀ垃圾分), of four its
  gram of four (ǁ垃圾分类): one word, which matches only itself;
- a longer query is a phrase of its grams of four: 垃圾分类投放点 is ǁ垃圾分类
  ǁ圾分类投 ǁ分类投放 ǁ类投放点 at consecutive positions;
- only those phrases need positions, so the bigrams and the grams of three
  keep only their first position on each page (POSITIONS): enough to find
  the page and to centre the excerpt. What is lost: Pagefind ranks a query
  of one to three characters by page length alone, no longer by how often
  it occurs, and marks only its first occurrence in an excerpt. (Queries of
  four characters, which were unranked phrases, are now ranked by their
  gram.)

The marks keep the grams out of the bigrams' way (a query for 垃圾 matches
the words that begin with 垃圾, and no gram does) and out of each other's:
every word after a mark has the same length, so Pagefind, which matches a
query word as the beginning of indexed words, finds the one word asked for
in the one chunk it fetches. search.js cuts queries by the same rule
(queryWords) and keeps the marks out of what a reader types.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from .tokens import HAN

# Letters (not punctuation, unchanged by lower case and by Pagefind's
# folding of diacritics), which no Chinese query word begins with.
MARK = "ǁ"  # before a gram of four characters
MARK3 = "ǀ"  # before a gram of three
GRAM = 4  # the longest gram
SHORTEST = 3  # grams shorter than this are bigrams, already indexed
POSITIONS = 1  # positions kept per page of a bigram, a character or a gram of three

_CHINESE = re.compile(f"[{HAN}]{{1,2}}")
DEFAULT_WEIGHT = -25  # Pagefind's marker for the default weight, as it writes it


def is_short(word: str) -> bool:
    """A bigram or a run's last character: the words grams stand in for."""
    return _CHINESE.fullmatch(word) is not None


def gram_words(on_page: dict[int, str], position: int) -> list[str]:
    """The grams that start at a bigram (`on_page`: a page's bigrams and
    characters by position), as the index spells them."""
    gram = gram_at(on_page, position)
    if not gram:
        return []
    return [MARK3 + gram[:SHORTEST]] + ([MARK + gram] if len(gram) == GRAM else [])


def _capped(locations: list[int]) -> list[int]:
    """The first POSITIONS positions (and the weight markers before them):
    locations are gaps after the previous one, so a prefix keeps its values."""
    kept, positions = [], 0
    for location in locations:
        if location >= 0:
            if positions == POSITIONS:
                break
            positions += 1
        kept.append(location)
    return kept


class Grams:
    """The grams of one shard, from its words as Pagefind wrote them, one at
    a time (`take`), so that a shard's decoded words need not all be held."""

    def __init__(self) -> None:
        self.tokens: dict[int, dict[int, str]] = defaultdict(dict)  # page → position → bigram or character
        self.weights: dict[tuple[int, int], int] = {}  # (page, position) → weight marker, where not the default

    def take(self, word: str, pages: list, variants: list) -> tuple[str, list, list]:
        """One word [word, pages, variants], pages [gap, locations, meta
        locations] as Pagefind writes them; a bigram's positions are noted
        and come back capped, other words as they are."""
        if not is_short(word):
            return word, pages, variants
        number = 0
        for gap, locations, _ in pages:
            number += gap
            weight, position, on_page = DEFAULT_WEIGHT, 0, self.tokens[number]
            for location in locations:
                if location < 0:
                    weight = location
                    continue
                position += location
                on_page[position] = word
                if weight != DEFAULT_WEIGHT:
                    self.weights[number, position] = weight
        return word, [[gap, _capped(locations), metas] for gap, locations, metas in pages], variants

    def grams(self) -> Iterator[tuple[str, list, list]]:
        """Every gram of the words taken, as a word in Pagefind's form (the
        positions noted are let go)."""
        found: dict[str, dict[int, list[int]]] = defaultdict(dict)  # pages and positions ascending
        for number in sorted(self.tokens):
            on_page = self.tokens.pop(number)
            for position in sorted(on_page):
                gram = gram_at(on_page, position)
                if not gram:
                    continue
                first = found[MARK3 + gram[:SHORTEST]].setdefault(number, [])
                if len(first) < POSITIONS:  # a gram of three is a query by itself, never part of a phrase
                    first.append(position)
                if len(gram) == GRAM:
                    found[MARK + gram].setdefault(number, []).append(position)
        while found:
            gram, pages = found.popitem()
            yield gram, _pages(pages, self.weights), []


def add_grams(words: list[tuple[str, list, list]]) -> list[tuple[str, list, list]]:
    """Words as Pagefind writes them, with the bigrams capped and the grams
    added (in no particular order)."""
    grams = Grams()
    taken = [grams.take(*word) for word in words]
    return taken + list(grams.grams())


def gram_at(on_page: dict[int, str], position: int) -> str | None:
    """The gram that starts at a bigram (`on_page`: a page's bigrams and
    characters by position): its characters while the run of bigrams goes
    on, up to GRAM; None when shorter than SHORTEST."""
    text = on_page[position]
    if len(text) != 2:
        return None
    following = position + 1
    while len(text) < GRAM:
        token = on_page.get(following)
        if token is None or len(token) != 2 or token[0] != text[-1]:
            break
        text += token[1]
        following += 1
    return text if len(text) >= SHORTEST else None


def _pages(found: dict[int, list[int]], weights: dict[tuple[int, int], int]) -> list:
    """Pages of a gram (page → positions, both ascending) as Pagefind writes
    them: page numbers as gaps, and on each page the positions as gaps after
    a weight marker (again where the weight changes)."""
    pages, previous = [], 0
    for number, positions in found.items():  # ascending, as Grams.grams collects them
        if weights:
            locations, last, weight = [], 0, None
            for position in positions:
                marker = weights.get((number, position), DEFAULT_WEIGHT)
                if marker != weight:
                    locations.append(marker)
                    weight = marker
                locations.append(position - last)
                last = position
        else:  # the usual case: one weight for the whole text
            locations = [DEFAULT_WEIGHT, positions[0], *(b - a for a, b in zip(positions, positions[1:]))]
        pages.append([number - previous, locations, []])
        previous = number
    return pages
