"""The `/// full-story` block through Python-Markdown: exact slot markup, then extraction."""

from __future__ import annotations

import textwrap

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from pymdownx.blocks import BlocksMgrExtension, BlocksProcessor

from mkdocs_aiblog.core.fullstory import MARKER, Defaults, extract_slot, merge, parse_full_story
from mkdocs_aiblog.markdown.blocks import AiblogBlocksExtension
from mkdocs_aiblog.markdown.quickblocks import QuickBlocksProcessor

EXTENSIONS = ["mkdocs_aiblog.blocks", "pymdownx.blocks.admonition", "attr_list", "md_in_html"]
SLOTS = {"mkdocs_aiblog.blocks": {"slots": True}}
"""As the plugin lists the extension: each block leaves its slot (see test_standalone.py)."""


def convert(source: str, extensions: list[object] | None = None) -> str:
    md = markdown.Markdown(extensions=extensions or EXTENSIONS, extension_configs=SLOTS)  # type: ignore[arg-type]
    return md.convert(textwrap.dedent(source).strip())


def test_block_with_options_and_markdown_body() -> None:
    html = convert(
        """
        Before.

        /// full-story
            url: https://example.com/a?x=1&y=2
            title: The long read
            button: Read the interview
            source: Example "News" <b>

        The *whole* story, with [a link](https://example.com/).
        ///

        After.
        """
    )
    assert html == (
        "<p>Before.</p>\n"
        '<div class="aiblog-full-story-slot" data-button="Read the interview"'
        ' data-source="Example &quot;News&quot; &lt;b&gt;" data-title="The long read"'
        ' data-url="https://example.com/a?x=1&amp;y=2">\n'
        '<p>The <em>whole</em> story, with <a href="https://example.com/">a link</a>.</p>\n'
        "</div>\n"
        "<p>After.</p>"
    )
    result, values, count = extract_slot(html)
    assert (result, count) == (f"<p>Before.</p>\n{MARKER}\n<p>After.</p>", 1)
    assert values == {
        "url": "https://example.com/a?x=1&y=2",
        "title": "The long read",
        "button": "Read the interview",
        "source": 'Example "News" <b>',
        "text_html": Markup(
            '<p>The <em>whole</em> story, with <a href="https://example.com/">a link</a>.</p>'
        ),
    }


def test_block_without_url_takes_the_front_matter() -> None:
    html = convert(
        """
        /// full-story | A title from the argument
        ///
        """
    )
    assert (
        html == '<div class="aiblog-full-story-slot" data-title="A title from the argument"></div>'
    )
    _, values, _ = extract_slot(html)
    story, problems = parse_full_story(merge(values, "https://e.com/"), Defaults("T", "t", "B"))
    assert problems == []
    assert story is not None
    assert (story.url, story.title, story.text) == (
        "https://e.com/",
        "A title from the argument",
        "t",
    )


def test_title_option_wins_over_the_argument() -> None:
    html = convert(
        """
        /// full-story | Argument
            title: Option
        ///
        """
    )
    assert html == '<div class="aiblog-full-story-slot" data-title="Option"></div>'


def test_block_inside_other_blocks_and_lists() -> None:
    html = convert(
        """
        /// note | Note
        /// full-story
            url: /posts/x/
        Inner.
        ///
        ///

        - item

            /// full-story
            ///
        """
    )
    assert html == (
        '<div class="admonition note">\n'
        '<p class="admonition-title">Note</p>\n'
        '<div class="aiblog-full-story-slot" data-url="/posts/x/">\n'
        "<p>Inner.</p>\n"
        "</div>\n"
        "</div>\n"
        "<ul>\n"
        "<li>\n"
        "<p>item</p>\n"
        '<div class="aiblog-full-story-slot"></div>\n'
        "</li>\n"
        "</ul>"
    )
    result, values, count = extract_slot(html)
    assert count == 2
    assert values == {"url": "/posts/x/", "text_html": Markup("<p>Inner.</p>")}
    assert result.count(MARKER) == 1 and "aiblog-full-story-slot" not in result


def test_bad_values_and_unknown_keys_reach_the_problems() -> None:
    html = convert(
        """
        /// full-story
            url: [1, 2]
            title: 2024-01-02
            button: 3
            urll: x
            attrs: {class: y}
        ///
        """
    )
    assert 'data-button="3"' in html and 'class="aiblog-full-story-slot"' in html
    _, values, _ = extract_slot(html)
    _, problems = parse_full_story(merge(values, None), Defaults("T", "t", "B"))
    assert problems == [
        "full_story.urll: unknown key; expected one of url, title, text, button, source",
        "full_story.attrs: unknown key; expected one of url, title, text, button, source",
        "full_story.url: [1, 2] is not a URL",
        "full_story.title: datetime.date(2024, 1, 2) is not a text",
    ]


def test_dangerous_url_is_carried_then_refused() -> None:
    html = convert(
        """
        /// full-story
            url: "javascript:alert(1)"
        ///
        """
    )
    assert html == '<div class="aiblog-full-story-slot" data-url="javascript:alert(1)"></div>'
    _, values, _ = extract_slot(html)
    assert parse_full_story(merge(values, "https://e.com/"), Defaults("T", "t", "B")) == (
        None,
        ["full_story.url: 'javascript:alert(1)' is not an http, https or site-relative URL"],
    )


def test_other_blocks_still_work_and_listing_twice_is_harmless() -> None:
    source = """
        /// admonition | Hi
            type: tip
        Tip.
        ///

        /// full-story
        ///
        """
    html = convert(
        source, [*EXTENSIONS, AiblogBlocksExtension(slots=True), "pymdownx.blocks.details"]
    )
    assert html == (
        '<div class="admonition tip">\n<p class="admonition-title">Hi</p>\n<p>Tip.</p>\n</div>\n'
        '<div class="aiblog-full-story-slot"></div>'
    )


def test_state_does_not_leak_between_documents() -> None:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=SLOTS)
    first = md.convert("/// full-story\n    urll: x\n///")
    md.reset()
    second = md.convert("/// full-story\n    url: /a/\n///")
    assert "data-invalid" in first
    assert second == '<div class="aiblog-full-story-slot" data-url="/a/"></div>'


@pytest.mark.parametrize("header", ["    url: [unclosed", "    - a list"])
def test_header_that_is_no_mapping_leaves_a_slot_not_the_text(header: str) -> None:
    """pymdownx would print the block as text; here it is a slot with one problem."""
    html = convert(f"/// full-story\n{header}\n///")
    assert extract_slot(html)[2] == 1 and "///" not in html.replace("/// full-story:", "")


def test_a_number_is_not_a_url() -> None:
    # Front matter refuses `url: 2024`; the block must not turn it into href="2024".
    html = markdown.Markdown(extensions=["mkdocs_aiblog.blocks"], extension_configs=SLOTS).convert(
        "/// full-story\n    url: 2024\n    title: 7\n///\n"
    )
    _, values, _ = extract_slot(html)
    assert values is not None
    assert values["title"] == "7"
    assert "url" in values and not isinstance(values["url"], str)


# The quick block manager (`QuickBlocksProcessor`) against pymdownx's own ------------

# Lines that open, close, nest and indent blocks, with text, lists and quotes between.
_LINES = st.sampled_from(
    [
        "/// full-story",
        "/// post-list",
        "/// admonition | Note",
        "/// details | More",
        "///",
        "////",
        "//// admonition",
        "    url: /a/",
        "    type: tip",
        "    page: 2",
        "    - not a mapping",
        "Text with a / slash // and more.",
        "- a list item",
        "    indented text",
        "> quoted /// text",
        "",
    ]
)


def _manager(md: markdown.Markdown) -> object:
    return md.parser.blockprocessors["blocks"]


@given(st.lists(_LINES, max_size=14))
@settings(max_examples=300, deadline=None)
def test_quick_manager_renders_as_pymdownx_own(lines: list[str]) -> None:
    """Listed first, the extension makes the quick manager; listed after, pymdownx's."""
    source = "\n".join(lines)
    quick = markdown.Markdown(extensions=EXTENSIONS, extension_configs=SLOTS)
    plain = markdown.Markdown(extensions=[*EXTENSIONS[1:], EXTENSIONS[0]], extension_configs=SLOTS)
    assert type(_manager(quick)) is QuickBlocksProcessor
    assert type(_manager(plain)) is BlocksProcessor
    assert quick.convert(source) == plain.convert(source)


@given(st.lists(_LINES, max_size=6).map("\n".join) | st.text("/ \n|-abc", max_size=30))
@settings(max_examples=300, deadline=None)
def test_quick_test_answers_as_pymdownx_with_no_block_open(block: str) -> None:
    """The shortcut's own condition: nothing open, so pymdownx only looks for a start."""
    answers = []
    for extensions in (EXTENSIONS, [*EXTENSIONS[1:], EXTENSIONS[0]]):
        md = markdown.Markdown(extensions=extensions, extension_configs=SLOTS)
        manager = md.parser.blockprocessors["blocks"]
        answers.append(manager.test(md.parser.parseDocument([]).getroot(), block))
    assert answers[0] == answers[1]


def test_quick_manager_registers_as_pymdownx_own() -> None:
    """Its `extendMarkdown` repeats pymdownx's `BlocksMgrExtension`: the same places."""

    def places(md: markdown.Markdown) -> tuple[object, ...]:
        blocks, tree = md.parser.blockprocessors, md.treeprocessors
        return (
            sorted((item.name, item.priority) for item in blocks._priority),
            sorted((item.name, item.priority) for item in tree._priority),
            md.ESCAPED_CHARS,
            [type(ext).__name__ for ext in md.registeredExtensions],
        )

    quick = markdown.Markdown(extensions=["mkdocs_aiblog.blocks"])
    plain = markdown.Markdown(extensions=[BlocksMgrExtension(), "mkdocs_aiblog.blocks"])
    assert type(_manager(quick)) is QuickBlocksProcessor
    quick_places, plain_places = places(quick), places(plain)
    assert quick_places[:3] == plain_places[:3]
    assert quick_places[3] == [
        "QuickBlocksManager" if name == "BlocksMgrExtension" else name for name in plain_places[3]
    ]
