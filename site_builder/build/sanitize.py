"""The second line of defence: the rendered article HTML is sanitised.

The core refuses unsafe raw HTML with a message for the editor; this keeps
anything it may miss (a trick of HTML parsing, a Markdown extension's
output) from reaching a page: only the tags and attributes that articles
use survive, with no event handlers and no `javascript:` URLs.
"""

from __future__ import annotations

import nh3

# What Markdown and its extensions (tables, attr_list, md_in_html, our
# sections) produce in an article, plus responsive images.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "picture", "pre", "q", "s", "section", "small", "source", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
    "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "type", "reversed"},
    "time": {"datetime"},
    "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean(html: str) -> str:
    """The article HTML with everything that could run code removed."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     generic_attribute_prefixes={"data-"}, link_rel=None, strip_comments=True)
