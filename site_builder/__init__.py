"""社区报 (Community Bulletin): a static site generator for community bulletins."""

__version__ = "0.1.0"
