"""The authors file, in the format of Material's blog plugin (`.authors.yml`).

```yaml
authors:
  ada:
    name: Ada Quill
    description: Covers AI policy
    avatar: assets/authors/ada.png   # a file under docs/ or an http(s) URL
    url: https://example.com/ada
```
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath

from mkdocs_aiblog.core.posts import Author
from mkdocs_aiblog.core.text import load_yaml, shown, yaml_reason
from mkdocs_aiblog.core.text import name as quoted
from mkdocs_aiblog.core.urls import is_safe_link

_PLACEHOLDER = re.compile(r"\{(?:posts_dir|blog)\}")


def authors_path(option: str, posts_dir: str) -> tuple[str | None, list[str]]:
    """Give the `authors_file` option as a path under `docs/` (None: read none), and why not.

    `{posts_dir}` and Material's `{blog}` (copied from its blog plugin's option)
    both stand for `posts_dir`; nothing else is formatted. The path must stay
    in `docs/` once `..` is resolved, as the README says and as `mkdocs serve`
    watches; a symlink inside `docs/` is followed, as MkDocs follows it for pages.
    """
    name = _PLACEHOLDER.sub(lambda _: posts_dir, option)
    where = f"mkdocs.yml: aiblog: authors_file: {option!r}"
    if "{" in name or "}" in name:
        return None, [
            f"{where} has a placeholder other than {{posts_dir}} or {{blog}}; no authors are read"
        ]
    slashed = name.replace("\\", "/")
    normal = posixpath.normpath(slashed)
    if (
        PurePosixPath(slashed).is_absolute()
        or PureWindowsPath(name).drive
        or normal == ".."
        or normal.startswith("../")
    ):
        return None, [f"{where} is outside docs/; no authors are read"]
    return name, []


def load_authors(
    path: Path, *, name: str, resolve_file: Callable[[str], str | None]
) -> tuple[dict[str, Author], list[str]]:
    """Give the authors in the file at `path`, and one message per problem.

    A missing file is no problem (a blog may have no authors file); every
    message starts with `name`, the file as the writer knows it.
    """
    if not path.is_file():
        return {}, []
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        _, reason = yaml_reason(error)
        return {}, [f"{name}: cannot be read: {reason}; no authors are used"]
    try:
        data = load_yaml(source)
    except Exception as error:  # PyYAML's constructors raise anything; one line, no traceback
        where, reason = yaml_reason(error, source=source)
        return {}, [f"{name}: cannot be read: {where}{reason}; no authors are used"]
    return parse_authors(data, name=name, resolve_file=resolve_file)


def parse_authors(
    data: object, *, name: str, resolve_file: Callable[[str], str | None]
) -> tuple[dict[str, Author], list[str]]:
    """Give the authors in an authors file's parsed YAML, and what was wrong."""
    problems: list[str] = []
    entries = data.get("authors") if isinstance(data, Mapping) else None
    if not isinstance(entries, Mapping):
        return {}, [f"{name}: authors: expected a mapping of author keys to entries"]
    authors: dict[str, Author] = {}
    for key, entry in entries.items():
        where = f"{name}: authors.{quoted(key)}"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: expected a mapping with name, description, avatar, url")
            continue
        fields: dict[str, str | None] = {}
        for field in ("name", "description", "avatar", "url"):
            value = entry.get(field)
            if value is None:
                fields[field] = None
            elif isinstance(value, str | int | float) and not isinstance(value, bool):
                fields[field] = str(value).strip() or None
            else:
                problems.append(f"{where}.{field}: {shown(value)} is not a text")
                fields[field] = None
        url = fields["url"]
        if url is not None and not is_safe_link(url):
            problems.append(f"{where}.url: {shown(url)} is not an http, https or site-relative URL")
            url = None
        avatar = fields["avatar"]
        if avatar is not None:
            if re.match(r"https?://", avatar, re.IGNORECASE):
                avatar = avatar if is_safe_link(avatar) else None
            else:
                avatar = resolve_file(avatar)
            if avatar is None:
                written = shown(fields["avatar"])
                problems.append(f"{where}.avatar: {written} is not an http(s) URL or a docs/ file")
        authors[str(key)] = Author(
            key=str(key),
            name=fields["name"] or str(key),
            description=fields["description"] or "",
            avatar=avatar,
            url=url,
        )
    return authors, problems
