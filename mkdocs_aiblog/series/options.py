"""The series' options: `series:` under the plugin in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SeriesConfig(Config):
    """Posts tied together by their `series:` front matter."""

    enabled = c.Type(bool, default=True)
    """Show the box near the top ("Part 2 of 5 in ...") and next/previous in the series."""
