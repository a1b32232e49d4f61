"""Feeds, open data and charts of the built sample: parsed by real readers
(feedparser, csv, jsonschema, ElementTree) and compared with the content."""

from __future__ import annotations

import codecs
import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jsonschema
import pytest

from helpers import ROOT, TODAY, run_bulletin
from site_builder.content import load_bulletin

SITE_URL = "https://example.org/"
SCHEMA = Path(__file__).parent / "schemas" / "minhu.schema.json"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def sample():
    return load_bulletin(ROOT / "content", today=TODAY)


def parse_feed(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    return feed


def entry_ids(feed) -> list[str]:
    return [e.link.removeprefix(SITE_URL).strip("/") for e in feed.entries]


@pytest.mark.parametrize("name, type_name", [("all", None), ("stories", "story"), ("minhu", "minhu")])
def test_site_feeds(built_sample, sample, name, type_name):
    feed = parse_feed(built_sample / "feeds" / f"{name}.xml")
    expected = [a.id for a in sample.articles if type_name in (None, a.type)][:50]
    assert entry_ids(feed) == expected
    assert feed.feed.language == "zh-CN"
    first = sample.by_id[expected[0]]
    assert feed.entries[0].title == first.title
    assert feed.entries[0].id == SITE_URL + first.url


def test_place_feed_rolls_up(built_sample, sample):
    feed = parse_feed(built_sample / "places" / "changyang" / "feed.xml")
    expected = [a.id for a in sample.articles
                if any("changyang" in {p.id for p in place.lineage} for place in a.places)]
    assert entry_ids(feed) == expected and len(expected) > 5
    assert feed.feed.title.endswith("长阳镇")
    for place in sample.places:
        parse_feed(built_sample / "places" / place.id / "feed.xml")


def test_feeds_without_site_url_use_relative_links(site):
    """No site_url: links relative to the feed, ids still absolute (urn:uuid)."""
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    feed = parse_feed(site.root / "site" / "feeds" / "all.xml")
    assert {e.link for e in feed.entries} == {
        "../stories/2022/biboyuan-weilan/", "../minhu/2022/biboyuan-tingche/", "../cases/2022/taixi-minqingzhuo/"}
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)


def test_minhu_csv_opens_in_excel_and_python(built_sample, sample):
    path = built_sample / "minhu" / "minhu.csv"
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    notes = sample.of_type("minhu")
    assert [r["service_request_id"] for r in rows] == [n.id for n in notes]
    by_id = {r["service_request_id"]: r for r in rows}
    note = sample.by_id["minhu/2022/biboyuan-menkou-tingche"]
    row = by_id[note.id]
    assert row["service_name"] == "停车" and row["status"] == "closed" and row["status_notes"] == "已解决"
    assert row["requested_datetime"] == "2022-05-10T00:00:00+08:00"
    assert row["days_to_resolve"] == str(note.days_to_resolve)
    assert row["url"] == SITE_URL + note.url
    assert {r["status"] for r in rows if r["status_code"] == "in_progress"} == {"open"}


def test_minhu_json_follows_the_schema(built_sample, sample):
    data = json.loads((built_sample / "minhu" / "minhu.json").read_text("utf-8"))
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert [r["service_request_id"] for r in data] == [n.id for n in sample.of_type("minhu")]
    broken = [{**data[0], "status": "pending"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


@pytest.mark.parametrize("chart", ["category", "status", "month"])
def test_charts_are_valid_svg_with_chinese_labels(built_sample, sample, chart):
    root = ET.parse(built_sample / "minhu" / "charts" / f"{chart}.svg").getroot()
    assert root.tag == f"{SVG}svg"
    assert not list(root.iter(f"{SVG}script"))  # a static image: nothing to run, nothing fetched
    hrefs = [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("href")]
    assert not [h for h in hrefs if h.startswith(("http:", "https:", "//"))]
    labels = {t.text for t in root.iter(f"{SVG}text") if t.text}
    notes = sample.of_type("minhu")
    expected = {
        "category": {n.category.name for n in notes} | {"按分类"},
        "status": {"已解决", "已解释", "办理中", "按办理状态"},
        "month": {f"{n.received.year}年{n.received.month}月" for n in notes} | {"按受理月份"},
    }[chart]
    assert expected <= labels


def test_drafts_reach_no_output(built_sample):
    for path in [*built_sample.rglob("*.xml"), *built_sample.rglob("*.json"), *built_sample.rglob("*.csv")]:
        text = path.read_text("utf-8-sig")
        assert "草稿示例" not in text and "linli-huayuan-gongzuofang" not in text, path


def test_preview_build_keeps_drafts_out_of_feeds_and_data(tmp_path):
    """`bulletin serve --drafts` shows drafts on pages, never in feeds or open data."""
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text("utf-8")
                      .replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
                      .replace("site_dir: site", f"site_dir: {tmp_path / 'preview'}"), "utf-8")
    result = run_bulletin("build", "-f", str(config), cwd=tmp_path, env={"BULLETIN_DRAFTS": "1"})
    assert result.returncode == 0, result.stderr
    site = tmp_path / "preview"
    assert "草稿示例" in (site / "stories/2022/linli-huayuan-gongzuofang/index.html").read_text("utf-8")
    for path in [*site.glob("feeds/*.xml"), *site.glob("places/*/feed.xml"), *site.glob("minhu/*.*")]:
        text = path.read_text("utf-8-sig")
        assert "草稿示例" not in text and "linli-huayuan-gongzuofang" not in text, path


@pytest.mark.parametrize("title", ['=HYPERLINK("http://evil","点我")', "+1+2", "-3+4", "@SUM(A1:A2)",
                                   "\t=1+1", "\r=1+1"])
def test_csv_cells_never_start_a_formula(tmp_path, title):
    """OWASP's CSV-injection rule: a cell that a spreadsheet would read as a
    formula starts with an apostrophe; the JSON keeps the text exact."""
    from site_builder.outputs.links import Linker
    from site_builder.outputs.opendata import write_open_data

    bulletin = load_bulletin(ROOT / "content", today=TODAY)
    note = next(a for a in bulletin.of_type("minhu") if a.is_published)
    note.title = title
    note.channel = "=cmd|' /C calc'!A0"
    write_open_data(bulletin, tmp_path, Linker(SITE_URL, "测试"))
    with (tmp_path / "minhu" / "minhu.csv").open(encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["service_request_id"] == note.id)
    assert row["title"] == "'" + title and row["channel"] == "'=cmd|' /C calc'!A0"
    assert all(not value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())
    record = next(r for r in json.loads((tmp_path / "minhu" / "minhu.json").read_text("utf-8"))
                  if r["service_request_id"] == note.id)
    assert record["title"] == title


def test_csv_keeps_ordinary_cells_as_they_are(built_sample):
    with (built_sample / "minhu" / "minhu.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert not any(value.startswith("'") for row in rows for value in row.values())
