"""The "keep reading" keys of a post's front matter: `related`, `series`, `series_order`.

Checked once, with the rest of the front matter (`frontmatter.parse_post`). Whether a
`related:` path names a post is only known once every page is read; that is
checked where the related posts are computed (`related.scoring`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from mkdocs_aiblog.core.text import shown


def related_keys(meta: Mapping[str, Any]) -> tuple[tuple[str, ...], bool, list[str]]:
    """Give the paths `related:` names, whether it turns the block off, and its problems.

    `related: false` turns the block off on this post; `related: true` or no key
    leaves it on; a path or a list of paths (from `docs/`, as Material's `links:`
    writes them) names posts listed first.
    """
    value = meta.get("related")
    if value is None or value is True:
        return (), False, []
    if value is False:
        return (), True, []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return (), False, [f"related: {shown(value)} is not false or a list of post paths"]
    paths: list[str] = []
    problems: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            problems.append(f"related: {shown(item)} is not a post path")
            continue
        path = posixpath.normpath(item.strip().lstrip("/"))
        if path not in paths:
            paths.append(path)
    return tuple(paths), False, problems


def series_keys(meta: Mapping[str, Any]) -> tuple[str | None, float | None, list[str]]:
    """Give the post's series name, its `series_order`, and their problems.

    A name is text; anything else (a number, a list, a mapping) is named and the
    post is in no series, rather than in one whose name the author never wrote.
    `series: false` or an empty name: in no series, without a problem.
    """
    problems: list[str] = []
    value = meta.get("series")
    name: str | None = None
    if isinstance(value, str):
        name = value.strip() or None  # as written: spellings apart are warned of
    elif value is not None and value is not False:
        problems.append(f"series: {shown(value)} is not a text (the series' name)")
    order = meta.get("series_order")
    number = isinstance(order, int | float) and not isinstance(order, bool)
    if order is not None and (not number or order != order):  # NaN sorts nowhere
        problems.append(f"series_order: {shown(order)} is not a number")
        order = None
    if order is not None and name is None and not problems:
        problems.append("series_order: set without `series:`; it orders nothing")
    return name, float(order) if order is not None else None, problems
