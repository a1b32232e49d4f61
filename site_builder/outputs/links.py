"""Addresses in files that leave the site (feeds, open data).

With `site_url` set in mkdocs.yml every link is absolute. Without it, a link
is made relative to the file that holds it, which readers resolve against the
file's own address (RFC 3986), so the site still works under any path.
"""

from __future__ import annotations

import posixpath
import uuid
from dataclasses import dataclass

from ..site.urls import absolute_url


@dataclass(frozen=True)
class Linker:
    site_url: str | None
    site_name: str

    def href(self, target: str, from_file: str) -> str:
        """The address of `target` (a path under the site root, "stories/…/")
        as written inside the output file `from_file` ("feeds/all.xml")."""
        if self.site_url:
            return absolute_url(self.site_url, target)
        start = posixpath.dirname(from_file) or "."
        relative = posixpath.relpath(target or ".", start)
        return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative

    def absolute(self, target: str) -> str | None:
        return absolute_url(self.site_url, target)

    def ident(self, target: str) -> str:
        """A permanent, absolute id (Atom requires one): the URL when the site
        has one, else a name-based UUID of the site's name and the path."""
        return self.absolute(target) or uuid.uuid5(uuid.NAMESPACE_URL, f"{self.site_name}/{target}").urn
