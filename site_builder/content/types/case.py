"""案例: a community's named practice and its results in figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..fields import ChoiceField, Context, Field, MappingField, MappingListField
from .base import COMMON_FIELDS, Article, ArticleType

# 余/多 follow the number (130余条, 3500多户); 近/超过 precede it (近1万平方米).
APPROX_AFTER = {"余", "多"}
APPROX_BEFORE = {"近", "超过"}


@dataclass(frozen=True)
class Metric:
    label: str
    value: int | float
    unit: str = ""
    approx: str | None = None

    @property
    def number(self) -> str:
        return f"{self.value:g}" if isinstance(self.value, float) else str(self.value)

    @property
    def prefix(self) -> str:
        return self.approx if self.approx in APPROX_BEFORE else ""

    @property
    def suffix(self) -> str:
        return self.approx if self.approx in APPROX_AFTER else ""

    @property
    def text(self) -> str:
        """The figure as a newspaper writes it: 130余条, 近1万平方米."""
        return f"{self.prefix}{self.number}{self.suffix}{self.unit}"


class _NumberField(Field):
    def parse(self, value: Any, ctx: Context, name: str, line: int) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        return ctx.error(line, name, f"数值应该是阿拉伯数字，这里是“{value}”。",
                         "只写数字，例如 `value: 130`；“余”“多”写在 approx 里，单位写在 unit 里。")


METRIC = MappingField(
    "成效数字",
    fields={
        "label": Field("说明", required=True, example="收集居民意见"),
        "value": _NumberField("数值", required=True, example="130"),
        "unit": Field("单位", example="条"),
        "approx": ChoiceField("约数", example="余",
                              choices={"余": "余", "多": "多", "近": "近", "超过": "超过", True: "余"},
                              labels={"余": "130余条", "多": "3500多户", "近": "近1万", "超过": "超过100", "true": "同“余”"}),
    },
    build=Metric,
)


@dataclass(kw_only=True, eq=False)
class Case(Article):
    TYPE = "case"
    LABEL = "案例"

    practice: str = ""
    period: str | None = None
    metrics: list[Metric] = field(default_factory=list)


FIELDS = COMMON_FIELDS | {
    "practice": Field("经验做法名称", required=True, example="流动民情桌"),
    "period": Field("时间范围", example="2025年以来"),
    "metrics": MappingListField("成效数字", item=METRIC),
}

TYPE = ArticleType("case", "cases", "案例", Case, FIELDS)
