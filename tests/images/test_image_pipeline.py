"""The Pillow pipeline on real files: privacy, orientation, cache, conversions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

import imagefactory as make
from helpers import TODAY
from site_builder.content import load_bulletin
from site_builder.images import ImageSettings, prepare_images, print_variant

STORY_WITH_IMAGES = """\
---
title: 巧设围栏便民出行
date: 2022-07-15
community: 碧波园社区
cover:
  src: /images/cover.{ext}
  caption: 新设的围栏
---

小区门口装上了围栏。

![围栏细节](../../images/body.jpg "李娜 摄")
"""


def bulletin_with(site, cover: bytes, ext: str = "jpg", body: bytes | None = None):
    site.write({
        f"images/cover.{ext}": cover,
        "images/body.jpg": body if body is not None else make.jpeg_with_gps((900, 600)),
        "stories/2022/biboyuan-weilan.md": STORY_WITH_IMAGES.format(ext=ext),
    })
    bulletin = load_bulletin(site.content, today=TODAY)
    assert bulletin.ok, bulletin.problems.format_text()
    return bulletin


def outputs(catalog) -> list[Path]:
    return [v.path for v in catalog.variants()]


def test_no_published_file_carries_exif_or_gps(site, tmp_path):
    original = make.jpeg_with_gps()
    assert b"Exif" in original and Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    catalog = prepare_images(bulletin_with(site, original), ImageSettings(), tmp_path / "cache")
    assert not catalog.problems
    files = outputs(catalog)
    assert len(files) == 2 * 3 + 2 * 2 + 1  # cover: 3 widths ×2 formats + share; body (900 px): 2 widths ×2
    for path in files:
        data = path.read_bytes()
        assert b"Exif" not in data and b"GPS" not in data and b"PhoneMaker" not in data, path
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert not {"exif", "xmp", "icc_profile"} & set(image.info), (path, image.info.keys())


def test_a_rotated_photo_comes_out_upright(site, tmp_path):
    # Stored landscape with the red corner top-left; EXIF 6 says "turn 90° clockwise to view".
    catalog = prepare_images(bulletin_with(site, make.jpeg_with_gps((1200, 800), orientation=6)),
                             ImageSettings(), tmp_path / "cache")
    published = catalog.get("images/cover.jpg")
    assert (published.width, published.height) == (800, 1200)
    for variant in published.variants():
        with Image.open(variant.path) as image:
            rgb = image.convert("RGB")
            w, h = rgb.size
            if variant.height != 630:  # the share crop keeps the middle only
                assert h > w, variant.url
                assert rgb.getpixel((w - 5, 5))[0] > 180, variant.url   # red now top-right
                assert rgb.getpixel((5, 5))[2] > 150, variant.url      # top-left is blue


def test_variants_have_the_sizes_the_page_declares(site, tmp_path):
    catalog = prepare_images(bulletin_with(site, make.jpeg_with_gps((1600, 1200))), ImageSettings(),
                             tmp_path / "cache")
    published = catalog.get("images/cover.jpg")
    assert [v.width for v in published.webp] == [480, 960, 1600]
    for variant in published.variants():
        with Image.open(variant.path) as image:
            assert image.size == (variant.width, variant.height), variant.url
            assert image.format == ("WEBP" if variant.mime == "image/webp" else "JPEG")
    assert (published.share.width, published.share.height) == (1200, 630)


def test_a_second_run_processes_zero_images(site, tmp_path):
    bulletin = bulletin_with(site, make.jpeg_with_gps())
    cache = tmp_path / "cache"
    first = prepare_images(bulletin, ImageSettings(), cache)
    assert (first.processed, first.reused) == (2, 0) and first.written == 11
    stamps = {p: p.stat().st_mtime_ns for p in outputs(first)}
    second = prepare_images(load_bulletin(site.content, today=TODAY), ImageSettings(), cache)
    assert (second.processed, second.written, second.reused) == (0, 0, 2)
    assert {p: p.stat().st_mtime_ns for p in outputs(second)} == stamps
    # Other settings are other outputs: only what changed is made.
    third = prepare_images(bulletin, ImageSettings(quality=60), cache)
    assert third.processed == 2 and third.written == 11


def test_the_cache_is_keyed_by_content_not_by_name(site, tmp_path):
    photo = make.jpeg_with_gps()
    cache = tmp_path / "cache"
    prepare_images(bulletin_with(site, photo), ImageSettings(), cache)
    (site.content / "images" / "cover.jpg").unlink()
    site.write({"images/renamed.jpg": photo,
                "stories/2022/biboyuan-weilan.md": STORY_WITH_IMAGES.format(ext="jpg")
                .replace("cover.jpg", "renamed.jpg")})
    again = prepare_images(load_bulletin(site.content, today=TODAY), ImageSettings(), cache)
    assert again.processed == 0 and again.get("images/renamed.jpg")
    site.write({"images/renamed.jpg": make.jpeg_with_gps((1000, 700))})  # new content, same name
    changed = prepare_images(load_bulletin(site.content, today=TODAY), ImageSettings(), cache)
    assert changed.processed == 1


def test_cmyk_becomes_rgb_with_its_colours(site, tmp_path):
    catalog = prepare_images(bulletin_with(site, make.cmyk_jpeg()), ImageSettings(), tmp_path / "c")
    assert not catalog.problems
    for variant in catalog.get("images/cover.jpg").variants():
        with Image.open(variant.path) as image:
            assert image.mode in ("RGB", "RGBA")
            r, g, b = image.convert("RGB").getpixel((image.width - 3, image.height - 3))
            assert b > r and b > g, (variant.url, (r, g, b))  # blue stays blue


def test_16_bit_is_scaled_not_clipped(site, tmp_path):
    catalog = prepare_images(bulletin_with(site, make.png_16bit(), "png"), ImageSettings(), tmp_path / "c")
    assert not catalog.problems
    with Image.open(catalog.get("images/cover.png").largest.path) as image:
        value = image.convert("L").getpixel((10, 10))
    assert 180 < value < 205  # 49152/65535 of white; clipping would give 255


def test_png_alpha_keeps_transparency_in_webp_and_is_white_in_jpeg(site, tmp_path):
    catalog = prepare_images(bulletin_with(site, make.png_alpha(), "png"), ImageSettings(), tmp_path / "c")
    published = catalog.get("images/cover.png")
    with Image.open(published.webp[-1].path) as webp:
        assert webp.mode == "RGBA" and webp.getpixel((5, 5))[3] == 0
    with Image.open(published.jpeg[-1].path) as jpeg:
        assert jpeg.mode == "RGB" and min(jpeg.getpixel((5, 5))) > 245
        assert jpeg.getpixel((400, 300))[0] > 180


def test_animated_gif_shows_its_first_frame_with_a_warning(site, tmp_path):
    catalog = prepare_images(bulletin_with(site, make.animated_gif(), "gif"), ImageSettings(), tmp_path / "c")
    assert [p.severity for p in catalog.problems] == ["warning"]
    assert "动图" in catalog.problems[0].message and catalog.problems[0].line == 6
    with Image.open(catalog.get("images/cover.gif").webp[0].path) as image:
        assert getattr(image, "n_frames", 1) == 1


def test_print_variant_is_wide_enough_and_never_upscaled(site, tmp_path):
    bulletin_with(site, make.jpeg_with_gps((3000, 2000)))
    source = site.content / "images" / "cover.jpg"
    path = print_variant(source, 80, cache_dir=tmp_path / "c")   # 80 mm at 300 dpi = 945 px
    with Image.open(path) as image:
        assert image.width == 945 and image.format == "JPEG" and not image.getexif()
    assert b"GPS" not in path.read_bytes()
    assert print_variant(source, 80, cache_dir=tmp_path / "c") == path
    small = print_variant(site.content / "images" / "body.jpg", 200, dpi=300, cache_dir=tmp_path / "c")
    with Image.open(small) as image:
        assert image.width == 900


@pytest.mark.parametrize("workers", [1, 2])
def test_work_is_spread_over_processes_with_the_same_result(site, tmp_path, workers):
    catalog = prepare_images(bulletin_with(site, make.jpeg_with_gps()), ImageSettings(workers=workers),
                             tmp_path / "c")
    assert catalog.processed == 2 and not catalog.problems


def test_workers_are_spawned_when_threads_run(site, tmp_path):
    """`bulletin serve` runs threads: then workers are spawned, not forked, with the same result."""
    import threading
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        catalog = prepare_images(bulletin_with(site, make.jpeg_with_gps()), ImageSettings(workers=2),
                                 tmp_path / "c")
    finally:
        stop.set()
    assert catalog.processed == 2 and len(list(catalog.variants())) == 11
