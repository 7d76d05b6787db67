"""Related posts and series in real builds: where they sit, what they list, bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuild import PNG, Site, build_fails_strict, build_site, post

COMMENTS = (
    '{% if page.meta.comments %}<h2 id="__comments">Comments</h2>'
    '<div class="giscus"></div>{% endif %}\n'
)


def site_of(tmp_path: Path, files: dict[str, Any], strict: bool = True, **options: Any) -> Site:
    config: dict[str, Any] = {
        "site_url": "https://example.org/",
        "theme": {"name": "material", "custom_dir": "overrides"},
        "plugins": [{"aiblog": {"popular": {"pages": "all"}, **options}}],
    }
    return build_site(
        tmp_path,
        config=config,
        files={"index.md": "# Home\n\nWelcome.\n", **files},
        extra_files={"overrides/partials/comments.html": COMMENTS},
        strict=strict,
        check=strict,
    )


def chips(**extra: Any) -> dict[str, Any]:
    """Three parts of "Chips" a week apart, two unrelated posts between them, one related."""
    return {
        "posts/one.md": post(title="Wafers", date="2026-10-01", series="Chips", tags=["Fabs"]),
        "posts/two.md": post(
            title="Packaging", date="2026-10-08", series="Chips", tags=["Fabs", "HBM"],
            comments=True, full_story="https://example.com/two", image="two.png",
        ),
        "posts/two.png": PNG,
        "posts/three.md": post(title="Memory", date="2026-10-15", series="Chips", tags=["HBM"]),
        "posts/gap1.md": post(title="Gap one", date="2026-10-09", tags=["Art"]),
        "posts/gap2.md": post(title="Gap two", date="2026-10-07", tags=["Art"]),
        "posts/hbm.md": post(title="Memory makers", date="2026-09-01", tags=["HBM", "Fabs"]),
        **extra,
    }  # fmt: skip


def position(page: BeautifulSoup, tag: Tag | None) -> int:
    assert tag is not None
    return next(i for i, element in enumerate(page.find_all(True)) if element is tag)


def listed(page: BeautifulSoup) -> list[str]:
    return [n.get_text(strip=True) for n in page.select(".aiblog-related .aiblog-popular__name")]


def test_the_end_of_a_post_reads_card_newer_older_series_related_popular_comments(
    tmp_path: Path,
) -> None:
    site = site_of(tmp_path, chips())
    assert site.warnings == []
    page = site.html("posts/two.md")
    parts = [
        page.find("p", string="Three short points."),
        page.select_one("aside.aiblog-full-story"),
        page.select_one("nav.aiblog-newer-older:not(.aiblog-series-nav)"),
        page.select_one("nav.aiblog-series-nav"),
        page.select_one("nav.aiblog-related"),
        page.select_one("nav.aiblog-popular--after"),
        page.select_one("#__comments"),
    ]
    order = [position(page, part) for part in parts]
    assert order == sorted(order), order
    assert "<!--aiblog:" not in site.text("posts/two.md")


def test_the_series_box_follows_the_byline_and_marks_the_current_part(tmp_path: Path) -> None:
    page = site_of(tmp_path, chips()).html("posts/two.md")
    box = page.select_one("nav.aiblog-series")
    assert box is not None
    assert position(page, page.select_one(".aiblog-byline")) < position(page, box)
    assert position(page, box) < position(
        page, page.find("p", string=lambda s: "lede" in (s or ""))
    )
    title = box.select_one(".admonition-title")
    assert title is not None and title.get_text() == "Part 2 of 3 in Chips"
    items = box.select("li")
    assert [li.get_text(strip=True) for li in items] == ["Wafers", "Packaging", "Memory"]
    current = box.select('[aria-current="page"]')
    assert current == [items[1]] and items[1].find("a") is None
    assert [a["href"] for a in box.select("a")] == ["../one/", "../three/"]


def test_next_and_previous_in_the_series_skip_the_posts_between(tmp_path: Path) -> None:
    page = site_of(tmp_path, chips()).html("posts/two.md")
    nav = page.select_one("nav.aiblog-series-nav")
    assert nav is not None and nav["aria-label"] == "Parts of this series"
    previous = nav.select_one(".aiblog-series-nav__link--previous")
    following = nav.select_one(".aiblog-series-nav__link--next")
    assert previous is not None and following is not None
    assert previous["href"] == "../one/" and "Previous in this series" in previous.get_text()
    assert following["href"] == "../three/" and "Next in this series" in following.get_text()
    newer_older = page.select_one("nav.aiblog-newer-older:not(.aiblog-series-nav)")
    assert newer_older is not None
    assert [a["href"] for a in newer_older.select("a")] == ["../gap1/", "../gap2/"]


def test_the_first_part_links_only_forward(tmp_path: Path) -> None:
    page = site_of(tmp_path, chips()).html("posts/one.md")
    nav = page.select_one("nav.aiblog-series-nav")
    assert nav is not None and len(nav.select("a")) == 1
    assert nav.select_one(".aiblog-series-nav__link--next") is not None


def test_related_posts_never_list_the_post_its_neighbours_or_drafts(tmp_path: Path) -> None:
    draft = post(title="Secret memory", date="2026-10-02", tags=["HBM", "Fabs"], draft=True)
    site = site_of(tmp_path, chips(**{"posts/draft.md": draft}))
    page = site.html("posts/two.md")
    names = listed(page)
    assert names == ["Memory makers"]  # one, three: series links; gap1, gap2: newer/older
    assert "Secret memory" not in site.text("posts/two.md")
    item = page.select_one(".aiblog-related__item")
    assert item is not None and item.select_one("time") is not None
    assert listed(site.html("posts/hbm.md"))[0] in {"Packaging", "Memory"}


def test_named_related_posts_come_first(tmp_path: Path) -> None:
    files = chips()
    files["posts/hbm.md"] = post(
        title="Memory makers", date="2026-09-01", tags=["HBM"], related=["posts/gap1.md"]
    )
    names = listed(site_of(tmp_path, files).html("posts/hbm.md"))
    assert names[0] == "Gap one" and len(names) == 3


def test_options_and_front_matter_turn_each_part_off(tmp_path: Path) -> None:
    off = {"related": {"enabled": False}, "series": {"enabled": False}}
    site = site_of(tmp_path / "off", chips(), **off)
    for name in ("one", "two", "three", "hbm"):
        text = site.text(f"posts/{name}.md")
        assert "aiblog-related" not in text and "aiblog-series" not in text
        assert "<!--aiblog:" not in text
    files = chips()
    files["posts/hbm.md"] = post(title="Memory makers", date="2026-09-01", related=False)
    site = site_of(tmp_path / "post", files)
    assert site.html("posts/hbm.md").select(".aiblog-related") == []
    assert site.html("posts/gap1.md").select(".aiblog-related") != []


def test_a_limit_sets_how_many_are_listed(tmp_path: Path) -> None:
    site = site_of(tmp_path, chips(), related={"limit": 1})
    assert len(listed(site.html("posts/hbm.md"))) == 1


def test_without_the_byline_the_box_follows_the_title(tmp_path: Path) -> None:
    page = site_of(tmp_path, chips(), byline=False).html("posts/two.md")
    assert page.select(".aiblog-byline") == []
    box = page.select_one("nav.aiblog-series")
    h1 = page.select_one("article h1")
    assert box is not None and h1 is not None and box.find_previous_sibling() is h1


def test_drafts_are_neither_counted_nor_listed_in_a_series(tmp_path: Path) -> None:
    files = chips()
    files["posts/three.md"] = post(title="Memory", date="2026-10-15", series="Chips", draft=True)
    page = site_of(tmp_path, files).html("posts/two.md")
    box = page.select_one("nav.aiblog-series .admonition-title")
    assert box is not None and box.get_text() == "Part 2 of 2 in Chips"
    assert "Memory</" not in str(page.select_one("nav.aiblog-series"))
    assert page.select_one(".aiblog-series-nav__link--next") is None


def test_the_words_follow_the_site_s_language(tmp_path: Path) -> None:
    config: dict[str, Any] = {"theme": {"name": "material", "language": "de"}}
    site = build_site(tmp_path, config=config, files=chips(), strict=True, check=True)
    page = site.html("posts/two.md")
    title = page.select_one("nav.aiblog-series .admonition-title")
    assert title is not None and title.get_text() == "Teil 2 von 3 der Reihe Chips"
    heading = page.select_one(".aiblog-related .aiblog-popular__title")
    assert heading is not None and heading.get_text() == "Ähnliche Beiträge"


HOSTILE = ["<script>alert(1)</script>", "{{ 7*7 }}", '"><img src=x onerror=alert(1)>', "{part}"]


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_series_name_or_title_is_shown_as_text(tmp_path: Path, name: str) -> None:
    files = {
        "posts/a.md": post(title=name, date="2026-10-01", series=name, tags=[name]),
        "posts/b.md": post(title="B", date="2026-10-02", series=name, tags=[name]),
        "posts/c.md": post(title="C", date="2026-10-03", tags=[name]),
    }
    site = site_of(tmp_path, files, strict=False)
    page = site.html("posts/b.md")
    title = page.select_one("nav.aiblog-series .admonition-title")
    assert title is not None and title.get_text() == f"Part 2 of 2 in {name}"
    assert page.select("nav.aiblog-series script, nav.aiblog-series img") == []
    assert page.select(".aiblog-related script, .aiblog-related img[onerror]") == []
    assert "49" not in title.get_text()


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (
            {"related": ["posts/nowhere.md"]},
            "posts/a.md: related: 'posts/nowhere.md' is not a post",
        ),
        ({"related": ["index.md"]}, "posts/a.md: related: 'index.md' is not a post"),
        ({"related": [{"path": "x"}]}, "posts/a.md: related: {'path': 'x'} is not a post path"),
        ({"related": 3}, "posts/a.md: related: 3 is not false or a list of post paths"),
        ({"series": 2026}, "posts/a.md: series: 2026 is not a text (the series' name)"),
        ({"series": ["A"]}, "posts/a.md: series: ['A'] is not a text (the series' name)"),
        (
            {"series": "S", "series_order": "first"},
            "posts/a.md: series_order: 'first' is not a number",
        ),
    ],
)
def test_bad_input_is_one_warning_naming_file_and_key(
    tmp_path: Path, meta: dict[str, Any], expected: str
) -> None:
    files = {
        "posts/a.md": post(title="A", date="2026-10-01", **meta),
        "posts/b.md": post(title="B", date="2026-10-02"),
    }
    site = site_of(tmp_path / "lax", files, strict=False)
    assert site.warnings == [f"aiblog: {expected}"]
    failed = build_fails_strict(tmp_path / "strict", files=files)
    assert failed.error is not None


def test_names_apart_only_by_case_or_spacing_warn_once_naming_both_files(tmp_path: Path) -> None:
    files = {
        "posts/a.md": post(title="A", date="2026-10-01", series="Chip Wars"),
        "posts/b.md": post(title="B", date="2026-10-02", series="chip  wars"),
    }
    site = site_of(tmp_path, files, strict=False)
    assert site.warnings == [
        "aiblog: posts/b.md: series: 'chip  wars' differs only in case or spacing from 'Chip Wars'"
        " in posts/a.md; shown as one series named as there"
    ]
    title = site.html("posts/b.md").select_one("nav.aiblog-series .admonition-title")
    assert title is not None and title.get_text() == "Part 2 of 2 in Chip Wars"
