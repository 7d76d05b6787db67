"""Find the elements the plugin's Markdown blocks leave in a page's HTML.

A Markdown extension does not know which page it renders, so a block leaves a
slot (`<div class="aiblog-...-slot" data-...>body</div>`); the plugin finds it
here, replaces it with a marker comment, and `render` puts the rendered part
there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html.parser import HTMLParser

from mkdocs_aiblog.core.text import name as quoted
from mkdocs_aiblog.core.text import shown

POST_LIST_SLOT = "aiblog-post-list-slot"
"""Class of the element a `/// post-list` block leaves in the page's HTML."""

MARKER_START = "<!--aiblog:"
"""How every marker begins (`MARKERS`, the comments' marker): it never overlaps itself."""

MARKERS = {
    "byline": "<!--aiblog:byline-->",
    "series": "<!--aiblog:series-->",
    "full_story": "<!--aiblog:full-story-->",
    "post_list": "<!--aiblog:post-list-->",
    "archive": "<!--aiblog:archive-->",
}

FULL_STORY_SLOT = "aiblog-full-story-slot"
"""Class of the element a `/// full-story` block leaves in the page's HTML."""
FULL_STORY_KEYS = ("url", "title", "text", "button", "source")
"""The keys of the `full_story` front matter and the options of a `/// full-story` block."""

_Slot = tuple[dict[str, str], tuple[int, int], tuple[int, int]]
"""A slot's attributes, its span, and its body's span, in the parsed HTML."""


class _SlotFinder(HTMLParser):
    """Finds top-level slots and where each ends, counting the `<div>`s inside.

    A parser rather than a regular expression, so that a `<div>` in a comment,
    a script or an attribute value does not throw the count off. A slot left
    open by broken raw HTML in its body runs to the end of the page.
    """

    def __init__(self, html: str, slot_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.slot_class = slot_class
        self.lines = [0] + [match.end() for match in re.finditer("\n", html)]
        self.slots: list[_Slot] = []
        self.depth = 0  # open `<div>`s of the current slot, itself included

    def _here(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        attributes = {name: value or "" for name, value in attrs}
        if self.depth:
            self.depth += 1
        elif self.slot_class in attributes.get("class", "").split():
            start, size = self._here(), len(self.get_starttag_text() or "")
            self.slots.append((attributes, (start, len(self.html)), (start + size, len(self.html))))
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1
            if not self.depth:
                attributes, (start, _), (body_start, _) = self.slots[-1]
                end = self._here()
                self.slots[-1] = (
                    attributes,
                    (start, self.html.index(">", end) + 1),
                    (body_start, end),
                )


def _find_slots(html: str, slot_class: str) -> list[_Slot]:
    if slot_class not in html:  # most pages: no parser at all
        return []
    # Parsing starts at the `<div` before the first mention of the class: a slot
    # is usually near the end of a long page, and the parser is slow.
    base = max(html.rfind("<div", 0, html.find(slot_class)), 0)
    finder = _SlotFinder(html[base:], slot_class)
    finder.feed(html[base:])
    finder.close()
    return [
        (attributes, (start + base, end + base), (body_start + base, body_end + base))
        for attributes, (start, end), (body_start, body_end) in finder.slots
    ]


def extract(
    html: str, slot_class: str, marker: str
) -> tuple[str, tuple[dict[str, str], str] | None, int]:
    """Give `html` with its first slot replaced by `marker` and every other removed.

    Also gives the first slot's attributes and body (without nested slots), or
    None when there is none, and how many slots there were, nested ones included
    (more than one deserves a warning). A `marker` the author typed is removed.
    """
    html = html.replace(marker, "")
    slots = _find_slots(html, slot_class)
    if not slots:
        return html, None, 0
    attributes, (start, _), (body_start, body_end) = slots[0]
    body = html[body_start:body_end]
    nested = _find_slots(body, slot_class)
    for _, (inner_start, inner_end), _ in reversed(nested):
        body = body[:inner_start] + body[inner_end:]
    for _, (slot_start, slot_end), _ in reversed(slots):
        html = html[:slot_start] + (marker if slot_start == start else "") + html[slot_end:]
    return html, (attributes, body), len(slots) + len(nested)


def full_story_attributes(options: Mapping[str, object]) -> dict[str, str]:
    """Give the slot element's attributes for a block's options (the block's half).

    Text goes in `data-<key>`; anything else (a list, a date, an unknown key) goes,
    as its `repr`, into the JSON object `data-invalid`, so that `parse_full_story`
    can name it instead of the block silently vanishing.

    Every `&` is written as `&amp;`: Python-Markdown's serializer leaves what
    looks like a character reference (`&colon;`, `&#106;`) unescaped, and
    `extract_slot` would decode it, so `a&colon;b` would come back as `a:b`.
    """
    attributes = {"class": FULL_STORY_SLOT}
    invalid: dict[str, str] = {}
    for name, value in options.items():
        if value is None and name in FULL_STORY_KEYS:
            continue  # `url:` with nothing after it: as if absent
        text = isinstance(value, str) or (
            name != "url" and isinstance(value, int | float) and not isinstance(value, bool)
        )
        if name in FULL_STORY_KEYS and text:
            attributes[f"data-{name}"] = str(value).replace("&", "&amp;")
        else:
            invalid[quoted(name, 200)] = shown(value)
    if invalid:
        attributes["data-invalid"] = json.dumps(invalid, ensure_ascii=False).replace("&", "&amp;")
    return attributes


PROBLEMS = "data-problems"
"""A slot's attribute holding its block's problems, a JSON list of messages."""
OPEN = "data-open"
"""A slot's attribute while its block has no closing `///` (it holds the rest of the page)."""


def problems_attribute(problems: list[str]) -> str:
    """Give `problems` as the value of a slot's `data-problems`.

    JSON escapes `&` and `<`, so that Python-Markdown's serializer, which
    leaves what looks like a character reference alone, cannot change a message.
    """
    return json.dumps(problems).replace("&", "\\u0026").replace("<", "\\u003c")


def slot_problems(attributes: Mapping[str, str]) -> list[str]:
    """Give the problems a block left on its slot (none from hand-written HTML)."""
    try:
        problems = json.loads(attributes.get(PROBLEMS, "[]"))
    except ValueError:
        return []
    return [str(problem) for problem in problems] if isinstance(problems, list) else []
