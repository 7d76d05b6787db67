"""Material's blog plugin and this one on the same site: its posts are our posts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sitebuild import AUTHORS_FILE, AVATAR, PNG, Site, build_site, post

AUTHORS = AUTHORS_FILE + AVATAR + "    url: https://example.com/ada\n"
FIRST = "blog/2026/11/20/ai-power-clash/index.html"
SECOND = "blog/2026/11/25/chips-again/index.html"


def blog_files() -> dict[str, str | bytes]:
    """Give a small blog laid out as Material's blog plugin expects it."""
    return {
        "index.md": "# Home\n\nWelcome.\n",
        "blog/index.md": "# Blog\n",
        "blog/.authors.yml": AUTHORS,
        "assets/ada.png": PNG,
        "blog/posts/images/hero.png": PNG,
        "blog/posts/clash.md": post(
            title="AI power clash",
            date={"created": date(2026, 11, 20), "updated": date(2026, 11, 22)},
            description="Who pays for the power.",
            authors=["ada"],
            categories=["Industry"],
            tags=["OpenAI", "Meta"],
            image="images/hero.png",
            full_story={"url": "https://example.com/original"},
            body="A lede.\n\n<!-- more -->\n\n## Why it matters :rocket:\n\nPoints.\n",
        ),
        "blog/posts/chips.md": post(
            title="Chips again",
            date="2026-11-25",
            authors=["ada"],
            categories=["Research"],
            body="See [the clash](clash.md).\n\n## What could happen next? 🔮\n\nMore.\n",
        ),
    }


def blog_config(*plugins: Any) -> dict[str, Any]:
    return {
        "site_url": "https://example.org/",
        "plugins": list(plugins),
        "markdown_extensions": ["attr_list", "md_in_html", "pymdownx.emoji"],
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    """The same blog built with `aiblog` before and after `blog` under `plugins:`."""
    return {
        order: build_site(
            tmp_path_factory.mktemp(order),
            config=blog_config(*plugins),
            files=blog_files(),
            strict=True,
            check=True,
        )
        for order, plugins in {
            "aiblog-first": ("aiblog", "blog"),
            "blog-first": ("blog", "aiblog"),
        }.items()
    }


@pytest.mark.parametrize("order", ["aiblog-first", "blog-first"])
def test_blog_posts_get_the_plugins_blocks(sites: dict[str, Site], order: str) -> None:
    site = sites[order]
    assert site.warnings == []
    page = site.html(FIRST)
    # Material's own post layout: the sidebar with authors and metadata.
    sidebar = page.select_one(".md-sidebar--post")
    assert sidebar is not None
    assert "Ada Quill" in sidebar.get_text()
    # The byline adds only what that sidebar lacks: tags and the hero image.
    byline = page.select_one(".aiblog-byline")
    assert byline is not None and "aiblog-byline--lean" in byline["class"]
    assert byline.select(".aiblog-byline__author, .aiblog-byline__date") == []
    assert byline.select(".aiblog-byline__category, .aiblog-byline__readtime") == []
    tags = [tag.get_text() for tag in byline.select(".aiblog-byline__tag")]
    assert tags == ["#OpenAI", "#Meta"]
    hero = page.select_one("figure.aiblog-hero img")
    assert hero is not None and hero["src"].endswith("images/hero.png")
    # Emoji-headed sections, the full story and the popular posts.
    heading = page.select_one("h2#why-it-matters")
    assert heading is not None and heading.select_one(".aiblog-emoji") is not None
    story = page.select_one(".aiblog-full-story a")
    assert story is not None and story["href"] == "https://example.com/original"
    popular = page.select(".aiblog-popular--after .aiblog-popular__name")
    assert [entry.get_text() for entry in popular] == ["Chips again"]


@pytest.mark.parametrize("order", ["aiblog-first", "blog-first"])
def test_dates_authors_and_readtime_come_from_the_blog_plugin(
    sites: dict[str, Site], order: str
) -> None:
    page = sites[order].html(FIRST)
    script = page.select_one('script[type="application/ld+json"]')
    assert script is not None
    data = json.loads(script.get_text())
    assert data["datePublished"] == "2026-11-20T00:00:00+00:00"
    assert data["dateModified"] == "2026-11-22T00:00:00+00:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Quill", "url": "https://example.com/ada"}
    ]
    assert data["url"] == "https://example.org/blog/2026/11/20/ai-power-clash/"
    section = page.select_one('meta[property="article:section"]')
    assert section is not None and section["content"] == "Industry"
    # The popular list on the other post dates it as the blog plugin does.
    other = sites[order].html(SECOND)
    date = other.select_one(".aiblog-popular--after .aiblog-popular__date")
    assert date is not None and date["datetime"] == "2026-11-20T00:00:00+00:00"


def test_the_order_under_plugins_does_not_change_the_result(sites: dict[str, Site]) -> None:
    for page in (FIRST, SECOND, "blog/index.html"):
        first, second = (sites[order].html(page) for order in ("aiblog-first", "blog-first"))
        assert str(first.select_one("article")) == str(second.select_one("article")), page
        assert str(first.select_one(".md-sidebar--secondary")) == str(
            second.select_one(".md-sidebar--secondary")
        ), page


@pytest.mark.parametrize("order", ["aiblog-first", "blog-first"])
def test_the_blog_index_archive_and_category_views_still_render(
    sites: dict[str, Site], order: str
) -> None:
    site = sites[order]
    for view, titles in {
        "blog/index.html": ["Chips again", "AI power clash"],
        "blog/archive/2026/index.html": ["Chips again", "AI power clash"],
        "blog/category/industry/index.html": ["AI power clash"],
        "blog/category/research/index.html": ["Chips again"],
    }.items():
        page = site.html(view)
        excerpts = page.select("article.md-post--excerpt")
        assert [e.select_one("h2").get_text(strip=True) for e in excerpts] == titles, view
        # Views are not posts: no byline, no post metadata of ours.
        assert page.select_one(".aiblog-byline") is None, view
        assert page.select_one('script[type="application/ld+json"]') is None, view


def test_the_authors_file_defaults_to_the_blog_plugins(tmp_path: Path) -> None:
    files = blog_files()
    files["blog/.authors.yml"] = AUTHORS.replace("Ada Quill", "Ada Q.")
    site = build_site(tmp_path, config=blog_config("blog", "aiblog"), files=files, check=True)
    assert site.warnings == []
    data = json.loads(site.html(FIRST).select_one('script[type="application/ld+json"]').get_text())
    assert data["author"][0]["name"] == "Ada Q."


def test_a_custom_authors_file_of_the_blog_plugin_is_followed(tmp_path: Path) -> None:
    files = blog_files()
    files["team.yml"] = files.pop("blog/.authors.yml")
    config = blog_config({"blog": {"authors_file": "team.yml"}}, "aiblog")
    site = build_site(tmp_path, config=config, files=files, strict=True, check=True)
    data = json.loads(site.html(FIRST).select_one('script[type="application/ld+json"]').get_text())
    assert data["author"][0]["name"] == "Ada Quill"


def test_our_own_posts_dir_still_works_beside_the_blog(tmp_path: Path) -> None:
    files = blog_files()
    files["posts/.authors.yml"] = AUTHORS.replace("Ada Quill", "Ada of posts/")
    files["posts/mine.md"] = post(title="Mine", date="2026-11-10", authors=["ada"])
    site = build_site(
        tmp_path,
        config=blog_config("blog", {"aiblog": {"authors_file": "posts/.authors.yml"}}),
        files=files,
        strict=True,
        check=True,
    )
    mine = site.html("posts/mine.md")
    byline = mine.select_one(".aiblog-byline")
    assert byline is not None and "aiblog-byline--lean" not in byline["class"]
    assert byline.select_one(".aiblog-byline__author").get_text(strip=True) == "Ada of posts/"
    titles = [e.get_text() for e in mine.select(".aiblog-popular--after .aiblog-popular__name")]
    assert set(titles) == {"AI power clash", "Chips again"}


def test_blog_post_without_tags_or_image_has_no_byline(sites: dict[str, Site]) -> None:
    page = sites["blog-first"].html(SECOND)
    assert page.select_one(".aiblog-byline") is None
    assert page.select_one(".md-sidebar--post") is not None
