"""The plugin's options, as `mkdocs.yml` spells them under `plugins: - aiblog:`.

Each feature defines its own options beside its code; this module puts them together.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from mkdocs_aiblog.comments.options import CommentsConfig
from mkdocs_aiblog.fullstory.options import FullStoryConfig
from mkdocs_aiblog.markdown.closing import CLOSING_MODES
from mkdocs_aiblog.markdown.headings import DEFAULTS, POSITIONS, SIZES, TOC_MODES
from mkdocs_aiblog.navigation.options import NavigationConfig
from mkdocs_aiblog.popular.options import PopularConfig
from mkdocs_aiblog.related.options import RelatedConfig
from mkdocs_aiblog.series.options import SeriesConfig
from mkdocs_aiblog.share.options import ShareConfig


class HeadingsConfig(Config):
    """Emoji-headed sections."""

    enabled = c.Type(bool, default=True)
    levels = c.ListOfItems(c.Choice((1, 2, 3, 4, 5, 6)), default=list(DEFAULTS["levels"]))
    """Heading levels whose leading or trailing emoji becomes a badge."""
    position = c.Choice(POSITIONS, default=DEFAULTS["position"])
    """Where the badge sits: before the text, after it, or where the author wrote it."""
    size = c.Choice(SIZES, default=DEFAULTS["size"])
    """Badge size, a step of Material's type scale."""
    toc = c.Choice(TOC_MODES, default=DEFAULTS["toc"])
    """Table of contents entries: the clean text with a small emoji mark, or text only."""
    section_class = c.Type(bool, default=DEFAULTS["section_class"])
    """Give emoji headings the class `aiblog-section` for the stylesheet's section accent."""
    closing_emoji = c.Type(bool, default=DEFAULTS["closing_emoji"])
    """A section whose last paragraph ends with an emoji gets it as its heading's badge
    (a post's `closing_emoji:` front matter wins)."""
    closing = c.Choice(CLOSING_MODES, default=DEFAULTS["closing"])
    """That emoji stays at the end of the paragraph (`keep`) or leaves it (`move`)."""


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
    series = c.SubConfig(SeriesConfig)
    related = c.SubConfig(RelatedConfig)
    share = c.SubConfig(ShareConfig)
    comments = c.SubConfig(CommentsConfig)
