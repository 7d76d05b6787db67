"""A post, as every part of the plugin reads it: `Post`, `Author` and the timeline's order.

The values are frozen: front matter is checked once (`frontmatter.parse_post`), and
what the rendered content adds (`content.complete`) makes a new value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

# Characters that show nothing although `str.isspace` says no: format characters
# (zero-width space and joiners, BOM, direction marks) and the fillers and blanks
# of Hangul and Braille.
_INVISIBLE = re.compile(r"[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                        r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f"
                        r"\ufeff\uffa0]+")  # fmt: skip


def is_blank(text: str) -> bool:
    """Tell whether `text` shows nothing: empty, whitespace or invisible characters only."""
    return not _INVISIBLE.sub("", text)


@dataclass(frozen=True, slots=True)
class Author:
    """One entry of the authors file."""

    key: str
    name: str
    description: str = ""
    avatar: str | None = None
    """A site-relative path (from `docs/`) or an http(s) URL."""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Post:
    """A post's validated metadata; what templates and rankings read."""

    src_uri: str
    url: str
    title: str
    date: datetime | None
    """When it was published, timezone-aware (naive values are taken as UTC);
    None when the front matter lacks a valid date (listed last)."""
    description: str | None = None
    subtitle: str | None = None
    """The standfirst under the title (Material's `subtitle` key)."""
    updated: datetime | None = None
    authors: tuple[Author, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    image: str | None = None
    """Hero image: the URL its file is published at (from the site's root), or an http(s) URL."""
    image_size: tuple[int, int] | None = None
    """The hero image's intrinsic width and height, when its file is local and readable."""
    image_alt: str = ""
    image_caption: str = ""
    draft: bool = False
    readtime: int | None = None
    """Minutes to read: the front matter's `readtime`, else counted from the text."""
    pin: int | None = None
    """Editor pick (`popular: true` or a number): lower numbers first."""
    opt_out: bool = False
    """`popular: false`: never listed among popular posts."""
    excerpt: str = ""
    """Plain text of what comes before `<!-- more -->`, when there is no description."""
    related: tuple[str, ...] = ()
    """Paths (from `docs/`) of the posts `related:` names, listed first."""
    related_off: bool = False
    """`related: false`: no related posts under this post."""
    series: str | None = None
    """The series' name, as written."""
    series_order: float | None = None
    """Its place in the series (else its date orders it)."""
    closing_emoji: bool | None = None
    """`closing_emoji:` of the front matter, which wins over the headings option."""

    @property
    def summary(self) -> str:
        """Give the line lists show under the title: description, else subtitle, else excerpt."""
        return self.description or self.subtitle or self.excerpt


def timeline_key(post: Post) -> tuple[bool, float, str, str]:
    """Give the key that orders posts newest first, undated last, then by title and path.

    Undated posts come after every date, year 1 included (a stand-in date such as
    `datetime.min` would tie with it, or sort before it once a timezone shifts it).
    """
    when = post.date
    return (when is None, -when.timestamp() if when else 0.0, post.title.casefold(), post.src_uri)


def newest_first(posts: Sequence[Post]) -> list[Post]:
    """Give `posts` in the order of the timeline (see `timeline_key`)."""
    return sorted(posts, key=timeline_key)
