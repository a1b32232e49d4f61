"""The build uses only MkDocs' public API.

Every name MkDocs keeps private — a function, class, method or attribute of
its own whose name starts with one underscore — is collected from MkDocs'
installed source, and no module of site_builder may import one or reach
one on an object (`page._title_from_render`, `getattr(config, "_current_page")`).
Names site_builder defines for itself (its own `self._lock`) are its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import mkdocs
import pytest

from helpers import ROOT

PACKAGE = ROOT / "site_builder"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def defined_private_names(folder: Path, *, own_classes_only: bool = False) -> set[str]:
    """Private names a package defines: functions, classes, module names and attributes.

    With `own_classes_only`, attributes stored in a class that derives from
    something imported from MkDocs do not count (they may be MkDocs' own).
    """
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        from_mkdocs = {a.asname or a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                       and (node.module or "").split(".")[0] == "mkdocs" for a in node.names}
        skipped: set[ast.AST] = set()
        if own_classes_only:
            for cls in ast.walk(tree):
                if isinstance(cls, ast.ClassDef) and any(
                        isinstance(b, ast.Name) and b.id in from_mkdocs for b in cls.bases):
                    skipped |= set(ast.walk(cls)) - {cls}
        for node in ast.walk(tree):
            if node in skipped:
                continue
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return {name for name in names if _private(name) and name != "_"}


def uses(source: str, private: set[str]) -> list[str]:
    """Where `source` imports from MkDocs or reaches on an object a name in `private`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "mkdocs":
            parts = (node.module or "").split(".")
            found += [f"{node.lineno}: from {node.module} import {a.name}" for a in node.names
                      if _private(a.name) or any(_private(p) for p in parts)]
        elif isinstance(node, ast.Import):
            found += [f"{node.lineno}: import {a.name}" for a in node.names
                      if a.name.split(".")[0] == "mkdocs" and any(_private(p) for p in a.name.split("."))]
        elif isinstance(node, ast.Attribute) and node.attr in private:
            found.append(f"{node.lineno}: .{node.attr}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) > 1
              and isinstance(node.args[1], ast.Constant) and node.args[1].value in private):
            found.append(f"{node.lineno}: {node.func.id}(…, {node.args[1].value!r})")
    return found


@pytest.fixture(scope="module")
def mkdocs_private() -> set[str]:
    """MkDocs' private names, less those site_builder's own classes happen to define too."""
    return (defined_private_names(Path(mkdocs.__file__).parent)
            - defined_private_names(PACKAGE, own_classes_only=True))


def test_the_scan_knows_mkdocs_private_names(mkdocs_private):
    assert {"_populate_page", "_build_page", "_build_theme_template", "_title_from_render",
            "_current_page"} <= mkdocs_private


def test_the_scan_finds_every_kind_of_use(mkdocs_private):
    source = (
        "from mkdocs.commands.build import _populate_page, get_context\n"
        "import mkdocs.commands._private_module\n"
        "from mkdocs.structure import _hidden\n"
        "page._title_from_render = 'x'\n"
        "print(config._current_page)\n"
        "getattr(page, '_title_from_render')\n"
        "page.title = 'fine'\n"
        "self._own_thing = 1\n"
    )
    assert sorted(int(line.split(":")[0]) for line in uses(source, mkdocs_private)) == [1, 2, 3, 4, 5, 6]


def test_site_builder_uses_no_private_mkdocs_name(mkdocs_private):
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 50
    found = {str(path.relative_to(ROOT)): hits for path in modules
             if (hits := uses(path.read_text("utf-8"), mkdocs_private))}
    assert found == {}


def _imports(path: Path) -> set[str]:
    """The modules a file imports, absolute (relative ones resolved inside site_builder)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            module = f"{base}.{node.module}" if node.level and node.module else (base if node.level else node.module)
            found |= {module} | {f"{module}.{a.name}" for a in node.names}
    return found


def test_only_the_adapter_knows_the_engine():
    """What the README promises a port: MkDocs (and Material) are imported in
    site_builder/mkdocs/ only, and the commands reach the engine through one import."""
    engine = ("mkdocs", "material", "site_builder.mkdocs")
    outside = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "mkdocs"):
            continue
        hits = sorted(m for m in _imports(path) if m.split(".")[0] in engine[:2] or m.startswith(engine[2]))
        if hits:
            outside[str(path.relative_to(ROOT))] = hits
    assert outside == {"site_builder/commands/site.py": ["site_builder.mkdocs.engine",
                                                          "site_builder.mkdocs.engine.Engine",
                                                          "site_builder.mkdocs.engine.EngineError"]}
