"""The order of "Popular posts from this blog": pins, then views, then links, then recency.

`rank` runs once per build, after every post is read; `top` and `spread` run on
every page and only walk the first few entries.

Order:

1. **Pinned** posts (`popular: true` or a number): numbered pins by their number,
   lower first, then `true` pins, since a number is the more precise instruction;
   pins with the same number follow the rules below.
2. Posts with **views** in the analytics export, most first; equal views are
   ordered by inbound links, then recency.
3. Posts without views that other posts **link** to, most linked first.
4. The rest, **recent** first. Every tie ends on the newest date, then the title,
   then the key, so the order never depends on the order posts were read in.

Drafts and opted-out posts (`popular: false`) are never listed. A link counts once
per source post, never from a post to itself, and only from published posts (an
opted-out post's links count; a draft's, or another page's, do not).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Literal

Reason = Literal["pinned", "views", "links", "recent"]
_ORDER: dict[Reason, int] = {"pinned": 0, "views": 1, "links": 2, "recent": 3}
_SortKey = tuple[int, tuple[int, int], int, int, tuple[int, float], str, str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A post as the ranking sees it."""

    key: str
    """The post's url key (`links.url_key(page.url)`)."""
    title: str
    date: datetime | date | None
    """Publication date; naive values are taken as UTC; None sorts after every date."""
    pin: int | bool | None = None
    """`popular:` from the front matter: a number, True, or None/False (not pinned)."""
    opt_out: bool = False
    """`popular: false`: never listed."""
    draft: bool = False


@dataclass(frozen=True, slots=True)
class Ranked:
    """One listed post, and why it is where it is."""

    key: str
    reason: Reason
    """What placed it: its pin, its views, the posts linking to it, or its date."""
    views: int = 0
    inbound: int = 0
    """How many other posts link to it."""


def rank(
    candidates: Iterable[Candidate],
    views: Mapping[str, int],
    links: Mapping[str, frozenset[str]],
) -> tuple[Ranked, ...]:
    """Order the listable posts, most popular first.

    Args:
        candidates: Every post, drafts and opted-out ones included.
        views: Views per url key (`PageViews.counts`); keys of other pages are ignored.
        links: For each page's url key, the url keys it links to
            (`links.internal_links`); only posts' links count.

    Returns:
        Every post that may be listed, in order, each with its reason.
    """
    posts = {post.key: post for post in candidates if not post.draft}
    inbound: dict[str, int] = {}
    for source, targets in links.items():
        if source in posts:
            for target in targets:
                if target != source:
                    inbound[target] = inbound.get(target, 0) + 1
    entries: list[tuple[_SortKey, Ranked]] = []
    for post in posts.values():
        if post.opt_out:
            continue
        seen, linked = views.get(post.key, 0), inbound.get(post.key, 0)
        if post.pin is not None and post.pin is not False:
            reason: Reason = "pinned"
        else:
            reason = "views" if seen > 0 else "links" if linked > 0 else "recent"
        group, pin, when = _ORDER[reason], _pin_order(post.pin), _newest_first(post.date)
        order = (group, pin, -seen, -linked, when, post.title, post.key)
        entries.append((order, Ranked(post.key, reason, seen, linked)))
    entries.sort(key=lambda entry: entry[0])
    return tuple(ranked for _, ranked in entries)


def top(ranking: Sequence[Ranked], *, exclude: str | None, limit: int) -> list[Ranked]:
    """Give the first `limit` entries of `ranking`, leaving out the page `exclude`.

    It walks at most `limit + 1` entries, so it is cheap enough for every page.
    """
    chosen: list[Ranked] = []
    if limit <= 0:
        return chosen
    for entry in ranking:
        if entry.key != exclude:
            chosen.append(entry)
            if len(chosen) == limit:
                break
    return chosen


def spread(ranking: Sequence[Ranked], *, exclude: str | None, limit: int) -> list[Ranked]:
    """Give the popular list of the page `exclude`: real data in order, the rest rotated.

    Pins and views come first, in their order. The places left (ranked only by links
    or recency, which name the same few posts site-wide) are a window of `limit`
    of the next `2 * limit` such posts, chosen by the page, in rank order: each
    of them is shown on about half the pages, and a page shows the same list on
    every build. With no more such posts than places, this is `top`.
    """
    chosen = top(ranking, exclude=exclude, limit=limit)
    firm = sum(1 for entry in chosen if entry.reason in ("pinned", "views"))
    places = len(chosen) - firm
    if places == 0:
        return chosen
    pool: list[Ranked] = []
    for entry in ranking[firm:]:
        if entry.key != exclude and entry.reason in ("links", "recent"):
            pool.append(entry)
            if len(pool) == 2 * places:
                break
    if len(pool) <= places:
        return chosen
    start = zlib.crc32((exclude or "").encode("utf-8")) % len(pool)
    window = sorted((start + i) % len(pool) for i in range(places))
    return chosen[:firm] + [pool[i] for i in window]


def unmatched(views: Mapping[str, int], keys: Iterable[str]) -> tuple[int, int]:
    """Count the export's paths that are no post's: (paths, their views).

    The export also holds the home page, tags and other pages that are not posts,
    so this is worth one summary line, not one problem per path.
    """
    known = set(keys)
    missed = [count for key, count in views.items() if key not in known]
    return len(missed), sum(missed)


def _pin_order(pin: int | bool | None) -> tuple[int, int]:
    """Numbered pins by number, then `true` pins; (0, 0) for posts not pinned."""
    if pin is None or pin is False:
        return (0, 0)
    return (1, 0) if pin is True else (0, pin)


def _newest_first(when: datetime | date | None) -> tuple[int, float]:
    """A sort key putting later dates first and undated posts last."""
    if when is None:
        return (1, 0.0)
    if not isinstance(when, datetime):
        when = datetime(when.year, when.month, when.day)
    if when.tzinfo is None or when.utcoffset() is None:
        when = when.replace(tzinfo=timezone.utc)
    return (0, -when.timestamp())
