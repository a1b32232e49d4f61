"""What an editor must fix before a PDF goes to the printer, in Chinese."""

from __future__ import annotations

from .options import PrintResult


def report(result: PrintResult) -> list[str]:
    """The editor's to-do list for one PDF, in Chinese."""
    messages = list(dict.fromkeys(result.warnings))
    messages += [overflow.message for overflow in result.overflows]
    if result.missing_glyphs:
        sample = "、".join(dict.fromkeys(result.missing_glyphs))[:60]
        messages.append(f"有字在字体里找不到，印出来会是空框：{sample}。请换成常用字，或告诉技术人员安装能显示它的字体。")
    return messages
