"""The plugin's Markdown blocks, on pymdown-extensions' Blocks API.

`/// post-list` places the list of posts, newest first (see `PostListBlock`).

`/// full-story` places the "Explore the full story" card::

    /// full-story
        url: https://example.com/original
        source: Example News

    The original report has the interviews and the data.
    ///

(pymdownx reads the options from the lines indented by four spaces.)
A Markdown extension does not know which page it renders, so under the plugin
(which sets `slots: true`) the block only leaves a slot (`<div
class="aiblog-full-story-slot" data-url=...>body</div>`); the plugin finds it
with `fullstory.extract_slot`, merges it with the post's front matter and
renders the card there. Listed by hand where no plugin runs (Zensical), the
extension renders a block with its own `url` as the card itself, and a note in
place of a post list (`standalone`).

pymdownx prints a block as raw text, silently, when its options are not YAML or
name an option it does not know. Here nothing of a block is ever shown raw: a
header that is not YAML is replaced, before pymdownx reads it, by one option
naming the problem (`OptionsCheck`); unknown options and wrong values are kept
out of pymdownx's validation. Each problem rides on the slot (`data-problems`,
and `data-open` on a block with no closing `///`), where the plugin warns with
the page's name; without the plugin, `log` sends them to Python-Markdown's logger.

Over 300 lines because the two blocks share one options check, one problem
protocol and one extension; split, each half would import the other's internals.
"""

from __future__ import annotations

import json
import logging
import textwrap
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

import yaml
from markdown.blockprocessors import BlockProcessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import RE_INDENT_YAML_LINE, RE_START, BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block, type_any

from mkdocs_aiblog.core.slots import FULL_STORY_KEYS as KEYS
from mkdocs_aiblog.core.slots import (
    FULL_STORY_SLOT,
    OPEN,
    POST_LIST_SLOT,
    PROBLEMS,
    full_story_attributes,
    problems_attribute,
    slot_problems,
)
from mkdocs_aiblog.core.text import name as quoted
from mkdocs_aiblog.core.text import shown
from mkdocs_aiblog.markdown import standalone
from mkdocs_aiblog.markdown.quickblocks import QuickBlocksManager

if TYPE_CHECKING:
    from markdown import Markdown
    from markdown.blockparser import BlockParser

log = logging.getLogger("MARKDOWN")

PROBLEM = "aiblog-problem"
"""The option `OptionsCheck` puts in place of a header pymdownx cannot read."""

_KINDS = {"str": "text", "int": "number", "float": "number", "bool": "true or false"}
_OUTCOME = {
    "full-story": "the card is left out",
    "post-list": "the list shows its first page",
}


def header_problem(name: str, header: str) -> str | None:
    """Give what is wrong with a block's options (dedented YAML), or None if nothing.

    Tells apart what pymdownx reads as "no options" (None) and refuses: text
    that is not YAML, and YAML that is not a mapping of `option: value` lines.
    """
    try:
        data = yaml.safe_load(header)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        reason = " ".join(str(error.problem or error.context).split())
        return f"/// {name}: options: not valid YAML: {where}{reason}; {_OUTCOME[name]}"
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as error:
        reason = " ".join(str(error).split())[:80]
        return f"/// {name}: options: not valid YAML: {reason}; {_OUTCOME[name]}"
    if data is None or isinstance(data, dict):
        return None
    kind = _KINDS.get(type(data).__name__, type(data).__name__)
    return f"/// {name}: options: a {kind}, not `option: value` lines; {_OUTCOME[name]}"


class OptionsCheck(BlockProcessor):
    """Rewrites the unreadable header of one of the plugin's blocks before pymdownx sees it.

    Runs just before pymdownx's block processor on the same text: `run` replaces
    the header by a `PROBLEM` option and returns False, so the parser offers the
    rewritten text to pymdownx, which then creates the block as usual.
    """

    def __init__(self, parser: BlockParser, names: frozenset[str]) -> None:
        super().__init__(parser)
        self.names = names

    def _rewritten(self, block: str) -> str | None:
        if "///" not in block:  # most blocks of most pages: one substring test
            return None
        start = RE_START.search(block)
        if start is None or start.group(2).lower() not in self.names:
            return None
        rest = block[start.end() :]
        header = RE_INDENT_YAML_LINE.match(rest)
        if header is None:
            return None
        problem = header_problem(start.group(2).lower(), textwrap.dedent(header.group(0)))
        if problem is None:
            return None
        option = f"    {PROBLEM}: {json.dumps(problem)}\n"  # JSON strings are YAML strings
        return block[: start.end()] + option + rest[header.end() :]

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._rewritten(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        blocks[0] = self._rewritten(blocks[0]) or blocks[0]
        return False  # not handled: pymdownx's processor, next, creates the block


_SLOTS = (("full-story", FULL_STORY_SLOT), ("post-list", POST_LIST_SLOT))


class ProblemLog(Treeprocessor):
    """Logs the problems the blocks left on their slots (used without the plugin)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter("div"):
            classes = element.get("class", "").split()
            for name, slot_class in _SLOTS:
                if slot_class in classes:
                    problems = slot_problems(element.attrib)
                    if OPEN in element.attrib:
                        problems.append(f"/// {name}: no closing '///' line")
                    for problem in problems:
                        log.warning(problem)


def _problems(options: dict[str, Any]) -> list[str]:
    """Take the problem `OptionsCheck` left out of `options` (a list of at most one)."""
    problem = options.pop(PROBLEM, None)
    return [problem] if isinstance(problem, str) else []


def _mark(element: etree.Element, problems: list[str]) -> etree.Element:
    """Give the slot with its block's problems."""
    if problems:
        element.set(PROBLEMS, problems_attribute(problems))
    return element


class OpenBlocks(Treeprocessor):
    """Marks the slot of each block of the plugin's that never found its closing `///`.

    pymdownx keeps such a block on its stack to the end of the document (it then
    holds the rest of the page); a nested block that its parent's `///` closed
    is not on it.
    """

    def __init__(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        super().__init__(md)
        self.block_mgr = block_mgr

    def run(self, root: etree.Element) -> None:
        for entry in self.block_mgr.stack:
            if isinstance(entry.block, FullStoryBlock | PostListBlock):
                entry.el.set(OPEN, "")


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
        self.problems = _problems(options)
        self.unknown = {name: value for name, value in options.items() if name not in KEYS}
        known = {name: value for name, value in options.items() if name in KEYS}
        return bool(super()._validate(parent, arg, **known))

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Give the slot element; the block's body is parsed into it."""
        options = {name: self.options[name] for name in KEYS}
        if options["title"] is None and self.argument:
            options["title"] = self.argument
        slot = etree.SubElement(parent, "div", full_story_attributes({**options, **self.unknown}))
        return _mark(slot, self.problems)


class PostListBlock(Block):  # type: ignore[misc]
    """`/// post-list`: the list of posts, newest first, a page at a time.

    The block has no body (what is put in it follows the list). The plugin
    renders the list where the slot is, and its further pages (`page/2/` beside
    the page) from the same block. Bad options are left out, each a problem.
    """

    NAME = "post-list"
    ARGUMENT = None
    OPTIONS: ClassVar[dict[str, tuple[object, Callable[[Any], Any]]]] = {
        "page": (1, type_any),
    }

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        """Keep bad options out of pymdownx's validation, which would print the block raw."""
        self.problems = _problems(options)
        for name in [name for name in options if name != "page"]:  # `attrs` too: no element
            self.problems.append(f"/// post-list: {name}: unknown option; expected page")
            del options[name]
        page = options.get("page", 1)
        if page is None:  # `page:` with nothing after it: as if absent
            options.pop("page")
        elif isinstance(page, bool) or not isinstance(page, int) or page < 1:
            shown = repr(page) if len(repr(page)) <= 80 else repr(page)[:77] + "..."
            self.problems.append(
                f"/// post-list: page: {shown} is not a page number (1 or more);"
                " the list shows its first page"
            )
            options.pop("page", None)
        return bool(super()._validate(parent, arg, **options))

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Give the empty slot element the plugin fills."""
        attributes = {"class": POST_LIST_SLOT, "data-page": str(self.options["page"])}
        return _mark(etree.SubElement(parent, "div", attributes), self.problems)


class AiblogBlocksExtension(BlocksExtension):  # type: ignore[misc]
    """Registers the plugin's blocks with pymdownx's shared block manager."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "log": [
                True,
                "Log each problem with Python-Markdown's logger; the plugin turns"
                " this off and warns with the page's name instead",
            ],
            "slots": [False, "Leave slots for the plugin, which turns this on; else: standalone"],
            **{name: list(entry) for name, entry in standalone.OPTIONS.items()},
        }
        self.problems: list[str] = []
        super().__init__(**kwargs)

    def setConfig(self, key: str, value: Any) -> None:
        """Set an option; an unknown one or a bad true/false is a problem, not a traceback."""
        if key not in self.config:
            self.problems.append(f"{standalone.NAME}: {quoted(key)}: unknown option; ignored")
            return
        try:
            super().setConfig(key, value)
        except ValueError:
            self.problems.append(f"{standalone.NAME}: {key}: {shown(value)} is not true or false")

    def register_block_mgr(self, md: Markdown) -> BlocksProcessor:
        """Give the block manager; the first blocks extension of a page creates it.

        Another blocks extension listed before this one (`pymdownx.blocks.admonition`)
        has created pymdownx's own, which all then share; else this creates the
        quicker one (`QuickBlocksProcessor`), which those listed after share.
        """
        if "blocks" in md.parser.blockprocessors:
            return cast("BlocksProcessor", super().register_block_mgr(md))
        manager = QuickBlocksManager()
        manager.extendMarkdown(md)
        return cast("BlocksProcessor", manager.extension)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        """Register each block once, so listing the extension twice does no harm."""
        for block in (FullStoryBlock, PostListBlock):
            if block_mgr.blocks.get(block.NAME) is not block:
                block_mgr.register(block, self.getConfigs())
        names = frozenset(block.NAME for block in (FullStoryBlock, PostListBlock))
        # After "indent" (90), just before pymdownx's "blocks" (89.99), which reads the result.
        md.parser.blockprocessors.register(OptionsCheck(md.parser, names), "aiblog_options", 89.995)
        # Before pymdownx's "blocks_on_inline_end" (19.99); the stack is read, not changed.
        md.treeprocessors.register(OpenBlocks(md, block_mgr), "aiblog_open_blocks", 20)
        for problem in self.problems:
            standalone.warn_once(problem)
        if not self.getConfig("slots"):
            standalone.register(md, self.getConfigs())  # logs the slots' problems itself
            return
        standalone.deregister(md)  # listed twice: the plugin's listing leaves the slots
        if self.getConfig("log"):
            md.treeprocessors.register(ProblemLog(md), "aiblog_block_problems", 0)
        else:
            md.treeprocessors.deregister("aiblog_block_problems", strict=False)


def makeExtension(**kwargs: Any) -> AiblogBlocksExtension:
    """Give the extension, for `markdown.Markdown(extensions=["mkdocs_aiblog.blocks"])`."""
    return AiblogBlocksExtension(**kwargs)
