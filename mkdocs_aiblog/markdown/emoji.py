"""Emoji recognition: in Unicode text, in `pymdownx.emoji` output, at a heading's edges.

The databases behind `pymdownx.emoji` (Twemoji, Gemoji) list every emoji sequence with
its code points, so they are a maintained source of emoji data that the site already
installs. They are read once, on first use, into sets of sequences, which give the
longest sequence at a position.

Matching rules:

- U+FE0F (VS16, emoji presentation) is optional after any code point of a sequence,
  so `⚖️`, `1️⃣` and `1⃣` all match, whichever form the database stores.
- A lone symbol that Unicode presents as text by default (`©`, `™`, `▶`, `❤`: Gemoji
  lists them with U+FE0F) is an emoji only when followed by U+FE0F, so that
  `## Terms ™` stays text. U+FE0E (text presentation) after a match rejects it.
- A match is extended by skin-tone modifiers, tag characters (subdivision flags) and
  ZWJ joins to a further emoji, so sequences newer than the databases stay whole.

`tokenize` and `edge_run` apply this to a heading's direct content for
`headings`, which also recognizes the elements that `pymdownx.emoji`
makes from shortcodes (`element_emoji`) and the Unicode it stashes (`to_alt`).

Over 300 lines: one matcher (Unicode sequences, shortcodes, pymdownx.emoji's
elements) whose rules depend on each other; split, they would be read together anyway.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown.util import AMP_SUBSTITUTE, ETX, HTML_PLACEHOLDER_RE, STX

if TYPE_CHECKING:
    from markdown import Markdown

VS16 = "\ufe0f"
VS15 = "\ufe0e"
ZWJ = "\u200d"


# `pymdownx.emoji` classes elements with its index name unless told otherwise.
DEFAULT_CLASSES = ("twemoji", "emojione", "gemoji")
SPACE, EMOJI, OTHER = range(3)


@dataclass(slots=True)
class Token:
    """A piece of a heading's direct content: blank text, an emoji, or anything else.

    Attributes:
        kind: `SPACE`, `EMOJI` or `OTHER`.
        text: The text of a text piece.
        element: The child element of an element piece.
        unicode: An emoji's characters (for the TOC mark), "" where it has none.
    """

    kind: int
    text: str = ""
    element: etree.Element | None = None
    unicode: str = ""


def _code_points(spec: str) -> str:
    """Give the characters of a database sequence such as `1f469-200d-1f4bb`."""
    return "".join(chr(int(part, 16)) for part in spec.split("-"))


@functools.cache
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    """Give the first code points of every emoji sequence, the text-default code
    points, the sequences themselves (all without U+FE0F), and the longest length.

    Twemoji lists every emoji sequence; Gemoji, which follows Unicode, tells
    which symbols are text by default (it writes them with U+FE0F). EmojiOne, the
    third database, adds nothing current (its extra sequences are spellings the
    skin-tone and joiner rules below already read). Sets of strings rather than a
    trie of dictionaries: the same lookups in a fraction of the memory.
    """
    from pymdownx import gemoji_db, twemoji_db

    starts: set[str] = set()
    sequences: set[str] = set()
    text_default: set[str] = set()
    for db in (twemoji_db, gemoji_db):
        for entry in db.emoji.values():
            # `unicode_alt`, when present, is the valid sequence; `unicode` may be a
            # file name with joiners dropped (Gemoji's `1f469-1f4bb`).
            spec = entry.get("unicode_alt") or entry.get("unicode")
            if not spec:
                continue
            try:
                chars = _code_points(spec)
            except ValueError:
                continue
            key = chars.replace(VS16, "")
            if not key or key.isascii():
                continue
            sequences.add(key)
            starts.add(key[0])
            if db is gemoji_db and len(key) == 1 and chars == key + VS16:
                text_default.add(key)
    longest = max(len(key) for key in sequences)
    return frozenset(starts), frozenset(text_default), frozenset(sequences), longest


def _match_one(text: str, start: int) -> int:
    """Give the end of the longest database sequence at `start`, or -1."""
    starts, text_default, sequences, longest = _data()
    if start >= len(text) or text[start] not in starts:
        return -1
    key = ""
    end = -1
    i = start
    while i < len(text) and len(key) < longest:
        ch = text[i]
        if ch == VS16 and i > start:
            i += 1
            if key in sequences:
                end = i
            continue
        if i > start and ch.isascii():
            break  # only a sequence's first character may be ASCII (keycaps: `1`, `#`)
        key += ch
        i += 1
        if key in sequences:
            end = i
    if end < 0:
        return -1
    if end - start == 1 and text[start] in text_default:
        return -1  # A text-default symbol without its U+FE0F reads as text.
    if text.startswith(VS15, end):
        return -1
    return end


def match_emoji(text: str, start: int = 0) -> int:
    """Give the end of the emoji that begins at `text[start]`, or -1 if none does.

    Args:
        text: The text to look in.
        start: Where the emoji must begin.

    Returns:
        The index just past the emoji (including a trailing U+FE0F), or -1.
    """
    end = _match_one(text, start)
    if end < 0:
        return -1
    while end < len(text):
        ch = text[end]
        if "\U0001f3fb" <= ch <= "\U0001f3ff" or "\U000e0020" <= ch <= "\U000e007f":
            end += 1  # Skin tone, or a tag character of a subdivision flag.
        elif ch == VS16:
            end += 1
        elif ch == ZWJ and (joined := _match_one(text, end + 1)) > 0:
            end = joined
        else:
            break
    return end


def as_emoji(value: str | None) -> str:
    """Give `value` as Unicode emoji if it is nothing but emoji, else an empty string.

    Args:
        value: Text such as an `alt` attribute, possibly with HTML entities (the
            `html_entity` alt form of `pymdownx.emoji`) and surrounding blanks.

    Returns:
        The emoji characters, or `""` when `value` holds anything else.
    """
    if not value:
        return ""
    value = html.unescape(value.replace(AMP_SUBSTITUTE, "&")).strip()
    i = 0
    while i < len(value):
        end = match_emoji(value, i)
        if end < 0:
            return ""
        i = end
    return value


def could_start(char: str) -> bool:
    """Tell whether an emoji sequence may begin with `char` (a quick pre-check)."""
    return char in _data()[0]


# Emoji in a heading's content ---------------------------------------------


def emoji_classes(md: Markdown) -> tuple[str, ...]:
    """Give the class that the site's `pymdownx.emoji` puts on the elements it makes."""
    if "emoji" not in md.inlinePatterns:
        return DEFAULT_CLASSES
    pattern = md.inlinePatterns["emoji"]
    options = getattr(pattern, "options", None)
    index = getattr(pattern, "emoji_index", None)
    name = index.get("name") if isinstance(index, dict) else None
    value = options.get("classes", name) if isinstance(options, dict) else name
    return (value,) if isinstance(value, str) and value else DEFAULT_CLASSES


def element_emoji(element: etree.Element, classes: tuple[str, ...]) -> str | None:
    """Give an element's emoji characters if `pymdownx.emoji` made it, else None.

    An emoji element with no Unicode form (a Material icon) gives "".
    """
    if element.tag not in ("img", "span", "svg"):
        return None
    value = element.get("class") or ""
    # Sprites get `<classes>-<size>-<category> _<code>`, the others `<classes>`.
    if not any(value == c or value.startswith(f"{c}-") for c in classes):
        return None
    if element.tag == "img":
        return _made_emoji(element.get("alt")) or _made_emoji(element.get("title"))
    if element.tag == "svg":
        return _made_emoji(element.findtext("description"))
    return _made_emoji(element.text)


@functools.lru_cache(maxsize=4096)  # a site uses the same few hundred emoji throughout
def _made_emoji(value: str | None) -> str:
    """Give the emoji `pymdownx.emoji` wrote in an element it made, "" if none.

    Its `alt` of a symbol that defaults to text lacks the emoji variation selector
    (`⚔` for `:crossed_swords:`), which the element itself implies: add it back,
    so the table of contents shows the emoji rather than dropping it.
    """
    found = as_emoji(value)
    if not found and value and not value.strip().endswith("\ufe0f"):
        found = as_emoji(value.strip() + "\ufe0f")
    return found


def worth_a_look(heading: etree.Element, classes: tuple[str, ...]) -> bool:
    """Tell cheaply whether a heading may start or end with an emoji."""
    head = (heading.text or "").lstrip()
    if head:
        if head[0] == STX or could_start(head[0]):
            return True
    elif len(heading) and element_emoji(heading[0], classes) is not None:
        return True
    tail = (heading[-1].tail if len(heading) else heading.text) or ""
    tail = tail.rstrip()
    if tail:
        # Every emoji sequence ends on a non-ASCII code point; a stash placeholder
        # (`pymdownx.emoji.to_alt`) ends on ETX.
        return not tail[-1].isascii() or tail[-1] == ETX
    return len(heading) > 0 and element_emoji(heading[-1], classes) is not None


def tokenize(
    heading: etree.Element,
    md: Markdown,
    classes: tuple[str, ...],
    add_text: Callable[[str | None, Markdown, list[Token]], None] | None = None,
) -> list[Token]:
    """Cut an element's direct content (a heading's) into blank, emoji and other tokens.

    `add_text` tokenizes each piece of text (default: `tokenize_text`, all of it).
    """
    add = add_text or tokenize_text
    tokens: list[Token] = []
    add(heading.text, md, tokens)
    for child in heading:
        unicode = element_emoji(child, classes)
        kind = OTHER if unicode is None else EMOJI
        tokens.append(Token(kind, element=child, unicode=unicode or ""))
        add(child.tail, md, tokens)
    return tokens


def tokenize_text(text: str | None, md: Markdown, tokens: list[Token]) -> None:
    """Append the blank, emoji and other tokens of a piece of text to `tokens`."""
    if not text:
        return
    starts = _data()[0]
    i = 0
    while i < len(text):
        unicode = ""
        if plain := _ASCII_WORDS.match(text, i):
            # Plain ASCII text, the common case: skip it in one go.
            end = plain.end()
            kind = OTHER
        elif _plain(text[i], starts):
            end = i + 1
            while end < len(text) and _plain(text[end], starts):
                end += 1
            kind = OTHER
        elif text[i].isspace():
            end = i + 1
            while end < len(text) and text[end].isspace():
                end += 1
            kind = SPACE
        elif placeholder := HTML_PLACEHOLDER_RE.match(text, i):
            # `pymdownx.emoji.to_alt` stashes the bare emoji as raw HTML.
            end = placeholder.end()
            number = int(placeholder.group(1))
            blocks = md.htmlStash.rawHtmlBlocks
            stashed = blocks[number] if number < len(blocks) else None
            unicode = as_emoji(stashed) if isinstance(stashed, str) else ""
            kind = EMOJI if unicode else OTHER
        elif (end := match_emoji(text, i)) > 0:
            unicode = text[i:end]
            kind = EMOJI
        else:
            end = i + 1
            kind = OTHER
        if kind == OTHER and tokens and tokens[-1].kind == OTHER and tokens[-1].element is None:
            tokens[-1].text += text[i:end]
        else:
            tokens.append(Token(kind, text[i:end], unicode=unicode))
        i = end


# Words of ASCII that begin no emoji (digits, `#` and `*` begin keycaps) and hold no
# stash placeholder, with blanks only between them. A class of every emoji's first
# character would be slower: most lie outside the BMP, where `re` tests ranges one
# by one.
_ASCII_WORD = f"[^\\s{STX}#*0-9\x80-\U0010ffff]+"
_ASCII_WORDS = re.compile(f"{_ASCII_WORD}(?:[ \\t]+{_ASCII_WORD})*")  # blanks inside only


def _plain(char: str, starts: frozenset[str]) -> bool:
    return char not in starts and char != STX and not char.isspace()


def edge_run(tokens: list[Token]) -> tuple[int, int, bool] | None:
    """Give the first and last token of the leading (else trailing) emoji run.

    The third item tells whether the run trails. None when the heading has no edge
    emoji or nothing but emoji.
    """
    solid = [i for i, token in enumerate(tokens) if token.kind != SPACE]
    count = 0
    while count < len(solid) and tokens[solid[count]].kind == EMOJI:
        count += 1
    if count == len(solid):
        return None
    if count:
        return solid[0], solid[count - 1], False
    count = 0
    while tokens[solid[-1 - count]].kind == EMOJI:
        count += 1
    return (solid[-count], solid[-1], True) if count else None


def strip_blanks(tokens: list[Token]) -> list[Token]:
    """Give the tokens without the blanks at either end."""
    while tokens and tokens[0].kind == SPACE:
        tokens = tokens[1:]
    while tokens and tokens[-1].kind == SPACE:
        tokens = tokens[:-1]
    return tokens


def fill(parent: etree.Element, tokens: list[Token]) -> None:
    """Replace an element's content with the tokens, in order."""
    del parent[:]
    last: etree.Element | None = None
    buffer: list[str] = []
    for token in tokens:
        if token.element is None:
            buffer.append(token.text)
            continue
        _put_text(parent, last, buffer)
        buffer = []
        last = token.element
        parent.append(last)
    _put_text(parent, last, buffer)


def _put_text(parent: etree.Element, last: etree.Element | None, buffer: list[str]) -> None:
    """Set the text that follows `last` in `parent` (or opens it, before any child)."""
    text = "".join(buffer) or None
    if last is None:
        parent.text = text
    else:
        last.tail = text
