"""Real builds: a post in the news-blog shape (closing emoji, standfirst, hero caption)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from material.extensions.emoji import to_svg, twemoji
from sitebuild import PNG, FileContent, Site, build_fails_strict, build_site, post

EXTENSIONS: list[Any] = [
    "attr_list",
    "admonition",
    {"toc": {"permalink": True}},
    {"pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": to_svg}},
]
BODY = """Lede paragraph with no emoji.

## The deal on the table

Both sides want the same thing. 🤝

## Who pays :moneybag:

The bill lands somewhere.

## What the regulator said

It will look again next year. ⚖️

[Read the ruling](https://example.com/ruling)

## A linked ending

See [the full report 📄](https://example.com/report)

!!! note "Aside"

    ## Not a section

    Inside an admonition. 🧪

## What could happen next?

1. One
2. Two
3. Three 🔮
"""
EXPECTED = {
    "the-deal-on-the-table": "🤝",
    "who-pays": "💰",  # its own emoji, as before
    "what-the-regulator-said": "⚖️",
}


def config(**headings: Any) -> dict[str, Any]:
    plugin: Any = {"aiblog": {"headings": headings}} if headings else "aiblog"
    return {"markdown_extensions": EXTENSIONS, "plugins": ["search", plugin]}


def files(**meta: Any) -> dict[str, FileContent]:
    return {
        "index.md": "# Home\n\n/// post-list\n///\n",
        "about.md": "# About\n\n## Plain page\n\nClosing words. 🌍\n",
        "posts/images/hero.png": PNG,
        "posts/news.md": post(title="News", body=BODY, **meta),
        "posts/other.md": post(title="Other", date="2026-11-19", body="## Other\n\nWords. 🚀\n"),
    }


def badges(page: BeautifulSoup) -> dict[str, str]:
    """The id of each article heading with a badge, and the badge's emoji."""
    found: dict[str, str] = {}
    for heading in page.select("article h2, article h3"):
        badge = heading.select_one(".aiblog-emoji")
        if badge is not None:
            img = badge.select_one("svg description, img")
            found[str(heading["id"])] = (
                img.get_text() if img is not None and img.name == "description" else badge.text
            ).strip() or str(img and img.get("alt"))
    return found


def toc(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [
        (" ".join(link.get_text(" ", strip=True).split()), str(link["href"]))
        for link in page.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    ]


def test_each_section_is_headed_by_the_emoji_that_closes_it(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=config(closing_emoji=True), files=files(), check=True)
    assert site.warnings == []
    page = site.html("posts/news.md")
    found = badges(page)
    assert {key: found[key] for key in EXPECTED} == EXPECTED
    # An emoji inside a link, a list's last item, a heading in an admonition: nothing.
    assert set(found) == set(EXPECTED)
    ids = [str(h["id"]) for h in page.select("article h2")]
    assert ids == [
        "the-deal-on-the-table",
        "who-pays",
        "what-the-regulator-said",
        "a-linked-ending",
        "not-a-section",
        "what-could-happen-next",
    ]
    entries = toc(page)
    assert ("🤝 The deal on the table", "#the-deal-on-the-table") in entries
    assert ("⚖️ What the regulator said", "#what-the-regulator-said") in entries
    assert ("A linked ending", "#a-linked-ending") in entries
    # `keep`: the paragraph still ends on its emoji.
    assert "Both sides want the same thing. 🤝" in page.get_text()
    # The option is the site's: a page that is not a post is read the same way.
    assert badges(site.html("about.md")) == {"plain-page": "🌍"}


def test_move_takes_it_out_of_the_paragraph(tmp_path: Path) -> None:
    site = build_site(
        tmp_path, config=config(closing_emoji=True, closing="move"), files=files(), check=True
    )
    page = site.html("posts/news.md")
    assert badges(page)["the-deal-on-the-table"] == "🤝"
    assert "Both sides want the same thing.\n" in page.get_text() + "\n"
    assert "same thing. 🤝" not in page.get_text()


def test_nothing_changes_with_the_option_off(tmp_path: Path) -> None:
    default = build_site(tmp_path / "a", config=config(), files=files(), check=True)
    off = build_site(tmp_path / "b", config=config(closing_emoji=False), files=files(), check=True)
    for page in ("posts/news.md", "posts/other.md", "about.md", "index.md"):
        assert default.text(page) == off.text(page)
    assert set(badges(default.html("posts/news.md"))) == {"who-pays"}


def test_a_posts_front_matter_wins_over_the_option(tmp_path: Path) -> None:
    on = build_site(tmp_path / "a", config=config(), files=files(closing_emoji=True), check=True)
    assert badges(on.html("posts/news.md")) == EXPECTED
    # The choice is the post's alone: the pages rendered after it keep the site's.
    assert badges(on.html("posts/other.md")) == {}
    assert badges(on.html("about.md")) == {}
    off = build_site(
        tmp_path / "b",
        config=config(closing_emoji=True),
        files=files(closing_emoji=False),
        check=True,
    )
    assert badges(off.html("posts/news.md")) == {"who-pays": "💰"}
    assert badges(off.html("posts/other.md")) == {"other": "🚀"}


def test_a_bad_front_matter_value_warns_and_fails_strict(tmp_path: Path) -> None:
    site = build_fails_strict(tmp_path, config=config(), files=files(closing_emoji="yes"))
    assert "aiblog: posts/news.md: closing_emoji: 'yes' is not true or false" in site.warnings


def _news_site(tmp_path: Path, **meta: Any) -> Site:
    front = {
        "subtitle": "Two sides, one grid & a deadline",
        "image": "images/hero.png",
        "image_alt": "A grid",
        "image_caption": "The substation at dusk <photo: A. N. Other>",
        **meta,
    }
    config_: dict[str, Any] = {
        "site_url": "https://example.com/",
        "plugins": ["search", {"aiblog": {"popular": {"pages": "all"}}}],
    }
    return build_site(tmp_path, config=config_, files=files(**front))


def test_the_standfirst_caption_and_alternative_headline(tmp_path: Path) -> None:
    site = _news_site(tmp_path)
    assert site.warnings == [
        "aiblog: posts/news.md: image_caption: 'The substation at dusk <photo: A. N. Other>'"
        " contains HTML markup, which the post shows as text; write it as plain text"
    ]
    page = site.html("posts/news.md")
    h1 = page.select_one("article h1")
    standfirst = page.select_one(".aiblog-standfirst")
    assert h1 is not None and standfirst is not None
    assert standfirst.name == "p"
    assert standfirst.get_text() == "Two sides, one grid & a deadline"
    # Directly under the title, before the byline.
    assert h1.find_next_sibling() is standfirst
    assert standfirst.find_next_sibling()["class"] == ["aiblog-byline"]  # type: ignore[index]
    assert "one grid &amp; a deadline" in site.text("posts/news.md")
    figure = page.select_one("figure.aiblog-hero")
    assert figure is not None
    assert [child.name for child in figure.find_all(recursive=False)] == ["img", "figcaption"]
    assert figure.figcaption.get_text() == "The substation at dusk <photo: A. N. Other>"  # type: ignore[union-attr]
    (script,) = page.select('script[type="application/ld+json"]')
    data = json.loads(script.string or "")
    assert data["alternativeHeadline"] == "Two sides, one grid & a deadline"
    assert "description" not in data  # the subtitle is no description
    # Lists: the subtitle stands in for the missing description.
    home = site.html("index.md")
    card = home.select_one(".aiblog-card__description")
    assert card is not None and card.get_text() == "Two sides, one grid & a deadline"
    snippets = [s.get_text() for s in home.select(".aiblog-popular__snippet")]
    assert "Two sides, one grid & a deadline" in snippets
    # Material's own navigation subtitle is not shown for a post (not in the nav).
    shown = page.find_all(string=lambda s: "Two sides" in s)
    assert [s.parent.name for s in shown] == ["script", "p"]  # JSON-LD, the standfirst


def test_a_description_wins_over_the_subtitle_in_lists(tmp_path: Path) -> None:
    site = _news_site(tmp_path, description="The description.", image_caption="")
    assert site.warnings == []
    card = site.html("index.md").select_one(".aiblog-card__description")
    assert card is not None and card.get_text() == "The description."
    assert site.html("posts/news.md").select_one("figcaption") is None


def test_without_the_keys_the_post_is_as_before(tmp_path: Path) -> None:
    site = build_site(tmp_path, files=files(image="images/hero.png"), check=True)
    page = site.html("posts/news.md")
    assert page.select_one(".aiblog-standfirst") is None
    assert page.select_one("figcaption") is None
    assert "alternativeHeadline" not in site.text("posts/news.md")


def test_bad_options_are_named(tmp_path: Path) -> None:
    for n, headings in enumerate(({"closing": "drop"}, {"closing_emoji": "sometimes"})):
        site = build_site(tmp_path / str(n), config=config(**headings), files=files())
        assert site.error is not None
        key = next(iter(headings))
        assert any(key in message for _, message in site.logs), site.logs
