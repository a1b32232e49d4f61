"""The data behind the 民呼即应 archive's combined filters (JavaScript).

A compact list of every published note with the keys the filters use; the
page's script fetches it once and shows the matching notes. Places carry their
ancestors so that choosing a 街道 finds the notes of its communities too.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..site import urls
from ..content import Bulletin
from ..content.stats import month_key
from ..content.types.minhu import MinhuNote

PATH = urls.MINHU_FILTER_INDEX


def write_filter_index(bulletin: Bulletin, site_dir: Path) -> Path:
    notes = [a for a in bulletin.articles if isinstance(a, MinhuNote) and a.is_published]
    data = [{
        "url": n.url,
        "title": n.title,
        "date": n.date.isoformat(),
        "category": n.category.id,
        "status": n.status,
        "status_label": n.status_label,
        "month": month_key(n.received),
        "places": sorted({p.id for place in n.places for p in place.lineage}),
        "place_names": "、".join(p.name for p in n.places),
    } for n in notes]
    path = site_dir / PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
