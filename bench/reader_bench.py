"""What the 数字报 reader adds to a cold build of the sample bulletin.

Not a test. Run:  .venv/bin/python bench/reader_bench.py [--runs 1]

Copies the sample (content/ and mkdocs.yml) to a temporary folder and builds
it with `mkdocs build`, each time from an empty `.cache/`: once with
`edition_reader: false`, once with `edition_reader: true`; then once more
with the reader and the cache kept (an unchanged edition is not typeset
again). Prints the three times and the difference.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-21"


def build(folder: Path, reader: bool, keep_cache: bool = False) -> float:
    config = (ROOT / "mkdocs.yml").read_text("utf-8").replace(
        "edition_reader: true", f"edition_reader: {'true' if reader else 'false'}")
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    if not keep_cache:
        shutil.rmtree(folder / ".cache", ignore_errors=True)
    shutil.rmtree(folder / "site", ignore_errors=True)
    env = {**os.environ, "BULLETIN_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")],
                   check=True, env=env, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        shutil.copytree(ROOT / "content", folder / "content")
        plain = min(build(folder, reader=False) for _ in range(runs))
        typeset = min(build(folder, reader=True) for _ in range(runs))
        cached = min(build(folder, reader=True, keep_cache=True) for _ in range(runs))
    print(f"cold build without the reader: {plain:.1f} s")
    print(f"cold build with the reader:    {typeset:.1f} s  (+{typeset - plain:.1f} s for typesetting)")
    print(f"build with the reader, editions cached: {cached:.1f} s")


if __name__ == "__main__":
    main()
