"""Constants and helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 21)
ARTIFACTS = ROOT / "test-artifacts"  # screenshots, page images: kept after the run

COMMUNITIES = """\
- id: fangshan
  name: 房山区
  level: district
  city: 北京市
- id: changyang
  name: 长阳镇
  level: street
  parent: fangshan
- id: biboyuan
  name: 碧波园社区
  level: community
  parent: changyang
  aliases: [碧波园]
- id: biboyuan-xiaoqu
  name: 碧波园小区
  level: compound
  parent: biboyuan
- id: taixi
  name: 太西社区
  level: community
  parent: changyang
"""

CATEGORIES = """\
- {id: parking, name: 停车}
- {id: garbage, name: 垃圾分类}
"""

STORY = """\
---
title: 巧设围栏便民出行
date: 2022-07-15
community: 碧波园社区
reporters: [胡可]
---

小区门口装上了围栏。
"""

MINHU = """\
---
title: 小区门口不再乱停车
community: biboyuan
category: 停车
received: 2022-06-01
status: resolved
resolved: 2022-06-20
---

## 问题

门口常有车辆临时停放。

## 解决

设置了围栏。
"""

CASE = """\
---
title: 民情桌摆到楼门口
date: 2022-08-01
community: 太西社区
practice: 流动民情桌
metrics:
  - {label: 收集意见, value: 130, unit: 条, approx: 余}
---

做法介绍。
"""

MKDOCS_YML = """\
site_name: 测试社区报
docs_dir: content
theme:
  name: material
  language: zh
  font: false
plugins:
  - bulletin
markdown_extensions:
  - attr_list
  - toc
validation:
  links:
    absolute_links: relative_to_docs
"""


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")


def run_bulletin(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real `bulletin` command, as an editor runs it."""
    full_env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat(), **(env or {})}
    full_env.pop("BULLETIN_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "site_builder.cli", *args], cwd=cwd,
                          env=full_env, capture_output=True, text=True, timeout=300)


# The search bundle's file names carry a hash of all records, so every one of
# them changes when any article does (fragments excepted, named by rank);
# comparisons across different content leave them out.
PAGEFIND_UNSTABLE = re.compile(r"^pagefind/(?!fragment/)")


def snapshot(site: Path) -> dict[str, str]:
    """Every file of a built site with the hash of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def stable(files: dict[str, str]) -> dict[str, str]:
    """A snapshot without the search bundle's content-named index files."""
    return {name: digest for name, digest in files.items() if not PAGEFIND_UNSTABLE.match(name)}


def search_pages(site: Path) -> int:
    """How many pages the search index holds."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def run_in_terminal(command: list[str], cwd: Path, env: dict) -> tuple[int, str]:
    """Run a command on a pseudo-terminal, as an editor's shell would; (exit code, output)."""
    import pty

    master, slave = pty.openpty()
    process = subprocess.run(command, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave, timeout=300)
    os.close(slave)
    output = b""
    try:
        while chunk := os.read(master, 65536):
            output += chunk
    except OSError:
        pass  # the terminal is closed once everything was read
    os.close(master)
    return process.returncode, output.decode("utf-8", "replace")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """A built site served on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
