"""Dates as the reader's language writes them: the plugin's own table agrees with Babel."""

from __future__ import annotations

import datetime
import subprocess
import sys

import babel.dates
import pytest

from mkdocs_aiblog.core.words import _LONG_DATES, babel_locale, localized_date


@pytest.mark.parametrize("language", sorted(_LONG_DATES))
def test_the_long_dates_are_babels_for_every_day_of_a_leap_year(language: str) -> None:
    locale = babel_locale(language)
    day = datetime.date(2024, 1, 1)
    while day.year == 2024:
        assert localized_date(day, locale) == babel.dates.format_date(day, "long", locale=locale)
        day += datetime.timedelta(days=1)
    for year in (1, 999, 2026, 9999):
        day = datetime.date(year, 7, 9)
        assert localized_date(day, locale) == babel.dates.format_date(day, "long", locale=locale)


@pytest.mark.parametrize(
    ("language", "fmt", "expected"),
    [
        ("en", "long", "November 5, 2026"),
        ("en-GB", "long", "5 November 2026"),  # a region: Babel's own data
        ("pt-BR", "long", "5 de novembro de 2026"),  # a language without a word table
        ("en", "medium", "Nov 5, 2026"),
        ("de", "short", "05.11.26"),
        ("en", "d MMM y", "5 Nov 2026"),  # a pattern
    ],
)
def test_other_languages_and_formats_go_to_babel(language: str, fmt: str, expected: str) -> None:
    day = datetime.datetime(2026, 11, 5, 23, 30)
    assert localized_date(day, babel_locale(language), fmt) == expected


def test_the_default_dates_do_not_load_babels_locale_data() -> None:
    # Babel's data for a locale and its global data weigh about 4 MB once loaded;
    # measured in a fresh interpreter, where nothing has loaded them yet.
    code = """
import datetime, tracemalloc
from mkdocs_aiblog.core.words import babel_locale, localized_date
locale = babel_locale("fr")
tracemalloc.start()
assert localized_date(datetime.date(2026, 8, 15), locale) == "15 août 2026"
table = tracemalloc.get_traced_memory()[0]
localized_date(datetime.date(2026, 8, 15), locale, "medium")
print(table, tracemalloc.get_traced_memory()[0])
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    table, babel_loaded = map(int, done.stdout.split())
    assert table < 50_000
    assert babel_loaded > 1_000_000  # what the table spares (the check is not vacuous)
