"""Share links on the demo blog, in headless Chromium: both schemes, 1440 and 390 px wide,
JavaScript on and off, instant navigation, axe-core, and no request until a click."""

from __future__ import annotations

import pytest
from browserkit import AxeRunner, PageFactory
from playwright.sync_api import Page, expect

POST = "posts/ai-power-clash/"
SITE_URL = "https://aidispatch.example.org/"
"""The demo's `site_url`: the address the links share."""
TIMEOUT = 5_000
NETWORK_HOSTS = (
    "bsky.app",
    "s2f.kytta.dev",
    "linkedin.com",
    "ycombinator.com",
    "reddit.com",
    "x.com",
)


def _open(new_page: PageFactory, base: str, width: int, scheme: str, *, js: bool = True) -> Page:
    page = new_page(width, 900, java_script_enabled=js)
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(base + POST)
    return page


@pytest.mark.browser
@pytest.mark.timeout(90)
@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_links_fit_are_big_enough_and_pass_axe(
    served_demo: str, new_page: PageFactory, axe: AxeRunner, width: int, scheme: str
) -> None:
    requests: list[str] = []
    page = new_page(width, 900)
    page.on("request", lambda request: requests.append(request.url))
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(served_demo + POST)
    block = page.locator(".aiblog-share")
    block.scroll_into_view_if_needed()
    expect(block).to_be_visible(timeout=TIMEOUT)
    items = block.locator("a, button")
    assert items.count() == 8
    for index in range(items.count()):
        box = items.nth(index).bounding_box()
        assert box is not None
        assert box["width"] >= 24 and box["height"] >= 24, box  # WCAG 2.5.8 target size
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The links are after newer/older (and the series and related posts, where a post has
    # them) and before the popular list's copy, in the article.
    order = page.evaluate(
        """() => [...document.querySelectorAll('article .aiblog-newer-older, article .aiblog-share,'
             + ' article .aiblog-popular--after')].map((e) => e.className.split(' ')[0])"""
    )
    assert order.index("aiblog-newer-older") < order.index("aiblog-share")
    assert order.index("aiblog-share") < order.index("aiblog-popular")
    violations = axe(page, ".aiblog-share")
    assert not violations, str(violations)
    assert not [url for url in requests if any(host in url for host in NETWORK_HOSTS)]


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_with_javascript_off_the_links_work_and_the_copy_button_is_hidden(
    served_demo: str, new_page: PageFactory
) -> None:
    page = _open(new_page, served_demo, 390, "light", js=False)
    block = page.locator(".aiblog-share")
    expect(block.locator("a")).to_have_count(7)
    for index in range(7):
        expect(block.locator("a").nth(index)).to_be_visible()
    expect(block.locator("button")).to_be_hidden()
    href = block.locator("a.aiblog-share__link--reddit").get_attribute("href")
    assert href is not None and href.startswith("https://www.reddit.com/submit?url=https%3A%2F%2F")


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_copy_link_copies_the_address_with_material_s_clipboard(
    served_demo: str, new_page: PageFactory
) -> None:
    page = _open(new_page, served_demo, 1440, "light")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button = page.locator(".aiblog-share button")
    button.scroll_into_view_if_needed()
    expect(button).to_be_visible(timeout=TIMEOUT)
    button.click()
    expect(page.locator("[data-md-component=dialog]")).to_contain_text("Copied", timeout=TIMEOUT)
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + POST


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_instant_navigation_shows_the_next_post_s_links(
    served_demo: str, new_page: PageFactory
) -> None:
    page = _open(new_page, served_demo, 1440, "dark")
    older = page.locator(".aiblog-newer-older__link--older")
    target = older.get_attribute("href")
    assert target is not None
    older.click()
    page.wait_for_url(lambda url: url.rstrip("/").endswith(target.strip("./").rstrip("/")))
    copy = page.locator(".aiblog-share button")
    expect(copy).not_to_have_attribute("data-clipboard-text", SITE_URL + POST, timeout=TIMEOUT)
    address = copy.get_attribute("data-clipboard-text")
    assert address is not None and page.url.endswith(address.removeprefix(SITE_URL))
