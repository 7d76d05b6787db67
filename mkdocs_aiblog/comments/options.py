"""The comments' options: `comments:` under the plugin in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

PROVIDERS = ("giscus", "isso")
LOADS = ("visible", "click", "immediate")
PAGES = ("posts", "all")


class CommentsConfig(Config):
    """Comments under each post, loaded only when the reader wants them."""

    provider = c.Optional(c.Choice(PROVIDERS))
    """`giscus` or `isso` (default: none, no comments)."""
    load = c.Choice(LOADS, default="visible")
    """When the widget loads: when the reader reaches it, on a button, or with the page."""
    pages = c.Choice(PAGES, default="posts")
    """Which pages show comments; front matter `comments: true|false` decides for one page."""
    giscus = c.Type(dict, default={})
    """giscus's `data-*` attributes, without the prefix, in snake case (`repo_id`)."""
    isso = c.Type(dict, default={})
    """Isso's `data-isso-*` attributes likewise, and `url`, where the server answers."""


OPTIONS = frozenset(key for key, _ in CommentsConfig._schema)
"""The option names: any other under `comments:` is a typo MkDocs has warned about."""
