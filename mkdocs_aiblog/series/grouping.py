"""Posts tied together by `series:`: each series' parts, in order, computed once per build."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_aiblog.core.posts import Post
from mkdocs_aiblog.core.text import shown


@dataclass(frozen=True, slots=True)
class Series:
    """One series: its name and its published parts, first part first."""

    name: str
    parts: tuple[Post, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a post sits in its series: what its box and its links show."""

    series: Series
    index: int
    """0 for the first part."""

    @property
    def number(self) -> int:
        """Give the part's number, from 1."""
        return self.index + 1

    @property
    def previous(self) -> Post | None:
        """Give the part before this one, if any."""
        return self.series.parts[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> Post | None:
        """Give the part after this one, if any."""
        parts = self.series.parts
        return parts[self.index + 1] if self.index + 1 < len(parts) else None


def series_key(name: str) -> str:
    """Give what names the same series: the name without case or white space."""
    return "".join(name.split()).casefold()


def part_key(post: Post) -> tuple[bool, float, bool, float, str, str]:
    """Give the order of parts: by `series_order`, then oldest first, then title and path.

    Parts with a `series_order` come before those without; undated parts last.
    """
    order = post.series_order
    return (
        order is None,
        order if order is not None else 0.0,
        post.date is None,
        post.date.timestamp() if post.date else 0.0,
        post.title.casefold(),
        post.src_uri,
    )


def group(posts: Iterable[Post]) -> tuple[dict[str, Place], list[str]]:
    """Give each published post's place in its series (by `src_uri`), and the problems.

    Names that differ only in case or white space are one series (it takes the
    spelling of its first part) and each other spelling is a problem that names
    both files. A series of one part is still shown: the others may be drafts.
    Drafts are left out by the caller, so they are neither counted nor listed.
    """
    groups: dict[str, list[Post]] = {}
    for post in posts:
        if post.series is not None:
            groups.setdefault(series_key(post.series), []).append(post)
    places: dict[str, Place] = {}
    problems: list[str] = []
    for parts in groups.values():
        parts.sort(key=part_key)
        first = parts[0]
        name = first.series or ""  # every part has a name: grouped by it
        told = {name}
        for post in parts[1:]:
            if post.series is not None and post.series not in told:
                told.add(post.series)
                problems.append(
                    f"{post.src_uri}: series: {shown(post.series)} differs only in case or"
                    f" spacing from {shown(name)} in {first.src_uri};"
                    " shown as one series named as there"
                )
        series = Series(name=name, parts=tuple(parts))
        for index, post in enumerate(parts):
            places[post.src_uri] = Place(series=series, index=index)
    return places, problems
