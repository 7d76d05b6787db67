"""Series: the front matter keys and the grouping of parts (pure cores)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from mkdocs_aiblog.core.frontmatter import parse_post
from mkdocs_aiblog.core.posts import Post
from mkdocs_aiblog.core.reading import series_keys
from mkdocs_aiblog.core.tables import ENGLISH, TRANSLATIONS
from mkdocs_aiblog.core.words import word
from mkdocs_aiblog.series.grouping import group, series_key

DAY = datetime(2026, 11, 1, tzinfo=timezone.utc)


def part(name: str, day: int | None, series: str | None = "Chips", **fields: Any) -> Post:
    when = DAY + timedelta(days=day) if day is not None else None
    return Post(
        src_uri=f"posts/{name}.md",
        url=f"posts/{name}/",
        title=name,
        date=when,
        series=series,
        **fields,
    )


def names(places: dict[str, Any], src: str) -> list[str]:
    return [p.title for p in places[src].series.parts]


def test_parts_are_ordered_by_date_oldest_first() -> None:
    places, problems = group([part("c", 3), part("a", 1), part("b", 2), part("solo", 1, None)])
    assert problems == []
    assert names(places, "posts/a.md") == ["a", "b", "c"]
    assert "posts/solo.md" not in places
    b = places["posts/b.md"]
    assert (b.number, b.previous and b.previous.title, b.next and b.next.title) == (2, "a", "c")
    assert places["posts/a.md"].previous is None and places["posts/c.md"].next is None


def test_series_order_wins_over_dates_and_comes_before_unordered_parts() -> None:
    posts = [
        part("first", 9, series_order=1),
        part("second", 1, series_order=2.5),
        part("dated", 0),
        part("undated", None),
    ]
    places, _ = group(posts)
    assert names(places, "posts/first.md") == ["first", "second", "dated", "undated"]


def test_equal_orders_fall_back_to_date_then_title() -> None:
    places, _ = group(
        [part("z", 1, series_order=1), part("y", 1, series_order=1), part("x", 0, series_order=1)]
    )
    assert names(places, "posts/x.md") == ["x", "y", "z"]


def test_names_apart_only_by_case_or_spacing_are_one_series_and_a_warning_naming_both_files() -> (
    None
):
    posts = [
        part("a", 1, "Chip Wars"),
        part("b", 2, "chip  wars"),
        part("c", 3, "ChipWars"),
        part("d", 4, "chip  wars"),
    ]
    places, problems = group(posts)
    assert names(places, "posts/a.md") == ["a", "b", "c", "d"]
    assert places["posts/d.md"].series.name == "Chip Wars"  # the first part's spelling
    assert problems == [
        "posts/b.md: series: 'chip  wars' differs only in case or spacing from 'Chip Wars'"
        " in posts/a.md; shown as one series named as there",
        "posts/c.md: series: 'ChipWars' differs only in case or spacing from 'Chip Wars'"
        " in posts/a.md; shown as one series named as there",
    ]  # one warning per spelling, not per part


def test_different_names_are_different_series() -> None:
    places, problems = group([part("a", 1, "Chips"), part("b", 2, "Chips 2")])
    assert problems == [] and len(places["posts/a.md"].series.parts) == 1
    assert series_key("Chip  Wars") == series_key("chipwars") != series_key("chip war")


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({}, (None, None, [])),
        ({"series": "Chips"}, ("Chips", None, [])),
        ({"series": "  Chips  "}, ("Chips", None, [])),
        ({"series": "Chips", "series_order": 2}, ("Chips", 2.0, [])),
        ({"series": "Chips", "series_order": 1.5}, ("Chips", 1.5, [])),
        ({"series": False}, (None, None, [])),
        ({"series": "   "}, (None, None, [])),
    ],
)
def test_series_keys_read_text_and_a_number(meta: dict[str, object], expected: object) -> None:
    assert series_keys(meta) == expected


@pytest.mark.parametrize("value", [3, 1.5, True, ["Chips"], {"name": "Chips"}, date(2026, 1, 1)])
def test_a_series_name_that_is_no_text_is_one_problem_and_no_series(value: object) -> None:
    name, _, problems = series_keys({"series": value})
    assert name is None
    assert len(problems) == 1 and problems[0].startswith("series: ") and "not a text" in problems[0]


@pytest.mark.parametrize("value", ["first", True, None, [1], float("nan"), {"a": 1}])
def test_a_series_order_that_is_no_number_is_one_problem(value: object) -> None:
    meta = {"series": "Chips", "series_order": value}
    name, order, problems = series_keys(meta)
    assert (name, order) == ("Chips", None)
    assert len(problems) == (0 if value is None else 1)


def test_a_series_order_without_a_series_is_named() -> None:
    assert series_keys({"series_order": 2})[2] == [
        "series_order: set without `series:`; it orders nothing"
    ]


def test_parse_post_names_the_file_s_bad_series_once() -> None:
    post, problems = parse_post(
        {"date": "2026-11-01", "series": 42},
        src_uri="posts/a.md",
        url="posts/a/",
        title="A",
        authors={},
        resolve_file=lambda _: None,
    )
    assert post.series is None
    assert problems == ["series: 42 is not a text (the series' name)"]


def test_every_language_has_the_words_and_the_part_line_fills_its_fields() -> None:
    keys = {"series.part", "series.label", "series.previous", "series.next", "related.title"}
    assert keys <= set(ENGLISH)
    for language, table in TRANSLATIONS.items():
        assert keys <= set(table), language
        filled = word(table, "series.part", part=2, parts=5, series="Chips")
        assert "2" in filled and "5" in filled and "Chips" in filled, language
    assert word(ENGLISH, "series.part", part=2, parts=5, series="{part}") == "Part 2 of 5 in {part}"
