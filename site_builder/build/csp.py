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
import re

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
    """Base64 SHA-256 of every bare inline `<script>` outside `<article>`, once each.

    Material writes its inline scripts as plain `<script>`; a script with any
    attribute, or inside the content, is never sealed. A regular expression
    rather than an HTML parser: it is fifty times faster on a whole page.
    """
    digests, depth = [], 0
    for match in _TOKENS.finditer(page_html):
        if match["script"] is not None:
            if not depth:
                digests.append(base64.b64encode(hashlib.sha256(match["script"].encode("utf-8")).digest()).decode())
        elif match["close"]:
            depth = max(depth - 1, 0)
        else:
            depth += 1
    return list(dict.fromkeys(digests))


_TOKENS = re.compile(r"<(?P<close>/?)article\b[^>]*>|<script>(?P<script>.*?)</script>", re.S | re.I)
