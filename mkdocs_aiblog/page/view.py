"""What templates read: the site-wide blog view and each page's view of it.

`Blog` is computed once per build (in `on_env`); a `PageView` is a few
references per page. Templates only read these values; they compute nothing
that depends on the number of posts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from mkdocs_aiblog.core import slots
from mkdocs_aiblog.core.slots import MARKER_START, MARKERS, POST_LIST_SLOT
from mkdocs_aiblog.core.words import localized_date, word

if TYPE_CHECKING:
    from babel.core import Locale

    from mkdocs_aiblog.comments.settings import Comments
    from mkdocs_aiblog.core.fullstory import FullStory
    from mkdocs_aiblog.core.posts import Post
    from mkdocs_aiblog.navigation.listpages import ArchiveYear
    from mkdocs_aiblog.navigation.navigation import Pagination
    from mkdocs_aiblog.popular.lists import Popular
    from mkdocs_aiblog.series.grouping import Place
    from mkdocs_aiblog.share.links import ShareLink
    from mkdocs_aiblog.site.material import TagLink


@dataclass
class Blog:
    """The site-wide views of one build."""

    words: dict[str, str]
    locale: Locale
    date_format: str = "long"
    timeline: list[Post] = field(default_factory=list)
    """Published posts, newest first (drafts left out)."""
    position: dict[str, int] = field(default_factory=dict)
    """Each published post's index in `timeline`, by `src_uri` (newer/older links)."""
    series: dict[str, Place] = field(default_factory=dict)
    """Each published post's place in its series, by `src_uri` (posts in one only)."""
    related: dict[str, list[Post]] = field(default_factory=dict)
    """Each published post's related posts, by `src_uri` (posts with some only)."""
    _dates: dict[date, str] = field(default_factory=dict, repr=False)

    def date(self, value: date | datetime | None) -> str:
        """Give a date as the reader's language writes it.

        Each day is formatted once per build: every page shows a dozen dates of
        the same few hundred days, and Babel takes tens of microseconds a call.
        """
        if not value:
            return ""
        day = value.date() if isinstance(value, datetime) else value
        if day not in self._dates:
            self._dates[day] = localized_date(day, self.locale, self.date_format)
        return self._dates[day]

    def word(self, key: str, **values: object) -> str:
        """Give a localized word, with `{name}` placeholders filled in."""
        return word(self.words, key, **values)


@dataclass(slots=True)
class PageView:
    """What one page's templates read, as `aiblog` in their context."""

    blog: Blog
    post: Post | None = None
    full_story: FullStory | None = None
    popular: list[Popular] = field(default_factory=list)
    post_list: list[Post] = field(default_factory=list)
    list_page: int = 0
    """Which page of the post list this page shows (0: none)."""
    pagination: Pagination | None = None
    """Links between the pages of the post list, on a page that shows one."""
    newer: Post | None = None
    """On a post: the next newer published post."""
    older: Post | None = None
    """On a post: the next older published post."""
    archive: Sequence[ArchiveYear] = ()
    """On an archive page: every published post by year and month."""
    thumbnails: bool = True
    toc_hidden: bool = False
    head: list[tuple[str, str, str]] = field(default_factory=list)
    """OpenGraph and Twitter tags: attribute, its value, content (raw)."""
    json_ld: str = ""
    """The JSON-LD `BlogPosting`, already safe inside `<script>`."""
    sidebar_shown: bool = False
    """Set while placing the parts: whether the popular list went into the right sidebar."""
    material_post: bool = False
    """A post of Material's blog plugin, whose sidebar already shows authors, dates,
    categories and reading time: the byline adds only tags and the hero image."""
    tags: list[TagLink] = field(default_factory=list)
    """The post's tags as Material's tags plugin links them (empty without it)."""
    share: list[ShareLink] = field(default_factory=list)
    """On a post: its share links (empty: no share block)."""
    share_url: str = ""
    """On a post with share links: its absolute URL, for the "Copy link" button ("": none)."""
    comments: Comments | None = None
    """The comment widget this page shows last (None: no comments)."""
    series: Place | None = None
    """On a post of a series: its place in it (the box near the top, next/previous)."""
    related: list[Post] = field(default_factory=list)
    """On a post: its related posts, at its end."""

    @property
    def draft(self) -> bool:
        """Whether the page is a draft post (shown by `mkdocs serve` only)."""
        return self.post is not None and self.post.draft

    @property
    def words(self) -> dict[str, str]:
        """The localized words (a shortcut for templates)."""
        return self.blog.words


_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def mark_byline(html: str) -> str:
    """Give the content with the byline marker after its first H1 (or first)."""
    return _after_title(html, MARKERS["byline"])


def mark_series(html: str) -> str:
    """Give the content with the series box's marker after the byline's (or its first H1)."""
    byline = MARKERS["byline"]
    if byline in html:
        return html.replace(byline, byline + MARKERS["series"], 1)
    return _after_title(html, MARKERS["series"])


def _after_title(html: str, marker: str) -> str:
    match = _H1_END.search(html)
    if match is None:
        return marker + html
    return html[: match.end()] + marker + html[match.end() :]


def fill_found(html: str, parts: dict[str, str]) -> tuple[str, list[int]]:
    """Give `html` with each marker replaced by its part, and where `MARKER_START` is in it.

    Each marker in `MARKERS` order takes the place of its first occurrence in
    the page as it is then, parts already put in included. Searching the whole
    page for each marker (most pages hold none or two of the five) scanned it
    some seven times; here the places where any marker can start are found
    once, and after each replacement only the part and the few characters
    either side of it are searched again: the rest of the page is unchanged
    and merely shifted. Every marker begins with `MARKER_START`, holds it nowhere
    else, and `MARKER_START` cannot overlap itself, so no place is missed.
    """
    starts = _find_all(html, 0, len(html))
    margin = len(MARKER_START) - 1
    for name, marker in MARKERS.items():
        at = next((start for start in starts if html.startswith(marker, start)), -1)
        if at < 0:
            continue
        part = parts.get(name, "")
        after = at + len(marker)
        html = html[:at] + part + html[after:]
        low, end, shift = max(0, at - margin), at + len(part), len(part) - len(marker)
        starts = [
            *(start for start in starts if start < low),
            *_find_all(html, low, end + margin),
            *(start + shift for start in starts if start >= after),
        ]
    return html, starts


def _find_all(html: str, start: int, end: int) -> list[int]:
    """Give where `MARKER_START` begins in `html[start:end]` (wholly inside it)."""
    found: list[int] = []
    at = html.find(MARKER_START, start, end)
    while at >= 0:
        found.append(at)
        at = html.find(MARKER_START, at + len(MARKER_START), end)
    return found


def place_post_list(html: str) -> tuple[str, int, list[str]]:
    """Give a page's HTML with the post list's marker where its block was.

    Also gives which page of the list the block asks for (0: no block) and its
    problems. The block has no body: what is in it (all the rest of the page,
    when its closing `///` is missing) follows the list rather than vanishing.
    """
    marker = MARKERS["post_list"]
    html, found, count = slots.extract(html, POST_LIST_SLOT, marker)
    problems = [f"/// post-list: {count} blocks; only the first is shown"] if count > 1 else []
    if found is None:
        return html, 0, problems
    attributes, body = found
    problems += slots.slot_problems(attributes)
    if slots.OPEN in attributes:
        problems.append(
            "/// post-list: no closing '///' line; the rest of the page follows the list"
        )
    if body.strip():
        html = html.replace(marker, marker + body.strip(), 1)
    page = attributes.get("data-page", "1")
    return html, int(page) if page.isdigit() and int(page) > 0 else 1, problems
