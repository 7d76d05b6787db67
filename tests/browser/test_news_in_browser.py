"""The demo's news-shaped post in headless Chromium: closing emoji, standfirst, caption.

At 1440 and 390 px, in the light and the dark scheme: the standfirst sits between
the title and the byline, larger than the byline in the same lighter colour; the
caption sits under the hero image; every section closed by an emoji shows it as a
badge of the same box as a badge written in a heading; contrast and axe are clean.
``AIBLOG_UPDATE_SCREENSHOTS=1`` also writes the README's picture of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browserkit import AxeRunner, PageFactory
from playwright.sync_api import FloatRect, expect
from test_reader import (
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    TIMEOUT,
    UPDATE_SCREENSHOTS,
    contrast,
    front_matter,
    low_contrast,
    open_post,
    plugin_selector,
    region,
    settle,
)

NEWS = "posts/archive-licensing/"
CLOSED = [
    "what-the-deals-actually-cover",
    "why-an-archive-is-worth-paying-for",
    "the-money-roughly",
    "who-gets-left-out",
    "what-could-happen-next",
]
"""The demo post's sections that end on an emoji (its headings have none)."""
PARTS = ".aiblog-standfirst, .aiblog-hero figcaption, .aiblog-byline, .aiblog-emoji"


@pytest.mark.browser
@pytest.mark.timeout(90)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1440", "390"])
def test_the_news_post_reads_as_written(
    served_demo: str,
    new_page: PageFactory,
    axe: AxeRunner,
    size: tuple[int, int],
    scheme: str,
) -> None:
    page = open_post(new_page, served_demo, NEWS, size, scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    meta = front_matter("archive-licensing.md")
    standfirst = page.locator("article .aiblog-standfirst")
    expect(standfirst).to_have_text(meta["subtitle"], timeout=TIMEOUT)
    title, byline = page.locator("article h1"), page.locator("article .aiblog-byline")
    boxes = [part.bounding_box() for part in (title, standfirst, byline)]
    assert all(boxes), boxes
    top_of = [b["y"] for b in boxes if b]
    assert top_of == sorted(top_of), "title, standfirst, byline: in this order"
    style = standfirst.evaluate(
        "(el) => { const s = getComputedStyle(el), b = getComputedStyle("
        "document.querySelector('.aiblog-byline__meta'));"
        " return [parseFloat(s.fontSize), parseFloat(b.fontSize), s.color, b.color]; }"
    )
    assert style[0] > style[1], style  # larger than the byline ...
    assert style[2] == style[3], style  # ... in the same lighter colour

    hero = page.locator("article figure.aiblog-hero")
    settle(page)
    image, caption = hero.locator("img").bounding_box(), hero.locator("figcaption").bounding_box()
    assert image and caption and caption["y"] >= image["y"] + image["height"] - 1
    expect(hero.locator("figcaption")).to_have_text(meta["image_caption"])

    sizes = set()
    for anchor in CLOSED:
        badge = page.locator(f"article h2#{anchor} > .aiblog-emoji")
        expect(badge).to_be_visible()
        box = badge.bounding_box()
        assert box is not None
        sizes.add((round(box["width"]), round(box["height"])))
    assert len({height for _, height in sizes}) == 1, sizes  # one box, Unicode or SVG

    results = contrast(page, PARTS)
    measured = {r["element"].split(".")[1] for r in results if "." in r["element"]}
    assert {"aiblog-standfirst", "aiblog-hero__caption"} <= measured, sorted(measured)
    assert not low_contrast(results), "\n".join(map(str, low_contrast(results)))

    selector = f"{plugin_selector(page)}, .aiblog-standfirst, .aiblog-hero"
    violations = axe(page, selector)
    serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert not serious, f"{selector}:\n{type(violations)(serious)}"
    assert not violations, str(violations)


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_screenshot_of_the_news_post(
    served_demo: str, new_page: PageFactory, artifact_path: Callable[[str], Path]
) -> None:
    """A test artifact of the news post; the README's picture with AIBLOG_UPDATE_SCREENSHOTS=1.

    The picture: title, standfirst, byline, captioned hero, first sections.
    """
    page = open_post(new_page, served_demo, NEWS, (1440, 1500))
    expect(page.locator(".aiblog-standfirst")).to_be_visible(timeout=TIMEOUT)
    settle(page)
    top = region(page, ["article h1", "article .aiblog-hero", f"article h2#{CLOSED[1]}"], pad=24)
    top = FloatRect(x=top["x"], y=top["y"], width=top["width"], height=top["height"] - 8)
    page.screenshot(path=artifact_path("news-post.png"), full_page=True, animations="disabled")
    if UPDATE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "news-post.png", clip=top, animations="disabled")
