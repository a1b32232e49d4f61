"""Fingerprints of what a page shows, so that a rebuild can tell which pages changed.

A page is made of a few articles, registry entries and numbers. Its
fingerprint hashes exactly those values: an article by everything it holds
(its fields and body, hashed once per build), a place, category or edition
by its id (the registries are hashed as a whole, see `registry_digest`), and
lists, pagers and statistics by their contents, in order. Two builds that
give a page the same fingerprint give it the same values.

A value of a kind not known here makes the page's fingerprint None: such a
page is always built afresh rather than risk a stale one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from pathlib import PurePath
from typing import Any, Callable

from .bulletin import Bulletin
from .categories import Category
from .editions import Edition
from .places import Place
from .types import Article


class Unknown(Exception):
    """A value the fingerprint cannot vouch for."""


class Fingerprints:
    """Fingerprints for one build; each article is hashed once.

    `extra(article)` adds what the article shows that lives outside it
    (the adapter passes its published images, whose URLs carry their hash).
    """

    def __init__(self, extra: Callable[[Article], Any] = lambda article: None) -> None:
        self._extra = extra
        self._articles: dict[int, str] = {}
        # Lists, dicts and records shared by many pages (a list page's articles,
        # the statistics) are hashed once; the value is kept so its id stays its own.
        self._shared: dict[int, tuple[Any, bytes]] = {}

    def of(self, *values: Any) -> str | None:
        """The fingerprint of a page's values, or None if one is of an unknown kind."""
        digest = hashlib.blake2b(digest_size=20)
        try:
            self._feed(values, digest.update)
        except Unknown:
            return None
        return digest.hexdigest()

    def article(self, article: Article) -> str:
        key = id(article)
        if (found := self._articles.get(key)) is None:
            if article.digest is None:
                raise Unknown("an article inside an article")
            digest = hashlib.blake2b(digest_size=20)
            digest.update(f"{article.digest}\0{article.state}".encode())
            self._feed(self._extra(article), digest.update)
            found = self._articles[key] = digest.hexdigest()
        return found

    def fields(self, article: Article) -> str | None:
        """A hash of what the article's file gave it: every field but `state`."""
        digest = hashlib.blake2b(digest_size=20)
        digest.update(type(article).__name__.encode())
        try:
            for field in dataclasses.fields(article):
                if field.name != "state":
                    digest.update(field.name.encode())
                    self._feed(getattr(article, field.name), digest.update, inside_article=True)
        except Unknown:
            return None
        return digest.hexdigest()

    def _feed(self, value: Any, update: Callable[[bytes], None], inside_article: bool = False) -> None:
        kind = _KINDS.get(type(value)) or _kind(value)
        if kind is _SCALAR:
            update(f"\x01{value!r}".encode())
        elif kind is _TEXT:
            update(b"\x02%d:" % len(value))
            update(value.encode("utf-8", "surrogatepass"))
        elif kind is _DATE:
            update(f"\x03{value}".encode())
        elif kind is _ARTICLE:
            if inside_article:
                raise Unknown("an article inside an article")
            update(b"\x04" + self.article(value).encode())
        elif kind is _REGISTRY:
            update(f"\x05{type(value).__name__}:{value.id}".encode())  # see registry_digest
        elif kind is _RECORD or inside_article:  # a small record, or inside an article: hashed in place
            self._composite(value, update, inside_article)
        else:  # a list, dict or dataclass that many pages may share: hashed once
            found = self._shared.get(id(value))
            if found is None:
                digest = hashlib.blake2b(digest_size=20)
                self._composite(value, digest.update, inside_article)
                found = self._shared[id(value)] = (value, digest.digest())
            update(b"\x09" + found[1])

    def _composite(self, value: Any, update: Callable[[bytes], None], inside_article: bool) -> None:
        if isinstance(value, (list, tuple)):
            update(b"\x06[")
            for item in value:
                self._feed(item, update, inside_article)
            update(b"]")
        elif isinstance(value, dict):
            update(b"\x07{")
            for key, item in value.items():
                self._feed(key, update, inside_article)
                self._feed(item, update, inside_article)
            update(b"}")
        else:
            update(f"\x08{type(value).__name__}(".encode())
            for name in _field_names(type(value)):
                update(name.encode())
                self._feed(getattr(value, name), update, inside_article)
            update(b")")


# What a value is, looked up by its exact type (worked out once per type).
_SCALAR, _TEXT, _DATE, _ARTICLE, _REGISTRY, _RECORD, _SHARED = range(1, 8)  # never 0: looked up with `or`
_KINDS: dict[type, int] = {type(None): _SCALAR, bool: _SCALAR, int: _SCALAR, float: _SCALAR, str: _TEXT,
                           tuple: _RECORD, list: _SHARED, dict: _SHARED}


def _kind(value: Any) -> int:
    if isinstance(value, (bool, int, float)):
        kind = _SCALAR
    elif isinstance(value, str):
        kind = _TEXT
    elif isinstance(value, (dt.date, PurePath)):
        kind = _DATE
    elif isinstance(value, Article):
        kind = _ARTICLE
    elif isinstance(value, (Place, Category, Edition)):
        kind = _REGISTRY
    elif isinstance(value, tuple):
        kind = _RECORD
    elif isinstance(value, (list, dict)) or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        kind = _SHARED
    else:
        raise Unknown(type(value).__name__)
    _KINDS[type(value)] = kind
    return kind


@functools.lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def registry_digest(bulletin: Bulletin) -> str:
    """One hash of the places, categories and editions, which pages show by id."""
    digest = hashlib.blake2b(digest_size=20)
    rows: list[Any] = []
    for place in bulletin.places:
        rows.append([f"{f.name}={_reference(getattr(place, f.name))}" for f in dataclasses.fields(place)])
    for category in bulletin.categories:
        rows.append(repr(category))
    for edition in bulletin.editions:
        rows.append(repr(edition))
    for row in rows:
        digest.update(repr(row).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _reference(value: Any) -> str:
    """A place's neighbours by id: the registry is a graph with cycles."""
    if isinstance(value, Place):
        return value.id
    if isinstance(value, (list, tuple)):
        return repr([_reference(v) for v in value])
    return repr(value)
