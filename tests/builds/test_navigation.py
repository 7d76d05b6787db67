"""Navigation that scales: posts out of the sidebar, newer/older links, list pages."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import material
import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from sitebuild import Site, build_site, docs_hashes, post, write_project

from mkdocs_aiblog.core.posts import Post, newest_first, timeline_key
from mkdocs_aiblog.core.words import babel_locale
from mkdocs_aiblog.navigation.listpages import archive, has_post_list

HOME = "# Home\n\nWelcome.\n\n/// post-list\n///\n"


def posts(count: int, *, start: int = 1) -> dict[str, str]:
    """Give `count` posts, `posts/pNN.md` titled "Post NN", one day apart (higher: newer)."""
    return {
        f"posts/p{n:02d}.md": post(title=f"Post {n:02d}", date=f"2026-01-{n:02d}")
        for n in range(start, start + count)
    }


def blog(count: int, **extra: str) -> dict[str, str]:
    return {"index.md": HOME, "about.md": "# About\n\nWho we are.\n", **posts(count), **extra}


def aiblog(**navigation: Any) -> dict[str, Any]:
    return {"plugins": [{"aiblog": {"navigation": navigation}}]}


def nav_links(page: BeautifulSoup) -> list[str]:
    """Give the entries of the rendered site navigation: pages and section labels, once."""
    primary = page.select_one(".md-nav--primary")
    assert primary is not None
    texts = [" ".join(link.get_text().split()) for link in primary.select(".md-nav__link")]
    return list(dict.fromkeys(texts))  # the current page is also a label for its TOC


def card_titles(page: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(".aiblog-card__title a")]


def newer_older(page: BeautifulSoup) -> dict[str, tuple[str, str]]:
    """Give {"newer"/"older": (title, href)} of a post's links."""
    links = {}
    for kind in ("newer", "older"):
        link = page.select_one(f".aiblog-newer-older__link--{kind}")
        if link is not None:
            title = link.select_one(".aiblog-newer-older__title")
            assert title is not None
            links[kind] = (title.get_text(strip=True), str(link["href"]))
    return links


def pager(page: BeautifulSoup) -> dict[str, str]:
    """Give the pagination's parts: rel=prev/next hrefs, position text, archive href."""
    found = {}
    for link in page.select(".aiblog-pagination a"):
        key = " ".join(link.get("rel") or []) or "archive"
        found[key] = str(link["href"])
    position = page.select_one(".aiblog-pagination__position")
    if position is not None:
        found["position"] = position.get_text(strip=True)
    return found


def not_in_nav_messages(site: Site) -> list[str]:
    return [message for _, message in site.logs if "not included in the" in message]


# -- Posts out of the site navigation -----------------------------------------------


def test_posts_stay_out_of_the_navigation_without_nav(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=aiblog(per_page=2), files=blog(3), check=True)
    assert site.warnings == [] and not_in_nav_messages(site) == []
    for page in ("", "about/", "page/2/", "posts/p01/", "posts/p03/"):
        assert nav_links(site.html(page)) == ["Home", "About"], page
    assert card_titles(site.html("")) == ["Post 03", "Post 02"]
    assert card_titles(site.html("page/2/")) == ["Post 01"]


def test_posts_and_their_emptied_sections_leave_an_explicit_nav(tmp_path: Path) -> None:
    nav = [
        {"Home": "index.md"},
        {"Posts": ["posts/p01.md", {"Older": ["posts/p02.md"]}]},
        {"Docs": ["posts/p03.md", "about.md"]},
    ]
    config = {
        "nav": nav,
        "theme": {"name": "material", "features": ["navigation.footer"]},
        **aiblog(),
    }
    site = build_site(tmp_path, config=config, files=blog(3), check=True)
    assert site.warnings == [] and not_in_nav_messages(site) == []
    for page in ("", "about/", "posts/p01/", "posts/p02/"):
        links = nav_links(site.html(page))
        assert links == ["Home", "Docs", "About"], (page, links)
    home, about = site.html(""), site.html("about/")
    # Material's footer follows the navigation, now without the posts.
    assert [a["href"] for a in home.select(".md-footer__link--next")] == ["about/"]
    assert [a["href"] for a in about.select(".md-footer__link--prev")] == [".."]
    assert about.select(".md-footer__link--next") == []
    assert card_titles(home) == ["Post 03", "Post 02", "Post 01"]


def test_an_explicit_nav_that_omits_posts_logs_nothing_about_them(tmp_path: Path) -> None:
    config = {"nav": [{"Home": "index.md"}, {"About": "about.md"}], **aiblog(per_page=1)}
    site = build_site(tmp_path, config=config, files=blog(3), check=True)
    assert site.warnings == [] and not_in_nav_messages(site) == []
    assert nav_links(site.html("page/3/")) == ["Home", "About"]


@pytest.mark.parametrize("explicit", [False, True])
def test_posts_in_nav_keeps_them(tmp_path: Path, explicit: bool) -> None:
    config: dict[str, Any] = aiblog(posts_in_nav=True)
    if explicit:
        config["nav"] = ["index.md", "about.md", {"Posts": ["posts/p01.md", "posts/p02.md"]}]
    site = build_site(tmp_path, config=config, files=blog(2), check=True)
    assert site.warnings == [] and not_in_nav_messages(site) == []
    links = nav_links(site.html("about/"))
    assert "Post 01" in links and "Post 02" in links


# -- Newer / older links --------------------------------------------------------------


def test_newer_and_older_links_by_date_at_both_ends(tmp_path: Path) -> None:
    files = blog(3, **{"posts/draft.md": post(title="Draft", date="2026-01-02", draft=True)})
    config = {"theme": {"name": "material", "features": ["navigation.footer"]}}
    config.update(aiblog(posts_in_nav=True))
    site = build_site(tmp_path, config=config, files=files, check=True)
    assert newer_older(site.html("posts/p03/")) == {"older": ("Post 02", "../p02/")}
    assert newer_older(site.html("posts/p02/")) == {
        "newer": ("Post 03", "../p03/"),
        "older": ("Post 01", "../p01/"),
    }
    assert newer_older(site.html("posts/p01/")) == {"newer": ("Post 02", "../p02/")}
    assert not site.path("posts/draft/").exists()
    # In place of Material's footer links, which follow the navigation order.
    assert site.html("posts/p02/").select(".md-footer__link") == []
    assert site.html("about/").select(".md-footer__link--next")  # other pages keep them


def test_a_lone_post_and_the_option_off_show_no_links(tmp_path: Path) -> None:
    site = build_site(tmp_path, files=blog(1), check=True)
    assert site.html("posts/p01/").select(".aiblog-newer-older") == []
    site = build_site(tmp_path / "off", config=aiblog(newer_older=False), files=blog(2))
    assert site.html("posts/p01/").select(".aiblog-newer-older") == []


def test_the_links_follow_the_language(tmp_path: Path) -> None:
    config = {"theme": {"name": "material", "language": "de"}}
    site = build_site(tmp_path, config=config, files=blog(2), check=True)
    links = site.html("posts/p01/").select_one(".aiblog-newer-older")
    assert links is not None and links["aria-label"] == "Weitere Beiträge"
    assert "Neuerer Beitrag" in links.get_text()


def test_the_arrows_are_the_themes_icons_a_custom_dir_may_replace(tmp_path: Path) -> None:
    icons = Path(material.__file__).parent / "templates" / ".icons"
    svg = BeautifulSoup((icons / "material/chevron-left.svg").read_text("utf-8"), "html.parser")
    chevron = svg.path["d"]  # type: ignore[index]
    theme = {
        "name": "material",
        "custom_dir": "overrides",
        "icon": {"previous": "material/chevron-left", "next": "mine/next"},
    }
    site = build_site(
        tmp_path,
        config={"theme": theme, **aiblog(per_page=1)},
        files=blog(3),
        extra_files={"overrides/.icons/mine/next.svg": '<svg class="my-next"></svg>'},
        check=True,
    )
    links = site.html("posts/p02/").select_one(".aiblog-newer-older")
    assert links is not None
    newer, older = links.select("svg")
    assert newer.path is not None and newer.path["d"] == chevron
    assert "my-next" in older["class"]
    pagination = site.html("page/2/").select_one(".aiblog-pagination")
    assert pagination is not None
    arrows = pagination.select("svg")
    assert arrows[0].path is not None and arrows[0].path["d"] == chevron
    assert "my-next" in arrows[-1]["class"]


def serve_build(config: MkDocsConfig) -> None:
    """Build as `mkdocs serve` does (drafts included), checking `docs/` is left alone."""
    before = docs_hashes(Path(config.docs_dir))
    build(config, serve_url="http://127.0.0.1:8000/")
    assert docs_hashes(Path(config.docs_dir)) == before


def test_a_draft_in_serve_links_to_its_neighbours_and_is_never_linked_to(tmp_path: Path) -> None:
    draft = post(title="Draft", date="2026-01-01 12:00", draft=True)
    files = blog(3, **{"posts/draft.md": draft})
    config = load_config(config_file=str(write_project(tmp_path, files=files)))
    config.plugins.on_startup(command="serve", dirty=False)
    serve_build(config)
    site = Site(tmp_path, Path(config.docs_dir), Path(config.site_dir), config)
    assert newer_older(site.html("posts/draft/")) == {
        "newer": ("Post 02", "../p02/"),
        "older": ("Post 01", "../p01/"),
    }
    assert newer_older(site.html("posts/p02/"))["older"] == ("Post 01", "../p01/")
    assert newer_older(site.html("posts/p01/"))["newer"] == ("Post 02", "../p02/")
    assert "Draft" not in card_titles(site.html(""))


# -- Pages of the post list -------------------------------------------------------


@pytest.mark.slow  # a build per size: the exhaustive tier
@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (3, 1), (4, 2), (7, 3)])
def test_the_list_has_as_many_pages_as_it_needs(tmp_path: Path, count: int, pages: int) -> None:
    site = build_site(tmp_path, config=aiblog(per_page=3), files=blog(count), check=True)
    assert site.warnings == []
    built = sorted(p.relative_to(site.site_dir).as_posix() for p in site.site_dir.glob("page/*"))
    assert built == [f"page/{n}" for n in range(2, pages + 1)]
    shown = [card_titles(site.html(f"page/{n}/" if n > 1 else "")) for n in range(1, pages + 1)]
    assert [len(titles) for titles in shown] == [min(3, count - 3 * n) for n in range(pages)]
    assert [t for titles in shown for t in titles] == [f"Post {n:02d}" for n in range(count, 0, -1)]
    if count == 0:
        assert site.html("").select_one(".aiblog-post-list__empty") is not None
    if pages == 1:
        assert site.html("").select(".aiblog-pagination") == []


@pytest.mark.parametrize(
    ("directory_urls", "pages", "links"),
    [
        (
            True,
            ["", "page/2/", "page/3/"],
            [{"next": "page/2/"}, {"prev": "../../", "next": "../3/"}, {"prev": "../2/"}],
        ),
        (
            False,
            ["index.html", "page/2.html", "page/3.html"],
            [
                {"next": "page/2.html"},
                {"prev": "../index.html", "next": "3.html"},
                {"prev": "2.html"},
            ],
        ),
    ],
)
def test_links_between_the_pages(
    tmp_path: Path, directory_urls: bool, pages: list[str], links: list[dict[str, str]]
) -> None:
    config = {"use_directory_urls": directory_urls, **aiblog(per_page=2)}
    site = build_site(tmp_path, config=config, files=blog(5), check=True)
    for number, (page, expected) in enumerate(zip(pages, links, strict=True), start=1):
        assert pager(site.html(page)) == {**expected, "position": f"Page {number} of 3"}
    second = pages[1]
    page2 = site.html(second)
    assert page2.title is not None and page2.title.get_text().startswith("Home – Page 2 of 3")
    h1 = page2.select_one("article h1")
    assert h1 is not None and h1.get_text(strip=True) == "Home"
    assert nav_links(page2) == ["Home", "About"]  # generated pages stay out of the nav
    assert card_titles(page2) == ["Post 03", "Post 02"]


def test_the_list_pages_sit_beside_a_list_in_a_folder(tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n",
        "blog/index.md": "---\ntitle: The blog\nhide: [toc]\n---\n\n/// post-list\n///\n",
        "guide.md": "# Guide\n\n```markdown\n/// post-list\n///\n```\n",
        **posts(3),
    }
    site = build_site(tmp_path, config=aiblog(per_page=2), files=files, check=True)
    page2 = site.html("blog/page/2/")
    assert card_titles(page2) == ["Post 01"]
    assert pager(page2)["prev"] == "../../"
    assert page2.title is not None and page2.title.get_text().startswith("The blog – Page 2")
    assert page2.select_one(".md-sidebar--secondary[hidden]") is not None  # hide: kept
    assert not (site.site_dir / "page").exists()  # a block in a code fence is not a list


def test_a_serve_rebuild_counts_the_posts_again(tmp_path: Path) -> None:
    config_file = write_project(tmp_path, config=aiblog(per_page=2), files=blog(3))
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    site = Site(tmp_path, tmp_path / "docs", Path(config.site_dir), config)
    serve_build(config)
    assert pager(site.html(""))["position"] == "Page 1 of 2"
    for name, text in posts(4, start=4).items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    serve_build(config)
    assert pager(site.html(""))["position"] == "Page 1 of 4"
    assert card_titles(site.html("page/4/")) == ["Post 01"]
    for n in range(2, 8):
        (tmp_path / "docs" / f"posts/p{n:02d}.md").unlink()
    serve_build(config)
    assert card_titles(site.html("")) == ["Post 01"]
    assert site.html("").select(".aiblog-pagination") == []


def test_a_page_that_exists_stops_the_list(tmp_path: Path) -> None:
    files = blog(5, **{"page/3.md": "# Mine\n"})
    site = build_site(tmp_path, config=aiblog(per_page=2), files=files)
    assert site.warnings == [
        "aiblog: index.md: /// post-list: page/3.md already exists; the list stops at page 2"
    ]
    assert card_titles(site.html("page/2/")) == ["Post 03", "Post 02", "Post 01"]
    assert site.html("page/3/").select_one("article h1").get_text() == "Mine"  # type: ignore[union-attr]


def test_a_bad_per_page_warns(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=aiblog(per_page=0), files=blog(2))
    assert site.warnings == [
        "aiblog: mkdocs.yml: aiblog: navigation: per_page: 0 is not a positive number; using 10"
    ]


# -- The archive ------------------------------------------------------------------


def test_the_archive_by_year_and_month(tmp_path: Path) -> None:
    files = {
        "index.md": HOME,
        "posts/a.md": post(title="Alpha", date="2025-12-31"),
        "posts/b.md": post(title="Beta", date="2026-02-01"),
        "posts/c.md": post(title="Gamma", date="2026-02-14"),
        "posts/d.md": post(title="Draft", date="2026-02-10", draft=True),
    }
    site = build_site(tmp_path, config=aiblog(archive=True, per_page=2), files=files, check=True)
    assert pager(site.html(""))["archive"] == "archive/"
    assert pager(site.html("page/2/"))["archive"] == "../../archive/"
    page = site.html("archive/")
    archive = page.select_one(".aiblog-archive")
    assert archive is not None
    headings = [h.get_text(strip=True) for h in archive.select("h2, h3")]
    assert headings == ["2026", "February", "2025", "December"]
    items = [(a.get_text(), a["href"]) for a in archive.select("li a")]
    assert items == [("Gamma", "../posts/c/"), ("Beta", "../posts/b/"), ("Alpha", "../posts/a/")]
    first = archive.select_one("li time")
    assert first is not None and first.get_text() == "February 14, 2026"
    assert nav_links(page) == ["Home"]


def test_no_archive_by_default(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=aiblog(per_page=1), files=blog(2), check=True)
    assert not (site.site_dir / "archive").exists()
    assert "archive" not in pager(site.html(""))


# -- Pure parts -------------------------------------------------------------------


def at(title: str, day: int | None, month: int = 1) -> Post:
    when = datetime(2026, month, day, tzinfo=timezone.utc) if day else None
    return Post(src_uri=f"posts/{title}.md", url="", title=title, date=when)


def test_the_timeline_key_orders_as_the_timeline() -> None:
    entries = [at("b", 2), at("a", 2), at("c", None), at("d", 9), at("A", None), at("e", 1)]
    assert sorted(entries, key=timeline_key) == newest_first(entries)


def test_undated_posts_close_the_archive() -> None:
    timeline = newest_first([at("a", 3, month=2), at("b", 1, month=2), at("c", None)])
    years = archive(timeline, babel_locale("fr"), "Sans date")
    assert [
        (year.year, [(m.name, [p.title for p in m.posts]) for m in year.months]) for year in years
    ] == [
        ("2026", [("février", ["a", "b"])]),
        ("Sans date", [("", ["c"])]),
    ]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("/// post-list\n///\n", True),
        ("Intro\n\n  ///  post-list\n", True),
        ("```\n/// post-list\n```\n", False),
        ("~~~~\n```\n~~~\n/// post-list\n~~~~\n/// post-list\n", True),
        ("/// post-lists\n", False),
    ],
)
def test_a_list_block_is_found_outside_code(source: str, found: bool) -> None:
    assert has_post_list(source) is found
