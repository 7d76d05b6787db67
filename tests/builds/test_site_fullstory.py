"""Real builds of the "Explore the full story" card: forms, words, placement, safety.

The pure core (parsing, merging, URL rules, the partial alone) is covered by
``test_fullstory.py`` and ``test_blocks.py``; here every test builds a Material
site through ``sitebuild`` and reads the HTML (or the log) that a reader (or
``mkdocs build --strict``) would get.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import (
    REPO_ROOT,
    Site,
    build_fails_strict,
    build_site,
    capture_mkdocs_logs,
    post,
)

from mkdocs_aiblog.core.fullstory import Defaults, parse_full_story

CARD = ".aiblog-full-story"
TEXT = ".aiblog-full-story__text"
BUTTON = "a.aiblog-full-story__button"

EN_TITLE = "Explore the full story"
EN_TEXT = "Curious to dive deeper? The original article has the whole story."
EN_BUTTON = "Read the full article"

LEDE = "A one-paragraph lede."
LAST = "The last paragraph of the article."
BODY = f"{LEDE}\n\n## Why it matters\n\n{LAST}\n"


def block(*options: str, body: str = "") -> str:
    """Give a `/// full-story` block: options indented by four spaces, then the body."""
    header = "".join(f"    {line}\n" for line in options)
    return f"/// full-story\n{header}\n{body}\n///\n"


def quoted(value: str) -> str:
    """Give `value` as a one-line, double-quoted YAML scalar (for a block's option)."""
    return yaml.safe_dump(value, default_style='"', width=10_000).strip()


def with_block(*options: str, body: str = "") -> str:
    """Give a post body with a block between the lede and a later `## ` section."""
    return f"{LEDE}\n\n{block(*options, body=body)}\n## Later section\n\n{LAST}\n"


def aiblog(**options: Any) -> dict[str, Any]:
    """Give a config whose `plugins:` is `aiblog` with `options`."""
    return {"plugins": [{"aiblog": options}]}


def cards(site: Site, page: str) -> list[Tag]:
    return site.html(page).select(CARD)


def only_card(soup: BeautifulSoup) -> Tag:
    found = soup.select(CARD)
    assert len(found) == 1, f"{len(found)} cards"
    return found[0]


def the_card(site: Site, page: str) -> Tag:
    return only_card(site.html(page))


def words_of(card: Tag) -> dict[str, str | None]:
    """Give the card's title, text, button words, source label and link attributes."""

    def text(selector: str) -> str | None:
        element = card.select_one(selector)
        return None if element is None else " ".join(element.get_text().split())

    link = card.select_one(BUTTON)
    assert link is not None

    def attribute(name: str) -> str | None:
        value = link.get(name)
        return " ".join(value) if isinstance(value, list) else value

    return {
        "title": text(".aiblog-full-story__title"),
        "text": text(TEXT),
        "button": text(".aiblog-full-story__label"),
        "source": text(".aiblog-full-story__source"),
        "href": attribute("href"),
        "rel": attribute("rel"),
        "target": attribute("target"),
    }


def only_warning(site: Site, start: str) -> str:
    """Assert the build logged exactly one warning, starting `start` after the prefix."""
    assert len(site.warnings) == 1, site.warnings
    message = site.warnings[0].removeprefix("aiblog: ")
    assert message.startswith(start), message
    return message


def position(soup: BeautifulSoup, element: Tag) -> int:
    """Give the element's index in document order."""
    for index, tag in enumerate(soup.find_all(True)):
        if tag is element:
            return index
    raise AssertionError(f"{element.name} is not in the document")


# -- front-matter forms, defaults and words ------------------------------------


def test_url_form_and_mapping_form(tmp_path: Path) -> None:
    mapping = {
        "url": "https://example.org/long-read",
        "title": "The long read",
        "text": "Interviews and data.",
        "button": "Read the investigation",
        "source": "The Example Review",
    }
    files = {
        "posts/url.md": post(title="URL form", full_story="https://example.org/original"),
        "posts/mapping.md": post(title="Mapping form", full_story=mapping),
    }
    site = build_site(tmp_path, files=files, strict=True, check=True)
    assert site.warnings == []
    assert words_of(the_card(site, "posts/url.md")) == {
        "title": EN_TITLE,
        "text": EN_TEXT,
        "button": EN_BUTTON,
        "source": None,
        "href": "https://example.org/original",
        "rel": "noopener",
        "target": None,
    }
    assert words_of(the_card(site, "posts/mapping.md")) == {
        "title": "The long read",
        "text": "Interviews and data.",
        "button": "Read the investigation",
        "source": "on The Example Review",
        "href": "https://example.org/long-read",
        "rel": "noopener",
        "target": None,
    }


def test_no_full_story_means_no_card(tmp_path: Path) -> None:
    files = {
        "posts/none.md": post(title="None"),
        "posts/false.md": post(title="False", full_story=False),
        "about.md": "# About\n\nNot a post.\n",
    }
    site = build_site(tmp_path, files=files, strict=True, check=True)
    for page in files:
        assert cards(site, page) == []
        assert "aiblog-full-story" not in site.text(page)


def test_site_defaults_and_per_post_overrides(tmp_path: Path) -> None:
    config = aiblog(
        full_story={"title": "Keep reading", "text": "Our partner has more.", "button": "Go on"}
    )
    files = {
        "posts/plain.md": post(title="Plain", full_story="https://x.org/plain"),
        "posts/own.md": post(
            title="Own", full_story={"url": "https://x.org/own", "title": "Its own title"}
        ),
        "posts/all.md": post(
            title="All",
            full_story={"url": "https://x.org/all", "text": "T", "button": "B", "source": "S"},
        ),
    }
    site = build_site(tmp_path, config=config, files=files, strict=True, check=True)
    plain = words_of(the_card(site, "posts/plain.md"))
    assert (plain["title"], plain["text"], plain["button"]) == (
        "Keep reading",
        "Our partner has more.",
        "Go on",
    )
    own = words_of(the_card(site, "posts/own.md"))
    assert (own["title"], own["text"], own["button"]) == (
        "Its own title",
        "Our partner has more.",
        "Go on",
    )
    every = words_of(the_card(site, "posts/all.md"))
    assert (every["title"], every["text"], every["button"], every["source"]) == (
        "Keep reading",
        "T",
        "B",
        "on S",
    )


@pytest.mark.parametrize(
    ("language", "title", "text", "button", "source"),
    [
        (
            "de",
            "Die ganze Geschichte",
            "Neugierig auf mehr? Der Originalartikel erzählt die ganze Geschichte.",
            "Den ganzen Artikel lesen",
            "auf Heise",
        ),
        (
            "fr",
            "Toute l'histoire",
            "Envie d'en savoir plus ? L'article original raconte toute l'histoire.",
            "Lire l'article complet",
            "sur Heise",
        ),
    ],
)
def test_localized_default_words(
    tmp_path: Path, language: str, title: str, text: str, button: str, source: str
) -> None:
    config = {"theme": {"name": "material", "language": language}}
    files = {"posts/x.md": post(title="X", full_story={"url": "https://x.org", "source": "Heise"})}
    site = build_site(tmp_path, config=config, files=files, strict=True, check=True)
    found = words_of(the_card(site, "posts/x.md"))
    assert (found["title"], found["text"], found["button"], found["source"]) == (
        title,
        text,
        button,
        source,
    )


def test_site_words_win_over_the_language(tmp_path: Path) -> None:
    config: dict[str, Any] = {
        "theme": {"name": "material", "language": "de"},
        **aiblog(full_story={"title": "Mehr dazu"}, words={"full_story.button": "Weiterlesen"}),
    }
    files = {"posts/x.md": post(title="X", full_story="https://x.org")}
    site = build_site(tmp_path, config=config, files=files, strict=True, check=True)
    found = words_of(the_card(site, "posts/x.md"))
    assert (found["title"], found["button"]) == ("Mehr dazu", "Weiterlesen")
    assert found["text"] == "Neugierig auf mehr? Der Originalartikel erzählt die ganze Geschichte."


# -- the Markdown block ------------------------------------------------------------


def test_block_with_its_own_url_on_a_post_and_on_a_page(tmp_path: Path) -> None:
    options = ("url: https://example.org/report", "source: Example News", "button: Read it")
    body = "The original report has **the interviews** and the data."
    files = {
        "posts/x.md": post(title="X", body=with_block(*options, body=body)),
        "about.md": "# About\n\n" + with_block(*options, body=body),
    }
    site = build_site(tmp_path, files=files, strict=True, check=True)
    for page in files:
        card = the_card(site, page)
        assert words_of(card) == {
            "title": EN_TITLE,
            "text": "The original report has the interviews and the data.",
            "button": "Read it",
            "source": "on Example News",
            "href": "https://example.org/report",
            "rel": "noopener",
            "target": None,
        }
        text = card.select_one(TEXT)
        assert text is not None and text.name == "div"  # rendered Markdown, not a <p> of text
        strong = text.select_one("p strong")
        assert strong is not None and strong.get_text() == "the interviews"
        # Where the block stood: between the lede and the later section.
        before, after = card.find_previous_sibling(), card.find_next_sibling()
        assert before is not None and before.get_text() == LEDE
        assert after is not None and after.name == "h2" and after.get_text() == "Later section"
        assert "aiblog-full-story-slot" not in site.text(page)


def test_block_without_url_completes_the_front_matter(tmp_path: Path) -> None:
    front = {
        "url": "https://example.org/fm",
        "title": "FM title",
        "text": "FM text.",
        "button": "FM button",
        "source": "FM source",
    }
    files = {
        "posts/mapping.md": post(
            title="Mapping",
            full_story=front,
            body=with_block("title: Block title", body="Block *body*."),
        ),
        "posts/string.md": post(
            title="String",
            full_story="https://example.org/str",
            body=with_block("button: Block button", "source: Block source"),
        ),
    }
    site = build_site(tmp_path, files=files, strict=True, check=True)
    assert words_of(the_card(site, "posts/mapping.md")) == {
        "title": "Block title",
        "text": "Block body.",
        "button": "FM button",
        "source": "on FM source",
        "href": "https://example.org/fm",
        "rel": "noopener",
        "target": None,
    }
    assert words_of(the_card(site, "posts/string.md")) == {
        "title": EN_TITLE,
        "text": EN_TEXT,
        "button": "Block button",
        "source": "on Block source",
        "href": "https://example.org/str",
        "rel": "noopener",
        "target": None,
    }


def test_block_without_url_and_nothing_to_complete(tmp_path: Path) -> None:
    for page in ("posts/x.md", "about.md"):
        files = {page: post(title="X", body=with_block("title: T", body="Text."))}
        site = build_site(tmp_path / page.replace("/", "-"), files=files)
        only_warning(site, f"{page}: full_story.url: missing")
        assert cards(site, page) == []
        assert "aiblog-full-story" not in site.text(page)


def test_block_wins_over_the_front_matter_once_where_it_stands(tmp_path: Path) -> None:
    front = {"url": "https://example.org/fm", "title": "FM title", "source": "FM source"}
    files = {
        "posts/x.md": post(
            title="X", full_story=front, body=with_block("url: https://example.org/block")
        ),
    }
    site = build_site(tmp_path, files=files, strict=True, check=True)
    page = site.html("posts/x.md")
    card = only_card(page)
    assert len(page.select(BUTTON)) == 1
    # The block has its own URL: the front matter's words describe another article.
    assert words_of(card) == {
        "title": EN_TITLE,
        "text": EN_TEXT,
        "button": EN_BUTTON,
        "source": None,
        "href": "https://example.org/block",
        "rel": "noopener",
        "target": None,
    }
    after = card.find_next_sibling()
    assert after is not None and after.get_text() == "Later section"
    last = page.find("p", string=LAST)
    assert isinstance(last, Tag) and position(page, last) > position(page, card)
    assert "example.org/fm" not in site.text("posts/x.md")


def test_two_blocks_one_warning_the_first_shown(tmp_path: Path) -> None:
    body = (
        f"{LEDE}\n\n{block('url: https://x.org/first', body='First body.')}\n"
        f"Between.\n\n{block('url: https://x.org/second', body='Second body.')}\n{LAST}\n"
    )
    files = {"posts/x.md": post(title="X", body=body)}
    site = build_site(tmp_path, files=files)
    only_warning(site, "posts/x.md: /// full-story: 2 blocks; only the first is shown")
    card = the_card(site, "posts/x.md")
    assert words_of(card)["href"] == "https://x.org/first"
    assert words_of(card)["text"] == "First body."
    after = card.find_next_sibling()
    assert after is not None and after.get_text() == "Between."
    html = site.text("posts/x.md")
    assert "Second body." not in html and "x.org/second" not in html
    assert "aiblog-full-story-slot" not in html


# -- placement ---------------------------------------------------------------------

FEEDBACK = {
    "analytics": {
        "provider": "google",
        "property": "G-XXXXXXXXXX",
        "feedback": {
            "title": "Was this page helpful?",
            "ratings": [
                {
                    "icon": "material/emoticon-happy-outline",
                    "name": "This page was helpful",
                    "data": 1,
                    "note": "Thanks for your feedback!",
                }
            ],
        },
    }
}


def test_placed_at_the_end_of_the_content_before_feedback_navigation_and_comments(
    tmp_path: Path,
) -> None:
    config = {"theme": {"name": "material", "custom_dir": "overrides"}, "extra": FEEDBACK}
    extra_files = {"overrides/partials/comments.html": '<div id="test-comments">Comments</div>\n'}
    files = {
        "posts/older.md": post(title="Older", date="2026-11-19"),
        "posts/x.md": post(title="X", date="2026-11-20", full_story="https://x.org", body=BODY),
        "posts/newer.md": post(title="Newer", date="2026-11-21"),
    }
    site = build_site(
        tmp_path, config=config, files=files, extra_files=extra_files, strict=True, check=True
    )
    page = site.html("posts/x.md")
    card = only_card(page)
    article = card.parent
    assert isinstance(article, Tag) and article.name == "article"
    assert "md-content__inner" in article.get_attribute_list("class")
    last = card.find_previous_sibling()
    assert last is not None and last.name == "p" and last.get_text() == LAST
    feedback = page.select_one("form.md-feedback")
    comments = page.select_one("#test-comments")
    newer_older = page.select_one("nav.aiblog-newer-older")
    assert feedback is not None and comments is not None and newer_older is not None
    # The site's comments come last (tests/test_realsite_pageend.py).
    order = [position(page, tag) for tag in (last, card, feedback, newer_older, comments)]
    assert order == sorted(order), order
    # Nothing of the article's own content comes after the card.
    for tag in card.find_all_next(["p", "h2"]):
        assert tag.get_text(strip=True) not in (LEDE, LAST, "Why it matters")


# -- link safety -------------------------------------------------------------------

REJECTED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,hello",
    "vbscript:msgbox(1)",
    "//evil.example/path",
    "http://",
    "https://example.org/a page",
    "mailto:x@y",
    'https://example.org/" onmouseover="alert(1)',
]


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize("url", REJECTED)
def test_rejected_front_matter_url(tmp_path: Path, url: str) -> None:
    files = {"posts/x.md": post(title="X", full_story=url)}
    site = build_site(tmp_path / "build", files=files)
    message = only_warning(site, "posts/x.md: full_story.url: ")
    assert repr(url) in message
    assert cards(site, "posts/x.md") == []
    assert "aiblog-full-story" not in site.text("posts/x.md")
    strict = build_fails_strict(tmp_path / "strict", files=files)
    assert strict.warnings == site.warnings


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize("url", REJECTED)
def test_rejected_block_url(tmp_path: Path, url: str) -> None:
    option = "url: " + quoted(url)
    files = {"posts/x.md": post(title="X", body=with_block(option, body="Body."))}
    site = build_site(tmp_path / "build", files=files)
    message = only_warning(site, "posts/x.md: full_story.url: ")
    assert repr(url) in message
    assert cards(site, "posts/x.md") == []
    html = site.text("posts/x.md")
    assert "aiblog-full-story" not in html and "Body." not in html
    strict = build_fails_strict(tmp_path / "strict", files=files)
    assert strict.warnings == site.warnings


def test_rejected_block_url_on_a_page(tmp_path: Path) -> None:
    files = {"about.md": "# About\n\n" + with_block("url: javascript:alert(1)")}
    site = build_site(tmp_path, files=files)
    only_warning(site, "about.md: full_story.url: 'javascript:alert(1)'")
    assert cards(site, "about.md") == []


def test_nofollow_and_new_tab(tmp_path: Path) -> None:
    files = {
        "posts/ext.md": post(title="Ext", full_story="https://x.org/a"),
        "posts/int.md": post(title="Int", full_story="/about/"),
        "posts/rel.md": post(title="Rel", full_story="../../about/#team"),
        "about.md": "# About\n",
    }
    options = {"nofollow": True, "new_tab": True, "campaign": {"utm_source": "blog"}}
    cases: list[tuple[Mapping[str, Any], str | None, str | None]] = [
        ({}, "noopener", None),
        ({"nofollow": True}, "noopener nofollow", None),
        ({"new_tab": True}, "noopener noreferrer", "_blank"),
        (options, "noopener noreferrer nofollow", "_blank"),
    ]
    for number, (full_story, rel, target) in enumerate(cases):
        config = aiblog(full_story=dict(full_story))
        site = build_site(tmp_path / str(number), config=config, files=files, check=True)
        assert site.warnings == []
        external = words_of(the_card(site, "posts/ext.md"))
        assert (external["rel"], external["target"]) == (rel, target), full_story
        for page, href in (("posts/int.md", "/about/"), ("posts/rel.md", "../../about/#team")):
            internal = words_of(the_card(site, page))
            # Site-relative: no campaign, no nofollow, no new tab.
            assert (internal["href"], internal["rel"], internal["target"]) == (href, None, None)


def test_campaign_parameters(tmp_path: Path) -> None:
    config = aiblog(full_story={"campaign": {"utm_source": "blog", "utm_medium": "card"}})
    files = {
        "posts/query.md": post(title="Query", full_story="https://x.org/a?b=1#frag"),
        "posts/bare.md": post(title="Bare", full_story="https://x.org/a"),
        "posts/present.md": post(title="Present", full_story="https://x.org/a?utm_source=news"),
        "posts/internal.md": post(title="Internal", full_story="/about/?b=1#frag"),
        "posts/block.md": post(title="Block", body=with_block("url: https://x.org/b#top")),
    }
    site = build_site(tmp_path, config=config, files=files, strict=True, check=True)
    expected = {
        "posts/query.md": "https://x.org/a?b=1&utm_source=blog&utm_medium=card#frag",
        "posts/bare.md": "https://x.org/a?utm_source=blog&utm_medium=card",
        "posts/present.md": "https://x.org/a?utm_source=news&utm_medium=card",
        "posts/internal.md": "/about/?b=1#frag",
        "posts/block.md": "https://x.org/b?utm_source=blog&utm_medium=card#top",
    }
    for page, href in expected.items():
        assert words_of(the_card(site, page))["href"] == href
    # The `&` is escaped in the HTML source.
    raw = 'href="https://x.org/a?b=1&amp;utm_source=blog&amp;utm_medium=card#frag"'
    assert raw in site.text("posts/query.md")


# -- escaping ----------------------------------------------------------------------

PAYLOADS = {
    "title": "<script>alert(1)</script>",
    "text": '" onmouseover="alert(2)',
    "button": "<img src=x onerror=alert(3)>",
    "source": "\"'><b onclick=alert(4)>bold</b>",
}
ALLOWED_ATTRIBUTES = {
    "class",
    "id",
    "aria-labelledby",
    "aria-label",
    "aria-hidden",
    "href",
    "rel",
    "target",
    "xmlns",
    "viewbox",
    "d",
}
ALLOWED_TAGS = {"aside", "h2", "p", "div", "a", "span", "svg", "path"}


def assert_nothing_injected(soup: BeautifulSoup, card: Tag) -> None:
    for tag in [card, *card.find_all(True)]:
        assert tag.name in ALLOWED_TAGS, tag
        assert set(tag.attrs) <= ALLOWED_ATTRIBUTES, tag.attrs
    for tag in soup.find_all(True):
        assert not any(name.startswith("on") for name in tag.attrs), tag
    for script in soup.find_all("script"):
        assert "alert(" not in script.get_text()
    assert soup.find("b", string="bold") is None


def test_front_matter_values_are_escaped(tmp_path: Path) -> None:
    url = 'https://x.org/"><script>alert(5)</script>'
    files = {
        "posts/x.md": post(title="X", full_story={"url": "https://x.org/it's?a=1&b=2", **PAYLOADS}),
        "posts/generic.md": post(
            title="Generic",
            full_story={"url": "https://x.org/", "title": PAYLOADS["title"], "button": "Read more"},
        ),
        "posts/quote.md": post(title="Quote", full_story=url),
    }
    site = build_site(tmp_path, files=files)
    only_warning(site, "posts/quote.md: full_story.url: ")
    assert cards(site, "posts/quote.md") == []
    quote = site.html("posts/quote.md")
    assert all("alert(" not in script.get_text() for script in quote("script"))
    card = the_card(site, "posts/x.md")
    assert_nothing_injected(site.html("posts/x.md"), card)
    assert words_of(card) == {
        "title": PAYLOADS["title"],
        "text": PAYLOADS["text"],
        "button": PAYLOADS["button"],
        "source": "on " + PAYLOADS["source"],
        "href": "https://x.org/it's?a=1&b=2",
        "rel": "noopener",
        "target": None,
    }
    generic = the_card(site, "posts/generic.md")
    assert_nothing_injected(site.html("posts/generic.md"), generic)
    link = generic.select_one(BUTTON)
    assert link is not None and link["aria-label"] == f"Read more: {PAYLOADS['title']}"


def test_block_options_are_escaped(tmp_path: Path) -> None:
    options = [f"{name}: {quoted(value)}" for name, value in PAYLOADS.items() if name != "text"]
    literal = "a&colon;b &#106; &amp;"
    files = {
        "posts/x.md": post(title="X", body=with_block("url: https://x.org/", *options)),
        "posts/ref.md": post(title="Ref", body=with_block("url: /x/", f"title: '{literal}'")),
    }
    site = build_site(tmp_path, files=files, strict=True, check=True)
    card = the_card(site, "posts/x.md")
    assert_nothing_injected(site.html("posts/x.md"), card)
    found = words_of(card)
    assert (found["title"], found["button"], found["source"]) == (
        PAYLOADS["title"],
        PAYLOADS["button"],
        "on " + PAYLOADS["source"],
    )
    # Character references an author typed are shown as typed, not decoded.
    assert words_of(the_card(site, "posts/ref.md"))["title"] == literal


# -- wrong types and switching off ---------------------------------------------------


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize(
    ("value", "start"),
    [
        (5, "full_story: 5 is not a URL or a mapping"),
        (["a"], "full_story: ['a'] is not a URL or a mapping"),
        ({"url": "https://x.org", "colour": "red"}, "full_story.colour: unknown key"),
        ({"url": "https://x.org", "title": [1]}, "full_story.title: [1] is not a text"),
        ({"url": ["https://x.org"]}, "full_story.url: ['https://x.org'] is not a URL"),
        ({"title": "No URL"}, "full_story.url: missing"),
        ({"url": "https://x.org", "button": ""}, "full_story.button: empty"),
    ],
    ids=["int", "list", "unknown-key", "title-list", "url-list", "no-url", "empty-button"],
)
def test_wrong_front_matter_types(tmp_path: Path, value: object, start: str) -> None:
    files = {"posts/x.md": post(title="X", full_story=value)}
    site = build_site(tmp_path / "build", files=files)
    only_warning(site, f"posts/x.md: {start}")
    assert cards(site, "posts/x.md") == []
    build_fails_strict(tmp_path / "strict", files=files)


@pytest.mark.parametrize(
    ("option", "start"),
    [
        ("title: [1]", "full_story.title: [1] is not a text"),
        ("colour: red", "full_story.colour: unknown key"),
        ("url: [https://x.org]", "full_story.url: ['https://x.org'] is not a URL"),
    ],
)
def test_wrong_block_options(tmp_path: Path, option: str, start: str) -> None:
    options = ("url: https://x.org", option) if not option.startswith("url") else (option,)
    files = {"posts/x.md": post(title="X", body=with_block(*options, body="Body."))}
    site = build_site(tmp_path, files=files)
    only_warning(site, f"posts/x.md: {start}")
    assert cards(site, "posts/x.md") == []
    html = site.text("posts/x.md")
    assert "Body." not in html and "/// full-story" not in html


def test_disabled_option_means_no_card_and_no_warning(tmp_path: Path) -> None:
    config = aiblog(full_story={"enabled": False})
    files = {
        "posts/url.md": post(title="URL", full_story="https://x.org"),
        "posts/bad.md": post(title="Bad", full_story=5),
        "posts/evil.md": post(title="Evil", full_story="javascript:alert(1)"),
    }
    site = build_site(tmp_path, config=config, files=files, strict=True, check=True)
    assert site.warnings == []
    for page in files:
        assert "aiblog-full-story" not in site.text(page)


def test_disabled_option_removes_blocks(tmp_path: Path) -> None:
    config = aiblog(full_story={"enabled": False})
    files = {
        "posts/x.md": post(title="X", body=with_block("url: https://x.org/a", body="Body.")),
        "about.md": "# About\n\n" + with_block("url: javascript:alert(1)"),
    }
    site = build_site(tmp_path, config=config, files=files, strict=True, check=True)
    assert site.warnings == []
    for page in files:
        html = site.text(page)
        assert "aiblog-full-story" not in html, page
        assert "x.org/a" not in html and "javascript:" not in html


# -- landmark, button, print ---------------------------------------------------------


def test_card_is_a_labelled_aside_with_materials_button(tmp_path: Path) -> None:
    files = {"posts/x.md": post(title="X", full_story="https://x.org")}
    site = build_site(tmp_path, files=files, strict=True, check=True)
    page = site.html("posts/x.md")
    card = only_card(page)
    assert card.name == "aside"
    label = card.get("aria-labelledby")
    assert isinstance(label, str) and label
    matches = page.find_all(id=label)
    assert len(matches) == 1
    heading = matches[0]
    assert heading.find_parent("aside") is card and re.fullmatch("h[2-6]", heading.name)
    assert heading.get_text(strip=True) == EN_TITLE
    link = card.select_one(BUTTON)
    assert link is not None
    assert {"md-button", "md-button--primary"} <= set(link.get_attribute_list("class"))
    icon = link.select_one("svg")
    assert icon is not None and icon.find_parent(attrs={"aria-hidden": "true"}) is not None


def _print_rules(css: str) -> list[str]:
    """Give the bodies of every `@media print { ... }` rule of a stylesheet."""
    bodies = []
    for match in re.finditer(r"@media\s+print\s*\{", css):
        depth, index = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[index], 0)
            index += 1
        bodies.append(css[match.end() : index - 1])
    return bodies


def test_stylesheet_prints_the_address(tmp_path: Path) -> None:
    files = {"posts/x.md": post(title="X", full_story="https://x.org")}
    site = build_site(tmp_path, files=files, strict=True, check=True)
    links = [str(tag["href"]) for tag in site.html("posts/x.md").select("link[rel=stylesheet]")]
    ours = [href for href in links if href.endswith("aiblog.css")]
    assert len(ours) == 1
    css = (site.path("posts/x.md").parent / ours[0]).resolve().read_text(encoding="utf-8")
    rules = "\n".join(_print_rules(css))
    shown = re.search(r"\.aiblog-full-story__button::?after\s*\{([^}]*)\}", rules)
    assert shown is not None, rules
    assert re.search(r"content:[^;]*attr\(href\)", shown.group(1))


# -- the demo ------------------------------------------------------------------------


def test_every_demo_post_has_one_card(tmp_path: Path) -> None:
    """Built as `mkdocs serve` does, so the draft post is rendered too."""
    docs = REPO_ROOT / "docs"
    sources = sorted(path.relative_to(docs).as_posix() for path in docs.glob("posts/*.md"))
    assert "posts/agents-at-work.md" in sources
    with capture_mkdocs_logs() as logs:
        config = load_config(str(REPO_ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config, serve_url="http://127.0.0.1:8000/")
        finally:
            config.plugins.on_shutdown()
    full_story = [msg for level, msg in logs if level == "WARNING" and re.search("full.story", msg)]
    assert full_story == []
    campaign = "utm_source=aidispatch&utm_medium=full-story"
    for source in sources:
        html = (tmp_path / "site" / source.removesuffix(".md") / "index.html").read_text("utf-8")
        page = BeautifulSoup(html, "html.parser")
        found = page.select(CARD)
        assert len(found) == 1, source
        link = found[0].select_one(BUTTON)
        assert link is not None and campaign in str(link["href"]), source


def test_demo_draft_front_matter_is_a_valid_full_story() -> None:
    text = (REPO_ROOT / "docs/posts/agents-at-work.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n", 2)[1])
    assert front["draft"] is True
    defaults = Defaults(title="T", text="X", button="B")
    story, problems = parse_full_story(front["full_story"], defaults)
    assert problems == [] and story is not None and story.external
