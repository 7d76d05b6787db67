"""The emoji-headed sections extension, run through `markdown.Markdown`."""

from __future__ import annotations

from typing import Any

import markdown
import pytest
from material.extensions import emoji as material_emoji
from pymdownx import emoji as pymdownx_emoji
from pymdownx import slugs

from mkdocs_aiblog.markdown import emoji
from mkdocs_aiblog.markdown.emoji import as_emoji, match_emoji
from mkdocs_aiblog.markdown.headings import EmojiHeadingsExtension, makeExtension

EXT = "mkdocs_aiblog.headings"
# `pymdownx.emoji` as Material's documentation configures it.
MATERIAL = {
    "emoji_index": material_emoji.twemoji,
    "emoji_generator": material_emoji.to_svg,
}
BADGE = '<span aria-hidden="true" class="aiblog-emoji" data-search-exclude>'
ROCKET_IMG = (
    '<img alt="🚀" class="twemoji" '
    'src="https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/1f680.svg" '
    'title=":rocket:" />'
)


def convert(
    source: str,
    *,
    headings: dict[str, Any] | None = None,
    toc: dict[str, Any] | None = None,
    emoji: dict[str, Any] | None = None,
    extra: tuple[str, ...] = (),
    with_extension: bool = True,
) -> tuple[str, markdown.Markdown]:
    """Give the HTML of `source` and the Markdown instance that rendered it."""
    extensions: list[str | markdown.Extension] = ["toc", "attr_list", "pymdownx.emoji", *extra]
    if with_extension:
        extensions.append(EmojiHeadingsExtension(**(headings or {})))
    md = markdown.Markdown(
        extensions=extensions,
        extension_configs={
            "toc": toc or {},
            "pymdownx.emoji": MATERIAL if emoji is None else emoji,
        },
    )
    return md.convert(source), md


def names(md: markdown.Markdown) -> list[tuple[str, str]]:
    """Give (id, name) of every TOC entry, depth first."""
    out: list[tuple[str, str]] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            out.append((token["id"], token["name"]))
            walk(token["children"])

    walk(toc_tokens(md))
    return out


def toc_tokens(md: markdown.Markdown) -> list[dict[str, Any]]:
    """Give the tokens that `toc` attached to the Markdown instance."""
    tokens: list[dict[str, Any]] = getattr(md, "toc_tokens")  # noqa: B009 (set by `toc`)
    return tokens


def assert_untouched(source: str, **kwargs: Any) -> None:
    """Check that the extension changes nothing, byte for byte, TOC included."""
    html, md = convert(source, **kwargs)
    plain_html, plain_md = convert(source, with_extension=False, **kwargs)
    assert html == plain_html
    assert toc_tokens(md) == toc_tokens(plain_md)
    assert "aiblog" not in html


# Unicode emoji -----------------------------------------------------------------------


def test_leading_unicode_emoji_becomes_a_badge() -> None:
    html, md = convert("## 🚀 Why it matters")
    assert html == (
        f'<h2 class="aiblog-section" id="why-it-matters">{BADGE}🚀</span> Why it matters</h2>'
    )
    assert names(md) == [("why-it-matters", "🚀 Why it matters")]
    assert toc_tokens(md)[0]["html"] == "Why it matters"


def test_trailing_unicode_emoji_moves_before_by_default() -> None:
    html, md = convert("## Why it matters 🚀")
    assert html == (
        f'<h2 class="aiblog-section" id="why-it-matters">{BADGE}🚀</span> Why it matters</h2>'
    )
    assert names(md) == [("why-it-matters", "🚀 Why it matters")]


@pytest.mark.parametrize(
    "emoji",
    [
        "⚖️",  # VS16 after a text-default symbol
        "❤️",
        "👩‍💻",  # ZWJ sequence
        "🧑🏽‍🚀",  # ZWJ sequence with a skin tone
        "👍🏽",  # skin tone
        "🇺🇸",  # flag (regional indicator pair)
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿",  # subdivision flag (tag sequence)
        "1️⃣",  # keycap
        "#️⃣",
        "1⃣",  # keycap without its VS16
        "🏳️‍🌈",  # ZWJ sequence with an inner VS16
    ],
)
@pytest.mark.parametrize("leading", [True, False])
def test_unicode_sequences_are_taken_whole(emoji: str, leading: bool) -> None:
    source = f"## {emoji} Topic" if leading else f"## Topic {emoji}"
    html, md = convert(source)
    assert html == f'<h2 class="aiblog-section" id="topic">{BADGE}{emoji}</span> Topic</h2>'
    assert names(md) == [("topic", f"{emoji} Topic")]


@pytest.mark.parametrize("source", ["## Terms ™", "## © Acme", "## Next ▶", "## Made with ❤"])
def test_text_default_symbols_without_vs16_stay_text(source: str) -> None:
    assert_untouched(source)


def test_text_presentation_selector_keeps_a_symbol_as_text() -> None:
    assert_untouched("## ⚖\ufe0e Law")


def test_adjacent_emoji_form_one_badge() -> None:
    html, md = convert("## 🚀🔥 Launch")
    assert html == f'<h2 class="aiblog-section" id="launch">{BADGE}🚀🔥</span> Launch</h2>'
    html, md = convert("## 🚀 🔥 Launch")
    assert html == f'<h2 class="aiblog-section" id="launch">{BADGE}🚀 🔥</span> Launch</h2>'
    assert names(md) == [("launch", "🚀🔥 Launch")]


def test_leading_emoji_win_over_trailing_ones() -> None:
    html, md = convert("## 🚀 Launch day 🎉")
    assert html == (
        f'<h2 class="aiblog-section" id="launch-day">{BADGE}🚀</span> Launch day 🎉</h2>'
    )
    assert names(md) == [("launch-day", "🚀 Launch day 🎉")]


@pytest.mark.parametrize(
    "source",
    [
        "## 🚀",
        "## 🚀🔥",
        "## 🚀 :fire:",
        "## :rocket:",
        "## Why 🚀 it matters",  # middle
        "## Why :rocket: it matters",
        "## *🚀* Launch",  # inside emphasis
        "## [🚀](https://example.com) Launch",  # inside a link
        "## `🚀` Launch",  # inside code
        "## \\:rocket: Launch",  # an escaped shortcode is text
    ],
)
def test_only_middle_or_nested_emoji_are_left_alone(source: str) -> None:
    assert_untouched(source)


# Shortcodes, whatever the generator ---------------------------------------------------


def test_shortcode_with_materials_twemoji_svg() -> None:
    html, md = convert("## Why it matters :rocket:")
    assert html == (
        f'<h2 class="aiblog-section" id="why-it-matters">{BADGE}{ROCKET_IMG}</span>'
        " Why it matters</h2>"
    )
    assert names(md) == [("why-it-matters", "🚀 Why it matters")]


def test_material_icon_shortcode_has_no_toc_mark() -> None:
    html, md = convert("## :material-rocket: Launch")
    assert html.startswith(
        f'<h2 class="aiblog-section" id="launch">{BADGE}<span class="twemoji"><svg'
    )
    assert html.endswith("</svg></span></span> Launch</h2>")
    assert names(md) == [("launch", "Launch")]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("## Who is fighting whom :crossed_swords:", "⚔️ Who is fighting whom"),
        ("## :warning: The risks", "⚠️ The risks"),
    ],
)
def test_text_default_symbols_keep_their_toc_mark(source: str, name: str) -> None:
    # pymdownx writes alt="⚔" without the emoji variation selector the image implies.
    html, md = convert(source)
    assert 'class="aiblog-emoji"' in html
    assert names(md)[0][1] == name


def test_shortcode_with_png_images() -> None:
    emoji = {"emoji_index": pymdownx_emoji.twemoji, "emoji_generator": pymdownx_emoji.to_png}
    html, md = convert("## :rocket: Why it matters", emoji=emoji)
    assert html == (
        f'<h2 class="aiblog-section" id="why-it-matters">{BADGE}'
        '<img alt="🚀" class="twemoji" '
        'src="https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/72x72/1f680.png" '
        'title=":rocket:" /></span> Why it matters</h2>'
    )
    assert names(md) == [("why-it-matters", "🚀 Why it matters")]


def test_shortcode_with_unicode_output() -> None:
    emoji = {"emoji_generator": pymdownx_emoji.to_alt}
    html, md = convert("## Why it matters :rocket:", emoji=emoji)
    assert html == (
        f'<h2 class="aiblog-section" id="why-it-matters">{BADGE}🚀</span> Why it matters</h2>'
    )
    assert names(md) == [("why-it-matters", "🚀 Why it matters")]


def test_shortcode_with_entity_alt_and_custom_class() -> None:
    emoji = {"alt": "html_entity", "options": {"classes": "emoji"}}
    html, md = convert("## :rocket: Why it matters", emoji=emoji)
    assert f'id="why-it-matters">{BADGE}<img alt="&#x1f680;" class="emoji" ' in html
    assert names(md) == [("why-it-matters", "🚀 Why it matters")]


def test_shortcodes_and_unicode_mix_in_one_badge() -> None:
    html, md = convert("## 🚀 :fire: Launch")
    assert html.startswith(f'<h2 class="aiblog-section" id="launch">{BADGE}🚀 <img alt="🔥"')
    assert html.endswith('title=":fire:" /></span> Launch</h2>')
    assert names(md) == [("launch", "🚀🔥 Launch")]


# Anchors and the table of contents ----------------------------------------------------


def test_inline_markup_is_kept() -> None:
    html, md = convert("## 🚀 Use `run()` with [the docs](https://example.com) & *care*")
    assert html == (
        f'<h2 class="aiblog-section" id="use-run-with-the-docs-care">{BADGE}🚀</span>'
        ' Use <code>run()</code> with <a href="https://example.com">the docs</a>'
        " &amp; <em>care</em></h2>"
    )
    assert names(md) == [("use-run-with-the-docs-care", "🚀 Use run() with the docs &amp; care")]


def test_trailing_emoji_after_code() -> None:
    html, _ = convert("## Calling `x<y` ✅")
    assert html == (
        f'<h2 class="aiblog-section" id="calling-xy">{BADGE}✅</span>'
        " Calling <code>x&lt;y</code></h2>"
    )


def test_toc_mark_matches_the_name_toc_would_build() -> None:
    source = "## 🚀 A &amp; B <q>quoted</q> \\*star\\*"
    _, with_mark = convert(source)
    _, text_only = convert(source, headings={"toc": "text"})
    assert names(with_mark)[0][1] == "🚀 " + names(text_only)[0][1]
    assert names(text_only)[0][1] == "A &amp; B quoted *star*"


def test_custom_id_and_classes_from_attr_list_are_kept() -> None:
    html, md = convert("## 🚀 Why it matters { #custom .wide }")
    assert html == (
        f'<h2 class="wide aiblog-section" id="custom">{BADGE}🚀</span> Why it matters</h2>'
    )
    assert names(md) == [("custom", "🚀 Why it matters")]


def test_authors_toc_label_is_kept() -> None:
    html, md = convert('## 🚀 Why it matters { data-toc-label="Why" }')
    assert html == (
        f'<h2 class="aiblog-section" id="why-it-matters">{BADGE}🚀</span> Why it matters</h2>'
    )
    assert names(md) == [("why-it-matters", "Why")]


def test_duplicates_get_unique_ids() -> None:
    source = "## 🚀 Why it matters\n\n## Why it matters :rocket:\n\n## Why it matters\n"
    _, md = convert(source)
    assert [i for i, _ in names(md)] == ["why-it-matters", "why-it-matters_1", "why-it-matters_2"]
    assert [n for _, n in names(md)] == ["🚀 Why it matters", "🚀 Why it matters", "Why it matters"]


def shout(value: str, separator: str) -> str:
    """A site's own slugify function."""
    return "s" + separator + separator.join(value.upper().split())


@pytest.mark.parametrize("source", ["## 🚀 Why it matters", "## Why it matters :rocket:"])
@pytest.mark.parametrize(
    ("slugify", "expected"),
    [
        (slugs.slugify(case="lower"), "why-it-matters"),
        (slugs.slugify(case="lower", percent_encode=True), "why-it-matters"),
        (shout, "s-WHY-IT-MATTERS"),
    ],
)
def test_ids_use_the_sites_slugify(source: str, slugify: Any, expected: str) -> None:
    _, md = convert(source, toc={"slugify": slugify})
    assert names(md) == [(expected, "🚀 Why it matters")]


def test_without_the_extension_the_emoji_leaks_into_the_id() -> None:
    # The reason the extension exists: `pymdownx.slugs` keeps the blank after 🚀.
    _, md = convert(
        "## 🚀 Why it matters", toc={"slugify": slugs.slugify(case="lower")}, with_extension=False
    )
    assert names(md) == [("-why-it-matters", "🚀 Why it matters")]


def test_slugify_sees_the_clean_text() -> None:
    seen: list[str] = []

    def record(value: str, separator: str) -> str:
        seen.append(value)
        return "x"

    convert("## 🚀 Why it matters\n\n## Why it matters :rocket:", toc={"slugify": record})
    assert seen == ["Why it matters", "Why it matters"]


def test_permalink_stays_last_and_anchorlink_wraps_the_badge() -> None:
    html, _ = convert(
        "## Why it matters 🚀", toc={"permalink": True}, headings={"position": "after"}
    )
    assert html == (
        '<h2 class="aiblog-section" id="why-it-matters">Why it matters '
        '<span aria-hidden="true" class="aiblog-emoji aiblog-emoji--after" '
        'data-search-exclude>🚀</span><a class="headerlink" href="#why-it-matters" '
        'title="Permanent link">&para;</a></h2>'
    )
    html, _ = convert("## 🚀 Why it matters", toc={"anchorlink": True})
    assert html == (
        '<h2 class="aiblog-section" id="why-it-matters"><a class="toclink" '
        f'href="#why-it-matters">{BADGE}🚀</span> Why it matters</a></h2>'
    )


def test_without_toc_no_label_leaks() -> None:
    md = markdown.Markdown(extensions=[EXT])
    assert md.convert("## 🚀 Why it matters") == (
        f'<h2 class="aiblog-section">{BADGE}🚀</span> Why it matters</h2>'
    )


# Options -------------------------------------------------------------------------------


def test_levels_default_to_h2_and_h3() -> None:
    html, _ = convert("# 🚀 Title\n\n## 🚀 Two\n\n### 🚀 Three\n\n#### 🚀 Four\n")
    assert '<h1 id="title">🚀 Title</h1>' in html
    assert '<h4 id="four">🚀 Four</h4>' in html
    assert html.count('class="aiblog-section"') == 2


def test_levels_option() -> None:
    html, _ = convert("## 🚀 Two\n\n#### 🚀 Four\n", headings={"levels": [4]})
    assert '<h2 id="two">🚀 Two</h2>' in html
    assert f'<h4 class="aiblog-section" id="four">{BADGE}🚀</span> Four</h4>' in html


@pytest.mark.parametrize(
    ("position", "source", "expected"),
    [
        ("after", "## 🚀 Go", 'Go <span aria-hidden="true" class="{c} {c}--after"'),
        ("keep", "## 🚀 Go", '<span aria-hidden="true" class="{c}" data'),
        ("keep", "## Go 🚀", 'Go <span aria-hidden="true" class="{c} {c}--after"'),
        ("before", "## Go 🚀", '<span aria-hidden="true" class="{c}" data'),
    ],
)
def test_position_option(position: str, source: str, expected: str) -> None:
    html, md = convert(source, headings={"position": position})
    assert html.startswith(
        '<h2 class="aiblog-section" id="go">' + expected.format(c="aiblog-emoji")
    )
    assert names(md) == [("go", "🚀 Go")]  # The TOC mark always leads.


@pytest.mark.parametrize("size", ["small", "medium", "large"])
def test_size_option(size: str) -> None:
    html, _ = convert("## 🚀 Go", headings={"size": size})
    # Medium is the badge's own size, with no modifier class to carry.
    badge = "aiblog-emoji" if size == "medium" else f"aiblog-emoji aiblog-emoji--{size}"
    assert f'class="{badge}"' in html


def test_toc_text_option() -> None:
    html, md = convert("## 🚀 Why it matters\n\n### Details :rocket:", headings={"toc": "text"})
    assert names(md) == [("why-it-matters", "Why it matters"), ("details", "Details")]
    assert "data-toc-label" not in html


def test_section_class_option() -> None:
    html, _ = convert("## 🚀 Go", headings={"section_class": False})
    assert html == f'<h2 id="go">{BADGE}🚀</span> Go</h2>'


@pytest.mark.parametrize(
    "config",
    [
        {"levels": [7]},
        {"levels": ["x"]},
        {"levels": []},
        {"position": "left"},
        {"size": "xl"},
        {"toc": "no"},
    ],
)
def test_invalid_options_are_refused(config: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"^mkdocs_aiblog\.headings: "):
        markdown.Markdown(extensions=[makeExtension(**config)])


def test_configured_by_name_as_mkdocs_does() -> None:
    md = markdown.Markdown(
        extensions=["toc", EXT], extension_configs={EXT: {"size": "large", "levels": [2]}}
    )
    assert 'aiblog-emoji--large"' in md.convert("## 🚀 Go")


def test_extension_order_does_not_matter() -> None:
    source = "## 🚀 Why { #why }\n\n## Later :rocket:\n"
    outputs = set()
    for extensions in (
        [EXT, "pymdownx.emoji", "attr_list", "toc"],
        ["toc", "attr_list", "pymdownx.emoji", EXT],
        ["attr_list", EXT, "toc", "pymdownx.emoji"],
    ):
        md = markdown.Markdown(
            extensions=extensions, extension_configs={"pymdownx.emoji": MATERIAL}
        )
        outputs.add((md.convert(source), str(toc_tokens(md))))
    assert len(outputs) == 1
    html, toc = outputs.pop()
    assert 'id="why"' in html and 'id="later"' in html and "🚀 Later" in toc


def test_instance_is_reusable_across_documents() -> None:
    md = markdown.Markdown(extensions=["toc", EXT])
    first = md.convert("## 🚀 One")
    md.reset()
    assert md.convert("## Two") == '<h2 id="two">Two</h2>'
    md.reset()
    assert md.convert("## 🚀 One") == first


# Containers ----------------------------------------------------------------------------


def test_headings_inside_admonition_tab_and_list() -> None:
    source = (
        "!!! note\n\n    ## 🚀 In a note\n\n"
        '=== "Tab"\n\n    ## In a tab :rocket:\n\n'
        "- ## 🚀 In a list\n"
    )
    html, md = convert(source, extra=("admonition", "pymdownx.superfences", "pymdownx.tabbed"))
    assert f'<h2 class="aiblog-section" id="in-a-note">{BADGE}🚀</span> In a note</h2>' in html
    assert (
        f'<h2 class="aiblog-section" id="in-a-tab">{BADGE}{ROCKET_IMG}</span> In a tab</h2>' in html
    )
    assert (
        f'<li>\n<h2 class="aiblog-section" id="in-a-list">{BADGE}🚀</span> In a list</h2>' in html
    )
    assert names(md) == [
        ("in-a-note", "🚀 In a note"),
        ("in-a-tab", "🚀 In a tab"),
        ("in-a-list", "🚀 In a list"),
    ]


def test_document_without_emoji_headings_is_byte_identical() -> None:
    source = (
        "# Title\n\nLede with 🚀 and :rocket: in a paragraph.\n\n"
        "## Plain `code` [link](x) *em*\n\n### Ends with a digit 1\n\n"
        "## Café ünïcode — dash\n\n## Quote <q>raw</q>\n\n"
        "!!! note\n\n    ## Inside\n\n- ## In a list\n\n## Plain\n\n## Plain\n"
    )
    assert_untouched(source, toc={"permalink": True}, extra=("admonition",))


# The emoji matcher ---------------------------------------------------------------------


def test_match_emoji_finds_whole_sequences() -> None:
    assert match_emoji("👩‍💻 dev") == len("👩‍💻")
    assert match_emoji("x🚀", 1) == 2
    assert match_emoji("1 step") == -1
    assert match_emoji("© 2026") == -1
    assert match_emoji("©️ 2026") == 2
    assert match_emoji("") == -1


def test_as_emoji() -> None:
    assert as_emoji(" 🚀 ") == "🚀"
    assert as_emoji("\x02amp\x03#x1f680;") == "🚀"
    assert as_emoji(":rocket:") == ""
    assert as_emoji("🚀 go") == ""
    assert as_emoji(None) == ""


def test_footnote_blocks_admonition_and_md_in_html() -> None:
    source = (
        "## 🚀 Title[^1]\n\n[^1]: Note.\n\n"
        "/// note\n## Inside 🎯\n///\n\n"
        "<div markdown>\n## 🧪 In html\n</div>\n"
    )
    html, md = convert(
        source, extra=("footnotes", "pymdownx.blocks.admonition", "md_in_html"), emoji={}
    )
    assert (
        f'<h2 class="aiblog-section" id="title">{BADGE}🚀</span> Title<sup id="fnref:1">'
    ) in html
    assert f'<h2 class="aiblog-section" id="inside">{BADGE}🎯</span> Inside</h2>' in html
    assert f'<h2 class="aiblog-section" id="in-html">{BADGE}🧪</span> In html</h2>' in html
    assert names(md) == [("title", "🚀 Title"), ("inside", "🎯 Inside"), ("in-html", "🧪 In html")]


def test_only_a_sequences_first_character_may_be_ascii() -> None:
    # `match_emoji` stops at the first ASCII character after the start (keycaps
    # such as `1️⃣` begin with one); a database with other sequences would need more.
    _, _, sequences, longest = emoji._data()
    assert sequences and longest >= 2
    assert not [s for s in sequences if any(c.isascii() for c in s[1:])]
