"""The Content-Security-Policy every page carries.

Pages fetch and run nothing from elsewhere: scripts, styles, images, fonts
and data come from the site itself. Should a page still carry markup that
runs code (a sanitiser's miss, a tampered file), the browser refuses it.

It is a `<meta http-equiv>` (rendered by partials/bulletin/csp.html), because
newsrooms host the site on servers whose headers they cannot set.

The policy allows no inline script at all. Material's small inline scripts
(its local storage scope, the colour palette, the anchor fix …) are served
as files of our theme (themes/bulletin/partials/javascripts/), so the policy
is one fixed text that no page's output can widen: a `<script>` that reaches
a page by any road is refused like a script from another host. The policy is
left out while previewing, since the preview server injects its own
live-reload script.
"""

from __future__ import annotations

from jinja2 import Environment

POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # WebAssembly compiled from the site's own files (Pagefind's search index).
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
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
    """The policy as the theme renders it."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in POLICY.items())


def install(env: Environment, *, serving: bool) -> None:
    """Make the policy available to the theme as `bulletin_csp` (None when previewing)."""
    env.globals["bulletin_csp"] = None if serving else policy()
