"""Closing emoji: the emoji that ends a section's last paragraph heads the section.

News posts written for Blogger or WordPress put their emoji at the end of each
section ("...between public good and profit. 🤝"), not in its heading. With the
option `closing_emoji` of the headings extension, such a section is given the
emoji in its heading, before `_TakeOutEmoji` runs, so the badge, id and contents
entry are exactly those of `## Title 🤝`.

Rules (the README repeats them):

- A section is a heading of a looked-at level that is a direct child of the
  document (headings in admonitions, lists, tabs are not sections), and the blocks
  after it up to the next heading of the same or a higher level.
- Its closing block is its last block, passing over trailing blocks that show no
  sentence: a paragraph that holds only a link (a "read the original" line), only
  an HTML comment (`<!-- more -->`), and the slots of the plugin's blocks
  (`/// full-story`). A closing block shared by nested sections heads the
  innermost one (an H3 closing an H2 heads the H3, not both).
- The closing block must be a paragraph whose direct text ends with an emoji run
  (Unicode or `pymdownx.emoji` elements, as in headings; see `emoji.tokenize`),
  after trailing blanks and one trailing link (`... 🤝 [Source](url)`) are set
  aside, with some text before the run. An emoji inside a link, emphasis or
  code is text.
- A heading that has an edge emoji of its own keeps it; a heading with no text
  gets nothing.
- `closing: keep` leaves the emoji at the end of the paragraph as well (the text
  is the author's); `closing: move` takes it out of the paragraph.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX

from .emoji import (
    EMOJI,
    OTHER,
    SPACE,
    Token,
    edge_run,
    element_emoji,
    emoji_classes,
    fill,
    strip_blanks,
    tokenize,
    tokenize_text,
)

if TYPE_CHECKING:
    from markdown import Markdown

CLOSING_MODES = ("keep", "move")
_LEVELS = {f"h{n}": n for n in range(1, 7)}


class ClosingEmoji(Treeprocessor):
    """Give each section whose last paragraph ends with an emoji that emoji in its heading."""

    def __init__(self, md: Markdown, tags: frozenset[str], move: bool) -> None:
        super().__init__(md)
        self.tags = tags
        self.move = move

    def run(self, root: etree.Element) -> None:
        children = list(root)
        owners: dict[int, int] = {}  # closing block -> innermost heading whose section it ends
        for i, child in enumerate(children):
            if child.tag in self.tags:
                closing = self._closing_block(children, i)
                if closing >= 0:
                    owners[closing] = i  # later (inner) headings overwrite outer ones
        if not owners:
            return
        classes = emoji_classes(self.md)
        for closing, heading in owners.items():
            self._give(children[heading], children[closing], classes)

    def _closing_block(self, children: list[etree.Element], start: int) -> int:
        """Give the index of the section's closing paragraph, -1 when it has none."""
        level = _LEVELS[children[start].tag]
        end = start + 1
        while end < len(children) and _LEVELS.get(children[end].tag, 7) > level:
            end += 1
        for i in range(end - 1, start, -1):
            block = children[i]
            if not self._passed_over(block):
                # A list, a table, a nested heading's content: no closing emoji.
                return i if block.tag == "p" else -1
        return -1

    def _passed_over(self, block: etree.Element) -> bool:
        """Tell whether a trailing block is passed over: a lone link, comment or slot."""
        if block.tag not in ("p", "div"):
            return False
        if block.tag == "div":
            return any(
                name.startswith("aiblog-") and name.endswith("-slot")
                for name in (block.get("class") or "").split()
            )
        text = (block.text or "").strip()
        if len(block) == 1 and block[0].tag == "a" and not text:
            return not (block[0].tail or "").strip()
        if len(block) or not (match := HTML_PLACEHOLDER_RE.fullmatch(text)):
            return False
        stash = self.md.htmlStash.rawHtmlBlocks
        number = int(match.group(1))
        raw = stash[number] if number < len(stash) else None
        return isinstance(raw, str) and raw.strip().startswith("<!--")

    def _give(
        self, heading: etree.Element, paragraph: etree.Element, classes: tuple[str, ...]
    ) -> None:
        """Put the paragraph's closing emoji at the end of the heading, if both allow."""
        if not _may_close(paragraph, classes):
            return  # most paragraphs: a glance at their last character
        own = tokenize(heading, self.md, classes)
        if edge_run(own) is not None or not any(t.kind == OTHER for t in own):
            return  # its own emoji, or nothing to head
        tokens = _tail_tokens(paragraph, self.md, classes)
        found = closing_run(tokens)
        if found is None:
            return
        first, last = found
        run = tokens[first : last + 1]
        if self.move:
            kept = strip_blanks(tokens[:first])
            rest = strip_blanks(tokens[last + 1 :])  # the closing link, if any
            fill(paragraph, [*kept, Token(SPACE, " "), *rest] if rest else kept)
        else:
            run = [_copy(token) for token in run]
        fill(heading, [*strip_blanks(own), Token(SPACE, " "), *run])


def _may_close(paragraph: etree.Element, classes: tuple[str, ...]) -> bool:
    """Tell cheaply whether a paragraph may end with an emoji (or a link after one)."""
    if len(paragraph):
        last = paragraph[-1]
        text = (last.tail or "").rstrip()
        if not text:
            return last.tag == "a" or element_emoji(last, classes) is not None
    else:
        text = (paragraph.text or "").rstrip()
    # Every emoji sequence ends on a non-ASCII code point; a stash placeholder
    # (`pymdownx.emoji.to_alt`) ends on ETX.
    return bool(text) and (not text[-1].isascii() or text[-1] == ETX)


def _tail_tokens(paragraph: etree.Element, md: Markdown, classes: tuple[str, ...]) -> list[Token]:
    """Give a paragraph's tokens as `tokenize` does, each text's plain start as one token.

    Only the end of a paragraph matters, and its text is long: cutting each text
    at its last plain ASCII character (no emoji run holds one) spares tokenizing
    the rest character by character (188 -> 50 ms for the 840 sections of a
    300-post benchmark blog).
    """
    return tokenize(paragraph, md, classes, add_text=_add_tail)


def _add_tail(text: str | None, md: Markdown, tokens: list[Token]) -> None:
    if not text:
        return
    i = len(text)
    while i > 0:
        char = text[i - 1]
        if char == ETX and (start := text.rfind(STX, 0, i - 1)) >= 0:
            i = start  # a stash placeholder (`pymdownx.emoji.to_alt`): tokenized whole
        elif char.isascii() and not char.isspace() and char not in "#*0123456789":
            break  # keycaps begin with `#`, `*` or a digit
        else:
            i -= 1
    if i:
        tokens.append(Token(OTHER, text[:i]))
    tokenize_text(text[i:], md, tokens)


def closing_run(tokens: list[Token]) -> tuple[int, int] | None:
    """Give the first and last token of the emoji run that ends a paragraph's text.

    Trailing blanks and one trailing link after the run are set aside; None when
    the text does not end with emoji, or is nothing but emoji.
    """
    end = len(tokens)
    while end and tokens[end - 1].kind == SPACE:
        end -= 1
    link = tokens[end - 1].element if end else None
    if link is not None and link.tag == "a":
        end -= 1
        while end and tokens[end - 1].kind == SPACE:
            end -= 1
    last = end - 1
    first = -1
    i = last
    while i >= 0 and tokens[i].kind in (EMOJI, SPACE):
        if tokens[i].kind == EMOJI:
            first = i
        i -= 1
    if first < 0 or i < 0:
        return None
    return first, last


def _copy(token: Token) -> Token:
    """Give a token whose element (if any) is a copy, for the heading's badge."""
    if token.element is None:
        return Token(token.kind, token.text, unicode=token.unicode)
    element = copy.deepcopy(token.element)
    element.tail = None
    return Token(token.kind, element=element, unicode=token.unicode)
