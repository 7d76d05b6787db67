"""The plugin's Markdown extensions in MkDocs' configuration: registered once, set per page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

HEADINGS = "mkdocs_aiblog.headings"
BLOCKS = "mkdocs_aiblog.blocks"


def add_extension(config: MkDocsConfig, name: str, options: dict[str, object]) -> None:
    """Register a Markdown extension of the plugin's, once, after the site's own."""
    if name not in config.markdown_extensions:
        config.markdown_extensions.append(name)
    config.mdx_configs[name] = options


def set_closing_emoji(config: MkDocsConfig, value: bool) -> None:
    """Set the headings extension's `closing_emoji` for the next page MkDocs renders.

    MkDocs makes a new Markdown instance, and its extensions, for each page from
    `mdx_configs`, right after `on_page_markdown`: a post's own choice is set
    there and the site's put back in `on_page_content`.
    """
    options = config.mdx_configs.get(HEADINGS)
    if isinstance(options, dict):
        options["closing_emoji"] = value
