"""What the plugin needs from `docs/` before or beside MkDocs' own reading of it."""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
from typing import TYPE_CHECKING

from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import meta as _mkdocs_meta
from mkdocs.utils.meta import YAML_RE, get_data

from mkdocs_aiblog.core import frontmatter
from mkdocs_aiblog.core.frontmatter import WITHHELD
from mkdocs_aiblog.core.text import load_yaml, yaml_reason

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from mkdocs.structure.files import File, Files


def draft_reading(file: File) -> tuple[bool, str | None]:
    """Give whether `mkdocs build` must leave a post out as a draft, and the problem to log.

    The post is read as MkDocs will read it (`File.content_string`, then
    `mkdocs.utils.meta.get_data`), so both agree on `draft`; see
    `frontmatter.draft_state` and `unread_front_matter` for what withholds a post.
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
        return frontmatter.draft_state(meta)
    unread = unread_front_matter(text)
    if unread is None or not unread[0]:
        return False, None  # no front matter, or an empty one: MkDocs reads no draft
    return unread


def resolve(files: Files, path: str, src_uri: str | None = None) -> str | None:
    """Give the `docs/` path of a file a post names, trying the post's own folder first.

    `image: images/a.png` in `posts/x.md` is `posts/images/a.png` if that exists,
    else `images/a.png` from `docs/`; None when neither is a file of the site.
    """
    found = find_file(files, path, src_uri)
    return None if found is None else found[0]


def find_file(files: Files, path: str, src_uri: str | None = None) -> tuple[str, File] | None:
    """Give what `resolve` gives with the file itself (looking it up again costs a `PurePath`)."""
    candidates = []
    if src_uri is not None and not path.startswith("/"):
        candidates.append(posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)))
    candidates.append(posixpath.normpath(path.lstrip("/")))
    for candidate in candidates:
        if (file := files.get_file_from_path(candidate)) is not None:
            return candidate, file
    return None


def fallback_title(file: File) -> str:
    """Give a title from the file name, as MkDocs does for a page without one."""
    name = (
        posixpath.basename(posixpath.dirname(file.src_uri)) if file.name == "index" else file.name
    )
    return name.replace("-", " ").replace("_", " ").strip().capitalize() or file.src_uri


# MkDocs' own pattern (mkdocs.utils.meta.YAML_RE): what it takes for a front matter.
_FRONT_MATTER = _mkdocs_meta.YAML_RE


def front_matter_problem(markdown: str) -> str | None:
    """Tell why MkDocs read no front matter from a page that opens with `---`.

    MkDocs drops a front matter it cannot read without a word and renders it as
    text; call this when a page's `meta` is empty, with the Markdown MkDocs kept.
    None when the page simply has no front matter.
    """
    unread = unread_front_matter(markdown)
    return unread[1] if unread is not None else None


def unread_front_matter(markdown: str) -> tuple[bool, str] | None:
    """Give whether a front matter MkDocs could not read withholds its post, and why.

    A front matter that is there but cannot be read (never closed, not YAML, not
    a mapping) may say `draft: true`: its post is withheld like a draft. An empty
    one says nothing, so its post is published. None when the page simply has no
    front matter. The YAML is read with MkDocs' own loader, so both agree.
    """
    if not re.match(r"-{3}[ \t]*\n", markdown):
        return None
    found = _FRONT_MATTER.match(markdown)
    if found is None:
        return True, f"front matter: no closing '---' line; {WITHHELD}"
    try:
        data = load_yaml(found.group(1))  # the loader MkDocs reads front matter with
    except Exception as error:  # MkDocs swallows any error here, so must this
        where, problem = yaml_reason(error, source=found.group(1), first_line=2)  # 1 is `---`
        if where:
            return True, f"front matter: {where}not valid YAML ({problem}); {WITHHELD}"
        return True, f"front matter: cannot be read ({problem}); {WITHHELD}"
    if isinstance(data, dict):
        return None
    if data is None:
        return False, "front matter: empty; it is shown as text"
    return True, f"front matter: {type(data).__name__} is not a mapping of keys; {WITHHELD}"


def render_again(pages: Iterable[File]) -> None:
    """Make a `--dirty` build render `pages` again, by dating their output back.

    MkDocs' dirty build skips a page whose output is newer than its source
    (`File.is_modified`); only the output in the site directory is touched, never
    `docs/`.
    """
    for file in pages:
        with contextlib.suppress(OSError):  # no output yet: it is rendered anyway
            os.utime(file.abs_dest_path, (0, 0))


def render_again_if_posts_changed(
    files: Files,
    listed: frozenset[tuple[str, InclusionLevel]] | None,
    *,
    is_post: Callable[[File], bool],
    dirty: bool,
) -> frozenset[tuple[str, InclusionLevel]]:
    """Under `--dirty`, render every page once when a post came, went or became a draft.

    Every page may list it (popular lists, post lists, newer/older links), but a
    dirty build renders only the files that changed. Gives this build's posts and
    their inclusion, to compare with at the next build (`listed`: the last one's).
    """
    now = frozenset(
        (file.src_uri, file.inclusion) for file in files.documentation_pages() if is_post(file)
    )
    if dirty and listed is not None and now != listed:
        render_again(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
    return now
