"""The build's machinery that does not depend on an engine.

Atomic publishing and the site lock, page reuse, the render cache, forked
workers, progress and the pinned clock, the Content-Security-Policy and the
sanitiser. The engine adapter (site_builder/mkdocs/) calls them.
"""
