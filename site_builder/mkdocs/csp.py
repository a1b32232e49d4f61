"""The Content-Security-Policy every page carries.

Pages fetch and run nothing from elsewhere: scripts, styles, images, fonts
and data come from the site itself. Should a sanitised page still carry some
markup that runs code, the browser refuses to run it.

It is a `<meta http-equiv>` (rendered by partials/bulletin/csp.html), because
newsrooms host the site on servers whose headers they cannot set. Material's
only inline `<script>` is its JSON configuration, which is data, not code,
so no hashes are needed. The policy is left out while previewing, since the
preview server injects its own inline live-reload script.
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
    """The policy as the value of a Content-Security-Policy header."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in POLICY.items())


def install(env: Environment, *, serving: bool) -> None:
    """Make the policy available to the theme as `bulletin_csp` (None when previewing)."""
    env.globals["bulletin_csp"] = None if serving else policy()
