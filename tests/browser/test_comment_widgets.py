"""Comments in a real browser (issue 19): a real Isso server, and giscus through a stand-in.

Isso: the test starts the `isso` server from the package index on 127.0.0.1
with a temporary SQLite database, serves the built site on another port and
drives the reader's flow. giscus cannot be reached from here: its `client.js`
and its frame are answered by request routing, which records what they got.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import PageFactory
from playwright.sync_api import Page, Route, expect
from sitebuild import build_site, post, skip_or_fail

SITE_URL = "https://blog.example.org/"
TIMEOUT = 15_000
ISSO = str(Path(sys.executable).with_name("isso"))  # installed with the test extras
LONG = "A one-paragraph lede.\n\n" + "".join(
    f"## Section {n}\n\n" + "A long paragraph of the post that fills the screen. " * 40 + "\n\n"
    for n in range(1, 7)
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def build(tmp_path: Path, comments: dict[str, Any]) -> Path:
    """Build two long posts with comments and a palette toggle; give the site's folder."""
    site = build_site(
        tmp_path,
        config={
            "site_url": SITE_URL,
            "theme": {
                "name": "material",
                "features": ["navigation.instant"],
                "palette": [
                    {
                        "scheme": "default",
                        "toggle": {"icon": "material/brightness-7", "name": "Dark"},
                    },
                    {
                        "scheme": "slate",
                        "toggle": {"icon": "material/brightness-4", "name": "Light"},
                    },
                ],
            },
            "plugins": [{"aiblog": {"comments": comments}}],
        },
        files={
            "index.md": "# Home\n\nWelcome.\n",
            "posts/first.md": post(title="First post", date="2026-11-20", body=LONG),
            "posts/second.md": post(title="Second post", date="2026-11-21", body=LONG),
        },
        strict=True,
        check=True,
    )
    return site.site_dir


def route_sitemap(page: Page, base_url: str) -> None:
    """Give instant navigation the sitemap of the site where it is served (test_reader)."""

    def answer(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(SITE_URL, base_url))

    page.route("**/sitemap.xml", answer)


def scroll_to_comments(page: Page) -> None:
    page.locator("#__comments").scroll_into_view_if_needed()


# -- Isso, a real server ----------------------------------------------------------------


def expect_comments(page: Page, texts: list[str]) -> None:
    """Check the thread shows these comments, each once, and one form to write another."""
    comments = page.locator("#isso-root .isso-comment")  # not the postbox's preview
    expect(comments).to_have_count(len(texts), timeout=TIMEOUT)
    for comment, text in zip(comments.all(), texts, strict=True):
        expect(comment).to_contain_text(text)
    expect(page.locator(".isso-postbox")).to_have_count(1)


@pytest.fixture
def isso_port() -> int:
    return free_port()


@pytest.fixture
def isso_server(tmp_path: Path, isso_port: int) -> Iterator[Callable[[str], str]]:
    """Give `(site origin) -> Isso's URL`, starting the server for that origin."""
    if not Path(ISSO).is_file():
        skip_or_fail("the isso server is not installed (pip install 'isso==0.14.0')")
    processes: list[subprocess.Popen[bytes]] = []

    def start(origin: str) -> str:
        config = tmp_path / "isso.cfg"
        config.write_text(
            "[general]\n"
            f"dbpath = {tmp_path / 'comments.db'}\n"
            f"host = {origin}\n"
            "[server]\n"
            f"listen = http://127.0.0.1:{isso_port}/\n"
            "[guard]\nenabled = false\n"
            "[moderation]\nenabled = false\n",
            encoding="utf-8",
        )
        log = (tmp_path / "isso.log").open("wb")
        processes.append(subprocess.Popen([ISSO, "-c", str(config), "run"], stdout=log, stderr=log))
        url = f"http://127.0.0.1:{isso_port}/"
        for _ in range(100):
            try:
                with urllib.request.urlopen(url + "config", timeout=1) as answer:
                    if answer.status == 200:
                        return url
            except OSError:
                time.sleep(0.1)
        pytest.fail(f"isso did not start: {(tmp_path / 'isso.log').read_text()}")

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.timeout(120)
def test_isso_a_reader_comments_and_each_post_has_its_thread(
    tmp_path: Path,
    isso_port: int,
    isso_server: Callable[[str], str],
    serve_dir: Callable[[Path], str],
    new_page: PageFactory,
    console_errors: Callable[[Page], list[str]],
) -> None:
    isso_url = f"http://127.0.0.1:{isso_port}/"
    base = serve_dir(build(tmp_path / "project", {"provider": "isso", "isso": {"url": isso_url}}))
    isso_server(base.rstrip("/"))
    page = new_page()
    route_sitemap(page, base)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    with page.expect_response("**/sitemap.xml"):
        page.goto(base + "posts/first/")
    page.wait_for_timeout(500)
    assert not [url for url in asked if url.startswith(isso_url)], "Isso asked before reaching it"
    expect(page.locator(".isso-postbox")).to_have_count(0)

    scroll_to_comments(page)
    expect(page.locator(".isso-postbox")).to_have_count(1, timeout=TIMEOUT)
    assert [url for url in asked if url.startswith(isso_url)]
    page.locator(".isso-postbox textarea").fill("A first comment, from the test.")
    page.locator(".isso-postbox input[type=submit]").click()
    expect_comments(page, ["A first comment, from the test."])

    page.reload()
    scroll_to_comments(page)
    expect_comments(page, ["A first comment, from the test."])
    page.evaluate("window.__marker = 1")

    # Instant navigation to the newer post: its own thread, empty, one widget.
    page.locator("a.aiblog-newer-older__link--newer").click()
    page.wait_for_url("**/posts/second/")
    expect(page.locator("article h1")).to_have_text("Second post")
    scroll_to_comments(page)
    expect(page.locator(".isso-postbox")).to_have_count(1, timeout=TIMEOUT)
    expect(page.locator(".isso-thread-heading")).to_have_text(
        re.compile("no comments", re.I), timeout=TIMEOUT
    )
    expect(page.locator("#isso-root .isso-comment")).to_have_count(0)
    assert page.evaluate("window.__marker") == 1, "a full page load, not instant navigation"

    # Back to the first: its comment again, once, and one form.
    page.go_back()
    page.wait_for_url("**/posts/first/")
    expect(page.locator("article h1")).to_have_text("First post")
    scroll_to_comments(page)
    expect_comments(page, ["A first comment, from the test."])
    expect(page.locator(".isso-postbox")).to_have_count(1)
    assert page.evaluate("window.__marker") == 1, "a full page load, not instant navigation"
    assert console_errors(page) == []


# -- giscus, through a stand-in ---------------------------------------------------------

CLIENT = """
(function () {
  var script = document.currentScript, seen = {};
  for (var i = 0; i < script.attributes.length; i++)
    seen[script.attributes[i].name] = script.attributes[i].value;
  (window.__giscus = window.__giscus || []).push(seen);
  var frame = document.createElement("iframe");
  frame.className = "giscus-frame";
  frame.src = "https://giscus.app/widget?theme=" + encodeURIComponent(seen["data-theme"]);
  script.insertAdjacentElement("afterend", frame);
})();
"""
WIDGET = """<!doctype html><html><body><ol id="messages"></ol><script>
window.addEventListener("message", function (event) {
  var item = document.createElement("li");
  item.textContent = JSON.stringify(event.data);
  document.getElementById("messages").appendChild(item);
});
</script></body></html>"""
GISCUS = {
    "repo": "owner/blog",
    "repo_id": "R_kgDOtest",
    "category": "Announcements",
    "category_id": "DIC_kwDOtest",
}


def route_giscus(page: Page, asked: list[str]) -> None:
    def answer(route: Route) -> None:
        asked.append(route.request.url)
        if route.request.url.startswith("https://giscus.app/client.js"):
            route.fulfill(status=200, content_type="text/javascript", body=CLIENT)
        else:
            route.fulfill(status=200, content_type="text/html", body=WIDGET)

    page.route("https://giscus.app/**", answer)


def widget_messages(page: Page) -> list[Any]:
    frame = next(f for f in page.frames if f.url.startswith("https://giscus.app/widget"))
    return [json.loads(text) for text in frame.locator("#messages li").all_inner_texts()]


@pytest.mark.browser
@pytest.mark.timeout(90)
def test_giscus_loads_when_reached_and_follows_the_palette(
    tmp_path: Path,
    serve_dir: Callable[[Path], str],
    new_page: PageFactory,
    console_errors: Callable[[Page], list[str]],
) -> None:
    base = serve_dir(build(tmp_path, {"provider": "giscus", "giscus": GISCUS}))
    page = new_page()
    asked: list[str] = []
    route_giscus(page, asked)
    route_sitemap(page, base)
    page.goto(base + "posts/first/")
    page.wait_for_timeout(500)
    assert asked == [], "giscus asked before the reader reached the comments"

    scroll_to_comments(page)
    expect(page.locator("iframe.giscus-frame")).to_have_count(1, timeout=TIMEOUT)
    given = page.evaluate("window.__giscus")
    assert len(given) == 1
    seen = given[0]
    assert seen["data-repo"] == "owner/blog"
    assert seen["data-repo-id"] == "R_kgDOtest"
    assert seen["data-category-id"] == "DIC_kwDOtest"
    assert seen["data-mapping"] == "pathname"
    assert seen["data-lang"] == "en"
    assert seen["data-theme"] == "light"
    assert not any(name.startswith("data-aiblog") for name in seen)

    # The palette toggle: the frame is told the new theme, each time.
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect_message(page, {"giscus": {"setConfig": {"theme": "dark"}}})
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect_message(page, {"giscus": {"setConfig": {"theme": "light"}}})
    assert console_errors(page) == []


def expect_message(page: Page, message: dict[str, Any]) -> None:
    for _ in range(50):
        if widget_messages(page)[-1:] == [message]:
            return
        page.wait_for_timeout(100)
    pytest.fail(f"the giscus frame got {widget_messages(page)}, not {message}")


@pytest.mark.browser
@pytest.mark.timeout(90)
def test_giscus_on_click_names_the_provider_and_waits(
    tmp_path: Path, serve_dir: Callable[[Path], str], new_page: PageFactory
) -> None:
    comments = {"provider": "giscus", "load": "click", "giscus": GISCUS}
    base = serve_dir(build(tmp_path, comments))
    page = new_page()
    asked: list[str] = []
    route_giscus(page, asked)
    route_sitemap(page, base)
    with page.expect_response("**/sitemap.xml"):
        page.goto(base + "posts/first/")
    scroll_to_comments(page)
    button = page.get_by_role("button", name="Show comments from giscus")
    expect(button).to_be_visible()
    page.wait_for_timeout(500)
    assert asked == []
    button.click()
    expect(page.locator("iframe.giscus-frame")).to_have_count(1, timeout=TIMEOUT)
    expect(button).to_be_hidden()

    # A new post by instant navigation gets its own widget; back gives one again, not two.
    page.evaluate("window.__marker = 1")
    page.locator("a.aiblog-newer-older__link--newer").click()
    page.wait_for_url("**/posts/second/")
    expect(page.locator("iframe.giscus-frame")).to_have_count(0)
    scroll_to_comments(page)
    page.get_by_role("button", name="Show comments from giscus").click()
    expect(page.locator("iframe.giscus-frame")).to_have_count(1, timeout=TIMEOUT)
    page.go_back()
    page.wait_for_url("**/posts/first/")
    expect(page.locator("article h1")).to_have_text("First post")
    expect(page.locator("iframe.giscus-frame")).to_have_count(0)
    assert page.evaluate("window.__marker") == 1, "a full page load, not instant navigation"


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_without_javascript_the_discussions_link_is_there(
    tmp_path: Path, serve_dir: Callable[[Path], str], new_page: PageFactory
) -> None:
    base = serve_dir(build(tmp_path, {"provider": "giscus", "giscus": GISCUS}))
    page = new_page(java_script_enabled=False)
    page.goto(base + "posts/first/")
    link = page.get_by_role("link", name="Read and write the comments on GitHub")
    expect(link).to_have_attribute("href", "https://github.com/owner/blog/discussions")
    expect(page.locator(".aiblog-comments__consent")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_giscus_starts_in_the_scheme_the_reader_chose(
    tmp_path: Path, serve_dir: Callable[[Path], str], new_page: PageFactory
) -> None:
    base = serve_dir(build(tmp_path, {"provider": "giscus", "load": "immediate", "giscus": GISCUS}))
    page = new_page()
    asked: list[str] = []
    route_giscus(page, asked)
    page.goto(base + "posts/first/")
    expect(page.locator("iframe.giscus-frame")).to_have_count(1, timeout=TIMEOUT)  # at once
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()  # Material keeps the reader's choice
    expect(page.locator("iframe.giscus-frame")).to_have_count(1, timeout=TIMEOUT)
    assert page.evaluate("window.__giscus")[-1]["data-theme"] == "dark"
