"""The 数字报 reader on small bulletins, built by the real `bulletin build`:
its files and regions, its cache, the fallback without it, the footer
settings, clean summaries and the 往期 calendar."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import run_bulletin
from site_builder.content.calendar import edition_calendar
from site_builder.content.editions import Edition
from site_builder.content.types.base import first_paragraph

EDITION = """\
publication: 长阳报
number: 7
date: 2022-08-01
pages:
  - page: 1
    name: 要闻
    articles:
      - stories/2022/biboyuan-weilan
      - minhu/2022/biboyuan-tingche
  - page: 2
    name: 经验
    articles:
      - cases/2022/taixi-minqingzhuo
"""


def turn_on(site, **settings: str) -> None:
    """Add options under `- bulletin` in the site's mkdocs.yml."""
    config = site.root / "mkdocs.yml"
    lines = "".join(f"\n      {key}: {value}" for key, value in settings.items())
    config.write_text(config.read_text("utf-8").replace("  - bulletin\n", f"  - bulletin:{lines}\n"), "utf-8")


def soup_of(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url / "index.html").read_text("utf-8"), "html.parser")


def manifests(root: Path) -> list[Path]:
    return sorted((root / ".cache" / "reader").glob("*/manifest.json"))


def test_reader_files_regions_and_cache(site):
    turn_on(site, edition_reader="true")
    site.write({"editions/2022-08-01.yml": EDITION})
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert "数字报：1 期，排印了 1 期" in result.stdout, result.stdout
    out = site.root / "site"
    edition = soup_of(out, "editions/2022-08-01")
    sheets = edition.select(".bulletin-reader__sheet")
    assert [s["id"] for s in sheets] == ["ban-1", "ban-2"]
    spots = [[a["href"] for a in s.select("svg a")] for s in sheets]
    assert spots == [["../../stories/2022/biboyuan-weilan/", "../../minhu/2022/biboyuan-tingche/"],
                     ["../../cases/2022/taixi-minqingzhuo/"]]
    for rect in edition.select("svg rect"):
        x, y, w, h = (float(rect[k]) for k in ("x", "y", "width", "height"))
        assert 0 <= x and 0 <= y and w > 0.05 and h > 0.02 and x + w <= 1 and y + h <= 1
    for img in edition.select(".bulletin-reader img"):
        assert (out / "editions/2022-08-01" / img["src"]).is_file() and img["width"] and img["height"]
    assert (out / "editions/2022-08-01.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "editions/2022-08-01/ban-2.pdf").is_file()
    assert "edition_reader" not in (out / "editions/2022-08-01/index.html").read_text("utf-8")
    home = soup_of(out, "")
    assert home.select_one(".bulletin-front__edition img")["src"] == "editions/2022-08-01/ban-1-1-800.webp"

    # An unchanged edition is never typeset again: the cache folder stays as it was
    # (in a full build: without the stamp, the build does not stop at "up to date").
    [manifest] = manifests(site.root)
    stamp = manifest.stat().st_mtime_ns
    (site.root / ".cache" / "build" / "stamp.json").unlink(missing_ok=True)
    again = run_bulletin("build", cwd=site.root)
    assert again.returncode == 0, again.stderr
    assert "数字报：1 期，排印了 0 期" in again.stdout, again.stdout
    assert manifests(site.root) == [manifest] and manifest.stat().st_mtime_ns == stamp

    # Typeset again from nothing, the edition's files are byte for byte the same.
    published = {p.relative_to(out): p.read_bytes() for p in sorted((out / "editions").rglob("*")) if p.is_file()}
    shutil.rmtree(site.root / ".cache" / "reader")
    assert run_bulletin("build", cwd=site.root).returncode == 0
    assert {p.relative_to(out): p.read_bytes() for p in sorted((out / "editions").rglob("*")) if p.is_file()} == published

    # Editing an article on the edition typesets it afresh (and drops the old state).
    story = site.content / "stories/2022/biboyuan-weilan.md"
    story.write_text(story.read_text("utf-8").replace("title: ", "title: 新"), "utf-8")
    assert run_bulletin("build", cwd=site.root).returncode == 0
    [fresh] = manifests(site.root)
    assert fresh != manifest
    assert json.loads(fresh.read_text("utf-8"))["sheets"][0]["regions"][0]["article"] == "stories/2022/biboyuan-weilan"


def test_without_the_option_the_edition_is_its_list_of_headlines(site):
    site.write({"editions/2022-08-01.yml": EDITION})
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert "数字报" not in result.stdout, result.stdout
    out = site.root / "site"
    edition = soup_of(out, "editions/2022-08-01")
    assert edition.select_one(".bulletin-reader") is None
    assert len(edition.select(".bulletin-sheet")) == 2
    assert not (site.root / ".cache" / "reader").exists()  # nothing was typeset
    assert not list((out / "editions").glob("*.pdf"))
    assert "reader.js" not in (out / "editions/2022-08-01/index.html").read_text("utf-8")


def test_footer_shows_the_publisher_and_the_records(site):
    turn_on(site, publisher="长阳镇人民政府", contact="编辑部信箱 news@example.org",
            icp="京ICP备12345678号-1", police_record="京公网安备 11011102000001号")
    assert run_bulletin("build", cwd=site.root).returncode == 0
    for url in ("", "stories/2022/biboyuan-weilan"):
        page = soup_of(site.root / "site", url)
        footer = page.select_one(".md-footer")
        text = " ".join(footer.get_text(" ", strip=True).split())
        assert "主办：长阳镇人民政府" in text and "联系我们：编辑部信箱 news@example.org" in text
        assert footer.select_one("a[href='https://beian.miit.gov.cn/']").get_text(strip=True) == "京ICP备12345678号-1"
        assert "京公网安备 11011102000001号" in text
        assert "Made with" not in text and "Material for MkDocs" not in text


def test_footer_without_settings_names_only_the_site(site):
    assert run_bulletin("build", cwd=site.root).returncode == 0
    footer = soup_of(site.root / "site", "").select_one(".md-footer")
    assert "测试社区报" in footer.get_text() and "Made with" not in footer.get_text()
    assert footer.select_one("a[href*='beian']") is None and "主办" not in footer.get_text()


def test_init_writes_the_settings_commented(tmp_path):
    result = run_bulletin("init", "newsroom", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    config = (tmp_path / "newsroom" / "mkdocs.yml").read_text("utf-8")
    for setting in ("edition_reader: true", "publisher:", "contact:", "icp:", "police_record:"):
        line = next(line for line in config.splitlines() if setting in line)
        assert line.lstrip().startswith("# "), line


def test_summaries_made_from_a_body_are_clean_text():
    assert first_paragraph("## 做法\n\n- 党群服务中心合并使用。\n- 全村分为8个责任区。\n\n## 成效\n\n效果好。") \
        == "党群服务中心合并使用。全村分为8个责任区。"
    assert first_paragraph("> 居民说：**好** [办法](../x.md)\n> 真方便。") == "居民说：好 办法真方便。"
    assert first_paragraph("![围栏](a.jpg){width=300}\n\n1. 先踏勘\n2. 再商量") == "先踏勘再商量"
    assert first_paragraph("```\ncode\n```\n\n| a | b |\n\n正文第一段") == "正文第一段"


def edition(day: dt.date, name: str) -> Edition:
    return Edition(id=name, path=Path(f"{name}.yml"), publication="报", number=None, date=day, pages=[])


def test_calendar_by_year_and_month():
    editions = [edition(dt.date(2022, 8, 18), "a"), edition(dt.date(2022, 7, 15), "b"),
                edition(dt.date(2023, 1, 2), "c"), edition(dt.date(2022, 8, 18), "d")]
    years = edition_calendar(editions)
    assert [(year, [m.month for m in months]) for year, months in years] == [(2023, [1]), (2022, [8, 7])]
    august = years[1][1][0]
    assert august.blanks == 0 and len(august.days) == 31  # 1 August 2022 was a Monday
    assert [e.id for e in august.days[17].editions] == ["a", "d"]
    assert years[1][1][1].blanks == 4  # 1 July 2022: a Friday
    assert sum(1 for d in august.days if d.editions) == 1
