"""Emoji-headed sections: a Python-Markdown extension.

A section heading whose text starts or ends with an emoji (`## 🚀 Why it matters`,
`## Why it matters :rocket:`) gets the emoji as a decorative badge, an anchor and a
table-of-contents entry built from the text alone (`#why-it-matters`), and the class
`aiblog-section`:

```html
<h2 class="aiblog-section" id="why-it-matters"><span aria-hidden="true"
class="aiblog-emoji" data-search-exclude>🚀</span> Why it matters</h2>
```

Rules:

- Only headings of the configured `levels` (default H2 and H3) are looked at, wherever
  they are (top level, admonitions, tabs, lists).
- An emoji is a Unicode emoji sequence (VS16, ZWJ, flags, keycaps and skin tones
  included; see `emoji`) or an element made by `pymdownx.emoji` from a
  shortcode (any index and generator; Material's icons such as `:material-rocket:`
  count too). It must sit directly in the heading: an emoji inside a link, emphasis
  or code is text like any other. A text-style symbol (`©`, `™`, `▶`, `❤`) counts
  only with its U+FE0F (`❤️`).
- Leading emoji win over trailing ones; adjacent emoji (with or without blanks
  between them) form one badge. The rest of the heading (code, links, emphasis,
  other emoji) is kept as written. The badge goes before the text (`position:
  before`), after it (`after`, class `aiblog-emoji--after`, before `toc`'s permalink)
  or on the side it was written (`keep`), separated from the text by one blank.
  A numbered heading (`3. Rules ⭐`, `Step 3: Deploy ⭐`; see `_NUMBER`) is always
  `keep`, so sibling numbers line up; its TOC entry keeps the mark on that side.
- A heading made only of emoji, or with emoji only in the middle, is left alone.
- An id set with attr_list (`{ #custom }`) is kept, a `data-toc-label` likewise, and
  duplicate headings get unique ids (`why-it-matters_1`) from `toc` as usual.
- With `toc: emoji` the table of contents reads `🚀 Why it matters` (a heading whose
  badge has no Unicode form, such as a Material icon, shows the text only); with
  `toc: text` it reads `Why it matters`.

With `closing_emoji: true`, a section whose last paragraph ends with an emoji gets
it as if written at the end of its heading (`closing.py`, a treeprocessor at 7).

How: `toc` (priority 5) builds ids and names from the text of the heading, so a
treeprocessor at 6 (after `attr_list`, 8) takes the emoji out and leaves an invisible
slot (an element with no tag, which serializes to nothing); a treeprocessor at 4 puts
the badge into that slot, so it lands where it belongs even after `toc` added a
permalink or wrapped the heading in an anchor link.

Over 300 lines: the two treeprocessors and the options they share are one
mechanism around `toc`, documented and tested as one.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from mkdocs_aiblog.core.text import shown

from .closing import CLOSING_MODES, ClosingEmoji
from .emoji import (
    OTHER,
    SPACE,
    Token,
    edge_run,
    emoji_classes,
    fill,
    strip_blanks,
    tokenize,
    worth_a_look,
)

BADGE_CLASS = "aiblog-emoji"
SECTION_CLASS = "aiblog-section"
POSITIONS = ("before", "after", "keep")
SIZES = ("small", "medium", "large")
TOC_MODES = ("emoji", "text")
DEFAULTS: dict[str, Any] = {
    "levels": (2, 3),
    "position": "before",
    "size": "medium",
    "toc": "emoji",
    "section_class": True,
    "closing_emoji": False,
    "closing": "keep",
}
"""Each option's default, for the extension and the plugin's `headings:` options alike."""


@dataclass(frozen=True)
class _Settings:
    """The extension's options, checked."""

    tags: frozenset[str]
    position: str
    size: str
    toc: str
    section_class: bool
    closing_emoji: bool
    move: bool

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> _Settings:
        levels = config["levels"]
        try:
            numbers = {int(n) for n in ([levels] if isinstance(levels, int | str) else levels)}
        except (TypeError, ValueError):
            numbers = set()
        checks = {
            "levels": bool(numbers) and numbers <= {1, 2, 3, 4, 5, 6},
            "position": config["position"] in POSITIONS,
            "size": config["size"] in SIZES,
            "toc": config["toc"] in TOC_MODES,
            "closing": config["closing"] in CLOSING_MODES,
        }
        for key, ok in checks.items():
            if not ok:
                value = shown(config[key])
                raise ValueError(f"mkdocs_aiblog.headings: {key}: {value} is not valid")
        return cls(
            frozenset(f"h{n}" for n in numbers),
            config["position"],
            config["size"],
            config["toc"],
            bool(config["section_class"]),
            bool(config["closing_emoji"]),
            config["closing"] == "move",
        )


@dataclass(slots=True)
class _Pending:
    """A badge waiting, between the two treeprocessors, for `toc` to be done."""

    heading: etree.Element
    slot: etree.Element
    badge: etree.Element


class _TakeOutEmoji(Treeprocessor):
    """Move edge emoji out of headings into badges, leaving a slot, before `toc`."""

    def __init__(self, md: Markdown, settings: _Settings, pending: list[_Pending]) -> None:
        super().__init__(md)
        self.settings = settings
        self.pending = pending

    def run(self, root: etree.Element) -> None:
        self.pending.clear()
        classes = emoji_classes(self.md)
        # Listed first: converting a heading changes the tree under the iterator.
        # One tag at a time: ElementTree filters by tag in C (headings are
        # independent of each other, so their order does not matter here).
        headings = [el for tag in self.settings.tags for el in root.iter(tag)]
        for heading in headings:
            if worth_a_look(heading, classes):
                self._convert(heading, classes)

    def _convert(self, heading: etree.Element, classes: tuple[str, ...]) -> None:
        tokens = tokenize(heading, self.md, classes)
        found = edge_run(tokens)
        if found is None:
            return
        first, last, trailing = found
        run = tokens[first : last + 1]
        rest = strip_blanks(tokens[:first] if trailing else tokens[last + 1 :])
        # A numbered heading keeps its badge where it was written, so the numbers of
        # sibling headings line up ("3. Rules ⭐" under "2. Scope").
        numbered = _is_numbered(rest)
        if self.settings.position == "keep" or numbered:
            after = trailing
        else:
            after = self.settings.position == "after"
        # A tagless element serializes to its tail alone: `toc` sees only the text.
        slot = etree.Element("slot")
        slot.tag = None  # type: ignore[assignment]
        blank = Token(SPACE, " ")
        slot_token = Token(OTHER, element=slot)
        fill(heading, [*rest, blank, slot_token] if after else [slot_token, blank, *rest])

        badge = etree.Element("span")
        # Medium is the badge's own size: only the others get a modifier.
        size = self.settings.size
        modifiers = f" {BADGE_CLASS}--{size}" if size != "medium" else ""
        modifiers += f" {BADGE_CLASS}--after" if after else ""
        badge.set("class", f"{BADGE_CLASS}{modifiers}")
        badge.set("aria-hidden", "true")
        # Material's search skips elements with this attribute, keeping titles clean.
        badge.set("data-search-exclude", _bare_value())
        fill(badge, run)
        self.pending.append(_Pending(heading, slot, badge))

        if self.settings.section_class:
            existing = heading.get("class")
            heading.set("class", f"{existing} {SECTION_CLASS}" if existing else SECTION_CLASS)
        mark = "".join(token.unicode for token in run)
        if (
            self.settings.toc == "emoji"
            and mark
            and "toc" in self.md.treeprocessors
            and "data-toc-label" not in heading.attrib
        ):
            # `toc` takes its entry from `data-toc-label` (and then drops the
            # attribute): the clean text computed as `toc` does, after the mark.
            name = _toc_name(heading, rest, self.md)
            heading.set(
                "data-toc-label", f"{name} {mark}" if numbered and after else f"{mark} {name}"
            )


class _PutBackEmoji(Treeprocessor):
    """Put each badge into its slot, after `toc` has built ids and entries."""

    def __init__(self, md: Markdown, pending: list[_Pending]) -> None:
        super().__init__(md)
        self.pending = pending

    def run(self, root: etree.Element) -> None:
        for item in self.pending:
            for parent in item.heading.iter():
                index = next((i for i, child in enumerate(parent) if child is item.slot), -1)
                if index >= 0:
                    item.badge.tail = item.slot.tail
                    parent[index] = item.badge
                    break
        self.pending.clear()


def _toc_name(heading: etree.Element, rest: list[Token], md: Markdown) -> str:
    """Give the heading's text as `toc` would name it, without the emoji.

    Most headings are plain words; their name is the words themselves, found
    without serializing the heading as `toc` does for the general case.
    """
    plain = all(token.element is None for token in rest)
    text = "".join(token.text for token in rest).strip()
    if plain and not _SPECIAL.search(text):
        return " ".join(text.split())
    return str(strip_tags(render_inner_html(remove_fnrefs(heading), md)))


_SPECIAL = re.compile(f"[&<>{STX}{ETX}]")

# "3." "3)" "3:" "3.2" "III." "iv)" "Step 3" "Part II:"; a bare count ("3 reasons") is no
# marker. Roman numerals up to XXXIX only, so that "ML:" or "CLI." stay words.
_ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
_NUMBER = re.compile(
    rf"(?:\d+(?:\.\d+)*[.):]?|{_ROMAN}[.)]|(?i:{_ROMAN})[.)]"
    rf"|(?i:step|part|chapter|phase|day|week|lesson|round)\s+(?:\d+|{_ROMAN})[.):]?)"
    r"(?=\s|$)"
)


def _is_numbered(rest: list[Token]) -> bool:
    """Tell whether the heading's text opens with a number marker (see `_NUMBER`)."""
    text = ""
    for token in rest:
        if token.element is not None:
            break
        text += token.text
    match = _NUMBER.match(text)
    if match is None:
        return False
    marker = match.group()
    # A bare number is a marker only with sub-levels ("3.2"); "3 reasons" is a count.
    return not marker.isdigit()


@functools.cache
def _bare_value() -> str:
    """Give the value that renders a bare attribute (`data-search-exclude`).

    Markdown 3.11 serializes a `None` value as the bare name; an older serializer
    fails on it, so there the value is "" (the same attribute in HTML).
    """
    probe = etree.Element("i")
    probe.set("x", None)  # type: ignore[arg-type]
    try:
        bare = to_html_string(probe) == "<i x></i>"
    except (TypeError, AttributeError):
        bare = False
    return None if bare else ""  # type: ignore[return-value]


class EmojiHeadingsExtension(Extension):
    """Turn a heading's leading or trailing emoji into a badge with a clean anchor."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "levels": [list(DEFAULTS["levels"]), "Heading levels to look at. Default: [2, 3]."],
            "position": [
                DEFAULTS["position"],
                "Where the badge goes: before|after the text, or keep it where it was "
                "written. Default: before.",
            ],
            "size": [DEFAULTS["size"], "Badge size: small|medium|large. Default: medium."],
            "toc": [
                DEFAULTS["toc"],
                "Table of contents entry: emoji (a Unicode mark before the text) or "
                "text. Default: emoji.",
            ],
            "section_class": [
                DEFAULTS["section_class"],
                f"Add the class `{SECTION_CLASS}` to emoji headings. Default: True.",
            ],
            "closing_emoji": [
                DEFAULTS["closing_emoji"],
                "Give a section whose last paragraph ends with an emoji that emoji in "
                "its heading. Default: False.",
            ],
            "closing": [
                DEFAULTS["closing"],
                "What happens to that emoji in the paragraph: keep|move. Default: keep.",
            ],
        }
        super().__init__(**kwargs)
        self._pending: list[_Pending] = []

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the two treeprocessors around `toc`.

        Args:
            md: The Markdown instance.

        Raises:
            ValueError: An option has a value outside its choices.
        """
        md.registerExtension(self)
        settings = _Settings.from_config(self.getConfigs())
        if settings.closing_emoji:
            # After `attr_list` (8); before the take-out (6), which badges what it adds.
            md.treeprocessors.register(
                ClosingEmoji(md, settings.tags, settings.move), "aiblog_closing_emoji", 7
            )
        # After `attr_list` (8), which sets custom ids; before `toc` (5), which slugs.
        md.treeprocessors.register(
            _TakeOutEmoji(md, settings, self._pending), "aiblog_emoji_take_out", 6
        )
        # After `toc` (5); before `mkdocs_extract_title` (1) and `unescape` (0).
        md.treeprocessors.register(_PutBackEmoji(md, self._pending), "aiblog_emoji_put_back", 4)

    def reset(self) -> None:
        """Forget badges of an unfinished document."""
        self._pending.clear()


def makeExtension(**kwargs: Any) -> EmojiHeadingsExtension:
    """Give the extension, as `markdown.Markdown(extensions=[...])` asks for it.

    Args:
        **kwargs: The options (see `EmojiHeadingsExtension.config`).

    Returns:
        The extension.
    """
    return EmojiHeadingsExtension(**kwargs)
