"""Every picture of the site is the theme's picture.html: a site that overrides
the partial changes covers and every picture in article bodies alike."""

from __future__ import annotations

from bs4 import BeautifulSoup

import imagefactory as make
from helpers import MKDOCS_YML, ROOT, run_bulletin, write

PARTIAL = "partials/bulletin/picture.html"
STORY = """\
---
title: 围栏装好以后
date: 2022-07-15
community: 碧波园社区
cover:
  src: /images/cover.jpg
  caption: 封面
---

![装之前](/images/before.jpg "摄影 甲"){ .before } ![装之后](/images/after.jpg){ .after }

![他说"好"&走](/images/single.jpg)

文中还有一张小图 ![小图](/images/inline.jpg) 夹在字里。
"""


def build_with_override(site, override: str | None) -> BeautifulSoup:
    names = ("cover", "before", "after", "single", "inline")
    site.write({f"images/{name}.jpg": make.encoded(make.marked((900 + i, 600)), "JPEG")
                for i, name in enumerate(names)})
    site.write({"stories/2022/biboyuan-weilan.md": STORY})
    if override is not None:
        write(site.root, {"mkdocs.yml": MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"),
                          f"overrides/{PARTIAL}": override})
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = site.root / "site" / "stories" / "2022" / "biboyuan-weilan" / "index.html"
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def test_body_pictures_are_the_theme_partial(site):
    soup = build_with_override(site, None)
    article = soup.select_one("article")
    pictures = article.select("picture")
    assert len(pictures) == 5  # the cover, a pair, a figure, one in running text
    pair = article.select(".bulletin-pair > figure.bulletin-figure")
    assert [f["class"] for f in pair] == [["bulletin-figure", "bulletin-figure--before"],
                                           ["bulletin-figure", "bulletin-figure--after"]]
    assert pair[0].select_one("img.before") and pair[0].figcaption.get_text(" ", strip=True) == "装之前 摄影 甲"
    single = article.find("img", alt='他说"好"&走')  # escaped in the attribute, whole again when parsed
    assert single is not None and single.find_parent("figure").figcaption.get_text() == '他说"好"&走'
    inline = article.find("img", alt="小图")
    assert inline.parent.name == "picture" and inline.parent.parent.name == "p"
    for img in article.select("picture img"):
        assert img["srcset"].count("w,") >= 1 and img["width"] and img["height"]
        assert not img["src"].startswith("/")  # relative to the page


def test_an_overridden_partial_changes_every_picture(site):
    override = (ROOT / "themes" / "bulletin" / PARTIAL).read_text("utf-8").replace(
        "<picture>", '<picture class="house-style">')
    soup = build_with_override(site, override)
    pictures = soup.select("article picture")
    assert len(pictures) == 5
    assert all(p.get("class") == ["house-style"] for p in pictures)
