"""`bulletin new`: start an article with a complete front-matter template."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path
from string import Template

from ..content import slugs
from ..content.fields import INVALID, Context
from ..content.problems import Problems
from ..content.types import TYPES
from .site import UserError, open_site

KINDS = {t.name: t for t in TYPES.values()}


def run(config_file: str | None, kind: str, title: str, community: str,
        date: dt.date | None) -> Path:
    site = open_site(config_file)
    bulletin = site.load(images=False)  # a new article needs the registries only
    place = _resolve_place(bulletin, community)
    date = date or bulletin.today
    folder = site.content_dir / KINDS[kind].folder / str(date.year)
    taken = {p.stem for p in folder.glob("*.md")}
    slug = slugs.unique(slugs.from_title(title), taken)
    path = folder / f"{slug}.md"
    template = Template(files("site_builder.scaffold").joinpath("new", f"{kind}.md").read_text("utf-8"))
    category = next(iter(bulletin.categories), None)
    text = template.substitute(title=_quote(title), date=date.isoformat(), community=_quote(place),
                               category=_quote(category.name if category else "请填写分类"))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _resolve_place(bulletin, community: str) -> str:
    problems = Problems()
    ctx = Context(problems, Path("--community"), places=bulletin.places)
    place = bulletin.places.resolve(community.strip(), ctx, "community", 0)
    if place is INVALID:
        problem = problems.errors[0]
        raise UserError(f"{problem.message}{problem.hint}")
    return place.name if _unique_name(bulletin.places, place) else place.id


def _unique_name(places, place) -> bool:
    return sum(1 for p in places if place.name in (p.name, *p.aliases)) == 1


def _quote(text: str) -> str:
    """A YAML double-quoted scalar: safe whatever the title holds (: # ' …)."""
    return json.dumps(text, ensure_ascii=False)
