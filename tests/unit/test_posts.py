"""Front matter -> Post, and the authors file: the pure cores, without MkDocs."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from mkdocs_aiblog.core.authors import parse_authors
from mkdocs_aiblog.core.content import reading_minutes
from mkdocs_aiblog.core.frontmatter import parse_post, to_datetime
from mkdocs_aiblog.core.posts import Author, Post
from mkdocs_aiblog.core.urls import is_safe_link

ADA = Author(key="ada", name="Ada Quill", avatar="assets/ada.png", url="https://example.com/ada")
FILES = {"posts/images/a.png", "assets/ada.png"}


def resolve(path: str) -> str | None:
    return path if path in FILES else None


def parse(**meta: Any) -> tuple[Post, list[str]]:
    meta.setdefault("date", date(2026, 11, 20))
    return parse_post(
        meta,
        src_uri="posts/a.md",
        url="posts/a/",
        title="From the heading",
        authors={"ada": ADA},
        resolve_file=resolve,
    )


def test_a_complete_post() -> None:
    post, problems = parse(
        title="AI power clash",
        description="One sentence.",
        updated=datetime(2026, 11, 22, 10, 30),
        authors=["ada"],
        categories=["Industry"],
        tags=["OpenAI", "Meta", "OpenAI"],
        image="posts/images/a.png",
        image_alt="A chart",
        readtime=7,
        popular=2,
    )
    assert problems == []
    assert post.title == "AI power clash"
    assert post.date == datetime(2026, 11, 20, tzinfo=timezone.utc)
    assert post.updated == datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)
    assert post.authors == (ADA,)
    assert post.categories == ("Industry",)
    assert post.tags == ("OpenAI", "Meta")  # duplicates dropped, order kept
    assert (post.image, post.image_alt, post.readtime, post.pin) == (
        "posts/images/a.png",
        "A chart",
        7,
        2,
    )
    assert not post.draft and not post.opt_out


def test_the_title_falls_back_to_the_page_title() -> None:
    post, problems = parse()
    assert problems == [] and post.title == "From the heading"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 1, 2), datetime(2026, 1, 2, tzinfo=timezone.utc)),
        (datetime(2026, 1, 2, 9, 30), datetime(2026, 1, 2, 9, 30, tzinfo=timezone.utc)),
        ("2026-01-02", datetime(2026, 1, 2, tzinfo=timezone.utc)),
        ("2026-01-02T09:30:00+02:00", datetime(2026, 1, 2, 7, 30, tzinfo=timezone.utc)),
        ({"created": date(2026, 1, 2)}, datetime(2026, 1, 2, tzinfo=timezone.utc)),
    ],
)
def test_dates_in_every_form(value: object, expected: datetime) -> None:
    post, problems = parse(date=value)
    assert problems == []
    assert post.date == expected


def test_materials_date_mapping_carries_the_update() -> None:
    post, problems = parse(date={"created": date(2026, 1, 2), "updated": date(2026, 2, 3)})
    assert problems == []
    assert post.updated == datetime(2026, 2, 3, tzinfo=timezone.utc)


def test_an_aware_datetime_keeps_its_zone() -> None:
    zone = timezone(timedelta(hours=-5))
    assert to_datetime(datetime(2026, 1, 2, 9, tzinfo=zone)) == datetime(2026, 1, 2, 9, tzinfo=zone)


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"date": "yesterday"}, "date: 'yesterday' is not a date (YYYY-MM-DD) or a datetime"),
        ({"date": None}, "date: missing; a post needs the date it was published"),
        ({"date": [2026]}, "date: [2026] is not a date (YYYY-MM-DD) or a datetime"),
        ({"updated": "soon"}, "updated: 'soon' is not a date (YYYY-MM-DD) or a datetime"),
        ({"title": ["a", "b"]}, "title: ['a', 'b'] is not a text"),
        ({"description": {"a": 1}}, "description: {'a': 1} is not a text"),
        ({"authors": ["bob"]}, "authors: 'bob' is not in the authors file (known: ada)"),
        ({"authors": {"ada": 1}}, "authors: {'ada': 1} is not a list of names"),
        ({"categories": [["x"]]}, "categories: ['x'] is not a name"),
        ({"tags": 5.5}, "tags: 5.5 is not a list of names"),
        (
            {"image": "missing.png"},
            "image: 'missing.png' is not an http(s) URL or a file under docs/",
        ),
        ({"image": "javascript:alert(1)"}, "image: 'javascript:alert(1)' is not an http(s) URL"),
        ({"draft": "maybe"}, "draft: 'maybe' is not true or false"),
        ({"readtime": "long"}, "readtime: 'long' is not a whole number of minutes"),
        ({"readtime": True}, "readtime: True is not a whole number of minutes"),
        ({"popular": "yes"}, "popular: 'yes' is not true, false or a number from 0 to 999999"),
        ({"popular": -1}, "popular: -1 is not true, false or a number from 0 to 999999"),
    ],
)
def test_each_bad_value_is_one_problem_naming_its_key(meta: dict[str, Any], message: str) -> None:
    post, problems = parse(**meta)
    assert len(problems) == 1
    assert problems[0].startswith(message)
    assert post.src_uri == "posts/a.md"  # the post is still there, without the bad part


def test_a_bad_date_leaves_the_post_undated() -> None:
    post, _ = parse(date="yesterday")
    assert post.date is None


@pytest.mark.parametrize("key", ["title", "description"])
def test_markup_in_titles_is_reported(key: str) -> None:
    _, problems = parse(**{key: "Big <b>news</b>"})
    assert problems == [
        f"{key}: 'Big <b>news</b>' contains HTML markup, which Material shows unescaped;"
        " write it as plain text"
    ]


def test_plain_text_with_angle_brackets_is_not_markup() -> None:
    _, problems = parse(title="Is 3 < 4 & 5 > 2?")
    assert problems == []


def test_pins_and_opt_out() -> None:
    assert parse(popular=True)[0].pin == 1_000_000
    assert parse(popular=0)[0].pin == 0
    post = parse(popular=False)[0]
    assert post.pin is None and post.opt_out


def test_an_image_url_is_kept() -> None:
    post, problems = parse(image="https://cdn.example.com/a.png")
    assert problems == [] and post.image == "https://cdn.example.com/a.png"


def test_reading_minutes() -> None:
    assert reading_minutes("", 265) == 1
    # Material's count: pieces between non-word runs (the trailing blank makes one more)
    assert reading_minutes("word " * (265 * 4 - 1) + "word", 265) == 4
    assert reading_minutes("word " * 265 * 4, 265) == 5
    assert reading_minutes("word " * 999 + "word", 100) == 10


def test_authors_file() -> None:
    data = {
        "authors": {
            "ada": {"name": "Ada", "avatar": "assets/ada.png", "url": "https://x.org/a"},
            "bob": {"name": "Bob", "avatar": "nope.png", "url": "javascript:alert(1)"},
            "cy": "not a mapping",
            "di": {"name": ["x"]},
        }
    }
    authors, problems = parse_authors(data, name="posts/.authors.yml", resolve_file=resolve)
    assert authors["ada"] == Author("ada", "Ada", "", "assets/ada.png", "https://x.org/a")
    assert authors["bob"] == Author("bob", "Bob")
    assert authors["di"].name == "di"
    assert "cy" not in authors
    assert problems == [
        "posts/.authors.yml: authors.bob.url: 'javascript:alert(1)' is not an http, https or"
        " site-relative URL",
        "posts/.authors.yml: authors.bob.avatar: 'nope.png' is not an http(s) URL or a docs/ file",
        "posts/.authors.yml: authors.cy: expected a mapping with name, description, avatar, url",
        "posts/.authors.yml: authors.di.name: ['x'] is not a text",
    ]


@pytest.mark.parametrize("data", [None, [], {"authors": []}, {"authors": "x"}, "text"])
def test_an_authors_file_of_the_wrong_shape(data: object) -> None:
    authors, problems = parse_authors(data, name="a.yml", resolve_file=resolve)
    assert authors == {}
    assert problems == ["a.yml: authors: expected a mapping of author keys to entries"]


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com/a?b=1#c", True),
        ("http://example.com", True),
        ("/posts/a/", True),
        ("../a/", True),
        ("a/b.png", True),
        ("#section", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("//evil.example", False),
        ("http://", False),
        ("https:///path", False),
        ("a b", False),
        ("\\\\evil", False),
        ("", False),
    ],
)
def test_safe_links(url: str, safe: bool) -> None:
    assert is_safe_link(url) is safe
