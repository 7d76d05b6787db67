"""Navigation that scales: posts out of the sidebar, newer/older links, list pages.

MkDocs renders the whole navigation into every page, so a blog whose posts are
in it builds in time posts x pages. Posts are kept out of it (`on_files` marks
them not-in-nav; `prune` takes them out of an explicit `nav:`), and readers move
between posts by date instead: each post links to its neighbours in the
timeline, found through an index computed once per build, and the post list is
cut into pages generated beside the page that holds the `/// post-list` block
(see `listpages`). Nothing here loops over all posts for each page.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from mkdocs_aiblog.core.posts import timeline_key
from mkdocs_aiblog.navigation.listpages import (
    ArchiveYear,
    Listing,
    generate,
    has_post_list,
)
from mkdocs_aiblog.navigation.options import DEFAULT_PER_PAGE, NavigationConfig

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

    from mkdocs_aiblog.core.posts import Post

log = get_plugin_logger("aiblog")


@dataclass(frozen=True)
class Pagination:
    """Where one page of the post list sits among the others (URLs from the site root)."""

    page: int
    pages: int
    newer_url: str | None = None
    """The page of newer posts (the previous page); None on the first."""
    older_url: str | None = None
    """The page of older posts (the next page); None on the last."""
    archive_url: str | None = None


@dataclass
class Listings:
    """The pages of the post lists of one build, as planned in `on_files`."""

    per_page: int = DEFAULT_PER_PAGE
    places: dict[str, tuple[Listing, int]] = field(default_factory=dict)
    """Each list page's listing and its number in it, by `src_uri`."""
    archives: set[str] = field(default_factory=set)
    """The `src_uri` of each generated archive page."""
    archive: tuple[ArchiveYear, ...] = ()
    """What the archive pages show, computed in `on_env` when there is one."""


def plan(
    files: Files,
    config: MkDocsConfig,
    options: NavigationConfig,
    *,
    is_post: Callable[[File], bool],
    words: dict[str, str],
) -> Listings:
    """Give the pages of the post lists, adding the generated ones to `files`.

    The page holding a `/// post-list` block is found by scanning the source of
    the pages that are not posts (few, unlike posts); the number of pages comes
    from the published posts, known here since drafts are marked in `on_files`.
    """
    per_page = options.per_page
    if per_page < 1:
        log.warning(
            f"mkdocs.yml: aiblog: navigation: per_page: {per_page!r} is not a positive"
            f" number; using {DEFAULT_PER_PAGE}"
        )
        per_page = DEFAULT_PER_PAGE
    listings = Listings(per_page=per_page)
    published, candidates = 0, []
    for file in files.documentation_pages():
        if file.inclusion.is_excluded():  # drafts too, which are never listed
            continue
        if is_post(file):
            published += 1
        else:
            candidates.append(file)
    pages = max(1, -(-published // per_page))
    for file in candidates:
        try:
            source = file.content_string
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports it when it reads the page
        if not has_post_list(source):
            continue
        listing, archive_uri = generate(
            file, source, pages, files, config, archive=options.archive, words=words
        )
        for number, src_uri in enumerate(listing.src_uris, start=1):
            listings.places[src_uri] = (listing, number)
        if archive_uri is not None:
            listings.archives.add(archive_uri)
    return listings


def list_pages(files: Files, folder: str) -> set[str]:
    """Give the pages in the posts folder that are list pages, not posts.

    They are the folder's own `index.md` (or `README.md`), the usual home of a
    blog's list, and any page there that holds a `/// post-list` block. A post in
    a folder of its own (`posts/x/index.md`) stays a post. Finding the blocks
    reads each post's file once more (MkDocs reads it again later): 40 ms for
    1,000 posts of 5 KB, on a loaded machine, about 0.2% of their build.
    """
    prefix = folder + "/"
    found = set()
    for file in files.documentation_pages():
        src_uri = file.src_uri
        if not src_uri.startswith(prefix):
            continue
        if src_uri[len(prefix) :] in ("index.md", "README.md"):
            found.add(src_uri)
            continue
        try:
            if b"post-list" not in file.content_bytes:  # most posts: no decoding, no scan
                continue
            source = file.content_string
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports it when it reads the page
        if has_post_list(source):
            found.add(src_uri)
    return found


def prune(nav: Navigation, is_post: Callable[[File], bool]) -> None:
    """Take posts out of `nav`, and the sections they leave empty; relink the rest."""
    removed = [page for page in nav.pages if is_post(page.file)]
    if not removed:
        return
    nav.items = _without_posts(nav.items, is_post)
    pages = [page for page in nav.pages if not is_post(page.file)]
    for page in removed:
        page.parent = page.previous_page = page.next_page = None
    # As MkDocs links them (`_add_previous_and_next_links` in mkdocs/structure/nav.py).
    for number, page in enumerate(pages):
        page.previous_page = pages[number - 1] if number else None
        page.next_page = pages[number + 1] if number + 1 < len(pages) else None
    nav.pages = pages
    if nav.homepage in removed:
        nav.homepage = next((page for page in pages if page.is_homepage), None)


def _without_posts(items: list[Any], is_post: Callable[[File], bool]) -> list[Any]:
    kept = []
    for item in items:
        if isinstance(item, Page) and is_post(item.file):
            continue
        if isinstance(item, Section):
            item.children = _without_posts(item.children, is_post)
            if not item.children:
                continue
        kept.append(item)
    return kept


def neighbours(
    timeline: Sequence[Post], position: Mapping[str, int], post: Post
) -> tuple[Post | None, Post | None]:
    """Give the newer and the older published post around `post`.

    A draft (built by `mkdocs serve` only) is not in the timeline: it gets the
    neighbours it would have, found by bisection, and no post links to it.
    """
    at = position.get(post.src_uri)
    if at is not None:
        before, after = at - 1, at + 1
    else:
        after = bisect.bisect_left(timeline, timeline_key(post), key=timeline_key)
        before = after - 1
    newer = timeline[before] if before >= 0 else None
    older = timeline[after] if after < len(timeline) else None
    return newer, older
