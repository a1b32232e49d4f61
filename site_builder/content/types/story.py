"""报道: news, photo stories (图说) and commentaries (评论)."""

from __future__ import annotations

from dataclasses import dataclass

from ..fields import ChoiceField, Context, Field
from .base import COMMON_FIELDS, Article, ArticleType

KINDS = {"news": "报道", "photo": "图说", "commentary": "评论"}


@dataclass(kw_only=True, eq=False)
class Story(Article):
    TYPE = "story"
    LABEL = "报道"

    kicker: str | None = None    # 引题
    subtitle: str | None = None  # 副题
    kind: str = "news"

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


FIELDS = COMMON_FIELDS | {
    "kicker": Field("引题", example="建立长效机制 解决“关键小事”"),
    "subtitle": Field("副题"),
    "kind": ChoiceField("稿件类型", example="news",
                        choices={**{k: k for k in KINDS}, **{v: k for k, v in KINDS.items()}, "消息": "news"},
                        labels=KINDS),
}


def rules(values: dict, doc, ctx: Context) -> None:
    if values.get("kind") == "photo" and "cover" not in doc.meta:
        ctx.error(doc.meta.line_of("kind"), "cover", "图说（kind: photo）必须有一张封面图 cover。",
                  "加上：\n      cover:\n        src: /images/照片.jpg\n        caption: 图片说明\n        credit: 某某 摄")


TYPE = ArticleType("story", "stories", "报道", Story, FIELDS, rules)
