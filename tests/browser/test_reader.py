"""What a reader sees on the demo blog, in headless Chromium.

The demo (``mkdocs.yml`` and ``docs/`` at the repository root) is built once and
served on 127.0.0.1 for the whole session (``served_demo``); each test opens a few
pages in their own browser contexts. The checks are about layout and behaviour a
built HTML file cannot show: what is visible at which width, where it sits, its
contrast in both colour schemes, instant navigation, JavaScript off and axe-core.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from browserkit import AxeRunner, PageFactory
from playwright.sync_api import FloatRect, Page, Route, expect
from sitebuild import REPO_ROOT, build_site

POSTS = REPO_ROOT / "docs" / "posts"
POST = "posts/ai-power-clash/"
"""The demo's reference post: a full-story mapping, both emoji sources, two authors."""
CAMPAIGN = {"utm_source": "aidispatch", "utm_medium": "full-story"}
"""The demo's `full_story: campaign:` option (mkdocs.yml)."""
DESKTOP = (1440, 900)
PHONE = (390, 844)
TIMEOUT = 5_000
"""Milliseconds a web-first assertion waits (the pages are local and small)."""

PLUGIN_PARTS = ".aiblog-byline, .aiblog-popular, .aiblog-full-story, .aiblog-card"
"""The plugin's own markup (emoji headings are added where there are some)."""


# -- the demo's sources: what the pages are expected to show -----------------------


def front_matter(src: str) -> dict[str, Any]:
    """Give the YAML front matter of ``docs/posts/<src>``."""
    text = (POSTS / src).read_text(encoding="utf-8")
    _, front, _ = text.split("---\n", 2)
    meta: dict[str, Any] = yaml.safe_load(front)
    return meta


def story_url(src: str) -> str:
    """Give the full-story URL a post names (front matter, or a `/// full-story` block)."""
    story = front_matter(src).get("full_story")
    if story is None:
        block = re.search(r"^/// full-story\n\s+url: (\S+)$", (POSTS / src).read_text(), re.M)
        assert block, f"{src} has no full story"
        return block.group(1)
    url: str = story if isinstance(story, str) else story["url"]
    return url


def assert_story_link(href: str | None, src: str) -> None:
    """Check that ``href`` is the post's full-story URL plus the demo's campaign."""
    assert href is not None
    expected = urlsplit(story_url(src))
    got = urlsplit(href)
    assert got._replace(query="") == expected._replace(query=""), href
    query = dict(parse_qsl(got.query))
    assert query == {**dict(parse_qsl(expected.query)), **CAMPAIGN}, href


def published_posts() -> list[tuple[str, dict[str, Any]]]:
    """Give ``(slug, front matter)`` of every published demo post, newest first."""

    def when(meta: dict[str, Any]) -> datetime:
        value = meta["date"]
        return (
            value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())
        )

    found = [(path.stem, front_matter(path.name)) for path in POSTS.glob("*.md")]
    published = [(slug, meta) for slug, meta in found if not meta.get("draft")]
    return sorted(published, key=lambda item: when(item[1]), reverse=True)


# -- page helpers -------------------------------------------------------------------


def box(page: Page, selector: str) -> FloatRect:
    """Give the bounding box of the first visible element matching ``selector``."""
    locator = page.locator(selector).locator("visible=true").first
    expect(locator).to_be_visible(timeout=TIMEOUT)
    found = locator.bounding_box()
    assert found is not None, selector
    return found


def overlaps(a: FloatRect, b: FloatRect) -> bool:
    """Tell whether two boxes share any area."""
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def assert_list_flush(page: Page, scope: str) -> None:
    """Check that a popular list's entries line up with its title, like the TOC's.

    The copy after the article sits inside ``.md-typeset``, whose list margins
    would otherwise indent it.
    """
    title = box(page, f"{scope} .aiblog-popular__title")
    for item in page.locator(f"{scope} .aiblog-popular__item").all():
        entry = item.bounding_box()
        assert entry is not None and abs(entry["x"] - title["x"]) <= 1, (scope, title, entry)


def hrefs(page: Page, selector: str) -> list[str]:
    """Give the ``href`` attributes of the elements matching ``selector``, in order."""
    found: list[str] = page.locator(selector).evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    return found


def slug_of(href: str) -> str:
    """Give the post slug a (relative or absolute) post link points to."""
    match = re.search(r"posts/([^/]+)/?$", href)
    assert match, href
    return match.group(1)


def route_twemoji(page: Page) -> None:
    """Answer the twemoji CDN's image requests with a local SVG of the same emoji.

    The machine has no internet: without this, the badges of shortcode emoji are
    broken images, whose box is the alt text's, not the emoji's. The SVG draws the
    emoji as text, so it shows a colour glyph where an emoji font is installed.
    """

    def answer(route: Route) -> None:
        name = route.request.url.rsplit("/", 1)[-1].removesuffix(".svg")
        glyph = "".join(chr(int(part, 16)) for part in name.split("-"))
        body = (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">'
            f'<text x="18" y="31" font-size="30" text-anchor="middle">{glyph}</text></svg>'
        )
        route.fulfill(status=200, content_type="image/svg+xml", body=body)

    page.route(
        re.compile(r"^https://cdn\.jsdelivr\.net/gh/jdecked/twemoji@[^/]+/assets/svg/"), answer
    )


def route_sitemap(
    page: Page, base_url: str, site_url: str = "https://aidispatch.example.org/"
) -> None:
    """Serve the demo's ``sitemap.xml`` as if the site were deployed where it is served.

    Material's instant navigation only intercepts links listed in the sitemap, and
    maps the sitemap's URLs to the page's protocol and host name, but not its port:
    a site built for ``site_url`` and served on ``127.0.0.1:<port>`` falls back to
    full page loads. A deployed site (or ``mkdocs serve``) has matching URLs.
    """

    def answer(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(site_url, base_url))

    page.route("**/sitemap.xml", answer)


def open_post(
    new_page: PageFactory,
    base_url: str,
    post: str = POST,
    size: tuple[int, int] = DESKTOP,
    *,
    scheme: str = "light",
    java_script_enabled: bool = True,
) -> Page:
    """Open ``post`` in a new page of ``size`` with ``scheme`` as the system's choice."""
    page = new_page(*size, java_script_enabled=java_script_enabled)
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    route_twemoji(page)
    page.goto(base_url + post)
    return page


# -- WCAG contrast, computed in the page ---------------------------------------------

CONTRAST_JS = """
(selectors) => {
  const parse = (value) => {
    let m = value.match(/^rgba?\\(([^)]*)\\)$/);
    if (m) {
      const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(parseFloat);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = value.match(/^color\\(srgb ([^)]*)\\)$/);
    if (m) {
      const p = m[1].split(/[\\s\\/]+/).filter(Boolean).map(parseFloat);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    return null;
  };
  const over = (top, bottom) =>
    [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  // The background behind an element: its own and its ancestors' colours, composed
  // from the first opaque one (or the white canvas) up to the element.
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.backgroundImage !== "none") return { error: "background image" };
      const colour = parse(style.backgroundColor);
      if (colour === null) return { error: "colour " + style.backgroundColor };
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let bg = [255, 255, 255, 1];
    for (const colour of layers.reverse()) bg = over(colour, bg);
    return { bg };
  };
  const name = (el) =>
    el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
      ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const results = [];
  const seen = new Set();
  for (const root of document.querySelectorAll(selectors)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || seen.has(el)) continue;
      seen.add(el);
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;  // visually hidden text
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
      const found = background(el);
      const entry = {
        element: name(el), text: node.textContent.trim().slice(0, 40),
        need: large ? 3 : 4.5, colour: style.color,
      };
      if (found.error) { results.push({ ...entry, error: found.error }); continue; }
      const fg = parse(style.color);
      if (fg === null) { results.push({ ...entry, error: "colour " + style.color }); continue; }
      const [a, b] = [luminance(over(fg, found.bg)), luminance(found.bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      results.push({ ...entry, ratio: Math.round(ratio * 100) / 100,
                     background: found.bg.slice(0, 3).map(Math.round).join(",") });
    }
  }
  return results;
}
"""


def contrast(page: Page, selectors: str) -> list[dict[str, Any]]:
    """Give the WCAG contrast of every visible text in ``selectors``, one entry per element."""
    found: list[dict[str, Any]] = page.evaluate(CONTRAST_JS, selectors)
    return found


def low_contrast(results: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give the entries that fail WCAG AA (or could not be measured)."""
    return [r for r in results if "error" in r or r["ratio"] < r["need"]]


def scheme_of(page: Page) -> str | None:
    """Give the colour scheme Material shows (``default`` or ``slate``)."""
    scheme: str | None = page.locator("body").get_attribute("data-md-color-scheme")
    return scheme


# -- layout: where the popular list goes ------------------------------------------


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_popular_list_sits_under_the_toc_at_desktop_width(
    served_demo: str, new_page: PageFactory
) -> None:
    page = open_post(new_page, served_demo)

    sidebar = page.locator(".md-sidebar--secondary .aiblog-popular--sidebar")
    expect(sidebar).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".aiblog-popular--after")).to_be_hidden()
    expect(sidebar.locator(".aiblog-popular__item")).to_have_count(3)
    expect(sidebar.locator(".aiblog-popular__title")).to_have_text("Popular posts from this blog")

    toc = box(page, ".md-sidebar--secondary .md-nav--secondary")
    popular = box(page, ".md-sidebar--secondary .aiblog-popular--sidebar")
    content = box(page, ".md-content")
    assert popular["y"] >= toc["y"] + toc["height"] - 0.5, (toc, popular)
    assert abs(popular["x"] - toc["x"]) <= 1 and popular["width"] <= toc["width"] + 1
    assert not overlaps(popular, content), (popular, content)
    # Every entry is on screen, in the sidebar column, without pushing the page wider.
    for item in sidebar.locator(".aiblog-popular__item").all():
        entry = item.bounding_box()
        assert entry is not None and not overlaps(entry, content)
        assert entry["x"] + entry["width"] <= popular["x"] + popular["width"] + 0.5
    assert_list_flush(page, ".md-sidebar--secondary .aiblog-popular--sidebar")
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP[0]


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_popular_list_follows_the_article_at_phone_width(
    served_demo: str, new_page: PageFactory
) -> None:
    page = open_post(new_page, served_demo, size=PHONE)

    after = page.locator(".aiblog-popular--after")
    expect(after).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".aiblog-popular--sidebar")).to_be_hidden()
    expect(after.locator(".aiblog-popular__item")).to_have_count(3)

    # Below everything else the article shows: its text, its sections, the card;
    # only the comments come after it.
    popular = box(page, ".aiblog-popular--after")
    lowest = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('article.md-content__inner > *')]
            .filter(e => !e.matches('.aiblog-popular, .aiblog-comments') && e.checkVisibility())
            .map(e => e.getBoundingClientRect().bottom + window.scrollY))"""
    )
    assert popular["y"] + page.evaluate("window.scrollY") >= lowest - 0.5
    comments = box(page, ".aiblog-comments")
    assert comments["y"] >= popular["y"] + popular["height"] - 0.5
    card = box(page, ".aiblog-full-story")
    assert not overlaps(popular, card)
    # Nothing of ours makes the phone page scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    content = box(page, ".md-content")
    assert popular["x"] >= content["x"]
    assert popular["x"] + popular["width"] <= content["x"] + content["width"]
    assert_list_flush(page, ".aiblog-popular--after")


# -- byline, badges, full-story card -----------------------------------------------


@pytest.mark.browser
@pytest.mark.timeout(60)
@pytest.mark.parametrize("slug", ["ai-power-clash", "benchmark-fatigue"])
def test_byline_badges_and_full_story_card_are_shown(
    served_demo: str, new_page: PageFactory, slug: str
) -> None:
    """Both forms of `full_story:` (a mapping, a plain URL) make a working card."""
    meta = front_matter(f"{slug}.md")
    page = open_post(new_page, served_demo, f"posts/{slug}/")

    byline = page.locator("article .aiblog-byline")
    expect(byline).to_be_visible(timeout=TIMEOUT)
    first = meta["date"]
    published = first if isinstance(first, date) else date.fromisoformat(str(first))
    expect(byline.locator(".aiblog-byline__date time")).to_have_text(
        f"{published:%B} {published.day}, {published.year}"
    )
    expect(byline.locator(".aiblog-byline__author")).to_have_count(len(meta["authors"]))
    for tag in meta["tags"]:
        expect(byline.get_by_text(f"#{tag}", exact=True)).to_be_visible()
    # The byline is under the title and above the lede.
    title, line = box(page, "article h1"), box(page, "article .aiblog-byline")
    lede = box(page, "article > p")
    assert title["y"] + title["height"] <= line["y"] + 0.5
    assert line["y"] + line["height"] <= lede["y"] + 0.5

    badges = page.locator("article :is(h2, h3) > .aiblog-emoji")
    assert badges.count() >= 3
    for badge in badges.all():
        expect(badge).to_be_visible()

    card = page.locator("article .aiblog-full-story")
    expect(card).to_be_visible()
    button = card.locator("a.aiblog-full-story__button")
    expect(button).to_be_visible()
    assert_story_link(button.get_attribute("href"), f"{slug}.md")
    if isinstance(meta["full_story"], dict):
        expect(card.locator(".aiblog-full-story__title")).to_have_text(meta["full_story"]["title"])
        expect(button.locator(".aiblog-full-story__label")).to_have_text(
            meta["full_story"]["button"]
        )
    # The card is the loud element: the button is a real, clickable-size target.
    target = box(page, "article .aiblog-full-story__button")
    assert target["height"] >= 24 and target["width"] >= 24


BADGE_PAGE = """# Badges

Text.

## ⚡ A Unicode glyph

Text.

## A twemoji image :rocket:

Text.

## :material-rocket-launch: A Material icon

Text.

## :zap::rocket: Two glyphs

Text.

### 🚀 A smaller heading

### An image in it :rocket:

### :material-rocket-launch: An icon in it
"""


@pytest.mark.browser
@pytest.mark.timeout(90)
def test_emoji_badges_share_one_box_whatever_the_source(
    tmp_path: Path, serve_dir: Callable[[Path], str], new_page: PageFactory
) -> None:
    """A glyph, a twemoji ``<img>`` and an inline ``<svg>`` get one badge size and position."""
    from material.extensions import emoji as material_emoji

    site = build_site(
        tmp_path,
        config={
            "markdown_extensions": [
                "attr_list",
                {
                    "pymdownx.emoji": {
                        "emoji_index": material_emoji.twemoji,
                        "emoji_generator": material_emoji.to_svg,
                    }
                },
            ]
        },
        files={"index.md": BADGE_PAGE},
        check=True,
    )
    page = new_page(*DESKTOP)
    route_twemoji(page)
    page.goto(serve_dir(site.site_dir))
    badges = page.evaluate(
        """() => [...document.querySelectorAll('.aiblog-emoji')].map((badge) => {
            const heading = badge.parentElement, b = badge.getBoundingClientRect();
            const h = heading.getBoundingClientRect();
            const kind = badge.querySelector('svg') ? 'svg'
                : badge.querySelector('img') ? 'img' : 'glyph';
            const image = badge.querySelector('img');
            return {level: heading.tagName, kind, text: heading.textContent.trim(),
                    width: b.width, height: b.height, top: b.top - h.top,
                    loaded: image ? image.complete && image.naturalWidth > 0 : true};
        })"""
    )
    assert all(b["loaded"] for b in badges), badges
    by_level: dict[str, list[dict[str, Any]]] = {}
    for badge in badges:
        if "Two glyphs" not in badge["text"]:
            by_level.setdefault(badge["level"], []).append(badge)
    assert {b["kind"] for b in by_level["H2"]} == {"glyph", "img", "svg"}, badges
    assert {b["kind"] for b in by_level["H3"]} == {"glyph", "img", "svg"}, badges
    for level, group in by_level.items():
        first = group[0]
        for other in group[1:]:
            for key in ("width", "height", "top"):
                assert abs(other[key] - first[key]) <= 0.5, (level, key, first, other)
    h2 = by_level["H2"][0]
    assert h2["height"] > by_level["H3"][0]["height"]  # the badge follows the heading's size
    # Two adjacent emoji form one wider badge of the same height.
    pair = next(b for b in badges if "Two glyphs" in b["text"])
    assert pair["width"] > h2["width"] and abs(pair["height"] - h2["height"]) <= 0.5


# -- colour schemes and contrast ------------------------------------------------------


@pytest.mark.browser
@pytest.mark.timeout(90)
@pytest.mark.parametrize("how", ["light", "dark-media", "dark-toggle"])
def test_plugin_parts_have_readable_contrast(
    served_demo: str, new_page: PageFactory, how: str
) -> None:
    """WCAG AA for every visible text of ours, in the light and the dark scheme.

    ``dark-media``: the system asks for dark (the demo's palette follows
    ``prefers-color-scheme``); ``dark-toggle``: the reader clicks Material's toggle.
    """
    page = open_post(new_page, served_demo, scheme="dark" if how == "dark-media" else "light")
    expect(page.locator(".aiblog-byline")).to_be_visible(timeout=TIMEOUT)
    if how == "dark-toggle":
        assert scheme_of(page) == "default"
        page.locator('label[for="__palette_1"]').click()
    expected = "default" if how == "light" else "slate"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)

    parts = ".aiblog-byline, .aiblog-popular, .aiblog-full-story, .aiblog-emoji"
    results = contrast(page, parts)
    measured = {r["element"].split(".")[1] for r in results if "." in r["element"]}
    # The check saw the texts it is about: byline, tags, popular entries, card, button.
    for part in (
        "aiblog-byline__tag",
        "aiblog-byline__category",
        "aiblog-popular__name",
        "aiblog-popular__date",
        "aiblog-full-story__title",
        "aiblog-full-story__text",
        "aiblog-full-story__label",
        "aiblog-emoji",
    ):
        assert part in measured, (part, sorted(measured))
    assert not low_contrast(results), "\n".join(map(str, low_contrast(results)))

    # The home page's post list, in the same scheme.
    page.goto(served_demo)
    expect(page.locator(".aiblog-card").first).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    cards = contrast(page, ".aiblog-card")
    assert len(cards) >= 6
    assert not low_contrast(cards), "\n".join(map(str, low_contrast(cards)))


# -- instant navigation --------------------------------------------------------------


def expect_post(page: Page, slug: str, previous: list[str]) -> None:
    """Check that the page now shows post ``slug`` with its own plugin parts."""
    meta = front_matter(f"{slug}.md")
    expect(page.locator("article h1")).to_contain_text(meta["title"], timeout=TIMEOUT)
    expect(page).to_have_title(re.compile(re.escape(meta["title"])))
    listed = [slug_of(h) for h in hrefs(page, ".md-sidebar--secondary .aiblog-popular__link")]
    assert len(listed) == 3 and slug not in listed, listed
    after = [slug_of(h) for h in hrefs(page, ".aiblog-popular--after .aiblog-popular__link")]
    assert after == listed
    byline = page.locator("article .aiblog-byline")
    authors = byline.locator(".aiblog-byline__author").all_inner_texts()
    assert len(authors) == len(meta["authors"]), authors
    published = meta["date"]
    expect(byline.locator(".aiblog-byline__date time")).to_have_attribute(
        "datetime", re.compile("^" + re.escape(published.isoformat()[:10]))
    )
    # Every demo post has one card, from its front matter or a `/// full-story` block.
    cards = page.locator(".aiblog-full-story")
    expect(cards).to_have_count(1)
    expect(cards).to_be_visible()
    assert_story_link(cards.locator("a").get_attribute("href"), f"{slug}.md")
    previous.append(slug)


@pytest.mark.browser
@pytest.mark.timeout(90)
def test_instant_navigation_updates_every_plugin_part(
    served_demo: str, new_page: PageFactory, console_errors: Callable[[Page], list[str]]
) -> None:
    page = new_page(*DESKTOP)
    route_twemoji(page)
    route_sitemap(page, served_demo)
    with page.expect_response("**/sitemap.xml"):
        page.goto(served_demo + POST)
    seen: list[str] = []
    expect_post(page, "ai-power-clash", seen)
    page.evaluate("window.__marker = 1")

    # Pinned first: the EU post; then from there to the most viewed one.
    for slug in ("eu-ai-act-deadlines", "benchmark-fatigue"):
        links = page.locator(".md-sidebar--secondary .aiblog-popular__link")
        links.filter(has=page.locator(f"xpath=self::*[contains(@href, '/{slug}/')]")).click()
        page.wait_for_url(f"**/posts/{slug}/")
        expect_post(page, slug, seen)
        assert page.evaluate("window.__marker") == 1, "a full page load, not instant navigation"

    # Home through the navigation, then to the post whose card comes from a block.
    page.locator(".md-nav--primary a[href$='/']").filter(has_text="Home").first.click()
    expect(page.locator(".aiblog-post-list .aiblog-card").first).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".aiblog-byline, .aiblog-full-story")).to_have_count(0)
    page.locator(".aiblog-card__title a[href*='small-models-big-jobs']").click()
    page.wait_for_url("**/posts/small-models-big-jobs/")
    expect_post(page, "small-models-big-jobs", seen)
    assert page.evaluate("window.__marker") == 1, "a full page load, not instant navigation"
    assert console_errors(page) == []


# -- JavaScript off ----------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.timeout(60)
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_feature_works_without_javascript(
    served_demo: str, new_page: PageFactory, size: tuple[int, int]
) -> None:
    page = open_post(new_page, served_demo, size=size, java_script_enabled=False)
    assert "no-js" in (page.locator("html").get_attribute("class") or "")
    expect(page.locator("article .aiblog-byline")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("article .aiblog-byline__avatar").first).to_be_visible()
    badges = page.locator("article .aiblog-emoji")
    assert badges.count() >= 3
    expect(badges.first).to_be_visible()
    sidebar = ".md-sidebar--secondary .aiblog-popular--sidebar"
    popular = page.locator(sidebar if size == DESKTOP else ".aiblog-popular--after")
    expect(popular).to_be_visible()
    expect(popular.locator(".aiblog-popular__item")).to_have_count(3)
    card = page.locator("article .aiblog-full-story")
    expect(card).to_be_visible()
    assert_story_link(card.locator("a").get_attribute("href"), "ai-power-clash.md")

    # A popular link is a plain link: it works with no script at all.
    popular.locator(".aiblog-popular__link").first.click()
    page.wait_for_url("**/posts/eu-ai-act-deadlines/")
    expect(page.locator("article .aiblog-byline")).to_be_visible(timeout=TIMEOUT)


# -- accessibility -----------------------------------------------------------------


def plugin_selector(page: Page) -> str:
    """Give a selector of the plugin's parts present on ``page`` (for axe's context)."""
    parts = [*PLUGIN_PARTS.split(", "), "h2:has(> .aiblog-emoji)", "h3:has(> .aiblog-emoji)"]
    present = [part for part in parts if page.locator(part).count()]
    assert present, "none of the plugin's parts is on the page"
    return ", ".join(present)


@pytest.mark.browser
@pytest.mark.timeout(90)
@pytest.mark.parametrize(
    ("path", "size", "scheme"),
    [
        (POST, DESKTOP, "light"),
        (POST, PHONE, "dark"),
        ("posts/eu-ai-act-deadlines/", DESKTOP, "dark"),
        ("", DESKTOP, "light"),
    ],
    ids=["post-desktop-light", "post-phone-dark", "pinned-post-desktop-dark", "home-light"],
)
def test_axe_finds_no_serious_violation_in_plugin_parts(
    served_demo: str,
    new_page: PageFactory,
    axe: AxeRunner,
    path: str,
    size: tuple[int, int],
    scheme: str,
) -> None:
    page = open_post(new_page, served_demo, path, size, scheme=scheme)
    expect(page.locator(PLUGIN_PARTS).locator("visible=true").first).to_be_visible(timeout=TIMEOUT)
    selector = plugin_selector(page)
    violations = axe(page, selector)
    serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert not serious, f"{selector}:\n{type(violations)(serious)}"
    # Lesser findings are not allowed to creep in unnoticed either.
    assert not violations, str(violations)


# -- the home page ------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_home_page_lists_posts_newest_first(served_demo: str, new_page: PageFactory) -> None:
    page = open_post(new_page, served_demo, "")
    cards = page.locator(".aiblog-post-list .aiblog-card")
    expected = published_posts()[:4]  # the demo's `per_page: 4`; page/2/ has the rest
    expect(cards).to_have_count(len(expected), timeout=TIMEOUT)
    for card in cards.all():
        expect(card).to_be_visible()
    titles = cards.locator(".aiblog-card__title").all_inner_texts()
    assert titles == [meta["title"] for _, meta in expected]
    stamps = cards.locator(".aiblog-card__meta time").evaluate_all(
        "els => els.map(e => e.getAttribute('datetime'))"
    )
    assert stamps == sorted(stamps, reverse=True) and len(stamps) == len(expected)
    links = [slug_of(h) for h in hrefs(page, ".aiblog-card__title a")]
    assert links == [slug for slug, _ in expected]
    assert "agents-at-work" not in links  # the demo's draft
    # Cards are stacked in reading order, each below the one before.
    tops = [c.bounding_box()["y"] for c in cards.all()]  # type: ignore[index]
    assert tops == sorted(tops)


# -- screenshots ----------------------------------------------------------------------

SCREENSHOTS = REPO_ROOT / "docs" / "assets" / "screenshots"
"""The README's pictures: rewritten by this test only with AIBLOG_UPDATE_SCREENSHOTS=1."""
UPDATE_SCREENSHOTS = os.environ.get("AIBLOG_UPDATE_SCREENSHOTS", "") == "1"


def settle(page: Page) -> None:
    """Wait until every image in the page has loaded (lazy ones scrolled into view)."""
    page.wait_for_load_state("load")
    page.evaluate(
        """async () => {
            for (const img of document.images) img.loading = 'eager';
            await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
            await document.fonts.ready;
        }"""
    )


def region(page: Page, selectors: Iterable[str], *, pad: float = 16) -> FloatRect:
    """Give the page-coordinate box around the visible elements of ``selectors``, padded."""
    boxes = [box(page, selector) for selector in selectors]
    scroll_y = page.evaluate("window.scrollY")
    left = min(b["x"] for b in boxes) - pad
    top = min(b["y"] for b in boxes) + scroll_y - pad
    right = max(b["x"] + b["width"] for b in boxes) + pad
    bottom = max(b["y"] + b["height"] for b in boxes) + scroll_y + pad
    left, top = max(left, 0), max(top, 0)
    return FloatRect(x=left, y=top, width=right - left, height=bottom - top)


@pytest.mark.browser
@pytest.mark.timeout(120)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_a_post(
    served_demo: str,
    new_page: PageFactory,
    artifact_path: Callable[[str], Path],
    scheme: str,
) -> None:
    """Full pages as test artifacts; cropped views for the README when asked to.

    ``AIBLOG_UPDATE_SCREENSHOTS=1`` rewrites ``docs/assets/screenshots/``: the top of
    the post (title, byline, hero, table of contents and popular posts) at 1440 px,
    the full-story card, and the phone's top of the post and end of the article.
    """
    written: list[Path] = []
    for name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page = open_post(new_page, served_demo, size=size, scheme=scheme)
        expect(page.locator(".aiblog-byline")).to_be_visible(timeout=TIMEOUT)
        settle(page)
        target = artifact_path(f"demo-post-{name}-{scheme}.png")
        page.screenshot(path=target, full_page=True, animations="disabled")
        written.append(target)
        if not UPDATE_SCREENSHOTS:
            continue
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        if name == "desktop":
            parts = [
                ".md-header",
                "article h1",
                ".aiblog-hero",
                ".md-sidebar--secondary .aiblog-popular",
            ]
            top = region(page, parts, pad=0)
            top = FloatRect(
                x=top["x"] - 24, y=top["y"], width=top["width"] + 48, height=top["height"] + 24
            )
            page.screenshot(
                path=SCREENSHOTS / f"post-{scheme}.png", clip=top, animations="disabled"
            )
            if scheme == "light":
                card = region(page, ["article .aiblog-full-story"])
                page.screenshot(
                    path=SCREENSHOTS / "full-story-card.png",
                    full_page=True,
                    clip=card,
                    animations="disabled",
                )
        elif scheme == "light":
            page.screenshot(path=SCREENSHOTS / "phone-top.png", animations="disabled")
            page.locator("article .aiblog-full-story").scroll_into_view_if_needed()
            settle(page)
            end = region(page, ["article .aiblog-full-story", ".aiblog-popular--after"], pad=0)
            end = FloatRect(x=0, y=end["y"] - 16, width=PHONE[0], height=end["height"] + 32)
            page.screenshot(
                path=SCREENSHOTS / "phone-end.png", full_page=True, clip=end, animations="disabled"
            )
    for path in written:
        assert path.stat().st_size > 10_000, path
