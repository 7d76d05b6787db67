"""Closing emoji (`closing_emoji`), through `markdown.Markdown`: exact HTML and TOC."""

from __future__ import annotations

import re
from typing import Any

import markdown
import pytest
from material.extensions import emoji as material_emoji
from pymdownx import emoji as pymdownx_emoji

from mkdocs_aiblog.markdown.headings import EmojiHeadingsExtension

MATERIAL = {"emoji_index": material_emoji.twemoji, "emoji_generator": material_emoji.to_svg}
ON = {"closing_emoji": True}


def convert(source: str, **headings: Any) -> tuple[str, list[dict[str, Any]]]:
    """Give the HTML of `source` and its TOC tokens, with Material's emoji setup."""
    md = markdown.Markdown(
        extensions=[
            "toc",
            "attr_list",
            "pymdownx.emoji",
            "admonition",
            EmojiHeadingsExtension(**headings),
        ],
        extension_configs={"toc": {"permalink": True}, "pymdownx.emoji": MATERIAL},
    )
    html = md.convert(source)
    return html, md.toc_tokens  # type: ignore[attr-defined]


def headings(html: str) -> list[str]:
    return re.findall(r"<h[1-6].*?</h[1-6]>", html, re.DOTALL)


def paragraphs(html: str) -> list[str]:
    return re.findall(r"<p>.*?</p>", html, re.DOTALL)


OPTIONS = [
    {},
    {"position": "after"},
    {"position": "keep"},
    {"size": "large", "toc": "text"},
    {"section_class": False},
    {"levels": [2]},
]
MARKS = ["🚀", ":rocket:", "👩🏽‍💻", "❤️", "🇪🇺", "1️⃣", ":material-rocket:", "🚀 🌍"]


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("mark", MARKS)
def test_a_closing_emoji_heads_its_section_as_if_written_in_the_heading(
    options: dict[str, Any], mark: str
) -> None:
    written, written_toc = convert(f"Lede.\n\n## Why it matters {mark}\n\nThe end.\n", **options)
    closing, closing_toc = convert(
        f"Lede.\n\n## Why it matters\n\nThe end. {mark}\n", **options, **ON
    )
    assert headings(closing) == headings(written)
    assert closing_toc == written_toc
    assert "aiblog-emoji" in closing
    # `keep` (the default): the paragraph is the author's.
    assert paragraphs(closing)[1] == paragraphs(convert(f"The end. {mark}\n")[0])[0]


def test_each_section_takes_its_own_closing_emoji() -> None:
    source = (
        "# Title\n\nLede. 🎉\n\n"
        "## One\n\nFirst. 🤝\n\n"
        "## Two\n\nSecond. ⚖️\n\n### Two and a half\n\nDeeper. 🧪\n\n"
        "## Three\n\nNo emoji here.\n\n"
        "## Four\n\n1. a list\n2. ends it 🚀\n"
    )
    html, toc = convert(source, **ON)
    badges = dict(re.findall(r'id="([^"]+)"><span[^>]*aiblog-emoji[^>]*>(.*?)</span>', html))
    # H1 is not a looked-at level; an H3 closes its own section, not its parent's.
    assert badges == {"one": "🤝", "two-and-a-half": "🧪"}
    names = [(t["id"], t["name"]) for t in toc[0]["children"]]
    assert names[:2] == [("one", "🤝 One"), ("two", "Two")]


@pytest.mark.parametrize(
    "ending",
    [
        "[a link 🚀](https://example.com)",
        "*emphasis 🚀*",
        "**strong :rocket:**",
        "`code 🚀`",
        "<span>raw 🚀</span>",
        "🚀 at the start only",
        "in 🚀 the middle",
        "a text-style symbol ©",
        "🚀",  # nothing but emoji
    ],
)
def test_an_emoji_that_does_not_end_the_text_heads_nothing(ending: str) -> None:
    source = f"## Section\n\nSome words, then {ending}\n"
    if ending == "🚀":
        source = "## Section\n\n🚀\n"
    html, toc = convert(source, **ON)
    assert html == convert(source)[0]
    assert toc[0]["name"] == "Section"


@pytest.mark.parametrize(
    "after",
    [
        "🤝 [The source](https://example.com/a)",
        "🤝\n\n[Read the original](https://example.com/a)",
        "🤝\n\n<!-- more -->",
        "🤝   ",
    ],
)
def test_a_closing_link_comment_or_blank_is_passed_over(after: str) -> None:
    html, _ = convert(f"## Section\n\nThe end. {after}\n\n## Next\n\nText.\n", **ON)
    assert 'id="section"><span aria-hidden="true" class="aiblog-emoji"' in html


def test_move_takes_the_emoji_out_of_the_paragraph() -> None:
    html, _ = convert(
        "## A\n\nThe end. 🤝\n\n## B\n\nSource below. :rocket: [Source](https://x.org)\n",
        closing_emoji=True,
        closing="move",
    )
    assert paragraphs(html) == [
        "<p>The end.</p>",
        '<p>Source below. <a href="https://x.org">Source</a></p>',
    ]
    assert html.count("aiblog-emoji") == 2


def test_a_heading_with_its_own_emoji_keeps_it() -> None:
    for heading in ("## 🧭 Own", "## Own 🧭"):
        html, _ = convert(f"{heading}\n\nThe end. 🤝\n", **ON)
        assert "🧭" in headings(html)[0] and "🤝" not in headings(html)[0]


def test_sections_in_admonitions_and_lists_are_not_sections() -> None:
    source = (
        '!!! note "Aside"\n\n    ## Inside\n\n    The end. 🤝\n\n'
        "1. Item\n\n    ## In a list\n\n    The end. 🤝\n"
    )
    html, _ = convert(source, **ON)
    assert "aiblog-emoji" not in html


def test_a_section_that_ends_on_a_list_or_heading_gets_nothing() -> None:
    html, _ = convert("## A\n\nText. 🚀\n\n- one\n- two 🚀\n\n## B\n\n## C\n\nText.\n", **ON)
    assert "aiblog-emoji" not in html


def test_a_numbered_heading_keeps_its_number_first() -> None:
    html, toc = convert("## 3. Rules\n\nThe end. ⭐\n", **ON)
    written, written_toc = convert("## 3. Rules ⭐\n\nThe end.\n")
    assert headings(html) == headings(written) and toc == written_toc


def test_a_custom_id_stays() -> None:
    html, _ = convert("## Section { #mine }\n\nThe end. 🤝\n", **ON)
    assert 'id="mine"' in html and "aiblog-emoji" in html


def test_off_by_default_and_invalid_mode_refused() -> None:
    source = "## Section\n\nThe end. 🤝\n"
    assert convert(source)[0] == convert(source, closing_emoji=False, closing="move")[0]
    assert "aiblog-emoji" not in convert(source)[0]
    with pytest.raises(ValueError, match="closing"):
        convert(source, closing="drop")


def test_the_full_story_block_is_passed_over() -> None:
    md = markdown.Markdown(
        extensions=["toc", "mkdocs_aiblog.blocks", EmojiHeadingsExtension(**ON)],
    )
    html = md.convert("## A\n\nText. 🤝\n\n/// full-story\n    url: https://x.org\n///\n")
    assert html.startswith('<h2 class="aiblog-section" id="a"><span aria-hidden="true"')


@pytest.mark.parametrize(
    "text",
    [
        "これで終わりです。🤝",  # no ASCII before the run
        "Count: #️⃣",  # a keycap begins with an ASCII character
        "Two kinds, :rocket: and 🤝",  # a shortcode, then Unicode: one run of two
        "Ends 1234 🤝",
    ],
)
def test_the_run_is_found_whatever_precedes_it(text: str) -> None:
    html, _ = convert(f"## Section\n\n{text}\n", **ON)
    written, _ = convert(f"## Section\n\n{text}\n")
    assert 'id="section"><span aria-hidden="true" class="aiblog-emoji"' in html
    assert paragraphs(html) == paragraphs(written)


def test_unicode_stashed_by_to_alt_closes_a_section() -> None:
    md = markdown.Markdown(
        extensions=["toc", "pymdownx.emoji", EmojiHeadingsExtension(**ON)],
        extension_configs={"pymdownx.emoji": {"emoji_generator": pymdownx_emoji.to_alt}},
    )
    html = md.convert("## Section\n\nThe end. :handshake:\n")
    assert html == (
        '<h2 class="aiblog-section" id="section"><span aria-hidden="true" class="aiblog-emoji"'
        " data-search-exclude>🤝</span> Section</h2>\n<p>The end. 🤝</p>"
    )
