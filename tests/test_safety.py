"""Safe HTML and safe paths: raw HTML that runs code and links or images that
leave content/ are errors with file and line; what reaches a page is
sanitised again; every page carries a Content-Security-Policy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import material

from helpers import CASE, CATEGORIES, COMMUNITIES, ROOT, STORY, TODAY, run_bulletin
from site_builder.content import load_bulletin
from site_builder.build.csp import policy
from site_builder.build.sanitize import clean

PATH = "content/stories/2022/biboyuan-weilan.md"


def _body(site, body: str) -> list:
    site.write({"stories/2022/biboyuan-weilan.md": STORY + "\n" + body + "\n"})
    return load_bulletin(site.content, today=TODAY).problems.errors


# The body starts at line 10 of the story: the first line of `body` is line 10.
@pytest.mark.parametrize("body, line, words", [
    ("<script>alert(1)</script>", 10, "<script>"),
    ("段落\n\n<SCRIPT src=\"https://x.example/a.js\"></SCRIPT>", 12, "<script>"),
    ("<iframe src=\"https://v.qq.com/x\"></iframe>", 10, "<iframe>"),
    ("<object data=\"a.swf\"></object>", 10, "<object>"),
    ("<embed src=\"a.swf\">", 10, "<embed>"),
    ("<img src=\"/images/a.jpg\" onerror=\"alert(1)\">", 10, "onerror="),
    ("<p onclick=\"steal()\">点我</p>", 10, "onclick="),
    ("<div\n  onmouseover=\"x()\">多行</div>", 10, "onmouseover="),
    ("[点这里](javascript:alert(1))", 10, "javascript:"),
    ("[点这里](JaVaScRiPt:alert(1))", 10, "javascript:"),
    ("[点这里](java&#09;script:alert(1))", 10, "javascript:"),
    ("<a href=\"  javascript:alert(1)\">链接</a>", 10, "javascript:"),
    ("[链接]: javascript:alert(1)", 10, "javascript:"),
    ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">链接</a>", 10, "data:"),
    ("<img src=\"https://other.example/a.jpg\">", 10, "其他网站"),
    ("[附件](../../../../etc/passwd)", 10, "content/ 文件夹以外"),
    ("[附件](/../secret.txt)", 10, "content/ 文件夹以外"),
    ("[附件](file:///etc/passwd)", 10, "编辑电脑上的文件"),
    ("[附件](C:\\Users\\wang\\a.doc)", 10, "编辑电脑上的文件"),
    ("[附件](/etc/passwd)", 10, "绝对路径"),
    ("<a href=\"../../../x.html\">链接</a>", 10, "content/ 文件夹以外"),
])
def test_unsafe_body_is_an_error_with_its_line(site, body, line, words):
    errors = _body(site, body)
    assert len(errors) == 1, [e.format() for e in errors]
    error = errors[0]
    assert (error.path, error.line) == (PATH, line)
    assert words.lower() in error.message.lower(), error.message
    assert error.hint


@pytest.mark.parametrize("body", [
    "用 `<script>` 标签可以运行代码。",
    "```html\n<script>alert(1)</script>\n<iframe></iframe>\n```",
    "[其他网站](https://www.gov.cn/) 和 [本站](/stories/) 和 [上一篇](../2022/)",
    "<span class=\"note\">普通 HTML</span> <a href=\"#top\">回到顶部</a>",
    "[邮件](mailto:)",
])
def test_safe_body_passes(site, body):
    assert _body(site, body) == []


def test_symlink_leading_out_is_an_error(site, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.jpg").write_bytes(b"\xff\xd8\xff")
    (outside / "notes.txt").write_text("机密", "utf-8")
    (site.content / "stories/2022/out").symlink_to(outside, target_is_directory=True)
    errors = _body(site, "![图](out/secret.jpg)\n\n[附件](out/notes.txt)")
    assert [e.line for e in errors] == [10, 12]
    assert "符号链接" in errors[0].message and "符号链接" in errors[1].message


def test_build_refuses_unsafe_html(site):
    site.write({"stories/2022/biboyuan-weilan.md": STORY + "\n<script>alert(1)</script>\n"})
    result = run_bulletin("build", cwd=site.root)
    assert result.returncode == 1
    assert f"{PATH}:10: 错误「正文」：正文里有 <script>" in result.stderr
    assert not (site.root / "site").exists() and "Traceback" not in result.stderr


ATTACKS = [
    "<p>a<script>alert(1)</script></p>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<form action=\"https://evil.example\"><input name=q></form>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<style>body{background:url(https://evil.example/x)}</style>",
    "<div style=\"background:url(https://evil.example/x)\">x</div>",
    "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<!--<script>alert(1)</script>-->",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_sanitiser_removes_what_runs_code(attack):
    soup = BeautifulSoup(clean(attack), "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in {"script", "iframe", "object", "embed", "form", "style", "base", "meta", "svg"}
        for name, value in tag.attrs.items():
            assert not name.startswith("on") and name not in {"style", "srcdoc", "action"}
            assert "javascript" not in str(value).lower()


def test_sanitiser_keeps_what_articles_need():
    html = ('<section class="bulletin-section bulletin-section--problem"><h2 id="wenti">问题</h2>'
            '<p><img alt="设置围栏前" class="before" src="../../images/a.jpg" title="李娜 摄"> '
            '<a href="../x/">上一篇</a> <a href="https://www.gov.cn/">政府网</a></p>'
            '<table><thead><tr><th align="left">项目</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
            '</section>')
    assert clean(html) == html


def test_every_page_carries_the_policy(built_sample):
    pages = sorted(built_sample.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        meta = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, page
        # One fixed policy: no page's output can widen it.
        assert meta["content"] == policy(), page
        # No script runs inline: every script is a file of the site; what is
        # inline is data (Material's JSON config), which no browser executes.
        inline = [script for script in soup.find_all("script") if not script.get("src")]
        assert all(script.get("type") in DATA_SCRIPT_TYPES for script in inline), (page, inline)
        assert all(not script["src"].startswith(("http:", "https:", "//"))
                   for script in soup.find_all("script", src=True)), page
        # Before any stylesheet or script, so that it governs them all.
        first = soup.head.find(lambda t: t.name in ("script", "style")
                               or (t.name == "link" and "stylesheet" in t.get("rel", [])))
        assert first is None or meta.sourceline < first.sourceline
    text = policy()
    assert "'unsafe-inline'" not in text and "*" not in text and "sha256-" not in text and "nonce-" not in text
    assert "default-src 'self'" in text and "object-src 'none'" in text
    assert "script-src 'self' 'wasm-unsafe-eval';" in text


DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def test_preview_has_no_policy_for_the_live_reload_script():
    from jinja2 import Environment

    from site_builder.build import csp
    env = Environment()
    csp.install(env, serving=True)
    assert env.globals["bulletin_csp"] is None
    csp.install(env, serving=False)
    assert env.globals["bulletin_csp"] == policy()


MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
OURS = ROOT / "themes" / "bulletin"
# Material's inline scripts that read the site's address from the page; our
# copies find the site root from their own address instead.
SITE_ROOT = {'new URL("{{ config.extra.scope | d(base_url) }}",location)': 'new URL("../../..",document.currentScript.src)',
             'new URL("{{ base_url }}")': 'new URL("../../..",document.currentScript.src)'}


@pytest.mark.parametrize("partial", sorted(p.name for p in MATERIAL.glob("*.html")))
def test_materials_inline_scripts_are_served_as_our_files(partial):
    """Every inline script Material can write is overridden by a partial of
    ours that loads a file with the same code, so the policy needs no hash."""
    ours = (OURS / "partials" / "javascripts" / partial).read_text("utf-8")
    assert "<script>" not in ours
    for code in re.findall(r"<script>(.*?)</script>", (MATERIAL / partial).read_text("utf-8"), re.S):
        for theirs, mine in SITE_ROOT.items():
            code = code.replace(theirs, mine)
        files = re.findall(r"src=\"\{\{ '(assets/bulletin/material/[a-z]+\.js)' \| url \}\}\"", ours)
        assert any(code in (OURS / f).read_text("utf-8") for f in files), (partial, code[:60])
        assert "{{" not in code


# Front matter and registries: text fields refuse code-running markup at the field's line.
FIELD_CASES = [
    ("stories/2022/biboyuan-weilan.md", STORY.replace("title: 巧设围栏便民出行",
                                                      'title: 标题<img src=x onerror=alert(1)>测试 & "引号"'),
     2, "title", "onerror="),
    ("stories/2022/biboyuan-weilan.md", STORY.replace("reporters: [胡可]",
                                                      'reporters: [胡可]\ntags: ["<script>alert(2)</script>", 安全]'),
     6, "tags", "<script>"),
    ("stories/2022/biboyuan-weilan.md", STORY.replace("reporters: [胡可]",
                                                      "reporters: [胡可]\nsummary: 导语 </script><script>alert(3)</script>"),
     6, "summary", "<script>"),
    ("stories/2022/biboyuan-weilan.md", STORY.replace("reporters: [胡可]",
                                                      "reporters: [胡可]\nsource: <a href='javascript:alert(4)'>丰台报</a>"),
     6, "source", "javascript:"),
    ("cases/2022/taixi-minqingzhuo.md", CASE.replace("practice: 流动民情桌", "practice: <iframe src=//x></iframe>"),
     5, "practice", "<iframe>"),
    ("communities.yml", COMMUNITIES.replace("  name: 太西社区", "  name: 太西<svg onload=alert(5)>"),
     19, "name", "onload="),
    ("categories.yml", CATEGORIES.replace("name: 停车", "name: 停车<script>x()</script>"), 1, "name", "<script>"),
]


@pytest.mark.parametrize("path, text, line, field, words", FIELD_CASES, ids=[c[3] + "-" + c[0].split("/")[0] for c in FIELD_CASES])
def test_markup_in_a_text_field_is_an_error_at_its_line(site, path, text, line, field, words):
    site.write({path: text})
    errors = [p for p in load_bulletin(site.content, today=TODAY).problems.errors if p.path == f"content/{path}"]
    assert [(p.line, p.field) for p in errors] == [(line, field)], [p.format() for p in errors]
    assert words in errors[0].message and "只写文字" in errors[0].hint


def test_edition_fields_refuse_markup_too(site):
    site.write({"editions/2022-07-15.yml": (
        "date: 2022-07-15\npages:\n  - page: 1\n    name: 要闻\n"
        "    editors: [王<img src=x onerror=alert(1)>]\n    articles: [stories/2022/biboyuan-weilan]\n")})
    errors = load_bulletin(site.content, today=TODAY).problems.errors
    assert [(p.path, p.line, p.field) for p in errors] == [("content/editions/2022-07-15.yml", 5, "pages[1].editors")]


def test_ordinary_text_with_brackets_and_ampersands_is_fine(site):
    site.write({"stories/2022/biboyuan-weilan.md": STORY.replace(
        "title: 巧设围栏便民出行", "title: 'A&B社区“<”号 \"引号\" 1<2 且 3>2，on=off: 可以'")})
    bulletin = load_bulletin(site.content, today=TODAY)
    assert not bulletin.problems.errors, bulletin.problems.format_text()
    assert bulletin.by_id["stories/2022/biboyuan-weilan"].title == 'A&B社区“<”号 "引号" 1<2 且 3>2，on=off: 可以'


def test_the_guide_explains_the_field_rule():
    from site_builder.content.markup import unsafe_markup

    guide = (ROOT / "docs" / "editor-guide.md").read_text("utf-8")
    for text in ("<script>", "<b onclick=x>", "javascript:x"):
        message, hint = unsafe_markup(text)
        assert message.split("（")[0].split("带")[0].strip("，。") in guide and hint in guide, message
