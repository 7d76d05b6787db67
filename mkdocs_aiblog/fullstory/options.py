"""The full-story card's options: `full_story:` under the plugin in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FullStoryConfig(Config):
    """The "Explore the full story" call to action."""

    enabled = c.Type(bool, default=True)
    title = c.Optional(c.Type(str))
    """Default heading of the card (default: localized "Explore the full story")."""
    text = c.Optional(c.Type(str))
    """Default sentence of the card (default: localized "Curious to dive deeper? ...")."""
    button = c.Optional(c.Type(str))
    """Default button words (default: localized "Read the full article")."""
    nofollow = c.Type(bool, default=False)
    """Add `rel="nofollow"` to external full-story links."""
    new_tab = c.Type(bool, default=False)
    """Open external full-story links in a new tab (`target="_blank"`)."""
    campaign = c.DictOfItems(c.Type(str), default={})
    """Query parameters added to external full-story links, e.g. `utm_source: myblog`."""
