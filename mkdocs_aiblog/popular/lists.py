"""Popular posts: from posts, page views and links to the list each page shows.

The glue between the pure cores (`pageviews`, `links`, `ranking`) and the plugin:
the export is read once per build, the ranking computed once per build, and each
page only takes the first few entries that are not itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs_aiblog.popular.exports import parse_export
from mkdocs_aiblog.popular.links import url_key
from mkdocs_aiblog.popular.ranking import Candidate, Ranked, rank, spread, unmatched

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

    from mkdocs_aiblog.core.posts import Post
    from mkdocs_aiblog.popular.options import PopularConfig


@dataclass(frozen=True, slots=True)
class Popular:
    """One entry of the popular-posts list."""

    post: Post
    reason: str
    """Where the rank came from: pinned, views, links or recent."""


def base_path(site_url: str | None) -> str:
    """Give the path a site is served under (`/blog/` for `https://x.org/blog/`)."""
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def read_views(
    options: PopularConfig, *, config_dir: Path, site_url: str | None
) -> tuple[dict[str, int], list[str]]:
    """Give the views per url key of the configured export, and one line per problem.

    No export configured: no views and no problem (links and recency still rank).
    """
    if not options.views_file:
        return {}, []
    result = parse_export(
        config_dir / options.views_file,
        fmt=options.views_format,
        path_column=options.views_path_column,
        count_column=options.views_count_column,
        date_column=options.views_date_column,
        window_days=options.window_days,
        base_path=base_path(site_url),
    )
    return dict(result.counts), [f"{options.views_file}: {problem}" for problem in result.problems]


def watch_target(
    options: PopularConfig, *, config_dir: Path, docs_dir: Path
) -> tuple[str, bool] | None:
    """Give what `mkdocs serve` must watch to see the export change, and if recursively.

    The export itself; while it does not exist, its folder, not recursively (the
    watcher cannot watch a file that is not there yet). None where there is nothing
    to watch, or `docs/` (which serve watches) holds the export.
    """
    if not options.views_file:
        return None
    path = Path(os.path.abspath(config_dir / options.views_file))
    if path.is_relative_to(os.path.abspath(docs_dir)):
        return None
    if path.exists():
        return str(path), False
    return (str(path.parent), False) if path.parent.is_dir() else None


class ExportWatch:
    """What `mkdocs serve` watches for the export: it follows `watch_target` across builds."""

    def __init__(self) -> None:
        self.server: LiveReloadServer | None = None
        self.watched: tuple[str, bool] | None = None

    def follow(self, target: tuple[str, bool] | None) -> None:
        """Watch `target` (a path, and whether recursively) in place of what was watched."""
        if self.server is None or target == self.watched:
            return
        if target is not None:
            try:
                self.server.watch(target[0], recursive=target[1])
            except OSError:  # gone since it was checked: the next build tries again
                target = None
        if self.watched is not None:
            self.server.unwatch(self.watched[0])
        self.watched = target


def ranking(
    posts: Iterable[Post], views: Mapping[str, int], links: Mapping[str, frozenset[str]]
) -> tuple[tuple[Ranked, ...], dict[str, Post], tuple[int, int]]:
    """Rank the posts once per build.

    Returns:
        The ranking, the posts by url key (what the ranking names), and how many
        export paths (and their views) matched no post, for one summary line.
    """
    by_key = {url_key(post.url): post for post in posts}
    candidates = [
        Candidate(
            key=key,
            title=post.title,
            date=post.date,
            pin=post.pin,
            opt_out=post.opt_out,
            draft=post.draft,
        )
        for key, post in by_key.items()
    ]
    return rank(candidates, views, links), by_key, unmatched(views, by_key)


def for_page(
    ranked: Sequence[Ranked], by_key: Mapping[str, Post], *, page_url: str, limit: int
) -> list[Popular]:
    """Give the popular list of one page: `limit` posts other than itself (see `spread`)."""
    chosen = spread(ranked, exclude=url_key(page_url), limit=limit)
    return [Popular(post=by_key[entry.key], reason=entry.reason) for entry in chosen]
