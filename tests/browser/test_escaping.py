"""Nothing an editor types is markup: one planted payload per field.

Every text field of every article type, registry, edition and of mkdocs.yml
gets its own payload, and the bulletin is built by real MkDocs with the real
theme. Then:

- a byte sweep: no HTML, XML (feeds, sitemap), SVG, script or stylesheet of
  the site holds any payload as markup; JSON (ours and Pagefind's) parses and
  gives the text back exactly; the CSV gives it back exactly;
- every page that shows a payload is opened in Chromium with a `dialog`
  listener: nothing fires, and no planted element exists in the page.

Content fields carry markup that passes the checker (`<b class=xss>`; the
checker refuses `<script>` and `on…=` there, see test_markup_rule.py);
mkdocs.yml, which the checker does not read, carries live scripts.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from browser.conftest import PHONE
from helpers import MKDOCS_YML, TODAY, serve, write
from imagefactory import marked

MARK = "xss-"


def payload(field: str) -> str:
    """What an editor could type in `field`: markup, both quotes, an ampersand."""
    return f"{field}<b class=xss id={MARK}{field}>粗</b>\"引号'&amp;<"


SITE_PAYLOADS = {  # mkdocs.yml texts: live scripts, since nothing checks them before the theme
    "site_name": "社区报<script>alert('site_name')</script>",
    "site_description": "街道新闻\"><script>alert('site_description')</script><img src=x onerror=alert(1)>",
    "publication": "某某报</title><script>alert('publication')</script>",
}

STORY_FIELDS = ["title", "kicker", "subtitle", "summary", "source"]
STORY_LISTS = ["tags", "authors", "reporters", "interns", "correspondents", "photographers"]


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _list(field: str) -> str:
    return f"[{_yaml(payload(field))}, 安全]"


def _files() -> dict[str, str | bytes]:
    story = "\n".join([
        "---",
        *(f"{f}: {_yaml(payload(f))}" for f in STORY_FIELDS),
        *(f"{f}: {_list(f)}" for f in STORY_LISTS),
        "date: 2022-07-15",
        "community: biboyuan",
        "cover:",
        "  src: /images/cover.jpg",
        f"  caption: {_yaml(payload('cover.caption'))}",
        f"  credit: {_yaml(payload('cover.credit'))}",
        "---", "", "正文第一段。", "",
    ])
    case = "\n".join([
        "---",
        f"title: {_yaml(payload('case.title'))}",
        "date: 2022-08-01",
        "community: taixi",
        f"practice: {_yaml(payload('practice'))}",
        f"period: {_yaml(payload('period'))}",
        "metrics:",
        f"  - {{label: {_yaml(payload('metrics.label'))}, value: 130, unit: {_yaml(payload('metrics.unit'))}}}",
        "---", "", "做法介绍。", "",
    ])
    note = "\n".join([
        "---",
        f"title: {_yaml(payload('minhu.title'))}",
        "community: biboyuan",
        "category: parking",
        "received: 2022-06-01",
        "status: resolved",
        "resolved: 2022-06-20",
        f"channel: {_yaml(payload('channel'))}",
        f"handled_by: {_list('handled_by')}",
        f"location: {_yaml(payload('location'))}",
        "---", "", "## 问题", "", "门口常有车辆停放。", "", "## 解决", "", "设置了围栏。", "",
    ])
    communities = "\n".join([
        "- id: fangshan", f"  name: {_yaml(payload('district.name'))}", "  level: district",
        f"  city: {_yaml(payload('city'))}",
        "- id: changyang", f"  name: {_yaml(payload('street.name'))}", "  level: street", "  parent: fangshan",
        "- id: biboyuan", f"  name: {_yaml(payload('community.name'))}", "  level: community",
        "  parent: changyang", f"  aliases: [{_yaml(payload('aliases'))}]",
        "- id: taixi", "  name: 太西社区", "  level: community", "  parent: changyang", "",
    ])
    categories = f"- {{id: parking, name: {_yaml(payload('category.name'))}}}\n"
    edition = "\n".join([
        f"publication: {_yaml(payload('edition.publication'))}",
        "number: 7", "date: 2022-08-18", "pages:", "  - page: 1",
        f"    name: {_yaml(payload('page.name'))}",
        f"    editors: {_list('editors')}", f"    designers: {_list('designers')}",
        f"    proofreaders: {_list('proofreaders')}",
        "    articles: [stories/2022/weilan, cases/2022/minqingzhuo, minhu/2022/tingche]", "",
    ])
    image = io.BytesIO()
    marked((900, 600)).save(image, "JPEG")
    return {
        "content/stories/2022/weilan.md": story,
        "content/cases/2022/minqingzhuo.md": case,
        "content/minhu/2022/tingche.md": note,
        "content/communities.yml": communities,
        "content/categories.yml": categories,
        "content/editions/2022-08-18.yml": edition,
        "content/images/cover.jpg": image.getvalue(),
    }


PAYLOADS = [payload(f) for f in [*STORY_FIELDS, *STORY_LISTS, "cover.caption", "cover.credit", "case.title",
                                  "practice", "period", "metrics.label", "metrics.unit", "minhu.title",
                                  "channel", "handled_by", "location", "district.name", "city", "street.name",
                                  "community.name", "aliases", "category.name", "edition.publication",
                                  "page.name", "editors", "designers", "proofreaders"]]
SHOWN_AS_MARKUP = re.compile(r"<b class=xss|<script>alert|<img src=x onerror|</title><script")


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("planted")
    config = MKDOCS_YML.replace("site_name: 测试社区报", f"site_name: {_yaml(SITE_PAYLOADS['site_name'])}\n"
                                f"site_description: {_yaml(SITE_PAYLOADS['site_description'])}\n"
                                "site_url: https://example.org/bulletin/")
    config = config.replace("  - bulletin\n", f"  - bulletin:\n      publication: {_yaml(SITE_PAYLOADS['publication'])}\n")
    write(root, {"mkdocs.yml": config, **_files()})
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / "site")],
                            cwd=root, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    return root / "site"


def _text_files(site: Path):
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".xml", ".svg", ".js", ".css", ".txt"):
            yield path, path.read_text("utf-8")


def test_every_field_reaches_the_site(planted):
    everything = "".join(text for _, text in _text_files(planted))
    everything = everything.replace("&#34;", "&quot;").replace("&#39;", "'")
    for text in PAYLOADS:
        field = text.split("<", 1)[0]
        assert f"{field}&lt;b class=xss id={MARK}{field}&gt;" in everything, f"{field} is shown nowhere"


def test_no_payload_is_markup_in_any_page_feed_or_sitemap(planted):
    found = [f"{path.relative_to(planted)}: {m.group(0)}" for path, text in _text_files(planted)
             for m in SHOWN_AS_MARKUP.finditer(text)]
    assert not found, found


def test_json_gives_the_text_back_exactly(planted):
    ours = json.loads((planted / "minhu" / "minhu.json").read_text("utf-8"))
    assert ours[0]["title"] == payload("minhu.title")
    assert ours[0]["address"] == payload("location")
    assert ours[0]["service_name"] == payload("category.name")
    index = json.loads((planted / "minhu" / "filter-index.json").read_text("utf-8"))
    assert index[0]["title"] == payload("minhu.title")
    metas = []
    for fragment in (planted / "pagefind" / "fragment").glob("*.pf_fragment"):
        metas.append(json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])["meta"])
    assert {m["title"] for m in metas} >= {payload("title"), payload("case.title"), payload("minhu.title")}


def test_csv_gives_the_text_back(planted):
    with (planted / "minhu" / "minhu.csv").open(encoding="utf-8-sig", newline="") as rows:
        row = next(csv.DictReader(rows))
    assert row["title"] == payload("minhu.title") and row["channel"] == payload("channel")


def test_titles_show_as_typed(planted):
    page = (planted / "stories" / "2022" / "weilan" / "index.html").read_text("utf-8")
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(page, "html.parser")
    assert soup.h1.get_text() == payload("title")
    assert soup.title.get_text().startswith(payload("title"))
    assert SITE_PAYLOADS["site_name"] in soup.title.get_text()
    assert soup.find("meta", attrs={"name": "description"})["content"] == payload("summary")
    assert soup.find("meta", property="og:title")["content"] == payload("title")


def _pages_showing_payloads(site: Path) -> list[str]:
    return [path.relative_to(site).as_posix() for path, text in _text_files(site)
            if path.suffix == ".html" and ("&lt;b class=xss" in text or "alert(" in text)]


def test_chromium_runs_nothing_planted(planted, page):
    urls = _pages_showing_payloads(planted)
    assert len(urls) >= 10, urls
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_viewport_size(PHONE)
    with serve(planted) as base:
        for url in urls:
            page.goto(base + url)
            page.wait_for_load_state("load")
            assert page.evaluate("document.querySelectorAll('.xss, [id^=xss-]').length") == 0, url
            if url != "404.html":  # 404.html links its files under site_url's path
                assert page.evaluate("typeof __md_get") == "function", url  # our own scripts do run
        page.wait_for_timeout(300)
    assert dialogs == []
