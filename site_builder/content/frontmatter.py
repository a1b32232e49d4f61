"""Split a Markdown article into its YAML front matter and its body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problems
from .yamlsource import Mapping, Text, load_yaml, read_text

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass
class Document:
    """The parsed parts of one Markdown file."""

    meta: Mapping
    body: str
    body_line: int  # line of the file on which the body starts


def split(source: Text, problems: Problems) -> Document | None:
    """Parse the front matter; report and return None when it is unusable."""
    lines = source.text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.error(
            source.path, 1, None,
            "文章开头缺少 front matter（用两行 --- 围起来的标题、日期等信息）。",
            "在文件第一行写 ---，接着写 title: 、date: 等字段，再用一行 --- 结束。",
        )
        return None
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        problems.error(source.path, 1, None, "front matter 只有开头的 ---，没有结尾的 ---。",
                       "在最后一个字段下面加一行 ---，把信息区和正文分开。")
        return None
    errors_before = problems.error_count
    meta = load_yaml("\n".join(lines[1:end]), source.path, problems, first_line=2)
    if meta is None:
        if problems.error_count > errors_before:
            return None
        meta = Mapping.empty(2)  # nothing between the fences: the loader names what is missing
    if not isinstance(meta, Mapping):
        problems.error(source.path, 2, None, "front matter 应该是“字段: 值”的形式，这里不是。",
                       "每行写一个字段，例如 title: 标题。")
        return None
    return Document(meta=meta, body="\n".join(lines[end + 1:]), body_line=end + 2)


def read_document(path: Path, problems: Problems) -> Document | None:
    source = read_text(path, problems)
    return split(source, problems) if source else None
