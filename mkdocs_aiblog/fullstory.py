"""Front matter or a `/// full-story` block -> the "Explore the full story" card.

Pure: no MkDocs. `parse_full_story` never raises; every bad value gives one
problem (`full_story.url: 'javascript:x' is not ...`, without the file name,
which the plugin adds) and no card, since a card with a guessed link or title
would show the reader something the author did not write.

Text reaches the template in one of two forms: `FullStory.text` is plain text
(front matter, `mkdocs.yml`), which the partial escapes with `| e`;
`FullStory.text_html` is the rendered body of a `/// full-story` block, a
`markupsafe.Markup` because Python-Markdown made it from the author's own file.
Only `extract_slot` creates that `Markup`, so front matter cannot smuggle HTML in.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Final
from urllib.parse import parse_qsl, urlencode, urlsplit

from markupsafe import Markup

from mkdocs_aiblog.urls import is_safe_link
from mkdocs_aiblog.views import MARKERS

KEYS: Final = ("url", "title", "text", "button", "source")
"""The keys of the front-matter mapping; a block takes all but `text` (its body)."""
MARKER: Final = MARKERS["full_story"]
"""Where the card goes in a page's HTML; the wrapper template replaces it."""
SLOT_CLASS: Final = "aiblog-full-story-slot"
"""Class of the element a `/// full-story` block leaves in the page's HTML."""

# Link words that say nothing out of context (WCAG 2.4.4). Kept as written, but
# the link then gets an accessible name that includes the card's title.
_GENERIC = frozenset(
    ("click here", "here", "read more", "more", "click", "link", "this", "this link",
     "learn more", "continue", "continue reading", "go", "details", "read")
)  # fmt: skip
# Stricter than `is_safe_link` (candidates for urls.py): bidi overrides and other
# format characters hide a URL's real text; named references (`&colon;`) are
# character references too; `<>"` never occur in a real URL.
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"))
_NAMED_REF = re.compile(r"&[A-Za-z][A-Za-z0-9]*;")


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


@dataclass(frozen=True)
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


def safe_url(value: str) -> str | None:
    """Give `value` if it may become a link (http, https or site-relative), else None.

    Site-relative means no scheme and no host: `/x/`, `../x/`, `x/`, `?q`, `#part`.
    `//host/x` is protocol-relative and leads to another site, so it is refused, as
    are user names in a URL (`https://bank.com@evil.com`), bad ports and `www.x.com`
    without a scheme. Relative URLs are resolved by the browser against the page's
    URL; they are not Markdown links to `.md` files.
    """
    if not is_safe_link(value) or _NAMED_REF.search(value) or set(value) & set('<>"'):
        return None
    if any(unicodedata.category(char) in _HIDDEN for char in value):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return None
    if parts.username is not None or value.lower().startswith("www."):
        return None
    return value


def with_campaign(url: str, params: Mapping[str, str]) -> str:
    """Give `url` with each of `params` the URL does not already have added to its query.

    The existing query and fragment are kept byte for byte, so a link that worked
    still works.
    """
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
        return None, [f"{key}: {_shown(value)} is not {expected}"]
    problems = [
        f"{key}.{name}: unknown key; expected one of {', '.join(KEYS)}"
        for name in value
        if name not in KEYS and not (name == "text_html" and isinstance(value[name], Markup))
    ]
    words = {name: _text(value, name, key, problems) for name in KEYS}
    url = words["url"]
    if url is None:
        problems.append(f"{key}.url: missing; give the address of the full story")
    elif safe_url(url) is None:
        problems.append(f"{key}.url: {url!r} is not an http, https or site-relative URL")
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
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        problems.append(f"{key}.{name}: {_shown(raw)} is not a text")
        return None
    return str(raw).strip()


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


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
    source_label = defaults.source_format.replace("{source}", source) if source else None
    shown = f"{button} {source_label}" if source_label else button
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
        aria_label=f"{shown}: {title}" if generic else None,
    )


def slot_attributes(options: Mapping[str, object]) -> dict[str, str]:
    """Give the slot element's attributes for a block's options (the block's half).

    Text goes in `data-<key>`; anything else (a list, a date, an unknown key) goes,
    as its `repr`, into the JSON object `data-invalid`, so that `parse_full_story`
    can name it instead of the block silently vanishing.
    """
    attributes = {"class": SLOT_CLASS}
    invalid: dict[str, str] = {}
    for name, value in options.items():
        if name in KEYS and name != "text" and isinstance(value, str | int | float):
            if not isinstance(value, bool):
                attributes[f"data-{name}"] = str(value)
                continue
        if value is not None or name not in KEYS:
            invalid[str(name)] = _shown(value)
    if invalid:
        attributes["data-invalid"] = json.dumps(invalid, ensure_ascii=False)
    return attributes


def extract_slot(html: str) -> tuple[str, dict[str, object] | None, int]:
    """Give the page's HTML with its first block slot replaced by `MARKER`, and more.

    Returns the HTML (other slots, and any `MARKER` the author typed, removed), the
    first slot's values (`url`, `title`, `button`, `source` as text, `text_html` as
    `Markup` of its non-empty body, and `Invalid` values), or None if there is no
    slot, and the number of slots (more than one deserves a warning).
    """
    html = html.replace(MARKER, "")
    if SLOT_CLASS not in html:  # most pages: skip the parser
        return html, None, 0
    slots = _find_slots(html)
    if not slots:
        return html, None, 0
    first = slots[0]
    body = html[first.inner[0] : first.inner[1]]
    nested = _find_slots(body)
    for slot in reversed(nested):
        body = body[: slot.outer[0]] + body[slot.outer[1] :]
    values: dict[str, object] = {
        name[5:]: value for name, value in first.attributes.items() if name[5:] in KEYS
    }
    try:
        invalid = json.loads(first.attributes.get("data-invalid", "{}"))
    except ValueError:
        invalid = {"data-invalid": first.attributes["data-invalid"]}
    values.update({str(name): Invalid(str(shown)) for name, shown in dict(invalid).items()})
    if body.strip():
        values["text_html"] = Markup(body.strip())
    for slot in reversed(slots):
        html = html[: slot.outer[0]] + (MARKER if slot is first else "") + html[slot.outer[1] :]
    return html, values, len(slots) + len(nested)


@dataclass
class _Slot:
    attributes: dict[str, str]
    outer: tuple[int, int]
    inner: tuple[int, int]


class _SlotFinder(HTMLParser):
    """Finds top-level slot `<div>`s and where they end, counting nested `<div>`s.

    An HTML parser rather than a regular expression, so that `<div>` inside
    comments, scripts or attribute values does not throw the count off.
    """

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.slots: list[_Slot] = []
        self.depth = 0  # open <div>s inside the current slot, itself included

    def offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        if self.depth:
            self.depth += 1
            return
        attributes = {name: value or "" for name, value in attrs}
        if SLOT_CLASS in attributes.get("class", "").split():
            start = self.offset()
            end = start + len(self.get_starttag_text() or "")
            self.slots.append(_Slot(attributes, (start, len(self.html)), (end, len(self.html))))
            self.depth = 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<div/>` opens nothing."""

    def handle_endtag(self, tag: str) -> None:
        if tag != "div" or not self.depth:
            return
        self.depth -= 1
        if not self.depth:
            start = self.offset()
            slot = self.slots[-1]
            slot.inner = (slot.inner[0], start)
            slot.outer = (slot.outer[0], self.html.index(">", start) + 1)


def _find_slots(html: str) -> list[_Slot]:
    finder = _SlotFinder(html)
    finder.feed(html)
    finder.close()
    return finder.slots
