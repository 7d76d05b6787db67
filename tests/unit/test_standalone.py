"""The blocks where no plugin runs (Zensical, plain Python-Markdown): the card, the note.

A bare `markdown.Markdown` with `mkdocs_aiblog.blocks` listed as a user lists it
(no `slots: true`): a `/// full-story` block with its own `url` is the whole card,
the same markup the plugin's partial renders; a `/// post-list` is a note, never
an empty slot. The site-level counterpart is tests/builds/test_zensical.py.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import markdown
import material
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aiblog import stylesheet
from mkdocs_aiblog.core.fullstory import Defaults, FullStory, parse_full_story
from mkdocs_aiblog.markdown import standalone
from mkdocs_aiblog.markdown.standalone import ARROW, NOTE, NOTE_CLASS, card_html

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "mkdocs_aiblog" / "templates"
EXTENSIONS = ["mkdocs_aiblog.blocks", "attr_list", "md_in_html", "pymdownx.blocks.admonition"]
ENGLISH = Defaults(
    title="Explore the full story",
    text="Curious to dive deeper? The original article has the whole story.",
    button="Read the full article",
)


def convert(source: str, **options: Any) -> str:
    md = markdown.Markdown(
        extensions=EXTENSIONS, extension_configs={"mkdocs_aiblog.blocks": options}
    )
    return md.convert(textwrap.dedent(source).strip())


def partial(story: FullStory) -> str:
    """Give what the plugin's `aiblog/full-story.html` renders for `story`, with Material's icon."""
    loader = jinja2.FileSystemLoader([TEMPLATES, Path(material.__file__).parent / "templates"])
    env = jinja2.Environment(loader=loader, autoescape=False)
    return env.get_template("aiblog/full-story.html").render(
        aiblog=SimpleNamespace(full_story=story),
        icon=lambda name: env.get_template(f".icons/{name}.svg").render(),
    )


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


# -- the card's markup is the partial's ---------------------------------------------------


def test_the_icon_is_materials_arrow() -> None:
    icon = Path(material.__file__).parent / "templates/.icons/material/arrow-right.svg"
    assert icon.read_text(encoding="utf-8").strip() == ARROW


HOSTILE = ["<script>alert(1)</script>", '" onmouseover="x', "' onfocus='x", "a & b &amp; &#106;"]


@pytest.mark.parametrize(
    ("value", "defaults"),
    [
        ("https://example.com/a?x=1#f", ENGLISH),
        ({"url": "/posts/a/", "text": "Plain & <b>text</b>"}, ENGLISH),
        (
            {
                "url": "https://e.com/",
                "title": HOSTILE[0],
                "button": "Read more",
                "source": HOSTILE[1],
            },
            Defaults("T", "t", "B", nofollow=True, new_tab=True, campaign={"utm_source": "x"}),
        ),
        *[
            ({"url": "https://e.com/", "title": p, "source": p, "button": p}, ENGLISH)
            for p in HOSTILE
        ],
        ({"url": "https://e.com/", "text": ""}, Defaults("T", "", "B")),
    ],
)
def test_card_html_is_what_the_partial_renders(value: object, defaults: Defaults) -> None:
    story, problems = parse_full_story(value, defaults)
    assert story is not None and problems == []
    assert card_html(story) == partial(story)


_words = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(title=_words, button=_words, source=_words | st.none(), text=_words | st.none())
def test_card_html_is_the_partial_for_any_words(
    title: str, button: str, source: str | None, text: str | None
) -> None:
    value = {"url": "https://e.com/x", "title": title, "button": button}
    value |= {"source": source} if source else {}
    value |= {"text": text} if text else {}
    story, _ = parse_full_story(value, ENGLISH)
    if story is not None:  # blank words are refused, as under the plugin
        assert card_html(story) == partial(story)


# -- a bare Python-Markdown -----------------------------------------------------------------


def test_a_block_with_url_is_the_whole_card(caplog: pytest.LogCaptureFixture) -> None:
    html = convert(
        """
        Before.

        /// full-story | The long read
            url: https://example.com/a?x=1
            source: Example News

        The *whole* story.
        ///

        After.
        """,
        campaign={"utm_source": "blog"},
        new_tab=True,
    )
    story, _ = parse_full_story(
        {"url": "https://example.com/a?x=1", "title": "The long read", "source": "Example News"},
        Defaults(
            ENGLISH.title,
            ENGLISH.text,
            ENGLISH.button,
            new_tab=True,
            campaign={"utm_source": "blog"},
        ),
    )
    assert story is not None
    body = "<p>The <em>whole</em> story.</p>"
    expected = card_html(story).replace(
        f'<p class="aiblog-full-story__text">{ENGLISH.text}</p>',
        f'<div class="aiblog-full-story__text">{body}</div>',
    )
    assert html == f"<p>Before.</p>\n{expected}\n<p>After.</p>"
    assert 'href="https://example.com/a?x=1&amp;utm_source=blog"' in html
    assert 'rel="noopener noreferrer" target="_blank"' in html
    assert "slot" not in html and warnings(caplog) == []


def test_words_follow_the_options_and_the_language() -> None:
    german = BeautifulSoup(
        convert("/// full-story\n    url: /a/\n///", language="de"), "html.parser"
    )
    assert german.h2.get_text() == "Die ganze Geschichte"  # type: ignore[union-attr]
    assert "Den ganzen Artikel lesen" in german.get_text()
    own = convert("/// full-story\n    url: /a/\n///", title="Go on", text="More.", button="Read")
    assert ">Go on</h2>" in own and ">More.</p>" in own and ">Read</span>" in own


def test_a_block_inside_an_admonition_and_a_block_option_wins() -> None:
    html = convert(
        """
        /// admonition | Note
        /// full-story
            url: /b/
            title: From the block
        ///
        ///
        """,
        title="From the options",
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".admonition .aiblog-full-story h2").get_text() == "From the block"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https://bank.example@evil.example/",
        "&#106;avascript:alert(1)",
        "https://e.com/\u202ecod.exe",
        "file:///etc/passwd",
    ],
)
def test_a_url_that_is_not_http_or_site_relative_gives_no_card(
    url: str, caplog: pytest.LogCaptureFixture
) -> None:
    html = convert(f"/// full-story\n    url: '{url}'\n///\n\nAfter.")
    assert html == "<p>After.</p>"
    (message,) = warnings(caplog)
    assert message.startswith("full_story.url: ") and "not an http, https" in message


def test_problems_are_logged_and_nothing_is_left_behind(caplog: pytest.LogCaptureFixture) -> None:
    cases = {
        "/// full-story\n///": "/// full-story: url: missing; without the aiblog plugin",
        "/// full-story\n    url: [1]\n///": "full_story.url: [1] is not a URL",
        "/// full-story\n    urll: /a/\n///": "full_story.urll: unknown key",
        "/// full-story\n    - a list\n///": "/// full-story: options: a list",
        "/// full-story\n    url: /a/\n    title: ''\n///": "full_story.title: empty",
    }
    for source, expected in cases.items():
        caplog.clear()
        html = convert(source)
        assert html == "", source
        assert any(m.startswith(expected) for m in warnings(caplog)), (source, warnings(caplog))


def test_two_blocks_give_one_card_and_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    html = convert("/// full-story\n    url: /a/\n///\n\n/// full-story\n    url: /b/\n///")
    assert html.count("<aside") == 1 and 'href="/a/"' in html and "/b/" not in html
    assert warnings(caplog) == ["/// full-story: 2 blocks; only the first is shown"]


def test_an_unclosed_block_shows_the_rest_of_the_page(caplog: pytest.LogCaptureFixture) -> None:
    html = convert("/// full-story\n    url: /a/\n\nThe rest of the page.")
    assert html == "<p>The rest of the page.</p>"
    assert warnings(caplog)[0].startswith("/// full-story: no closing '///' line")


def test_a_post_list_is_a_note_never_an_empty_slot(caplog: pytest.LogCaptureFixture) -> None:
    html = convert("# Home\n\n/// post-list\n///\n\nAfter.")
    assert html == f'<h1>Home</h1>\n<p class="{NOTE_CLASS}">{NOTE}</p>\n<p>After.</p>'
    assert warnings(caplog) == [NOTE]
    caplog.clear()
    html = convert("/// admonition | Hi\n/// post-list\n    page: -1\n///\n///")
    assert "slot" not in html and html.count(NOTE_CLASS) == 1
    assert warnings(caplog)[0].startswith("/// post-list: page: -1 is not a page number")


def test_what_a_post_list_holds_follows_the_note() -> None:
    html = convert("/// post-list\n\nFirst.\n\nSecond.\n///\n\nAfter.")
    assert html == (
        f'<p class="{NOTE_CLASS}">{NOTE}</p>\n<p>First.</p>\n<p>Second.</p>\n<p>After.</p>'
    )


def test_log_false_is_quiet(caplog: pytest.LogCaptureFixture) -> None:
    html = convert("/// full-story\n    url: 'javascript:x'\n///\n\n/// post-list\n///", log=False)
    assert html == f'<p class="{NOTE_CLASS}">{NOTE}</p>' and warnings(caplog) == []


def test_the_plugins_listing_wins_over_an_earlier_one() -> None:
    from mkdocs_aiblog.markdown.blocks import AiblogBlocksExtension

    md = markdown.Markdown(
        extensions=[AiblogBlocksExtension(), AiblogBlocksExtension(slots=True, log=False)]
    )
    html = md.convert("/// full-story\n    url: /a/\n///")
    assert html == '<div class="aiblog-full-story-slot" data-url="/a/"></div>'


def test_bad_options_are_warnings_not_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    standalone._TOLD.clear()  # each is logged once a process: this test may not be first
    html = convert(
        "/// full-story\n    url: https://e.com/\n///",
        bogus=1,
        new_tab="maybe",
        campaign=["utm_source"],
        title=5,
        language=["de"],
    )
    assert 'href="https://e.com/"' in html and ">Explore the full story</h2>" in html
    told = warnings(caplog)
    caplog.clear()
    convert("/// full-story\n    url: https://e.com/\n///", bogus=1, title=5)  # the next page
    assert warnings(caplog) == []  # Zensical makes an extension a page: each problem once
    assert told == [
        "mkdocs_aiblog.blocks: bogus: unknown option; ignored",
        "mkdocs_aiblog.blocks: new_tab: 'maybe' is not true or false",
        "mkdocs_aiblog.blocks: language: ['de'] is not a text; the default is used",
        "mkdocs_aiblog.blocks: title: 5 is not a text; the default is used",
        "mkdocs_aiblog.blocks: campaign: ['utm_source'] is not a mapping of names to texts;"
        " no parameters are added",
    ]


def test_the_plugins_setting_still_leaves_slots() -> None:
    html = convert("/// full-story\n    url: /a/\n///\n\n/// post-list\n///", slots=True, log=False)
    assert html == (
        '<div class="aiblog-full-story-slot" data-url="/a/"></div>\n'
        '<div class="aiblog-post-list-slot" data-page="1"></div>'
    )


def test_the_extensions_run_without_mkdocs_or_the_plugin() -> None:
    """The card and the note come from a Python-Markdown that imported nothing of MkDocs."""
    code = textwrap.dedent(
        """
        import sys, markdown
        md = markdown.Markdown(extensions=['toc', 'mkdocs_aiblog.headings', 'mkdocs_aiblog.blocks'])
        html = md.convert(
            '## Why it matters 🚀\\n\\n/// full-story\\n    url: https://e.com/\\n///\\n\\n'
            '/// post-list\\n///\\n'
        )
        assert 'id="why-it-matters"' in html and 'aiblog-emoji' in html, html
        assert '<aside class="aiblog-full-story"' in html and 'slot' not in html, html
        assert 'aiblog-post-list-note' in html, html
        hosts = sorted(m for m in sys.modules
            if m.split('.')[0] in ('mkdocs', 'material', 'properdocs', 'jinja2'))
        ours = sorted(m for m in sys.modules if m.startswith('mkdocs_aiblog.')
            and m.split('.')[1] not in ('core', 'markdown', 'headings', 'blocks'))
        assert not hosts and not ours, (hosts, ours)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr + result.stdout


# -- the stylesheet command -----------------------------------------------------------------


def test_the_command_prints_the_stylesheet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert stylesheet.main([]) == 0
    assert capsys.readouterr().out == stylesheet.SOURCE.read_text(encoding="utf-8")


def test_the_command_copies_to_a_file_or_a_folder(tmp_path: Path) -> None:
    text = stylesheet.SOURCE.read_text(encoding="utf-8")
    assert stylesheet.main([str(tmp_path / "docs/stylesheets/aiblog.css")]) == 0
    assert (tmp_path / "docs/stylesheets/aiblog.css").read_text(encoding="utf-8") == text
    (tmp_path / "other").mkdir()
    assert stylesheet.main([str(tmp_path / "other")]) == 0
    assert (tmp_path / "other/aiblog.css").read_text(encoding="utf-8") == text
    old = tmp_path / "docs/stylesheets/aiblog.css"
    old.write_text("/* mkdocs-aiblog: an older copy */", encoding="utf-8")
    assert stylesheet.main([str(old)]) == 0 and old.read_text(encoding="utf-8") == text


def test_the_command_never_replaces_another_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "extra.css"
    mine.write_text("body { color: red }", encoding="utf-8")
    assert stylesheet.main([str(mine)]) == 1
    assert mine.read_text(encoding="utf-8") == "body { color: red }"
    assert "exists and is not aiblog.css; use --force" in capsys.readouterr().err
    assert stylesheet.main([str(mine), "--force"]) == 0
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    assert stylesheet.main([str(blocked / "aiblog.css")]) == 1
    assert "cannot be written" in capsys.readouterr().err


def test_the_command_runs_as_a_module(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_aiblog.stylesheet"],
        capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0 and result.stdout.startswith("/* mkdocs-aiblog:")
    assert list(tmp_path.iterdir()) == []  # printing writes nothing
