"""The plugin's Markdown blocks, on pymdown-extensions' Blocks API.

`/// post-list` places the list of posts, newest first (see `PostListBlock`).

`/// full-story` places the "Explore the full story" card::

    /// full-story
        url: https://example.com/original
        source: Example News

    The original report has the interviews and the data.
    ///

(pymdownx reads the options from the lines indented by four spaces.)
A Markdown extension does not know which page it renders, so the block only
leaves a slot (`<div class="aiblog-full-story-slot" data-url=...>body</div>`);
the plugin finds it with `fullstory.extract_slot`, merges it with the post's
front matter and renders the card there.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_any

from mkdocs_aiblog.core.slots import FULL_STORY_KEYS as KEYS
from mkdocs_aiblog.core.slots import POST_LIST_SLOT, full_story_attributes

if TYPE_CHECKING:
    from markdown import Markdown
    from pymdownx.blocks import BlocksProcessor


class FullStoryBlock(Block):  # type: ignore[misc]  # pymdownx ships no type stubs
    """`/// full-story`: the card here, with the YAML header's options.

    Options: `url`, `title`, `text`, `button`, `source` (all optional; a block
    without `url` completes the post's `full_story` front matter). The body, in
    Markdown, is the card's text. `/// full-story | Title` sets the title, as an
    admonition's argument does; a `title:` option wins over it.
    """

    NAME = "full-story"
    ARGUMENT = None
    # Any YAML value passes here: pymdownx would otherwise drop a block with a bad
    # value and print its source as text with no warning; the slot carries the
    # value to `parse_full_story`, which names the key in a warning instead.
    OPTIONS: ClassVar[dict[str, tuple[object, Callable[[Any], Any]]]] = {
        name: (None, type_any) for name in KEYS
    }

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        """Keep unknown keys (and pymdownx's `attrs`) for the slot, not a silent drop.

        pymdownx rejects a block with an unknown option, so its source would show
        as text. The override of this private hook is covered by tests/test_blocks.py.
        """
        self.unknown = {name: value for name, value in options.items() if name not in KEYS}
        known = {name: value for name, value in options.items() if name in KEYS}
        return bool(super()._validate(parent, arg, **known))

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Give the slot element; the block's body is parsed into it."""
        options = {name: self.options[name] for name in KEYS}
        if options["title"] is None and self.argument:
            options["title"] = self.argument
        return etree.SubElement(parent, "div", full_story_attributes({**options, **self.unknown}))


class PostListBlock(Block):  # type: ignore[misc]
    """`/// post-list`: the list of posts, newest first, a page at a time.

    The block has no body. The plugin renders the list where the slot is, and
    its further pages (`page/2/` beside the page) from the same block.
    """

    NAME = "post-list"
    ARGUMENT = None
    OPTIONS: ClassVar[dict[str, tuple[object, Callable[[Any], Any]]]] = {
        "page": (1, type_any),
    }

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Give the empty slot element the plugin fills."""
        page = self.options["page"]
        number = page if isinstance(page, int) and not isinstance(page, bool) and page > 0 else 1
        return etree.SubElement(parent, "div", {"class": POST_LIST_SLOT, "data-page": str(number)})


class AiblogBlocksExtension(BlocksExtension):  # type: ignore[misc]
    """Registers the plugin's blocks with pymdownx's shared block manager."""

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        """Register each block once, so listing the extension twice does no harm."""
        for block in (FullStoryBlock, PostListBlock):
            if block_mgr.blocks.get(block.NAME) is not block:
                block_mgr.register(block, self.getConfigs())


def makeExtension(**kwargs: Any) -> AiblogBlocksExtension:
    """Give the extension, for `markdown.Markdown(extensions=["mkdocs_aiblog.blocks"])`."""
    return AiblogBlocksExtension(**kwargs)
