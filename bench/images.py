"""Measure the image pipeline: bytes before and after, first versus second run.

    .venv/bin/python bench/images.py            # the sample bulletin in content/
    .venv/bin/python bench/images.py --photos 40  # plus N synthetic 12-megapixel phone photos

Each run uses a fresh temporary cache, so "first" is a cold build and
"second" is the next build of unchanged content.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from site_builder.content import load_bulletin  # noqa: E402
from site_builder.images import ImageSettings, prepare_images  # noqa: E402
from site_builder.images.catalog import references  # noqa: E402


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def phone_photo(seed: int) -> bytes:
    """A 4000×3000 JPEG with noise, like a phone's (and as hard to compress)."""
    rng = random.Random(seed)
    small = Image.effect_noise((500, 375), 60).convert("RGB")
    image = small.resize((4000, 3000), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(4000), rng.randrange(3000)
        draw.ellipse((x, y, x + 400, y + 300), fill=tuple(rng.randrange(256) for _ in range(3)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def copy_sample(photos: int, into: Path) -> Path:
    content = into / "content"
    shutil.copytree(ROOT / "content", content)
    if photos:
        body = "\n\n".join(f"![照片{i}](/images/photo-{i}.jpg)" for i in range(photos))
        for i in range(photos):
            (content / "images" / f"photo-{i}.jpg").write_bytes(phone_photo(i))
        (content / "stories/2022/bench-photos.md").write_text(
            f"---\ntitle: 照片测试\ndate: 2022-01-01\ncommunity: 房山区\n---\n\n{body}\n", "utf-8")
    return content


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=0, help="synthetic phone photos to add")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = copy_sample(args.photos, Path(tmp))
        bulletin = load_bulletin(content, today=dt.date(2026, 11, 21))
        cache = Path(tmp) / "cache"
        first = prepare_images(bulletin, ImageSettings(), cache)
        second = prepare_images(bulletin, ImageSettings(), cache)
        originals = sum(path.stat().st_size for path in references(bulletin))
        by_kind: dict[str, int] = defaultdict(int)
        for variant in first.variants():
            kind = "share" if variant.height == 630 and variant.width == 1200 else f"{variant.width}w"
            by_kind[f"{kind} {variant.mime.split('/')[1]}"] += variant.path.stat().st_size
        print(f"images used by published articles: {len(first.images)}")
        print(f"originals (never published):        {kb(originals)}")
        print(f"everything the site publishes:      {kb(first.bytes_published)} "
              f"in {len(list(first.variants()))} files")
        for kind in sorted(by_kind, key=lambda k: (k.split()[1], int(k.split('w')[0]) if k[0].isdigit() else 9e9)):
            print(f"  {kind:<14} {kb(by_kind[kind])}")
        print(f"first run:  {first.seconds:.2f} s ({first.processed} decoded, {first.written} files written)")
        print(f"second run: {second.seconds:.3f} s ({second.processed} decoded, {second.written} files written)")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"(bench total {time.perf_counter() - started:.1f} s)")
    sys.exit(code)
