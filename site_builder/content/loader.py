"""Read a whole content/ tree, validate it, and return the bulletin.

Everything is read and checked before anything is written (a build with
errors writes nothing), and every problem is collected rather than raised.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

from . import categories as categories_mod
from . import editions as editions_mod
from . import images, parallel, places as places_mod, privacy, rawhtml, slugs
from .articlecache import ArticleCache
from .bulletin import Bulletin
from .fields import Context, parse_fields
from .frontmatter import read_document
from .problems import Problems
from .suggest import did_you_mean
from .types import DRAFT, EMBARGOED, PUBLISHED, TYPES, Article, ArticleType

REGISTRIES = ("communities.yml", "categories.yml")
EDITIONS_DIR = "editions"


def load_bulletin(content_dir: Path, *, today: dt.date, preview: bool = False,
                  publication: str = "社区报", cache: Path | None = None) -> Bulletin:
    """Load and check everything under content_dir.

    `preview` keeps drafts and embargoed articles (for `bulletin serve --drafts`).
    `cache` is a folder where checked articles are kept between loads
    (articlecache.py): an unchanged file is not parsed again.
    """
    content_dir = Path(content_dir)
    problems = Problems(root=content_dir)
    places = places_mod.load(content_dir / "communities.yml", problems)
    categories = categories_mod.load(content_dir / "categories.yml", problems)
    files = article_files(content_dir, problems)
    articles = load_articles(files, content_dir, places, categories, problems, cache)
    for article in articles:
        article.state = _state(article, today)
    editions = editions_mod.load_all(content_dir / EDITIONS_DIR, problems, publication)
    written = {article_id(path, content_dir) for path in files}
    _check_editions(editions, {a.id: a for a in articles}, written, problems, preview)
    visible = [a for a in articles if preview or a.state == PUBLISHED]
    return Bulletin(content_dir=content_dir, places=places, categories=categories,
                    editions=editions, articles=visible, problems=problems,
                    today=today, preview=preview, publication=publication)


def article_files(content_dir: Path, problems: Problems) -> list[Path]:
    """The Markdown files of content/; misplaced ones are reported."""
    found = []
    for path in sorted(content_dir.rglob("*.md")):
        rel = path.relative_to(content_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if len(rel.parts) < 2 or rel.parts[0] not in TYPES:
            if rel.name.lower() != "readme.md":
                folders = "、".join(f"{t.folder}/（{t.label}）" for t in TYPES.values())
                problems.error(path, 1, None, "文章放错了文件夹，系统不知道它是哪一类稿件。",
                               f"把文件移到 {folders} 之下，例如 stories/2022/{rel.name}。")
            continue
        found.append(path)
    return found


def article_id(path: Path, content_dir: Path) -> str:
    """An article's id: its path under content/ without .md."""
    return path.relative_to(content_dir).with_suffix("").as_posix()


def load_articles(paths: list[Path], content_dir: Path, places, categories,
                  problems: Problems, cache: Path | None = None) -> list[Article]:
    """The good articles of `paths`, in order; large archives load on every core,
    and with a `cache` folder only the files that changed are parsed."""
    shared = [*places, *categories]

    def load(share: list[Path], into: Problems) -> list[tuple[Article | None, bool]]:
        loaded = []
        for path in share:
            before = len(into)
            article = load_article(path, content_dir, places, categories, into)
            clean = article is not None and len(into) == before  # kept only without a problem
            if clean and cache is not None:
                article.lead, article.digest  # worked out here, on every core, for the cache
            loaded.append((article, clean))
        return loaded

    if cache is None:
        return [a for a, _ in parallel.load_all(paths, load, problems, shared=shared) if a]
    kept = ArticleCache(cache, content_dir, shared, [content_dir / name for name in REGISTRIES])
    try:
        found = kept.get_many(paths)
        fresh = iter(parallel.load_all([p for p in paths if p not in found], load, problems, shared=shared))
        articles = []
        for path in paths:
            if (article := found.get(path)) is None:
                article, clean = next(fresh)
                if clean:
                    kept.put(article)
            if article is not None:
                articles.append(article)
        kept.save(paths)
        return articles
    finally:
        kept.close()


def load_article(path: Path, content_dir: Path, places, categories,
                 problems: Problems) -> Article | None:
    rel = path.relative_to(content_dir)
    atype: ArticleType = TYPES[rel.parts[0]]
    ctx = Context(problems, path, places, categories)
    errors_before = problems.error_count
    doc = read_document(path, problems)
    if doc is None:
        return None
    if not doc.meta:
        required = "、".join(name for name, spec in atype.fields.items() if spec.required)
        ctx.error(1, None, f"front matter 里一个字段也没有。{atype.label}必须写 {required} 这几个字段。",
                  "在开头两行 --- 之间每行写一个字段，例如 `title: 标题`；完整的写法见编辑手册里的示例。")
        return None
    values, ok = _parse(doc, atype, ctx)
    _check_path(rel, doc, ctx)
    cover = values.pop("cover", None)
    if cover is not None:
        values["cover"] = images.resolve(cover.src, path, content_dir, ctx, "cover.src",
                                         doc.meta["cover"].line_of("src"), cover.caption, cover.credit)
    found_images = images.body_images(doc.body, doc.body_line, path, content_dir, ctx)
    privacy.check_article(doc.meta, doc.body, doc.body_line, values.get("allow", []), ctx)
    rawhtml.check_body(doc.body, doc.body_line, path, content_dir, ctx)
    if not ok or problems.error_count > errors_before:
        return None
    return atype.model(id=article_id(path, content_dir), path=path, body=doc.body,
                       body_line=doc.body_line, images=found_images, **values)


def _parse(doc, atype: ArticleType, ctx: Context) -> tuple[dict, bool]:
    values, ok = parse_fields(doc.meta, atype.fields, ctx)
    atype.rules(values, doc, ctx)
    return values, ok


def _check_path(rel: Path, doc, ctx: Context) -> None:
    """Every part of the id becomes part of a URL: ASCII slugs only."""
    title = doc.meta.get("title")
    for index, part in enumerate(rel.with_suffix("").parts[1:], start=1):
        if slugs.is_valid(part):
            continue
        is_file = index == len(rel.parts) - 1
        suggestion = slugs.from_title(str(title) if is_file and title else part)
        what = "文件名" if is_file else f"文件夹名“{part}”"
        name = f"{suggestion}.md" if is_file else suggestion
        ctx.error(1, "文件名", f"{what}会成为网址的一部分，只能用小写英文字母、数字和连字符（最长 60 个字符）。",
                  f"改名为 {name}（按标题的拼音生成）。")


def _state(article: Article, today: dt.date) -> str:
    if article.draft:
        return DRAFT
    if article.date > today:
        return EMBARGOED
    return PUBLISHED


def _check_editions(editions, articles: dict[str, Article], written: set[str],
                    problems: Problems, preview: bool) -> None:
    """Listed articles exist, appear once, and unpublished ones are left out.

    `written` holds the id of every article file, good or not: an article
    with errors of its own is left out of its page without a second message.
    """
    listed: dict[str, str] = {}
    for edition in editions:
        ctx = Context(problems, edition.path)
        where = problems.relpath(edition.path)
        for page in edition.pages:
            kept, kept_lines = [], []
            for listed_id, line in zip(page.articles, page.article_lines):
                article = articles.get(listed_id)
                if listed_id in listed:
                    ctx.error(line, "articles", f"文章 {listed_id} 已经排在 {listed[listed_id]} 里了，一篇文章只能属于一期。",
                              "从其中一期删掉这篇文章。")
                    continue
                listed[listed_id] = f"{edition.id} 期第 {page.number} 版（{where}:{line}）"
                if article is None:
                    if listed_id not in written:
                        ctx.error(line, "articles", f"找不到文章 {listed_id}。",
                                  (did_you_mean(listed_id, sorted(written)) or "") +
                                  "这里要写文章在 content/ 下的路径，不带 .md，例如 stories/2022/biboyuan-weilan。")
                    continue
                if article.state != PUBLISHED:
                    why = "还是草稿" if article.state == DRAFT else f"发布日期 {article.date} 还没到"
                    ctx.warn(line, "articles", f"文章 {listed_id} {why}，不会出现在这一期的网页和 PDF 里。",
                             "等文章可以发布后再排进这一期，或者删掉 draft: true。")
                    if not preview:
                        continue
                kept.append(listed_id)
                kept_lines.append(line)
            page.articles, page.article_lines = kept, kept_lines


def today_in_china() -> dt.date:
    """Embargoes end at midnight in Beijing, whatever the server's zone."""
    return dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()


def resolve_today(setting: str | None) -> dt.date:
    """The day that decides embargoes: BULLETIN_TODAY, the setting, or today.

    Raises ValueError with a Chinese message for a malformed date.
    """
    text = os.environ.get("BULLETIN_TODAY") or setting
    if not text:
        return today_in_china()
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        raise ValueError(f"today 设置“{text}”不是日期，请写成 2022-08-18 的形式。") from None
