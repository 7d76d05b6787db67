"""The plugin's Blocks Markdown extension, by the name users list: `mkdocs_aiblog.blocks`."""

from __future__ import annotations

from mkdocs_aiblog.markdown.blocks import AiblogBlocksExtension, makeExtension

__all__ = ["AiblogBlocksExtension", "makeExtension"]
