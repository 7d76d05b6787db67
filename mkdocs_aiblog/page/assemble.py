"""A page's view, put together from what each feature computed for the build."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_aiblog.core.words import word
from mkdocs_aiblog.navigation import listpages
from mkdocs_aiblog.navigation.navigation import Listings, Pagination, neighbours
from mkdocs_aiblog.related import scoring
from mkdocs_aiblog.series import grouping

if TYPE_CHECKING:
    from collections.abc import Collection

    from mkdocs.structure.pages import Page

    from mkdocs_aiblog.page.view import Blog, PageView
    from mkdocs_aiblog.related.options import RelatedConfig


def index(blog: Blog, listings: Listings) -> None:
    """Compute, once per build, where each post sits in the timeline (and the archive)."""
    blog.position = {post.src_uri: number for number, post in enumerate(blog.timeline)}
    if listings.archives:
        listings.archive = listpages.archive(
            blog.timeline, blog.locale, word(blog.words, "archive.undated")
        )


def keep_reading(
    blog: Blog,
    *,
    series: bool,
    related: RelatedConfig,
    newer_older: bool,
    known: Collection[str],
) -> list[str]:
    """Compute, once per build, each post's series and related posts; give the problems.

    `known` is every post's path, drafts included. Related posts leave out what a
    post already links to at its end: its newer/older posts and its neighbours
    in its series.
    """
    problems: list[str] = []
    if series:
        blog.series, problems = grouping.group(blog.timeline)
    if not related.enabled:
        return problems
    hidden: dict[str, set[str]] = {}
    for index, post in enumerate(blog.timeline):
        shown = hidden[post.src_uri] = set()
        if newer_older:
            shown.update(p.src_uri for p in blog.timeline[max(0, index - 1) : index + 2])
        if (place := blog.series.get(post.src_uri)) is not None:
            shown.update(p.src_uri for p in (place.previous, place.next) if p is not None)
    blog.related, more = scoring.related(
        blog.timeline, limit=related.limit, hidden=hidden, known=known
    )
    return problems + more


def page_context(
    view: PageView, page: Page, blog: Blog, listings: Listings, *, newer_older: bool
) -> None:
    """Give a page's view its slice of the post list, its neighbours, its archive."""
    if view.list_page:
        number = view.list_page
        listing, planned = listings.places.get(page.file.src_uri, (None, 0))
        pages = len(listing.urls) if listing is not None and planned == number else 0
        start = (number - 1) * listings.per_page
        # The last page takes what is left, should a post have been counted apart.
        end = None if number == pages else start + listings.per_page
        view.post_list = blog.timeline[start:end]
        if listing is not None and pages:
            view.pagination = Pagination(
                page=number,
                pages=pages,
                newer_url=listing.urls[number - 2] if number > 1 else None,
                older_url=listing.urls[number] if number < pages else None,
                archive_url=listing.archive_url,
            )
    if view.post is not None and newer_older:
        view.newer, view.older = neighbours(blog.timeline, blog.position, view.post)
        # Material's footer links follow the navigation order, which is not the
        # order of posts; the newer/older links take their place (a footer
        # override of the site's still renders, with no previous/next on posts).
        page.previous_page = page.next_page = None
    if view.post is not None:
        view.series = blog.series.get(view.post.src_uri)
        view.related = blog.related.get(view.post.src_uri, [])
    if page.file.src_uri in listings.archives:
        view.archive = listings.archive
