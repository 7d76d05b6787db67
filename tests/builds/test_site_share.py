"""Share links in real builds: where they sit, what they link to, and every way to turn them off.

- The block sits at the end of the post, after the newer/older links and before the
  popular list's after-the-article copy; plain links (web ones in a new tab with
  `rel="noopener noreferrer"`, `mailto:` in place), Material's icons, localized names.
- Without `site_url` it is left out, with ONE info line per build (not a warning).
- Off by option (`enabled: false`, `networks: []`), per post (`share: false`), on drafts.
- Bad input is one warning naming the file and key, and `--strict` fails on it: a
  `share:` that is not true/false, an unknown network, a Mastodon page that is not
  an absolute http(s) URL. Hostile titles reach the page only percent-encoded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sitebuild import build_fails_strict, build_site, post

SITE_URL = "https://example.org/blog/"


def _config(share: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    options: dict[str, Any] = {} if share is None else {"share": share}
    return {"site_url": SITE_URL, "plugins": ["search", {"aiblog": options}], **extra}


def _posts(**first: Any) -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "posts/a.md": post(title="First", date="2026-11-01", **first),
        "posts/b.md": post(title="Second", date="2026-11-02"),
        "posts/c.md": post(title="Third", date="2026-11-03"),
    }


def _infos(site: Any) -> list[str]:
    return [msg for level, msg in site.logs if level == "INFO" and "share" in msg]


def test_links_sit_after_newer_older_and_before_the_popular_copy(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=_config(), files=_posts(), strict=True)
    assert site.ok, site.warnings
    page = site.html("posts/b.md")
    article = page.select_one("article.md-content__inner")
    assert article is not None
    order = [
        element["class"][0]
        for element in article.find_all(
            class_=["aiblog-newer-older", "aiblog-share", "aiblog-popular"]
        )
    ]
    assert order == ["aiblog-newer-older", "aiblog-share", "aiblog-popular"]
    block = page.select_one(".aiblog-share")
    assert block is not None and block.name == "p"
    assert block.select_one(".aiblog-share__title").get_text() == "Share this post"  # type: ignore[union-attr]
    links = block.select("a")
    assert [a["aria-label"] for a in links] == [
        "Share on Bluesky", "Share on Mastodon", "Share on LinkedIn", "Share on Hacker News",
        "Share on Reddit", "Share on X", "Share by e-mail",
    ]  # fmt: skip
    for a in links:
        assert a.select_one("svg") is not None  # Material's icon, inline
        assert a["title"] == a["aria-label"]
        if a["href"].startswith("mailto:"):
            assert not a.has_attr("target") and not a.has_attr("rel")
        else:
            assert a["href"].startswith("https://")
            assert a["target"] == "_blank" and a["rel"] == ["noopener", "noreferrer"]
    url = SITE_URL + "posts/b/"
    assert parse_qs(urlsplit(links[3]["href"]).query) == {"u": [url], "t": ["Second"]}
    button = block.select_one("button")
    assert button is not None and button["data-clipboard-text"] == url
    assert button["type"] == "button" and button["aria-label"] == "Copy link"


def test_without_site_url_the_block_is_left_out_with_one_info_line(tmp_path: Path) -> None:
    config = _config()
    del config["site_url"]
    site = build_site(tmp_path, config=config, files=_posts(), strict=True)
    assert site.ok, site.warnings
    for name in ("posts/a.md", "posts/b.md", "posts/c.md"):
        assert site.html(name).select_one(".aiblog-share") is None
    assert _infos(site) == [
        "aiblog: mkdocs.yml has no site_url, which share links need: they are left out"
    ]


def test_turned_off_by_option_the_pages_are_as_without_the_feature(tmp_path: Path) -> None:
    off = build_site(tmp_path / "off", config=_config({"enabled": False}), files=_posts())
    empty = build_site(tmp_path / "empty", config=_config({"networks": []}), files=_posts())
    config = _config()
    del config["site_url"]
    without = build_site(tmp_path / "without", config=config, files=_posts())
    for site in (off, empty, without):
        assert site.warnings == []
    assert _infos(off) == _infos(empty) == []
    for name in ("posts/a.md", "posts/b.md", "index.md"):
        assert off.html(name).select_one(".aiblog-share") is None
        assert off.text(name) == empty.text(name)
        # Without site_url MkDocs leaves the canonical link and og:url out: compare the article.
        assert str(off.html(name).select_one("article")) == str(
            without.html(name).select_one("article")
        )


def test_share_false_turns_one_post_s_links_off(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=_config(), files=_posts(share=False), strict=True)
    assert site.ok, site.warnings
    assert site.html("posts/a.md").select_one(".aiblog-share") is None
    assert site.html("posts/b.md").select_one(".aiblog-share") is not None


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize("value", ["no", "false", 0, 1, [], ["x"], {"enabled": False}, "<b>x</b>"])
def test_a_share_value_that_is_not_true_or_false_is_one_warning(tmp_path: Path, value: Any) -> None:
    site = build_site(tmp_path, config=_config(), files=_posts(share=value))
    [warning] = site.warnings
    assert warning.startswith("aiblog: posts/a.md: share: ") and "is not true or false" in warning
    assert site.html("posts/a.md").select_one(".aiblog-share") is not None  # not guessed off
    assert "<b>x</b>" not in site.text("posts/a.md")
    assert build_fails_strict(
        tmp_path / "strict", config=_config(), files=_posts(share=value)
    ).warnings


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize("name", ["myspace", "<img src=x onerror=alert(1)>", "facebook\n\x1b[31m"])
def test_an_unknown_network_is_one_warning_and_the_rest_are_shown(
    tmp_path: Path, name: str
) -> None:
    config = _config({"networks": ["email", name, "bluesky"]})
    site = build_site(tmp_path, config=config, files=_posts())
    [warning] = site.warnings
    assert warning.startswith("aiblog: mkdocs.yml: aiblog: share: networks: ")
    assert "\n" not in warning and "\x1b" not in warning
    labels = [a["aria-label"] for a in site.html("posts/b.md").select(".aiblog-share a")]
    assert labels == ["Share by e-mail", "Share on Bluesky"]
    assert build_fails_strict(tmp_path / "strict", config=config, files=_posts()).warnings


@pytest.mark.parametrize("page", ["javascript:alert(1)", "/share", "https://m.example/#x"])
def test_a_bad_mastodon_page_is_one_warning_and_no_mastodon_link(tmp_path: Path, page: str) -> None:
    site = build_site(tmp_path, config=_config({"mastodon": page}), files=_posts())
    [warning] = site.warnings
    assert warning.startswith("aiblog: mkdocs.yml: aiblog: share: mastodon: ")
    hrefs = [a["href"] for a in site.html("posts/b.md").select(".aiblog-share a")]
    assert len(hrefs) == 6 and not any("javascript" in h or "m.example" in h for h in hrefs)


def test_options_choose_order_mastodon_server_and_the_copy_button(tmp_path: Path) -> None:
    share = {
        "networks": ["mastodon", "x"],
        "mastodon": "https://fosstodon.org/share",
        "copy_link": False,
    }
    site = build_site(tmp_path, config=_config(share), files=_posts(), strict=True)
    block = site.html("posts/b.md").select_one(".aiblog-share")
    assert block is not None and block.select_one("button") is None
    hrefs = [a["href"] for a in block.select("a")]
    assert hrefs[0].startswith("https://fosstodon.org/share?text=Second%20https%3A%2F%2F")
    assert hrefs[1].startswith("https://x.com/intent/post?url=")


HOSTILE_TITLES = [
    '"><script>alert(1)</script>',
    "Q&A: #1? 100% + more = 'ok'",
    "مرحبا \u202eevil\u202c 🚀",
    "{{ 7*7 }} {% raw %}",
]


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_reaches_the_links_only_encoded(tmp_path: Path, title: str) -> None:
    files = {**_posts(), "posts/b.md": post(title=title, date="2026-11-02")}
    site = build_site(tmp_path, config=_config(), files=files)
    block = site.html("posts/b.md").select_one(".aiblog-share")
    assert block is not None
    # (Material itself writes a title into <title> unescaped: the posts core warns about markup.)
    assert "<script>" not in str(block) and "{{" not in str(block) and "49" not in block.get_text()
    for a in block.select("a"):
        query = parse_qs(urlsplit(a["href"]).query)
        values = [v[0] for v in query.values()]
        assert any(title in value for value in values) or list(query) == ["url"], a["href"]


def test_words_follow_the_site_language(tmp_path: Path) -> None:
    site = build_site(
        tmp_path, config=_config(theme={"name": "material", "language": "de"}), files=_posts()
    )
    block = site.html("posts/b.md").select_one(".aiblog-share")
    assert block is not None
    assert block.select_one(".aiblog-share__title").get_text() == "Beitrag teilen"  # type: ignore[union-attr]
    assert block.select("a")[0]["aria-label"] == "Auf Bluesky teilen"
    assert block.select_one("button")["aria-label"] == "Link kopieren"  # type: ignore[index]


def test_drafts_and_pages_that_are_not_posts_have_no_links(tmp_path: Path) -> None:
    files = {
        **_posts(),
        "posts/d.md": post(title="Draft", date="2026-11-04", draft=True),
        "about.md": "# About\n",
    }
    site = build_site(tmp_path, config=_config(), files=files)
    assert site.html("about.md").select_one(".aiblog-share") is None
    assert site.html("index.md").select_one(".aiblog-share") is None
    assert not site.path("posts/d.md").exists()
