"""The `bulletin` command as an editor uses it: real processes, real files."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import ROOT, STORY, TODAY, run_bulletin

MISTAKES = Path(__file__).parent / "fixtures" / "mistakes"
ERROR_LINE = re.compile(r"^content/\S+:\d+: 错误")


def test_sample_bulletin_checks_clean():
    result = run_bulletin("check", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert "检查完毕：0 个错误" in result.stdout or "没有发现问题" in result.stdout


def test_json_report_for_a_content_repository_ci(tmp_path):
    shutil.copytree(MISTAKES, tmp_path / "site")
    result = run_bulletin("check", "--format", "json", cwd=tmp_path / "site")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["errors"] == 15
    assert all(p["path"].startswith("content/") and p["line"] for p in report["problems"])


def test_fifteen_mistakes_give_fifteen_clear_messages(tmp_path):
    shutil.copytree(MISTAKES, tmp_path / "site")
    result = run_bulletin("check", cwd=tmp_path / "site")
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if "错误" in line and not line.startswith("检查完毕")]
    assert len(errors) == 15, result.stdout
    assert all(ERROR_LINE.match(line) for line in errors), errors
    assert len({line.split(":")[0] for line in errors}) == 15  # one per file
    assert "Traceback" not in result.stdout + result.stderr
    assert "检查完毕：15 个错误" in result.stdout


def test_build_with_errors_writes_nothing(tmp_path):
    shutil.copytree(MISTAKES, tmp_path / "site")
    result = run_bulletin("build", cwd=tmp_path / "site")
    assert result.returncode == 1
    assert "网站没有生成" in result.stderr
    assert not (tmp_path / "site" / "site").exists()
    assert "Traceback" not in result.stderr


def test_new_writes_a_complete_draft_with_a_pinyin_slug(site):
    result = run_bulletin("new", "story", "--title", "巧设围栏：便民出行", "--community", "碧波园",
                          "--date", "2022-09-01", cwd=site.root)
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.as_posix().endswith("content/stories/2022/qiao-she-wei-lan-bian-min-chu-xing.md")
    text = path.read_text("utf-8")
    assert 'title: "巧设围栏：便民出行"' in text and "draft: true" in text
    again = run_bulletin("new", "story", "--title", "巧设围栏：便民出行", "--community", "碧波园",
                         "--date", "2022-09-01", cwd=site.root)
    assert again.stdout.strip().endswith("qiao-she-wei-lan-bian-min-chu-xing-2.md")
    for kind in ("case", "minhu"):
        made = run_bulletin("new", kind, "--title", "楼门口的民情桌", "--community", "taixi", cwd=site.root)
        assert made.returncode == 0, made.stderr
    check = run_bulletin("check", cwd=site.root)
    assert check.returncode == 0, check.stdout


def test_new_with_an_unknown_place_suggests_the_closest(site):
    result = run_bulletin("new", "minhu", "--title", "路灯不亮", "--community", "碧波圆", cwd=site.root)
    assert result.returncode == 1
    assert "碧波园" in result.stderr and "Traceback" not in result.stderr


def test_init_makes_a_bulletin_that_builds_alone(tmp_path):
    result = run_bulletin("init", "our-paper", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    paper = tmp_path / "our-paper"
    assert (paper / ".gitignore").is_file()
    assert {p.parent.parent.name for p in (paper / "content").glob("*/*/*.md")} == {"stories", "cases", "minhu"}
    built = run_bulletin("build", cwd=paper)
    assert built.returncode == 0, built.stderr + built.stdout
    for page in ("stories/2025/shili-baodao", "cases/2025/shili-anli", "minhu/2025/shili-minhu"):
        assert (paper / "site" / page / "index.html").is_file()
    again = run_bulletin("init", "our-paper", cwd=tmp_path)
    assert again.returncode == 1 and "已经有社区报" in again.stderr


def test_outside_a_bulletin_the_message_says_what_to_do(tmp_path):
    result = run_bulletin("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "找不到 mkdocs.yml" in result.stderr and "bulletin init" in result.stderr


COMMANDS = ["check", "new", "build", "serve", "init", "print", "wechat"]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["bulletin", *COMMANDS])
def test_every_command_has_chinese_help(command):
    result = run_bulletin(*command, "--help", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert re.search(r"[\u4e00-\u9fff]", result.stdout)
    assert "Traceback" not in result.stdout + result.stderr


def test_every_command_is_in_the_help_test():
    from site_builder.cli import cli

    assert set(cli.commands) == set(COMMANDS)


def test_build_prints_each_warning_once(site):
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace("title:", "titel: 旧标题\ntitle:")})
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert output.count("系统不认识这个字段") == 1, output
    assert output.count("content/stories/2022/biboyuan-weilan.md:2") == 1, output
    strict = run_bulletin("build", "--strict", cwd=site.root)  # the reminder still counts
    assert strict.returncode == 1, strict.stdout + strict.stderr
    assert (strict.stdout + strict.stderr).count("系统不认识这个字段") == 1, strict.stderr
    assert "网站生成失败" in strict.stderr and "Traceback" not in strict.stderr


@pytest.mark.parametrize("args,said", [
    (["new", "story", "--community", "碧波园"], "缺少 '--title'"),
    (["check", "--fromat", "json"], "没有 --fromat 这个选项。是不是想写 --format？"),
    (["new", "storie", "--title", "x", "--community", "y"], "只能写：story、case、minhu"),
    (["frobnicate"], "没有这个命令"),
])
def test_usage_mistakes_are_explained_in_chinese(args, said):
    result = run_bulletin(*args, cwd=ROOT)
    assert result.returncode == 2
    assert said in result.stderr and "--help 查看用法" in result.stderr
    assert "Error" not in result.stderr and "Usage" not in result.stderr


def test_serve_shows_each_warning_once(site, tmp_path):
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace("title:", "titel: 旧标题\ntitle:")})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "BULLETIN_TODAY": TODAY.isoformat()}
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "site_builder.cli", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=site.root, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    time.sleep(0.5)
            else:
                pytest.fail(log.read_text("utf-8"))
        finally:
            server.terminate()
            server.wait(timeout=30)
    output = log.read_text("utf-8")
    assert output.count("系统不认识这个字段") == 1, output
