"""The plugin's options, as `mkdocs.yml` spells them under `plugins: - aiblog:`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HeadingsConfig(Config):
    """Emoji-headed sections."""

    enabled = c.Type(bool, default=True)
    levels = c.ListOfItems(c.Choice((1, 2, 3, 4, 5, 6)), default=[2, 3])
    """Heading levels whose leading or trailing emoji becomes a badge."""
    position = c.Choice(("before", "after", "keep"), default="before")
    """Where the badge sits: before the text, after it, or where the author wrote it."""
    size = c.Choice(("small", "medium", "large"), default="medium")
    """Badge size, a step of Material's type scale."""
    toc = c.Choice(("emoji", "text"), default="emoji")
    """Table of contents entries: the clean text with a small emoji mark, or text only."""
    section_class = c.Type(bool, default=True)
    """Give emoji headings the class `aiblog-section` for the stylesheet's section accent."""


class PopularConfig(Config):
    """The "Popular posts from this blog" block."""

    enabled = c.Type(bool, default=True)
    limit = c.Type(int, default=5)
    """How many posts the block lists."""
    pages = c.Choice(("posts", "all"), default="posts")
    """Show the block on posts only, or on every page of the site."""
    views_file = c.Optional(c.Type(str))
    """An analytics export, relative to the folder of `mkdocs.yml`."""
    views_format = c.Choice(
        ("auto", "goatcounter", "plausible", "ga4", "umami", "csv", "json"), default="auto"
    )
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


class NavigationConfig(Config):
    """Navigation that scales: posts out of the sidebar, newer/older links, pagination."""

    posts_in_nav = c.Type(bool, default=False)
    """Keep posts in the site navigation (small blogs); by default they are left out."""
    newer_older = c.Type(bool, default=True)
    """End each post with "Newer post" / "Older post" links by date, not Material's footer links."""
    per_page = c.Type(int, default=10)
    """Posts per page of the `/// post-list`; further pages go to `page/2/`... beside it."""
    archive = c.Type(bool, default=False)
    """Generate an archive by year and month (`archive/` beside the post list, linked from it)."""


class AiblogConfig(Config):
    """Options of the `aiblog` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off without removing it from `mkdocs.yml`."""
    posts_dir = c.Type(str, default="posts")
    """The folder under `docs/` whose pages are posts."""
    authors_file = c.Type(str, default="{posts_dir}/.authors.yml")
    """Authors, in Material's blog format; inside `docs/`, with `{posts_dir}` or `{blog}`."""
    words_per_minute = c.Type(int, default=265)
    """Reading speed for the reading time."""
    date_format = c.Type(str, default="long")
    """A Babel date format: `short`, `medium`, `long`, `full` or a pattern."""
    byline = c.Type(bool, default=True)
    """Show the byline under each post's title."""
    meta_tags = c.Type(bool, default=True)
    """Emit OpenGraph, Twitter card and JSON-LD `BlogPosting` in each post's head."""
    words = c.DictOfItems(c.Type(str), default={})
    """Override any user-visible word, by key (see the README)."""
    headings = c.SubConfig(HeadingsConfig)
    popular = c.SubConfig(PopularConfig)
    full_story = c.SubConfig(FullStoryConfig)
    navigation = c.SubConfig(NavigationConfig)
