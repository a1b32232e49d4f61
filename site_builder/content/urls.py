"""Absolute addresses of the site's pages, for what leaves the site
(feeds, open data, share cards, QR codes on paper)."""

from __future__ import annotations


def absolute_url(site_url: str | None, path: str) -> str | None:
    """`path` (under the site root, e.g. "stories/2022/x/") on the public site;
    None when the site has no `site_url`."""
    return site_url.rstrip("/") + "/" + path.lstrip("/") if site_url else None
