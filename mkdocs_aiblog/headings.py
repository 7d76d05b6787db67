"""The emoji-headings Markdown extension, by the name users list: `mkdocs_aiblog.headings`."""

from __future__ import annotations

from mkdocs_aiblog.markdown.headings import EmojiHeadingsExtension, makeExtension

__all__ = ["EmojiHeadingsExtension", "makeExtension"]
