"""Under Zensical: the Markdown extensions listed by hand, no MkDocs plugin running.

One `mkdocs.yml` is built twice: by `zensical build` (which ignores the `aiblog`
plugin it does not know) and by MkDocs with the plugin. The badges, the heading
ids and the card from a block with its own `url` must come out the same; under
Zensical the stylesheet is reachable (copied by `mkdocs-aiblog-css`), a post list
is a note, and no slot is ever left in a page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from material.extensions.emoji import to_svg, twemoji
from sitebuild import REPO_ROOT, build_config_file, docs_hashes, skip_or_fail, write_project

from mkdocs_aiblog import stylesheet
from mkdocs_aiblog.markdown.standalone import NOTE, NOTE_CLASS

pytestmark = pytest.mark.slow

EXTENSIONS = [
    "attr_list",
    "md_in_html",
    {"toc": {"permalink": True}},
    {"pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": to_svg}},
    "mkdocs_aiblog.headings",
    {"mkdocs_aiblog.blocks": {"campaign": {"utm_source": "zine"}, "new_tab": True}},
]
"""What a Zensical site lists; the plugin sets the blocks' options from its own under MkDocs."""

POST = """\
---
title: Chips and power
date: 2026-11-20
---
# Chips and power

A lede paragraph.

## 🚀 Why it matters

Text.

### Who pays :moneybag:

Text.

## Same title 🔥

## Same title 🔥

/// full-story | The long read
    url: https://example.com/a?x=1&y=2
    source: Example <News>
    button: Read more

The *whole* story, with [a link](https://example.com/).
///

## What could happen next? :telescope:

1. One.
"""


def zensical_build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `zensical build` in `root` with this checkout's package first on the path."""
    try:
        import zensical  # noqa: F401
    except ImportError:
        skip_or_fail("zensical is missing: install the test extras (pyproject.toml)")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", *args],
        cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def project(root: Path) -> Path:
    """Write the small site (with the stylesheet copied by the command) and give its root."""
    config = {
        "site_name": "Zine",
        "theme": {"name": "material"},
        "plugins": [
            {"aiblog": {"full_story": {"campaign": {"utm_source": "zine"}, "new_tab": True}}}
        ],
        "extra_css": ["stylesheets/aiblog.css"],
        "markdown_extensions": EXTENSIONS,
    }
    files = {"index.md": "# Zine\n\n/// post-list\n///\n\nMore below.\n", "posts/chips.md": POST}
    write_project(root, config=config, files=files)  # functions become !!python/name: tags
    assert stylesheet.main([str(root / "docs/stylesheets/aiblog.css")]) == 0
    return root


def card(html: str) -> str:
    (found,) = re.findall(r'<aside class="aiblog-full-story".*?</aside>', html, re.DOTALL)
    return found


def heading_ids(soup: BeautifulSoup) -> list[str]:
    article = soup.select_one("article")
    assert article is not None
    return [
        h["id"]
        for h in article.select("h2[id], h3[id]")
        if h.get("id") != "aiblog-full-story-title"
    ]  # type: ignore[misc]


def contents(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """Give the entries of the table of contents in the right sidebar: (link, words)."""
    links = soup.select('.md-sidebar--secondary [data-md-component="toc"] a.md-nav__link')
    return [(str(a["href"]), " ".join(a.get_text().split())) for a in links]


def test_zensical_and_mkdocs_build_the_same_sections_and_card(tmp_path: Path) -> None:
    root = project(tmp_path / "site-project")
    before = docs_hashes(root / "docs")
    result = zensical_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert docs_hashes(root / "docs") == before  # nothing written into docs/
    built = root / "site"
    chips = (built / "posts/chips/index.html").read_text(encoding="utf-8")
    home = (built / "index.html").read_text(encoding="utf-8")

    # No slot anywhere; the post list is a visible note, and the author is told.
    for page in built.rglob("*.html"):
        assert "-slot" not in page.read_text(encoding="utf-8"), page
    note = BeautifulSoup(home, "html.parser").select_one(f".{NOTE_CLASS}")
    assert note is not None and note.get_text() == NOTE
    assert NOTE in result.stdout + result.stderr

    # Badges, clean ids, the card with its campaign and rel, the stylesheet served.
    soup = BeautifulSoup(chips, "html.parser")
    assert len(soup.select("article .aiblog-emoji")) == 5
    story = card(chips)
    assert 'href="https://example.com/a?x=1&amp;y=2&amp;utm_source=zine"' in story
    assert 'rel="noopener noreferrer" target="_blank"' in story
    assert "Example &lt;News&gt;" in story and "<News>" not in story
    links = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    (css,) = [href for href in links if str(href).endswith("aiblog.css")]
    served = (built / "posts/chips" / str(css)).resolve()
    assert served.read_text(encoding="utf-8") == stylesheet.stylesheet()

    # The same mkdocs.yml under MkDocs with the plugin: the same card, the same anchors.
    shutil.rmtree(built)
    site = build_config_file(root / "mkdocs.yml")
    assert site.warnings == []
    assert card(site.text("posts/chips.md")) == story
    ids = heading_ids(soup)
    assert ids == heading_ids(site.html("posts/chips.md"))
    assert len(contents(soup)) == 5
    assert contents(soup) == contents(site.html("posts/chips.md"))
    assert ids == [
        "why-it-matters",
        "who-pays",
        "same-title",
        "same-title_1",
        "what-could-happen-next",
    ]


def test_the_demo_under_zensical_leaves_no_slot(tmp_path: Path) -> None:
    """The demo's `zensical.yml`: the extensions listed, the stylesheet from the theme folder."""
    root = tmp_path / "demo"
    shutil.copytree(REPO_ROOT / "docs", root / "docs")
    shutil.copytree(REPO_ROOT / "mkdocs_aiblog/templates", root / "mkdocs_aiblog/templates")
    for name in ("mkdocs.yml", "zensical.yml"):
        shutil.copy(REPO_ROOT / name, root / name)
    before = docs_hashes(root / "docs")
    result = zensical_build(root, "-f", "zensical.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert docs_hashes(root / "docs") == before
    built = root / "site-zensical"
    pages = {p: p.read_text(encoding="utf-8") for p in built.rglob("*.html")}
    assert not [p for p, html in pages.items() if "-slot" in html]
    post = pages[built / "posts/small-models-big-jobs/index.html"]
    assert 'href="https://example.com/investigations/on-device-ai?utm_source=aidispatch' in card(
        post
    )
    assert "Read the full investigation" in card(post)
    assert NOTE_CLASS in pages[built / "index.html"]
    css = (built / "assets/stylesheets/aiblog.css").read_text(encoding="utf-8")
    assert css == stylesheet.stylesheet() and "assets/stylesheets/aiblog.css" in post
