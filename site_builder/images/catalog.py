"""Which images the site publishes, in which sizes, under which URLs.

`prepare_images` is the pipeline's entry point: it reads the bulletin's
articles (covers and images in bodies), processes what the cache lacks, and
returns an `ImageCatalog` that the web adapter publishes and templates read.
Originals are never part of it: only re-encoded variants are.
"""

from __future__ import annotations

import posixpath
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..content import Bulletin
from ..content.images import Image
from ..content.problems import ERROR, WARNING, Problems
from ..content.types import Article
from .batch import run_jobs
from .cache import ImageCache
from .jobs import Job, share_spec, specs_for, web_specs
from .render import SourceInfo
from .settings import JPEG, MIME, SUFFIX, WEBP, ImageSettings, OutputSpec
from .sizes import print_dpi, print_pixels


@dataclass(frozen=True)
class Variant:
    """One published file: its URL under the site root and the cached bytes."""

    url: str
    path: Path
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class PublishedImage:
    """A source image as the site serves it: responsive variants and a share picture."""

    source_url: str
    width: int
    height: int
    webp: tuple[Variant, ...]
    jpeg: tuple[Variant, ...]
    share: Variant | None = None

    @property
    def fallback(self) -> Variant:
        """The JPEG for browsers without srcset: the middle size."""
        return self.jpeg[len(self.jpeg) // 2]

    @property
    def largest(self) -> Variant:
        return self.jpeg[-1]

    def variants(self) -> Iterator[Variant]:
        yield from self.webp
        yield from self.jpeg
        if self.share is not None:
            yield self.share


@dataclass(frozen=True)
class Reference:
    """One use of an image: the article, the line, the front-matter field."""

    article: Article
    image: Image
    field: str


@dataclass(frozen=True)
class ImageProblem:
    severity: str
    path: Path
    line: int
    field: str
    message: str
    hint: str


@dataclass
class ImageCatalog:
    """The outcome of one run of the pipeline."""

    images: dict[str, PublishedImage] = field(default_factory=dict)
    problems: list[ImageProblem] = field(default_factory=list)
    processed: int = 0     # sources decoded in this run (0 when all came from the cache)
    written: int = 0       # output files written in this run
    reused: int = 0        # sources served entirely from the cache
    seconds: float = 0.0

    def get(self, source_url: str) -> PublishedImage | None:
        """By the source's path under content/, e.g. images/fence.jpg."""
        return self.images.get(source_url)

    def cover_of(self, article: Article) -> PublishedImage | None:
        return self.images.get(article.cover.url) if article.cover else None

    def share_image(self, article: Article) -> Variant | None:
        """The 1200×630 Open Graph picture made from the article's cover."""
        published = self.cover_of(article)
        return published.share if published else None

    def variants(self) -> Iterator[Variant]:
        seen: set[str] = set()
        for published in self.images.values():
            for variant in published.variants():
                if variant.url not in seen:
                    seen.add(variant.url)
                    yield variant

    @property
    def bytes_published(self) -> int:
        return sum(v.path.stat().st_size for v in self.variants())

    def report(self, problems: Problems) -> None:
        """Add this run's problems to the bulletin's, with article file and line."""
        for p in self.problems:
            add = problems.error if p.severity == ERROR else problems.warn
            add(p.path, p.line, p.field, p.message, p.hint)

    def summary(self) -> str:
        return (f"图片：{len(self.images)} 张，本次处理 {self.processed} 张"
                f"（写出 {self.written} 个文件），{self.reused} 张直接用缓存，用时 {self.seconds:.1f} 秒。")


def references(bulletin: Bulletin) -> dict[Path, list[Reference]]:
    """Every image the published articles use, by file."""
    found: dict[Path, list[Reference]] = defaultdict(list)
    for article in bulletin.articles:
        if article.cover is not None:
            found[article.cover.file].append(Reference(article, article.cover, "cover.src"))
        for image in article.images:
            found[image.file].append(Reference(article, image, "图片"))
    return found


def prepare_images(bulletin: Bulletin, settings: ImageSettings, cache_dir: Path) -> ImageCatalog:
    """Process what the cache lacks and describe everything the site publishes."""
    started = time.perf_counter()
    cache = ImageCache(cache_dir)
    catalog = ImageCatalog()
    used = references(bulletin)
    shas = {path: cache.sha(path) for path in used}
    infos = {path: cache.read_info(sha) for path, sha in shas.items()}
    jobs = [Job(path, shas[path], cache.root, settings, _is_cover(refs))
            for path, refs in used.items()
            if _needs_work(infos[path], cache, shas[path], settings, _is_cover(refs))]
    results = {r.sha: r for r in run_jobs(jobs, settings.workers)}
    for path, refs in used.items():
        result = results.get(shas[path])
        info = result.info if result else infos[path]
        catalog.written += result.written if result else 0
        _add(catalog, path, refs, info, shas[path], cache, settings)
    catalog.processed = len(jobs)
    catalog.reused = len(used) - len(jobs)
    cache.save_index()
    catalog.seconds = time.perf_counter() - started
    return catalog


def _is_cover(refs: list[Reference]) -> bool:
    return any(r.field == "cover.src" for r in refs)


def _needs_work(info: dict | None, cache: ImageCache, sha: str, settings: ImageSettings,
                share: bool) -> bool:
    if info is None:
        return True
    if "error" in info:
        return False  # the same bytes fail the same way: say so without decoding again
    specs = specs_for(_source(info), settings, share)
    return not all(cache.output(sha, spec).exists() for spec in specs)


def _source(info: dict) -> SourceInfo:
    return SourceInfo(info["width"], info["height"], info.get("animated", False))


def _add(catalog: ImageCatalog, path: Path, refs: list[Reference], info: dict, sha: str,
         cache: ImageCache, settings: ImageSettings) -> None:
    if "error" in info:
        for ref in refs:
            catalog.problems.append(ImageProblem(ERROR, ref.article.path, ref.image.line, ref.field,
                                                 info["error"]["message"], info["error"]["hint"]))
        return
    source = _source(info)
    url = refs[0].image.url

    def variant(spec: OutputSpec) -> Variant:
        height = spec.height or round(source.height * spec.width / source.width)
        return Variant(published_url(url, sha, spec), cache.output(sha, spec),
                       spec.width, max(1, height), MIME[spec.format])

    specs = web_specs(source, settings)
    catalog.images[url] = PublishedImage(
        source_url=url, width=source.width, height=source.height,
        webp=tuple(variant(s) for s in specs if s.format == WEBP),
        jpeg=tuple(variant(s) for s in specs if s.format == JPEG),
        share=variant(share_spec(settings)) if _is_cover(refs) else None,
    )
    for ref in refs:
        catalog.problems.extend(_warnings(ref, source, settings))


def published_url(source_url: str, sha: str, spec: OutputSpec) -> str:
    """images/fence.jpg → images/fence-960w-1a2b3c4d.webp: readable, and a new
    name whenever the picture changes, so browsers never keep a stale copy."""
    folder, name = posixpath.split(source_url)
    stem = posixpath.splitext(name)[0]
    return posixpath.join(folder, f"{stem}-{spec.label}-{sha[:8]}{SUFFIX[spec.format]}")


def _warnings(ref: Reference, source: SourceInfo, settings: ImageSettings) -> Iterator[ImageProblem]:
    where = (ref.article.path, ref.image.line, ref.field)
    if source.animated:
        yield ImageProblem(WARNING, *where, f"“{ref.image.src}”是动图，网站上只显示它的第一帧。",
                           "想让读者看到过程，可以拆成几张图片，或者改用视频链接。")
    needed = print_pixels(settings.print_width_mm, settings.print_dpi)
    if source.width < needed:
        yield ImageProblem(
            WARNING, *where,
            f"图片“{ref.image.src}”只有 {source.width} 像素宽，印成 {settings.print_width_mm:g} 毫米宽时"
            f"只有 {print_dpi(source.width, settings.print_width_mm)} dpi，"
            f"印刷至少需要 {settings.print_dpi} dpi（{needed} 像素宽）。",
            "换用手机或相机拍的原图（不要用聊天软件转发后被压缩的图）；"
            "如果这张图在版面上印得更小，可以调小 mkdocs.yml 里的 images_print_width_mm。")
