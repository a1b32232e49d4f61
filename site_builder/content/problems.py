"""Problems found in the content: every one names a file, a line and a fix.

Validation never stops at the first mistake. Loaders append to a `Problems`
collection and carry on, so an editor sees everything wrong in one run.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

ERROR = "error"
WARNING = "warning"

_SEVERITY_LABEL = {ERROR: "错误", WARNING: "提醒"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in one file."""

    path: str
    line: int | None
    field: str | None
    message: str
    hint: str = ""
    severity: str = ERROR

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f"「{self.field}」" if self.field else ""
        text = f"{where}: {_SEVERITY_LABEL[self.severity]}{field}：{self.message}"
        if self.hint:
            text += f"\n    改法：{self.hint}"
        return text


class Problems:
    """An ordered collection of problems for one content tree."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self._items: list[Problem] = []
        self.error_count = 0

    def relpath(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None:
            try:
                return path.resolve().relative_to(self.root.resolve().parent).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def error(self, path: Path | str, line: int | None, field: str | None,
              message: str, hint: str = "") -> None:
        self._items.append(Problem(self.relpath(path), line, field, message, hint, ERROR))
        self.error_count += 1

    def warn(self, path: Path | str, line: int | None, field: str | None,
             message: str, hint: str = "") -> None:
        self._items.append(Problem(self.relpath(path), line, field, message, hint, WARNING))

    def extend(self, other: "Problems") -> None:
        """Append the problems of another collection, in their order."""
        self._items.extend(other._items)
        self.error_count += other.error_count

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self._items, key=_sort_key))

    def __len__(self) -> int:
        return len(self._items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity == WARNING]

    def format_text(self) -> str:
        lines = [p.format() for p in self]
        lines.append(summary(len(self.errors), len(self.warnings)))
        return "\n".join(lines)

    def format_json(self) -> str:
        return json.dumps(
            {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "problems": [asdict(p) for p in self],
            },
            ensure_ascii=False,
            indent=2,
        )


def summary(errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return "检查完毕：没有发现问题。"
    return f"检查完毕：{errors} 个错误，{warnings} 个提醒。"


def _sort_key(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field or "")
