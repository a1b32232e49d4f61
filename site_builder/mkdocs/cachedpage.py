"""Pages whose Markdown conversion comes from the render cache (build/rendercache.py).

A `CachedPage` is MkDocs' own Page with `read_source` and `render` looked up
first: the cache keeps what `render` produces (content, table of contents,
title, anchors) and gives it back through public attributes only.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Iterable

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

import site_builder

from ..build.rendercache import SCHEMA_VERSION, Rendered, RenderCache, stable


def settings_digest(config: MkDocsConfig, extra: Iterable[str] = ()) -> str:
    """The digest of everything but the text that a conversion depends on."""
    parts = [SCHEMA_VERSION, mkdocs.__version__, site_builder.__version__,
             stable(config.markdown_extensions), stable(config.mdx_configs or {}), *extra]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def files_digest(files: Files) -> str:
    """A digest of the documentation pages' paths: what links can resolve to."""
    names = sorted(f.src_uri for f in files if f.is_documentation_page())
    return hashlib.sha256("\n".join(names).encode("utf-8")).hexdigest()


class CachedPage(Page):
    """A page whose Markdown conversion is looked up before it is done.

    The plugin creates these for the pages MkDocs would otherwise create
    itself (those outside the navigation); MkDocs then calls `render` as usual.
    """

    cache: RenderCache | None = None  # set by the plugin for the build
    reused = False  # the published file is reused (reuse.py): nothing to read or convert
    warned = False  # the conversion logged a warning or must check anchors: never reuse it

    def read_source(self, config: MkDocsConfig) -> None:
        if self.reused:
            self.markdown, self.meta = "", {}
            return None
        return super().read_source(config)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        cache = self.cache
        if self.reused:
            self._restore({"content": "", "toc": [], "title": None, "anchors": []})
            return None
        if cache is None or self.markdown is None:
            return super().render(config, files)
        key = cache.key(self.file.src_uri, self.markdown)
        if (found := cache.get(key)) is not None:
            self._restore(found)
            return None
        with _Warnings() as warnings:
            super().render(config, files)
        self.warned = warnings.seen or bool(self.links_to_anchors)
        if not self.warned:
            cache.put(key, self.rendered())
        return None

    def rendered(self) -> Rendered:
        return {"content": self.content, "toc": [_anchor(a) for a in self.toc],
                "title": self.title, "anchors": sorted(self.present_anchor_ids or ())}

    def _restore(self, found: Rendered) -> None:
        self.content = found["content"]
        self.toc = _toc(found["toc"])
        if found["title"] is not None and "title" not in self.meta:
            self.title = found["title"]  # the page's first heading, as `render` finds it
        self.present_anchor_ids = set(found["anchors"])
        self.links_to_anchors = {}


def _anchor(link: AnchorLink) -> dict:
    return {"title": link.title, "id": link.id, "level": link.level,
            "children": [_anchor(c) for c in link.children]}


def _link(data: dict) -> AnchorLink:
    link = AnchorLink(data["title"], data["id"], data["level"])
    link.children = [_link(c) for c in data["children"]]
    return link


def _toc(items: list[dict]) -> TableOfContents:
    links = [_link(i) for i in items]
    if links:
        links[0].active = True  # type: ignore[attr-defined]  # as mkdocs.structure.toc.get_toc does
    return TableOfContents(links)


class _Warnings(logging.Handler):
    """Notes whether MkDocs logged a warning while a page was converted."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True

    def __enter__(self) -> "_Warnings":
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs").removeHandler(self)
