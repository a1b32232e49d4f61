"""Test images made with Pillow on the fly: no binary fixtures in the repository."""

from __future__ import annotations

import io

from PIL import ExifTags, Image

RED, BLUE = (220, 30, 30), (30, 60, 200)


def marked(size: tuple[int, int] = (600, 400)) -> Image.Image:
    """Blue, with a red block in the top-left corner: shows which way is up."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 4, size[1] // 4))
    return image


def gps_exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (39.0, 54.0, 27.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (116.0, 23.0, 50.0)
    return exif


def jpeg_with_gps(size: tuple[int, int] = (1200, 800), orientation: int | None = None) -> bytes:
    """A phone photo: EXIF with the GPS position of where it was taken."""
    buffer = io.BytesIO()
    marked(size).save(buffer, "JPEG", quality=90, exif=gps_exif(orientation))
    return buffer.getvalue()


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def cmyk_jpeg() -> bytes:
    return encoded(marked((800, 600)).convert("CMYK"), "JPEG", quality=90)


def png_16bit() -> bytes:
    """16-bit greyscale at 3/4 brightness: a plain 8-bit convert would clip it to white."""
    return encoded(Image.new("I;16", (800, 600), 49152), "PNG")


def png_alpha() -> bytes:
    """Transparent, with an opaque red square in the middle."""
    image = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    image.paste((220, 30, 30, 255), (300, 200, 500, 400))
    return encoded(image, "PNG")


def animated_gif() -> bytes:
    frames = [Image.new("P", (800, 600), i * 40) for i in range(3)]
    return encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)


def truncated_jpeg() -> bytes:
    data = jpeg_with_gps((1200, 800))
    return data[: len(data) // 2]


def text_named_jpg() -> bytes:
    return "这不是图片，是一段文字。\n".encode("utf-8")


def bomb_png() -> bytes:
    """A few hundred KB that unpack to 400 million pixels."""
    return encoded(Image.new("1", (20000, 20000)), "PNG")
