"""Safe HTML and safe paths: raw HTML that runs code and links or images that
leave content/ are errors with file and line; what reaches a page is
sanitised again; every page carries a Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

from helpers import STORY, TODAY, run_bulletin
from site_builder.content import load_bulletin
from site_builder.build.csp import INLINE_SCRIPTS, inline_script_hashes, policy
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
        # Exactly the theme's inline scripts of this page may run, by their hash.
        inline = [script.string or "" for script in soup.find_all("script")
                  if not script.get("src") and not script.get("type") and not script.find_parent("article")]
        hashes = " ".join(dict.fromkeys(
            f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'" for text in inline))
        assert len(inline) >= 2
        assert meta["content"] == policy().replace(INLINE_SCRIPTS, hashes), page
        # Before any stylesheet or script, so that it governs them all.
        first = soup.head.find(lambda t: t.name in ("script", "style")
                               or (t.name == "link" and "stylesheet" in t.get("rel", [])))
        assert first is None or meta.sourceline < first.sourceline
    assert "'unsafe-inline'" not in policy() and "*" not in policy()
    assert "default-src 'self'" in policy() and "object-src 'none'" in policy()


def test_preview_has_no_policy_for_the_live_reload_script():
    from jinja2 import Environment

    from site_builder.build import csp
    env = Environment()
    csp.install(env, serving=True)
    assert env.globals["bulletin_csp"] is None
    csp.install(env, serving=False)
    assert env.globals["bulletin_csp"] == policy()


def test_scripts_in_the_content_are_never_sealed():
    page = ("<html><head><script>theme()</script></head><body><article><p>x</p>"
            "<script>planted()</script></article><script type=\"application/json\">{}</script></body></html>")
    expected = base64.b64encode(hashlib.sha256(b"theme()").digest()).decode()
    assert inline_script_hashes(page) == [expected]
