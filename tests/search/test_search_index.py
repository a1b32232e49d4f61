"""A real build writes a Pagefind bundle that holds published text only."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from helpers import STORY, TODAY, run_bulletin
from site_builder.search.tokens import index_text

PUBLISHED_MARKER, DRAFT_MARKER, LATER_MARKER = "公开检索标记", "草稿检索标记", "未来检索标记"


def _story(marker: str, extra: str = "") -> str:
    return STORY.replace("小区门口装上了围栏。", f"小区门口装上了围栏。{marker}").replace(
        "reporters:", f"{extra}reporters:")


def _index_text(site_dir: Path) -> str:
    """Every file of the bundle, decompressed where Pagefind compressed it."""
    texts = []
    for path in (site_dir / "pagefind").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            texts.append((gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
                         .decode("utf-8", "replace"))
    return "\n".join(texts)


def test_build_indexes_published_articles_only(site):
    later = TODAY + dt.timedelta(days=5)
    site.write({
        "stories/2022/biboyuan-weilan.md": _story(PUBLISHED_MARKER),
        "stories/2022/caogao.md": _story(DRAFT_MARKER, "draft: true\n"),
        "stories/2022/weilai.md": _story(LATER_MARKER).replace("date: 2022-07-15", f"date: {later}"),
    })
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    text = _index_text(site.root / "site")
    assert index_text(PUBLISHED_MARKER) in text  # the check below can fail
    for marker in (DRAFT_MARKER, LATER_MARKER):
        assert marker not in text and index_text(marker) not in text
    assert not (site.root / "site" / "pagefind" / "pagefind-ui.js").exists()
    assert (site.root / "site" / "search" / "index.html").is_file()


def test_preview_build_indexes_no_draft_either(site):
    site.write({"stories/2022/caogao.md": _story(DRAFT_MARKER, "draft: true\n")})
    result = run_bulletin("build", cwd=site.root, env={"BULLETIN_DRAFTS": "1"})
    assert result.returncode == 0, result.stderr
    assert (site.root / "site" / "stories" / "2022" / "caogao" / "index.html").is_file()
    assert index_text(DRAFT_MARKER) not in _index_text(site.root / "site")
