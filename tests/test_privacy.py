"""Residents' private data: found with file and line, refused by the build,
published only when the article lists the exact string under `allow:`."""

from __future__ import annotations

import pytest

from helpers import MINHU, ROOT, STORY, TODAY, run_bulletin
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


# ---------------------------------------------------------------------------
# Residents' door numbers: a household's address is private, a building is not
# ---------------------------------------------------------------------------

DOOR_NUMBERS = [
    ("家住碧波园小区3号楼2单元501室，多年来", "3号楼2单元501室"),
    ("反映人住5栋1单元302，说楼道灯不亮", "5栋1单元302"),
    ("12号楼3单元502号的老人", "12号楼3单元502号"),
    ("长阳镇碧波园18幢2单元1101业主", "18幢2单元1101"),
    ("楼上3号楼501室漏水", "3号楼501室"),
    ("7栋302室的住户", "7栋302室"),
    ("2号楼3门401的李大爷", "2号楼3门401"),
    ("走访了3单元501室的住户", "3单元501室"),
    ("2单元1101业主说", "2单元1101"),
    ("住在12楼1203室", "12楼1203室"),
    ("3层东户的阳台", "3层东户"),
    ("五楼西户的老人", "五楼西户"),
    ("他家门牌号是幸福里12号", "门牌号是幸福里12号"),
    ("门牌：前进路8号", "门牌：前进路8号"),
    ("３号楼２单元５０１室", "３号楼２单元５０１室"),
    ("十二号楼三单元五〇一室", "十二号楼三单元五〇一室"),
    ("登记为3号楼2单元-501", "3号楼2单元-501"),
    ("报修单写着3-2-501室", "3-2-501室"),
    ("B座1502室的住户", "B座1502室"),
    ("4号楼1502号房", "4号楼1502号房"),
    ("他家 3 号楼 2 单元 501 室", "3 号楼 2 单元 501 室"),
]

BUILDINGS = [
    "3号楼", "蒲黄榆五巷5、6号楼院", "3号楼前的空地", "2单元楼道堆满杂物", "3号楼2单元门口",
    "3号楼2单元", "小区共有3500多户", "12号楼48户居民", "3号楼120户居民", "3单元24户居民",
    "5栋楼共300户", "48栋楼、3500多户", "一层到五层40户人家", "家住5号楼一层的张女士",
    "3号楼1层大厅", "1号楼至5号楼", "三栋单元楼", "8号楼院内闲置的杂物室", "社区201会议室",
    "长阳路15号", "2022年3月15号", "2022-08-18", "3号楼2023年完成改造", "3号楼2单元2023年完成改造",
    "核对门牌号", "不写居民的门牌号。", "门牌号要挂到12号楼", "地下三层通往地下二层",
]


@pytest.mark.parametrize("text, found", DOOR_NUMBERS)
def test_door_numbers_are_found(text, found):
    assert [(f.kind, f.text) for f in find(text)] == [("门牌号", found)]


@pytest.mark.parametrize("text", BUILDINGS)
def test_buildings_floors_and_counts_pass(text):
    assert find(text) == []


def test_door_number_in_body_and_location_with_the_allow_escape(site):
    note = MINHU.replace("status:", "location: 碧波园小区12号楼3单元302室门口\nstatus:")
    site.write({"minhu/2022/biboyuan-tingche.md": note + "\n家住3号楼2单元501室的居民反映。\n"})
    errors = _errors(site)
    assert [(e.line, e.field) for e in errors] == [(6, "location"), (19, "正文")], [e.format() for e in errors]
    assert "门牌号“12号楼3单元302室”" in errors[0].message and "3号楼" in errors[0].hint
    site.write({"minhu/2022/biboyuan-tingche.md": note.replace("status:", 'allow: ["12号楼3单元302室"]\nstatus:')})
    assert _errors(site) == []


def test_the_sample_bulletin_names_buildings_only():
    bulletin = load_bulletin(ROOT / "content", today=TODAY)
    assert not bulletin.problems.errors, bulletin.problems.format_text()
