"""The columns of each analytics tool's export, and how their cells are read.

See `pageviews` for what each tool writes; this module only knows column names.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from mkdocs_aiblog.core.text import shown

FORMATS = ("goatcounter", "plausible", "ga4", "umami", "csv", "json")

# Known columns per format, lowercase: (path names, count names, date names).
# An empty count tuple means one view per row.
_PATH_CSV = ("path", "page", "url", "pathname", "page path", "page_path", "pagepath")
_COUNT_CSV = ("views", "pageviews", "page views", "page_views", "count", "hits")
_PATH_GA4 = (
    "page path and screen class",
    "page path + query string and screen class",
    "page path + query string",
    "page path",
    "page location",
)
_LAYOUTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "goatcounter": (("path",), (), ("date",)),
    "ga4": (_PATH_GA4, ("views",), ("date",)),
    "plausible": (("name",), ("pageviews",), ()),
    "umami": (("x",), ("y",), ()),
    "csv": (_PATH_CSV, _COUNT_CSV, ("date", "day")),
}
GOAT_HEAD = re.compile(r"\d+,?path")
TOTALS = frozenset({"", "total", "totals", "grand total"})  # GA4 totals rows: no page
MAX_COUNT = 10**15 - 1
"""Views of one row at most: more is no real page's count, and long numbers cost."""
_DIGITS = 15
_THOUSANDS = re.compile(r"\d{1,3}(?:[, \u00a0\u202f']\d{3})+")


class Layout(NamedTuple):
    """Where a format's columns are in one export's header."""

    fmt: str
    path_at: int
    count_at: int | None  # None: one view per row
    date_at: int | None
    event_at: int | None = None
    bot_at: int | None = None


def find_layout(
    header: list[str], fmt: str, goat: bool, columns: tuple[str | None, ...]
) -> Layout | None:
    """Find the columns of `fmt`, or of the first format whose columns are there."""
    path_col, count_col, date_col = columns
    for name in FORMATS[:-1] if fmt == "auto" else (fmt,):
        if fmt == "auto" and name == "goatcounter" and not goat:
            continue  # plain CSVs have a `path` column too; GoatCounter's is versioned
        paths, counts, dates = _LAYOUTS["csv" if name == "json" else name]
        optional_count = not counts
        if name == "csv":
            paths = (path_col,) if path_col else paths
            counts = (count_col,) if count_col else counts
            dates = (date_col,) if date_col else dates
            optional_count = not count_col
        path_at, count_at = _find(header, paths), _find(header, counts)
        if path_at is not None and (count_at is not None or optional_count):
            event, bot = (
                _find(header, (n,)) if name == "goatcounter" else None for n in ("event", "bot")
            )
            return Layout(name, path_at, count_at, _find(header, dates), event, bot)
    return None


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    return next((header.index(name) for name in names if name in header), None)


def read_count(value: object) -> int | None:
    """Read a whole, non-negative number of views up to `MAX_COUNT` (`1,234`, `12.0` too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        # float: inf and nan are not integers; 1e300 is, but no page has those views
        ok = (isinstance(value, int) or value.is_integer()) and 0 <= value <= MAX_COUNT
        return int(value) if ok else None
    whole = _whole(value)
    return int(whole) if whole is not None and len(whole) <= _DIGITS else None


def count_problem(value: object) -> str:
    """Say why `read_count` refused `value`, showing it shortened."""
    whole = None if isinstance(value, (bool, int, float)) else _whole(value)
    big = isinstance(value, (int, float)) and not isinstance(value, bool) and value > MAX_COUNT
    if big or (whole is not None and len(whole) > _DIGITS):
        return f"{_cell(value)} is too large to be a number of views"
    return f"{_cell(value)} is not a whole number"


def _cell(value: object) -> str:
    """Give a cell as a log line quotes it: as text, cut to 40 characters."""
    if isinstance(value, int) and value.bit_length() > 1024:
        return shown(value, 40)  # too long for `str`
    return shown(value if isinstance(value, str) else str(value), 40)


def _whole(value: object) -> str | None:
    """Give the digits of a whole number written as text, or None."""
    text = str(value).strip()
    if _THOUSANDS.fullmatch(text):
        text = re.sub(r"\D", "", text)
    whole, _, fraction = text.partition(".")
    if whole.isascii() and whole.isdigit() and (not fraction or set(fraction) == {"0"}):
        # checked before `int`, which refuses over 4,300 digits (Python 3.11+)
        return whole.lstrip("0") or "0"
    return None


def read_date(value: object) -> date | None:
    """Read `2026-11-20`, `2026-11-20T10:00:00Z` (its own day) or GA4's `20261120`."""
    text = str(value).strip()
    try:
        if len(text) == 8 and text.isdigit():
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
