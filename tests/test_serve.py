"""`bulletin serve`: the preview tells the editor what is wrong, in the browser.

The real command is started on a free port; pages are fetched over HTTP.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import STORY, TODAY

BAD_DATE = STORY.replace("date: 2022-07-15", "date: 2022-13-45")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, ok, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = _get(url)
        if text is not None and ok(text):
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed what was expected: {text!r:.300}")


@pytest.fixture
def serving(site):
    port = _free_port()
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    process = subprocess.Popen([sys.executable, "-m", "site_builder.cli", "serve", "-a", f"127.0.0.1:{port}"],
                               cwd=site.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield site, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_preview_pages_show_content_errors_at_the_top(serving):
    site, base = serving
    site.write({"stories/2022/biboyuan-weilan.md": BAD_DATE})
    page = _wait_for(base, lambda text: "bulletin-problems" in text)
    assert "稿件有 1 处错误" in page
    assert "content/stories/2022/biboyuan-weilan.md:3: 错误「date」" in page
    assert "改法：" in page
    # The same words on every page, the note's included.
    assert "content/stories/2022/biboyuan-weilan.md:3" in _wait_for(base + "minhu/", lambda text: True)
    # Mended and saved: the list goes away.
    site.write({"stories/2022/biboyuan-weilan.md": STORY})
    page = _wait_for(base, lambda text: "bulletin-problems" not in text and "巧设围栏便民出行" in text, 120)


def test_the_built_site_never_carries_the_list(built_sample: Path):
    assert not [p for p in built_sample.rglob("*.html") if "bulletin-problems" in p.read_text("utf-8")]
