"""民呼即应 categories: a controlled list from categories.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from . import slugs
from .fields import Context, Field, parse_fields
from .problems import Problems
from .suggest import did_you_mean
from .yamlsource import Mapping, Sequence, load_yaml, read_text

FIELDS = {
    "id": Field("编号", required=True, example="parking"),
    "name": Field("名称", required=True, example="停车"),
}


@dataclass(frozen=True)
class Category:
    id: str
    name: str


class Categories:
    """The list; a note names its category by id or name."""

    def __init__(self, items: list[Category]) -> None:
        self.all = items
        self._lookup = {c.id: c for c in items} | {c.name: c for c in items}

    def __iter__(self) -> Iterator[Category]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def resolve(self, ref: str, ctx: Context, name: str, line: int) -> Any:
        if ref in self._lookup:
            return self._lookup[ref]
        known = "、".join(c.name for c in self.all) or "（分类表是空的）"
        return ctx.error(line, name, f"分类表 categories.yml 里没有“{ref}”。",
                         (did_you_mean(ref, self._lookup) + f"可用的分类：{known}。如需新分类，请先加进 content/categories.yml。"))


def load(path: Path, problems: Problems) -> Categories:
    if not path.exists():
        problems.error(path, None, None, "找不到分类表 categories.yml。",
                       "在 content/ 下建立 categories.yml，列出民呼即应的分类，例如 `- {id: parking, name: 停车}`。")
        return Categories([])
    source = read_text(path, problems)
    data = load_yaml(source.text, path, problems) if source else None
    if data is None:
        return Categories([])
    if not isinstance(data, Sequence):
        problems.error(path, 1, None, "分类表应该是一个列表，每项写成 `- {id: parking, name: 停车}`。",
                       "参照编辑手册里的示例改写。")
        return Categories([])
    ctx = Context(problems, path)
    items: list[Category] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        line = data.line_of(index)
        if not isinstance(entry, Mapping):
            ctx.error(line, None, "分类表的这一项不是 `{id: …, name: …}` 的形式。",
                      "写成 `- {id: parking, name: 停车}`。")
            continue
        values, ok = parse_fields(entry, FIELDS, ctx)
        if not ok:
            continue
        if not slugs.is_valid(values["id"]):
            ctx.error(entry.line_of("id"), "id", f"分类编号“{values['id']}”只能用小写英文字母、数字和连字符。",
                      f"改成 `id: {slugs.from_title(values['name'])}`。")
            continue
        duplicate = next((key for key in ("id", "name") if values[key] in seen), None)
        if duplicate:
            text = values[duplicate]
            ctx.error(entry.line_of(duplicate), duplicate, f"“{text}”和第 {seen[text]} 行的分类重复了。",
                      "每个分类的编号和名称都要不同，删掉或改掉其中一个。")
            continue
        seen[values["id"]], seen[values["name"]] = entry.line_of("id"), entry.line_of("name")
        items.append(Category(values["id"], values["name"]))
    return Categories(items)
