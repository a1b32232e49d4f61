"""Read YAML written by editors, keeping the line of every key and item.

Editors type YAML on Chinese keyboards. Before PyYAML sees a file we look for
the typical slips (a full-width colon after a key, full-width spaces or tabs
used as indentation, a GBK-encoded file) and explain each in plain Chinese,
because PyYAML's own messages would only confuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems


class Mapping(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    @classmethod
    def empty(cls, line: int) -> "Mapping":
        """A mapping without keys, placed at `line`."""
        mapping = cls()
        mapping.line, mapping.key_lines = line, {}
        return mapping


class Sequence(list):
    """A YAML sequence that remembers the line of itself and of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


@dataclass
class Text:
    """A decoded text file: BOM removed, line ends normalised."""

    path: Path
    text: str


_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"


@dataclass(frozen=True)
class _Slip:
    """A typing slip of a Chinese keyboard: how to spot it, what to say."""

    pattern: re.Pattern
    message: str
    hint: str  # may name the {key}


# Checked in this order, one report per line.
_SLIPS = (
    _Slip(re.compile(rf"^\s*(?:-\s+)?({_KEY})\s*："),
          "字段名后面用了中文全角冒号“：”，系统认不出这个字段。",
          "把“：”改成英文半角冒号加一个空格，写成 `{key}: 内容`。值里面的全角冒号不受影响。"),
    _Slip(re.compile(rf"^\s*(?:-\s+)?({_KEY}):\u3000"),
          "字段名的冒号后面用了中文全角空格，系统认不出这个字段。",
          "把冒号后的全角空格换成一个半角空格，写成 `{key}: 内容`。切换到英文输入法再打空格。"),
    _Slip(re.compile(r"^[ \t]*\u3000"),
          "这一行开头用了中文全角空格缩进，YAML 只认英文半角空格。",
          "删掉行首的全角空格，改用半角空格（两个空格一级）。切换到英文输入法再打空格。"),
    _Slip(re.compile(r"^ *\t"),
          "这一行开头用了 Tab 键缩进，YAML 不允许用 Tab 缩进。",
          "把行首的 Tab 换成半角空格（两个空格一级）。"),
    _Slip(re.compile(r"^\s*[－—–]\s"),
          "列表项开头用了中文破折号或全角减号，YAML 只认英文半角减号“-”。",
          "把行首的符号改成半角“- ”（减号后加一个空格）。"),
    _Slip(re.compile(rf"^\s*(?:-\s+)?({_KEY}):(?![\s/]|$)"),
          "字段名后的冒号后面缺少空格，系统会把整行当成一段文字。",
          "在冒号后面加一个半角空格，写成 `{key}: 内容`。"),
)


def read_text(path: Path, problems: Problems) -> Text | None:
    """Decode a file as UTF-8, explaining GBK and other encodings."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.error(path, None, None, f"无法读取这个文件（{exc.strerror}）。",
                       "检查文件是否存在、是否有读取权限。")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if _looks_like_gbk(raw):
            problems.error(
                path, line, None,
                "文件是 GBK（或 GB2312）编码保存的，本系统只认 UTF-8 编码。",
                "用编辑器“另存为”，编码选择 UTF-8（WPS、记事本、VS Code 都有这个选项），再保存。",
            )
        else:
            problems.error(path, line, None, "文件里有无法识别的字节，不是 UTF-8 文本。",
                           "确认这是一个文本文件，并以 UTF-8 编码重新保存。")
        return None
    if "\x00" in text:
        problems.error(path, text[: text.index("\x00")].count("\n") + 1, None,
                       "文件里有空字符（\\0），像是二进制文件。", "确认这是 Markdown 或 YAML 文本文件。")
        return None
    return Text(path, text.replace("\r\n", "\n").replace("\r", "\n"))


def _looks_like_gbk(raw: bytes) -> bool:
    try:
        decoded = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return re.search(r"[\u4e00-\u9fff]", decoded) is not None


# Any line that shows a slip above also matches this, written for the whole
# text at once (\s may not cross a line end here); most files match nowhere.
_ANY_SLIP = re.compile("|".join(
    "(?:" + slip.pattern.pattern.replace(r"\s*", r"[^\S\n]*").replace(r"\s+", r"[^\S\n]+")
    .replace(r"[－—–]\s", r"[－—–][^\S\n]") + ")" for slip in _SLIPS), re.M)


def keyboard_slips(text: str, path: Path, problems: Problems, first_line: int = 1) -> bool:
    """Report the slips of a Chinese keyboard; True when any was found."""
    if not _ANY_SLIP.search(text):
        return False
    found = False
    for offset, line in enumerate(text.split("\n")):
        if line.lstrip().startswith("#"):
            continue
        for slip in _SLIPS:
            if match := slip.pattern.match(line):
                key = match.group(1) if match.groups() else None
                problems.error(path, first_line + offset, key, slip.message, slip.hint.format(key=key))
                found = True
                break
    return found


def load_yaml(text: str, path: Path, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML into Mapping/Sequence values with line numbers.

    Returns None (after reporting) when the text cannot be parsed.
    """
    if keyboard_slips(text, path, problems, first_line):
        return None
    if (line := _too_deep(text)) is not None:
        problems.error(path, first_line + line, None, "括号或缩进嵌套的层次太多，系统读不下去。",
                       "检查是否有没配对的 [ 或 {，或者把内容改成简单的“字段: 值”。")
        return None
    try:
        loader = _LineLoader(text)
    except yaml.reader.ReaderError as exc:  # PyYAML checks every character first
        line = first_line + text[: exc.position].count("\n")
        problems.error(path, line, None, f"这里有一个看不见的控制字符（编码 U+{exc.character:04X}），YAML 不允许。",
                       "删掉这个字符（它常常随着从网页、微信或 Word 复制的文字一起进来），再保存。")
        return None
    loader.first_line = first_line
    loader.duplicates = []
    try:
        data = _construct(loader, text)
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is noticed at the end of the file; point at its start.
        opened = "quoted scalar" in (exc.context or "")
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problems.error(path, line, None, *_explain(exc))
        return None
    except yaml.YAMLError as exc:
        problems.error(path, first_line, None, f"YAML 格式有误：{exc}", "检查缩进、冒号和引号。")
        return None
    except RecursionError:
        problems.error(path, first_line, None, "括号或缩进嵌套的层次太多，系统读不下去。",
                       "检查是否有没配对的 [ 或 {，或者把内容改成简单的“字段: 值”。")
        return None
    except (ValueError, TypeError, OverflowError):
        problems.error(path, first_line, None, "有一个值无法理解，常见的是不存在的日期（例如 2 月 30 日）或过大的数字。",
                       "检查日期和数字写法，日期写成 2022-08-18 这样真实存在的日子。")
        return None
    finally:
        loader.dispose()
    for key, line in loader.duplicates:
        problems.error(path, line, str(key), "这个字段写了两次，后一次会覆盖前一次。",
                       "删掉多余的一行，只保留一个。")
    return data


MAX_DEPTH = 64  # real front matter nests three levels; libyaml's C stack does not survive thousands


def _too_deep(text: str) -> int | None:
    """The 0-based line where nesting gets absurd, found without parsing."""
    if text.count("[") + text.count("{") > MAX_DEPTH:
        brackets = re.sub(r"[^\[\]{}\n]", "", text)
        depth = 0
        for line, row in enumerate(brackets.split("\n")):
            for char in row:
                depth = depth + 1 if char in "[{" else max(0, depth - 1)
                if depth > MAX_DEPTH:
                    return line
    if deep := _DEEP_INDENT.search(text):
        return text.count("\n", 0, deep.start())
    return None


_DEEP_INDENT = re.compile(rf"^ {{{2 * MAX_DEPTH + 1},}}", re.M)


def _explain(exc: yaml.MarkedYAMLError) -> tuple[str, str]:
    """Translate PyYAML's problem into words an editor understands."""
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        return ("这一行出现了多余的“冒号加空格”，YAML 把它当成了新的字段。",
                "如果值里本来就有英文冒号，请给整个值加上英文引号，例如 title: \"内容: 说明\"。")
    if "could not find expected ':'" in problem:
        return ("找不到字段名后的冒号。", "每个字段都要写成 `字段名: 值`，检查这一行或上一行。")
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return ("缩进没有对齐，或者上一行的列表、字段没有写完整。",
                "同一级的字段左边要对齐，子项比上一级多缩进两个半角空格。")
    if "found character" in problem and "\\t" in problem:
        return ("这里用了 Tab 字符，YAML 不允许。", "把 Tab 换成半角空格。")
    if "cannot start any token" in problem:
        return ("值以 YAML 的特殊符号开头（例如 % @ ` 或 Tab）。", "给整个值加上英文引号，例如 title: \"@社区 的通知\"。")
    if "while scanning a quoted scalar" in (exc.context or "") or "unexpected end of stream" in problem:
        return ("引号没有配对，缺少结尾的引号。", "检查这一行的引号，开头和结尾都要有，并且都是英文引号。")
    if "found another document" in problem:
        return ("这里又出现了一行 ---，YAML 把后面当成了另一份文件。",
                "一个文件只能有一组字段；删掉多余的 ---（文章的 front matter 只在开头和结尾各有一行 ---）。")
    if "found undefined alias" in problem or "anchor" in problem:
        return ("值以 * 或 & 开头，YAML 把它当成了特殊符号。", "给这个值加上英文引号。")
    if "found unexpected end of stream" in problem:
        return ("文件提前结束了，可能缺少引号或括号的后半个。", "检查最后几行的引号和括号是否成对。")
    return (f"YAML 格式有误（{problem or exc}）。", "检查这一行附近的缩进、冒号和引号。")


# libyaml's C parser is several times faster; the constructors stay ours.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """SafeLoader whose mappings and sequences carry line numbers."""

    first_line = 1
    duplicates: list

    def _line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    # libyaml asks for the tag of every plain scalar; the answer depends on
    # the text alone (there are no path resolvers), so it is remembered.
    _tags: dict = {}

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            if len(self._tags) > 50_000:
                self._tags.clear()
            tag = self._tags[key] = super().resolve(kind, value, implicit)
        return tag


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode):
    data = Mapping()
    data.line = loader._line(node)
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            key = str(key)
        if key in data:
            loader.duplicates.append((key, loader._line(key_node)))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = loader._line(key_node)


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode):
    data = Sequence()
    data.line = loader._line(node)
    data.item_lines = [loader._line(child) for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    """An impossible date (2022-02-30) stays text, for the date field to explain."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


# The constructors above, as PyYAML drives them, cost more than libyaml's
# parsing itself. Front matter is plain mappings, lists and text, so the
# composed nodes are walked directly below; everything unusual (an alias,
# a tag such as !!set, very deep nesting) goes the way above, which has the
# last word on what a document means.

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_FLATTENED = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")
# Immutable values that depend on the text alone: dates, numbers, yes/no.
_PLAIN_VALUES = frozenset({"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int",
                           "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"})
_plain_values: dict = {}
_FAST_DEPTH = 32  # deeper documents take PyYAML's way, RecursionError included


class _Unusual(Exception):
    """The document needs PyYAML's own construction."""


def _construct(loader: _LineLoader, text: str) -> Any:
    """What loader.get_single_data() returns, built faster when possible."""
    node = loader.get_single_node()
    if node is None:
        return None
    try:
        return _FastBuilder(loader, anchors="&" in text).build(node, 0)
    except _Unusual:
        pass
    # Start again from the text: the walk may have flattened merge keys.
    duplicates = loader.duplicates
    loader.dispose()
    again = _LineLoader(text)
    again.first_line = loader.first_line
    again.duplicates = duplicates
    duplicates.clear()
    try:
        return again.get_single_data()
    finally:
        again.dispose()


class _FastBuilder:
    """Turns composed nodes into Mapping/Sequence values like the constructors do."""

    def __init__(self, loader: _LineLoader, anchors: bool) -> None:
        self.loader = loader
        self.first_line = loader.first_line
        # Without an anchor (&name) no node can appear twice: no alias refers to it.
        self.seen: set[int] | None = set() if anchors else None
        self.keep: list = []  # keeps ids in `seen` unique while walking

    def build(self, node: yaml.Node, depth: int) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                raise _Unusual  # an alias: a shared or recursive node
            self.seen.add(id(node))
            self.keep.append(node)
        if depth > _FAST_DEPTH:
            raise _Unusual
        tag = node.tag
        if tag == _STR and node.id == "scalar":
            return node.value
        if tag == _MAP and node.id == "mapping":
            return self._mapping(node, depth)
        if tag == _SEQ and node.id == "sequence":
            first_line = self.first_line
            data = Sequence()
            data.line = first_line + node.start_mark.line
            data.item_lines = [first_line + child.start_mark.line for child in node.value]
            if self.seen is None:
                data.extend([child.value if child.tag == _STR and child.id == "scalar"
                             else self.build(child, depth + 1) for child in node.value])
            else:
                data.extend([self.build(child, depth + 1) for child in node.value])
            return data
        if node.id != "scalar":
            raise _Unusual  # !!set, !!omap, a custom tag …
        if tag not in _PLAIN_VALUES:
            return self.loader.construct_object(node, deep=True)
        key = (tag, node.value)
        value = _plain_values.get(key, _plain_values)
        if value is _plain_values:
            value = self.loader.construct_object(node, deep=True)
            if len(_plain_values) > 50_000:
                _plain_values.clear()
            _plain_values[key] = value
        return value

    def _mapping(self, node: yaml.MappingNode, depth: int) -> Mapping:
        loader, first_line = self.loader, self.first_line
        data = Mapping()
        data.line = first_line + node.start_mark.line
        data.key_lines = key_lines = {}
        if any(key_node.tag in _FLATTENED for key_node, _ in node.value):
            loader.flatten_mapping(node)  # does nothing to other mappings
        fast = self.seen is None  # plain text needs no bookkeeping then
        for key_node, value_node in node.value:
            if fast and key_node.tag == _STR and key_node.id == "scalar":
                key = key_node.value
            else:
                key = self.build(key_node, depth + 1)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    key = str(key)
            line = first_line + key_node.start_mark.line
            if key in data:
                loader.duplicates.append((key, line))
            if fast and value_node.tag == _STR and value_node.id == "scalar":
                data[key] = value_node.value
            else:
                data[key] = self.build(value_node, depth + 1)
            key_lines[key] = line
        return data
