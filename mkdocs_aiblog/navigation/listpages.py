"""The post list's further pages and the archive: generated pages, never written.

`/// post-list` renders a page of the timeline; its further pages are generated
beside the page that holds the block (`index.md` -> `page/2.md`, served at
`page/2/`), each a `/// post-list` block with `page: N`, so MkDocs renders them
like any page. The archive is one more generated page (`archive.md`) whose list
the plugin fills in (`render`).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import yaml
from babel.dates import format_date
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import get_data

from mkdocs_aiblog.core.slots import MARKERS
from mkdocs_aiblog.core.text import clean
from mkdocs_aiblog.core.words import word

if TYPE_CHECKING:
    from babel.core import Locale
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_aiblog.core.posts import Post

log = get_plugin_logger("aiblog")


@dataclass(frozen=True)
class Listing:
    """The pages of one post list, the page holding the block first."""

    src_uris: tuple[str, ...]
    urls: tuple[str, ...]
    archive_url: str | None = None


@dataclass(frozen=True)
class ArchiveMonth:
    """One month of the archive: its localized name and its posts, newest first."""

    name: str
    posts: tuple[Post, ...]


@dataclass(frozen=True)
class ArchiveYear:
    """One year of the archive (or the undated posts, with a single nameless month)."""

    year: str
    months: tuple[ArchiveMonth, ...]


def generate(
    file: File,
    source: str,
    pages: int,
    files: Files,
    config: MkDocsConfig,
    *,
    archive: bool,
    words: dict[str, str],
) -> tuple[Listing, str | None]:
    """Add the further pages of the list on `file` (and its archive) to `files`.

    Gives the list's pages and the `src_uri` of the archive page, if one was added.
    A page that already exists at a generated page's path stops the list there.
    """
    stem = posixpath.splitext(file.src_uri)[0]
    folder = posixpath.dirname(stem) if posixpath.basename(stem) in ("index", "README") else stem
    body, meta = get_data(source)
    own_title = _title(body, meta)
    title = own_title or words["list.title"]
    # A page title is HTML to MkDocs and Material (they print it raw in `<title>`
    # and the header), so a word goes in escaped; the page's own title as it is.
    html_title = own_title or html.escape(words["list.title"], quote=False)
    # Only plain values are copied: a value nested by YAML aliases, thousands
    # deep, would make `yaml.safe_dump` fail with RecursionError.
    kept: dict[str, Any] = {
        key: meta[key] for key in ("hide", "template") if _is_plain(meta.get(key))
    }
    src_uris = [file.src_uri]
    for number in range(2, pages + 1):
        src_uri = posixpath.join(folder, "page", f"{number}.md")
        if files.get_file_from_path(src_uri) is not None:
            log.warning(
                clean(
                    f"{file.src_uri}: /// post-list: {src_uri} already exists;"
                    f" the list stops at page {number - 1}"
                )
            )
            break
        src_uris.append(src_uri)
    archive_uri = archive_url = None
    if archive:
        archive_uri = posixpath.join(folder, "archive.md")
        if files.get_file_from_path(archive_uri) is not None:
            log.warning(clean(f"{file.src_uri}: navigation.archive: {archive_uri} already exists"))
            archive_uri = None
        else:
            front = {**kept, "title": html.escape(words["archive.title"], quote=False)}
            text = _markdown(front, words["archive.title"], MARKERS["archive"])
            archive_url = _add(files, config, archive_uri, text).url
    urls = [file.url]
    for number, src_uri in enumerate(src_uris[1:], start=2):
        position = word(words, "list.page", page=number, pages=len(src_uris))
        front = {**kept, "title": f"{html_title} – {html.escape(position, quote=False)}"}
        text = _markdown(front, title, f"/// post-list\n    page: {number}\n///")
        urls.append(_add(files, config, src_uri, text).url)
    return Listing(tuple(src_uris), tuple(urls), archive_url), archive_uri


def _is_plain(value: object) -> bool:
    """Tell whether `value` is a text or a list of texts (what `hide` and `template` take)."""
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(item, str) for item in value)
    )


def _add(files: Files, config: MkDocsConfig, src_uri: str, content: str) -> File:
    """Give a generated page, added to `files`; never written into `docs/`."""
    file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(file)
    return file


def _markdown(front: dict[str, Any], heading: str, body: str) -> str:
    """Give a generated page's source; search leaves it out, as it repeats other pages."""
    front = {**front, "search": {"exclude": True}}
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\n# {_as_text(heading)}\n\n{body}\n"


# Every ASCII mark that starts Markdown syntax in the extensions a Material site
# runs (`~~`, `^^`, `==`, `:rocket:`, `$x$`, `\(x\)`, bare URLs, `{: .attr}`),
# as a character reference: a backslash escapes only the marks the enabled
# extensions register, and `\(` even opens arithmatex's math. Quotes, commas and
# question marks start nothing and stay as written (smarty may curl the quotes).
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()#+\-.!|~^=:$<>&@/%;]")


def _as_text(title: str) -> str:
    """Give a plain-text title as Markdown that shows it as it is."""
    return _MARKDOWN_PUNCTUATION.sub(lambda mark: f"&#{ord(mark[0])};", title)


_H1 = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+\{[^}]*\})?[ \t#]*$", re.MULTILINE)


def _title(body: str, meta: dict[str, Any]) -> str | None:
    """Give a page's title from its front matter, else its first `# ` heading."""
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    match = _H1.search(body)
    return match.group(1).strip() if match else None


_BLOCK = re.compile(r"[ \t]*/{3,}[ \t]*post-list\b")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")


def has_post_list(source: str) -> bool:
    """Tell whether Markdown source has a `/// post-list` block outside code fences."""
    if "post-list" not in source:
        return False
    fence = ""
    for line in source.splitlines():
        if match := _FENCE.match(line):
            mark = match.group(1)
            if not fence:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = ""
        elif not fence and _BLOCK.match(line):
            return True
    return False


def archive(timeline: Sequence[Post], locale: Locale, undated: str) -> tuple[ArchiveYear, ...]:
    """Give the published posts by year and month, newest first; undated ones last.

    Posts are grouped by the year and month of their own date, as their byline
    shows it; the timeline orders instants, so two posts in different timezones
    can interleave months (`2025-01-01T00:30+01:00` is older than `2024-12-31T23:45Z`).
    So years and months are sorted by number, each listed once.
    """
    grouped: dict[int | None, dict[int, list[Post]]] = {}
    for post in timeline:
        when = post.date
        year, month = (when.year, when.month) if when else (None, 0)
        grouped.setdefault(year, {}).setdefault(month, []).append(post)
    years = []
    for year, months in sorted(grouped.items(), key=lambda item: -(item[0] or -10_000)):
        if year is None:
            years.append(ArchiveYear(year=undated, months=(ArchiveMonth("", tuple(months[0])),)))
            continue
        named = tuple(
            ArchiveMonth(name=_month(posts[0].date, locale), posts=tuple(posts))
            for _, posts in sorted(months.items(), reverse=True)
        )
        years.append(ArchiveYear(year=str(year), months=named))
    return tuple(years)


def _month(when: datetime | None, locale: Locale) -> str:
    return str(format_date(when, "LLLL", locale=locale)) if when else ""
