"""pymdownx's Blocks manager, answering "no" at once for a Markdown block without `///`.

`AiblogBlocksExtension.register_block_mgr` creates it where no other blocks
extension of the page has created pymdownx's own; the blocks of every extension
listed after it then share it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from pymdownx import util as pymdownx_util
from pymdownx.blocks import BlocksMgrExtension, BlocksProcessor, BlocksTreeprocessor

if TYPE_CHECKING:
    from markdown import Markdown


class QuickBlocksProcessor(BlocksProcessor):  # type: ignore[misc]
    """pymdownx's block processor, answering "no" to most blocks with one substring test.

    The parser asks it about every block of every page (it runs at 89.99, before
    nearly every other processor), and pymdownx answers by searching the whole
    block for a start line with `RE_START`, whose leading `(?:^|\\n)` gives the
    regex engine no literal to skip ahead to: about a million CPU instructions a
    page of the benchmark blog. With no block open (nothing on the stack, no
    parent cached by an earlier test) pymdownx's answer depends on that search
    alone, and a start line holds `///`: without it the answer is no, the same.
    tests/unit/test_blocks.py checks both answers against each other.
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        if not self.stack and self.cached_parent is None and "///" not in block:
            return False
        return bool(super().test(parent, block))


class QuickBlocksManager(BlocksMgrExtension):  # type: ignore[misc]
    """pymdownx's block manager (`BlocksMgrExtension`), with `QuickBlocksProcessor`.

    The same registrations as pymdownx's own, which test_blocks.py compares.
    """

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)  # its `reset` resets the processor
        pymdownx_util.escape_chars(md, ["/"])
        self.extension = QuickBlocksProcessor(md.parser, md)
        md.parser.blockprocessors.register(self.extension, "blocks", 89.99)
        tree = BlocksTreeprocessor(md, self.extension)
        md.treeprocessors.register(tree, "blocks_on_inline_end", 19.99)
