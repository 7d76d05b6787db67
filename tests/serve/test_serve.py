"""A writer's session: a real ``mkdocs serve`` of a copy of the demo, edited live.

Each test starts ``mkdocs serve`` on a copy of the repository's demo (the
``mkdocs_serve`` fixture), changes files under ``server.project / "docs"`` the way an
author would, waits for the rebuild to finish (MkDocs logs ``Reloading browsers``),
and reads the pages the server then serves. ``mkdocs serve`` reuses the plugin
object across rebuilds, so these tests are where state leaking from one build into
the next would show.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from serve_harness import MkdocsServe, ServeFactory
from sitebuild import REPO_ROOT

REBUILD_TIMEOUT = 40.0
_PROBLEM = re.compile(r"^(WARNING|ERROR|CRITICAL)\s+-|Traceback|An error happened", re.M)

BENCHMARK = "Benchmark fatigue: why AI leaderboards are losing their grip"
CLASH = "AI power clash: data centres and the grid head for a showdown"
PUBLISHED = sum(
    "\ndraft: true\n" not in path.read_text(encoding="utf-8")
    for path in (REPO_ROOT / "docs" / "posts").glob("*.md")
)
"""How many posts the demo publishes."""


@pytest.fixture(autouse=True)
def _quiet_banners(monkeypatch: pytest.MonkeyPatch) -> None:
    # The harness silences Material's MkDocs 2 banner (NO_MKDOCS_2_WARNING); the
    # `properdocs` package prints its own unless this is set. Its text says
    # "WARNING", which would blur the log checks below.
    monkeypatch.setenv("DISABLE_MKDOCS_2_WARNING", "true")


# -- helpers ---------------------------------------------------------------------------


def rebuild(server: MkdocsServe, change: Callable[[], None]) -> str:
    """Make ``change`` to the project, wait for the rebuild it causes, give its log."""
    before = server.log()
    builds = before.count("Reloading browsers")
    change()
    deadline = time.monotonic() + REBUILD_TIMEOUT
    while server.log().count("Reloading browsers") <= builds:
        if "An error happened during the rebuild" in server.log()[len(before) :]:
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"no rebuild within {REBUILD_TIMEOUT} s:\n{server.log()}")
        time.sleep(0.1)
    return server.log()[len(before) :]


def problems(log: str) -> list[str]:
    """Give the warning and error lines (and tracebacks) of a stretch of server log."""
    return [line for line in log.splitlines() if _PROBLEM.search(line)]


def html(server: MkdocsServe, path: str) -> BeautifulSoup:
    """Give the served page ``path``, parsed."""
    return BeautifulSoup(server.get(path), "html.parser")


def popular(page: BeautifulSoup) -> list[tuple[str, str]]:
    """Give ``(title, reason)`` of a page's popular list; both copies must agree."""
    copies = [
        [
            (
                item.select_one(".aiblog-popular__name").get_text(strip=True),  # type: ignore[union-attr]
                str(item.get("data-aiblog-reason")),
            )
            for item in nav.select(".aiblog-popular__item")
        ]
        for nav in page.select(".aiblog-popular")
    ]
    assert len(copies) == 2, f"expected the sidebar and the after-article copy, got {len(copies)}"
    assert copies[0] == copies[1], copies
    return copies[0]


def titles(entries: list[tuple[str, str]]) -> list[str]:
    return [title for title, _ in entries]


def post_list(page: BeautifulSoup) -> list[str]:
    """Give the titles of one page of the post list, in order."""
    return [t.get_text(strip=True) for t in page.select(".aiblog-post-list .aiblog-card__title")]


def every_post(server: MkdocsServe) -> list[str]:
    """Give the titles of the whole post list, following its pages from the home page."""
    titles: list[str] = []
    path: str | None = ""
    while path is not None:
        page = html(server, path)
        titles += post_list(page)
        older = page.select_one(".aiblog-pagination a[rel=next]")
        path = None if older is None else urljoin("/" + path, str(older["href"])).lstrip("/")
    return titles


def edit(path: Path, old: str, new: str) -> Callable[[], None]:
    """Give a change that replaces ``old`` (which must occur once) by ``new`` in ``path``."""

    def change() -> None:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} in {path}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return change


def touch(*paths: Path) -> None:
    """Save files unchanged but for a trailing blank line (so ``--dirty`` renders them)."""
    for path in paths:
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")


NEW_POST = """---
title: "GPU rental prices fall as new capacity comes online"
description: Hourly prices for renting accelerators dropped this quarter; who benefits.
date: 2026-11-27
authors: [ada]
categories: [Hardware]
tags: [GPUs, Cloud]
popular: true
full_story: https://example.com/long-read/gpu-rental-prices
---

# GPU rental prices fall as new capacity comes online

Renting an accelerator by the hour got cheaper this quarter.

## 📉 Why prices fell

1. More capacity.
2. Fewer panic buyers.
3. Longer contracts.
"""
NEW_TITLE = "GPU rental prices fall as new capacity comes online"


# -- tests -------------------------------------------------------------------------------


@pytest.mark.serve
@pytest.mark.timeout(120)
def test_title_edit_reaches_the_post_and_other_posts_lists(mkdocs_serve: ServeFactory) -> None:
    server = mkdocs_serve(REPO_ROOT)
    docs = server.project / "docs"
    assert BENCHMARK in titles(popular(html(server, "posts/ai-power-clash/")))
    assert BENCHMARK in every_post(server)

    renamed = "Benchmark fatigue: the leaderboard era is ending"
    log = rebuild(
        server,
        edit(docs / "posts/benchmark-fatigue.md", f'title: "{BENCHMARK}"', f'title: "{renamed}"'),
    )
    assert problems(log) == []

    post = html(server, "posts/benchmark-fatigue/")
    assert post.title is not None and post.title.get_text().startswith(renamed)
    og = post.select_one('meta[property="og:title"]')
    assert og is not None and og.get("content") == renamed
    for other in ("posts/ai-power-clash/", "posts/small-models-big-jobs/"):
        listed = titles(popular(html(server, other)))
        assert renamed in listed and BENCHMARK not in listed, (other, listed)
    home = every_post(server)
    assert renamed in home and BENCHMARK not in home


@pytest.mark.serve
@pytest.mark.timeout(120)
def test_added_and_deleted_posts_show_up_in_every_list(mkdocs_serve: ServeFactory) -> None:
    server = mkdocs_serve(REPO_ROOT)
    docs = server.project / "docs"
    assert CLASH in every_post(server)

    # Add a pinned post and delete the one post no other post links to (a deleted
    # link target would make MkDocs itself warn).
    def add_and_delete() -> None:
        (docs / "posts/gpu-rental-prices.md").write_text(NEW_POST, encoding="utf-8")
        (docs / "posts/ai-power-clash.md").unlink()

    log = rebuild(server, add_and_delete)
    assert problems(log) == []
    home = every_post(server)
    assert home[0] == NEW_TITLE and CLASH not in home and len(home) == PUBLISHED, home
    assert server.fetch("posts/ai-power-clash/")[0] == 404
    new = html(server, "posts/gpu-rental-prices/")
    assert new.select_one(".aiblog-byline") is not None
    assert new.select_one(".aiblog-full-story") is not None
    assert NEW_TITLE not in titles(popular(new))  # never lists itself
    for other in ("posts/benchmark-fatigue/", "posts/eu-ai-act-deadlines/"):
        listed = popular(html(server, other))
        assert (NEW_TITLE, "pinned") in listed and CLASH not in titles(listed), (other, listed)

    # Delete the new post again: gone from every list, and the first one stays gone.
    log = rebuild(server, (docs / "posts/gpu-rental-prices.md").unlink)
    assert problems(log) == []
    assert server.fetch("posts/gpu-rental-prices/")[0] == 404
    home = every_post(server)
    assert NEW_TITLE not in home and CLASH not in home and len(home) == PUBLISHED - 1, home
    for other in ("posts/benchmark-fatigue/", "posts/eu-ai-act-deadlines/", "posts/chip-shortage/"):
        names = titles(popular(html(server, other)))
        assert NEW_TITLE not in names and CLASH not in names and len(names) == 3, names


@pytest.mark.serve
@pytest.mark.timeout(120)
def test_broken_front_matter_warns_once_and_recovers(mkdocs_serve: ServeFactory) -> None:
    server = mkdocs_serve(REPO_ROOT)
    source = server.project / "docs/posts/small-models-big-jobs.md"
    good = "date: 2026-11-12T16:45:00"

    log = rebuild(server, edit(source, good, "date: yesterday"))
    warnings = problems(log)
    assert len(warnings) == 1, log
    assert "posts/small-models-big-jobs.md" in warnings[0] and "date" in warnings[0]
    assert "yesterday" in warnings[0]
    # The server goes on serving, the post included, without the bad part.
    post = html(server, "posts/small-models-big-jobs/")
    assert post.select_one(".aiblog-byline") is not None
    assert post.select_one(".aiblog-byline__date") is None
    assert html(server, "posts/ai-power-clash/").select_one(".aiblog-byline__date") is not None
    assert len(every_post(server)) == PUBLISHED

    log = rebuild(server, edit(source, "date: yesterday", good))
    assert problems(log) == []
    post = html(server, "posts/small-models-big-jobs/")
    stamp = post.select_one(".aiblog-byline__date time")
    assert stamp is not None and str(stamp.get("datetime")).startswith("2026-11-12")
    cards = html(server, "").select(".aiblog-card time") + html(server, "page/2/").select(
        ".aiblog-card time"
    )
    stamps = [str(t.get("datetime")) for t in cards]
    assert len(stamps) == PUBLISHED and stamps == sorted(stamps, reverse=True), stamps


@pytest.fixture(params=["plain", "dirty"])
def serve_args(request: pytest.FixtureRequest) -> Iterator[tuple[str, ...]]:
    yield ("--dirty",) if request.param == "dirty" else ()


@pytest.mark.serve
@pytest.mark.timeout(150)
def test_no_state_leaks_from_one_build_into_the_next(
    mkdocs_serve: ServeFactory, serve_args: tuple[str, ...]
) -> None:
    """An un-pinned post loses its pin; a deleted post never comes back.

    Under ``--dirty`` MkDocs renders only the files that changed, so every step
    saves the pages it then reads; the plugin must still rank the posts it did
    not read again, and forget the deleted one.
    """
    server = mkdocs_serve(REPO_ROOT, *serve_args)
    docs = server.project / "docs"
    pinned = "Compliance season: what the next AI Act deadlines mean for model makers"
    watched = [
        docs / "posts/benchmark-fatigue.md",
        docs / "posts/chip-shortage.md",
        docs / "index.md",
    ]
    before = popular(html(server, "posts/benchmark-fatigue/"))
    assert before[0] == (pinned, "pinned"), before

    def unpin_and_delete() -> None:
        edit(docs / "posts/eu-ai-act-deadlines.md", "popular: true\n", "")()
        (docs / "posts/ai-power-clash.md").unlink()
        touch(*watched)

    builds: list[str] = [rebuild(server, unpin_and_delete)]
    builds.append(rebuild(server, lambda: touch(*watched)))  # and once more: nothing comes back
    builds.append(rebuild(server, lambda: touch(docs / "about.md")))
    for log in builds:
        assert problems(log) == [], log

    for page in ("posts/benchmark-fatigue/", "posts/chip-shortage/"):
        listed = popular(html(server, page))
        assert len(listed) == 3, listed
        assert all(reason != "pinned" for _, reason in listed), (page, listed)
        assert CLASH not in titles(listed), (page, listed)
    # Ranked by page views now (analytics/plausible-pages.csv): the pin no longer
    # puts the EU post first.
    assert titles(popular(html(server, "posts/benchmark-fatigue/")))[0].startswith("Open weights")
    home = every_post(server)
    assert CLASH not in home and len(home) == PUBLISHED - 1, home
    if not serve_args:
        # A full rebuild cleans the site and renders every page again, untouched ones
        # too. (`--dirty` leaves a deleted page's old HTML in the site directory:
        # MkDocs' doing, and no list links to it.)
        assert server.fetch("posts/ai-power-clash/")[0] == 404
        listed = popular(html(server, "posts/open-weights-economics/"))
        assert all(reason != "pinned" for _, reason in listed), listed
        assert CLASH not in titles(listed)
