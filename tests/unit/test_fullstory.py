"""The full-story core: front matter -> FullStory, URL rules, campaign, the partial."""

from __future__ import annotations

import datetime
from pathlib import Path
from types import SimpleNamespace

import jinja2
import material
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from mkdocs_aiblog.core.fullstory import (
    MARKER,
    Defaults,
    FullStory,
    Invalid,
    extract_slot,
    merge,
    parse_full_story,
    with_campaign,
)
from mkdocs_aiblog.core.urls import safe_url

DEFAULTS = Defaults(
    title="Explore the full story", text="Dive deeper.", button="Read the full article"
)
TEMPLATES = Path(__file__).parent.parent.parent / "mkdocs_aiblog" / "templates"


def parse(value: object, defaults: Defaults = DEFAULTS) -> FullStory:
    story, problems = parse_full_story(value, defaults)
    assert problems == []
    assert story is not None
    return story


def problems_of(value: object) -> list[str]:
    story, problems = parse_full_story(value, DEFAULTS)
    assert story is None
    return problems


# -- front-matter forms ---------------------------------------------------------


def test_string_form_uses_every_default() -> None:
    story = parse("https://example.com/original")
    assert story == FullStory(
        url="https://example.com/original",
        title="Explore the full story",
        text="Dive deeper.",
        button="Read the full article",
        source=None,
        external=True,
        rel="noopener",
        target=None,
    )


def test_mapping_form_overrides_each_word() -> None:
    story = parse(
        {"url": "/posts/x/", "title": "The long read", "text": "All of it.", "button": "Read it"}
    )
    assert (story.url, story.title, story.text, story.button) == (
        "/posts/x/",
        "The long read",
        "All of it.",
        "Read it",
    )
    assert (story.external, story.rel, story.target) == (False, "", None)


def test_mapping_without_words_uses_defaults() -> None:
    assert parse({"url": "x/"}) == parse("x/")


def test_source_is_labelled_with_the_format() -> None:
    story = parse({"url": "https://v.com/a", "source": "The Verge"})
    assert (story.source, story.source_label) == ("The Verge", "on The Verge")
    german = Defaults("T", "t", "B", source_format="auf {source}")
    assert parse({"url": "https://v.com/a", "source": "{x} Heise"}, german).source_label == (
        "auf {x} Heise"
    )


def test_empty_text_means_no_text_and_numbers_are_text() -> None:
    assert parse({"url": "x/", "text": ""}).text == ""
    assert parse({"url": "x/", "title": 2024}).title == "2024"


@pytest.mark.parametrize("value", [None, False])
def test_none_and_false_mean_no_card(value: object) -> None:
    assert parse_full_story(value, DEFAULTS) == (None, [])


@pytest.mark.parametrize("name", ["title", "button"])
def test_empty_title_or_button_is_a_problem(name: str) -> None:
    assert problems_of({"url": "x/", name: "  "}) == [
        f"full_story.{name}: empty; leave the key out to use the default"
    ]


# -- wrong YAML types -----------------------------------------------------------

WRONG = [True, 3, 2.5, [1], {"a": 1}, datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2)]


@pytest.mark.parametrize("value", [True, [1], ["https://e.com/"]])
def test_wrong_top_level_type(value: object) -> None:
    (problem,) = problems_of(value)
    assert problem.startswith(f"full_story: {value!r} is not a URL or a mapping")


@pytest.mark.parametrize("value", [3, 2.5, datetime.date(2024, 1, 2)])
def test_scalar_top_level_that_is_no_string(value: object) -> None:
    assert problems_of(value)[0].startswith("full_story: ")


@pytest.mark.parametrize("value", [*WRONG, Invalid("[1]")])
def test_wrong_url_type(value: object) -> None:
    assert problems_of({"url": value}) == [f"full_story.url: {value!r} is not a URL"]


@pytest.mark.parametrize("name", ["title", "text", "button", "source"])
@pytest.mark.parametrize("value", [v for v in WRONG if not isinstance(v, int | float)] + [True])
def test_wrong_text_type(name: str, value: object) -> None:
    assert problems_of({"url": "x/", name: value}) == [
        f"full_story.{name}: {value!r} is not a text"
    ]


def test_unknown_and_non_string_keys_are_named() -> None:
    problems = problems_of({"url": "x/", "urll": 1, 3: "x", "text_html": "<b>x</b>"})
    expected = "unknown key; expected one of url, title, text, button, source"
    assert problems == [
        f"full_story.urll: {expected}",
        f"full_story.3: {expected}",
        f"full_story.text_html: {expected}",
    ]


def test_missing_url_and_custom_key() -> None:
    story, problems = parse_full_story({"title": "T"}, DEFAULTS, key="/// full-story")
    assert (story, problems) == (
        None,
        ["/// full-story.url: missing; give the address of the full story"],
    )


def test_long_values_are_shortened_in_messages() -> None:
    (problem,) = problems_of({"url": "x/", "title": ["y" * 200]})
    assert problem.endswith("... is not a text") and len(problem) < 120


# -- URLs ------------------------------------------------------------------------

REJECTED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "\u200bjavascript:alert(1)",
    "\u202ehttps://example.com",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "mailto:a@b.c",
    "//evil.com",
    "///evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "http://",
    "https:///path",
    "http:example.com",
    "https://exa mple.com/",
    "https://example.com/a b",
    "https://example.com/\x7f",
    "https://example.com:port/",
    "https://[::1/",
    "https://bank.com@evil.com/",
    'https://example.com/"onmouseover="x',
    "www.example.com/article",
    "a:b/c",
    "",
    " ",
]


@pytest.mark.parametrize("url", REJECTED)
def test_rejected_urls(url: str) -> None:
    assert safe_url(url) is None
    assert problems_of({"url": url}) == [
        f"full_story.url: {url!r} is not an http, https or site-relative URL"
    ]


def test_rejected_url_message_matches_the_spec() -> None:
    assert problems_of("javascript:alert(1)") == [
        "full_story.url: 'javascript:alert(1)' is not an http, https or site-relative URL"
    ]


ACCEPTED = [
    "http://example.com",
    "https://example.com/a/b?x=1#top",
    "HTTPS://EXAMPLE.COM/",
    "https://example.com:8443/a",
    "https://exämple.de/ü",
    "/posts/x/",
    "../x/",
    "x/",
    "./x.html",
    "?page=2",
    "#comments",
    "/search/?q=a&b=c",
]


@pytest.mark.parametrize("url", ACCEPTED)
def test_accepted_urls(url: str) -> None:
    assert safe_url(url) == url
    assert parse(url).url.startswith(url.split("#")[0])


# -- rel, target and campaign ---------------------------------------------------


def test_new_tab_and_nofollow_on_external_links_only() -> None:
    options = Defaults("T", "t", "B", nofollow=True, new_tab=True)
    external = parse("https://example.com/", options)
    assert (external.rel, external.target) == ("noopener noreferrer nofollow", "_blank")
    internal = parse("/x/", options)
    assert (internal.rel, internal.target, internal.external) == ("", None, False)
    assert (
        parse("https://e.com/", Defaults("T", "t", "B", nofollow=True)).rel == "noopener nofollow"
    )


CAMPAIGN = {"utm_source": "myblog", "utm_medium": "full-story"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://e.com/a", "https://e.com/a?utm_source=myblog&utm_medium=full-story"),
        ("https://e.com/a?x=1", "https://e.com/a?x=1&utm_source=myblog&utm_medium=full-story"),
        ("https://e.com/a?x=1&", "https://e.com/a?x=1&utm_source=myblog&utm_medium=full-story"),
        ("https://e.com/?#f", "https://e.com/?utm_source=myblog&utm_medium=full-story#f"),
        ("https://e.com/a#sec?x", "https://e.com/a?utm_source=myblog&utm_medium=full-story#sec?x"),
        (
            "https://e.com/a?q=%20x#f",
            "https://e.com/a?q=%20x&utm_source=myblog&utm_medium=full-story#f",
        ),
        (
            "https://e.com/a?utm_source=them",
            "https://e.com/a?utm_source=them&utm_medium=full-story",
        ),
        ("https://e.com/a?utm_source=&utm_medium=x", "https://e.com/a?utm_source=&utm_medium=x"),
    ],
)
def test_with_campaign(url: str, expected: str) -> None:
    assert with_campaign(url, CAMPAIGN) == expected


def test_campaign_values_are_encoded_and_empty_params_change_nothing() -> None:
    assert with_campaign("https://e.com/", {"utm_campaign": "a b&c"}) == (
        "https://e.com/?utm_campaign=a+b%26c"
    )
    assert with_campaign("https://e.com/a?b#c", {}) == "https://e.com/a?b#c"


def test_campaign_applies_to_external_links_only() -> None:
    options = Defaults("T", "t", "B", campaign={"utm_source": "me"})
    assert parse("https://e.com/a#f", options).url == "https://e.com/a?utm_source=me#f"
    assert parse("/a/#f", options).url == "/a/#f"


# -- generic button words --------------------------------------------------------


@pytest.mark.parametrize("button", ["click here", "Click here!", "HERE", "Read more…", "read_more"])
def test_generic_button_gets_a_descriptive_accessible_name(button: str) -> None:
    story = parse({"url": "x/", "button": button, "title": "The long read", "source": "V"})
    assert story.button == button
    assert story.aria_label == f"{button} on V: The long read"


def test_descriptive_button_needs_no_accessible_name() -> None:
    assert parse({"url": "x/", "button": "Read the interview"}).aria_label is None


# -- merge and the block's body -----------------------------------------------------


def test_merge() -> None:
    front = {"url": "https://a.com/", "source": "A", "title": "FM"}
    assert merge(None, front) is front
    assert merge({"title": "Block"}, front) == {
        "url": "https://a.com/",
        "source": "A",
        "title": "Block",
    }
    assert merge({"title": "Block"}, "https://a.com/") == {
        "url": "https://a.com/",
        "title": "Block",
    }
    assert merge({"url": "/b/"}, front) == {"url": "/b/"}
    assert merge({"title": "Block"}, None) == {"title": "Block"}
    assert merge({"title": "Block"}, 5) == 5


def test_block_body_wins_over_text_and_is_kept_as_markup() -> None:
    html = Markup("<p>From <em>the</em> body</p>")
    story = parse(merge({"text_html": html}, {"url": "x/", "text": "plain"}))
    assert (story.text, story.text_html) == ("", html)
    assert parse({"url": "x/", "text_html": Markup("  ")}).text_html is None


def test_extract_slot_without_slot_removes_typed_markers() -> None:
    assert extract_slot(f"<p>a</p>{MARKER}") == ("<p>a</p>", None, 0)
    assert extract_slot('<p class="aiblog-full-story-slot-ish">x</p>') == (
        '<p class="aiblog-full-story-slot-ish">x</p>',
        None,
        0,
    )


def test_extract_slot_finds_the_first_and_drops_the_rest() -> None:
    html = (
        "<p>a</p>\n<!-- <div> -->"
        '<div class="aiblog-full-story-slot" data-url="/x/?a=1&amp;b=&quot;" data-other="y">'
        "<div><p>body</p></div><div/><script>'<div>'</script></div>"
        '<p>b</p><div class="aiblog-full-story-slot" data-url="/y/"></div><p>c</p>'
    )
    result, values, count = extract_slot(html)
    assert result == f"<p>a</p>\n<!-- <div> -->{MARKER}<p>b</p><p>c</p>"
    assert count == 2
    assert values == {
        "url": '/x/?a=1&b="',
        "text_html": Markup("<div><p>body</p></div><div/><script>'<div>'</script>"),
    }


def test_extract_slot_removes_nested_slots_and_reads_invalid_values() -> None:
    html = (
        '<div class="x aiblog-full-story-slot" data-invalid="{&quot;urll&quot;: &quot;1&quot;}">'
        '\n<p>t</p>\n<div class="aiblog-full-story-slot"></div></div>'
    )
    result, values, count = extract_slot(html)
    assert (result, count) == (MARKER, 2)
    assert values is not None
    assert repr(values["urll"]) == "1"
    assert values["text_html"] == Markup("<p>t</p>")
    assert problems_of(merge(values, "x/")) == [
        "full_story.urll: unknown key; expected one of url, title, text, button, source"
    ]


@pytest.mark.parametrize("invalid", ["{oops", "[1]", "3", "&quot;ab&quot;"])
def test_extract_slot_survives_broken_markup(invalid: str) -> None:
    html = f'<div class="aiblog-full-story-slot" data-invalid="{invalid}"><div><p>open'
    result, values, count = extract_slot(html)
    assert (result, count) == (MARKER, 1)
    assert values is not None and "data-invalid" in values


# -- the partial ------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    '" onmouseover="x',
    "' onfocus='x",
    "<img src=x onerror=y>",
]


def render(story: FullStory | None) -> str:
    loader = jinja2.FileSystemLoader([TEMPLATES, Path(material.__file__).parent / "templates"])
    env = jinja2.Environment(loader=loader, autoescape=False)
    return env.get_template("aiblog/full-story.html").render(
        aiblog=SimpleNamespace(full_story=story, words={"full_story.source": "on {source}"}),
        icon=lambda name: env.get_template(f".icons/{name}.svg").render(),
    )


ALLOWED = {
    "aside": {"class", "aria-labelledby"},
    "h2": {"class", "id"},
    "p": {"class"},
    "a": {"class", "href", "rel", "target", "aria-label"},
    "span": {"class", "aria-hidden"},
    "svg": {"xmlns", "viewbox"},
    "path": {"d"},
}


@pytest.mark.parametrize("button", ["click here", "Read"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_partial_escapes_every_field(payload: str, button: str) -> None:
    words = Defaults(payload, payload, payload, f"{payload} {{source}}", True, True)
    value = {"url": "https://e.com/?q=1", "title": payload, "text": payload, "source": payload}
    soup = BeautifulSoup(render(parse(value, words)), "html.parser")
    assert soup.find(class_="aiblog-full-story__label").get_text() == payload  # type: ignore[union-attr]
    soup = BeautifulSoup(render(parse({**value, "button": button}, words)), "html.parser")
    for element in soup.find_all(True):
        assert element.name in ALLOWED, element
        assert set(element.attrs) <= ALLOWED[element.name], element
    assert soup.h2 is not None and soup.h2.get_text() == payload
    link = soup.a
    assert link is not None and link["href"] == "https://e.com/?q=1"
    assert link.get_text().count(payload) == 2  # the source format and the source
    if button == "click here":
        assert payload in str(link["aria-label"])


def test_partial_markup() -> None:
    story = parse(
        {"url": "https://v.com/a", "source": "The Verge"}, Defaults("T", "t", "Read", new_tab=True)
    )
    soup = BeautifulSoup(render(story), "html.parser")
    aside = soup.find("aside")
    assert aside is not None and aside["aria-labelledby"] == "aiblog-full-story-title"
    assert soup.find(id="aiblog-full-story-title") is not None
    link = soup.a
    assert link is not None
    assert link["class"] == ["aiblog-full-story__button", "md-button", "md-button--primary"]
    assert (link["rel"], link["target"]) == (["noopener", "noreferrer"], "_blank")
    assert " ".join(link.get_text().split()) == "Read on The Verge"
    assert soup.find(class_="aiblog-full-story__icon")["aria-hidden"] == "true"  # type: ignore[index]
    for element in soup.find_all(class_=True):
        if element.name not in ("a", "svg", "path"):
            assert any(c.startswith("aiblog-full-story") for c in element["class"]), element


def test_partial_renders_the_block_body_and_nothing_without_a_story() -> None:
    story = parse({"url": "/x/", "text_html": Markup("<p>Body <em>here</em></p>")})
    soup = BeautifulSoup(render(story), "html.parser")
    text = soup.find(class_="aiblog-full-story__text")
    assert text is not None and text.name == "div" and text.em is not None
    assert soup.a is not None and not soup.a.has_attr("rel") and not soup.a.has_attr("target")
    assert render(None).strip() == ""


def test_extract_slot_ignores_the_class_name_in_escaped_code() -> None:
    html = (
        '<div class="x"><p>a</p></div>\n<pre><code>&lt;div class="aiblog-full-story-slot"&gt;'
        '</code></pre>\n<div class="aiblog-full-story-slot" data-url="/a/"><p>b</p></div>\n<p>c</p>'
    )
    result, values, count = extract_slot(html)
    assert (
        result == html[: html.index('<div class="aiblog-full-story-slot"')] + MARKER + "\n<p>c</p>"
    )
    assert (values, count) == ({"url": "/a/", "text_html": Markup("<p>b</p>")}, 1)


# -- never raises -------------------------------------------------------------------

YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.dates(),
    lambda children: st.lists(children) | st.dictionaries(st.text() | st.integers(), children),
    max_leaves=8,
)


@given(value=YAML_VALUES | st.dictionaries(st.sampled_from(["url", "title", "x"]), YAML_VALUES))
def test_parse_never_raises(value: object) -> None:
    story, problems = parse_full_story(value, DEFAULTS)
    assert (story is None) or problems == []


@given(body=st.text(alphabet='<>/div clas="-=aiblogfulstry!x\n'))
def test_extract_slot_never_raises(body: str) -> None:
    html, _, count = extract_slot(f'<p>a</p><div class="aiblog-full-story-slot">{body}')
    assert count >= 1 and MARKER in html
