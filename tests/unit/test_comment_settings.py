"""The comments' settings and which pages show them: the pure core, no MkDocs."""

from __future__ import annotations

import pytest

from mkdocs_aiblog.comments.settings import settings, shows

GISCUS = {"repo": "owner/blog", "repo_id": "R_kg", "category_id": "DIC_kw"}


def test_no_provider_no_comments() -> None:
    assert settings(None, "visible", dict(GISCUS), {}) == (None, [])


def test_giscus_attributes_are_its_own_names() -> None:
    comments, problems = settings(
        "giscus",
        "click",
        {**GISCUS, "reactions_enabled": False, "input_position": "top", "strict": True},
        {},
        language="pt-BR",
    )
    assert problems == []
    assert comments is not None
    attributes = dict(comments.attributes)
    assert attributes["data-repo-id"] == "R_kg"
    assert attributes["data-reactions-enabled"] == "0"
    assert attributes["data-strict"] == "1"
    assert attributes["data-input-position"] == "top"
    assert attributes["data-mapping"] == "pathname"
    assert attributes["data-lang"] == "pt-BR"
    assert comments.follow_palette and "data-theme" not in attributes
    assert comments.discussions == "https://github.com/owner/blog/discussions"
    assert comments.load == "click"


def test_a_theme_set_is_kept() -> None:
    comments, _ = settings("giscus", "visible", {**GISCUS, "theme": "dark_dimmed"}, {})
    assert comments is not None and not comments.follow_palette
    assert ("data-theme", "dark_dimmed") in comments.attributes


@pytest.mark.parametrize(
    "url, endpoint",
    [
        ("https://comments.example.org", "https://comments.example.org/"),
        ("https://example.org/isso/", "https://example.org/isso/"),
        ("/isso", "/isso/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
        ("http://localhost:8080", "http://localhost:8080/"),
    ],
)
def test_isso_urls_that_are_taken(url: str, endpoint: str) -> None:
    comments, problems = settings("isso", "visible", {}, {"url": url, "require_author": True})
    assert problems == []
    assert comments is not None
    assert comments.script == endpoint + "js/embed.min.js"
    assert ("data-isso", endpoint) in comments.attributes
    assert ("data-isso-require-author", "true") in comments.attributes


@pytest.mark.parametrize(
    "url",
    [
        "http://comments.example.org/",
        "HTTP://comments.example.org/",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/javascript,alert(1)",
        "vbscript:x",
        "//evil.example/",
        "https://user@evil.example/",
        'https://x.org/"onload="x',
        "https://x.org/<script>",
        "https://x.org/?a=1",
        "https://x.org/#x",
        "isso/",
        "",
        "https://x.org/\u202e",
    ],
)
def test_isso_urls_that_are_refused(url: str) -> None:
    comments, problems = settings("isso", "visible", {}, {"url": url})
    assert comments is None
    assert len(problems) == 1 and problems[0].startswith("mkdocs.yml: aiblog: comments: isso: url")


def test_every_problem_is_told_once() -> None:
    comments, problems = settings("giscus", "visible", {"repo": "x", 3: "y", "lang": {}}, {})
    assert comments is None
    assert sorted(p.split(": ")[4] for p in problems) == sorted(
        ["3", "lang", "repo_id", "category_id", "repo"]
    )


@pytest.mark.parametrize(
    "front_matter, is_post, pages, shown, problem",
    [
        (None, True, "posts", True, False),
        (None, False, "posts", False, False),
        (None, False, "all", True, False),
        (False, True, "posts", False, False),
        (True, False, "posts", True, False),
        ("yes please", True, "posts", True, True),
        ([1], False, "posts", False, True),
    ],
)
def test_which_pages_show_them(
    front_matter: object, is_post: bool, pages: str, shown: bool, problem: bool
) -> None:
    result, told = shows(front_matter, is_post=is_post, pages=pages)
    assert result is shown
    assert (told is not None) is problem


def test_a_site_relative_isso_names_no_third_party() -> None:
    comments, _ = settings("isso", "click", {}, {"url": "/isso/"})
    assert comments is not None and comments.host == ""
    comments, _ = settings("isso", "click", {}, {"url": "https://c.example.org/"})
    assert comments is not None and comments.host == "c.example.org"
