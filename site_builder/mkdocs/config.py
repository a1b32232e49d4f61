"""The `bulletin` plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class BulletinConfig(base.Config):
    # Name of the publication: the masthead, and an edition's default `publication`.
    publication = c.Type(str, default="社区报")
    # Show drafts and embargoed articles, marked as such (`bulletin serve --drafts`).
    # The environment variable BULLETIN_DRAFTS=1 sets it too.
    drafts = c.Type(bool, default=False)
    # The day that decides embargoes, YYYY-MM-DD; by default today in Beijing.
    # The environment variable BULLETIN_TODAY sets it too (reproducible builds, tests).
    today = c.Optional(c.Type(str))
    # How many articles each list on the home page shows.
    home_latest = c.Type(int, default=8)
    # How many articles each list page shows before it continues on "page/2/".
    archive_per_page = c.Type(int, default=20)
