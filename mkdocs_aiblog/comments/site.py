"""Where the comments meet MkDocs: the loader among the site's files, the TOC entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.structure.toc import AnchorLink

from mkdocs_aiblog.comments.options import OPTIONS
from mkdocs_aiblog.comments.settings import Comments, settings, shows

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from mkdocs_aiblog.comments.options import CommentsConfig

LOADER = "assets/javascripts/aiblog-comments.js"
ANCHOR = "__comments"
"""Material's id for the comments heading (its `partials/comments.html` snippet)."""


def from_options(
    options: CommentsConfig, language: str | None
) -> tuple[Comments | None, list[str]]:
    """Give the site's comment widget (None: no comments) and the problems of its options.

    An option MkDocs does not know (`lod: click`) is one warning of MkDocs' own,
    naming it; the comments are then left out, as for every other bad setting.
    """
    if set(options) - OPTIONS:
        return None, []
    return settings(options.provider, options.load, options.giscus, options.isso, language=language)


def drop_loader(files: Files) -> None:
    """Take the loader out of a site without comments: its `site/` stays as it was."""
    loader = files.get_file_from_path(LOADER)
    if loader is not None and not loader.is_documentation_page():
        files.remove(loader)


def add_to_toc(page: Page, title: str) -> None:
    """Give the page's table of contents a last entry for the comments.

    Material lists the H1's children when the first entry is an H1 (its
    `toc.html`); the entry goes where the post's sections are, at their level.
    A page without sections keeps no table of contents rather than one entry.
    """
    items = page.toc.items
    if items and items[0].level == 1:
        items = items[0].children
    if not items or any(item.id == ANCHOR for item in items):
        return
    items.append(AnchorLink(str(escape(title)), ANCHOR, items[-1].level))


def wanted(
    comments: Comments | None, options: CommentsConfig, page: Page, post: object
) -> tuple[bool, str | None]:
    """Give whether a page shows the site's comments, and the problem with its `comments:` key."""
    if comments is None:
        return False, None
    return shows(page.meta.get("comments"), is_post=post is not None, pages=options.pages)


def shown(comments: Comments | None, page: Page, title: str) -> Comments | None:
    """Give the comments a page shows (None: none after all), with their TOC entry added."""
    if comments is not None:
        add_to_toc(page, title)
    return comments
