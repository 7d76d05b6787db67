"""What the plugin needs from `docs/` before or beside MkDocs' own reading of it."""

from __future__ import annotations

import contextlib
import os
import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.structure.files import File, Files


def declares_draft(file: File) -> bool:
    """Tell whether a post's front matter says `draft: true`, without parsing it all.

    Drafts must be known before pages are read, to keep them out of `mkdocs
    build`; parsing every post's whole front matter twice would cost more.
    """
    try:
        with open(file.abs_src_path or "", encoding="utf-8-sig", errors="replace") as handle:
            if handle.readline().strip() != "---":
                return False
            for line in handle:
                if line.strip() in ("---", "..."):
                    return False
                key, _, value = line.partition(":")
                if key == "draft":
                    return value.strip().lower() in ("true", "yes", "on")
    except OSError:
        return False
    return False


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


def render_again(pages: Iterable[File]) -> None:
    """Make a `--dirty` build render `pages` again, by dating their output back.

    MkDocs' dirty build skips a page whose output is newer than its source
    (`File.is_modified`); only the output in the site directory is touched, never
    `docs/`.
    """
    for file in pages:
        with contextlib.suppress(OSError):  # no output yet: it is rendered anyway
            os.utime(file.abs_dest_path, (0, 0))
