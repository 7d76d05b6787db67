"""The repository's demo site: builds strict, and shows every feature of the plugin."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.utils.meta import get_data
from sitebuild import REPO_ROOT, Site, build_config_file

POSTS_DIR = REPO_ROOT / "docs" / "posts"
SHORTCODE = r":[a-z0-9_+-]+:"
UNICODE_EMOJI = "[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff][\ufe0f\U0001f3fb-\U0001f3ff]?"
LEADING = re.compile(rf"^(?:{SHORTCODE}|{UNICODE_EMOJI})\s")
TRAILING = re.compile(rf"\s(?:{SHORTCODE}|{UNICODE_EMOJI})$")
ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*$")


@dataclass(frozen=True)
class Source:
    """A post of the demo as its author wrote it."""

    name: str
    meta: dict[str, Any]
    markdown: str

    @property
    def page(self) -> str:
        return f"posts/{self.name}.md"

    @property
    def url(self) -> str:
        return f"posts/{self.name}/"

    @property
    def draft(self) -> bool:
        return self.meta.get("draft") is True

    @property
    def when(self) -> datetime:
        value = self.meta["date"]
        return (
            value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
        )

    def emoji_headings(self) -> list[tuple[str, str]]:
        """(notation and side, heading text) of each H2/H3 starting or ending on an emoji."""
        found: list[tuple[str, str]] = []
        fenced = False
        for line in self.markdown.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            match = None if fenced else HEADING.match(line)
            if match is None:
                continue
            text = ATTR_LIST.sub("", match.group(2))
            for side, pattern in (("leading", LEADING), ("trailing", TRAILING)):
                edge = pattern.search(text)
                if edge is not None:
                    notation = "shortcode" if ":" in edge.group(0) else "unicode"
                    found.append((f"{notation} {side}", text))
                    break
        return found

    def closing_headings(self) -> list[str]:
        """H2/H3 headings with no edge emoji whose section's last paragraph ends on one.

        Only in a post with `closing_emoji: true`. A plain reading of the source, enough
        for the demo: the section's last line that is not blank, a lone link or a
        comment, outside a list, ending with an emoji.
        """
        if self.meta.get("closing_emoji") is not True:
            return []
        found: list[str] = []
        sections: list[tuple[str, list[str]]] = []
        for line in self.markdown.splitlines():
            match = HEADING.match(line)
            if line.startswith("#"):
                sections.append((match.group(2) if match else "", []))
            elif sections and line.strip() and not LONE_LINK.match(line):
                sections[-1][1].append(line.rstrip())
        for text, lines in sections:
            if not text or self._edge(text) or not lines:
                continue
            last = lines[-1]
            if not LIST_ITEM.match(last) and TRAILING.search(last):
                found.append(text)
        return found

    @staticmethod
    def _edge(text: str) -> bool:
        text = ATTR_LIST.sub("", text)
        return bool(LEADING.search(text) or TRAILING.search(text))


LONE_LINK = re.compile(r"^\s*(?:\[[^\]]*\]\([^)]*\)|<!--.*-->)\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")


def sources() -> list[Source]:
    posts = []
    for path in sorted(POSTS_DIR.glob("*.md")):
        markdown, meta = get_data(path.read_text(encoding="utf-8"))
        posts.append(Source(path.stem, meta, markdown))
    return posts


SOURCES = sources()
PUBLISHED = [source for source in SOURCES if not source.draft]


@pytest.fixture(scope="module")
def strict_demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site_dir = tmp_path_factory.mktemp("demo-strict") / "site"
    return build_config_file(REPO_ROOT / "mkdocs.yml", strict=True, site_dir=str(site_dir))


def test_the_demo_builds_strict_without_a_warning(strict_demo: Site, demo_site: Site) -> None:
    assert strict_demo.ok, f"{strict_demo.error}: {strict_demo.warnings}"
    assert strict_demo.warnings == []
    assert demo_site.ok and demo_site.warnings == []
    assert [level for level, _ in demo_site.logs if level not in ("INFO", "DEBUG")] == []


def test_the_demo_has_published_posts_and_a_draft() -> None:
    assert len(PUBLISHED) >= 5
    assert [source for source in SOURCES if source.draft], "the demo shows no draft"


def test_every_published_post_is_on_the_home_page_list(demo_site: Site) -> None:
    listed: list[str] = []
    page_path, seen = "index.html", set()
    while page_path not in seen:  # follow the list's pagination, if any
        seen.add(page_path)
        page = demo_site.html(page_path)
        cards = page.select(".aiblog-post-list .aiblog-card__title a")
        assert cards, f"{page_path}: no post list"
        folder = posixpath.dirname(page_path)
        listed += [posixpath.normpath(posixpath.join(folder, str(a["href"]))) for a in cards]
        older = page.select_one(".aiblog-pagination__link--older")
        if older is None:
            break
        target = posixpath.normpath(posixpath.join(folder, str(older["href"])))
        page_path = target + "/index.html" if not target.endswith(".html") else target
    newest_first = sorted(PUBLISHED, key=lambda source: source.when, reverse=True)
    assert listed == [source.url.rstrip("/") for source in newest_first]


def published_page(site: Site, source: Source) -> BeautifulSoup:
    page = site.html(source.page)
    assert page.select_one("article h1") is not None
    return page


@pytest.mark.parametrize("source", PUBLISHED, ids=[source.name for source in PUBLISHED])
def test_each_post_has_byline_badges_and_its_card(demo_site: Site, source: Source) -> None:
    page = published_page(demo_site, source)
    h1 = page.select_one("article h1")
    byline = page.select_one(".aiblog-byline")
    assert h1 is not None and byline is not None
    assert h1.find_next_sibling("div") is byline
    assert byline.select(".aiblog-byline__author")
    assert byline.select_one(".aiblog-byline__date time") is not None

    # Every heading written with an emoji at an edge became a badge, and only those.
    expected = source.emoji_headings() + source.closing_headings()
    assert expected, f"{source.name}: no emoji-headed section"
    badged = [h for h in page.select("article h2, article h3") if h.select_one(".aiblog-emoji")]
    assert len(badged) == len(expected)
    for heading in badged:
        badge = heading.select_one(".aiblog-emoji")
        assert badge is not None and badge["aria-hidden"] == "true"
        assert not re.search(UNICODE_EMOJI, str(heading["id"]))

    cards = page.select("aside.aiblog-full-story")
    has_story = "full_story" in source.meta or "/// full-story" in source.markdown
    assert len(cards) == (1 if has_story else 0)
    if has_story:
        button = cards[0].select_one("a.aiblog-full-story__button.md-button--primary")
        assert button is not None
        assert urlsplit(str(button["href"])).scheme == "https"

    # The popular list never shows the page itself, nor the draft.
    listed = [str(a["href"]) for a in page.select(".aiblog-popular--after a")]
    assert listed and f"../{source.name}/" not in listed
    assert not [href for href in listed for d in SOURCES if d.draft and d.name in href]


def test_the_draft_is_left_out_everywhere(demo_site: Site) -> None:
    drafts = [source for source in SOURCES if source.draft]
    for draft in drafts:
        assert not demo_site.path(draft.page).exists()
    for html in demo_site.site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for draft in drafts:
            assert f"{draft.name}/" not in text, f"{html} links to the draft {draft.name}"


def test_the_demo_uses_both_emoji_notations_on_both_sides(demo_site: Site) -> None:
    kinds = {kind for source in PUBLISHED for kind, _ in source.emoji_headings()}
    assert kinds == {
        "unicode leading",
        "unicode trailing",
        "shortcode leading",
        "shortcode trailing",
    }
    # A trailing shortcode heading, as rendered: a twemoji badge, a clean id.
    source = next(
        s for s in PUBLISHED if any(k == "shortcode trailing" for k, _ in s.emoji_headings())
    )
    text = next(t for k, t in source.emoji_headings() if k == "shortcode trailing")
    words = TRAILING.sub("", text)
    page = published_page(demo_site, source)
    heading = next(
        h for h in page.select("article h2, article h3") if words in h.get_text(" ", strip=True)
    )
    assert heading.select_one(".aiblog-emoji .twemoji, .aiblog-emoji svg") is not None
    toc_entries = [
        " ".join(a.get_text(" ", strip=True).split())
        for a in page.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    ]
    assert any(entry.endswith(words) for entry in toc_entries)


def test_the_demo_has_a_news_shaped_post(demo_site: Site) -> None:
    """Closing emoji, a standfirst and a captioned hero (issue 21)."""
    news = [s for s in PUBLISHED if s.meta.get("closing_emoji") is True]
    assert news, "no post with closing_emoji: true in the demo"
    for source in news:
        assert source.meta.get("subtitle") and source.meta.get("image_caption")
        closing = source.closing_headings()
        assert len(closing) >= 3
        page = published_page(demo_site, source)
        standfirst = page.select_one("article h1 + .aiblog-standfirst")
        assert standfirst is not None
        assert standfirst.get_text() == " ".join(str(source.meta["subtitle"]).split())
        caption = page.select_one("figure.aiblog-hero figcaption")
        assert caption is not None and caption.get_text() == source.meta["image_caption"]
        for text in closing:
            heading = next(h for h in page.select("article h2") if text in h.get_text())
            assert heading.select_one(".aiblog-emoji") is not None, text
            assert re.fullmatch("[a-z0-9-]+", str(heading["id"])), heading["id"]


def test_the_demo_pins_a_post_and_ranks_from_its_export(demo_site: Site) -> None:
    pinned = [s for s in PUBLISHED if s.meta.get("popular") not in (None, False)]
    assert pinned, "no pinned post in the demo"
    assert demo_site.config is not None
    options = demo_site.config.plugins["aiblog"].config.popular
    assert options.views_file, "the demo configures no analytics export"
    assert (REPO_ROOT / options.views_file).is_file()
    reasons: set[str] = set()
    for source in PUBLISHED:
        page = published_page(demo_site, source)
        items = page.select(".aiblog-popular--after li.aiblog-popular__item")
        assert 0 < len(items) <= options.limit
        sidebar = page.select(".aiblog-popular--sidebar li.aiblog-popular__item")
        assert [str(i) for i in sidebar] == [str(i) for i in items]
        reasons |= {str(item["data-aiblog-reason"]) for item in items}
        if source not in pinned:  # an editor's pick leads every other post's list
            first = items[0].select_one("a")
            assert first is not None
            assert first["href"] in {f"../../posts/{pin.name}/" for pin in pinned}
            assert items[0]["data-aiblog-reason"] == "pinned"
    assert {"pinned", "views"} <= reasons
    # The unmatched paths of the export (home page, about) are one INFO line.
    summary = [m for _, m in demo_site.logs if "match no post" in m]
    assert len(summary) == 1 and summary[0].startswith(f"aiblog: {options.views_file}: ")


def test_the_demo_places_a_block_and_uses_the_mapping_form(demo_site: Site) -> None:
    assert demo_site.config is not None
    placed = [s for s in PUBLISHED if "/// full-story" in s.markdown]
    assert placed, "no /// full-story block in the demo"
    for source in placed:
        page = published_page(demo_site, source)
        card = page.select_one("article aside.aiblog-full-story")
        assert card is not None
        # Where the author put it: a section still follows the card.
        later = card.find_next_sibling("h2")
        assert isinstance(later, Tag), f"{source.name}: the card is not where the block was"
    mapped = [s for s in PUBLISHED if isinstance(s.meta.get("full_story"), dict)]
    assert mapped, "no mapping-form full_story in the demo"
    for source in mapped:
        story = source.meta["full_story"]
        card = published_page(demo_site, source).select_one("aside.aiblog-full-story")
        assert card is not None
        button = card.select_one("a.aiblog-full-story__button")
        assert button is not None
        assert str(button["href"]).startswith(story["url"])
        for key, css in (
            ("title", ".aiblog-full-story__title"),
            ("button", ".aiblog-full-story__label"),
            ("text", ".aiblog-full-story__text"),
        ):
            if key in story:
                part = card.select_one(css)
                assert part is not None and " ".join(part.get_text().split()) == story[key]
    campaign = demo_site.config.plugins["aiblog"].config.full_story.campaign
    if campaign:
        for source in PUBLISHED:
            page = published_page(demo_site, source)
            button = page.select_one("a.aiblog-full-story__button")
            if button is not None:
                query = urlsplit(str(button["href"])).query
                assert all(f"{k}=" in query for k in campaign)
    plain = [s for s in PUBLISHED if isinstance(s.meta.get("full_story"), str)]
    assert plain, "no plain-URL full_story in the demo"


def test_newer_and_older_links_follow_the_dates(demo_site: Site) -> None:
    newest_first = sorted(PUBLISHED, key=lambda source: source.when, reverse=True)
    for index, source in enumerate(newest_first):
        page = published_page(demo_site, source)
        nav = page.select_one("nav.aiblog-newer-older")
        assert nav is not None
        newer = nav.select_one(".aiblog-newer-older__link--newer")
        older = nav.select_one(".aiblog-newer-older__link--older")
        if index == 0:
            assert newer is None
        else:
            assert newer is not None and newer["href"] == f"../{newest_first[index - 1].name}/"
        if index == len(newest_first) - 1:
            assert older is None
        else:
            assert older is not None and older["href"] == f"../{newest_first[index + 1].name}/"


def test_dates_are_dates() -> None:
    """The demo's front matter is what YAML reads as dates, not strings."""
    for source in SOURCES:
        assert isinstance(source.meta["date"], date | datetime), source.name
