"""The full-story card as the plugin drives it: the `full_story:` switches are read here only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mkdocs_aiblog.core import fullstory as card

if TYPE_CHECKING:
    from mkdocs_aiblog.core.fullstory import FullStory
    from mkdocs_aiblog.fullstory.options import FullStoryConfig


class FullStories:
    """The cards of one build: site-wide words and link options, and where each card goes."""

    def __init__(self) -> None:
        self.defaults: card.Defaults | None = None

    def configure(self, options: FullStoryConfig, words: Mapping[str, str]) -> None:
        """Start a build with these options, in the site's words."""
        self.defaults = card.Defaults.from_options(options, words) if options.enabled else None

    def place(self, html: str, front_matter: object) -> tuple[str, FullStory | None, list[str]]:
        """Give a page's HTML with the card's marker, its card, and problems (see `card.place`).

        With the card turned off, a `/// full-story` block leaves nothing behind.
        """
        if self.defaults is None:
            return card.remove_slots(html), None, []
        return card.place(html, front_matter, self.defaults)
