"""Residents' private data: found with file and line, refused by the build,
published only when the article lists the exact string under `allow:`."""

from __future__ import annotations

import pytest

from helpers import STORY, TODAY, run_bulletin
from site_builder.content import load_bulletin
from site_builder.content.privacy import find, id_checksum_ok

# A made-up ID number with a correct GB 11643 check digit (X), and the same
# digits with a wrong one: only the first is an ID number.
VALID_ID = "11010519491231002X"
INVALID_ID = "110105194912310021"


@pytest.mark.parametrize("text, kind, found", [
    ("请拨打13812345678联系", "手机号码", "13812345678"),
    ("手机：138-1234-5678", "手机号码", "138-1234-5678"),
    ("+86 138 1234 5678", "手机号码", "+86 138 1234 5678"),
    ("电话010-63214567", "固定电话号码", "010-63214567"),
    ("（010）63214567", "固定电话号码", "（010）63214567"),
    ("0755-8765432", "固定电话号码", "0755-8765432"),
    ("联系电话：6321 4567", "电话号码", "6321 4567"),
    (f"身份证号{VALID_ID}。", "身份证号码", VALID_ID),
    ("车牌京A·12345的车", "车牌号", "京A·12345"),
    ("新能源车京AD12345", "车牌号", "京AD12345"),
    ("邮箱wang.li@example.com.cn", "电子邮箱地址", "wang.li@example.com.cn"),
])
def test_private_data_is_found(text, kind, found):
    assert [(f.kind, f.text) for f in find(text)] == [(kind, found)]


@pytest.mark.parametrize("text", [
    "拨打12345热线", "110、120、119、122、12315", "电话 12345", "蒲黄榆五巷5、6号楼院",
    "2022年8月18日", "2022-08-18", "130余条、3500多户", "面积12000平方米", "第1234期",
    "京津冀协同发展", "京A", f"编号{INVALID_ID}", "ISBN 9787020002207", "1.3812345678",
])
def test_public_numbers_and_ordinary_figures_pass(text):
    assert find(text) == []


def test_id_checksum():
    assert id_checksum_ok(VALID_ID) and id_checksum_ok(VALID_ID.lower())
    assert not id_checksum_ok(INVALID_ID)
    assert not id_checksum_ok("1234")


def _story(site, body: str, extra: str = "") -> None:
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace("reporters: [胡可]\n", f"reporters: [胡可]\n{extra}")
                + body})


def _errors(site):
    return load_bulletin(site.content, today=TODAY).problems.errors


def test_findings_name_file_line_and_field(site):
    # STORY ends at line 8; the appended body opens with a blank line, then line 10.
    _story(site, "\n居民王女士（13812345678）反映情况。\n")
    [error] = _errors(site)
    assert error.path == "content/stories/2022/biboyuan-weilan.md"
    assert error.line == 10 and error.field == "正文"
    assert "手机号码“13812345678”" in error.message and "allow" in error.hint


def test_front_matter_is_scanned_too(site):
    _story(site, "", extra="summary: 车主京B·8K123挪车后问题解决\n")
    [error] = _errors(site)
    assert (error.line, error.field) == (6, "summary") and "车牌号" in error.message


def test_allow_publishes_the_exact_string(site):
    _story(site, "\n服务站电话：010-63214567，邮箱 fuwu@example.org。\n",
           extra='allow: ["010-6321 4567", fuwu@example.org]\n')
    assert _errors(site) == []


def test_allow_does_not_cover_another_number(site):
    _story(site, "\n服务站电话：010-63214567，站长手机13912345678。\n", extra='allow: ["010-63214567"]\n')
    [error] = _errors(site)
    assert "13912345678" in error.message


def test_check_and_build_refuse_private_data(site):
    _story(site, f"\n当事人身份证号 {VALID_ID}。\n")
    check = run_bulletin("check", cwd=site.root)
    assert check.returncode == 1
    assert f"content/stories/2022/biboyuan-weilan.md:10: 错误「正文」：这里有身份证号码“{VALID_ID}”" in check.stdout
    build = run_bulletin("build", cwd=site.root)
    assert build.returncode == 1 and "网站没有生成" in build.stderr
    assert not (site.root / "site").exists()
    assert "Traceback" not in check.stdout + check.stderr + build.stderr
