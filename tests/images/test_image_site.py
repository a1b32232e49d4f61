"""The built sample publishes only the pipeline's pictures, in responsive markup."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from PIL import Image

import imagefactory as make
from helpers import ROOT, run_bulletin
from site_builder.content.images import IMAGE_SUFFIXES

STORY_WITH_COVER = """\
---
title: 巧设围栏便民出行
date: 2022-07-15
community: 碧波园社区
cover:
  src: /images/cover.jpg
  caption: 新设的围栏
---

小区门口装上了围栏。

![围栏前](/images/a.jpg){ .before } ![围栏后](/images/b.jpg){ .after }
"""


def pages(site: Path):
    for html in site.rglob("index.html"):
        yield html, BeautifulSoup(html.read_text("utf-8"), "html.parser")


def site_images(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and "assets" not in p.parts]


def test_originals_are_never_published(built_sample):
    originals = {p.name for p in (ROOT / "content" / "images").iterdir()}
    published = {p.name for p in site_images(built_sample)}
    assert published and not originals & published


def metadata_in(data: bytes) -> list[bytes]:
    """A WebP's metadata chunks (its compressed pixels may hold any bytes, "GPS" too); in other files, the markers."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        found, at = [], 12
        while at + 8 <= len(data):
            fourcc, size = data[at:at + 4], int.from_bytes(data[at + 4:at + 8], "little")
            found += [fourcc] if fourcc in (b"EXIF", b"XMP ", b"ICCP") else []
            at += 8 + size + (size & 1)
        return found
    return [marker for marker in (b"Exif", b"GPS") if marker in data]


def test_no_published_image_carries_metadata(built_sample):
    for path in site_images(built_sample):
        assert not metadata_in(path.read_bytes()), path
        with Image.open(path) as image:
            assert not image.getexif() and "icc_profile" not in image.info, path


def test_every_content_picture_is_responsive_with_explicit_size(built_sample):
    seen = 0
    for html, soup in pages(built_sample):
        for img in soup.select(".bulletin-article img, .bulletin-body img"):
            if "assets" in img.get("src", ""):
                continue
            seen += 1
            picture = img.parent
            assert picture.name == "picture", html
            assert picture.select_one("source[type='image/webp']")["srcset"].count("w,") >= 1
            assert img["srcset"] and img["sizes"], html
            assert int(img["width"]) > 0 and int(img["height"]) > 0, html
            for candidate in img["srcset"].split(","):
                url = candidate.split()[0]
                assert (html.parent / url).resolve().is_file(), (html, url)
    assert seen >= 10


def test_covers_load_at_once_and_body_images_lazily(built_sample):
    soup = BeautifulSoup((built_sample / "stories/2022/biboyuan-weilan-bianmin/index.html").read_text("utf-8"),
                         "html.parser")
    cover = soup.select_one("article > figure.bulletin-figure img")
    assert cover.get("loading") is None and cover["fetchpriority"] == "high"
    body = soup.select(".bulletin-body img")
    assert body and all(img["loading"] == "lazy" for img in body)


def test_before_after_pair_keeps_each_caption(built_sample):
    soup = BeautifulSoup((built_sample / "stories/2022/biboyuan-weilan-bianmin/index.html").read_text("utf-8"),
                         "html.parser")
    pair = soup.select_one(".bulletin-body .bulletin-pair")
    captions = [f.figcaption.get_text(" ", strip=True) for f in pair.select("figure")]
    assert captions == ["设置围栏前 示意图", "设置围栏后 示意图"]
    assert pair.select_one("figure.bulletin-figure--before img.before")
    assert pair.select_one("figure.bulletin-figure--after img.after")


def test_articles_with_a_cover_have_a_1200_by_630_share_image(built_sample):
    page = built_sample / "stories/2022/biboyuan-weilan-bianmin/index.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    url = soup.select_one('meta[property="og:image"]')["content"]
    assert url.startswith(("http://", "https://")), "chat apps need an absolute og:image"
    with Image.open(built_sample / urlsplit(url).path.lstrip("/")) as image:
        assert image.size == (1200, 630) and image.format == "JPEG"
    home = BeautifulSoup((built_sample / "index.html").read_text("utf-8"), "html.parser")
    assert home.select_one('meta[property="og:image"]') is None


def test_second_build_processes_zero_images(site):
    site.write({"images/cover.jpg": make.jpeg_with_gps(), "images/a.jpg": make.jpeg_with_gps((1000, 700)),
                "images/b.jpg": make.jpeg_with_gps((1000, 700), orientation=3),
                "stories/2022/biboyuan-weilan.md": STORY_WITH_COVER})
    first = run_bulletin("build", cwd=site.root)
    assert first.returncode == 0, first.stderr
    assert "图片：3 张，本次处理 3 张" in first.stdout
    site.write({"stories/2022/biboyuan-weilan.md": STORY_WITH_COVER + "\n围栏边又种了一排月季。\n"})
    second = run_bulletin("build", cwd=site.root)  # a real build (not "up to date"): the text changed
    assert second.returncode == 0, second.stderr
    assert "图片：3 张，本次处理 0 张（写出 0 个文件），3 张直接用缓存" in second.stdout
    assert (site.root / ".cache" / "images" / "sources.json").is_file()
    names = {p.name for p in (site.root / "site" / "images").iterdir()}
    assert not names & {"cover.jpg", "a.jpg", "b.jpg"}
    soup = BeautifulSoup((site.root / "site/stories/2022/biboyuan-weilan/index.html").read_text("utf-8"),
                         "html.parser")
    assert len(soup.select(".bulletin-pair figure picture")) == 2
