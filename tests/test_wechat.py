"""`bulletin wechat`: an article as a folder for the 公众号 editor, run as an
editor runs it (the real command, the real image pipeline and css-inline).

The look of the fragment against the site's page is checked in Chromium:
tests/browser/test_wechat_look.py.
"""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html
from PIL import Image

from helpers import MKDOCS_YML, run_bulletin
from imagefactory import jpeg_with_gps

SITE_URL = "https://bao.example.cn/"

PHOTO_STORY = """\
---
kicker: 长阳镇社区党组织用好协调平台
title: 门前一圈围栏 出行顺当多了
subtitle: 碧波园小区划出车辆通道和单车停放区
date: 2022-07-15
community: 碧波园社区
reporters: [胡可]
correspondents: [汪鲁兵]
cover:
  src: /images/cover.jpg
  caption: 装上围栏后的小区门口
  credit: 李娜 摄
---

居民说，出门再也不用左躲右闪。

![以前的门口](/images/before.jpg "李娜 摄"){ .before } ![现在的门口](/images/after.jpg "李娜 摄"){ .after }

详见[上个月的报道](../../stories/2022/biboyuan-weilan.md)和[民政局网站](https://mzj.example.gov.cn/x.html)的说明，
或看本站的[另一篇](https://bao.example.cn/minhu/2022/biboyuan-tingche/)。

![门口的新标识](/images/sign.jpg)
"""


@pytest.fixture
def photos(site):
    """The little bulletin with a story that has a cover, a pair and a third picture,
    all phone photos carrying GPS positions."""
    site.write({f"images/{name}.jpg": jpeg_with_gps((2400, 1600)) for name in ("cover", "before", "after", "sign")})
    site.write({"stories/2022/weilan-tupian.md": PHOTO_STORY})
    return site


def with_site_url(site) -> None:
    (site.root / "mkdocs.yml").write_text(f"site_url: {SITE_URL}\n" + MKDOCS_YML, encoding="utf-8")


def export(site, *args: str):
    result = run_bulletin("wechat", *args, "-o", "out", cwd=site.root)
    assert "Traceback" not in result.stderr
    return result


def fragment(site):
    return lxml_html.fragment_fromstring((site.root / "out" / "article.html").read_text("utf-8"))


def test_the_folder_has_the_fragment_pictures_preview_and_report(photos):
    result = export(photos, "stories/2022/weilan-tupian")
    assert result.returncode == 0, result.stderr
    out = photos.root / "out"
    assert sorted(p.name for p in out.iterdir()) == ["article.html", "images", "preview.html", "report.txt"]
    # The report: title and summary to fill in, characters, size, the limits.
    assert "标题（填进公众号的标题栏）：门前一圈围栏 出行顺当多了（13 字，上限 64）" in result.stdout
    assert re.search(r"正文：\d+ 字（上限 20000），article\.html \d+ KB（上限 1\.0 MB）", result.stdout)
    assert "图片：4 张" in result.stdout
    assert "没有设置 site_url" in result.stdout  # no web link, pictures uploaded by hand
    assert (out / "report.txt").read_text("utf-8").splitlines()[1:] == [
        line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]


def test_pictures_are_numbered_in_reading_order_without_metadata(photos):
    assert export(photos, "weilan-tupian").returncode == 0
    out = photos.root / "out"
    names = sorted(p.name for p in (out / "images").iterdir())
    assert names == ["01.jpg", "02.jpg", "03.jpg", "04.jpg"]
    for name in names:
        with Image.open(out / "images" / name) as image:
            assert image.format == "JPEG"  # the 公众号 takes no WebP
            assert image.width <= 1600
            assert not image.getexif() and "exif" not in image.info  # no GPS, no camera
    # Without site_url the fragment points at these files: cover, before, after, sign.
    images = fragment(photos).iter("img")
    assert [(img.get("src"), img.get("alt")) for img in images] == [
        ("images/01.jpg", "装上围栏后的小区门口"), ("images/02.jpg", "以前的门口"),
        ("images/03.jpg", "现在的门口"), ("images/04.jpg", "门口的新标识")]


def test_with_site_url_pictures_and_links_point_at_the_site(photos):
    with_site_url(photos)
    result = export(photos, "content/stories/2022/weilan-tupian.md")
    assert result.returncode == 0, result.stderr
    root = fragment(photos)
    sources = [img.get("src") for img in root.iter("img")]
    assert len(sources) == 4 and all(re.fullmatch(re.escape(SITE_URL) + r"images/[\w.-]+\.jpg", s) for s in sources)
    links = {a.text_content(): a.get("href") for a in root.iter("a")}
    assert links == {
        "上个月的报道": SITE_URL + "stories/2022/biboyuan-weilan/",   # another article: its page
        "另一篇": SITE_URL + "minhu/2022/biboyuan-tingche/",         # the site itself: kept
        SITE_URL + "stories/2022/weilan-tupian/": SITE_URL + "stories/2022/weilan-tupian/",  # the closing line
    }
    assert "民政局网站的说明" in root.text_content()  # a link elsewhere: its words stay
    assert "没有设置 site_url" not in result.stdout


def test_the_fragment_carries_only_inline_styles(photos):
    with_site_url(photos)
    assert export(photos, "weilan-tupian").returncode == 0
    text = (photos.root / "out" / "article.html").read_text("utf-8")
    root = fragment(photos)
    assert not root.xpath("//script|//style|//link|//iframe|//object|//embed|//picture|//source")
    assert not root.xpath("//@id|//@srcset|//@loading|//@*[starts-with(name(), 'on')]")
    assert "<style" not in text and "@font-face" not in text and "url(" not in text
    urls = root.xpath("//@src|//@href")
    assert urls and all(u.startswith(SITE_URL) for u in urls)
    # Every element of the headline and the byline is styled by itself.
    for xpath in ("//h1", "//*[contains(@class, 'bulletin-kicker')]", "//*[contains(@class, 'bulletin-byline')]"):
        assert "font" in root.xpath(xpath)[0].get("style"), xpath
    assert root.xpath("//*[contains(@class, 'bulletin-subtitle')]")[0].text == "——碧波园小区划出车辆通道和单车停放区"
    assert "本报讯（记者 胡可 通讯员 汪鲁兵）" in root.text_content()


def test_editor_text_is_escaped(site):
    site.write({"stories/2022/biboyuan-weilan.md": "---\ntitle: 围栏<b>便民</b> & 出行\ndate: 2022-07-15\n"
                                                   "community: 碧波园社区\n---\n\n正文。\n"})
    result = export(site, "biboyuan-weilan")
    assert result.returncode == 0, result.stderr
    h1 = fragment(site).xpath("//h1")[0]
    assert h1.text == "围栏<b>便民</b> & 出行" and not h1.xpath("b")


def test_a_draft_can_be_exported(site):
    with_site_url(site)
    site.write({"stories/2022/caogao.md": "---\ntitle: 还没发布的稿件\ndate: 2022-07-20\ncommunity: 碧波园社区\n"
                                           "draft: true\ncover: {src: /images/c.jpg, caption: 说明}\n---\n\n正文。\n",
                "images/c.jpg": jpeg_with_gps()})
    result = export(site, "还没发布的稿件")  # by its title
    assert result.returncode == 0, result.stderr
    assert "这篇文章还没有发布" in result.stdout
    assert "刊于" not in (site.root / "out" / "article.html").read_text("utf-8")


def test_limits_of_the_editor_are_reported(site):
    long_title = "社区" * 33
    summary = "居民" * 61
    site.write({"stories/2022/biboyuan-weilan.md": f"---\ntitle: {long_title}\ndate: 2022-07-15\n"
                                                   f"community: 碧波园社区\nsummary: {summary}\n---\n\n正文。\n"})
    result = export(site, "biboyuan-weilan")
    assert result.returncode == 0, result.stderr
    assert "提醒：标题有 66 字，公众号最多 64 字" in result.stdout
    assert "提醒：摘要有 122 字，公众号最多 120 字" in result.stdout


def test_an_unknown_article_gets_the_closest_names(site):
    result = export(site, "biboyuan-weilam")
    assert result.returncode == 1
    assert result.stderr.startswith("错误：没有找到文章“biboyuan-weilam”。是不是想写：stories/2022/biboyuan-weilan")
    assert not (site.root / "out").exists()


def test_an_article_with_errors_gets_the_checkers_messages(site):
    site.write({"minhu/2022/biboyuan-tingche.md": "---\ntitle: 小区门口不再乱停车\ncommunity: 碧波源\n"
                                                  "category: 停车\nreceived: 2022-06-01\nstatus: resolved\n---\n\n"
                                                  "## 问题\n\n请联系 13812345678。\n"})
    checked = run_bulletin("check", cwd=site.root)
    mine = [block for block in re.split(r"\n(?=\S)", checked.stdout) if block.startswith("content/minhu/")]
    assert len(mine) >= 3  # the place, the missing date, the phone number
    result = export(site, "minhu/2022/biboyuan-tingche.md")
    assert result.returncode == 1
    assert all(block in result.stderr for block in mine)
    assert "这篇文章有错误，没有导出。" in result.stderr
    assert not (site.root / "out").exists()


def test_every_sample_article_makes_a_clean_fragment():
    """Each type and kind of the sample, drafts included, in one process."""
    from helpers import ROOT
    from site_builder.commands.site import open_site
    from site_builder.wechat import Fragments, article_images

    site = open_site(str(ROOT / "mkdocs.yml"))
    bulletin = site.load(preview=True)
    fragments = Fragments(site.engine.wechat_options())
    kinds = set()
    for article in bulletin.articles:
        images = article_images(article, site.images, fragments.options.site_url)
        root = lxml_html.fragment_fromstring(fragments.render(bulletin, article, images))
        assert not root.xpath("//script|//style|//link|//iframe|//picture|//source|//@id"), article.id
        assert root.xpath("//h1")[0].text_content() == article.title
        assert {img.get("src") for img in root.iter("img")} == {image.url for image in images.values()}, article.id
        assert all(url.startswith(fragments.options.site_url) for url in root.xpath("//@src|//@href")), article.id
        kinds.add((article.type, getattr(article, "kind", None), getattr(article, "status", None)))
    assert len(kinds) >= 6, kinds
