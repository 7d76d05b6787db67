"""Placing the rendered parts in a written page (`mkdocs_aiblog.page.render`)."""

from __future__ import annotations

import re

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aiblog.core.slots import MARKER_START, MARKERS
from mkdocs_aiblog.page.render import Partials, Spliced, render_template, splice, toc_sidebar_end
from mkdocs_aiblog.page.sitecomments import COMMENTS_MARKER, take_comments_marker
from mkdocs_aiblog.page.view import fill_found

PAGE = (
    "<html><head><title>t</title></head><body>"
    '<div class="md-sidebar md-sidebar--secondary" data-md-type="toc">'
    '<div class="md-sidebar__inner"><nav class="md-nav">toc</nav></div></div>'
    '<div class="md-content" data-md-component="content">'
    '<article class="md-content__inner">text'
    '<article class="aiblog-card">card</article>'
    "</article></div></body></html>"
)


def test_the_sidebar_end_is_the_close_of_its_inner_box() -> None:
    at = toc_sidebar_end(PAGE)
    assert PAGE[:at].endswith('<nav class="md-nav">toc</nav>')
    assert PAGE[at:].startswith("</div></div>")


def test_no_sidebar_means_nowhere_even_if_the_content_shows_its_markup() -> None:
    # `toc.integrate`: no sidebar; a post quoting Material's markup is not one.
    page = PAGE.replace('data-md-type="toc"', "").replace(
        ">text<", '>&lt;div data-md-type="toc"&gt;<div>quoted</div><'
    )
    assert toc_sidebar_end(page) == -1
    assert toc_sidebar_end("<html><body>no content div</body></html>") == -1


def test_each_part_goes_in_its_place() -> None:
    parts = Spliced(head="<meta x>", sidebar="<nav>S</nav>", after="<nav>A</nav>")
    out = splice(PAGE, parts, sidebar_at=toc_sidebar_end(PAGE))
    assert "<title>t</title><meta x></head>" in out
    assert '<nav class="md-nav">toc</nav><nav>S</nav></div></div>' in out
    # After the whole article, cards included: before its last `</article>`.
    assert "card</article><nav>A</nav></article></div>" in out
    assert (
        out.replace("<meta x>", "").replace("<nav>S</nav>", "").replace("<nav>A</nav>", "") == PAGE
    )


def test_nothing_to_place_or_nowhere_to_place_it() -> None:
    assert splice(PAGE, Spliced(), sidebar_at=10) == PAGE
    assert splice(PAGE, Spliced(sidebar="<nav>S</nav>"), sidebar_at=-1) == PAGE
    bare = "<p>no head, no article</p>"
    assert splice(bare, Spliced(head="<meta>", after="<nav>"), sidebar_at=-1) == bare


# -- the faster forms keep the plain ones' results ----------------------------------------

PIECES = [
    *MARKERS.values(),
    MARKER_START,
    "<!--aiblog:comments:t-->",
    "<!--",
    "<!-",
    "-->",
    "->",
    "aiblog:",
    "byline",
    "series-->",
    "full-story-->",
    "<",
    "-",
    "x",
    "é",
    "</h1>",
]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def plain_fill(html: str, parts: dict[str, str]) -> str:
    """What `fill` gave before it tracked where markers start: one search per marker."""
    for name, marker in MARKERS.items():
        if marker in html:
            html = html.replace(marker, parts.get(name, ""), 1)
    return html


def test_markers_begin_alike_and_the_beginning_cannot_overlap_itself() -> None:
    # What `fill_found` relies on to search only around the parts it puts in.
    assert all(marker.startswith(MARKER_START) for marker in MARKERS.values())
    assert all(marker.find(MARKER_START, 1) < 0 for marker in MARKERS.values())
    assert not any(MARKER_START.endswith(MARKER_START[:n]) for n in range(1, len(MARKER_START)))
    assert COMMENTS_MARKER.startswith(MARKER_START)


@settings(max_examples=3000, deadline=None)
@given(texts, st.dictionaries(st.sampled_from(list(MARKERS)), texts))
def test_fill_is_the_plain_fill_and_knows_where_markers_start(
    html: str, parts: dict[str, str]
) -> None:
    filled, starts = fill_found(html, parts)
    assert filled == plain_fill(html, parts)
    assert starts == [m.start() for m in re.finditer(re.escape(MARKER_START), filled)]


@given(texts, st.booleans())
def test_splice_leaves_the_comments_marker_to_take_comments_marker(body: str, filled: bool) -> None:
    marker = "<!--aiblog:comments:t-->"
    page = f"<html><head></head><body>{body}<article>text</article></body></html>"
    parts = Spliced(fills={"byline": "<p>b</p>"} if filled else {}, after="<nav>A</nav>")
    output = plain_fill(page, parts.fills) if parts.fills or MARKER_START in page else page
    output, at = take_comments_marker(output, marker)
    at = at if at >= 0 else output.rfind("</article>")  # before the site's comments, or last
    expected = output[:at] + "<nav>A</nav>" + output[at:]
    assert splice(page, parts, sidebar_at=-1, comments_marker=marker) == expected


def test_render_template_is_template_render() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": SOURCE}))
    env.globals.update(site="S", shadowed="env")
    template = env.get_template("t.html", globals={"shadowed": "own", "own": 1})
    values = {"aiblog": ["a", "<b>"], "page": None, "site": "values win"}
    assert render_template(template, dict(values)) == template.render(**values)
    assert render_template(template, {}) == template.render()
    broken = env.from_string("{{ 1 // zero }}")
    with pytest.raises(ZeroDivisionError):
        render_template(broken, {"zero": 0})


SOURCE = """{% set x = aiblog | default([]) | length %}{{ x }} {{ site }} {{ shadowed }}
{{ own }} {% for a in aiblog or () %}{{ a | e }}{{ range(2) | list }}{% endfor %}{{ page }}"""


@pytest.mark.parametrize(
    "icon",
    [{}, {"previous": "fontawesome/solid/angle-left"}, {"next": "x/y", "previous": ""}, None],
)
def test_the_arrows_are_what_the_templates_looked_up(icon: dict[str, str] | None) -> None:
    env = jinja2.Environment()
    theme: dict[str, object] = {} if icon is None else {"icon": icon}
    config = {"theme": theme}
    partials = Partials(env, config)  # type: ignore[arg-type]
    for key, side in (("previous", "left"), ("next", "right")):
        template = env.from_string(f'{{{{ config.theme.icon.{key} or "material/arrow-{side}" }}}}')
        if icon is None:  # no `icon` at all: both fail alike
            with pytest.raises(jinja2.UndefinedError):
                template.render(config=config)
            with pytest.raises(jinja2.UndefinedError):
                partials.arrows()
        else:
            assert str(partials.arrows()[f"icon_{key}"]) == template.render(config=config)
