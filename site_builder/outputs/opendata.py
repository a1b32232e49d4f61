"""民呼即应 as open data: minhu.csv (Excel opens it) and minhu.json.

Fields follow the Open311 GeoReport v2 service request where they fit
(service_request_id, status, service_code, service_name, description,
agency_responsible, requested_datetime, updated_datetime, address,
status_notes); the bulletin's own fields stand beside them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterable

from ..site import urls
from ..content import Bulletin
from ..content.types.minhu import MinhuNote
from .feeds import at_midnight
from .links import Linker

CSV_PATH, JSON_PATH = urls.MINHU_CSV, urls.MINHU_JSON

# Open311 knows two statuses; the bulletin's three map onto them.
OPEN311_STATUS = {"resolved": "closed", "explained": "closed", "in_progress": "open"}

OPEN311_FIELDS = ["service_request_id", "status", "status_notes", "service_code", "service_name",
                  "description", "agency_responsible", "requested_datetime", "updated_datetime", "address"]
OWN_FIELDS = ["title", "url", "date", "received", "resolved", "days_to_resolve", "status_code",
              "status_label", "channel", "satisfaction", "satisfaction_label", "place_ids",
              "place_names", "tags"]
FIELDS = OPEN311_FIELDS + OWN_FIELDS


def write_open_data(bulletin: Bulletin, site_dir: Path, linker: Linker) -> list[Path]:
    notes = [a for a in bulletin.articles if isinstance(a, MinhuNote) and a.is_published]
    csv_path, json_path = site_dir / CSV_PATH, site_dir / JSON_PATH
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    records = [record(n, linker, CSV_PATH) for n in notes]  # the two files are side by side: same links
    write_csv(csv_path, records)
    write_json(json_path, records)
    return [csv_path, json_path]


def record(note: MinhuNote, linker: Linker, from_file: str) -> dict[str, Any]:
    """One note as an Open311 service request plus the bulletin's fields."""
    last_change = max(note.date, note.resolved) if note.resolved else note.date
    return {
        "service_request_id": note.id,
        "status": OPEN311_STATUS[note.status],
        "status_notes": note.status_label,
        "service_code": note.category.id,
        "service_name": note.category.name,
        "description": note.lead,
        "agency_responsible": "、".join(note.handled_by),
        "requested_datetime": _iso(note.received),
        "updated_datetime": _iso(last_change),
        "address": note.location or "、".join(p.name for p in note.places),
        "title": note.title,
        "url": linker.href(note.url, from_file),
        "date": note.date.isoformat(),
        "received": note.received.isoformat(),
        "resolved": note.resolved.isoformat() if note.resolved else None,
        "days_to_resolve": note.days_to_resolve,
        "status_code": note.status,
        "status_label": note.status_label,
        "channel": note.channel,
        "satisfaction": note.satisfaction,
        "satisfaction_label": note.satisfaction_label,
        "place_ids": [p.id for p in note.places],
        "place_names": [p.name for p in note.places],
        "tags": list(note.tags),
    }


def write_csv(path: Path, records: Iterable[dict[str, Any]]) -> None:
    # utf-8-sig writes the BOM by which Excel recognises UTF-8.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(FIELDS)
        writer.writerows([_cell(row[k]) for k in FIELDS] for row in records)


def write_json(path: Path, records: list[dict[str, Any]]) -> None:
    # A bare list of requests, as Open311's requests.json; one request a line.
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    path.write_text(f"[\n{lines}\n]\n" if records else "[]\n", encoding="utf-8")


# A spreadsheet reads a cell that starts with one of these as a formula
# (OWASP, CSV injection): `=HYPERLINK(…)` typed as a title would become a live
# link in the file residents open in Excel. Such a cell gets a leading
# apostrophe, which Excel shows as text and does not display. JSON keeps the text exact.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        value = "、".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _iso(day: dt.date) -> str:
    return at_midnight(day).isoformat()
