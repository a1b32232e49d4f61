"""Where the build keeps its caches: `.cache/` beside mkdocs.yml.

Images, converted pages and search bundles are cached by content hash, so a
rebuild redoes only what changed; all three live under one root.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .. import system


def site_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml."""
    return Path(config.config_file_path or ".").resolve().parent


def cache_dir(config: MkDocsConfig, name: str, setting: str | None = None) -> Path:
    """`.cache/<name>/` beside mkdocs.yml, or `setting` relative to it."""
    return system.cache_dir(site_root(config), name, setting)
