"""The plugin's blocks where no plugin runs: Zensical, plain Python-Markdown.

The `mkdocs_aiblog.blocks` extension leaves slots for the plugin only when the
plugin registers it (`slots: true`). Listed by hand under `markdown_extensions`,
nothing would ever fill a slot, so here:

- a `/// full-story` block with its own `url` becomes the whole card, the same
  markup `aiblog/full-story.html` gives under the plugin (`card_html`), in the
  words of the extension's options (`language`, `title`, `text`, `button`) with
  the plugin's link options (`nofollow`, `new_tab`, `campaign`);
- a `/// post-list` block becomes a short note for the author: the list needs
  the plugin's view of the whole site, which a Markdown extension never has.

Every problem is logged with Python-Markdown's logger (Zensical prints it).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import escape

from mkdocs_aiblog.core.fullstory import (
    MARKER,
    SLOT_CLASS,
    Defaults,
    FullStory,
    place,
)
from mkdocs_aiblog.core.slots import OPEN, POST_LIST_SLOT, slot_problems
from mkdocs_aiblog.core.text import shown
from mkdocs_aiblog.core.words import words

if TYPE_CHECKING:
    from markdown import Markdown

log = logging.getLogger("MARKDOWN")

NAME: Final = "mkdocs_aiblog.blocks"
ARROW: Final = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    '<path d="M4 11v2h12l-5.5 5.5 1.42 1.42L19.84 12l-7.92-7.92L10.5 5.5 16 11z"/></svg>'
)
"""Material's `material/arrow-right` icon, which the partial includes from the theme."""
NOTE_CLASS: Final = "aiblog-post-list-note"
NOTE: Final = (
    "/// post-list: the list of posts appears here when the site is built by"
    " MkDocs or ProperDocs with the aiblog plugin; this host runs no MkDocs plugins."
)
MISSING_URL: Final = (
    "/// full-story: url: missing; without the aiblog plugin (and its front matter"
    " `full_story:`) a block needs its own url; the card is left out"
)

OPTIONS: Final[dict[str, list[Any]]] = {
    # Strings, not None: Python-Markdown reads a None default as a boolean
    # ("no" would become False), and an empty word means the language's default.
    "language": ["", "Language of the card's default words (en, de, fr, ...). Default: en."],
    "title": ["", "The card's heading. Default: 'Explore the full story', in `language`."],
    "text": ["", "The card's sentence when the block has no body. Default: in `language`."],
    "button": ["", "The button's words. Default: 'Read the full article', in `language`."],
    "nofollow": [False, "Add rel=nofollow to external links. Default: False."],
    "new_tab": [False, "Open external links in a new tab. Default: False."],
    "campaign": [{}, "Query parameters added to external links (utm_source: ...)."],
}
"""The extension's options for the card without the plugin (the plugin's `full_story:`)."""


def card_html(story: FullStory, icon: str = ARROW) -> str:
    """Give the card's HTML, character for character what `aiblog/full-story.html` renders."""
    title = escape(story.title)
    parts = [
        '<aside class="aiblog-full-story" aria-labelledby="aiblog-full-story-title">\n'
        f'  <h2 class="aiblog-full-story__title" id="aiblog-full-story-title">{title}</h2>'
    ]
    if story.text_html:
        parts.append(f'\n  <div class="aiblog-full-story__text">{escape(story.text_html)}</div>')
    elif story.text:
        parts.append(f'\n  <p class="aiblog-full-story__text">{escape(story.text)}</p>')
    link = f' href="{escape(story.url)}"'
    for name, value in (
        ("rel", story.rel),
        ("target", story.target),
        ("aria-label", story.aria_label),
    ):
        link += f' {name}="{escape(value)}"' if value else ""
    source = (
        f' <span class="aiblog-full-story__source">{escape(story.source_label)}</span>'
        if story.source_label
        else ""
    )
    parts.append(
        '\n  <p class="aiblog-full-story__action">\n'
        f'    <a class="aiblog-full-story__button md-button md-button--primary"{link}>\n'
        f'      <span class="aiblog-full-story__label">{escape(story.button)}</span>{source}\n'
        f'      <span class="aiblog-full-story__icon twemoji" aria-hidden="true">{icon}</span>\n'
        "    </a>\n  </p>\n</aside>"
    )
    return "".join(parts)


def read_options(configs: Mapping[str, Any]) -> tuple[Defaults, list[str]]:
    """Give the card's defaults for the extension's options, and a problem for each bad one.

    A bad option is left out (its default is used), never a reason to stop.
    """
    problems: list[str] = []
    checked: dict[str, Any] = {"nofollow": configs["nofollow"], "new_tab": configs["new_tab"]}
    for name in ("language", "title", "text", "button"):
        value = configs[name]
        checked[name] = value.strip() if isinstance(value, str) else ""
        if value is not None and not isinstance(value, str):
            problems.append(f"{NAME}: {name}: {shown(value)} is not a text; the default is used")
    campaign = configs["campaign"]
    good = isinstance(campaign, Mapping) and all(
        isinstance(key, str) and isinstance(value, str) for key, value in campaign.items()
    )
    checked["campaign"] = dict(campaign) if good else {}
    if not good and campaign is not None:
        problems.append(
            f"{NAME}: campaign: {shown(campaign)} is not a mapping of names to texts;"
            " no parameters are added"
        )
    return Defaults.from_options(checked, words(checked["language"] or None)), problems


class PostListNotes(Treeprocessor):
    """Puts a note for the author where each `/// post-list` block stands."""

    def __init__(self, md: Markdown, warn: Callable[[str], None]) -> None:
        super().__init__(md)
        self.warn = warn

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for slot in [c for c in parent if POST_LIST_SLOT in c.get("class", "").split()]:
                if OPEN in slot.attrib:
                    self.warn("/// post-list: no closing '///' line")
                for problem in [*slot_problems(slot.attrib), NOTE]:
                    self.warn(problem)
                # The note takes the slot's place; what the block held follows it.
                note = etree.Element("p", {"class": NOTE_CLASS})
                note.text, note.tail = NOTE, slot.text
                kept = [note, *slot]
                kept[-1].tail = (kept[-1].tail or "").rstrip() + (slot.tail or "")
                at = list(parent).index(slot)
                parent.remove(slot)
                for offset, child in enumerate(kept, start=at):
                    parent.insert(offset, child)


class Cards(Postprocessor):
    """Renders the card where the first `/// full-story` block stands, as the plugin would."""

    def __init__(self, md: Markdown, defaults: Defaults, warn: Callable[[str], None]) -> None:
        super().__init__(md)
        self.defaults = defaults
        self.warn = warn

    def run(self, text: str) -> str:
        if SLOT_CLASS not in text:  # nearly every page: one substring test
            return text
        html, story, problems = place(text, None, self.defaults)
        for problem in problems:
            self.warn(MISSING_URL if problem.startswith("full_story.url: missing") else problem)
        return html.replace(MARKER, card_html(story) if story is not None else "")


def _quiet(message: str) -> None:
    """Log nothing (the extension's `log: false`)."""


_TOLD: set[str] = set()
"""The option problems already logged by this process."""


def warn_once(message: str) -> None:
    """Log a problem with the extension's options once, not once a page.

    Zensical makes a new `Markdown`, so a new extension, for every page it renders.
    """
    if message not in _TOLD:
        _TOLD.add(message)
        log.warning(message)


def register(md: Markdown, configs: Mapping[str, Any]) -> None:
    """Register the card and the notes on `md`, and log what is wrong with the options."""
    warn = log.warning if configs["log"] else _quiet
    defaults, problems = read_options(configs)
    for problem in problems if configs["log"] else ():
        warn_once(problem)
    # Last of the tree: after pymdownx closed the blocks and `OpenBlocks` marked them.
    md.treeprocessors.register(PostListNotes(md, warn), "aiblog_post_list_notes", 1)
    # After the raw HTML is back (30) and `&` is restored (20): the plugin reads the
    # card's slot in the finished HTML, and so must this, to give the same card.
    md.postprocessors.register(Cards(md, defaults, warn), "aiblog_cards", 10)


def deregister(md: Markdown) -> None:
    """Take the card and the notes off `md` (an earlier listing without `slots` put them on)."""
    md.treeprocessors.deregister("aiblog_post_list_notes", strict=False)
    md.postprocessors.deregister("aiblog_cards", strict=False)
