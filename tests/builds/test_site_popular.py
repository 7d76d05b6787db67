"""Real builds: "Popular posts from this blog", from the sidebar to the analytics export."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import (
    PNG,
    REPO_ROOT,
    FileContent,
    build_fails_strict,
    build_site,
    capture_mkdocs_logs,
    post,
    write_project,
)

from mkdocs_aiblog.page import render
from mkdocs_aiblog.popular import lists as popular
from mkdocs_aiblog.popular import ranking

EXPORTS = REPO_ROOT / "tests" / "data" / "exports"
SERVE_URL = "http://127.0.0.1:8000/"

Entry = tuple[str, str]
"""A listed post as the reader sees it: (title, data-aiblog-reason)."""


def blog(**posts: str) -> dict[str, FileContent]:
    """A home page and the given posts (`name=source` -> `posts/name.md`)."""
    files: dict[str, FileContent] = {"index.md": "# Home\n\nWelcome.\n"}
    files.update({f"posts/{name}.md": text for name, text in posts.items()})
    return files


def aiblog(**popular_options: Any) -> dict[str, Any]:
    """A config with the plugin's `popular:` options."""
    return {"plugins": [{"aiblog": {"popular": popular_options}}]}


def block(page: BeautifulSoup, where: str = "after") -> Tag:
    """The page's popular block (`sidebar` or `after`); fails if it is not there."""
    found = page.select(f".aiblog-popular--{where}")
    assert len(found) == 1, f"expected one .aiblog-popular--{where}, found {len(found)}"
    return found[0]


def entries(page: BeautifulSoup, where: str = "after") -> list[Entry]:
    """Titles and reasons of the page's popular block, in order."""
    listed: list[Entry] = []
    for item in block(page, where).select("li.aiblog-popular__item"):
        name = item.select_one(".aiblog-popular__name")
        assert name is not None
        listed.append((name.get_text(strip=True), str(item["data-aiblog-reason"])))
    return listed


def titles(page: BeautifulSoup, where: str = "after") -> list[str]:
    return [title for title, _ in entries(page, where)]


def links(body: str, *targets: str) -> str:
    """A post body linking to other posts with relative Markdown links."""
    refs = " ".join(f"See [{target}]({target}.md)." for target in targets)
    return f"A lede. {refs}\n\n## Why it matters\n\nThree short points.\n{body}"


# --- where the block goes ---------------------------------------------------------------


def test_in_the_sidebar_under_the_toc_and_after_the_article(tmp_path: Path) -> None:
    files = blog(
        a=post(title="Alpha", date="2026-01-01"),
        b=post(title="Beta", date="2026-01-02"),
        c=post(title="Gamma", date="2026-01-03"),
    )
    site = build_site(tmp_path, files=files, check=True)
    assert site.warnings == []
    page = site.html("posts/a.md")

    inner = page.select_one(".md-sidebar--secondary .md-sidebar__inner")
    assert inner is not None
    children = [child for child in inner.children if isinstance(child, Tag)]
    assert [child.name for child in children] == ["nav", "nav"]
    toc, side = children
    assert "md-nav--secondary" in toc["class"]  # Material's TOC first ...
    assert side["class"] == ["aiblog-popular", "aiblog-popular--sidebar"]  # ... then ours
    title = side.select_one(".aiblog-popular__title")
    assert title is not None and title.get_text(strip=True) == "Popular posts from this blog"
    assert side["aria-labelledby"] == title["id"] == "aiblog-popular-sidebar"

    after = block(page, "after")
    # After the article's text, inside the content column, not in a sidebar.
    assert after.find_parent(class_="md-content") is not None
    assert after.find_parent(class_="md-sidebar") is None
    h1 = page.select_one("article h1")
    assert h1 is not None and after in h1.find_all_next("nav")
    # The sidebar exists, so the stylesheet shows this copy only on narrow screens.
    assert "aiblog-popular--always" not in after["class"]
    assert (
        entries(page, "sidebar")
        == entries(page, "after")
        == [
            ("Gamma", "recent"),
            ("Beta", "recent"),
        ]
    )


@pytest.mark.parametrize(
    ("config", "meta", "sidebar"),
    [
        ({"theme": {"name": "material", "features": ["toc.integrate"]}}, {}, "absent"),
        ({}, {"hide": ["toc"]}, "hidden"),
    ],
    ids=["toc.integrate", "hide-toc"],
)
def test_without_a_visible_sidebar_the_after_copy_is_always_shown(
    tmp_path: Path, config: dict[str, Any], meta: dict[str, Any], sidebar: str
) -> None:
    files = blog(a=post(title="Alpha", date="2026-01-01", **meta), b=post(title="Beta"))
    site = build_site(tmp_path, config=config, files=files, check=True)
    assert site.warnings == []
    page = site.html("posts/a.md")
    after = block(page, "after")
    assert "aiblog-popular--always" in after["class"]
    assert titles(page) == ["Beta"]
    secondary = page.select_one(".md-sidebar--secondary")
    if sidebar == "absent":
        assert secondary is None
        assert page.select(".aiblog-popular--sidebar") == []
    else:  # Material keeps the sidebar's markup, hidden: any copy there is never seen
        assert secondary is not None and secondary.has_attr("hidden")
        for copy in page.select(".aiblog-popular--sidebar"):
            assert copy.find_parent(class_="md-sidebar--secondary") is secondary
    # The other post keeps its sidebar: the choice is made per page.
    other = site.html("posts/b.md")
    if sidebar == "hidden":
        assert "aiblog-popular--always" not in block(other, "after")["class"]
        assert titles(other, "sidebar") == ["Alpha"]


# --- the order ----------------------------------------------------------------------------

ORDER_POSTS = {
    # Pins: numbers (lower first) before `true`, whatever the dates; they also link.
    "pin-true": post(title="Pin true", date="2026-06-01", popular=True),
    "pin-zero": post(title="Pin zero", date="2024-06-01", popular=0),  # 0 is a number
    "pin-two": post(title="Pin two", date="2026-05-01", popular=2, body=links("", "linked-twice")),
    "pin-one": post(
        title="Pin one",
        date="2026-01-01",
        popular=1,
        body=links("", "linked-twice", "linked-once"),
    ),
    # Views from the export: most first; equal views, equal dates: by title.
    "most-viewed": post(title="Most viewed", date="2025-01-01"),
    "aa-beta-views": post(title="Beta views", date="2025-01-01"),
    "zz-alpha-views": post(title="Alpha views", date="2025-01-01"),
    # Linked to by other posts, most linked first, even though older than the rest.
    "linked-once": post(title="Linked once", date="2025-03-01"),
    "linked-twice": post(title="Linked twice", date="2025-02-01"),
    # The rest: newest first, then by title (file names in the other order).
    "aa-gamma": post(title="Gamma", date="2026-04-01"),
    "zz-delta": post(title="Delta", date="2026-04-01"),
    "old": post(title="Old", date="2024-01-01"),
    # Opted out: never listed, but it still shows the list.
    "reader": post(title="Reader", date="2026-12-01", popular=False),
}
ORDER_VIEWS = """{
  "/posts/most-viewed/": 50,
  "/posts/aa-beta-views/": 10,
  "/posts/zz-alpha-views/": 10,
  "/posts/pin-true/": 999
}"""
EXPECTED_ORDER = [
    ("Pin zero", "pinned"),
    ("Pin one", "pinned"),
    ("Pin two", "pinned"),
    ("Pin true", "pinned"),
    ("Most viewed", "views"),
    ("Alpha views", "views"),
    ("Beta views", "views"),
    ("Linked twice", "links"),
    ("Linked once", "links"),
    ("Delta", "recent"),
    ("Gamma", "recent"),
    ("Old", "recent"),
]


def test_pins_then_views_then_links_then_recency(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        config=aiblog(views_file="views.json", limit=20),
        files=blog(**ORDER_POSTS),
        extra_files={"views.json": ORDER_VIEWS},
        check=True,
    )
    assert site.warnings == []
    reader = site.html("posts/reader.md")
    assert entries(reader) == entries(reader, "sidebar") == EXPECTED_ORDER
    # Every other page shows the same order, without itself.
    for name in ("pin-one", "most-viewed", "linked-twice", "old"):
        page = site.html(f"posts/{name}.md")
        title = ORDER_POSTS[name].split("title: ", 1)[1].split("\n", 1)[0]
        assert entries(page) == [entry for entry in EXPECTED_ORDER if entry[0] != title]


# --- what is listed -----------------------------------------------------------------------


def test_the_current_page_is_never_listed_and_the_limit_holds(tmp_path: Path) -> None:
    files = blog(**{f"p{n}": post(title=f"Post {n}", date=f"2026-01-{n:02d}") for n in range(1, 8)})
    site = build_site(tmp_path, config=aiblog(limit=3), files=files, check=True)
    newest_first = [f"Post {n}" for n in range(7, 0, -1)]
    for n in range(1, 8):
        page = site.html(f"posts/p{n}.md")
        others = [title for title in newest_first if title != f"Post {n}"]
        listed = titles(page)
        # Ranked by recency alone: a window of the six others, in order (`ranking.spread`).
        assert listed == titles(page, "sidebar") and len(listed) == 3
        assert listed == [title for title in others if title in listed]


def test_drafts_are_never_listed_and_their_links_do_not_count(tmp_path: Path) -> None:
    files = blog(
        target=post(title="Target", date="2026-01-01"),
        newer=post(title="Newer", date="2026-02-01"),
        draft=post(
            title="Draft",
            date="2026-03-01",
            draft=True,
            popular=True,
            body=links("", "target"),
        ),
    )
    site = build_site(tmp_path, files=files, check=True)
    assert not site.path("posts/draft.md").exists()
    # Had the draft's link counted, Target (links) would come before Newer (recent).
    assert entries(site.html("posts/newer.md")) == [("Target", "recent")]
    assert entries(site.html("posts/target.md")) == [("Newer", "recent")]


def test_a_published_post_linking_makes_the_difference(tmp_path: Path) -> None:
    """The counterpart of the draft test: the same link from a published post counts."""
    files = blog(
        target=post(title="Target", date="2026-01-01"),
        newer=post(title="Newer", date="2026-02-01"),
        source=post(title="Source", date="2026-03-01", body=links("", "target")),
    )
    site = build_site(tmp_path, files=files, check=True)
    assert entries(site.html("posts/newer.md")) == [("Target", "links"), ("Source", "recent")]


def test_an_opted_out_post_is_not_listed_but_shows_the_list(tmp_path: Path) -> None:
    files = blog(
        shy=post(title="Shy", date="2026-03-01", popular=False),
        a=post(title="Alpha", date="2026-01-01"),
        b=post(title="Beta", date="2026-02-01"),
    )
    site = build_site(tmp_path, files=files, check=True)
    assert titles(site.html("posts/a.md")) == ["Beta"]
    assert titles(site.html("posts/b.md")) == ["Alpha"]
    assert titles(site.html("posts/shy.md")) == ["Beta", "Alpha"]


@pytest.mark.parametrize("pages", [None, "posts", "all"])
def test_the_block_is_on_posts_by_default_and_everywhere_with_pages_all(
    tmp_path: Path, pages: str | None
) -> None:
    files = blog(a=post(title="Alpha", date="2026-01-01"), b=post(title="Beta"))
    files["about.md"] = "# About\n\nWho we are.\n\n## Contact\n\nWrite to us.\n"
    config = aiblog() if pages is None else aiblog(pages=pages)
    site = build_site(tmp_path, config=config, files=files, check=True)
    assert titles(site.html("posts/a.md")) == ["Beta"]
    for other in ("index.md", "about.md"):
        page = site.html(other)
        if pages == "all":
            assert titles(page) == titles(page, "sidebar") == ["Beta", "Alpha"]
        else:
            assert page.select(".aiblog-popular") == []


def test_thumbnails_have_a_size_and_can_be_turned_off(tmp_path: Path) -> None:
    files = blog(
        a=post(title="Alpha", date="2026-01-01"),
        b=post(title="Beta", image="images/b.png"),
        c=post(title="Gamma", date="2026-01-02"),
    )
    files["posts/images/b.png"] = PNG
    site = build_site(tmp_path / "on", files=files, check=True)
    for where in ("sidebar", "after"):
        images = block(site.html("posts/a.md"), where).select("img")
        assert len(images) == 1  # Gamma has no image: no empty thumbnail either
        image = images[0]
        assert image["src"] == "../../posts/images/b.png"
        assert (image["width"], image["height"]) == ("48", "48")
        assert image["alt"] == ""  # decorative: the title says it all
        assert "aiblog-popular__thumb" in image["class"]
    off = build_site(tmp_path / "off", config=aiblog(thumbnails=False), files=files, check=True)
    page = off.html("posts/a.md")
    assert titles(page) == ["Beta", "Gamma"]
    assert page.select(".aiblog-popular img") == []


@pytest.mark.parametrize("directory_urls", [True, False])
def test_entries_link_to_the_posts(tmp_path: Path, directory_urls: bool) -> None:
    files = blog(
        a=post(title="Alpha", date="2026-01-01", image="images/a.png"),
        b=post(title="Beta", date="2026-01-02", image="images/b.png"),
    )
    files["posts/images/a.png"] = files["posts/images/b.png"] = PNG
    files["about.md"] = "# About\n"
    config = aiblog(pages="all") | {"use_directory_urls": directory_urls}
    site = build_site(tmp_path, config=config, files=files, check=True)
    # Links go through the site's root (`base_url`): the same five entries are then
    # the same HTML on every page of a folder depth, rendered once.
    expected = {
        ("posts/a.md", True): (["../../posts/b/"], ["../../posts/images/b.png"]),
        ("posts/a.md", False): (["../posts/b.html"], ["../posts/images/b.png"]),
        ("index.md", True): (
            ["posts/b/", "posts/a/"],
            ["posts/images/b.png", "posts/images/a.png"],
        ),
        ("index.md", False): (
            ["posts/b.html", "posts/a.html"],
            ["posts/images/b.png", "posts/images/a.png"],
        ),
    }
    for source in ("posts/a.md", "index.md", "about.md"):
        page = site.html(source)
        page_path = site.path(source).relative_to(site.site_dir).as_posix()
        for where in ("sidebar", "after"):
            nav = block(page, where)
            hrefs = [str(a["href"]) for a in nav.select("a.aiblog-popular__link")]
            srcs = [str(img["src"]) for img in nav.select("img")]
            if (source, directory_urls) in expected:
                assert (hrefs, srcs) == expected[source, directory_urls]
            # Whatever the page, each link and image resolves to a built file.
            for ref in hrefs + srcs:
                assert "://" not in ref and not ref.startswith("/")
                target = site.site_dir / posixpath.normpath(
                    posixpath.join(posixpath.dirname(page_path), ref)
                )
                if target.is_dir():
                    target /= "index.html"
                assert target.is_file(), f"{source}: {ref} -> {target}"


# --- analytics exports ----------------------------------------------------------------

EXPORT_POSTS = {
    # Dated so that recency alone would rank them the other way round.
    "ai-power-clash": post(title="AI power clash", date="2026-01-01"),
    "open-weights-summer": post(title="Open weights summer", date="2026-01-02"),
    "chip-export-rules": post(title="Chip export rules", date="2026-01-03"),
    "agents-at-work": post(title="Agents at work", date="2026-01-04"),
    "eu-ai-act-deadline": post(title="EU AI Act deadline", date="2026-01-05"),
    "no-views": post(title="No views", date="2026-01-06", popular=False),
}


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize(
    ("export", "fmt", "expected"),
    [
        # Rows counted; query strings and index.html folded in; events and bots skipped;
        # equal views (2 and 2) go to the newer post.
        (
            "goatcounter-export.csv",
            "goatcounter",
            ["AI power clash", "Chip export rules", "Open weights summer", "Agents at work"],
        ),
        (
            "plausible-pages.csv",
            "plausible",
            [
                "AI power clash",
                "Open weights summer",
                "Chip export rules",
                "Agents at work",
                "EU AI Act deadline",
            ],
        ),
        (
            "umami-pages.csv",
            "umami",
            [
                "AI power clash",
                "Open weights summer",
                "Chip export rules",
                "Agents at work",
                "EU AI Act deadline",
            ],
        ),
        # A totals-free report; `index.html` rows add to the page's.
        (
            "ga4-pages-and-screens.csv",
            "ga4",
            ["AI power clash", "Open weights summer", "Chip export rules", "Agents at work"],
        ),
        # Rows by date are summed: 620 + 44 beats 410 + 95.
        (
            "ga4-pages-by-date.csv",
            "ga4",
            ["Open weights summer", "AI power clash", "Chip export rules"],
        ),
        # `.html`, a full URL with the site's host, sub-path and a fragment.
        (
            "views.csv",
            "csv",
            [
                "AI power clash",
                "Open weights summer",
                "Chip export rules",
                "Agents at work",
                "EU AI Act deadline",
            ],
        ),
        (
            "views.json",
            "json",
            ["AI power clash", "Open weights summer", "Chip export rules", "Agents at work"],
        ),
    ],
)
@pytest.mark.parametrize("explicit", [False, True], ids=["auto", "named"])
def test_each_export_format_ranks_by_views(
    tmp_path: Path, export: str, fmt: str, expected: list[str], explicit: bool
) -> None:
    options: dict[str, Any] = {"views_file": f"analytics/{export}", "limit": 10}
    if explicit:
        options["views_format"] = fmt
    site = build_site(
        tmp_path,
        config=aiblog(**options) | {"site_url": "https://example.org/blog/"},
        files=blog(**EXPORT_POSTS),
        extra_files={f"analytics/{export}": (EXPORTS / export).read_bytes()},
        check=True,
    )
    assert site.warnings == []
    listed = entries(site.html("posts/no-views.md"))
    viewed = [title for title, reason in listed if reason == "views"]
    assert listed[0] == (expected[0], "views")
    assert viewed == expected
    # The rest follow, newest first.
    rest = [title for title, reason in listed if reason != "views"]
    assert rest == [t for t in reversed(list_titles(EXPORT_POSTS)) if t not in viewed]
    assert all(reason in ("views", "recent") for _, reason in listed)


def list_titles(posts: Mapping[str, str]) -> list[str]:
    """The titles of listable `posts` (not opted out), in the mapping's order."""
    return [
        text.split("title: ", 1)[1].split("\n", 1)[0]
        for text in posts.values()
        if "popular: false" not in text
    ]


def test_path_variations_match_their_post(tmp_path: Path) -> None:
    export = (
        "path,views\n"
        "https://example.org/blog/posts/a/?utm_source=feed#comments,6\n"
        "/blog/posts/a/index.html,5\n"  # 11 for a, over several spellings
        "/blog/posts/b/?ref=rss,9\n"
        "/blog/posts/c.html,4\n"
        "/blog/posts/c/index.html?x=1,3\n"  # 7 for c
        "//example.org/blog/posts/d,2\n"
    )
    files = blog(
        **{
            name: post(title=name.upper(), date=f"2026-01-0{i}")
            for i, name in enumerate("abcde", 1)
        }
    )
    config = aiblog(views_file="views.csv", limit=10) | {"site_url": "https://example.org/blog/"}
    site = build_site(tmp_path, config=config, files=files, extra_files={"views.csv": export})
    assert site.ok and site.warnings == []
    assert entries(site.html("posts/e.md")) == [
        ("A", "views"),
        ("B", "views"),
        ("C", "views"),
        ("D", "views"),
    ]


# --- bad data -----------------------------------------------------------------------------

BAD_EXPORTS: list[tuple[str, FileContent | None, str]] = [
    ("missing", None, "aiblog: analytics/views.csv: cannot read "),
    ("not-json", '{"/posts/a/": 3,\n', "aiblog: analytics/views.csv: line 2: not valid JSON"),
    (
        "unknown-columns",
        "when,what\n2026-01-01,x\n",
        "aiblog: analytics/views.csv: line 1: the columns (when, what) are not those of",
    ),
    (
        "not-a-number",
        "path,views\n/posts/a/,12\n/posts/b/,many\n",
        "aiblog: analytics/views.csv: line 3: 'many' is not a whole number",
    ),
]


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize(
    ("content", "message"),
    [case[1:] for case in BAD_EXPORTS],
    ids=[case[0] for case in BAD_EXPORTS],
)
def test_a_bad_export_warns_once_and_fails_strict(
    tmp_path: Path, content: FileContent | None, message: str
) -> None:
    files = blog(a=post(title="Alpha", date="2026-01-01"), b=post(title="Beta", date="2026-01-02"))
    extra = {} if content is None else {"analytics/views.csv": content}
    config = aiblog(views_file="analytics/views.csv")
    lenient = build_site(tmp_path / "lenient", config=config, files=files, extra_files=extra)
    assert lenient.ok
    assert len(lenient.warnings) == 1, lenient.warnings
    assert lenient.warnings[0].startswith(message), lenient.warnings
    # What could be read still ranks; the rest falls back to links and recency.
    listed = entries(lenient.html("posts/b.md"))
    assert [title for title, _ in listed] == ["Alpha"]
    if "whole number" in message:
        assert listed == [("Alpha", "views")]  # the good row of the file counted
    strict = build_fails_strict(tmp_path / "strict", config=config, files=files, extra_files=extra)
    assert strict.warnings[0].startswith(message)


def test_rows_of_other_pages_are_one_info_line(tmp_path: Path) -> None:
    export = "path,views\n/,500\n/about/,40\n/tags/,3\n/posts/gone/,7\n/posts/a/,2\n"
    files = blog(a=post(title="Alpha", date="2026-01-01"), b=post(title="Beta", date="2026-01-02"))
    config = aiblog(views_file="views.csv")
    site = build_site(tmp_path, config=config, files=files, extra_files={"views.csv": export})
    assert site.ok and site.warnings == []
    infos = [message for level, message in site.logs if "match no post" in message]
    assert infos == ["aiblog: views.csv: 4 paths (550 views) match no post"]
    assert [level for level, message in site.logs if "match no post" in message] == ["INFO"]
    assert entries(site.html("posts/b.md")) == [("Alpha", "views")]
    strict = build_site(
        tmp_path / "strict",
        config=config,
        files=files,
        extra_files={"views.csv": export},
        strict=True,
    )
    assert strict.ok  # an INFO line never fails --strict


def test_a_popular_value_that_is_not_a_pin_warns(tmp_path: Path) -> None:
    files = blog(
        x=post(title="X", date="2026-01-01", popular="yes"),
        y=post(title="Y", date="2026-01-02"),
        z=post(title="Z", date="2026-01-03"),
    )
    site = build_site(tmp_path / "lenient", files=files)
    assert site.ok
    assert len(site.warnings) == 1
    assert site.warnings[0].startswith("aiblog: posts/x.md: popular: 'yes' ")
    # Left out rather than guessed: not pinned, listed by recency like any post.
    assert entries(site.html("posts/z.md")) == [("Y", "recent"), ("X", "recent")]
    strict = build_fails_strict(tmp_path / "strict", files=files)
    assert strict.warnings[0].startswith("aiblog: posts/x.md: popular: 'yes' ")


# --- cost ---------------------------------------------------------------------------------


class CountingSequence(Sequence[ranking.Ranked]):
    """A ranking that counts how many entries the per-page function reads."""

    def __init__(self, items: Sequence[ranking.Ranked], reads: list[int]) -> None:
        self.items, self.reads = items, reads

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: Any) -> Any:
        return self.items[index]

    def __iter__(self) -> Iterator[ranking.Ranked]:
        for item in self.items:
            self.reads[-1] += 1
            yield item


def test_the_ranking_is_computed_once_and_each_page_reads_a_few_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # popular.py imports the functions by name: patch the names it calls.
    names = vars(popular)
    assert names["rank"] is ranking.rank and names["spread"] is ranking.spread
    rank_calls: list[int] = []
    reads: list[int] = []
    real_rank, real_spread = ranking.rank, ranking.spread

    def counting_rank(*args: Any, **kwargs: Any) -> tuple[ranking.Ranked, ...]:
        result: tuple[ranking.Ranked, ...] = real_rank(*args, **kwargs)
        rank_calls.append(len(result))
        return result

    def counting_spread(
        ranked: Sequence[ranking.Ranked], *, exclude: str | None, limit: int
    ) -> list[ranking.Ranked]:
        reads.append(0)
        chosen: list[ranking.Ranked] = real_spread(
            CountingSequence(ranked, reads), exclude=exclude, limit=limit
        )
        return chosen

    monkeypatch.setattr(popular, "rank", counting_rank)
    monkeypatch.setattr(popular, "spread", counting_spread)
    count, limit = 30, 4
    files = blog(
        **{f"p{n:02d}": post(title=f"Post {n:02d}", date=f"2026-01-{n:02d}") for n in range(1, 31)}
    )
    files["about.md"] = "# About\n"
    site = build_site(tmp_path, config=aiblog(limit=limit), files=files, check=True)
    assert rank_calls == [count]  # once per build, every post ranked
    assert len(reads) == count  # once per post page (not the home page, nor about)
    # never the whole ranking: the first places, then a pool of twice the places
    assert max(reads) <= 3 * limit + 2
    assert len(titles(site.html("posts/p30.md"))) == limit


def test_the_entries_are_rendered_once_per_distinct_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[str] = []
    real_render = render.Partials.render

    def counting_render(self: render.Partials, name: str, *args: Any, **kwargs: Any) -> str:
        rendered.append(name)
        return real_render(self, name, *args, **kwargs)

    monkeypatch.setattr(render.Partials, "render", counting_render)
    files = blog(
        **{f"p{n:02d}": post(title=f"Post {n:02d}", date=f"2026-01-{n:02d}") for n in range(1, 31)}
    )
    site = build_site(tmp_path, config=aiblog(limit=4), files=files, check=True)
    # Ranked by recency alone, each page shows a window of 4 of the 8 newest others
    # (`ranking.spread`): 8 windows, and as many again for the 8 newest pages, whose
    # pools leave themselves out; bounded by the limit, not one render per post.
    assert rendered.count("popular-list") <= 4 * 4
    assert rendered.count("popular") == 2 * 30  # the boxes: sidebar and after, per post
    newest = [f"Post {n:02d}" for n in range(30, 0, -1)]
    for src in ("posts/p01.md", "posts/p30.md"):
        listed = titles(site.html(src))
        assert len(listed) == 4 and listed == [t for t in newest[:9] if t in listed]


# --- serve: the plugin object lives on --------------------------------------------------


def serve_config(tmp_path: Path, files: Mapping[str, FileContent], *, dirty: bool) -> Any:
    config_file = write_project(tmp_path, files=files)
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=dirty)
    return config


def read(config: Any, page: str) -> BeautifulSoup:
    path = Path(config.site_dir) / page / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_serve_rebuilds_list_the_current_posts(tmp_path: Path) -> None:
    files = blog(
        a=post(title="Alpha", date="2026-01-01"),
        b=post(title="Beta", date="2026-01-02"),
        c=post(title="Gamma", date="2026-01-03"),
    )
    config = serve_config(tmp_path, files, dirty=False)
    with capture_mkdocs_logs() as logs:
        build(config, serve_url=SERVE_URL)
        assert titles(read(config, "posts/a")) == ["Gamma", "Beta"]

        docs = tmp_path / "docs" / "posts"
        (docs / "b.md").write_text(
            post(title="Beta renamed", date="2026-01-02", popular=True), encoding="utf-8"
        )
        (docs / "c.md").unlink()
        (docs / "d.md").write_text(post(title="Delta", date="2026-01-04"), encoding="utf-8")
        build(config, serve_url=SERVE_URL)
    assert [m for level, m in logs if level == "WARNING"] == []
    assert entries(read(config, "posts/a")) == [("Beta renamed", "pinned"), ("Delta", "recent")]
    assert titles(read(config, "posts/d")) == ["Beta renamed", "Alpha"]
    # Gamma's page may linger in the site folder; no list names it.
    for page in ("posts/a", "posts/b", "posts/d"):
        assert "Gamma" not in titles(read(config, page), "sidebar")


def test_a_dirty_rebuild_keeps_the_posts_it_does_not_read_again(tmp_path: Path) -> None:
    files = blog(
        a=post(title="Alpha", date="2026-01-01"),
        b=post(title="Beta", date="2026-01-02"),
        c=post(title="Gamma", date="2026-01-03"),
    )
    config = serve_config(tmp_path, files, dirty=True)
    build(config, serve_url=SERVE_URL, dirty=True)
    site = Path(config.site_dir)
    untouched = {name: (site / f"posts/{name}/index.html").stat().st_mtime_ns for name in "bc"}

    source = tmp_path / "docs/posts/a.md"
    source.write_text(
        post(title="Alpha edited", date="2026-01-01", body=links("", "b")), encoding="utf-8"
    )
    later = (site / "posts/a/index.html").stat().st_mtime + 10
    os.utime(source, (later, later))  # newer than its output: File.is_modified
    with capture_mkdocs_logs() as logs:
        build(config, serve_url=SERVE_URL, dirty=True)
    warnings = [m for level, m in logs if level == "WARNING"]
    assert [m for m in warnings if not m.startswith("A 'dirty' build")] == []
    # Only a.md was read and written again ...
    assert {
        name: (site / f"posts/{name}/index.html").stat().st_mtime_ns for name in "bc"
    } == untouched
    page = read(config, "posts/a")
    assert page.select_one("article h1") is not None
    assert "Alpha edited" in page.get_text()
    # ... yet its list still holds the posts not read again, ranked with the new link.
    assert entries(page) == [("Beta", "links"), ("Gamma", "recent")]
    assert entries(page, "sidebar") == entries(page)
