"""Nothing unpublished leaks: a marker planted in a draft and in embargoed
articles is absent from every byte of the whole built site.

The sweep covers every file under the output, whatever outputs exist now or
are added later (search index, feeds, open data, PDFs): raw bytes, gzip'd
files unpacked, PDFs through pdftotext, and the marker as JSON, HTML entities
and URL escapes would spell it. File names and images are swept too.
"""

from __future__ import annotations

import gzip
import html
import json
import shutil
import subprocess
import zlib
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers import ROOT, TODAY, run_bulletin, write

MARKER = "泄露标记甲乙丙"
ASCII_MARKER = "leakmarkerqx7z"


def spellings(text: str) -> set[bytes]:
    """The ways an output format may write the text."""
    forms = {
        text,
        json.dumps(text)[1:-1],                          # \u6cc4…
        "".join(f"&#{ord(c)};" for c in text),
        "".join(f"&#x{ord(c):x};" for c in text),
        quote(text),
        quote(text).lower(),
    }
    encoded = {f.encode("utf-8") for f in forms}
    encoded.add(text.encode("utf-16-be"))
    encoded.add(text.encode("gb18030"))
    return encoded


NEEDLES = spellings(MARKER) | spellings(ASCII_MARKER)


def unpacked(path: Path, data: bytes) -> list[bytes]:
    """The bytes of a file and what it holds once unpacked or extracted."""
    layers = [data]
    if data[:2] == b"\x1f\x8b":
        try:
            layers.append(gzip.decompress(data))
        except (OSError, EOFError, zlib.error):
            pass
    if data[:5] == b"%PDF-":
        text = subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, timeout=120).stdout
        layers.append(text)
    return layers


def leaks(site: Path, needles: set[bytes]) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        if any(n.decode("utf-8", "ignore") in path.name.lower() for n in needles):
            found.append(f"{path.relative_to(site)} (file name)")
        if path.is_file() and not path.is_symlink():
            for layer in unpacked(path, path.read_bytes()):
                if any(needle in layer for needle in needles):
                    found.append(str(path.relative_to(site)))
                    break
    return found


DRAFT = f"""\
---
title: 草稿{MARKER}
date: 2022-08-20
community: 碧波园社区
tags: [{MARKER}标签]
draft: true
cover: {{src: {ASCII_MARKER}.jpg, caption: 封面{MARKER}}}
---

正文{MARKER}。

![图{MARKER}]({ASCII_MARKER}.jpg "{MARKER} 摄")
"""

EMBARGOED_STORY = f"""\
---
title: 未到发布日期{MARKER}
date: {TODAY.replace(day=TODAY.day + 1).isoformat()}
community: 碧波园社区
tags: [垃圾分类]
summary: 导语{MARKER}
---

正文{MARKER}。
"""

EMBARGOED_NOTE = f"""\
---
title: 民呼即应{MARKER}
community: 碧波园社区
category: 停车
received: 2026-11-01
status: resolved
resolved: 2026-11-10
date: 2027-01-01
location: 地点{MARKER}
---

## 问题

问题{MARKER}。

## 解决

解决{MARKER}。
"""


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, bytes]:
    """The sample bulletin plus a draft and two embargoed articles, built."""
    root = tmp_path_factory.mktemp("leaks")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    image = (ROOT / "content" / "images" / "biboyuan-fence-before.jpg").read_bytes() + ASCII_MARKER.encode()
    write(root / "content", {
        f"stories/2022/{ASCII_MARKER}-draft.md": DRAFT,
        f"stories/2022/{ASCII_MARKER}.jpg": image,
        f"stories/2026/{ASCII_MARKER}-embargo.md": EMBARGOED_STORY,
        f"minhu/2026/{ASCII_MARKER}-note.md": EMBARGOED_NOTE,
    })
    edition = root / "content" / "editions" / "fengtai-2022-08-18.yml"
    edition.write_text(edition.read_text("utf-8").replace(
        "    articles:\n", f"    articles:\n      - stories/2022/{ASCII_MARKER}-draft\n", 1), "utf-8")
    result = run_bulletin("build", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site", image


def test_plants_are_really_there(planted):
    """The sweep can fail: the marker is in the sources, and the sweep finds
    it in a copy of a planted source put into a scratch tree."""
    site, _ = planted
    sources = site.parent / "content"
    assert leaks(sources, NEEDLES)
    scratch = site.parent / "scratch"
    scratch.mkdir(exist_ok=True)
    (scratch / "page.html").write_text(html.escape(f"<p>{MARKER}</p>"), "utf-8")
    (scratch / "data.json.gz").write_bytes(gzip.compress(json.dumps({"t": MARKER}).encode()))
    assert leaks(scratch, NEEDLES) == ["data.json.gz", "page.html"]


def test_no_byte_of_the_site_mentions_unpublished_articles(planted):
    site, _ = planted
    assert (site / "index.html").is_file() and (site / "sitemap.xml").is_file()
    assert leaks(site, NEEDLES) == []


def test_the_draft_image_is_not_published(planted):
    site, image = planted
    assert not [p for p in site.rglob("*") if p.is_file() and p.read_bytes() == image]


def test_published_articles_are_still_there(planted):
    site, _ = planted
    assert (site / "stories/2022/biboyuan-weilan-bianmin/index.html").is_file()
    # its pictures are published as the image pipeline's variants, never the original
    assert list(site.glob("images/biboyuan-fence-before-*.webp"))
    assert not (site / "images/biboyuan-fence-before.jpg").exists()
