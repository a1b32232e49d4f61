"""Run Pagefind over the search records and write its bundle into the site.

Pagefind splits the index into small chunks that a browser fetches only as a
query needs them, so a phone downloads a few dozen kilobytes per search
instead of one index of the whole archive.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from ..content import Bulletin
from .records import LANGUAGE, SearchRecord, records

log = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"

# Pagefind also writes its ready-made interfaces; the site uses its own
# Chinese results view over pagefind.js, so these would only be dead weight.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
                "pagefind-modular-ui.css", "pagefind-component-ui.js",
                "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind could not build the index; the message is Chinese."""


@dataclass(frozen=True)
class IndexSummary:
    """What was indexed, for the build log and the benchmark."""

    records: int
    bundle: Path

    @property
    def bytes(self) -> int:
        return sum(f.stat().st_size for f in self.bundle.rglob("*") if f.is_file())


# Records in flight at once: the service indexes while Python sends more.
BATCH = 200


class _PromptService(PagefindService):
    """The Pagefind service, reading its replies as soon as they arrive.

    pagefind 1.5.2's service sleeps 0.1 s before reading each reply, which
    caps indexing at ten records a second (17 minutes for 10,000 articles);
    it also waits forever if the binary dies. This loop is the library's own
    minus the sleep, and fails every pending request when the binary exits.
    """

    async def _wait_for_responses(self) -> None:
        stdout = self._backend.stdout
        try:
            while True:
                output = await stdout.readuntil(b",")
                response = json.loads(base64.b64decode(output[:-1]))
                if response is not None:
                    self._resolve(response)
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(RuntimeError(f"Pagefind 意外退出（{exc}）"))

    def _resolve(self, response: dict) -> None:
        payload = response["payload"]
        message_id = response.get("message_id")
        if message_id is None and payload.get("original_message"):
            message_id = json.loads(payload["original_message"]).get("message_id")
        future = self._responses.get(message_id)
        if future is None or future.done():
            return
        if payload["type"] == "Error":
            future.set_exception(RuntimeError(payload.get("message", "未知错误")))
        else:
            future.set_result(payload)


async def _write(items: Iterable[SearchRecord], bundle: Path) -> int:
    service = await _PromptService().launch()
    count = 0
    try:
        index = await service.create_index(IndexConfig(output_path=str(bundle)))
        batch: list = []
        for item in items:
            batch.append(index.add_custom_record(
                url=item.url, content=item.content, language=LANGUAGE,
                meta=item.meta, filters=item.filters, sort=item.sort))
            if len(batch) == BATCH:
                count += len(await asyncio.gather(*batch))
                batch = []
        count += len(await asyncio.gather(*batch))
        await index.write_files()
    finally:
        await service.close()
    return count


def write_index(items: Iterable[SearchRecord], site_dir: Path) -> IndexSummary:
    """Replace the site's search bundle with an index of `items`."""
    bundle = Path(site_dir).resolve() / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)  # no chunk of an earlier build may survive
    try:
        count = asyncio.run(_write(items, bundle))
    except Exception as exc:  # the service reports failures as plain exceptions
        raise SearchIndexError(f"搜索索引没有生成（Pagefind 出错：{exc}）。"
                               "请确认已安装 pagefind[extended]（运行 make install），再生成一次。") from exc
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    return IndexSummary(count, bundle)


def build_index(bulletin: Bulletin, site_dir: Path) -> IndexSummary:
    """Index every published article of the bulletin into `site_dir`/pagefind/."""
    return write_index(records(bulletin), site_dir)
