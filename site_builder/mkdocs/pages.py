"""Pages that exist in no file: the home page and the section lists.

Each is declared with its URL, title, template and the context it needs;
the plugin turns them into MkDocs virtual files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..content import Bulletin
from ..content.types import TYPES


@dataclass(frozen=True)
class VirtualPage:
    src_uri: str
    title: str
    template: str
    context: Callable[[Bulletin], dict]


def _home(limit: int) -> Callable[[Bulletin], dict]:
    def context(bulletin: Bulletin) -> dict:
        cases = bulletin.of_type("case")
        return {
            "latest_stories": bulletin.of_type("story")[:limit],
            "latest_notes": bulletin.of_type("minhu")[:limit],
            "featured_case": cases[0] if cases else None,
            "latest_edition": bulletin.editions[-1] if bulletin.editions else None,
        }
    return context


def _section(type_name: str) -> Callable[[Bulletin], dict]:
    def context(bulletin: Bulletin) -> dict:
        return {"section_type": type_name, "articles": bulletin.of_type(type_name)}
    return context


def virtual_pages(home_latest: int) -> list[VirtualPage]:
    pages = [VirtualPage("index.md", "首页", "home.html", _home(home_latest))]
    for atype in TYPES.values():
        pages.append(VirtualPage(f"{atype.folder}/index.md", atype.label, "section.html",
                                 _section(atype.name)))
    return pages


def default_nav(pages: list[VirtualPage]) -> list[dict]:
    """Only the sections: articles stay out of the navigation, so that each
    page renders a small menu however large the archive grows."""
    return [{page.title: page.src_uri} for page in pages]
