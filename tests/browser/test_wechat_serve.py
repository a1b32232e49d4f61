"""复制到公众号: a button of `bulletin serve`'s article pages that copies the
same fragment as `bulletin wechat`, as rich text; never part of a built site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from browser.article_examples import EXAMPLES
from helpers import ARTIFACTS, ROOT, TODAY, run_bulletin

# The copy event's rich text, read where it ends (on window, after the page's own handler).
CATCH_COPY = """() => { window.copiedHtml = null;
  window.addEventListener('copy', e => { window.copiedHtml = e.clipboardData.getData('text/html'); }); }"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def preview_server():
    """`bulletin serve` on the sample, on a free port; yields its address."""
    port = free_port()
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    env.pop("BULLETIN_DRAFTS", None)
    server = subprocess.Popen([sys.executable, "-m", "site_builder.cli", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                with urllib.request.urlopen(base + EXAMPLES["minhu"], timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline, "bulletin serve did not start"
            time.sleep(1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("kind", ["news", "case", "minhu"])
def test_the_button_copies_the_same_fragment_as_the_command(page, preview_server, tmp_path, kind):
    exported = run_bulletin("wechat", EXAMPLES[kind].strip("/"), "-o", str(tmp_path), cwd=ROOT)
    assert exported.returncode == 0, exported.stderr
    page.goto(preview_server + EXAMPLES[kind])
    button = page.get_by_role("button", name="复制到公众号")
    button.wait_for(state="visible")  # shown once the fragment has arrived
    page.evaluate(CATCH_COPY)
    button.click()
    page.get_by_role("status").filter(has_text="已复制").wait_for()
    copied = page.evaluate("window.copiedHtml")
    assert copied == (tmp_path / "article.html").read_text("utf-8")
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44  # a tap target, like the site's other buttons
    if kind == "minhu":
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "wechat-serve-button.png"))


def test_the_built_site_has_no_button_and_no_fragments(built_sample: Path):
    pages = list(built_sample.glob("*/*/*/index.html"))
    assert len(pages) >= 20
    for page in pages:
        assert "bulletin-wechat" not in page.read_text("utf-8"), page
    assert not list(built_sample.rglob("*.wechat.*"))
    for name in ("assets/bulletin/wechat-copy.js", "assets/bulletin/wechat-button.css", "wechat/wechat.css"):
        assert not (built_sample / name).exists(), name
