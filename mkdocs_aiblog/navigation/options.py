"""Navigation options: `navigation:` under the plugin in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

DEFAULT_PER_PAGE = 10


class NavigationConfig(Config):
    """Navigation that scales: posts out of the sidebar, newer/older links, pagination."""

    posts_in_nav = c.Type(bool, default=False)
    """Keep posts in the site navigation (small blogs); by default they are left out."""
    newer_older = c.Type(bool, default=True)
    """End each post with "Newer post" / "Older post" links by date, not Material's footer links."""
    per_page = c.Type(int, default=DEFAULT_PER_PAGE)
    """Posts per page of the `/// post-list`; further pages go to `page/2/`... beside it."""
    archive = c.Type(bool, default=False)
    """Generate an archive by year and month (`archive/` beside the post list, linked from it)."""
