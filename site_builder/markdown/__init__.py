"""Python-Markdown extensions of the bulletin (no MkDocs imports)."""
