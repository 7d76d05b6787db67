"""URL keys, and the internal links of rendered pages."""

from __future__ import annotations

import pytest

from mkdocs_aiblog.popular.links import internal_links, url_key

SITE = "https://example.org/blog/"


@pytest.mark.parametrize(
    ("url", "base_path", "key"),
    [
        ("https://example.org/blog/posts/a/index.html?x=1#y", "/blog/", "posts/a"),
        ("https://example.org/blog/posts/a/", SITE, "posts/a"),
        ("http://www.example.org:8080/blog/posts/a", "/blog/", "posts/a"),
        ("//example.org/blog/posts/a/", "/blog/", "posts/a"),
        ("/blog/posts/a.html", "/blog/", "posts/a"),
        ("/blog/posts/a.htm", "/blog", "posts/a"),
        ("/blog/posts/index.html", "/blog/", "posts"),
        ("/blog/posts/a/?utm_source=x&utm_medium=y", "/blog/", "posts/a"),
        ("/blog/posts/a/#comments", "/blog/", "posts/a"),
        ("/blog/posts/caf%C3%A9/", "/blog/", "posts/café"),
        ("/blog/posts/a%20b/", "/blog/", "posts/a b"),
        ("/blog//posts/./x/../a/", "/blog/", "posts/a"),
        ("/blog/", "/blog/", ""),
        ("/blog", "/blog/", ""),
        ("/", "/", ""),
        ("", "/", ""),
        ("  /posts/a/  ", "/", "posts/a"),
        ("/posts/a/", "/blog/", "posts/a"),  # not under the base path: kept
        ("/blog/posts/a/", "/", "blog/posts/a"),
        ("/BLOG/posts/a/", "/blog/", "BLOG/posts/a"),  # paths are case-sensitive
        # MkDocs' own page.url values: relative to the site, never stripped
        ("posts/a/", "/blog/", "posts/a"),
        ("posts/a.html", "/blog/", "posts/a"),
        ("blog/posts/a/", "/blog/", "blog/posts/a"),
        ("index.html", "/", ""),
        ("posts/v1.2-release/", "/", "posts/v1.2-release"),
        ("https://[bad/blog/posts/a/", "/blog/", "posts/a"),
    ],
)
def test_url_key(url: str, base_path: str, key: str) -> None:
    assert url_key(url, base_path=base_path) == key


def links(html: str, page_url: str = "posts/a/", base_path: str = SITE) -> set[str]:
    return set(internal_links(html, page_url, base_path=base_path))


def test_relative_links_as_mkdocs_writes_them() -> None:
    html = (
        '<p>See <a href="../b/">b</a>, <a href="../../posts/c/#part">c</a>, '
        '<a href="../../">home</a> and <a href="../../tags/#ai">tags</a>.</p>'
    )
    assert links(html) == {"posts/b", "posts/c", "", "tags"}


def test_relative_links_without_directory_urls() -> None:
    html = '<a href="b.html">b</a> <a href="../index.html">home</a> <a href="c/index.html">c</a>'
    assert links(html, "posts/a.html") == {"posts/b", "", "posts/c"}


def test_home_page_links() -> None:
    assert links('<a href="posts/a/">a</a>', "") == {"posts/a"}
    assert links('<a href="posts/a.html">a</a>', "index.html") == {"posts/a"}


def test_absolute_links_to_this_site() -> None:
    html = (
        '<a href="/blog/posts/b/">b</a>'
        '<a href="https://example.org/blog/posts/c/">c</a>'
        '<a href="HTTPS://EXAMPLE.ORG/blog/posts/d/">d</a>'
        '<a href="//example.org/blog/posts/e/">e</a>'
    )
    assert links(html) == {"posts/b", "posts/c", "posts/d", "posts/e"}


def test_external_and_non_page_links_are_left_out() -> None:
    html = (
        '<a href="https://other.org/blog/posts/b/">other site</a>'
        '<a href="//cdn.example.net/x/">cdn</a>'
        '<a href="mailto:ada@example.org">mail</a>'
        '<a href="tel:+3112345">phone</a>'
        '<a href="javascript:alert(1)">js</a>'
        '<a href="#comments">fragment</a>'
        '<a href="?page=2">query</a>'
        '<a href="">empty</a>'
        "<a>no href</a>"
        '<a name="x">anchor</a>'
        '<a href="../../images/chart.png">image</a>'
        '<a href="../../files/report.PDF">pdf</a>'
        '<a href="../../feed_rss_created.xml">feed</a>'
    )
    assert links(html) == set()


def test_absolute_urls_are_external_without_a_site_url() -> None:
    html = '<a href="https://example.org/blog/posts/c/">c</a><a href="/blog/posts/b/">b</a>'
    assert links(html, base_path="/blog/") == {"posts/b"}


def test_self_links_are_kept_for_the_ranking_to_judge() -> None:
    assert links('<a href="./">me</a> <a href="#top">top</a>') == {"posts/a"}


def test_attribute_syntax() -> None:
    html = (
        "<A HREF='../b/'>b</A>"
        "<a class=x href=../c/>c</a>"
        '<a\n  title="a > b"\n  href="../d/?x=1&amp;y=2">d</a>'
        '<a href="../caf%C3%A9/">café</a>'
        '<a href="../&#101;/">entity</a>'
        '<a data-href="../nope/" href = "../f/">f</a>'
    )
    assert links(html) == {"posts/b", "posts/c", "posts/d", "posts/café", "posts/e", "posts/f"}


def test_tags_that_are_not_links() -> None:
    html = (
        '<abbr title="x" href="../no1/">x</abbr>'
        '<area href="../no2/">'
        '<link href="../no3/">'
        '<img src="../no4/">'
        '<p data-x="&lt;a href=../no5/&gt;">text</p>'
    )
    assert links(html) == set()


def test_comments_scripts_and_code_are_not_links() -> None:
    html = (
        '<!-- <a href="../old/">old</a> -->'
        "<script>const s = '<a href=\"../js/\">';</script>"
        '<STYLE>a[href="../css/"] {}</STYLE>'
        '<pre><code>&lt;a href="../code/"&gt;</code></pre>'
        '<a href="../real/">real</a>'
    )
    assert links(html) == {"posts/real"}


def test_a_docs_folder_named_like_the_base_path() -> None:
    html = '<a href="../b/">b</a> <a href="/blog/blog/posts/c/">c</a>'
    assert links(html, "blog/posts/a/", "/blog/") == {"blog/posts/b", "blog/posts/c"}


def test_keys_match_the_keys_of_page_urls() -> None:
    pages = ["posts/a/", "posts/b/", "posts/2026/c/", ""]
    html = '<a href="../b/">b</a><a href="../2026/c/">c</a><a href="../../">home</a>'
    found = internal_links(html, "posts/a/", base_path=SITE)
    assert found == {url_key(page) for page in pages[1:]}


def test_no_links() -> None:
    assert internal_links("<p>Plain text.</p>", "posts/a/") == frozenset()
    assert internal_links("", "") == frozenset()
