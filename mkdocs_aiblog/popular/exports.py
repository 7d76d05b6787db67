"""Page views from an analytics export, read as the tool writes it: `{url key: views}`.

What each tool writes (checked against its source code or documentation):

- **GoatCounter** (Settings -> Export, a `.csv.gz`): one row per pageview. The first
  header cell carries the export version glued to it: `2Path,Title,Event,UserAgent,
  Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,Location,FirstVisit,
  Date` (its help page prints it as `2,Path`, so both spellings are accepted). Rows
  are counted; `Event` rows (`true`) and bot rows (`Bot` other than `0`) are not
  pageviews and are skipped; `Date` is RFC 3339. Paths recorded with their host
  (`example.org/blog/x/`, a documented `count.js` option) are understood.
- **Plausible** (dashboard -> Export, a `.zip` holding `pages.csv`): `name,visitors,
  pageviews,bounce_rate,time_on_page[,scroll_depth]`, one row per path; `pageviews`
  is read. No dates. (With a goal filter on, it writes `name,conversions,...`: not
  views, so not read.)
- **Google Analytics 4** (Reports -> Engagement -> Pages and screens -> Share ->
  Download CSV): a block of `#` comment lines, a blank line, then `Page path and
  screen class,Views,Active users,...`. `Page path + query string...` and `Page
  location` (full URLs) work too; a `Date` column (YYYYMMDD) is used when added.
- **Umami** (website settings -> Data -> Export, a `.zip` holding `pages.csv`):
  `x,y`, path and views. No dates.
- **csv**: any CSV with a path column (`path`, `page`, `url`...) and optionally a count
  column (`views`, `pageviews`, `count`, `hits`; none means one view per row) and a
  `date` column; names can be given explicitly. Headerless `path,views` rows work.
- **json**: `{"/posts/x/": 12, ...}`.

Parsing never raises: whatever could be read is returned with a list of problems.
Separators `,`, `;` and tab, a BOM, UTF-16 (Excel's "Unicode text"), gzip and zip
files are handled. Files are streamed (`exportfile`): memory follows the distinct
paths, not the file's size; an export that cannot be read whole gives no counts.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import PurePath
from types import MappingProxyType
from typing import IO

from mkdocs_aiblog.core.text import clean, listed, shown
from mkdocs_aiblog.popular.columns import (
    FORMATS,
    GOAT_HEAD,
    TOTALS,
    Layout,
    count_problem,
    find_layout,
    read_count,
    read_date,
)
from mkdocs_aiblog.popular.exportfile import ERRORS, Lines, Unreadable, open_bytes, text_of, why
from mkdocs_aiblog.popular.links import url_key

MAX_PROBLEMS = 20
"""Problems listed one by one; the rest are summed up in one last problem."""


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


def parse_export(
    data: bytes | str | PurePath,
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
        data: The export's bytes or text, or a `pathlib.Path` to read it from (a
            missing or unreadable file is one problem). Gzip and zip files (the
            zip's `pages.csv`) are opened.
        fmt: `auto` (detect from the header) or one of `FORMATS`.
        path_column: The path column's name (any case) of a `csv` export; giving a
            column name with `fmt="auto"` means `csv`.
        count_column: The count column's name; without it a conventional name
            (`views`, `pageviews`, `count`, `hits`) is used, else one view per row.
        date_column: The date column's name (ISO date or datetime, or YYYYMMDD).
        window_days: Keep only the rows of the last `window_days` days, `today`
            included (rows dated later are kept too); ignored, with a problem, where
            the export has no dates.
        today: The reference day for `window_days` (default: the system's today).
        base_path: The site's base path or `site_url`, removed from paths.

    Returns:
        The format read, the counts, and the problems (at most `MAX_PROBLEMS` + 1).
    """
    columns = (path_column, count_column, date_column)
    reader = _Reader(tuple(c.strip().lower() if c else None for c in columns), base_path)
    if fmt != "auto" and fmt not in FORMATS:
        reader.problem(None, f"unknown format {shown(fmt)}; expected auto or one of {FORMATS}")
        return reader.result("unknown")
    if fmt == "auto" and any(columns):
        fmt = "csv"
    if window_days is not None and window_days < 1:
        reader.problem(None, f"window_days must be 1 or more, not {window_days}; ignored")
    elif window_days is not None:
        try:
            reader.since = (today or date.today()) - timedelta(days=window_days - 1)
        except OverflowError:  # a window longer than the calendar: every row
            reader.since = date.min
    opened, source = "", None
    try:
        with ExitStack() as stack:
            if isinstance(data, str):
                text: IO[str] = io.StringIO(data.removeprefix("\ufeff"), newline="")
            else:
                stream, opened = open_bytes(data, stack)
                text = text_of(stream)
            source = Lines(text, reader.problem, check_text=not isinstance(data, str))
            fmt = reader.read(source, fmt)
    except Unreadable as error:
        reader.counts.clear()  # a part of an export would rank wrongly: none of it
        reader.problem(None, str(error))
    except ERRORS as error:
        reader.counts.clear()
        what = f"cannot uncompress {opened}" if opened else "cannot read the export"
        line = f" (at line {source.number + 1})" if source and source.number else ""
        reader.problem(None, f"{what}{line}: {why(error)}; nothing read")
    return reader.result(fmt)


_Row = tuple[int | None, Sequence[object]]


class _Reader:
    """One export being read: its options, the views summed, the problems met."""

    def __init__(self, columns: tuple[str | None, ...], base_path: str) -> None:
        self.columns = columns
        self.base_path = base_path
        self.since: date | None = None
        self.counts: dict[str, int] = {}
        self.problems: list[Problem] = []
        self.unlisted = 0

    def problem(self, line: int | None, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(line, message))
        else:
            self.unlisted += 1

    def result(self, fmt: str) -> PageViews:
        if self.unlisted:
            self.problems.append(Problem(None, f"and {self.unlisted} more problems"))
        return PageViews(fmt, MappingProxyType(self.counts), tuple(self.problems))

    def read(self, source: Lines, fmt: str) -> str:
        """Sum the views of an export's lines; give the format read."""
        blank: list[str] = []
        for first in source:
            if first.strip():
                break
            blank.append(first)
        else:
            self.problem(None, "the export is empty")
            return fmt
        if fmt == "json" or (fmt == "auto" and first.lstrip()[:1] in ("{", "[")):
            # A JSON export is one value, so it is read whole: `{path: views}` grows
            # with the paths, not with the pageviews as GoatCounter's rows do.
            text = "".join(blank) + first + source.text.read()
            return self.tally(self.json_rows(text), "json")
        return self.tally(self.csv_rows(itertools.chain(blank, [first], source)), fmt)

    def csv_rows(self, source: Iterator[str]) -> Iterator[_Row]:
        """Yield (line, cells) from the header on, past GA4's `#` comment block."""
        line = 1
        for header in source:
            if header.strip() and not header.lstrip().startswith("#"):
                break
            line += 1
        else:
            return
        delimiter = max((",", ";", "\t"), key=header.count)
        reader = csv.reader(itertools.chain([header], source), delimiter=delimiter)
        done = 0  # lines read so far, from the header's
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                self.problem(line + done, f"unreadable CSV: {clean(str(error), 120)}")
            else:
                if any(cell.strip() for cell in cells):
                    yield line + done, cells
            done = reader.line_num

    def json_rows(self, text: str) -> Iterator[_Row]:
        """Yield a `{path: views}` mapping as `path,views` rows."""
        try:
            value = json.loads(text, parse_int=_read_int)
        except (ValueError, RecursionError) as error:
            line = getattr(error, "lineno", None)
            self.problem(line, f"not valid JSON: {clean(str(getattr(error, 'msg', error)), 120)}")
            return
        if not isinstance(value, dict):
            self.problem(None, "expected a JSON object of path: views")
            return
        yield None, ("path", "views")
        yield from ((None, item) for item in value.items())

    def tally(self, rows: Iterator[_Row], fmt: str) -> str:
        """Sum the rows' views into `counts`; give the format read."""
        first = next(rows, None)
        if first is None:
            return "unknown" if fmt == "auto" else fmt
        line, cells = first
        header = [str(cell).strip().lower() for cell in cells]
        goat = bool(header) and GOAT_HEAD.fullmatch(header[0]) is not None
        if goat:
            header[0] = "path"
        elif header[:1] != ["path"] and header[1:2] == ["path"] and header[0].isdigit():
            goat, header = True, header[1:]  # the help page's spelling, `2,Path,...`
        layout = find_layout(header, fmt, goat, self.columns)
        headerless = len(cells) >= 2 and read_count(cells[1]) is not None  # `/a/,12` rows
        if layout is None and headerless and fmt in ("auto", "csv") and not any(self.columns):
            layout, rows = Layout("csv", 0, 1, None), itertools.chain([first], rows)
        if layout is None:
            columns = listed(header) or "none"
            known = "any known export" if fmt == "auto" else f"a {fmt} export"
            self.problem(line, f"the columns ({columns}) are not those of {known}")
            return "unknown" if fmt == "auto" else fmt
        if self.since is not None and layout.date_at is None:
            self.problem(None, f"this {layout.fmt} export has no dates; window_days is ignored")
            self.since = None
        self.add(rows, layout, len(header))
        return layout.fmt

    def add(self, rows: Iterator[_Row], layout: Layout, width: int) -> None:
        """Add the views of `rows`, read with `layout`, to `counts`."""
        _, path_at, count_at, date_at, event_at, bot_at = layout
        need = max(i for i in layout[1:] if isinstance(i, int))
        since, keys = self.since, dict[str, str]()  # exports repeat paths: key each once
        for line, cells in rows:
            if len(cells) <= need:
                self.problem(line, f"truncated row: {len(cells)} of {width} fields")
                continue
            path = str(cells[path_at]).strip()
            if event_at is not None and str(cells[event_at]).strip().lower() == "true":
                continue  # a GoatCounter event, not a pageview
            if bot_at is not None and str(cells[bot_at]).strip() not in ("", "0"):
                continue
            if since is not None and date_at is not None:
                day = read_date(cells[date_at])
                if day is None:
                    self.problem(line, f"{shown(cells[date_at])} is not a date")
                    continue
                if day < since:
                    continue
            views = 1 if count_at is None else read_count(cells[count_at])
            if views is None:
                where = "" if line else f"{shown(path)}: "
                self.problem(line, f"{where}{count_problem(cells[count_at or 0])}")
                continue
            if path.lower() in TOTALS:
                continue  # GA4's totals row, or no page at all
            key = keys.get(path)
            if key is None:
                host, slash, _ = path.partition("/")  # GoatCounter's `host/path` option
                full = "//" + path if slash and "." in host and ":" not in host else path
                key = keys[path] = url_key(full, base_path=self.base_path)
            self.counts[key] = self.counts.get(key, 0) + views


def _read_int(digits: str) -> int | str:
    """Give a JSON integer; one too long for `int` (Python 3.11+ refuses over 4,300
    digits) stays text, for `read_count` to refuse as one bad entry."""
    return int(digits) if len(digits) <= 18 else digits
