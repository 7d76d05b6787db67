"""The related posts' options: `related:` under the plugin in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class RelatedConfig(Config):
    """ "Related posts" at the end of each post."""

    enabled = c.Type(bool, default=True)
    limit = c.Type(int, default=3)
    """How many posts the block lists at most, the ones a post names first."""
