"""A page's view, put together from what each feature computed for the build."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_aiblog.core.words import word
from mkdocs_aiblog.navigation import listpages
from mkdocs_aiblog.navigation.navigation import Listings, Pagination, neighbours

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from mkdocs_aiblog.page.view import Blog, PageView


def index(blog: Blog, listings: Listings) -> None:
    """Compute, once per build, where each post sits in the timeline (and the archive)."""
    blog.position = {post.src_uri: number for number, post in enumerate(blog.timeline)}
    if listings.archives:
        listings.archive = listpages.archive(
            blog.timeline, blog.locale, word(blog.words, "archive.undated")
        )


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
    if page.file.src_uri in listings.archives:
        view.archive = listings.archive
