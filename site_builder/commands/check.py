"""`bulletin check`: validate everything, report every problem at once."""

from __future__ import annotations

import click

from .site import open_site


def run(config_file: str | None, output_format: str) -> int:
    site = open_site(config_file)
    problems = site.load().problems
    click.echo(problems.format_json() if output_format == "json" else problems.format_text())
    return 1 if problems.errors else 0
