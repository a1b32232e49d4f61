"""民呼即应 notes: a resident's problem, how it was handled, the follow-up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..categories import Category
from ..fields import ChoiceField, Context, DateField, Field, ListField, CategoryField
from ..sections import headings
from .base import COMMON_FIELDS, Article, ArticleType

STATUSES = {"resolved": "已解决", "explained": "已解释", "in_progress": "办理中"}
SATISFACTION = {"satisfied": "满意", "partly": "基本满意", "dissatisfied": "不满意"}

PROBLEM, SOLUTION, PROGRESS, FOLLOW_UP = "问题", "解决", "进展", "回访"


@dataclass(kw_only=True, eq=False)
class MinhuNote(Article):
    TYPE = "minhu"
    LABEL = "民呼即应"

    category: Category
    received: dt.date
    status: str
    resolved: dt.date | None = None
    channel: str | None = None
    handled_by: list[str] = field(default_factory=list)
    location: str | None = None
    satisfaction: str | None = None

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @property
    def satisfaction_label(self) -> str | None:
        return SATISFACTION.get(self.satisfaction) if self.satisfaction else None

    @property
    def days_to_resolve(self) -> int | None:
        return (self.resolved - self.received).days if self.resolved else None


def _choices(table: dict[str, str]) -> dict[str, str]:
    return {**{k: k for k in table}, **{v: k for k, v in table.items()}}


FIELDS = COMMON_FIELDS | {
    "date": DateField("发布日期"),
    "category": CategoryField("分类", required=True),
    "received": DateField("收到诉求的日期", required=True),
    "status": ChoiceField("办理状态", required=True, example="resolved",
                          choices=_choices(STATUSES), labels=STATUSES),
    "resolved": DateField("办结日期"),
    "channel": Field("诉求渠道", example="12345热线"),
    "handled_by": ListField("承办单位", example="长阳镇城管执法队, 碧波园社区"),
    "location": Field("地点", example="碧波园小区南门"),
    "satisfaction": ChoiceField("满意度", example="满意",
                                choices=_choices(SATISFACTION), labels=SATISFACTION),
}


def rules(values: dict, doc, ctx: Context) -> None:
    meta = doc.meta
    status, received, resolved = values.get("status"), values.get("received"), values.get("resolved")
    if status in ("resolved", "explained") and "resolved" not in meta:
        ctx.error(meta.line_of("status"), "resolved", f"状态是“{STATUSES[status]}”，但没有写办结日期 resolved。",
                  "加一行 `resolved: 2022-08-18`（办结的日期）；还没办完的，把 status 改成 in_progress。")
    if status == "in_progress" and "resolved" in meta:
        ctx.error(meta.line_of("resolved"), "resolved", "状态是“办理中”，却写了办结日期 resolved。",
                  "已经办完的，把 status 改成 resolved 或 explained；还在办的，删掉 resolved 这一行。")
    if received and resolved and resolved < received:
        ctx.error(meta.line_of("resolved"), "resolved",
                  f"办结日期 {resolved} 早于收到诉求的日期 {received}。", "检查两个日期，办结不能早于收到。")
    if "date" not in values and received:
        values["date"] = resolved or received
    _check_sections(status, doc, ctx)


def _check_sections(status: str | None, doc, ctx: Context) -> None:
    titles = {s.title: s.line for s in headings(doc.body, doc.body_line)}
    second = PROGRESS if status == "in_progress" else SOLUTION
    line = doc.body_line
    if PROBLEM not in titles:
        ctx.error(line, "正文", "民呼即应缺少“## 问题”一节，说明居民反映了什么。",
                  "在正文开头加一行 `## 问题`，下面写居民反映的情况。")
    if second not in titles:
        wrong = SOLUTION if second == PROGRESS else PROGRESS
        if wrong in titles:
            hint = (f"状态是“{STATUSES.get(status, status)}”，这一节应该叫“## {second}”；"
                    f"把“## {wrong}”改成“## {second}”，或者改正 status。")
            ctx.error(titles[wrong], "正文", f"这一节的标题应该是“## {second}”，不是“## {wrong}”。", hint)
        else:
            what = "事情办到哪一步了" if second == PROGRESS else "问题是怎样解决的"
            ctx.error(line, "正文", f"民呼即应缺少“## {second}”一节，说明{what}。",
                      f"在“## 问题”那一节后面加一行 `## {second}`，下面写{what}。")
    elif PROBLEM in titles and titles[PROBLEM] > titles[second]:
        ctx.error(titles[second], "正文", f"“## {second}”写在了“## 问题”前面。",
                  f"先写“## 问题”，再写“## {second}”，最后是“## 回访”（可不写）。")


TYPE = ArticleType("minhu", "minhu", "民呼即应", MinhuNote, FIELDS, rules)
