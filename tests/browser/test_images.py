"""The hero image holds its place before it loads: no jump in the article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browserkit import PageFactory
from playwright.sync_api import Route
from realsites import HEROES, realsite_config, realsite_files
from sitebuild import build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real-shaped blog of `test_realsite_images`, built once."""
    root = tmp_path_factory.mktemp("blog")
    config = realsite_config(blog={})
    return build_site(root, config=config, files=realsite_files("blog/posts"), check=True).site_dir


@pytest.mark.parametrize("width", [1440, 390])
def test_the_hero_has_its_height_before_the_image_arrives(
    site_dir: Path, serve_dir: Callable[[Path], str], new_page: PageFactory, width: int
) -> None:
    base = serve_dir(site_dir)
    page = new_page(width, 900)
    held: list[Route] = []
    # Images are never answered while measuring: nothing has loaded.
    page.route("**/*.png", lambda route: held.append(route))
    page.goto(base + "blog/2026/11/20/one/", wait_until="domcontentloaded")
    hero = page.locator(".aiblog-hero img")
    box = hero.bounding_box()
    assert held, "the hero was not requested"
    assert hero.evaluate("img => img.complete && img.naturalWidth") in (0, False)
    hero_width, hero_height = HEROES["one"]
    assert box is not None and box["width"] > 100
    assert box["height"] == pytest.approx(box["width"] * hero_height / hero_width, abs=1)
    for route in held:
        route.abort()
