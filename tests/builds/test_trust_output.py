"""No silent wrong output: bad block options, list pages among posts, blank titles, dates.

Each case is a real build asserting on the page and on the log (one warning naming
the file and the key), and, for the blocks, exact HTML from the Markdown extension.
"""

from __future__ import annotations

import json
import logging
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from sitebuild import build_fails_strict, build_site, post

from mkdocs_aiblog.core.frontmatter import parse_post
from mkdocs_aiblog.core.posts import Post, is_blank, newest_first
from mkdocs_aiblog.core.words import babel_locale
from mkdocs_aiblog.markdown.blocks import makeExtension
from mkdocs_aiblog.navigation.listpages import archive
from mkdocs_aiblog.navigation.navigation import neighbours
from mkdocs_aiblog.page.view import Blog
from mkdocs_aiblog.popular.ranking import Candidate, rank


def convert(source: str, **options: Any) -> str:
    """Give the HTML of `source` with the blocks as the plugin lists them (`slots: true`)."""
    extension = makeExtension(**{"slots": True, **options})
    md = markdown.Markdown(extensions=[extension, "pymdownx.blocks.admonition"])
    return md.convert(textwrap.dedent(source).strip())


def slot(block: str, problem: str | None, extra: str = "") -> str:
    """Give the exact slot of a block with one problem (`extra`: attributes before it)."""
    cls = "aiblog-full-story-slot" if block == "full-story" else "aiblog-post-list-slot"
    page = ' data-page="1"' if block == "post-list" else ""
    if problem is None:
        return f'<div class="{cls}"{page}{extra}></div>'
    shown = json.dumps([problem]).replace("&", "\\u0026").replace("<", "\\u003c")
    shown = shown.replace("&", "&amp;").replace('"', "&quot;").replace(">", "&gt;")
    return f'<div class="{cls}"{page}{extra} data-problems="{shown}"></div>'


# -- 1. Block options: the extension ------------------------------------------------

BAD_YAML = [
    ("url: https://example.com/a: b", "line 1: mapping values are not allowed here"),
    ("url: [unclosed", "line 2: expected ',' or ']', but got '<stream end>'"),
    ('title: "open', "line 2: found unexpected end of stream"),
    ("url: x\n  y: z", "line 2: mapping values are not allowed here"),
    ("a: !!python/name:os.system ''", "line 1: could not determine a constructor for the tag"),
]
NOT_A_MAPPING = [("- a\n- b", "a list"), ("just words", "a text"), ("42", "a number")]
OUTCOME = {"full-story": "the card is left out", "post-list": "the list shows its first page"}


@pytest.mark.parametrize("block", ["full-story", "post-list"])
@pytest.mark.parametrize(("header", "reason"), BAD_YAML)
def test_options_that_are_not_yaml_leave_a_slot_with_the_reason(
    block: str, header: str, reason: str
) -> None:
    options = textwrap.indent(header, "    ")
    html = convert(f"Before.\n\n/// {block}\n{options}\n///\n\nAfter.")
    problem = f"/// {block}: options: not valid YAML: {reason.split(':', 1)[0]}:"
    assert html.startswith("<p>Before.</p>\n<div") and html.endswith("</div>\n<p>After.</p>")
    soup = BeautifulSoup(html, "html.parser")
    (found,) = soup.select("div")
    messages = json.loads(str(found["data-problems"]))
    assert len(messages) == 1 and messages[0].startswith(problem), messages
    assert reason.split(": ", 1)[1] in messages[0] and messages[0].endswith(OUTCOME[block])
    assert "///" not in soup.get_text() and header.split("\n")[0] not in soup.get_text()


def test_bad_yaml_exact_html() -> None:
    html = convert("/// full-story\n    url: https://example.com/a: b\n///")
    problem = (
        "/// full-story: options: not valid YAML: line 1: mapping values are not allowed here;"
        " the card is left out"
    )
    assert html == slot("full-story", problem)


@pytest.mark.parametrize("block", ["full-story", "post-list"])
@pytest.mark.parametrize(("header", "kind"), NOT_A_MAPPING)
def test_options_that_are_no_mapping_leave_a_slot(block: str, header: str, kind: str) -> None:
    options = textwrap.indent(header, "    ")
    html = convert(f"/// {block}\n{options}\n///")
    problem = f"/// {block}: options: {kind}, not `option: value` lines; {OUTCOME[block]}"
    assert html == slot(block, problem)


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("foo: 1", "/// post-list: foo: unknown option; expected page"),
        ("attrs: {class: x}", "/// post-list: attrs: unknown option; expected page"),
        ("attrs: 5", "/// post-list: attrs: unknown option; expected page"),
        ("Page: 2", "/// post-list: Page: unknown option; expected page"),
    ],
)
def test_post_list_unknown_options(header: str, problem: str) -> None:
    assert convert(f"/// post-list\n    {header}\n///") == slot("post-list", problem)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("x", "'x'"),
        ("-1", "-1"),
        ("0", "0"),
        ("true", "True"),
        ("1.5", "1.5"),
        ('"2"', "'2'"),
        ("{a: 1}", "{'a': 1}"),
        ("[1]", "[1]"),
        ("2026-01-02", "datetime.date(2026, 1, 2)"),
    ],
)
def test_post_list_page_that_is_no_page_number(value: str, shown: str) -> None:
    problem = (
        f"/// post-list: page: {shown} is not a page number (1 or more);"
        " the list shows its first page"
    )
    assert convert(f"/// post-list\n    page: {value}\n///") == slot("post-list", problem)


@pytest.mark.parametrize(
    "source",
    [
        "/// post-list\n    page:\n///",
        "/// post-list\n    # no options\n///",
        "/// post-list\n        \n///",
        "/// post-list\n///",
    ],
)
def test_empty_options_are_no_options(source: str) -> None:
    assert convert(source) == slot("post-list", None)


def test_tabs_are_spaces_to_python_markdown() -> None:
    html = convert("/// full-story\n\turl:\thttps://e.com/\n\ttitle: T\n///")
    assert (
        html
        == '<div class="aiblog-full-story-slot" data-title="T" data-url="https://e.com/"></div>'
    )
    assert convert("/// post-list\n\tpage:\t2\n///") == (
        '<div class="aiblog-post-list-slot" data-page="2"></div>'
    )


def test_a_good_page_and_a_good_card_are_unchanged() -> None:
    assert convert("/// post-list\n    page: 3\n///") == (
        '<div class="aiblog-post-list-slot" data-page="3"></div>'
    )
    assert convert("/// full-story\n    url: /a/\n///") == (
        '<div class="aiblog-full-story-slot" data-url="/a/"></div>'
    )


def test_an_unclosed_block_is_marked_open() -> None:
    html = convert("/// full-story\n    url: /a/\n\nBody.\n\n## Next\n\nMore.")
    assert html == (
        '<div class="aiblog-full-story-slot" data-open="" data-url="/a/">\n'
        "<p>Body.</p>\n<h2>Next</h2>\n<p>More.</p>\n</div>"
    )
    assert convert("/// post-list\n\nText.") == (
        '<div class="aiblog-post-list-slot" data-open="" data-page="1">\n<p>Text.</p>\n</div>'
    )


def test_a_nested_block_closed_with_its_parent_is_not_open() -> None:
    html = convert("/// note | Note\n/// full-story\n    url: /a/\nInner.\n///\n///")
    assert "data-open" not in html


def test_other_blocks_keep_pymdownx_rules() -> None:
    """Only the plugin's blocks are rewritten: an admonition's bad YAML stays pymdownx's."""
    source = "/// note | N\n    type: [x\n///"
    plain = markdown.Markdown(extensions=["pymdownx.blocks.admonition"]).convert(source)
    assert convert(source) == plain


def test_without_the_plugin_problems_go_to_python_markdowns_logger(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="MARKDOWN"):
        convert("/// post-list\n    page: x\n///\n\n/// full-story\n    - a\n")
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        (
            "MARKDOWN",
            "/// post-list: page: 'x' is not a page number (1 or more);"
            " the list shows its first page",
        ),
        (
            "MARKDOWN",
            "/// full-story: options: a list, not `option: value` lines; the card is left out",
        ),
        ("MARKDOWN", "/// full-story: no closing '///' line"),
    ]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="MARKDOWN"):
        convert("/// post-list\n    page: x\n///", log=False)
    assert caplog.records == []


# -- 1. Block options: real builds ----------------------------------------------------

BAD_BLOCKS = [
    (
        "/// full-story\n    url: https://example.com/a: b\n\nThe body.\n///",
        "/// full-story: options: not valid YAML: line 1: mapping values are not allowed here;"
        " the card is left out",
    ),
    (
        "/// full-story\n    - https://example.com/\n///",
        "/// full-story: options: a list, not `option: value` lines; the card is left out",
    ),
    (
        "/// full-story\n    url: {a: b}\n///",
        "full_story.url: {'a': 'b'} is not a URL",
    ),
    (
        "/// full-story\n    link: https://example.com/\n    url: https://example.com/\n///",
        "full_story.link: unknown key; expected one of url, title, text, button, source",
    ),
    (
        "/// post-list\n    url: https://example.com/a: b\n///",
        "/// post-list: options: not valid YAML: line 1: mapping values are not allowed here;"
        " the list shows its first page",
    ),
    ("/// post-list\n    pages: 2\n///", "/// post-list: pages: unknown option; expected page"),
    (
        "/// post-list\n    page: -1\n///",
        "/// post-list: page: -1 is not a page number (1 or more); the list shows its first page",
    ),
]


@pytest.mark.slow  # a build per case
@pytest.mark.parametrize(("block", "message"), BAD_BLOCKS)
def test_a_bad_block_in_a_post_is_one_warning_and_never_raw(
    tmp_path: Path, block: str, message: str
) -> None:
    body = f"# Title\n\nLede.\n\n{block}\n\nAfter the block.\n"
    files = {"posts/x.md": post(title="X", body=body), "posts/y.md": post(title="Y")}
    site = build_site(tmp_path, files=files, check=True)
    assert site.warnings == [f"aiblog: posts/x.md: {message}"]
    article = site.html("posts/x.md").select_one("article")
    assert article is not None
    text = article.get_text()
    assert "///" not in text and "After the block." in text
    assert article.select("[data-problems], [data-open], .aiblog-full-story-slot") == []
    assert article.select_one(".aiblog-full-story") is None  # no card from a bad block
    if "post-list" in block:
        cards = [a.get_text(strip=True) for a in article.select(".aiblog-card__title a")]
        assert cards == ["Y"]  # the list, first page (x.md holds a list: no post)


def test_a_bad_block_fails_a_strict_build(tmp_path: Path) -> None:
    block, message = BAD_BLOCKS[0]
    files = {"posts/x.md": post(title="X", body=f"{block}\n")}
    assert build_fails_strict(tmp_path, files=files).warnings == [f"aiblog: posts/x.md: {message}"]


def test_an_unclosed_full_story_shows_the_rest_of_the_post_without_a_card(tmp_path: Path) -> None:
    body = (
        "Lede.\n\n/// full-story\n    url: https://example.com/\n\nCard text.\n\n## Next\n\nMore.\n"
    )
    site = build_site(tmp_path, files={"posts/x.md": post(title="X", body=body)}, check=True)
    assert site.warnings == [
        "aiblog: posts/x.md: /// full-story: no closing '///' line;"
        " the rest of the page is shown without the card"
    ]
    article = site.html("posts/x.md").select_one("article")
    assert article is not None and article.select_one(".aiblog-full-story") is None
    assert [p.get_text() for p in article.select("p")][-2:] == ["Card text.", "More."]
    assert article.select_one("h2#next") is not None


def test_an_unclosed_post_list_shows_the_list_then_the_rest(tmp_path: Path) -> None:
    files = {"index.md": "# Home\n\n/// post-list\n\nWelcome.\n", "posts/a.md": post(title="A")}
    site = build_site(tmp_path, files=files, check=True)
    assert site.warnings == [
        "aiblog: index.md: /// post-list: no closing '///' line; the rest of the page follows"
        " the list"
    ]
    article = site.html("").select_one("article")
    assert article is not None
    assert [a.get_text(strip=True) for a in article.select(".aiblog-card__title a")] == ["A"]
    assert str(article).index("aiblog-post-list") < str(article).index("Welcome.")


# -- 2. A list page inside the posts folder ------------------------------------------


def five_posts() -> dict[str, str]:
    return {
        f"posts/p{n}.md": post(title=f"Post {n}", date=f"2026-01-0{n}", popular=True)
        for n in range(1, 6)
    }


@pytest.mark.parametrize("index", ["posts/index.md", "posts/README.md", "posts/all.md"])
def test_a_list_page_in_the_posts_folder_is_paginated_and_no_post(
    tmp_path: Path, index: str
) -> None:
    files = {
        "index.md": "# Home\n",
        index: "---\ntitle: Blog\ndate: 2030-01-01\n---\n\n/// post-list\n///\n",
        **five_posts(),
    }
    config = {"plugins": [{"aiblog": {"navigation": {"per_page": 2, "archive": True}}}]}
    site = build_site(tmp_path, config=config, files=files, check=True)
    assert site.warnings == []
    folder = "posts/" if index != "posts/all.md" else "posts/all/"
    pages = [index, f"{folder}page/2/", f"{folder}page/3/"]
    shown = [
        [a.get_text(strip=True) for a in site.html(page).select(".aiblog-card__title a")]
        for page in pages
    ]
    assert shown == [["Post 5", "Post 4"], ["Post 3", "Post 2"], ["Post 1"]]
    for page in [*pages, f"{folder}archive/"]:
        html = site.html(page)
        assert html.select(".aiblog-byline, .aiblog-newer-older") == [], page
        assert html.select('meta[property^="article:"], script[type="application/ld+json"]') == []
    archive_titles = [
        a.get_text() for a in site.html(f"{folder}archive/").select(".aiblog-archive li a")
    ]
    assert archive_titles == ["Post 5", "Post 4", "Post 3", "Post 2", "Post 1"]
    newest = site.html("posts/p5.md")
    popular = [n.get_text() for n in newest.select(".aiblog-popular__name")]
    assert "Blog" not in popular and popular
    assert "Blog" not in [t.get_text() for t in newest.select(".aiblog-newer-older__title")]


def test_the_posts_folders_own_index_without_a_list_is_no_post(tmp_path: Path) -> None:
    files = {"posts/index.md": "# About this blog\n\nWords.\n", "posts/a.md": post(title="A")}
    site = build_site(tmp_path, files=files, check=True)
    assert site.warnings == []  # no "date: missing" for a page that is no post
    assert site.html("posts/index.md").select_one(".aiblog-byline") is None
    assert site.html("posts/a.md").select_one(".aiblog-newer-older") is None  # a lone post


def test_a_post_in_a_folder_of_its_own_is_a_post(tmp_path: Path) -> None:
    files = {"posts/x/index.md": post(title="X"), "posts/y.md": post(title="Y", date="2026-01-01")}
    site = build_site(tmp_path, files=files, check=True)
    assert site.html("posts/x/index.md").select_one(".aiblog-byline") is not None


# -- 3. Blank titles -------------------------------------------------------------------

BLANK = ["", "   ", "\t", "\u200b", " \u200b\u200d\ufeff ", "\u3164", "\u2800", "\u00ad\u2060"]


@pytest.mark.parametrize("title", BLANK)
def test_is_blank(title: str) -> None:
    assert is_blank(title) and not is_blank(title + "a") and not is_blank("🚀")


@pytest.mark.slow  # a build per case
@pytest.mark.parametrize("title", BLANK)
def test_a_blank_title_warns_and_falls_back_to_the_heading(tmp_path: Path, title: str) -> None:
    files = {
        "posts/blank-one.md": post(title=title, date="2026-02-01", body="# The heading\n\nText.\n"),
        "posts/no-heading.md": post(title=title, date="2026-01-01", body="Only text.\n"),
        "posts/other.md": post(title="Other", date="2025-01-01"),
    }
    site = build_site(tmp_path, files=files, check=True)
    shown = repr(title)
    assert sorted(site.warnings) == [
        f"aiblog: posts/{name}.md: title: {shown} is blank; the first heading or the file name"
        " is used instead"
        for name in ("blank-one", "no-heading")
    ]
    page = site.html("posts/other.md")
    assert list(dict.fromkeys(n.get_text() for n in page.select(".aiblog-popular__name"))) == [
        "The heading",
        "No heading",
    ]
    for name, expected in (("blank-one", "The heading"), ("no-heading", "No heading")):
        html = site.html(f"posts/{name}.md")
        script = html.select_one('script[type="application/ld+json"]')
        assert script is not None and json.loads(script.get_text())["headline"] == expected
        assert html.title is not None and html.title.get_text().startswith(expected)


def test_parse_post_names_the_blank_title() -> None:
    found, problems = parse_post(
        {"title": " \u200b ", "date": "2026-01-01"},
        src_uri="posts/x.md",
        url="posts/x/",
        title=" \u200b ",
        authors={},
        resolve_file=lambda _: None,
    )
    assert found.title == ""
    assert problems == [
        "title: ' \\u200b ' is blank; the first heading or the file name is used instead"
    ]


# -- 4. Undated posts last, whatever the dates -----------------------------------------

UTC = timezone.utc
EAST = timezone(timedelta(hours=14))
WEST = timezone(timedelta(hours=-12))


def dated(title: str, when: datetime | None) -> Post:
    return Post(src_uri=f"posts/{title}.md", url=f"posts/{title}/", title=title, date=when)


EDGE = [
    dated("undated-a", None),
    dated("year-1", datetime(1, 1, 1, tzinfo=UTC)),
    dated("year-1-east", datetime(1, 1, 1, 13, tzinfo=EAST)),  # before 0001-01-01 UTC
    dated("year-9999", datetime(9999, 12, 31, 23, 59, tzinfo=UTC)),
    dated("year-9999-west", datetime(9999, 12, 31, 23, 59, tzinfo=WEST)),
    dated("new-year-east", datetime(2025, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))),
    dated("old-year-utc", datetime(2024, 12, 31, 23, 45, tzinfo=UTC)),
    dated("undated-b", None),
]
ORDER = [
    "year-9999-west",
    "year-9999",
    "old-year-utc",
    "new-year-east",
    "year-1",
    "year-1-east",
    "undated-a",
    "undated-b",
]


def test_undated_posts_come_after_every_date() -> None:
    for shift in range(len(EDGE)):
        assert [p.title for p in newest_first(EDGE[shift:] + EDGE[:shift])] == ORDER


def test_neighbours_and_archive_follow_the_timeline() -> None:
    blog = Blog(words={}, locale=babel_locale("en"))
    blog.timeline = newest_first(EDGE)
    blog.position = {p.src_uri: n for n, p in enumerate(blog.timeline)}
    by_title = {p.title: p for p in EDGE}
    newer, older = neighbours(blog.timeline, blog.position, by_title["year-1-east"])
    assert (newer and newer.title, older and older.title) == ("year-1", "undated-a")
    years = archive(blog.timeline, blog.locale, "Undated")
    assert [(y.year, [[p.title for p in m.posts] for m in y.months]) for y in years] == [
        ("9999", [["year-9999-west", "year-9999"]]),
        ("2025", [["new-year-east"]]),
        ("2024", [["old-year-utc"]]),
        ("1", [["year-1", "year-1-east"]]),
        ("Undated", [["undated-a", "undated-b"]]),
    ]


def test_the_ranking_recency_tie_break_agrees() -> None:
    candidates = [Candidate(key=p.src_uri, title=p.title, date=p.date) for p in EDGE]
    ranked = [entry.key for entry in rank(candidates, {}, {})]
    assert ranked == [f"posts/{title}.md" for title in ORDER]


def test_a_site_with_edge_dates_lists_undated_last(tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n\n/// post-list\n///\n",
        "posts/undated.md": post(title="Undated", date="yesterday"),
        "posts/first.md": post(title="Year one", date="0001-01-01"),
        "posts/east.md": post(title="Year one east", date="0001-01-01T13:00:00+14:00"),
        "posts/last.md": post(title="Year 9999", date="9999-12-31T23:59:00-12:00"),
        "posts/now.md": post(title="Now", date="2026-11-20"),
    }
    config = {"plugins": [{"aiblog": {"navigation": {"archive": True}}}]}
    site = build_site(tmp_path, config=config, files=files, check=True)
    assert site.warnings == [
        "aiblog: posts/undated.md: date: 'yesterday' is not a date (YYYY-MM-DD) or a datetime"
    ]
    expected = ["Year 9999", "Now", "Year one", "Year one east", "Undated"]
    cards = [a.get_text(strip=True) for a in site.html("").select(".aiblog-card__title a")]
    assert cards == expected
    assert [a.get_text() for a in site.html("archive/").select(".aiblog-archive li a")] == expected
    older = site.html("posts/east.md").select_one(".aiblog-newer-older__link--older")
    assert older is not None and "Undated" in older.get_text()
    newer = site.html("posts/undated.md").select_one(".aiblog-newer-older__link--newer")
    assert newer is not None and "Year one east" in newer.get_text()
