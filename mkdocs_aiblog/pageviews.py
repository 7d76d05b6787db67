"""Page views from an analytics export, read as the tool writes it: `{url key: views}`.

What each tool writes (checked against its source code or documentation):

- **GoatCounter** (Settings -> Export, a `.csv.gz`): one row per pageview. The first
  header cell carries the export version glued to it: `2Path,Title,Event,UserAgent,
  Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,Location,FirstVisit,
  Date` (its help page prints it as `2,Path`, so both spellings are accepted). Rows
  are counted; `Event` rows (`true`) and bot rows (`Bot` other than `0`) are not
  pageviews and are skipped; `Date` is RFC 3339.
- **Plausible** (dashboard -> Export, a `.zip` holding `pages.csv`): `name,visitors,
  pageviews,bounce_rate,time_on_page[,scroll_depth]`, one row per path; `pageviews`
  is read (`visitors` if a goal filter left only that). No dates.
- **Google Analytics 4** (Reports -> Engagement -> Pages and screens -> Share ->
  Download CSV): a block of `#` comment lines, a blank line, then `Page path and
  screen class,Views,Active users,...`. `Page path + query string...` and `Page
  location` (full URLs) work too; a `Date` column (YYYYMMDD) is used when added.
- **Umami** (website settings -> Data -> Export, a `.zip` holding `pages.csv`):
  `x,y`, path and views. No dates.
- **csv**: any CSV with a path column (`path`, `page`, `url`...) and optionally a count
  column (`views`, `pageviews`, `count`, `hits`; none means one view per row) and a
  `date` column; names can be given explicitly. Headerless `path,views` rows work.
- **json**: `{"/posts/x/": 12, ...}`, or a list of objects read like CSV rows.

Parsing never raises: whatever could be read is returned with a list of problems.
Separators `,`, `;` and tab, a BOM, UTF-16 (Excel's "Unicode text"), gzip and zip
files are handled.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

FORMATS = ("goatcounter", "plausible", "ga4", "umami", "csv", "json")
MAX_PROBLEMS = 20
"""Problems listed one by one; the rest are summed up in one last problem."""
_MAX_BYTES = 512 * 1024 * 1024  # a decompressed export larger than this is refused

# Known columns per format, lowercase: (path names, count names, date names).
# An empty count tuple means one view per row.
_PATH_CSV = ("path", "page", "url", "pathname", "page path", "page_path", "pagepath")
_COUNT_CSV = ("views", "pageviews", "page views", "page_views", "count", "hits")
_LAYOUTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "goatcounter": (("path",), (), ("date",)),
    "ga4": (
        (
            "page path and screen class",
            "page path + query string and screen class",
            "page path + query string",
            "page path",
            "page location",
        ),
        ("views",),
        ("date",),
    ),
    "plausible": (("name",), ("pageviews", "visitors"), ()),
    "umami": (("x",), ("y",), ()),
    "csv": (_PATH_CSV, _COUNT_CSV, ("date", "day")),
}
_GOAT_HEAD = re.compile(r"\d+,?path")
_TOTALS = frozenset({"", "total", "totals", "grand total"})  # GA4 totals rows: no page
_THOUSANDS = re.compile(r"\d{1,3}(?:[, \u00a0\u202f']\d{3})+")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Problem:
    """Something in an export that could not be read."""

    line: int | None
    """1-based line of the file, or None where it has no line (whole file, JSON)."""
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class PageViews:
    """What an export says: views per url key, and what could not be read."""

    format: str
    """The format read: one of `FORMATS`, or `unknown`."""
    counts: Mapping[str, int]
    """Views per url key (see `url_key`); several rows of one page are summed."""
    problems: tuple[Problem, ...] = ()


def url_key(url: str, *, base_path: str = "/") -> str:
    """Give the key that identifies a page whatever form its URL takes.

    Query, fragment, scheme and host are dropped, percent-escapes decoded, `.` and
    `..` resolved, and `index.html`, a `.html` suffix and slashes at either end removed:
    `https://x.org/blog/posts/a/index.html?x#y`, `/blog/posts/a.html` and MkDocs'
    `posts/a/` all give `posts/a`; the home page gives `""`.

    Args:
        url: A URL, an absolute path, or a path relative to the site root (as
            MkDocs' `page.url`).
        base_path: The site's base path (`/blog/`) or its whole `site_url`; it is
            removed from absolute paths and URLs only, since MkDocs' own URLs are
            already relative to it.
    """
    url = url.strip().split("#", 1)[0].split("?", 1)[0]
    absolute = url.startswith("/") or bool(_SCHEME.match(url))
    if absolute and (url.startswith("//") or _SCHEME.match(url)):
        try:
            url = urlsplit(url).path
        except ValueError:  # e.g. a bad IPv6 host: keep what follows it
            url = "/" + url.split("//", 1)[-1].partition("/")[2]
    segments: list[str] = []
    for part in unquote(url).split("/"):
        if part == "..":
            if segments:
                segments.pop()
        elif part not in ("", "."):
            segments.append(part)
    base = _segments(base_path)
    if absolute and base and segments[: len(base)] == base:
        segments = segments[len(base) :]
    if segments and segments[-1].lower() in ("index.html", "index.htm"):
        segments.pop()
    elif segments and segments[-1].lower().endswith((".html", ".htm")):
        segments[-1] = segments[-1].rsplit(".", 1)[0]
    return "/".join(segments)


def _segments(base_path: str) -> list[str]:
    if _SCHEME.match(base_path) or base_path.startswith("//"):
        try:
            base_path = urlsplit(base_path).path
        except ValueError:
            return []
    return [part for part in unquote(base_path).split("/") if part]


def read_export(
    path: Path | str,
    *,
    fmt: str = "auto",
    path_column: str | None = None,
    count_column: str | None = None,
    date_column: str | None = None,
    window_days: int | None = None,
    today: date | None = None,
    base_path: str = "/",
) -> PageViews:
    """Read the export file at `path`, as `parse_export` reads its bytes.

    A missing or unreadable file gives no counts and one problem.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return PageViews(fmt, {}, (Problem(None, f"cannot read {path}: {reason}"),))
    return parse_export(
        data,
        fmt=fmt,
        path_column=path_column,
        count_column=count_column,
        date_column=date_column,
        window_days=window_days,
        today=today,
        base_path=base_path,
    )


def parse_export(
    data: bytes | str,
    *,
    fmt: str = "auto",
    path_column: str | None = None,
    count_column: str | None = None,
    date_column: str | None = None,
    window_days: int | None = None,
    today: date | None = None,
    base_path: str = "/",
) -> PageViews:
    """Read an analytics export into views per url key; never raises.

    Args:
        data: The file's bytes (or text); gzip and zip (its `pages.csv`) are opened.
        fmt: `auto` (detect from the header) or one of `FORMATS`.
        path_column: The path column's name (case-insensitive); giving any column
            name with `fmt="auto"` means `csv`.
        count_column: The count column's name; without it a conventional name
            (`views`, `pageviews`, `count`, `hits`) is used, else one view per row.
        date_column: The date column's name (ISO date or datetime, or YYYYMMDD).
        window_days: Keep only rows dated within this many days before `today`
            (rows dated `today - window_days` or later); ignored, with a problem,
            where the export has no dates.
        today: The reference day for `window_days` (default: the system's today).
        base_path: The site's base path or `site_url`, removed from paths.

    Returns:
        The format read, the counts, and the problems (at most `MAX_PROBLEMS` + 1).
    """
    problems = _Problems()
    if fmt != "auto" and fmt not in FORMATS:
        problems.add(None, f"unknown format {fmt!r}; expected auto or one of {FORMATS}")
        return PageViews(fmt, {}, problems.done())
    if fmt == "auto" and (path_column or count_column or date_column):
        fmt = "csv"
    columns = (path_column, count_column, date_column)
    since = None
    if window_days is not None:
        if window_days < 1:
            problems.add(None, f"window_days must be 1 or more, not {window_days}; ignored")
        else:
            since = (today or date.today()) - timedelta(days=window_days)
    text = _text(data, problems)
    counts: dict[str, int] = {}
    if text is not None and not text.strip():
        problems.add(None, "the export is empty")
    elif text is not None:
        if fmt == "json" or (fmt == "auto" and text.lstrip()[:1] in ("{", "[")):
            fmt, rows = "json", _json_rows(text, problems)
        else:
            rows = _csv_rows(text, problems)
        fmt = _tally(rows, fmt, columns, since, base_path, counts, problems)
    return PageViews(fmt, MappingProxyType(counts), problems.done())


class _Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.more = 0

    def add(self, line: int | None, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(line, message))
        else:
            self.more += 1

    def done(self) -> tuple[Problem, ...]:
        extra = [Problem(None, f"{self.more} more problems not listed")] if self.more else []
        return tuple(self.items + extra)


def _text(data: bytes | str, problems: _Problems) -> str | None:
    """Decode (and decompress) the export; None if nothing can be read."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        if data[:2] == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
                data = unzipped.read(_MAX_BYTES + 1)
        elif data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = [n for n in archive.namelist() if not n.endswith("/")]
                pages = [n for n in names if n.rsplit("/", 1)[-1] == "pages.csv"]
                if not pages and len(names) != 1:
                    problems.add(None, f"the zip file holds no pages.csv (it holds {names})")
                    return None
                with archive.open((pages or names)[0]) as member:
                    data = member.read(_MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, RuntimeError) as error:
        problems.add(None, f"cannot uncompress the export: {error}")
        return None
    if len(data) > _MAX_BYTES:
        problems.add(None, f"the export is larger than {_MAX_BYTES >> 20} MiB; not read")
        return None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace").removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.add(line, "the export is not UTF-8; undecodable bytes were replaced")
        return data.decode("utf-8", "replace").removeprefix("\ufeff")


_Row = tuple[int | None, Sequence[object]]


def _csv_rows(text: str, problems: _Problems) -> Iterator[_Row]:
    """Yield (line, cells) from the header on; GA4's `#` preamble is skipped."""
    start, line = 0, 1
    while start < len(text):  # skip comment and blank lines above the header
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        if text[start:end].strip() and not text[start:end].lstrip().startswith("#"):
            break
        start, line = end, line + 1
    end = text.find("\n", start)
    header = text[start : end if end >= 0 else len(text)]
    delimiter = max((",", ";", "\t"), key=header.count)
    if "\x00" in text:
        problems.add(None, "the export contains NUL characters; they were removed")
        text = text.replace("\x00", "")
    reader = csv.reader(io.StringIO(text[start:], newline=""), delimiter=delimiter)
    done = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.add(line + done, f"unreadable CSV: {error}")
            done = reader.line_num
            continue
        row_line, done = line + done, reader.line_num
        if cells and any(cell.strip() for cell in cells):
            yield row_line, cells


def _json_rows(text: str, problems: _Problems) -> Iterator[_Row]:
    """Yield a JSON mapping as `path,views` rows, or a list of objects as CSV rows."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        problems.add(line, f"not valid JSON: {getattr(error, 'msg', error)}")
        return
    if isinstance(value, dict):
        yield None, ("path", "views")
        yield from ((None, item) for item in value.items())
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        keys = list(dict.fromkeys(key for item in value for key in item))
        yield None, keys
        yield from ((None, [item.get(key, "") for key in keys]) for item in value)
    else:
        problems.add(None, "expected a JSON object of path: views, or a list of objects")


def _tally(
    rows: Iterator[_Row],
    fmt: str,
    columns: tuple[str | None, str | None, str | None],
    since: date | None,
    base_path: str,
    counts: dict[str, int],
    problems: _Problems,
) -> str:
    """Sum the rows' views into `counts`; give the format read."""
    first = next(rows, None)
    if first is None:
        return "unknown" if fmt == "auto" else fmt
    line, header_cells = first
    header = [str(cell).strip().lower() for cell in header_cells]
    goat = bool(header and _GOAT_HEAD.fullmatch(header[0]))
    if goat:
        header[0] = "path"
    elif header[:2] and header[0].isdigit() and header[1] == "path":
        goat, header = True, header[1:]  # the help page's spelling, `2,Path,...`
    fmt, found = _layout(header, fmt, goat, columns)
    if found is None:
        if fmt in ("auto", "csv") and not any(columns) and len(header) >= 2:
            if _count(header_cells[1]) is not None:  # headerless `path,views`
                fmt, found, rows = "csv", (0, 1, None), iter([first, *rows])
    if found is None:
        shown = ", ".join(header) or "none"
        problems.add(line, f"no known columns for {fmt} (columns: {shown})")
        return "unknown" if fmt == "auto" else fmt
    path_at, count_at, date_at = found
    if since is not None and date_at is None:
        problems.add(None, f"this {fmt} export has no dates; window_days is ignored")
        since = None
    event_at = header.index("event") if fmt == "goatcounter" and "event" in header else None
    bot_at = header.index("bot") if fmt == "goatcounter" and "bot" in header else None
    need = max(i for i in (path_at, count_at, date_at, event_at, bot_at) if i is not None)
    keys: dict[str, str] = {}  # an export repeats paths: normalize each one once
    for line, cells in rows:
        if len(cells) <= need:
            problems.add(line, f"truncated row: {len(cells)} of {len(header)} fields")
            continue
        path = str(cells[path_at]).strip()
        if (event_at is not None and str(cells[event_at]).strip().lower() == "true") or (
            bot_at is not None and str(cells[bot_at]).strip() not in ("", "0")
        ):
            continue
        if since is not None and date_at is not None:
            day = _date(cells[date_at])
            if day is None:
                problems.add(line, f"{cells[date_at]!r} is not a date; row skipped")
                continue
            if day < since:
                continue
        views = 1 if count_at is None else _count(cells[count_at])
        if views is None and count_at is not None:
            label = f"{path!r}: " if line is None else ""
            problems.add(line, f"{label}{cells[count_at]!r} is not a whole number of views")
            continue
        if path.lower() in _TOTALS:
            continue
        key = keys.get(path)
        if key is None:
            key = keys[path] = url_key(path, base_path=base_path)
        counts[key] = counts.get(key, 0) + views
    return fmt


def _layout(
    header: list[str], fmt: str, goat: bool, columns: tuple[str | None, ...]
) -> tuple[str, tuple[int, int | None, int | None] | None]:
    """Find the path, count and date columns of `fmt`, or of the first format that fits."""
    path_col, count_col, date_col = (c.strip().lower() if c else None for c in columns)
    for name in FORMATS[:-1] if fmt == "auto" else (fmt,):
        if fmt == "auto" and name == "goatcounter" and not goat:
            continue  # plain CSVs have a `path` column too; GoatCounter's is versioned
        paths, counts, dates = _LAYOUTS["csv" if name == "json" else name]
        optional_count = not counts
        if name in ("csv", "json"):  # rows of a JSON list are read like CSV rows
            paths = (path_col,) if path_col else paths
            counts = (count_col,) if count_col else counts
            dates = (date_col,) if date_col else dates
            optional_count = not count_col
        path_at, count_at = _find(header, paths), _find(header, counts)
        if path_at is not None and (count_at is not None or optional_count):
            return name, (path_at, count_at, _find(header, dates))
    return fmt, None


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    return next((header.index(name) for name in names if name in header), None)


def _count(value: object) -> int | None:
    """Read a whole, non-negative number of views (`1,234` and `12.0` too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = str(value).strip()
    if _THOUSANDS.fullmatch(text):
        text = re.sub(r"\D", "", text)
    whole, _, fraction = text.partition(".")
    if whole.isascii() and whole.isdigit() and (not fraction or set(fraction) == {"0"}):
        return int(whole)
    return None


def _date(value: object) -> date | None:
    """Read `2026-11-20`, `2026-11-20T10:00:00Z` (its own day) or GA4's `20261120`."""
    text = str(value).strip()
    try:
        if len(text) == 8 and text.isdigit():
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
