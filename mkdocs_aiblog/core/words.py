"""Every word a reader sees, in the site's language, and localized dates.

One table per language (`tables.py`); a language missing a key falls back to
English, and `mkdocs.yml` can override any key through the plugin's `words` option.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date

from mkdocs_aiblog.core.tables import ENGLISH, TRANSLATIONS
from mkdocs_aiblog.core.text import shown

FIELDS: Final[dict[str, frozenset[str]]] = {
    "byline.readtime": frozenset({"minutes"}),
    "full_story.source": frozenset({"source"}),
    "list.page": frozenset({"page", "pages"}),
    "share.on": frozenset({"network"}),
    "comments.button": frozenset({"provider"}),
    "comments.notice": frozenset({"host"}),
    "series.part": frozenset({"part", "parts", "series"}),
}
"""The `{name}` fields each word may hold; every other word holds none."""


def words(language: str | None, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Give the word table for a language, English where a word is missing.

    Args:
        language: `theme.language`, e.g. `de` or `pt-BR` (the region is ignored
            when there is no table for it).
        overrides: words set in `mkdocs.yml`, which win over every table.
    """
    table = dict(ENGLISH)
    code = (language or "en").replace("_", "-")
    table.update(TRANSLATIONS.get(code.split("-")[0].lower(), {}))
    table.update(TRANSLATIONS.get(code.lower(), {}))
    table.update(overrides or {})
    return table


def site_words(language: str | None, overrides: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Give a site's words (its language, its `mkdocs.yml` overrides) and one problem per bad one.

    An override that names no word is a likely typo; one with a field other than
    the documented ones is left out, and the default word is shown.
    """
    problems = [
        f"mkdocs.yml: aiblog: words: {shown(key)} is not a word the plugin shows"
        for key in unknown_words(overrides)
    ]
    good, bad = check_words(overrides)
    return words(language, good), problems + bad


def unknown_words(overrides: dict[str, str]) -> list[str]:
    """Give the keys of `overrides` that name no word (a likely typo)."""
    return sorted(key for key in overrides if key not in ENGLISH)


# What a writer means as a field, in Python's grammar: `{`, a name (or none), then
# `.attr`, `[index]`, `!conversion` or `:spec`, closed (`{minutes}`, `{0}`, `{}`,
# `{minutes[0]}`, `{minutes:>9}`) or left open before a space or the end (`{page of`).
# What fits no field is text: a doubled `{`, `{%`, `{#`, `{ x }`, `{: .attr }`,
# `{7*7}`, so a word shows `{{ 7*7 }}` as written (nothing renders it as a template).
_FIELD = re.compile(r"(?<!\{)\{(?P<name>\w*)(?P<rest>[.\[!:][^{}\s]*)?(?:(?P<close>\})|(?=\s|$))")


def _is_bad_field(match: re.Match[str], allowed: frozenset[str]) -> bool:
    if match.group("close"):
        return match.group("rest") is not None or match.group("name") not in allowed
    return bool(match.group("name")) or match.end() == len(match.string)  # `{page of`, `x {`


def check_words(overrides: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Give the overrides whose fields are all documented, and one problem per other one.

    A word is text: only the exact `{name}` fields of `FIELDS` are filled in, so an
    override with any other field would show the reader a broken word; it is left
    out (the default word is shown) and named.
    """
    good: dict[str, str] = {}
    problems: list[str] = []
    for key, text in overrides.items():
        if key not in ENGLISH:
            continue  # `unknown_words` names it; it is never shown
        allowed = FIELDS.get(key, frozenset())
        bad = next(
            (match.group(0) for match in _FIELD.finditer(text) if _is_bad_field(match, allowed)),
            None,
        )
        if bad is None:
            good[key] = text
            continue
        names = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "no field"
        problems.append(
            f"mkdocs.yml: aiblog: words: {key}: {bad!r} is not a field of this word"
            f" (it may hold {names}); the default word is shown"
        )
    return good, problems


_FILLED = re.compile(r"(?<!\{)\{(\w+)\}")


def fill_fields(text: str, values: dict[str, object]) -> str:
    """Give `text` with each `{name}` of `values` replaced; nothing else is formatted."""
    if "{" not in text:
        return text
    return _FILLED.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


def babel_locale(language: str | None) -> Locale:
    """Give the Babel locale for `theme.language`, English where Babel has none."""
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


# The default `long` date in the languages the plugin has words for, as Babel writes
# it (tests/test_i18n.py compares every day of a leap year): Babel's locale data takes
# about 4 MB, a third of what the plugin adds to a build's memory, and most blogs
# show only these dates. Any other language, region or format goes to Babel.
_LONG_DATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "en": (
        "{month} {day}, {year}",
        ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"),
    ),
    "de": (
        "{day}. {month} {year}",
        ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
         "September", "Oktober", "November", "Dezember"),
    ),
    "fr": (
        "{day} {month} {year}",
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre"),
    ),
    "es": (
        "{day} de {month} de {year}",
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"),
    ),
    "ja": ("{year}年{number}月{day}日", ()),
    "ar": (
        "{day} {month} {year}",
        ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
         "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    ),
}  # fmt: skip


def localized_date(value: date | datetime, locale: Locale, fmt: str = "long") -> str:
    """Give `value` as the reader's language writes dates (`November 20, 2026`)."""
    day = value.date() if isinstance(value, datetime) else value
    if fmt == "long" and (known := _LONG_DATES.get(str(locale))):
        pattern, months = known
        month = months[day.month - 1] if months else ""
        return pattern.format(day=day.day, month=month, number=day.month, year=day.year)
    try:
        return str(format_date(day, format=fmt, locale=locale))
    except (ValueError, KeyError, AttributeError):
        return str(format_date(day, format="long", locale=locale))


def word(words: dict[str, str], key: str, **values: object) -> str:
    """Give the word `key` of `words`, with `{name}` placeholders filled in."""
    return fill_fields(words.get(key, key), values)
