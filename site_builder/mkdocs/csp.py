"""The Content-Security-Policy every page carries.

Pages fetch and run nothing from elsewhere: scripts, styles, images, fonts
and data come from the site itself. Should a page still carry markup that
runs code (a sanitiser's miss, a tampered file), the browser refuses it.

It is a `<meta http-equiv>` (rendered by partials/bulletin/csp.html), because
newsrooms host the site on servers whose headers they cannot set.

Material writes three small inline scripts into every page (its local
storage scope, the colour palette, the anchor fix). Rather than allow every
inline script, the rendered page is sealed: the SHA-256 of each inline
script of the theme on that page replaces a placeholder in the policy, so
those exact scripts run and nothing else inline does. Scripts inside an
`<article>` (where the editors' content goes) are never sealed. The policy is left out while
previewing, since the preview server injects its own live-reload script.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

from jinja2 import Environment

# Replaced by the hashes of the page's own inline scripts (see `seal`).
INLINE_SCRIPTS = "'bulletin-inline-scripts'"

POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # WebAssembly compiled from the site's own files (Pagefind's search index).
    "script-src": ("'self'", "'wasm-unsafe-eval'", INLINE_SCRIPTS),
    "style-src": ("'self'",),
    # Material draws its icons from data: URIs in its stylesheet.
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "object-src": ("'none'",),
    "frame-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def policy() -> str:
    """The policy as the theme renders it, with the placeholder for hashes."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in POLICY.items())


def install(env: Environment, *, serving: bool) -> None:
    """Make the policy available to the theme as `bulletin_csp` (None when previewing)."""
    env.globals["bulletin_csp"] = None if serving else policy()


def seal(page_html: str) -> str:
    """Put the hashes of the page's inline scripts into its policy."""
    if INLINE_SCRIPTS not in page_html:
        return page_html
    sources = " ".join(f"'sha256-{digest}'" for digest in inline_script_hashes(page_html))
    return page_html.replace(INLINE_SCRIPTS, sources, 1)


def inline_script_hashes(page_html: str) -> list[str]:
    """Base64 SHA-256 of every inline, executable script, in page order, once each."""
    finder = _InlineScripts()
    finder.feed(page_html)
    finder.close()
    digests = [base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
               for text in finder.scripts]
    return list(dict.fromkeys(digests))


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None
        self._articles = 0  # depth inside <article>: the content, never trusted

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self._articles += 1
        elif (tag == "script" and not self._articles and "src" not in values
              and (values.get("type") or "").lower() in _EXECUTABLE_TYPES):
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._articles:
            self._articles -= 1
        elif tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None
