"""Write one article's 公众号 folder: article.html, images/, preview.html, report.txt.

    report = export_article(bulletin, article, catalog, options, Path("wechat/x"))
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from markupsafe import Markup

from ..content import Bulletin
from ..content.types import Article
from ..images import ImageCatalog
from .fragment import FOLDER, Fragments, WechatImage, WechatOptions, article_images
from .report import WechatReport, measure

ARTICLE = "article.html"
PREVIEW = "preview.html"
REPORT = "report.txt"
_NUMBERED = re.compile(r"^\d{2,}\.jpg$")


def export_article(bulletin: Bulletin, article: Article, catalog: ImageCatalog,
                   options: WechatOptions, target: Path) -> WechatReport:
    """Write the folder `target` for `article`; the report says what to check."""
    fragments = Fragments(options)
    images = article_images(article, catalog, options.site_url)
    fragment = fragments.render(bulletin, article, images)
    # The preview shows the copies in images/: it works offline and before the site is published.
    local = fragments.render(bulletin, article, article_images(article, catalog, None))
    preview = fragments.env.get_template("wechat/preview.html").render(article=article, fragment=Markup(local))
    report = measure(article, fragment, list(images.values()), options.site_url)
    target.mkdir(parents=True, exist_ok=True)
    _copy_images(list(images.values()), target / FOLDER)
    _write(target / ARTICLE, fragment)
    _write(target / PREVIEW, preview)
    _write(target / REPORT, "\n".join([article.title, *report.lines()]) + "\n")
    return report


def _copy_images(images: list[WechatImage], folder: Path) -> None:
    """images/01.jpg, 02.jpg…; numbered files of an earlier export go first."""
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        if _NUMBERED.match(old.name):
            old.unlink()
    for image in images:
        shutil.copyfile(image.file, folder / image.name)


def _write(path: Path, text: str) -> None:
    """Whole or not at all: an editor never pastes half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)  # mkstemp's files are private; these are to share
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
