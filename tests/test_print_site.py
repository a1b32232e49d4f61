"""The print export on small bulletins: what it leaves out, and what it reports."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import STORY, run_bulletin

EDITION = """\
publication: 长阳报
number: 7
date: 2022-08-01
pages:
  - page: 1
    name: 要闻
    editors: [赵智和]
    articles:
      - stories/2022/biboyuan-weilan
      - cases/2022/taixi-minqingzhuo
      - minhu/2022/biboyuan-tingche
"""

DRAFT = """\
---
title: 草稿里的标题
date: 2022-07-20
community: 碧波园社区
draft: true
---

草稿示例：这句话不能出现在印刷版里。
"""

PARAGRAPH = "碧波园社区党支部把门口停车的事拿到党建协调委员会上商量，大家先到现场踏勘，再反复讨论，最后装起围栏。"


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def with_site_url(site) -> None:
    config = site.root / "mkdocs.yml"
    config.write_text("site_url: https://example.org/bulletin/\n" + config.read_text("utf-8"), "utf-8")


def test_case_metrics_panel_and_qr_codes(site, tmp_path):
    with_site_url(site)
    site.write({"editions/2022-08-01.yml": EDITION})
    pdf = tmp_path / "out.pdf"
    result = run_bulletin("print", "2022-08-01", "-o", str(pdf), cwd=site.root)
    assert result.returncode == 0, result.stderr
    text = text_of(pdf)
    assert "长阳报" in text and "第7期" in text and "2022年8月1日星期一" in text
    assert "130余条" in text and "收集意见" in text  # the case's figures panel
    assert "案例·流动民情桌" in text
    assert "民呼即应" in text and "小区门口不再乱停车" in text
    assert text.count("扫码看全文") == 2 and "扫码看更多" in text
    assert "责任编辑：赵智和" in text


def test_without_site_url_no_qr_codes_and_a_warning(site, tmp_path):
    site.write({"editions/2022-08-01.yml": EDITION})
    pdf = tmp_path / "out.pdf"
    result = run_bulletin("print", "-o", str(pdf), cwd=site.root)  # the newest edition
    assert result.returncode == 0, result.stderr
    assert "没有设置 site_url" in result.stderr
    assert "扫码" not in text_of(pdf)


def test_a_draft_listed_in_an_edition_never_reaches_the_pdf(site, tmp_path):
    site.write({"stories/2022/draft-story.md": DRAFT,
                "editions/2022-08-01.yml": EDITION.replace("      - cases/2022/taixi-minqingzhuo\n",
                                                           "      - stories/2022/draft-story\n")})
    pdf = tmp_path / "out.pdf"
    result = run_bulletin("print", "2022-08-01", "-o", str(pdf), cwd=site.root)
    assert result.returncode == 0, result.stderr
    text = text_of(pdf)
    assert "巧设围栏便民出行" in text
    assert "草稿示例" not in text and "草稿里的标题" not in text


def test_an_overfull_page_is_reported_with_how_much(site, tmp_path):
    long_story = STORY.replace("小区门口装上了围栏。", "\n\n".join([PARAGRAPH * 3] * 60))
    site.write({"stories/2022/biboyuan-weilan.md": long_story, "editions/2022-08-01.yml": EDITION})
    pdf = tmp_path / "out.pdf"
    result = run_bulletin("print", "2022-08-01", "--size", "A4", "-o", str(pdf), "--strict", cwd=site.root)
    assert result.returncode == 1
    found = re.search(r"第1版内容超出版面：多出约 (\d+) 毫米（约占版心高度的 (\d+)%）", result.stderr)
    assert found, result.stderr
    assert int(found[1]) > 100 and int(found[2]) > 40
    assert pdf.is_file()  # still written, as a proof


def test_missing_glyphs_are_reported(site, tmp_path):
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace("小区门口", "小区门口\U0001FB00"),
                "editions/2022-08-01.yml": EDITION})
    result = run_bulletin("print", "2022-08-01", "-o", str(tmp_path / "out.pdf"), "--strict", cwd=site.root)
    assert result.returncode == 1
    assert "有字在字体里找不到" in result.stderr and "\U0001FB00" in result.stderr


def test_unknown_edition_gets_a_chinese_message(site):
    site.write({"editions/2022-08-01.yml": EDITION})
    result = run_bulletin("print", "2099-01-01", cwd=site.root)
    assert result.returncode == 1
    assert "没有名为“2099-01-01”的一期" in result.stderr and "2022-08-01" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_with_pdf_publishes_and_links_each_edition(site):
    with_site_url(site)
    site.write({"editions/2022-08-01.yml": EDITION})
    result = run_bulletin("build", "--with-pdf", cwd=site.root)
    assert result.returncode == 0, result.stderr
    pdf = site.root / "site" / "editions" / "2022-08-01.pdf"
    assert "小区门口不再乱停车" in text_of(pdf)
    page = BeautifulSoup((site.root / "site" / "editions" / "2022-08-01" / "index.html").read_text("utf-8"),
                         "html.parser")
    link = page.select_one(".bulletin-edition__pdf a")
    assert link and link["href"].endswith("2022-08-01.pdf")
    assert (pdf.parent / "2022-08-01" / link["href"]).resolve() == pdf.resolve()


def test_build_without_pdf_links_none(site):
    site.write({"editions/2022-08-01.yml": EDITION})
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert not (site.root / "site" / "editions" / "2022-08-01.pdf").exists()
    page = (site.root / "site" / "editions" / "2022-08-01" / "index.html").read_text("utf-8")
    assert "bulletin-edition__pdf" not in page


def test_printing_leaves_pillow_strict_about_broken_photos():
    """WeasyPrint relaxes Pillow for the whole process on import; a truncated
    JPEG must stay an error for `bulletin check` and builds that also print."""
    from PIL import ImageFile

    import site_builder.print.render  # noqa: F401  (imports WeasyPrint)

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
