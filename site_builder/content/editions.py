"""Paper editions (期): the layout editor's list of 版 and their articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..site import urls
from . import dates, slugs
from .fields import (Context, DateField, Field, IntField, ListField, MappingField,
                     MappingListField, parse_fields)
from .problems import Problems
from .yamlsource import Mapping, Sequence, load_yaml, read_text

@dataclass
class EditionPage:
    """One 版: its number, name, credits and articles in reading order."""

    number: int
    name: str = ""
    editors: list[str] = field(default_factory=list)       # 责任编辑
    designers: list[str] = field(default_factory=list)     # 美编
    proofreaders: list[str] = field(default_factory=list)  # 校对
    articles: list[str] = field(default_factory=list)      # article ids
    article_lines: list[int] = field(default_factory=list)
    line: int = 0


@dataclass
class Edition:
    id: str
    path: Path
    publication: str
    number: int | None
    date: dt.date
    pages: list[EditionPage]

    @property
    def url(self) -> str:
        return urls.edition_path(self.id)

    @property
    def weekday(self) -> str:
        return dates.weekday(self.date)

    @property
    def article_ids(self) -> list[str]:
        return [a for page in self.pages for a in page.articles]


PAGE = MappingField(
    "版面",
    fields={
        "page": IntField("版号", required=True, example="1"),
        "name": Field("版名", example="要闻"),
        "editors": ListField("责任编辑", example="赵智和, 范科峰"),
        "designers": ListField("美编", example="白杨"),
        "proofreaders": ListField("校对", example="池红云"),
        "articles": ListField("文章", example="stories/2022/biboyuan-weilan"),
    },
)

FIELDS = {
    "publication": Field("报纸名称", example="丰台报"),
    "number": IntField("期号", example="1234"),
    "date": DateField("出版日期", required=True),
    "pages": MappingListField("版面", required=True, item=PAGE),
}


def load_all(folder: Path, problems: Problems, default_publication: str) -> list[Edition]:
    if not folder.is_dir():
        return []
    editions = [e for path in sorted(folder.glob("*.y*ml"))
                if (e := load(path, problems, default_publication))]
    return sorted(editions, key=lambda e: (e.date, e.id))


def load(path: Path, problems: Problems, default_publication: str) -> Edition | None:
    ctx = Context(problems, path)
    if not slugs.is_valid(path.stem):
        ctx.error(1, "文件名", f"期的文件名“{path.name}”只能用小写英文字母、数字和连字符。",
                  "改成出版日期或期号，例如 2022-08-18.yml 或 fengtai-1234.yml。")
        return None
    source = read_text(path, problems)
    data = load_yaml(source.text, path, problems) if source else None
    if data is None:
        return None
    if not isinstance(data, Mapping):
        ctx.error(1, None, "期的文件应该由 publication、number、date、pages 等字段组成。",
                  "参照编辑手册里的期文件示例改写。")
        return None
    values, ok = parse_fields(data, FIELDS, ctx)
    if not ok or len(values["pages"]) != len(data["pages"]):  # a bad page was reported
        return None
    pages = []
    raw_pages: Sequence = data["pages"]
    for index, page in enumerate(values["pages"]):
        raw = raw_pages[index]
        raw_articles = raw.get("articles")
        count = len(page.get("articles", []))
        lines = ([raw_articles.line_of(i) for i in range(count)]
                 if isinstance(raw_articles, Sequence) else [raw.line_of("articles")] * count)
        pages.append(EditionPage(
            number=page["page"], name=page.get("name", ""), editors=page.get("editors", []),
            designers=page.get("designers", []), proofreaders=page.get("proofreaders", []),
            articles=[a.removesuffix(".md").strip("/") for a in page.get("articles", [])],
            article_lines=lines, line=raw.line_of("page"),
        ))
    numbers: set[int] = set()
    for page in pages:  # the repeated number is reported where it is repeated
        if page.number in numbers:
            ctx.error(page.line, "page", f"第 {page.number} 版在这一期里出现了不止一次。",
                      "每一版的 page 编号要不同，按 1、2、3……排。")
            return None
        numbers.add(page.number)
    return Edition(id=path.stem, path=path, publication=values.get("publication", default_publication),
                   number=values.get("number"), date=values["date"],
                   pages=sorted(pages, key=lambda p: p.number))
