"""The progress bar: on an interactive terminal when there are many images, never in logs."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import imagefactory as make
from helpers import TODAY, run_bulletin

MANY = 24


def many_images(site) -> None:
    body = "\n\n".join(f"![图{i}](/images/p{i}.jpg)" for i in range(MANY))
    files = {f"images/p{i}.jpg": make.encoded(make.marked((700 + i, 500)), "JPEG") for i in range(MANY)}
    files["stories/2022/biboyuan-weilan.md"] = (
        f"---\ntitle: 很多图片\ndate: 2022-07-15\ncommunity: 碧波园社区\n---\n\n{body}\n")
    site.write(files)


def test_progress_bar_on_a_terminal(site):
    many_images(site)
    master, slave = pty.openpty()
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    env.pop("CI", None)
    process = subprocess.run([sys.executable, "-m", "site_builder.cli", "check"], cwd=site.root, env=env,
                             stdin=slave, stdout=slave, stderr=slave, timeout=300)
    os.close(slave)
    output = b""
    try:
        while chunk := os.read(master, 65536):
            output += chunk
    except OSError:
        pass  # the terminal is closed once everything was read
    os.close(master)
    assert process.returncode == 0, output.decode("utf-8", "replace")
    assert "正在处理图片".encode() in output and f"{MANY}/{MANY}".encode() in output


def test_no_progress_bar_in_logs(site):
    many_images(site)
    result = run_bulletin("check", cwd=site.root)
    assert result.returncode == 0
    assert "正在处理图片" not in result.stdout + result.stderr
