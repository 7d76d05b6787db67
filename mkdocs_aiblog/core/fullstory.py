"""Front matter or a `/// full-story` block -> the "Explore the full story" card's value.

Pure: no MkDocs, no Markdown, so that both the plugin (`fullstory/feature.py`) and
the Markdown extension running without it (`markdown/standalone.py`, under
Zensical or plain Python-Markdown) read a block the same way.
`parse_full_story` never raises; each bad value gives one problem (without the
file name, which the plugin adds) and no card at all.

`FullStory.text` is plain text, escaped by the partial; `FullStory.text_html` is
the rendered body of a block, `Markup` since Python-Markdown made it from the
author's own file. Only `extract_slot` makes that `Markup`: front matter cannot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode, urlsplit

from markupsafe import Markup

from mkdocs_aiblog.core import slots
from mkdocs_aiblog.core.slots import FULL_STORY_KEYS as KEYS
from mkdocs_aiblog.core.slots import FULL_STORY_SLOT, MARKERS
from mkdocs_aiblog.core.text import name as quoted
from mkdocs_aiblog.core.text import shown
from mkdocs_aiblog.core.urls import safe_url
from mkdocs_aiblog.core.words import fill_fields

MARKER: Final = MARKERS["full_story"]
"""Where the card goes in a page's HTML; `render` puts the card there."""
SLOT_CLASS: Final = FULL_STORY_SLOT
"""Class of the element a `/// full-story` block leaves in the page's HTML."""

# Link words that say nothing out of context (WCAG 2.4.4). Kept as written, but
# the link then gets an accessible name that includes the card's title.
_GENERIC = frozenset(
    ("click here", "here", "read more", "more", "click", "link", "this", "this link",
     "learn more", "continue", "continue reading", "go", "details", "read")
)  # fmt: skip


@dataclass(frozen=True)
class Defaults:
    """Site-wide words and link options, from `mkdocs.yml` and `theme.language`."""

    title: str
    text: str
    button: str
    source_format: str = "on {source}"
    """How the source's name follows the button's words (`{source}` is replaced)."""
    nofollow: bool = False
    new_tab: bool = False
    campaign: Mapping[str, str] = field(default_factory=dict)
    """Query parameters added to external links (`utm_source: myblog`)."""

    @classmethod
    def from_options(cls, options: Mapping[str, Any], words: Mapping[str, str]) -> Defaults:
        """Give the defaults of `full_story` options, in the site's words.

        `options` is the plugin's `FullStoryConfig` or the standalone extension's
        checked options: `title`, `text`, `button` (empty: the word's default),
        `nofollow`, `new_tab`, `campaign`.
        """
        return cls(
            title=options["title"] or words["full_story.title"],
            text=options["text"] or words["full_story.text"],
            button=options["button"] or words["full_story.button"],
            source_format=words["full_story.source"],
            nofollow=options["nofollow"],
            new_tab=options["new_tab"],
            campaign=dict(options["campaign"]),
        )


@dataclass(frozen=True, slots=True)
class FullStory:
    """One validated call to action: what `aiblog/full-story.html` renders."""

    url: str
    """The href, campaign parameters included; http(s) or site-relative."""
    title: str
    text: str
    """Plain text, escaped by the template; empty when `text_html` is set."""
    button: str
    source: str | None
    external: bool
    rel: str
    """`noopener` (+ `noreferrer` with new_tab, + `nofollow`) for external links."""
    target: str | None
    text_html: Markup | None = None
    """The rendered body of a `/// full-story` block; wins over `text`."""
    source_label: str | None = None
    """`Defaults.source_format` filled in with `source` ("on The Verge")."""
    aria_label: str | None = None
    """An accessible name for a generic button ("Read more: <title>")."""


class Invalid:
    """A block option that was not text, as its `repr` (the slot cannot carry it)."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def __repr__(self) -> str:
        return self.shown


def with_campaign(url: str, params: Mapping[str, str]) -> str:
    """Give `url` with each of `params` the URL does not already have added to its query.

    The existing query and fragment are kept byte for byte, so a link that worked
    still works.
    """
    if not params:  # the usual case: no campaign, nothing to parse
        return url
    base, hash_sign, fragment = url.partition("#")
    path, _, query = base.partition("?")
    present = {name for name, _ in parse_qsl(query, keep_blank_values=True)}
    added = urlencode([(name, value) for name, value in params.items() if name not in present])
    if not added:
        return url
    joiner = "&" if query and not query.endswith("&") else ""
    return f"{path}?{query}{joiner}{added}{hash_sign}{fragment}"


def merge(block: Mapping[str, object] | None, front_matter: object) -> object:
    """Give what `parse_full_story` should read for a page with an optional block.

    A block without `url` completes the post's front matter: its values win field by
    field (its body over `text`). A block with its own `url` stands alone, since the
    front matter's title, text and source describe another article.
    """
    if block is None:
        return front_matter
    if "url" in block or front_matter is None:
        return dict(block)
    if isinstance(front_matter, str):
        return {"url": front_matter, **block}
    if isinstance(front_matter, Mapping):
        return {**front_matter, **block}
    return front_matter  # wrong type: parse_full_story reports it


def parse_full_story(
    value: object, defaults: Defaults, *, key: str = "full_story"
) -> tuple[FullStory | None, list[str]]:
    """Give the call to action for a front-matter value or merged block, and problems.

    `value` is a URL, or a mapping of `url` (required), `title`, `text`, `button`,
    `source`; missing words come from `defaults`. `None` and `false` mean no card.
    Any problem gives `None`: the card is left out rather than shown half right.
    """
    if value is None or value is False:
        return None, []
    if isinstance(value, str):
        value = {"url": value}
    if not isinstance(value, Mapping):
        expected = "a URL or a mapping of " + ", ".join(KEYS)
        return None, [f"{key}: {shown(value)} is not {expected}"]
    problems = [
        f"{key}.{quoted(name)}: unknown key; expected one of {', '.join(KEYS)}"
        for name in value
        if name not in KEYS and not (name == "text_html" and isinstance(value[name], Markup))
    ]
    words = {name: _text(value, name, key, problems) for name in KEYS}
    url = words["url"]
    if url is None and value.get("url") is None:
        problems.append(f"{key}.url: missing; give the address of the full story")
    elif url is not None and safe_url(url) is None:
        problems.append(f"{key}.url: {shown(url)} is not an http, https or site-relative URL")
    for name in ("title", "button"):
        if words[name] == "":
            problems.append(f"{key}.{name}: empty; leave the key out to use the default")
    if problems or url is None:
        return None, problems
    return _build(url, words, value.get("text_html"), defaults), []


def _text(value: Mapping[object, object], name: str, key: str, problems: list[str]) -> str | None:
    """Give the text under `name` (numbers as written), or None if absent or bad."""
    raw = value.get(name)
    if raw is None:
        return None
    if name == "url":
        if isinstance(raw, str):
            return raw  # not stripped: a URL with spaces is refused
        problems.append(f"{key}.url: {shown(raw)} is not a URL")
        return None
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        problems.append(f"{key}.{name}: {shown(raw)} is not a text")
        return None
    return str(raw).strip()


def _build(
    url: str, words: Mapping[str, str | None], text_html: object, defaults: Defaults
) -> FullStory:
    external = urlsplit(url).scheme != ""
    rel = ["noopener", "noreferrer"] if external and defaults.new_tab else ["noopener"]
    if external and defaults.nofollow:
        rel.append("nofollow")
    title = words["title"] or defaults.title
    button = words["button"] or defaults.button
    source = words["source"] or None
    source_label = fill_fields(defaults.source_format, {"source": source}) if source else None
    label = f"{button} {source_label}" if source_label else button
    generic = re.sub(r"[\W_]+", " ", button.casefold()).strip() in _GENERIC
    html = text_html if isinstance(text_html, Markup) and text_html.strip() else None
    return FullStory(
        url=with_campaign(url, defaults.campaign) if external else url,
        title=title,
        text="" if html else (defaults.text if words["text"] is None else words["text"]),
        button=button,
        source=source,
        external=external,
        rel=" ".join(rel) if external else "",
        target="_blank" if external and defaults.new_tab else None,
        text_html=html,
        source_label=source_label,
        aria_label=f"{label}: {title}" if generic else None,
    )


def place(
    html: str, front_matter: object, defaults: Defaults
) -> tuple[str, FullStory | None, list[str]]:
    """Give a page's HTML with the card's marker where the card goes, the card, and problems.

    The card goes where a `/// full-story` block stands, else (when the front
    matter asks for one) at the end of the content, which Material follows with
    its feedback and comments.
    """
    html, found, count = slots.extract(html, SLOT_CLASS, MARKER)
    problems = [f"/// full-story: {count} blocks; only the first is shown"] if count > 1 else []
    if found is not None and (refused := _refused(*found)) is not None:
        kept, block_problems = refused
        return html.replace(MARKER, kept), None, problems + block_problems
    slot = None if found is None else _values(*found)
    if slot is None and front_matter is None:
        return html, None, problems
    story, invalid = parse_full_story(merge(slot, front_matter), defaults)
    if story is None:
        html = html.replace(MARKER, "")
    elif slot is None:
        html += MARKER
    return html, story, problems + invalid


def remove_slots(html: str) -> str:
    """Give a page's HTML without any `/// full-story` block (the card is turned off)."""
    html, _, _ = extract_slot(html)
    return html.replace(MARKER, "")


def extract_slot(html: str) -> tuple[str, dict[str, object] | None, int]:
    """Give the page's HTML with its first block slot replaced by `MARKER`, and more.

    Returns the HTML (other slots, and any `MARKER` the author typed, removed), the
    first slot's values (`url`, `title`, ... as text, `text_html` as `Markup` of its
    non-empty body, `Invalid` values) or None if there is no slot, and the number
    of slots (more than one deserves a warning).
    """
    html, found, count = slots.extract(html, SLOT_CLASS, MARKER)
    return html, None if found is None else _values(*found), count


def _refused(attributes: dict[str, str], body: str) -> tuple[str, list[str]] | None:
    """Give what stands for a block with problems of its own, and the problems; else None.

    A block whose options could not be read has no card. One with no closing
    `///` holds the rest of the page, which is shown as it is.
    """
    problems = slots.slot_problems(attributes)
    if slots.OPEN in attributes:
        problems.append(
            "/// full-story: no closing '///' line; the rest of the page is shown without the card"
        )
        return body.strip(), problems
    return ("", problems) if problems else None


def _values(attributes: dict[str, str], body: str) -> dict[str, object]:
    values: dict[str, object] = {
        name[5:]: value for name, value in attributes.items() if name in _DATA_KEYS
    }
    try:
        invalid = dict(json.loads(attributes.get("data-invalid", "{}")))
    except (ValueError, TypeError):  # hand-written raw HTML, not our block
        invalid = {"data-invalid": attributes["data-invalid"]}
    values.update({str(name): Invalid(str(written)) for name, written in invalid.items()})
    if body.strip():
        values["text_html"] = Markup(body.strip())
    return values


_DATA_KEYS = frozenset(f"data-{name}" for name in KEYS)
