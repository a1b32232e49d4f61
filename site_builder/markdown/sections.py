"""Wrap each `## …` part of an article in a <section>, so themes can set off
the 问题 / 解决 / 进展 / 回访 blocks of a 民呼即应 note (and any story's parts).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Section titles with a role of their own; others get the generic class.
ROLES = {"问题": "problem", "解决": "solution", "进展": "progress", "回访": "follow-up"}


class SectionTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        children = list(root)
        if not any(child.tag == "h2" for child in children):
            return
        for child in children:
            root.remove(child)
        section: etree.Element | None = None
        for child in children:
            if child.tag == "h2":
                title = "".join(child.itertext()).strip()
                role = ROLES.get(title, "part")
                section = etree.SubElement(root, "section", {"class": f"bulletin-section bulletin-section--{role}"})
            (section if section is not None else root).append(child)


class SectionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (priority 20), before prettify (10).
        md.treeprocessors.register(SectionTreeprocessor(md), "bulletin_sections", 15)


def makeExtension(**kwargs) -> SectionExtension:
    return SectionExtension(**kwargs)
