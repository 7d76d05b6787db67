"""Placing the rendered parts in a written page (`mkdocs_aiblog.page.render`)."""

from __future__ import annotations

from mkdocs_aiblog.page.render import Spliced, splice, toc_sidebar_end

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
