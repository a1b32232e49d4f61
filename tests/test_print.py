"""The paper edition of the sample bulletin, checked with poppler's tools.

`bulletin print` is run as an editor runs it; pdffonts, pdftotext, pdfimages
and pdftoppm read the PDF back. Page images are kept in test-artifacts/print/.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers import ARTIFACTS, ROOT, TODAY, run_bulletin

from site_builder.content import load_bulletin
from site_builder.content.editions import Edition

EDITION = "changyang-2022-07-15"   # fits its two 版 at A3
CROWDED = "fengtai-2022-08-18"     # a broadsheet 要闻 page: too much for A3
PAGE_IMAGES = ARTIFACTS / "print"


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=120).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def keep_page_images(pdf: Path, name: str) -> list[Path]:
    """pdftoppm at 100 dpi: the images a person looks at to judge the layout."""
    PAGE_IMAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGE_IMAGES.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(PAGE_IMAGES / name)], check=True, timeout=300)
    return sorted(PAGE_IMAGES.glob(f"{name}-*.png"))


@pytest.fixture(scope="module")
def sample():
    return load_bulletin(ROOT / "content", today=TODAY, publication="社区报")


def edition(bulletin, edition_id: str) -> Edition:
    return next(e for e in bulletin.editions if e.id == edition_id)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    pdf = tmp_path_factory.mktemp("print") / f"{EDITION}.pdf"
    result = run_bulletin("print", EDITION, "--size", "A3", "-o", str(pdf), "--strict", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    keep_page_images(pdf, f"{EDITION}-a3")
    return pdf, result


def test_a_cjk_font_is_embedded(printed):
    pdf, _ = printed
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk, fonts
    # name, type (may hold spaces), encoding, then emb sub uni: every CJK font embedded
    assert all(re.search(r"Identity-H\s+yes\s+yes\s+yes", line) for line in cjk), fonts


def test_every_headline_of_the_edition_comes_back(printed, sample):
    pdf, _ = printed
    text = re.sub(r"\s+", "", pdftotext(pdf))
    articles = [sample.by_id[a] for a in edition(sample, EDITION).article_ids]
    assert len(articles) == 6
    for article in articles:
        for line in (article.title, getattr(article, "kicker", None), getattr(article, "subtitle", None)):
            if line:
                assert re.sub(r"\s+", "", line) in text, line


def test_one_page_per_sheet_when_the_edition_fits(printed, sample):
    pdf, result = printed
    assert page_count(pdf) == len(edition(sample, EDITION).pages) == 2
    assert "超出版面" not in result.stderr
    assert "2 页" in result.stdout


def test_masthead_running_heads_and_sheets(printed):
    pdf, _ = printed
    first, second = (re.sub(r"\s+", "", pdftotext(pdf, "-f", str(n), "-l", str(n))) for n in (1, 2))
    assert first.startswith("社区报")  # the 报头, letter-spaced
    assert "第15期" in first and "2022年7月15日星期五" in first
    assert "第1版" in first and "社区治理" in first
    assert "第2版" in second and "党建引领" in second  # the running head of 版 2
    assert "第15期" in second and "星期五" in second


def test_bylines_captions_and_the_boxed_minhu_column(printed):
    text = pdftotext(printed[0])
    assert "记者 胡可" in text and "记者 张琪" in text
    assert "设置围栏前" in text and "设置围栏后" in text  # the before/after pair's captions
    assert "碧波园小区门前装上围栏后" in text  # the cover's caption
    assert "民呼即应" in text and "已解决" in text and "扫码看更多" in text
    # One QR code per story or case, one for the 民呼即应 box.
    assert text.count("扫码看全文") == 4


def test_photos_are_embedded_at_print_resolution(printed):
    listing = subprocess.run(["pdfimages", "-list", str(printed[0])], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    images = [line.split() for line in listing]
    assert len(images) >= 3  # the cover and the before/after pair on 版 1
    # x-ppi, y-ppi: the sample's small pictures are used at their full width, never upscaled
    assert all(int(row[12]) >= 150 for row in images), listing


def test_no_line_starts_with_closing_punctuation(printed):
    lines = [line.strip() for line in pdftotext(printed[0]).splitlines() if line.strip()]
    assert len(lines) > 100
    offenders = [line for line in lines if line[0] in "。，、；：？！”）》"]
    assert not offenders, offenders


def test_the_crowded_edition_is_reported_with_how_much_to_cut(tmp_path, sample):
    pdf = tmp_path / "crowded.pdf"
    result = run_bulletin("print", CROWDED, "-o", str(pdf), cwd=ROOT)
    assert result.returncode == 0, result.stderr  # a proof is still written
    message = re.search(r"第1版内容超出版面：多出约 (\d+) 毫米", result.stderr)
    assert message and int(message[1]) > 10, result.stderr
    assert page_count(pdf) > len(edition(sample, CROWDED).pages)
    text = pdftotext(pdf)
    assert "责任编辑：赵智和 范科峰" in text and "美编：白杨" in text and "校对：池红云" in text
    keep_page_images(pdf, f"{CROWDED}-a3")
    strict = run_bulletin("print", CROWDED, "-o", str(pdf), "--strict", cwd=ROOT)
    assert strict.returncode == 1 and "第1版内容超出版面" in strict.stderr


def test_a4_keeps_the_same_text(tmp_path):
    pdf = tmp_path / "a4.pdf"
    result = run_bulletin("print", EDITION, "--size", "a4", "-o", str(pdf), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "A4" in result.stdout
    box = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d* x 841\.\d*", box), box
    assert "建立长效机制" in re.sub(r"\s+", "", pdftotext(pdf))
    keep_page_images(pdf, f"{EDITION}-a4")


def test_make_print_writes_the_edition_into_the_site():
    target = ROOT / "site" / "editions" / f"{EDITION}.pdf"
    target.unlink(missing_ok=True)
    result = subprocess.run(["make", "-s", "print", f"EDITION={EDITION}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "BULLETIN_TODAY": TODAY.isoformat()})
    assert result.returncode == 0, result.stderr
    assert page_count(target) == 2
