"""The progress bar: on an interactive terminal when there are many images, never in logs."""

from __future__ import annotations

import os
import sys

import imagefactory as make
from helpers import TODAY, run_bulletin, run_in_terminal

MANY = 24


def many_images(site) -> None:
    body = "\n\n".join(f"![图{i}](/images/p{i}.jpg)" for i in range(MANY))
    files = {f"images/p{i}.jpg": make.encoded(make.marked((700 + i, 500)), "JPEG") for i in range(MANY)}
    files["stories/2022/biboyuan-weilan.md"] = (
        f"---\ntitle: 很多图片\ndate: 2022-07-15\ncommunity: 碧波园社区\n---\n\n{body}\n")
    site.write(files)


def test_progress_bar_on_a_terminal(site):
    many_images(site)
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    env.pop("CI", None)
    code, output = run_in_terminal([sys.executable, "-m", "site_builder.cli", "check"], site.root, env)
    assert code == 0, output
    assert "正在处理图片" in output and f"{MANY}/{MANY}" in output


def test_no_progress_bar_in_logs(site):
    many_images(site)
    result = run_bulletin("check", cwd=site.root)
    assert result.returncode == 0
    assert "正在处理图片" not in result.stdout + result.stderr
