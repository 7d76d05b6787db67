"""The popular list's options: `popular:` under the plugin in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from mkdocs_aiblog.popular.columns import FORMATS


class PopularConfig(Config):
    """The "Popular posts from this blog" block."""

    enabled = c.Type(bool, default=True)
    limit = c.Type(int, default=5)
    """How many posts the block lists."""
    pages = c.Choice(("posts", "all"), default="posts")
    """Show the block on posts only, or on every page of the site."""
    views_file = c.Optional(c.Type(str))
    """An analytics export, relative to the folder of `mkdocs.yml`."""
    views_format = c.Choice(("auto", *FORMATS), default="auto")
    """The export's format; `auto` detects it from the header."""
    views_path_column = c.Optional(c.Type(str))
    """With `views_format: csv`, the column that holds the page path."""
    views_count_column = c.Optional(c.Type(str))
    """With `views_format: csv`, the column that holds the count (absent: one view a row)."""
    views_date_column = c.Optional(c.Type(str))
    """With `views_format: csv`, the column that holds the row's date."""
    window_days = c.Optional(c.Type(int))
    """Keep only rows of the last N days, where the export has dates."""
    thumbnails = c.Type(bool, default=True)
    """Show each post's `image` as a thumbnail."""
