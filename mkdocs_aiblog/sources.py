"""What the plugin needs from `docs/` before or beside MkDocs' own reading of it."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from mkdocs.utils.meta import YAML_RE, get_data

from mkdocs_aiblog import posts

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files


def draft_reading(file: File) -> tuple[bool, str | None]:
    """Give whether `mkdocs build` must leave a post out as a draft, and the problem to log.

    The post is read as MkDocs will read it (`File.content_string`, then
    `mkdocs.utils.meta.get_data`), so both agree on `draft`; see
    `posts.draft_state` and `posts.unread_front_matter` for what withholds a post.
    Parsing every post's YAML a second time would cost about 0.12 ms a post, so a
    front matter in which `draft` is not written and no backslash escape could
    spell it is known to hold no `draft` key without parsing it; whether it is
    valid YAML is then checked on MkDocs' own reading, in `on_page_markdown`.
    """
    try:
        text = file.content_string
    except (OSError, ValueError):
        return False, None  # MkDocs reports it, and stops, when it reads the page
    found = YAML_RE.match(text)
    if found is not None and "draft" not in (block := found.group(1)) and "\\" not in block:
        return False, None
    _, meta = get_data(text)
    if meta:
        return posts.draft_state(meta)
    unread = posts.unread_front_matter(text)
    if unread is None or not unread[0]:
        return False, None  # no front matter, or an empty one: MkDocs reads no draft
    return unread


def resolve(files: Files, path: str, src_uri: str | None = None) -> str | None:
    """Give the `docs/` path of a file a post names, trying the post's own folder first.

    `image: images/a.png` in `posts/x.md` is `posts/images/a.png` if that exists,
    else `images/a.png` from `docs/`; None when neither is a file of the site.
    """
    candidates = []
    if src_uri is not None and not path.startswith("/"):
        candidates.append(posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)))
    candidates.append(posixpath.normpath(path.lstrip("/")))
    for candidate in candidates:
        if files.get_file_from_path(candidate) is not None:
            return candidate
    return None


def fallback_title(file: File) -> str:
    """Give a title from the file name, as MkDocs does for a page without one."""
    name = (
        posixpath.basename(posixpath.dirname(file.src_uri)) if file.name == "index" else file.name
    )
    return name.replace("-", " ").replace("_", " ").strip().capitalize() or file.src_uri
