"""Reading analytics exports: every tool's format, path forms, windows and bad data."""

from __future__ import annotations

import gzip
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_aiblog.popular.exports import MAX_PROBLEMS, PageViews, Problem, parse_export

EXPORTS = Path(__file__).parent.parent / "data" / "exports"
SITE = "https://example.org/blog/"


def read(name: str, **options: object) -> PageViews:
    result = parse_export(EXPORTS / name, base_path=SITE, **options)  # type: ignore[arg-type]
    return result


# Each tool's own export, as downloaded.


def test_goatcounter_counts_rows_and_skips_events_and_bots() -> None:
    views = read("goatcounter-export.csv")
    assert views.format == "goatcounter"
    assert views.problems == ()
    assert dict(views.counts) == {
        "posts/ai-power-clash": 4,  # one row with a campaign query string
        "posts/open-weights-summer": 2,  # one as .../index.html
        "posts/chip-export-rules": 2,
        "posts/agents-at-work": 1,  # the other row is a bot's
        "": 1,
        "tags": 1,
    }  # `newsletter-signup` is an event, not a pageview


def test_goatcounter_gzip_as_downloaded() -> None:
    data = gzip.compress((EXPORTS / "goatcounter-export.csv").read_bytes())
    views = parse_export(data, base_path=SITE)
    assert views.format == "goatcounter"
    assert views.counts["posts/ai-power-clash"] == 4


def test_goatcounter_header_as_the_help_page_spells_it() -> None:
    text = (EXPORTS / "goatcounter-export.csv").read_text()
    views = parse_export(text.replace("2Path,", "2,Path,", 1), base_path=SITE)
    assert views.format == "goatcounter"
    assert views.counts["posts/ai-power-clash"] == 4
    assert views.problems == ()


def test_goatcounter_paths_recorded_with_their_host() -> None:
    text = (EXPORTS / "goatcounter-export.csv").read_text().replace(",/blog/", ",example.org/blog/")
    views = parse_export(text.replace("\n/blog/", "\nexample.org/blog/"), base_path=SITE)
    assert views.counts["posts/ai-power-clash"] == 4
    assert views.counts[""] == 1


def test_plausible_reads_pageviews_not_visitors() -> None:
    views = read("plausible-pages.csv")
    assert views.format == "plausible"
    assert views.problems == ()
    assert views.counts["posts/ai-power-clash"] == 1780
    assert views.counts["posts/eu-ai-act-deadline"] == 33  # no trailing slash
    assert views.counts[""] == 1304


def test_plausible_zip_as_downloaded() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("visitors.csv", "date,visitors\n2026-11-01,3\n")
        archive.writestr("pages.csv", (EXPORTS / "plausible-pages.csv").read_bytes())
    views = parse_export(buffer.getvalue(), base_path=SITE)
    assert views.format == "plausible"
    assert views.counts["posts/open-weights-summer"] == 841


def test_plausible_goal_filtered_export_is_not_views() -> None:
    views = parse_export("name,conversions,conversion_rate\n/blog/posts/a/,5,2.1\n")
    assert (views.format, dict(views.counts)) == ("unknown", {})
    assert views.problems == (
        Problem(
            1,
            "the columns (name, conversions, conversion_rate) are not those of any known export",
        ),
    )


def test_ga4_skips_comment_block_and_sums_path_variants() -> None:
    views = read("ga4-pages-and-screens.csv")
    assert views.format == "ga4"
    assert views.problems == ()
    assert views.counts["posts/ai-power-clash"] == 2310 + 84
    assert views.counts["search"] == 60


def test_ga4_line_numbers_count_the_comment_block() -> None:
    text = (EXPORTS / "ga4-pages-and-screens.csv").read_text()
    views = parse_export(text.replace("/blog/search/,60,", "/blog/search/,sixty,"))
    assert views.problems == (Problem(19, "'sixty' is not a whole number"),)


def test_ga4_totals_row_and_page_location() -> None:
    text = (
        "# Start date: 20261101\n\n"
        "Page location,Views\n"
        ",500\n"
        "https://example.org/blog/posts/a/?gclid=x,300\n"
        "https://www.example.org/blog/posts/a/,200\n"
    )
    views = parse_export(text, base_path=SITE)
    assert (views.format, dict(views.counts), views.problems) == ("ga4", {"posts/a": 500}, ())


def test_umami() -> None:
    views = read("umami-pages.csv")
    assert views.format == "umami"
    assert views.counts["posts/ai-power-clash"] == 912
    assert len(views.counts) == 6


def test_plain_csv_and_json() -> None:
    plain, mapping = read("views.csv"), read("views.json")
    assert (plain.format, mapping.format) == ("csv", "json")
    assert plain.counts["posts/chip-export-rules"] == 40  # from .html
    assert plain.counts["posts/agents-at-work"] == 7  # from a full URL with a fragment
    assert mapping.counts["posts/agents-at-work"] == 7  # from a query string
    assert mapping.counts[""] == 310
    assert plain.problems == mapping.problems == ()


def test_headerless_path_views_rows() -> None:
    views = parse_export("/posts/a/,3\n/posts/b/,4\n/posts/a/index.html,1\n")
    assert (views.format, dict(views.counts)) == ("csv", {"posts/a": 4, "posts/b": 4})


# Explicit formats and columns.


def test_explicit_columns_with_one_view_per_row() -> None:
    text = "when;page;referrer\n2026-11-01;/blog/posts/a/;x\n2026-11-02;/blog/posts/a/;y\n"
    views = parse_export(text, path_column="Page", date_column="when", base_path="/blog/")
    assert (views.format, dict(views.counts), views.problems) == ("csv", {"posts/a": 2}, ())


def test_explicit_count_column() -> None:
    text = "Seite\tAufrufe\tBesucher\n/posts/a/\t12\t9\n/posts/b/\t2 500\t1 800\n"
    views = parse_export(text, fmt="csv", path_column="seite", count_column="Aufrufe")
    assert dict(views.counts) == {"posts/a": 12, "posts/b": 2500}


def test_explicit_format_that_does_not_fit() -> None:
    views = parse_export("x,y\n/a/,1\n", fmt="plausible")
    assert views.format == "plausible"
    assert views.counts == {}
    assert views.problems == (Problem(1, "the columns (x, y) are not those of a plausible export"),)


def test_unknown_format_name() -> None:
    views = parse_export("path,views\n/a/,1\n", fmt="matomo")
    assert (views.format, views.counts) == ("unknown", {})
    assert "unknown format 'matomo'" in views.problems[0].message


def test_missing_explicit_column() -> None:
    views = parse_export("path,views\n/a/,1\n", path_column="url")
    assert views.problems == (
        Problem(1, "the columns (path, views) are not those of a csv export"),
    )


# The time window.


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, {"posts/agents-at-work": 1}),
        (2, {"posts/ai-power-clash": 1, "posts/agents-at-work": 1}),
        (
            7,
            {
                "posts/ai-power-clash": 1,
                "posts/chip-export-rules": 2,
                "": 1,
                "tags": 1,
                "posts/agents-at-work": 1,
            },
        ),
    ],
)
def test_window_days_on_goatcounter(days: int, expected: dict[str, int]) -> None:
    views = read("goatcounter-export.csv", window_days=days, today=date(2026, 11, 29))
    assert dict(views.counts) == expected
    assert views.problems == ()


def test_window_days_on_ga4_dates() -> None:
    views = read("ga4-pages-by-date.csv", window_days=30, today=date(2026, 11, 30))
    assert dict(views.counts) == {
        "posts/ai-power-clash": 410,
        "posts/open-weights-summer": 44,
        "posts/chip-export-rules": 188,
    }


def test_window_days_without_dates_is_ignored_with_a_problem() -> None:
    views = read("umami-pages.csv", window_days=30, today=date(2026, 11, 30))
    assert views.counts["posts/ai-power-clash"] == 912
    assert views.problems == (
        Problem(None, "this umami export has no dates; window_days is ignored"),
    )


def test_window_days_below_one() -> None:
    views = read("views.csv", window_days=0)
    assert views.counts["posts/ai-power-clash"] == 120
    assert "window_days must be 1 or more" in views.problems[0].message


def test_window_days_longer_than_the_calendar() -> None:
    views = read("goatcounter-export.csv", window_days=10**9, today=date(2026, 11, 30))
    assert views.counts["posts/ai-power-clash"] == 4
    assert views.problems == ()


def test_bad_dates_in_a_window() -> None:
    text = "path,views,date\n/a/,1,2026-11-20\n/b/,1,yesterday\n/c/,1,\n"
    views = parse_export(text, window_days=30, today=date(2026, 11, 30))
    assert dict(views.counts) == {"a": 1}
    assert [p.line for p in views.problems] == [3, 4]


# Bad data: never an exception, always a line number where there is one.


def test_missing_file() -> None:
    views = parse_export(EXPORTS / "no-such-export.csv")
    assert views.counts == {}
    assert len(views.problems) == 1
    assert "no-such-export.csv" in views.problems[0].message


def test_a_directory_is_unreadable() -> None:
    views = parse_export(EXPORTS)
    assert views.counts == {}
    assert views.problems[0].message.startswith("cannot read")


@pytest.mark.parametrize("data", [b"", "  \n\n", b"\xef\xbb\xbf"])
def test_empty(data: bytes | str) -> None:
    assert parse_export(data).problems == (Problem(None, "the export is empty"),)


def test_unknown_columns() -> None:
    views = parse_export("country,visitors\nNL,12\n")
    assert views.format == "unknown"
    assert views.problems[0].line == 1
    assert "country, visitors" in views.problems[0].message


def test_rows_with_bad_counts_are_skipped_and_named() -> None:
    text = 'path,views\n/a/,12\n/b/,lots\n/c/,-3\n/d/,2.5\n/e/,\n/a/,1e3\n/f/,"1,204"\n'
    views = parse_export(text)
    assert dict(views.counts) == {"a": 12, "f": 1204}
    assert [p.line for p in views.problems] == [3, 4, 5, 6, 7]
    assert views.problems[0].message == "'lots' is not a whole number"


def test_truncated_rows() -> None:
    text = "path,views\n/a/,3\n/b/\n/c/,4\n/d/,"
    views = parse_export(text)
    assert dict(views.counts) == {"a": 3, "c": 4}
    assert views.problems[0] == Problem(3, "truncated row: 1 of 2 fields")
    assert views.problems[1].line == 5


def test_quoted_newlines_keep_line_numbers_right() -> None:
    text = 'path,title,views\n/a/,"two\nlines",1\n/b/,x,oops\n'
    assert parse_export(text).problems == (Problem(4, "'oops' is not a whole number"),)


def test_bom_and_semicolons() -> None:
    data = "\ufeffpath;views\r\n/blog/posts/a/;5\r\n".encode()
    assert dict(parse_export(data, base_path="/blog/").counts) == {"posts/a": 5}


def test_utf16_from_excel() -> None:
    data = "path\tviews\r\n/posts/ä/\t5\r\n".encode("utf-16")
    assert dict(parse_export(data).counts) == {"posts/ä": 5}


def test_undecodable_bytes() -> None:
    data = b"path,views\n/a/,1\n/caf\xe9/,2\n"
    views = parse_export(data)
    assert views.counts["a"] == 1
    assert views.counts["caf\ufffd"] == 2
    assert views.problems[0].line == 3
    assert "not UTF-8" in views.problems[0].message


def test_nul_characters() -> None:
    views = parse_export(b"path,views\n/a/,1\x00\n")
    assert dict(views.counts) == {"a": 1}
    assert "NUL" in views.problems[0].message


def test_invalid_json() -> None:
    views = parse_export('{\n  "/a/": 1,\n  "/b/": \n}')
    assert views.counts == {}
    assert views.problems[0].line == 4
    assert views.problems[0].message.startswith("not valid JSON")


def test_json_bad_values_name_their_path() -> None:
    views = parse_export('{"/a/": 3, "/b/": "many", "/c/": true, "/d/": [1], "/e/": 2.0}')
    assert dict(views.counts) == {"a": 3, "e": 2}
    assert views.problems[0] == Problem(None, "'/b/': 'many' is not a whole number")
    assert len(views.problems) == 3


@pytest.mark.parametrize("data", ["[1, 2]", '"text"', "[]", "null", '[{"path": "/a/"}]'])
def test_json_of_the_wrong_shape(data: str) -> None:
    views = parse_export(data, fmt="json")
    assert views.counts == {}
    assert len(views.problems) == 1


def test_broken_archives() -> None:
    assert "uncompress" in parse_export(b"\x1f\x8b\x08\x00garbage").problems[0].message
    assert "uncompress" in parse_export(b"PK\x03\x04garbage").problems[0].message
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", "path\n/a/\n")
        archive.writestr("b.csv", "path\n/b/\n")
    assert "no pages.csv" in parse_export(buffer.getvalue()).problems[0].message


def test_problems_are_capped() -> None:
    text = "path,views\n" + "/a/,x\n" * 100
    problems = parse_export(text).problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == Problem(None, f"and {100 - MAX_PROBLEMS} more problems")


def test_problem_reads_well() -> None:
    assert str(Problem(3, "bad")) == "line 3: bad"
    assert str(Problem(None, "bad")) == "bad"


def test_counts_are_read_only() -> None:
    counts = read("views.csv").counts
    with pytest.raises(TypeError):
        counts["x"] = 1  # type: ignore[index]


# Property: whatever the input, no exception, and every count is a whole number.


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300),
        st.lists(
            st.lists(st.sampled_from(["/a/", "1", "x", '"', "#", "", "2026-11-01"]), max_size=4),
            max_size=8,
        ).map(lambda rows: "path,views,date\n" + "\n".join(",".join(r) for r in rows)),
    ),
    fmt=st.sampled_from(["auto", "goatcounter", "plausible", "ga4", "umami", "csv", "json"]),
    window=st.sampled_from([None, 30]),
)
def test_never_raises(data: bytes | str, fmt: str, window: int | None) -> None:
    views = parse_export(data, fmt=fmt, window_days=window, today=date(2026, 11, 30))
    assert all(isinstance(n, int) and n >= 0 for n in views.counts.values())
    assert all(isinstance(p, Problem) and p.message for p in views.problems)
    assert len(views.problems) <= MAX_PROBLEMS + 1
