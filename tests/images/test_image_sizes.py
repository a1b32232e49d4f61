"""The pure size rules of the image pipeline."""

from __future__ import annotations

import pytest

from site_builder.images.settings import JPEG, WEBP, OutputSpec
from site_builder.images.sizes import cover_crop, print_dpi, print_pixels, scaled_height, variant_widths


@pytest.mark.parametrize("source, expected", [
    (4000, [480, 960, 1600]),
    (1600, [480, 960, 1600]),
    (1000, [480, 960, 1000]),
    (700, [480, 700]),
    (480, [480]),
    (300, [300]),
])
def test_variant_widths_never_upscale(source, expected):
    assert variant_widths(source, (480, 960, 1600)) == expected


def test_scaled_height_keeps_the_ratio():
    assert scaled_height(1600, 1067, 480) == 320
    assert scaled_height(4000, 1, 480) == 1


@pytest.mark.parametrize("size, box", [
    ((1600, 1067), (0, 113, 1600, 953)),    # a photo taller than 1.9:1: top and bottom trimmed
    ((3000, 1000), (547, 0, 2452, 1000)),   # a panorama: the sides trimmed
    ((1200, 630), (0, 0, 1200, 630)),
])
def test_cover_crop_is_centred_and_fills_the_share_size(size, box):
    left, top, right, bottom = cover_crop(*size, 1200, 630)
    assert (left, top, right, bottom) == box
    assert abs((right - left) / (bottom - top) - 1200 / 630) < 0.01


def test_print_arithmetic():
    assert print_pixels(80, 200) == 630
    assert print_pixels(25.4, 300) == 300
    assert print_dpi(315, 80) == 100


def test_output_names_carry_every_parameter():
    web = OutputSpec("web", WEBP, 960, None, 80)
    share = OutputSpec("share", JPEG, 1200, 630, 80)
    assert web.key == "web-960w-q80-v1.webp"
    assert share.key == "share-1200x630-q80-v1.jpg"
    assert OutputSpec("web", WEBP, 960, None, 70).key != web.key
