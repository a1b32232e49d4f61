"""The package installs as a package: every module and runtime dependency is
declared, and a wheel installed into a fresh virtual environment runs
`bulletin init` and `bulletin build` without the checkout."""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT, TODAY

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
PACKAGE = ROOT / "site_builder"


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement such as `pagefind[extended]>=1.5`."""
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group(0)).lower()


DECLARED = {_name(r) for r in PYPROJECT["project"]["dependencies"]}


def _imported_modules() -> set[str]:
    """The top-level names of every module site_builder imports."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"site_builder"}


# Distributions used by name rather than imported: the theme MkDocs loads and
# the slug function the new bulletin's mkdocs.yml names.
SCAFFOLD_YML = (PACKAGE / "scaffold" / "site" / "mkdocs.yml").read_text("utf-8")
USED_BY_NAME = {"material": "name: material", "pymdownx": "pymdownx.slugs"}


def test_every_package_is_in_the_wheel_list():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert listed == on_disk | {"site_builder.themes"}
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"site_builder.themes": "themes"}


def test_every_runtime_import_is_a_declared_dependency():
    for module, marker in USED_BY_NAME.items():
        assert marker in SCAFFOLD_YML, module
    distributions = importlib.metadata.packages_distributions()
    missing = {}
    for module in sorted(_imported_modules() | set(USED_BY_NAME)):
        names = {_name(d) for d in distributions.get(module, [module])}
        if not names & DECLARED:
            missing[module] = sorted(names)
    assert not missing, f"imported but not in pyproject.toml's dependencies: {missing}"


def test_every_dependency_is_pinned():
    pinned = {_name(line) for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines()
              if line and not line.startswith("#") and "==" in line}
    assert DECLARED <= pinned, DECLARED - pinned


def _run(*args: str | Path, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict, Path]:
    """A fresh virtual environment with only the wheel installed in it.

    The wheel is built from a copy of the files it is made of, so nothing is
    written into the checkout. Its dependencies are not downloaded (the test
    runs offline): a .pth file makes this environment's own site-packages
    visible after the new environment's, and the wheel itself is installed
    with --no-deps into the new one, where Python finds site_builder first.
    """
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("site_builder", "themes"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "BULLETIN_DEBUG")}
    env["BULLETIN_TODAY"] = TODAY.isoformat()
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--no-build-isolation", "--wheel-dir", work / "dist", source, cwd=work, env=env)
    [wheel] = (work / "dist").glob("*.whl")
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work, env=env)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-index", wheel, cwd=work, env=env)
    site_packages = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                              cwd=work, env=env).stdout.strip())
    (site_packages / "zz-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", "utf-8")
    return venv, env, wheel


def test_the_wheel_holds_every_module_and_the_theme(installed):
    _, _, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in PACKAGE.rglob("*.py"):
        assert path.relative_to(ROOT).as_posix() in names, path
    for path in (ROOT / "themes").rglob("*"):
        if path.is_file():
            assert f"site_builder/{path.relative_to(ROOT).as_posix()}" in names, path
    assert "site_builder/scaffold/site/mkdocs.yml" in names


def test_the_installed_package_inits_and_builds_a_bulletin(installed, tmp_path):
    venv, env, _ = installed
    bulletin = venv / "bin" / "bulletin"
    where = _run(venv / "bin" / "python", "-c", "import site_builder; print(site_builder.__file__)",
                 cwd=tmp_path, env=env).stdout
    assert where.startswith(str(venv)), where  # the wheel, not the checkout
    for args in (["--help"], ["print", "--help"]):
        assert re.search(r"[\u4e00-\u9fff]", _run(bulletin, *args, cwd=tmp_path, env=env).stdout)
    _run(bulletin, "init", "paper", cwd=tmp_path, env=env)
    built = _run(bulletin, "build", cwd=tmp_path / "paper", env=env)
    assert "网站已生成" in built.stdout, built.stdout
    page = tmp_path / "paper" / "site" / "stories" / "2025" / "shili-baodao" / "index.html"
    assert page.is_file()
    assert "bulletin/textsize.js" in page.read_text("utf-8")  # the packaged theme was used
