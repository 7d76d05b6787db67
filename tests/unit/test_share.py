"""Share links' pure core: each network's address decodes back to the exact title and URL.

The property test draws titles and post URLs from every class of character a title
may hold (`&`, `#`, `?`, `=`, `+`, `%`, quotes, emoji, right-to-left text, newlines,
controls, any Unicode but lone surrogates, which get their own test), builds every
network's link and decodes it as the network does (a query string; `mailto:` as RFC
6068 reads it). Examples: 300 (``derandomize=True``), about 1 s.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_aiblog.core.posts import Post
from mkdocs_aiblog.core.tables import ENGLISH, TRANSLATIONS
from mkdocs_aiblog.core.words import check_words
from mkdocs_aiblog.share.links import (
    DEFAULT_NETWORKS,
    MASTODON_SHARE,
    NETWORKS,
    Sharing,
    for_post,
    mastodon_page,
    networks,
    opt_out,
)

URL = "https://example.org/blog/posts/x/"
ALL, _ = Sharing.from_options(DEFAULT_NETWORKS, MASTODON_SHARE, copy_link=True)

HOSTILE = "&#?=+%;/\\\"'<>`{}[]|^~ \t\n\r\x00\x7f\u200f\u202e"
"""Characters with a meaning in a URL, an HTML attribute, a shell or a text direction."""
QUERY = re.compile(r"(?:[A-Za-z0-9_.~-]+=(?:[A-Za-z0-9_.~-]|%[0-9A-F]{2})*&?)+")


def _query(href: str) -> dict[str, str]:
    """Give the decoded query of a share link, one value a key."""
    parsed = parse_qs(urlsplit(href).query, keep_blank_values=True, strict_parsing=False)
    assert all(len(values) == 1 for values in parsed.values()), href
    return {key: values[0] for key, values in parsed.items()}


def _decoded(key: str, href: str) -> tuple[str | None, str | None, str | None]:
    """Give (title, url, single text) as the network reads them from its link."""
    q = _query(href)
    return {
        "bluesky": (None, None, q.get("text")),
        "mastodon": (None, None, q.get("text")),
        "linkedin": (None, q.get("url"), None),
        "hackernews": (q.get("t"), q.get("u"), None),
        "reddit": (q.get("title"), q.get("url"), None),
        "x": (q.get("text"), q.get("url"), None),
        "email": (q.get("subject"), q.get("body"), None),
    }[key]


titles = st.text(
    alphabet=st.one_of(st.sampled_from(HOSTILE), st.characters(exclude_categories=("Cs",))),
    max_size=80,
) | st.sampled_from(
    ["AI & you: #1? \"yes\" 'no' 🚀👩🏽‍💻", "الذكاء الاصطناعي ‏ and me", "a\nb\r\nc"]
)
paths = st.text(alphabet=st.sampled_from("abc-é 日&?#%+/"), max_size=20)


@pytest.mark.slow
@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(title=titles, path=paths)
def test_every_link_decodes_back_to_the_exact_title_and_url(title: str, path: str) -> None:
    url = URL + path
    links = ALL.links(url, title)
    assert [link.key for link in links] == list(DEFAULT_NETWORKS)
    for link in links:
        # Only unreserved characters and `%XX` in the values: nothing a browser, an
        # HTML attribute or a query parser would read as anything but the text.
        assert QUERY.fullmatch(urlsplit(link.href).query), link
        assert "#" not in link.href, link
        got_title, got_url, text = _decoded(link.key, link.href)
        if text is not None:
            assert text == (f"{title} {url}" if title else url), link.key
        else:
            assert got_url == url, link.key
            if got_title is not None or link.key != "linkedin":
                assert got_title == title, link.key


def test_a_lone_surrogate_is_replaced_not_raised() -> None:
    links = ALL.links(URL, "bad \ud800 title")
    assert all("%3F" in link.href for link in links if link.key != "linkedin")


def test_addresses_are_the_networks_documented_ones() -> None:
    hrefs = {link.key: link.href for link in ALL.links(URL, "A & B")}
    u = "https%3A%2F%2Fexample.org%2Fblog%2Fposts%2Fx%2F"
    assert hrefs == {
        "bluesky": f"https://bsky.app/intent/compose?text=A%20%26%20B%20{u}",
        "mastodon": f"https://s2f.kytta.dev/?text=A%20%26%20B%20{u}",
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={u}",
        "hackernews": f"https://news.ycombinator.com/submitlink?u={u}&t=A%20%26%20B",
        "reddit": f"https://www.reddit.com/submit?url={u}&title=A%20%26%20B",
        "x": f"https://x.com/intent/post?url={u}&text=A%20%26%20B",
        "email": f"mailto:?subject=A%20%26%20B&body={u}",
    }
    assert [link.new_tab for link in ALL.links(URL, "t")] == [True] * 6 + [False]
    assert unquote(hrefs["email"].split("subject=")[1].split("&")[0]) == "A & B"


def test_network_names_are_forgiving_in_spelling_and_keep_their_order() -> None:
    chosen, problems = networks(["E-Mail", "Hacker News", "hacker_news", "X", "bluesky"])
    assert [n.key for n in chosen] == ["email", "hackernews", "x", "bluesky"]
    assert problems == []


@pytest.mark.parametrize(
    "name", ["myspace", "", "twitter ", "<script>alert(1)</script>", "a" * 500, "x\x1b[2J\ny"]
)
def test_an_unknown_network_is_one_problem_naming_the_option(name: str) -> None:
    chosen, problems = networks(["bluesky", name, "email"])
    assert [n.key for n in chosen] == ["bluesky", "email"]
    assert len(problems) == 1
    assert problems[0].startswith("mkdocs.yml: aiblog: share: networks: ")
    assert len(problems[0]) < 300 and "\x1b" not in problems[0] and "\n" not in problems[0]


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "/share", "mastodon.social", "//evil.example/", "https://m.example/#x",
     "ftp://m.example/", "", "https://a.example@b.example/"],
)  # fmt: skip
def test_a_bad_mastodon_page_leaves_the_mastodon_link_out(value: str) -> None:
    assert mastodon_page(value)[0] is None
    sharing, problems = Sharing.from_options(DEFAULT_NETWORKS, value, copy_link=True)
    assert "mastodon" not in [n.key for n in sharing.networks]
    assert len(problems) == 1 and "share: mastodon:" in problems[0]


def test_a_server_s_own_share_page_takes_the_text_too() -> None:
    sharing, problems = Sharing.from_options(
        ["mastodon"], "https://fosstodon.org/share?visibility=public", copy_link=False
    )
    assert problems == []
    [link] = sharing.links(URL, "T")
    assert link.href.startswith("https://fosstodon.org/share?visibility=public&text=T%20https")


@pytest.mark.parametrize(
    ("value", "off", "bad"),
    [(None, False, False), (True, False, False), (False, True, False), ("no", False, True),
     ("false", False, True), (0, False, True), ([], False, True), ({"x": 1}, False, True)],
)  # fmt: skip
def test_front_matter_share_is_true_or_false(value: object, off: bool, bad: bool) -> None:
    got_off, problem = opt_out(value)
    assert got_off is off
    assert (problem is not None) is bad
    if problem:
        assert problem.startswith("share: ")


def test_for_post_leaves_the_block_out_without_url_on_drafts_and_when_turned_off() -> None:
    post = Post(src_uri="posts/x.md", url="posts/x/", title="T", date=None)
    draft = Post(src_uri="posts/x.md", url="posts/x/", title="T", date=None, draft=True)
    assert for_post(ALL, None, URL, post)[1] == URL
    assert for_post(ALL, None, None, post)[:2] == ([], "")
    assert for_post(ALL, False, URL, post)[:2] == ([], "")
    assert for_post(ALL, None, URL, draft)[:2] == ([], "")
    links, copy, problem = for_post(ALL, "off", URL, post)
    assert links and copy == URL and problem is not None
    nothing, _ = Sharing.from_options([], MASTODON_SHARE, copy_link=True)
    assert for_post(nothing, None, URL, post)[:2] == ([], "")
    no_copy, _ = Sharing.from_options(["x"], MASTODON_SHARE, copy_link=False)
    assert for_post(no_copy, None, URL, post)[1] == ""


def test_every_language_has_the_share_words_with_its_field() -> None:
    keys = {key for key in ENGLISH if key.startswith("share.")}
    assert keys == {"share.title", "share.on", "share.email", "share.copy"}
    for language, table in TRANSLATIONS.items():
        assert keys <= table.keys(), language
        assert "{network}" in table["share.on"], language
    assert check_words({"share.on": "Post to {network}"}) == ({"share.on": "Post to {network}"}, [])
    assert len(check_words({"share.on": "Post to {site}"})[1]) == 1


def test_the_icons_are_material_s_own() -> None:
    from pathlib import Path

    import material

    icons = Path(material.__file__).parent / "templates" / ".icons"
    for network in NETWORKS.values():
        assert (icons / f"{network.icon}.svg").is_file(), network.icon
    assert (icons / "material" / "content-copy.svg").is_file()
