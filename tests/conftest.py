"""Shared fixtures: small bulletins in temporary folders, the built sample."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpers import serve, CASE, CATEGORIES, COMMUNITIES, MINHU, MKDOCS_YML, ROOT, STORY, TODAY, write


@pytest.fixture
def site(tmp_path: Path):
    """A valid little bulletin; tests add or replace files with `site.write`."""

    class Site:
        root = tmp_path
        content = tmp_path / "content"

        def write(self, files: dict[str, str | bytes]) -> None:
            write(self.content, files)

    write(tmp_path, {"mkdocs.yml": MKDOCS_YML})
    Site().write({
        "communities.yml": COMMUNITIES,
        "categories.yml": CATEGORIES,
        "stories/2022/biboyuan-weilan.md": STORY,
        "minhu/2022/biboyuan-tingche.md": MINHU,
        "cases/2022/taixi-minqingzhuo.md": CASE,
    })
    return Site()


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory) -> Path:
    """The sample bulletin built once by plain `mkdocs build` (the plugin is
    found through its entry point), shared by every test that reads the site."""
    out = tmp_path_factory.mktemp("sample-site")
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    env.pop("BULLETIN_DRAFTS", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(out)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def served_sample(built_sample: Path):
    """The built sample served on 127.0.0.1 (a free port); yields the base URL."""
    with serve(built_sample) as url:
        yield url
