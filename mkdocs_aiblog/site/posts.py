"""Posts as MkDocs reads them: drafts decided before pages are read, front matter after.

MkDocs reads the front matter; these functions take what it read (or could not
read) and give the `Post`, marking drafts on the page's file so that `mkdocs
build` leaves them out: the page, its search entry and its sitemap URL.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import InclusionLevel

from mkdocs_aiblog.core import frontmatter, posts
from mkdocs_aiblog.core.authors import load_authors
from mkdocs_aiblog.site import files as sources
from mkdocs_aiblog.site import material

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from mkdocs_aiblog.core.posts import Author, Post
    from mkdocs_aiblog.site.images import Images


def withhold_drafts(
    candidates: Iterable[File], *, publish: Callable[[File], None]
) -> dict[str, str]:
    """Mark the drafts among posts not yet excluded; `publish` the others.

    Gives, by post, the problem that decided (a `draft` that is neither true nor
    false, a front matter MkDocs cannot read), to be logged once.
    """
    told: dict[str, str] = {}
    for file in candidates:
        withheld, problem = sources.draft_reading(file)
        if problem is not None:
            told[file.src_uri] = problem
        if withheld:
            file.inclusion = InclusionLevel.DRAFT
        else:
            publish(file)
    return told


def read_post(
    page: Page, markdown: str, *, authors: Mapping[str, Author], images: Images
) -> tuple[Post, list[str]]:
    """Give the post a page's front matter describes, and its problems (in `on_page_markdown`).

    Material's blog plugin posts keep what that plugin parsed. A draft that only
    MkDocs' reading reveals (a front matter found unreadable now, metadata another
    plugin added) is still marked a draft: `mkdocs build` takes its list of pages
    to write after `on_env`. A blank title is taken out of the page's metadata, so
    MkDocs and Material fall back to the first heading as the plugin does.
    """
    front_matter = page.meta
    if (blog_post := material.blog_post(page)) is not None:
        front_matter = {**page.meta, **material.blog_front_matter(blog_post)}
    post, problems = frontmatter.parse_post(
        front_matter,
        src_uri=page.file.src_uri,
        url=page.url,
        title=page.title if isinstance(page.title, str) else "",  # front matter: any type
        authors=authors,
        resolve_file=lambda path: images.resolve(path, page.file.src_uri),
        image_size=images.size,
    )
    if not page.meta and (unread := sources.unread_front_matter(markdown)):
        problems.insert(0, unread[1])  # MkDocs dropped it silently
        if unread[0]:
            post = dataclasses.replace(post, draft=True)
    if post.draft and blog_post is None and not page.file.inclusion.is_excluded():
        # Plugins that collect pages as they are read (mkdocs-rss-plugin) skip
        # `draft: true` in the metadata.
        page.file.inclusion = InclusionLevel.DRAFT
        page.meta["draft"] = True
    if isinstance(page.meta.get("title"), str) and posts.is_blank(page.meta["title"]):
        del page.meta["title"]
    return post, problems


def read_authors(
    name: str | None, files: Files, config: MkDocsConfig
) -> tuple[dict[str, Author], list[str]]:
    """Give the authors of the authors file `name` (from `docs/`; None: no file), and problems."""
    if name is None:
        return {}, []
    return load_authors(
        Path(config.docs_dir) / name,
        name=name,
        resolve_file=lambda path: sources.resolve(files, path),
    )
