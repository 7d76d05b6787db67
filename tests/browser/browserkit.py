"""Helpers behind the browser fixtures (tests/browser/conftest.py), and their types.

Tests annotate fixtures with these: ``new_page: PageFactory``, ``axe: AxeRunner``.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from playwright.sync_api import Page, Route
from sitebuild import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class AxeViolations(list[dict[str, Any]]):
    """axe-core's violations; ``str()`` gives one line per rule with its targets."""

    def __str__(self) -> str:
        return "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in self
        )


LOCAL = "http://127.0.0.1:"
_STUB_TYPES = {"stylesheet": "text/css", "script": "text/javascript"}


def stub_offsite(route: Route) -> None:
    """Answer an off-site request (Material's Google Fonts CSS) with an empty body.

    This machine and CI have no route to such hosts: a refused request would be a
    console error, and waiting for it would make tests slow and flaky.
    """
    content_type = _STUB_TYPES.get(route.request.resource_type, "text/plain")
    route.fulfill(status=200, content_type=content_type, body="")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) in a thread; give its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class AxeRunner(Protocol):
    """The ``axe`` fixture."""

    def __call__(
        self, page: Page, selector: str = "article", *, disable: Sequence[str] = ()
    ) -> AxeViolations: ...


class PageFactory(Protocol):
    """The ``new_page`` fixture."""

    def __call__(
        self, width: int = 1440, height: int = 900, *, java_script_enabled: bool = True
    ) -> Page: ...


def run_axe(page: Page, selector: str = "article", *, disable: Sequence[str] = ()) -> AxeViolations:
    """Run axe-core on the elements matching ``selector``; give its violations."""
    page.add_script_tag(path=str(AXE_JS))
    script = """async ([sel, off]) => (await axe.run(sel, {
        resultTypes: ['violations'],
        rules: Object.fromEntries(off.map((id) => [id, {enabled: false}])),
    })).violations"""
    return AxeViolations(page.evaluate(script, [selector, list(disable)]))
