"""民呼即应 statistics drawn at build time as static SVG (pygal), Chinese labels.

The charts are plain images: no script (pygal's tooltip script would be
fetched from another host), system Chinese fonts, sizes for a phone screen.
"""

from __future__ import annotations

import math
from pathlib import Path

import pygal
from lxml import etree
from pygal.style import Style

from ..site import urls
from ..content.stats import MinhuStats

SVG_NS = "http://www.w3.org/2000/svg"
CHARTS_DIR = urls.CHARTS.rstrip("/")
CHART_FILES = {kind: urls.chart(kind).rsplit("/", 1)[-1] for kind in ("category", "status", "month")}

FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
STATUS_COLOURS = {"resolved": "#2e7d32", "explained": "#1565c0", "in_progress": "#e65100"}

STYLE = Style(
    font_family=FONTS, background="#ffffff", plot_background="#ffffff",
    foreground="#333333", foreground_strong="#111111", foreground_subtle="#888888",
    colors=("#b71c1c", "#1565c0", "#2e7d32", "#e65100"),
    label_font_size=14, major_label_font_size=14, value_font_size=14,
    title_font_size=18, legend_font_size=14, tooltip_font_size=14,
)

# 400 user units wide: shown at about 1:1 on a 390 px phone, so the labels stay legible.
COMMON = dict(style=STYLE, js=[], width=400, margin=8, show_legend=False, print_values=True,
              truncate_label=-1, truncate_legend=-1, no_data_text="暂无数据")


def write_charts(stats: MinhuStats, site_dir: Path) -> dict[str, Path]:
    """Write every chart; returns their paths by name."""
    folder = site_dir / CHARTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    charts = {"category": by_category(stats), "status": by_status(stats), "month": by_month(stats)}
    written = {}
    for name, chart in charts.items():
        chart.uuid = name  # pygal's default is random: builds must be byte-identical
        path = folder / CHART_FILES[name]
        path.write_bytes(static_svg(chart))
        written[name] = path
    return written


def static_svg(chart: pygal.Graph) -> bytes:
    """The chart without pygal's configuration script: an image needs none,
    and a file with no script is safe to open on its own."""
    tree = chart.render_tree()
    # pygal builds un-namespaced elements under a default xmlns: match both spellings.
    for script in list(tree.iter("script", f"{{{SVG_NS}}}script")):
        script.getparent().remove(script)
    for comment in list(tree.iter(etree.Comment)):  # "Generated … on <today>"
        comment.getparent().remove(comment)
    return etree.tostring(tree, xml_declaration=True, encoding="utf-8")


def by_category(stats: MinhuStats) -> pygal.Graph:
    rows = stats.by_category[::-1]  # pygal draws the first row at the bottom: largest on top
    names = [category.name for category, _ in rows]
    chart = pygal.HorizontalBar(title="按分类", height=max(200, 70 + 34 * len(rows)), show_x_guides=False,
                                y_labels=count_axis([c for _, c in rows]), **COMMON)
    # pygal measures labels as Latin text; a Chinese character is a full em wide.
    chart.margin_left = 8 + STYLE.label_font_size * 0.6 * max((len(n) for n in names), default=0)
    chart.x_labels = names
    chart.add("件数", [count for _, count in rows])
    return chart


def by_status(stats: MinhuStats) -> pygal.Graph:
    rows = stats.status_rows
    chart = pygal.Bar(title="按办理状态", height=280, show_y_guides=False,
                      y_labels=count_axis([c for _, _, c in rows]), **COMMON)
    chart.x_labels = [label for _, label, _ in rows]
    chart.add("件数", [{"value": count, "color": STATUS_COLOURS[code]} for code, _, count in rows])
    return chart


def by_month(stats: MinhuStats) -> pygal.Graph:
    rows = stats.by_month
    chart = pygal.Bar(title="按受理月份", height=320, x_label_rotation=-45, show_y_guides=False,
                      y_labels=count_axis([c for _, c in rows]),
                      show_minor_x_labels=len(rows) <= 12, x_labels_major_count=12, **COMMON)
    chart.x_labels = [f"{month[:4]}年{int(month[5:])}月" for month, _ in rows]
    chart.add("件数", [count for _, count in rows])
    return chart


def count_axis(counts: list[int], ticks: int = 6) -> list[int]:
    """Whole-number ticks from 0: counts of notes have no fractions."""
    top = max(counts, default=0)
    step = max(1, math.ceil(top / ticks))
    return list(range(0, top + step, step))
