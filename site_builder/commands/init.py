"""`bulletin init`: a new bulletin in its own folder, ready to build."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path
import shutil

from .site import UserError


def run(target: Path) -> Path:
    if (target / "mkdocs.yml").exists() or (target / "content").exists():
        raise UserError(f"{target} 里已经有社区报（mkdocs.yml 或 content/），没有改动任何文件。")
    with as_file(files("site_builder.scaffold").joinpath("site")) as source:
        shutil.copytree(source, target, dirs_exist_ok=True)
    gitignore = target / "gitignore"
    if gitignore.exists():  # package data cannot carry dot-files reliably
        gitignore.rename(target / ".gitignore")
    return target
