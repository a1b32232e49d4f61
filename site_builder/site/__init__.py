"""The site map: every page and file the bulletin publishes, engine-free."""
