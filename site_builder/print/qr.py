"""Small QR codes that take a paper reader to an article's web page.

segno draws them as SVG, so they stay sharp at any printing resolution; they go
into the page as `data:` URIs of <img> elements (no markup built here).
"""

from __future__ import annotations

import segno


def qr_data_uri(url: str) -> str:
    """An SVG QR code for `url`, black on white, without quiet zone (the layout
    leaves white space around it)."""
    # Error correction M: still reads with a smudge from cheap newsprint.
    code = segno.make_qr(url, error="m")
    return code.svg_data_uri(scale=1, border=0, dark="#000", light="#fff")
