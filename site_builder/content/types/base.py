"""What every article has, and how an article type is declared."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, ClassVar

from ..fields import (BoolField, Context, DateField, Field, ListField, MappingField,
                      PlacesField)
from ...site import urls
from ..images import Image
from ..places import Place

PUBLISHED, DRAFT, EMBARGOED = "published", "draft", "embargoed"

# Byline roles in the order of a Chinese newspaper's 署名: 记者, 实习记者, 通讯员, 摄影.
BYLINE_ROLES = {
    "authors": "",
    "reporters": "记者",
    "interns": "实习记者",
    "correspondents": "通讯员",
    "photographers": "摄影",
}


@dataclass(frozen=True)
class Cover:
    src: str
    caption: str
    credit: str = ""


COVER = MappingField(
    "封面图",
    fields={
        "src": Field("图片路径", required=True, example="/images/fence.jpg"),
        "caption": Field("图片说明", required=True, example="碧波园小区门口新设的围栏"),
        "credit": Field("摄影者", example="李娜 摄"),
    },
    build=Cover,
)

COMMON_FIELDS: dict[str, Field] = {
    "title": Field("标题", required=True, example="巧设围栏便民出行"),
    "date": DateField("发布日期", required=True),
    "community": PlacesField("所属地方", required=True, attr="places"),
    "tags": ListField("标签", example="垃圾分类, 党建引领"),
    "summary": Field("导语"),
    "authors": ListField("署名", example="王晨"),
    "reporters": ListField("记者", example="胡可"),
    "interns": ListField("实习记者", example="张三"),
    "correspondents": ListField("通讯员", example="汪鲁兵, 胡戴萍"),
    "photographers": ListField("摄影", example="李娜"),
    "source": Field("来源", example="丰台报"),
    "cover": COVER,
    "draft": BoolField("草稿"),
    "allow": ListField("允许公开的号码", example="010-12345678"),
}


@dataclass(kw_only=True, eq=False)
class Article:
    """A published piece: its id is its path under content/ without .md."""

    TYPE: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""

    id: str
    path: Path
    title: str
    date: dt.date
    places: list[Place]
    tags: list[str] = field(default_factory=list)
    summary: str | None = None
    authors: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    interns: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    source: str | None = None
    cover: Image | None = None
    draft: bool = False
    allow: list[str] = field(default_factory=list)
    body: str = ""
    body_line: int = 1
    images: list[Image] = field(default_factory=list)
    state: str = PUBLISHED

    @property
    def type(self) -> str:
        return self.TYPE

    @property
    def type_label(self) -> str:
        return self.LABEL

    @property
    def slug(self) -> str:
        return self.id.rsplit("/", 1)[-1]

    @property
    def url(self) -> str:
        return urls.article(self.id)

    @property
    def source_uri(self) -> str:
        """The Markdown file's path under content/."""
        return f"{self.id}.md"

    @property
    def byline(self) -> list[tuple[str, list[str]]]:
        """(role, names) pairs, e.g. [("记者", ["王晨"]), ("通讯员", ["汪鲁兵"])]."""
        return [(role, getattr(self, name)) for name, role in BYLINE_ROLES.items() if getattr(self, name)]

    @property
    def place_trails(self) -> list[list[Place]]:
        """A breadcrumb per place, leaving out places another one lies inside."""
        inner = {a.id for p in self.places for a in p.ancestors}
        return [p.lineage for p in self.places if p.id not in inner]

    @cached_property
    def lead(self) -> str:
        """The 导语: the summary, else the first paragraph of plain text."""
        return self.summary or first_paragraph(self.body)

    @cached_property
    def digest(self) -> str | None:
        """A hash of everything the article's file gave it (every field but
        `state`), for the fingerprints of the pages that show it; None when a
        value is of a kind fingerprints do not know. Kept with the article in
        the cache of checked articles (articlecache.py), like `lead`."""
        from ..fingerprint import Fingerprints
        return Fingerprints().fields(self)

    @property
    def is_published(self) -> bool:
        return self.state == PUBLISHED


@dataclass(frozen=True)
class ArticleType:
    """A content type declared as data: its folder, model, fields and rules."""

    name: str
    folder: str
    label: str
    model: type[Article]
    fields: dict[str, Field]
    # Cross-field rules; may fill derived values. Signature: (values, doc, ctx).
    rules: Callable[[dict, object, Context], None] = lambda values, doc, ctx: None


_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?|\{[^}]*\}|<[^>]+>|[*_`]")
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\([^)]*\)")
# What starts a line of Markdown structure: a quote, a list item (- * + or 1. 1)).
_LINE_MARK = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
# Blocks that are not running text: headings, code, tables, rules, attribute lists.
_NOT_TEXT = re.compile(r"^\s*(?:#|```|~~~|\||-{3,}\s*$|\*{3,}\s*$|\{:)")


def first_paragraph(body: str) -> str:
    """The first paragraph of running text, as clean text: no heading, list,
    quote, emphasis, link or picture markup. A list that comes first counts
    as a paragraph of its items."""
    for block in re.split(r"\n\s*\n", body):
        if _NOT_TEXT.match(block):
            continue
        lines = (_LINE_MARK.sub("", line, count=1) for line in block.splitlines())
        text = "".join(_MARKUP.sub("", _LINK.sub(r"\1", line)).strip() for line in lines)
        if text:
            return text
    return ""
