"""Series and related posts on the demo, in headless Chromium: both widths, both schemes.

The demo's series "The price of AI" has three parts: chip-shortage, then
open-weights-economics, then ai-power-clash (by date).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browserkit import AxeRunner, PageFactory
from playwright.sync_api import FloatRect, Page, expect
from test_reader import (
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    TIMEOUT,
    UPDATE_SCREENSHOTS,
    open_post,
    region,
    route_sitemap,
    route_twemoji,
    settle,
)

PARTS = ["chip-shortage", "open-weights-economics", "ai-power-clash"]
SERIES = "The price of AI"
OURS = ".aiblog-series, .aiblog-series-nav, .aiblog-related"


def expect_part(page: Page, number: int) -> None:
    """Check that the page shows part `number` (from 1) of the demo's series."""
    box = page.locator("article nav.aiblog-series")
    expect(box.locator(".admonition-title")).to_have_text(
        f"Part {number} of 3 in {SERIES}", timeout=TIMEOUT
    )
    current = box.locator('[aria-current="page"]')
    expect(current).to_have_count(1)
    expect(current.locator("a")).to_have_count(0)
    expect(box.locator("a")).to_have_count(2)
    assert page.url.rstrip("/").endswith(PARTS[number - 1])


@pytest.mark.browser
@pytest.mark.timeout(90)
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_box_links_and_related_posts_are_shown_and_pass_axe(
    served_demo: str, new_page: PageFactory, axe: AxeRunner, size: tuple[int, int], scheme: str
) -> None:
    page = open_post(new_page, served_demo, "posts/open-weights-economics/", size, scheme=scheme)
    expect_part(page, 2)
    for part in ("nav.aiblog-series", "nav.aiblog-series-nav", "nav.aiblog-related"):
        page.locator(part).scroll_into_view_if_needed()
        expect(page.locator(part)).to_be_visible()
    expect(page.locator(".aiblog-series-nav a")).to_have_count(2)
    expect(page.locator(".aiblog-related .aiblog-popular__item").first).to_be_visible()
    # Nothing wider than the screen (390 px: the phone).
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    violations = axe(page, OURS)
    serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert not serious, str(violations)
    assert not violations, str(violations)


@pytest.mark.browser
@pytest.mark.timeout(90)
def test_instant_navigation_moves_through_the_series(
    served_demo: str, new_page: PageFactory, console_errors: Callable[[Page], list[str]]
) -> None:
    page = new_page(*DESKTOP)
    route_twemoji(page)
    route_sitemap(page, served_demo)
    with page.expect_response("**/sitemap.xml"):
        page.goto(served_demo + "posts/open-weights-economics/")
    expect_part(page, 2)
    page.evaluate("window.__marker = 1")

    page.locator(".aiblog-series-nav__link--next").click()
    page.wait_for_url("**/posts/ai-power-clash/")
    expect_part(page, 3)
    expect(page.locator(".aiblog-series-nav__link--next")).to_have_count(0)
    assert page.evaluate("window.__marker") == 1, "a full page load, not instant navigation"

    page.locator("nav.aiblog-series a").first.click()
    page.wait_for_url("**/posts/chip-shortage/")
    expect_part(page, 1)
    expect(page.locator(".aiblog-series-nav__link--previous")).to_have_count(0)

    page.locator(".aiblog-related .aiblog-popular__link").first.click()
    page.wait_for_load_state()
    expect(page.locator("article h1")).to_be_visible(timeout=TIMEOUT)
    assert page.evaluate("window.__marker") == 1, "a full page load, not instant navigation"
    assert console_errors(page) == []


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_screenshots_of_the_series_and_related_posts(
    served_demo: str, new_page: PageFactory, artifact_path: Callable[[str], Path]
) -> None:
    """The README's pictures, rewritten with AIBLOG_UPDATE_SCREENSHOTS=1."""
    page = open_post(new_page, served_demo, "posts/open-weights-economics/", DESKTOP)
    expect_part(page, 2)
    settle(page)
    shots = {
        "series-box.png": ["article h1", "nav.aiblog-series"],
        "keep-reading-end.png": ["nav.aiblog-newer-older", "nav.aiblog-related"],
    }
    for name, parts in shots.items():
        area = region(page, parts)
        area = FloatRect(x=area["x"], y=area["y"], width=area["width"], height=area["height"])
        target = SCREENSHOTS / name if UPDATE_SCREENSHOTS else artifact_path(name)
        page.screenshot(path=target, full_page=True, clip=area, animations="disabled")
        assert target.stat().st_size > 5_000, target
