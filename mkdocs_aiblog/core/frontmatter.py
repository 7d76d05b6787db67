"""Front matter -> `Post`: every key a post may carry, checked once.

`parse_post` never raises. Each bad value gives one problem that names the key
and what was expected, and the post goes on without that value. Keys mean what
they mean in Material's blog plugin and mkdocs-rss-plugin, so a site can move
between them without rewriting front matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Any

from mkdocs_aiblog.core.posts import Author, Post, is_blank
from mkdocs_aiblog.core.reading import related_keys, series_keys
from mkdocs_aiblog.core.text import listed, shown
from mkdocs_aiblog.core.urls import is_safe_link

# Markup that Material would render raw from a title or description.
_MARKUP = re.compile(r"<[A-Za-z/!?]|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


@dataclass(slots=True)
class Problems:
    """Collects one message per bad key."""

    messages: list[str] = field(default_factory=list)

    def add(self, key: str, value: object, expected: str) -> None:
        """Record that `key` held `value` where `expected` was needed."""
        self.messages.append(f"{key}: {shown(value)} is not {expected}")


def to_datetime(value: object) -> datetime | None:
    """Give a timezone-aware datetime for a YAML date, datetime or ISO string."""
    if isinstance(value, datetime):
        result = value
    elif isinstance(value, date):
        result = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            result = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return result if result.tzinfo else result.replace(tzinfo=timezone.utc)


def _dates(meta: Mapping[str, Any], problems: Problems) -> tuple[datetime | None, datetime | None]:
    raw = meta.get("date")
    updated_raw = meta.get("updated")
    if isinstance(raw, Mapping):  # Material's blog plugin: date: {created: ..., updated: ...}
        updated_raw = raw.get("updated", updated_raw)
        key, raw = "date.created", raw.get("created")
    else:
        key = "date"
    published = to_datetime(raw)
    if raw is None:
        problems.messages.append(f"{key}: missing; a post needs the date it was published")
    elif published is None:
        problems.add(key, raw, "a date (YYYY-MM-DD) or a datetime")
    updated = None
    if updated_raw is not None:
        updated = to_datetime(updated_raw)
        if updated is None:
            problems.add("updated", updated_raw, "a date (YYYY-MM-DD) or a datetime")
    return published, updated


def _text(meta: Mapping[str, Any], key: str, problems: Problems) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.add(key, value, "a text")
        return None
    text = str(value).strip()
    if key == "title" and is_blank(text):
        shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
        problems.messages.append(
            f"{key}: {shown} is blank; the first heading or the file name is used instead"
        )
        return None
    if key in _PLAIN and _MARKUP.search(text):
        problems.messages.append(
            f"{key}: {text[:60]!r} contains HTML markup, which {_PLAIN[key]};"
            " write it as plain text"
        )
    return text or None


# Keys whose markup is a problem, and what becomes of it.
_PLAIN = {
    "title": "Material shows unescaped",
    "description": "Material shows unescaped",
    "subtitle": "the post shows as text (and Material's navigation unescaped)",
    "image_caption": "the post shows as text",
}


def _names(meta: Mapping[str, Any], key: str, problems: Problems) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.add(key, value, "a list of names")
        return ()
    names: list[str] = []
    for item in value:
        scalar = isinstance(item, str | int | float) and not isinstance(item, bool)
        if not scalar or not str(item).strip():
            problems.add(key, item, "a name")
        elif str(item).strip() not in names:
            names.append(str(item).strip())
    return tuple(names)


def _pin(meta: Mapping[str, Any], problems: Problems) -> tuple[int | None, bool]:
    value = meta.get("popular")
    if value is None or value is False:
        return None, value is False
    if value is True:
        return 1_000_000, False  # unnumbered pins after numbered ones
    if isinstance(value, int) and 0 <= value < 1_000_000:
        return value, False
    problems.add("popular", value, "true, false or a number from 0 to 999999")
    return None, False


def parse_post(
    meta: Mapping[str, Any],
    *,
    src_uri: str,
    url: str,
    title: str,
    authors: Mapping[str, Author],
    resolve_file: Callable[[str], str | None],
    image_size: Callable[[str], tuple[int, int] | None] | None = None,
) -> tuple[Post, list[str]]:
    """Give the post its front matter describes, and what was wrong with it.

    Args:
        meta: the page's front matter.
        src_uri: the page's path from `docs/`, for messages.
        url: the page's URL from the site root.
        title: the page's title as MkDocs knows it (front matter or first heading).
        authors: the authors file, by key.
        resolve_file: maps a path written in the post to the URL (from the
            site's root) its file is published at, else None.
        image_size: gives the intrinsic size of the image (the URL `resolve_file`
            gave, or an http(s) URL), if known; the post is made with it rather
            than copied once more (`dataclasses.replace` of a `Post`: ~75,000 instructions).

    Returns:
        The post, without whatever was bad, and one message per problem.
    """
    problems = Problems()
    published, updated = _dates(meta, problems)
    description = _text(meta, "description", problems)
    named_title = _text(meta, "title", problems) or ("" if is_blank(title) else title)

    post_authors: list[Author] = []
    for key in _names(meta, "authors", problems):
        if key in authors:
            post_authors.append(authors[key])
        else:
            known = "known: " + listed(sorted(authors)) if authors else "no authors file"
            problems.messages.append(f"authors: {shown(key)} is not in the authors file ({known})")

    image = _text(meta, "image", problems)
    if image is not None:
        if re.match(r"https?://", image, re.IGNORECASE):
            if not is_safe_link(image):
                problems.add("image", image, "an http(s) URL or a file under docs/")
                image = None
        else:
            found = resolve_file(image)
            if found is None:
                problems.add("image", image, "an http(s) URL or a file under docs/")
            image = found

    draft, problem = draft_state(meta)
    if problem is not None:
        problems.messages.append(problem)

    readtime = meta.get("readtime")
    if readtime is not None and (
        isinstance(readtime, bool) or not isinstance(readtime, int) or not 0 < readtime < 10_000
    ):
        problems.add("readtime", readtime, "a whole number of minutes")
        readtime = None

    pin, opt_out = _pin(meta, problems)
    closing = meta.get("closing_emoji")
    if closing is not None and not isinstance(closing, bool):
        problems.add("closing_emoji", closing, "true or false")
        closing = None
    related, related_off, related_problems = related_keys(meta)
    series, series_order, series_problems = series_keys(meta)
    problems.messages += related_problems + series_problems
    return Post(
        src_uri=src_uri,
        url=url,
        title=named_title,
        date=published,
        description=description,
        subtitle=_text(meta, "subtitle", problems),
        updated=updated,
        authors=tuple(post_authors),
        categories=_names(meta, "categories", problems),
        tags=_names(meta, "tags", problems),
        image=image,
        image_size=None if image is None or image_size is None else image_size(image),
        image_alt=_text(meta, "image_alt", problems) or "",
        image_caption=_text(meta, "image_caption", problems) or "",
        draft=draft,
        readtime=readtime,
        pin=pin,
        opt_out=opt_out,
        closing_emoji=closing,
        related=related,
        related_off=related_off,
        series=series,
        series_order=series_order,
    ), problems.messages


WITHHELD = "left out of `mkdocs build` like a draft"


def draft_state(meta: Mapping[str, Any]) -> tuple[bool, str | None]:
    """Give whether a post is withheld from `mkdocs build` as a draft, and why if unclear.

    Only a missing `draft` or `draft: false` publishes. Any other value MkDocs
    read (`'true'`, `null`, a MultiMarkdown `draft: yes` string) may be meant as
    a draft, so it withholds the post, with a problem naming the key.
    """
    if "draft" not in meta:
        return False, None
    value = meta["draft"]
    if isinstance(value, bool):
        return value, None
    problems = Problems()
    problems.add("draft", value, "true or false")
    return True, f"{problems.messages[0]}; {WITHHELD}"
