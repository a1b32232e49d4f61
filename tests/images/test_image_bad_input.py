"""Bad pictures from editors: a clear Chinese message with article and line, or
a correct conversion; never a traceback. Run through the real `bulletin` CLI."""

from __future__ import annotations

import pytest

import imagefactory as make
from helpers import run_bulletin

ARTICLE = "content/stories/2022/biboyuan-weilan.md"

STORY = """\
---
title: 巧设围栏便民出行
date: 2022-07-15
community: 碧波园社区
---

小区门口装上了围栏。

![围栏](/images/{name} "李娜 摄")
"""


def check_with(site, name: str, data: bytes | None, *args: str):
    if data is not None:
        site.write({f"images/{name}": data})
    site.write({"stories/2022/biboyuan-weilan.md": STORY.format(name=name)})
    return run_bulletin("check", *args, cwd=site.root)


@pytest.mark.parametrize("name, data, says", [
    ("missing.jpg", None, "找不到图片文件“/images/missing.jpg”"),
    ("broken.jpg", make.truncated_jpeg(), "图片文件“broken.jpg”已损坏"),
    ("notes.jpg", make.text_named_jpg(), "“notes.jpg”不是图片文件"),
    ("bomb.png", make.bomb_png(), "超过了 1 亿像素的上限"),
])
def test_bad_image_is_an_error_naming_article_and_line(site, name, data, says):
    result = check_with(site, name, data)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if says in line)
    assert line.startswith(f"{ARTICLE}:9: 错误「图片」"), line
    assert "改法：" in result.stdout


def test_bad_image_stops_the_build_and_writes_nothing(site):
    site.write({"images/notes.jpg": make.text_named_jpg(),
                "stories/2022/biboyuan-weilan.md": STORY.format(name="notes.jpg")})
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 1
    assert f"{ARTICLE}:9" in result.stderr and "不是图片文件" in result.stderr
    assert not (site.root / "site").exists()


@pytest.mark.parametrize("name, data", [
    ("cmyk.jpg", make.cmyk_jpeg()),
    ("deep.png", make.png_16bit()),
    ("alpha.png", make.png_alpha()),
])
def test_unusual_but_valid_images_are_converted(site, name, data):
    result = check_with(site, name, data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "检查完毕：没有发现问题。" in result.stdout


def test_animated_gif_passes_with_a_warning(site):
    result = check_with(site, "moving.gif", make.animated_gif())
    assert result.returncode == 0
    assert f"{ARTICLE}:9: 提醒「图片」：“/images/moving.gif”是动图" in result.stdout


def test_too_small_for_print_is_a_warning_and_the_dpi_is_configurable(site):
    small = make.encoded(make.marked((500, 350)), "JPEG")  # 80 mm at 200 dpi needs 630 px
    result = check_with(site, "small.jpg", small)
    assert result.returncode == 0
    warning = next(line for line in result.stdout.splitlines() if "small.jpg" in line)
    assert warning.startswith(f"{ARTICLE}:9: 提醒「图片」")
    assert "只有 500 像素宽" in warning and "158 dpi" in warning and "630 像素宽" in warning
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - bulletin\n", "  - bulletin:\n      images_print_dpi: 150\n"), "utf-8")
    assert "small.jpg" not in check_with(site, "small.jpg", None).stdout
    config.write_text(config.read_text("utf-8").replace(
        "images_print_dpi: 150", "images_print_dpi: 150\n      images_print_width_mm: 120"), "utf-8")
    assert "印成 120 毫米宽" in check_with(site, "small.jpg", None).stdout


def test_json_report_carries_image_problems(site):
    result = check_with(site, "notes.jpg", make.text_named_jpg(), "--format", "json")
    assert '"line": 9' in result.stdout and '"field": "图片"' in result.stdout
