"""The Pillow pipeline: open safely, turn upright, normalise, resize, encode.

Every output is re-encoded from pixels only: EXIF (with any GPS position),
XMP, comments and ICC profiles never reach a published file. Colours are
converted to sRGB first, so dropping the profile changes nothing on screen.
Bad input raises `ImageError` with a Chinese message and fix, never a crash.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .settings import JPEG, WEBP, OutputSpec
from .sizes import cover_crop, scaled_height

_SRGB = ImageCms.createProfile("sRGB")
_WHITE = (255, 255, 255)


class ImageError(Exception):
    """An image that cannot be published; message and hint are for editors."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class SourceInfo:
    """What the site needs to know of a source, after turning it upright."""

    width: int
    height: int
    animated: bool = False


def open_source(path: Path, max_pixels: int,
                largest: int | None = None) -> tuple[Image.Image, SourceInfo]:
    """Decode a source fully (so a truncated file fails here), upright, RGB(A).

    `largest` lets a JPEG decode at a reduced scale that still covers that
    many pixels on both sides (several times faster for phone photos).
    """
    name = path.name
    image = _open(path, max_pixels)
    animated = getattr(image, "n_frames", 1) > 1
    try:
        if largest and image.format == "JPEG":
            image.draft(None, (largest, largest))
        image.seek(0)
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(f"图片文件“{name}”已损坏，读不出完整的画面（{_reason(exc)}）。",
                         "重新从手机或相机导出这张图片（或重新下载），再放进 content/ 替换它。") from None
    image = _to_rgb(image)
    return image, SourceInfo(image.width, image.height, animated)


def _open(path: Path, max_pixels: int) -> Image.Image:
    name = path.name
    if not path.is_file():
        raise ImageError(f"找不到图片文件“{name}”。", "检查文件名和大小写是否一致。")
    limit = f"{max_pixels / 1e8:g} 亿" if max_pixels >= 1e8 else f"{max_pixels / 1e4:g} 万"
    bomb = ImageError(f"图片“{name}”的像素太多，超过了 {limit}像素的上限，"
                      "可能是异常文件（“解压炸弹”）或扫描得过大。",
                      "把图片缩小到长边不超过 6000 像素再放进来；确实需要时可以调大 mkdocs.yml 里的 images_max_pixels。")
    # Pillow warns above MAX_IMAGE_PIXELS and refuses at twice that; we refuse at the limit.
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            if image.width * image.height > max_pixels:
                raise bomb
            return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise bomb from None
    except UnidentifiedImageError:
        raise ImageError(f"“{name}”不是图片文件，只是扩展名写成了图片（可能是文字或其他文件改了名）。",
                         "换成真正的 JPG、PNG、GIF 或 WebP 图片；用图片查看器能打开的才是图片。") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"图片文件“{name}”已损坏，无法打开（{_reason(exc)}）。",
                         "重新从手机或相机导出这张图片，再放进 content/ 替换它。") from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _to_rgb(image: Image.Image) -> Image.Image:
    """8-bit sRGB, with alpha only where the source has transparency."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit greyscale: scale to 8 bits (a plain convert would clip to white).
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    icc = image.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info
    target = "RGBA" if has_alpha else "RGB"
    if icc and image.mode in ("RGB", "CMYK", "L"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, profile, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to Pillow's plain conversion
    return image.convert(target) if image.mode != target else image.copy()


def render(image: Image.Image, spec: OutputSpec) -> bytes:
    """One output: resized (or cropped to fill), encoded without metadata."""
    if spec.height:
        box = cover_crop(image.width, image.height, spec.width, spec.height)
        out = image.resize((spec.width, spec.height), Image.Resampling.LANCZOS, box=box)
    elif spec.width != image.width:
        size = (spec.width, scaled_height(image.width, image.height, spec.width))
        out = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    else:
        out = image.copy()
    out.info.clear()  # nothing of the source's metadata may ride along
    buffer = io.BytesIO()
    if spec.format == WEBP:
        out.save(buffer, "WEBP", quality=spec.quality, method=4)
    else:
        _flatten(out).save(buffer, "JPEG", quality=spec.quality, optimize=True, progressive=True)
    return buffer.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: put transparent parts on the page's white."""
    if image.mode != "RGBA":
        return image
    flat = Image.new("RGB", image.size, _WHITE)
    flat.paste(image, mask=image.getchannel("A"))
    return flat


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    if "truncated" in text:
        return "文件不完整，可能没有传完"
    return "格式错误"


__all__ = ["ImageError", "SourceInfo", "open_source", "render", "JPEG", "WEBP"]
