"""The 公众号 export: any article as a fragment to paste into the WeChat editor.

- `export_article(bulletin, article, catalog, options, folder)` writes
  article.html (one fragment, every style inline), images/ (the pipeline's
  JPEGs, numbered in reading order), preview.html (the fragment in a 375 px
  phone frame) and report.txt, and returns a `WechatReport`.
- `Fragments(options).render(bulletin, article, images)`: the fragment alone,
  for `bulletin serve`'s 复制到公众号 button.

Made from the core's models and the theme's templates (themes/bulletin/wechat/);
knows nothing of MkDocs: the command and the plugin gather `WechatOptions`.
"""

from __future__ import annotations

from .export import export_article
from .fragment import Fragments, WechatImage, WechatOptions, article_images
from .report import WechatReport

__all__ = ["Fragments", "WechatImage", "WechatOptions", "WechatReport", "article_images", "export_article"]
