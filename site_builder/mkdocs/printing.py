"""The print export seen from MkDocs: options from mkdocs.yml, PDFs in a build.

`bulletin build --with-pdf` (or `print_pdf: true` in the plugin's options)
writes every edition's PDF next to its web page, `editions/<id>.pdf`, and the
edition pages link it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from ..content import Bulletin
from ..content.editions import Edition
from ..site import urls
from ..print import PrintOptions, PrintResult, paper_size, print_edition
from .config import BulletinConfig
from .images import image_cache_dir

log = get_plugin_logger("社区报")


def print_options(config: MkDocsConfig, options: BulletinConfig, size: str | None = None) -> PrintOptions:
    """What the print package needs from mkdocs.yml; `size` overrides `print_size`."""
    custom = config.theme.custom_dir
    return PrintOptions(
        cache_dir=image_cache_dir(options, config),
        site_url=config.site_url or None,
        size=paper_size(size or options.print_size),
        markdown_extensions=list(config.markdown_extensions),
        markdown_configs=dict(config.mdx_configs),
        theme_dirs=(Path(custom),) if custom else (),
    )


def pdf_path(site_dir: Path, edition: Edition) -> Path:
    """Where an edition's PDF is published: next to its web page."""
    return site_dir / urls.edition_pdf(edition.id)


def write_pdfs(bulletin: Bulletin, config: MkDocsConfig, options: BulletinConfig) -> list[PrintResult]:
    """Every edition's PDF into the site being built; problems become warnings."""
    settings = print_options(config, options)
    results = []
    for edition in bulletin.editions:
        result = print_edition(bulletin, edition, pdf_path(Path(config.site_dir), edition), settings)
        for message in result.messages():
            log.warning(f"{edition.path.name}：{message}")
        results.append(result)
    return results
