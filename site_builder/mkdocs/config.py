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
    # Images (site_builder.images): responsive widths in pixels, encoder quality,
    # the largest photo accepted, worker processes (default: one per core), the
    # cache folder (relative to mkdocs.yml), and the print check of `bulletin
    # check`: a warning when a picture printed this wide falls below this dpi.
    images_widths = c.ListOfItems(c.Type(int), default=[480, 960, 1600])
    images_quality = c.Type(int, default=80)
    images_max_pixels = c.Type(int, default=100_000_000)
    images_workers = c.Optional(c.Type(int))
    images_cache_dir = c.Type(str, default=".cache/images")
    images_print_dpi = c.Type(int, default=200)
    images_print_width_mm = c.Type((int, float), default=80)
    # How many articles each list page shows before it continues on "page/2/".
    archive_per_page = c.Type(int, default=20)
    # Print (site_builder.print): write every edition's PDF during the build
    # (`bulletin build --with-pdf` sets it too), and the paper size, A3 or A4.
    print_pdf = c.Type(bool, default=False)
    print_size = c.Choice(("A3", "A4"), default="A3")
    # The 数字报 reader (site_builder.print.reader): typeset every edition during
    # the build and show each 版 as a picture with its articles to click. Cached
    # in .cache/reader/; without it an edition page lists its headlines.
    edition_reader = c.Type(bool, default=False)
    # The footer: who publishes the bulletin (主办), how to reach it, and its
    # ICP 备案号 and 公安备案号 (shown only when set; the ICP number links to
    # https://beian.miit.gov.cn/).
    publisher = c.Optional(c.Type(str))
    contact = c.Optional(c.Type(str))
    icp = c.Optional(c.Type(str))
    police_record = c.Optional(c.Type(str))
