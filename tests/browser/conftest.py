"""Browser fixtures: Playwright for Python driving Debian's Chromium (never its own download).

- ``browser`` (session): a headless Chromium ``Browser``.
- ``served_demo`` (session): base URL (ends in ``/``) of the demo site, built and
  served on 127.0.0.1 by a threaded ``http.server``.
- ``serve_dir``: ``(directory) -> base URL``, serving any built ``site_dir``.
- ``new_page``: ``(width=1440, height=900, *, java_script_enabled=True) -> Page``,
  each page in its own context, closed after the test; requests that leave
  127.0.0.1 (Google Fonts) get an empty 200 answer, so a page never waits on them.
- ``console_errors``: ``(page) -> list[str]``, console errors and uncaught
  exceptions that page has seen so far.
- ``axe``: ``(page, selector="article", *, disable=()) -> AxeViolations`` (a list of axe-core's
  violation dicts whose ``str()`` is one line per rule): runs axe-core on the
  elements matching ``selector`` (needs JavaScript on in that page).
- ``artifact_path``: ``(name) -> Path`` in ``test-artifacts/`` for screenshots.

A missing Chromium or axe-core skips locally and fails under ``CI=true``. The
types to annotate these fixtures with (``PageFactory``, ``AxeRunner``) and the
helpers behind them are in ``browserkit``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from browserkit import (
    ARTIFACTS,
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    LOCAL,
    AxeRunner,
    PageFactory,
    run_axe,
    serve_directory,
    stub_offsite,
)
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from sitebuild import Site, skip_or_fail


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Give a headless Debian Chromium driven by Playwright."""
    if not CHROMIUM.is_file():
        skip_or_fail(f"{CHROMIUM} is missing: run scripts/test, which installs Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def served_demo(demo_site: Site) -> Iterator[str]:
    """Give the base URL of the built demo site, served for the whole session."""
    if demo_site.error is not None:
        pytest.fail(f"the demo site failed to build: {demo_site.error}; {demo_site.warnings}")
    with serve_directory(demo_site.site_dir) as url:
        yield url


@pytest.fixture
def serve_dir() -> Iterator[Callable[[Path], str]]:
    """Give ``(directory) -> base URL``; the servers stop after the test."""
    with ExitStack() as stack:
        yield lambda directory: stack.enter_context(serve_directory(directory))


@pytest.fixture
def _console_log() -> dict[int, list[str]]:
    return {}


@pytest.fixture
def new_page(browser: Browser, _console_log: dict[int, list[str]]) -> Iterator[PageFactory]:
    """Give a factory of pages with their own viewport and JavaScript switch."""
    contexts: list[BrowserContext] = []

    def make(width: int = 1440, height: int = 900, *, java_script_enabled: bool = True) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=java_script_enabled
        )
        contexts.append(context)
        context.route(lambda url: not url.startswith(LOCAL), stub_offsite)
        page = context.new_page()
        errors = _console_log.setdefault(id(page), [])
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def console_errors(_console_log: dict[int, list[str]]) -> Callable[[Page], list[str]]:
    """Give ``(page) -> console errors and uncaught exceptions seen so far``."""
    return lambda page: list(_console_log.get(id(page), []))


@pytest.fixture
def axe() -> AxeRunner:
    """Give ``(page, selector="article", *, disable=()) -> axe-core violations``.

    ``disable`` names axe rules to leave out. Use as::

        violations = axe(page, "article")
        assert not violations, str(violations)
    """
    if not AXE_JS.is_file():
        skip_or_fail(
            f"{AXE_JS} is missing: run `npm ci --prefix tests/browser` (scripts/test does)"
        )

    return run_axe


@pytest.fixture
def artifact_path() -> Callable[[str], Path]:
    """Give ``(file name) -> path in test-artifacts/`` (created; git-ignored)."""

    def make(name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        return ARTIFACTS / name

    return make
