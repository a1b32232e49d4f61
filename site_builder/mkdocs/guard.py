"""What makes a build safe to run on the live site: the adapter's side.

`BuildGuard` ties the reliability pieces to MkDocs' events: the build goes
to a staging folder under a lock and is swapped in only after the last
output is written (see atomic.py), and the clock is pinned to the content
(see dates.py). The plugin calls one method per event.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..content import Bulletin
from ..build.atomic import AtomicBuild, BuildLocked
from ..build.clock import PinnedClock


class BuildGuard:
    """One per plugin instance; each build goes start → completed/failed → finish."""

    def __init__(self) -> None:
        self.atomic: AtomicBuild | None = None
        self.config: MkDocsConfig | None = None
        self.clock = PinnedClock()

    def start(self, config: MkDocsConfig, bulletin: Bulletin, *, serving: bool) -> MkDocsConfig:
        """Redirect the build into a staging folder (not when previewing)."""
        if serving:
            return config  # `serve` builds into its own temporary folder
        self.clock.pin(bulletin)
        atomic = AtomicBuild(Path(config.site_dir))
        try:
            config.site_dir = str(atomic.begin())
        except BuildLocked as exc:
            raise PluginError(str(exc)) from None
        self.atomic, self.config = atomic, config
        return config

    def completed(self) -> None:
        """Every page and every output has been written."""
        if self.atomic:
            self.atomic.completed = True

    def failed(self) -> None:
        if self.atomic:
            self.atomic.failed = True

    def finish(self) -> None:
        """Publish a complete build or drop an incomplete one; unlock."""
        atomic, self.atomic = self.atomic, None
        self.clock.release()
        if atomic is None:
            return
        atomic.finish()
        if self.config is not None:
            self.config.site_dir = str(atomic.target)  # e.g. for gh-deploy, which reads it next
