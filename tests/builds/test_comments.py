"""Comments under each post (issue 19): what a build writes, and what it refuses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sitebuild import Site, build_site, post

GISCUS = {
    "repo": "owner/blog",
    "repo_id": "R_kgDOtest",
    "category": "Announcements",
    "category_id": "DIC_kwDOtest",
}
ISSO = {"url": "https://comments.example.org/"}
LOADER = "assets/javascripts/aiblog-comments.js"
WHERE = "mkdocs.yml: aiblog: comments"
SITE_URL = "https://example.org/blog/"


def blog(
    tmp_path: Path,
    comments: dict[str, Any] | None,
    *,
    files: dict[str, str | bytes] | None = None,
    strict: bool = False,
    **config: Any,
) -> Site:
    """Build a small blog whose plugin has the `comments:` options given (None: none)."""
    options = {} if comments is None else {"comments": comments}
    pages: dict[str, str | bytes] = {
        "index.md": "# Home\n\nWelcome.\n",
        "about.md": "# About\n\nWho writes here.\n",
        "posts/a.md": post(title="A", date="2026-11-20"),
        "posts/b.md": post(title="B", date="2026-11-21"),
    }
    pages.update(files or {})
    return build_site(
        tmp_path,
        config={"site_url": SITE_URL, "plugins": [{"aiblog": options}], **config},
        files=pages,
        strict=strict,
    )


def giscus(**more: Any) -> dict[str, Any]:
    return {"provider": "giscus", "giscus": {**GISCUS, **more}}


# -- where comments show -------------------------------------------------------------


def test_a_post_ends_with_its_comments(tmp_path: Path) -> None:
    site = blog(tmp_path, giscus())
    assert site.warnings == []
    page = site.html("posts/a.md")
    section = page.select_one("article .aiblog-comments")
    assert section is not None
    assert section.find_next_sibling() is None  # the article's last element
    heading = section.select_one("h2#__comments")
    assert heading is not None and heading.get_text() == "Comments"
    widget = section.select_one(".aiblog-comments__widget")
    assert widget is not None
    assert widget["data-repo"] == "owner/blog"
    assert widget["data-repo-id"] == "R_kgDOtest"
    assert widget["data-category-id"] == "DIC_kwDOtest"
    assert widget["data-mapping"] == "pathname"
    assert widget["data-lang"] == "en"
    assert widget["data-aiblog-src"] == "https://giscus.app/client.js"
    assert widget.has_attr("data-aiblog-palette")
    # The provider's script is not in the page; only the loader, relative to the page.
    scripts = [s.get("src") for s in section.select("script")]
    assert scripts == ["../../" + LOADER]
    assert "giscus.app/client.js" not in str(page.select("script"))
    assert (site.site_dir / LOADER).is_file()
    assert section.select_one("noscript") is not None
    assert "https://github.com/owner/blog/discussions" in str(section.select_one("noscript"))
    # Material's table of contents lists the heading last.
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc[-1] == "#__comments"


def test_the_comments_come_after_the_card_and_newer_older(tmp_path: Path) -> None:
    files = {"posts/a.md": post(title="A", date="2026-11-20", full_story="https://example.com/a")}
    site = blog(tmp_path, giscus(), files=files)
    article = site.html("posts/a.md").select_one("article")
    assert article is not None
    order = [
        element.get("class", [""])[0]
        for element in article.find_all(["aside", "nav", "section"], recursive=False)
    ]
    assert order[-1] == "aiblog-comments"
    assert order.index("aiblog-full-story") < order.index("aiblog-newer-older") < len(order) - 1


def test_pages_that_are_not_posts_have_no_comments_or_loader(tmp_path: Path) -> None:
    site = blog(tmp_path, giscus())
    for page in ("index.md", "about.md"):
        text = site.text(page)
        assert "aiblog-comments" not in text and "__comments" not in text


def test_front_matter_turns_comments_off_and_on(tmp_path: Path) -> None:
    files = {
        "posts/a.md": post(title="A", date="2026-11-20", comments=False),
        "about.md": "---\ncomments: true\n---\n# About\n\n## Who\n\nText.\n",
    }
    site = blog(tmp_path, giscus(), files=files)
    assert site.warnings == []
    assert "aiblog-comments" not in site.text("posts/a.md")
    assert site.html("about.md").select_one(".aiblog-comments #__comments") is not None
    assert site.html("posts/b.md").select_one(".aiblog-comments") is not None


def test_pages_all_adds_them_to_every_page(tmp_path: Path) -> None:
    site = blog(tmp_path, {**giscus(), "pages": "all"})
    assert site.html("about.md").select_one(".aiblog-comments") is not None


def test_a_site_without_comments_has_no_loader_and_no_markup(tmp_path: Path) -> None:
    site = blog(tmp_path, None)
    assert not (site.site_dir / LOADER).exists()
    for page in ("index.md", "posts/a.md"):
        assert "aiblog-comments" not in site.text(page)


def test_a_site_with_its_own_comments_partial_keeps_it(tmp_path: Path) -> None:
    own = '<h2 id="__comments">Ours</h2><div class="site-comments"></div>\n'
    files = {"overrides/partials/comments.html": own}
    custom = {"theme": {"name": "material", "custom_dir": "docs/overrides"}}
    site = blog(tmp_path / "with", giscus(), files=files, **custom)
    plain = blog(tmp_path / "without", None, files=files, **custom)
    assert site.warnings == []
    for page in ("posts/a.md", "about.md"):
        assert site.text(page) == plain.text(page)
    assert site.html("posts/a.md").select_one(".site-comments") is not None
    assert not (site.site_dir / LOADER).exists()


def test_isso_writes_its_thread_and_the_no_script_line(tmp_path: Path) -> None:
    site = blog(tmp_path, {"provider": "isso", "load": "click", "isso": {**ISSO, "vote": False}})
    assert site.warnings == []
    section = site.html("posts/a.md").select_one(".aiblog-comments")
    assert section is not None
    widget = section.select_one(".aiblog-comments__widget")
    assert widget is not None
    assert widget["data-isso"] == "https://comments.example.org/"
    assert widget["data-isso-vote"] == "false"
    assert widget["data-aiblog-src"] == "https://comments.example.org/js/embed.min.js"
    thread = widget.select_one("#isso-thread")
    assert thread is not None and thread["data-isso-id"] == "/blog/posts/a/"
    button = section.select_one(".aiblog-comments__consent button")
    assert button is not None and button.get_text() == "Show comments from Isso"
    assert section.select_one(".aiblog-comments__consent").has_attr("hidden")
    assert "Comments need JavaScript." in str(section.select_one("noscript"))


def test_the_words_follow_the_language(tmp_path: Path) -> None:
    site = blog(tmp_path, giscus(), theme={"name": "material", "language": "de"})
    section = site.html("posts/a.md").select_one(".aiblog-comments")
    assert section is not None
    assert section.select_one("h2").get_text() == "Kommentare"
    assert section.select_one(".aiblog-comments__widget")["data-lang"] == "de"


# -- bad settings ---------------------------------------------------------------------


def only(**values: Any) -> dict[str, Any]:
    return {"provider": "giscus", "giscus": values}


def isso(url: object, **more: Any) -> dict[str, Any]:
    return {"provider": "isso", "isso": {"url": url, **more}}


BAD_SETTINGS = {
    "no repo": (only(repo_id="R", category_id="D"), "giscus: repo"),
    "no repo_id": (only(repo="o/n", category_id="D"), "giscus: repo_id"),
    "no category_id": (only(repo="o/n", repo_id="R"), "giscus: category_id"),
    "bad repo": (giscus(repo='o/n" onload="alert(1)'), "giscus: repo"),
    "unknown giscus key": (giscus(repository="o/n"), "giscus: repository"),
    "list value": (giscus(theme=["dark"]), "giscus: theme"),
    "isso http": (isso("http://comments.example.org/"), "isso: url"),
    "isso javascript": (isso("javascript:alert(1)//"), "isso: url"),
    "isso JaVaScRiPt tab": (isso("JaVa\tScRiPt:alert(1)"), "isso: url"),
    "isso data": (isso("data:text/html,<script>alert(1)</script>"), "isso: url"),
    "isso quote": (isso('https://x.org/"><script>alert(1)</script>'), "isso: url"),
    "isso protocol-relative": (isso("//evil.example/"), "isso: url"),
    "isso relative": (isso("isso/"), "isso: url"),
    "isso missing": ({"provider": "isso", "isso": {}}, "isso: url"),
    "isso not text": (isso(42), "isso: url"),
    "isso unknown": (isso("https://comments.example.org/", colour="red"), "isso: colour"),
}


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize("options, key", BAD_SETTINGS.values(), ids=BAD_SETTINGS.keys())
def test_a_bad_setting_gives_one_warning_and_no_comments(
    tmp_path: Path, options: dict[str, Any], key: str
) -> None:
    site = blog(tmp_path, options)
    assert len(site.warnings) == 1, site.warnings
    assert f"{WHERE}: {key}" in site.warnings[0]
    for page in ("posts/a.md", "posts/b.md"):
        text = site.text(page)
        assert "aiblog-comments" not in text and LOADER not in text
        assert "giscus" not in text and "isso" not in text and "alert(1)" not in text
    assert not (site.site_dir / LOADER).exists()


def test_strict_fails_on_a_bad_setting(tmp_path: Path) -> None:
    site = blog(tmp_path, {"provider": "giscus", "giscus": {"repo": "o/n"}}, strict=True)
    assert not site.ok


def test_an_unknown_comments_option_is_named(tmp_path: Path) -> None:
    site = blog(tmp_path, {**giscus(), "lod": "click"}, strict=True)
    assert not site.ok
    site = blog(tmp_path / "lenient", {**giscus(), "lod": "click"})
    assert len(site.warnings) == 1 and "'comments'" in site.warnings[0], site.warnings
    assert "lod" in site.warnings[0]
    assert "aiblog-comments" not in site.text("posts/a.md")


def test_a_bad_front_matter_value_is_named(tmp_path: Path) -> None:
    files = {"posts/a.md": post(title="A", date="2026-11-20", comments="<b>no</b>")}
    site = blog(tmp_path, giscus(), files=files)
    assert len(site.warnings) == 1, site.warnings
    assert "posts/a.md: comments: " in site.warnings[0]
    assert "<b>no</b>" not in site.text("posts/a.md").split("</head>")[1].replace("&lt;b&gt;", "")


def test_values_are_escaped(tmp_path: Path) -> None:
    site = blog(tmp_path, giscus(category='"><img src=x onerror=alert(1)>', term="x"))
    assert site.warnings == []
    widget = site.html("posts/a.md").select_one(".aiblog-comments__widget")
    assert widget is not None
    assert widget["data-category"] == '"><img src=x onerror=alert(1)>'
    assert site.html("posts/a.md").select_one("article img[onerror]") is None


def test_a_site_relative_isso_has_no_third_party_notice(tmp_path: Path) -> None:
    site = blog(tmp_path, {"provider": "isso", "load": "click", "isso": {"url": "/isso/"}})
    section = site.html("posts/a.md").select_one(".aiblog-comments")
    assert section is not None
    assert section.select_one(".aiblog-comments__consent small") is None
    assert section.select_one(".aiblog-comments__widget")["data-aiblog-src"] == (
        "/isso/js/embed.min.js"
    )
