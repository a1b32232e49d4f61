"""Places: 区/县 → 街道/镇/乡 → 社区/村 → 小区, from communities.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from . import slugs
from .fields import ChoiceField, Context, Field, ListField, parse_fields
from .problems import Problems
from .suggest import closest
from .yamlsource import Mapping, Sequence, load_yaml, read_text

LEVELS = {"district": "区/县", "street": "街道/镇/乡", "community": "社区/村", "compound": "小区"}
RANK = {level: rank for rank, level in enumerate(LEVELS)}

_LEVEL_SPELLINGS = {code: code for code in LEVELS} | {
    "区": "district", "县": "district", "区县": "district",
    "街道": "street", "镇": "street", "乡": "street",
    "社区": "community", "村": "community",
    "小区": "compound",
}

FIELDS = {
    "id": Field("编号", required=True, example="biboyuan"),
    "name": Field("名称", required=True, example="碧波园社区"),
    "level": ChoiceField("级别", required=True, example="community",
                         choices=_LEVEL_SPELLINGS, labels=LEVELS),
    "parent": Field("上级地名", example="changyang"),
    "aliases": ListField("别名", example="碧波园, 碧波园小区"),
    "city": Field("城市", example="北京市"),
}


@dataclass(eq=False)
class Place:
    """One place of the registry, linked to its parent and children."""

    id: str
    name: str
    level: str
    parent_id: str | None = None
    aliases: list[str] = field(default_factory=list)
    city: str | None = None
    line: int = 0
    field_lines: dict[str, int] = field(default_factory=dict, repr=False)
    parent: "Place | None" = None
    children: list["Place"] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """The line of one of the entry's fields in communities.yml (else of the entry)."""
        return self.field_lines.get(key, self.line)

    @property
    def level_label(self) -> str:
        return LEVELS[self.level]

    @property
    def ancestors(self) -> list["Place"]:
        """From the top-level place down to the parent."""
        chain = []
        place = self.parent
        while place is not None:
            chain.append(place)
            place = place.parent
        return chain[::-1]

    @property
    def lineage(self) -> list["Place"]:
        """The breadcrumb: ancestors and the place itself."""
        return [*self.ancestors, self]

    def descendants(self) -> Iterator["Place"]:
        for child in self.children:
            yield child
            yield from child.descendants()

    def __repr__(self) -> str:
        return f"Place({self.id!r})"


class Places:
    """The registry; resolves the names editors use to places."""

    def __init__(self, places: list[Place], path: Path | None = None) -> None:
        self.path = path
        self.all = places
        self.by_id = {p.id: p for p in places}
        self._by_name: dict[str, list[Place]] = {}
        for place in places:
            for name in {place.id, place.name, *place.aliases}:
                self._by_name.setdefault(name, []).append(place)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    @property
    def roots(self) -> list[Place]:
        return [p for p in self.all if p.parent is None]

    def resolve(self, ref: str, ctx: Context, name: str, line: int) -> Any:
        """The place an article names, or INVALID after a helpful report."""
        found = self._by_name.get(ref, [])
        if len(found) == 1:
            return found[0]
        if found:
            ids = "、".join(f"{p.id}（{p.name}，属于{_parent_name(p)}）" for p in found)
            return ctx.error(line, name, f"地名“{ref}”对应好几个地方：{ids}。",
                             "改用编号（id）写明是哪一个，例如 " + f"`{name}: {found[0].id}`。")
        suggestions = closest(ref, self._by_name)
        hint = ("是不是想写：" + "、".join(suggestions) + "？") if suggestions else ""
        return ctx.error(line, name, f"地名表 communities.yml 里没有“{ref}”。",
                         (hint + "如果是新地方，请先把它加进 content/communities.yml。").strip())


def _parent_name(place: Place) -> str:
    return place.parent.name if place.parent else "顶级"


def load(path: Path, problems: Problems) -> Places:
    """Read communities.yml; every mistake is reported, good entries are kept."""
    if not path.exists():
        problems.error(path, None, None, "找不到地名表 communities.yml。",
                       "在 content/ 下建立 communities.yml，列出区、街道、社区和小区。")
        return Places([], path)
    source = read_text(path, problems)
    data = load_yaml(source.text, path, problems) if source else None
    if data is None:
        return Places([], path)
    if not isinstance(data, Sequence):
        problems.error(path, 1, None, "地名表应该是一个列表，每个地方以“- id: …”开头。",
                       "参照编辑手册里的 communities.yml 示例改写。")
        return Places([], path)
    ctx = Context(problems, path)
    places = [p for i, entry in enumerate(data) if (p := _parse_entry(entry, data.line_of(i), ctx))]
    _check_unique(places, ctx)
    _link(places, ctx)
    return Places([p for p in places if p.id], path)


def _parse_entry(entry: Any, line: int, ctx: Context) -> Place | None:
    if not isinstance(entry, Mapping):
        ctx.error(line, None, "地名表的这一项不是“字段: 值”的形式。",
                  "每个地方写成：\n      - id: biboyuan\n        name: 碧波园社区\n        level: community\n        parent: changyang")
        return None
    values, ok = parse_fields(entry, FIELDS, ctx)
    if not ok:
        return None
    if not slugs.is_valid(values["id"]):
        ctx.error(entry.line_of("id"), "id", f"编号“{values['id']}”只能用小写英文字母、数字和连字符。",
                  f"改成 `id: {slugs.from_title(values['name'])}`（用名称的拼音）。")
        return None
    return Place(
        id=values["id"], name=values["name"], level=values["level"],
        parent_id=values.get("parent"), aliases=values.get("aliases", []),
        city=values.get("city"), line=entry.line, field_lines=dict(entry.key_lines),
    )


def _check_unique(places: list[Place], ctx: Context) -> None:
    seen: dict[str, tuple[Place, int]] = {}
    for place in places:
        for key in [place.id, *place.aliases]:
            name = "id" if key == place.id else "aliases"
            other, other_line = seen.get(key, (None, 0))
            if other is not None and other is not place:
                ctx.error(place.line_of(name), name,
                          f"“{key}”已被第 {other_line} 行的 {other.name}（{other.id}）用作编号或别名。",
                          "编号和别名在整个地名表里不能重复，请换一个。")
            seen.setdefault(key, (place, place.line_of(name)))


def _link(places: list[Place], ctx: Context) -> None:
    by_id = {p.id: p for p in places}
    for place in places:
        if place.parent_id is None:
            if place.level != "district":
                ctx.error(place.line, "parent", f"{place.name}是{place.level_label}，必须写明上级 parent。",
                          "加一行 `parent: 上级地方的编号`；只有区/县可以没有上级。")
            continue
        parent = by_id.get(place.parent_id)
        if parent is None:
            hint = closest(place.parent_id, by_id)
            ctx.error(place.line_of("parent"), "parent", f"上级编号“{place.parent_id}”在地名表里找不到。",
                      ("是不是想写：" + "、".join(hint) + "？") if hint else "parent 要写上级地方的编号（id）。")
        elif RANK[parent.level] >= RANK[place.level]:
            ctx.error(place.line_of("parent"), "parent",
                      f"{place.name}（{place.level_label}）的上级 {parent.name} 是{parent.level_label}，级别不比它高。",
                      "上级必须是更高一级的地方，例如社区的上级是街道或镇。")
        else:
            place.parent = parent
            parent.children.append(place)
