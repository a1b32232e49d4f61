"""Markup that would run code or embed another site, in text an editor types.

A body may hold harmless HTML, and its tags are checked one by one
(rawhtml.py). Front-matter and registry fields are plain text: the site
shows `<`, `>`, `&` and quotes exactly as typed (`A&B社区`, `“<”号`), so an
`<img onerror=…>` there could never run. It is still refused, with the field's
line, because it is certainly a paste gone wrong (a snippet copied from a web
page or a WeChat article), and the same text would run wherever a careless
tool shows it as HTML.
"""

from __future__ import annotations

import re

FORBIDDEN_TAGS = {
    "script": "脚本",
    "iframe": "嵌入其他网页的框架",
    "frame": "嵌入其他网页的框架",
    "frameset": "嵌入其他网页的框架",
    "object": "嵌入的插件",
    "embed": "嵌入的插件",
    "applet": "嵌入的插件",
    "base": "改变全部链接去向的 base 标签",
    "meta": "meta 标签",
    "link": "加载外部文件的 link 标签",
}

_TAG = re.compile(r"<\s*(%s)\b" % "|".join(FORBIDDEN_TAGS), re.I)
_HANDLER = re.compile(r"<\s*[a-z][^<>]*?[\s\"'/](on[a-z]+)\s*=", re.I)
_SCRIPT_URL = re.compile(r"\b(?:java|vb)script\s*:", re.I)


def unsafe_markup(text: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when `text` carries code-running markup; else None."""
    if "<" not in text and ":" not in text and "：" not in text:
        return None  # the common case: nothing that could start markup or a script link
    if match := _TAG.search(text):
        tag = match[1].lower()
        return (f"这里有 <{tag}>（{FORBIDDEN_TAGS[tag]}），这是网页代码，不能写进字段。",
                f"删掉 <{tag}> 这段代码，字段里只写文字。")
    if match := _HANDLER.search(text):
        return (f"这里有带 {match[1].lower()}= 属性的网页标签，它会在读者的浏览器里运行代码。",
                "删掉这段网页代码，字段里只写文字。")
    if _SCRIPT_URL.search(text):
        return ("这里有 javascript: 这样的脚本地址，它会在读者的浏览器里运行代码。",
                "删掉这段脚本地址，字段里只写文字；网址请写 https:// 开头的普通地址。")
    return None
