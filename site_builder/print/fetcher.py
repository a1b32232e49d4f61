"""What WeasyPrint may read while setting an edition: local files only.

The bulletin fetches nothing from elsewhere; raw HTML in an article must not
make the print run download anything, nor read files outside the site.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher


class LocalFetcher(URLFetcher):
    """Reads `data:` URIs and files under the given folders; refuses the rest."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self._roots = [root.resolve() for root in roots]

    def fetch(self, url: str, headers=None):
        if url.startswith("file:"):
            path = Path(url2pathname(unquote(urlparse(url).path))).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"refused: {url}")
        return super().fetch(url, headers)
