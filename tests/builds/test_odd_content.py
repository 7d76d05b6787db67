"""Odd but valid content: every post is built, listed and read right, with no warning.

One site holds them all (a post with no sections, a 50,000-word post, 300 tags, a
500-character title, right-to-left text, file names with spaces and accents, nested
folders, two posts of one title, a post that is only front matter, CRLF line
endings, a BOM), built once for the module.
"""

from __future__ import annotations

import json
import time

import pytest
from bs4 import BeautifulSoup
from sitebuild import Site, build_site, post

LONG_TITLE = ("A very long title about models and power " * 13)[:500].strip()
RTL_TITLE = "الذكاء الاصطناعي وصراع الطاقة — בינה מלאכותית"
RTL_BODY = "هذه فقرة قصيرة عن الطاقة.\n\n## لماذا يهم ذلك\n\nזו פסקה קצרה בעברית.\n"
TAGS = [f"tag-{n:03}" for n in range(300)]
WORDS = 50_000
POSTS = {
    "posts/no-sections.md": post(title="No sections", body="Just one paragraph.\n"),
    "posts/long.md": post(title="Long read", body="Lede.\n\n" + "word " * WORDS + "\n"),
    "posts/tags.md": post(title="Many tags", tags=TAGS),
    "posts/long-title.md": post(title=LONG_TITLE),
    "posts/rtl.md": post(title=RTL_TITLE, description="وصف قصير", body=RTL_BODY),
    "posts/café et thé.md": post(title="Café et thé"),
    "posts/2026/11/nested.md": post(title="Nested folders"),
    "posts/twin-a.md": post(title="Same title", date="2026-11-21"),
    "posts/twin-b.md": post(title="Same title", date="2026-11-22"),
    "posts/only-front-matter.md": post(title="Only front matter", body=""),
    "posts/crlf.md": post(title="CRLF endings", tags=["crlf"]).replace("\n", "\r\n"),
    "posts/bom.md": "\ufeff" + post(title="Starts with a BOM", tags=["bom"]),
}
TITLES = {
    "posts/no-sections.md": "No sections",
    "posts/long.md": "Long read",
    "posts/tags.md": "Many tags",
    "posts/long-title.md": LONG_TITLE,
    "posts/rtl.md": RTL_TITLE,
    "posts/café et thé.md": "Café et thé",
    "posts/2026/11/nested.md": "Nested folders",
    "posts/twin-a.md": "Same title",
    "posts/twin-b.md": "Same title",
    "posts/only-front-matter.md": "Only front matter",
    "posts/crlf.md": "CRLF endings",
    "posts/bom.md": "Starts with a BOM",
}


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, float]:
    files: dict[str, str | bytes] = {"index.md": "# Home\n\n/// post-list\n///\n", **POSTS}
    config = {
        "site_url": "https://blog.example/",
        "plugins": [{"aiblog": {"navigation": {"per_page": 100}, "popular": {"limit": 20}}}],
    }
    start = time.perf_counter()
    site = build_site(tmp_path_factory.mktemp("odd"), config=config, files=files, check=True)
    return site, time.perf_counter() - start


def page(site: Site, src: str) -> BeautifulSoup:
    return site.html(src)


def test_no_warning_and_a_sane_build_time(odd: tuple[Site, float]) -> None:
    site, seconds = odd
    assert site.warnings == []
    assert seconds < 30, f"the build took {seconds:.1f} s"


def test_every_post_is_built_and_listed_once(odd: tuple[Site, float]) -> None:
    site, _ = odd
    cards = site.html("index.md").select(".aiblog-card__title a")
    listed = [(card.get_text(), str(card["href"])) for card in cards]
    assert sorted(title for title, _ in listed) == sorted(TITLES.values())
    hrefs = [href for _, href in listed]
    assert len(set(hrefs)) == len(hrefs) == len(POSTS)  # the twins have their own links
    for src, title in TITLES.items():
        assert site.path(src).is_file(), src
        h1 = page(site, src).select_one("article h1")
        assert h1 is not None and h1.get_text() == title, src
        assert page(site, src).select_one(".aiblog-byline") is not None, src
    assert "posts/caf%C3%A9%20et%20th%C3%A9/" in hrefs or "posts/café et thé/" in hrefs
    assert "posts/2026/11/nested/" in hrefs


def test_the_reading_time_of_a_long_post(odd: tuple[Site, float]) -> None:
    site, _ = odd
    readtime = page(site, "posts/long.md").select_one(".aiblog-byline__readtime")
    assert readtime is not None
    assert readtime.get_text(strip=True) == f"{round((WORDS + 1) / 265)} min read"
    short = page(site, "posts/only-front-matter.md").select_one(".aiblog-byline__readtime")
    assert short is not None and short.get_text(strip=True) == "1 min read"


def test_three_hundred_tags(odd: tuple[Site, float]) -> None:
    site, _ = odd
    tags_page = page(site, "posts/tags.md")
    shown = [tag.get_text() for tag in tags_page.select(".aiblog-byline__tag")]
    assert shown == [f"#{tag}" for tag in TAGS]
    script = tags_page.select_one('script[type="application/ld+json"]')
    assert script is not None and json.loads(script.get_text())["keywords"] == TAGS


def test_long_and_right_to_left_titles_are_kept_whole(odd: tuple[Site, float]) -> None:
    site, _ = odd
    for src, title in (("posts/long-title.md", LONG_TITLE), ("posts/rtl.md", RTL_TITLE)):
        script = page(site, src).select_one('script[type="application/ld+json"]')
        assert script is not None and json.loads(script.get_text())["headline"] == title
    rtl = page(site, "posts/rtl.md")
    assert "זו פסקה קצרה בעברית." in rtl.get_text()
    og = rtl.select_one('meta[property="og:description"]')
    assert og is not None and og["content"] == "وصف قصير"


def test_crlf_and_bom_front_matter_is_read(odd: tuple[Site, float]) -> None:
    site, _ = odd
    for src, tag in (("posts/crlf.md", "#crlf"), ("posts/bom.md", "#bom")):
        byline = page(site, src).select_one(".aiblog-byline")
        assert byline is not None
        assert [t.get_text() for t in byline.select(".aiblog-byline__tag")] == [tag]
        date = byline.select_one(".aiblog-byline__date time")
        assert date is not None and date["datetime"] == "2026-11-20T00:00:00+00:00"
