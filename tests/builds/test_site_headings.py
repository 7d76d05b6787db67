"""Real builds: emoji-headed sections with the Markdown extensions Material documents."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from material.extensions.emoji import to_svg, twemoji
from sitebuild import FileContent, Site, build_config_file, build_site, post, write_project

EMOJI_EXTENSIONS: list[Any] = [
    "attr_list",
    {"toc": {"permalink": True}},
    {"pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": to_svg}},
]
UNICODE = "Lede.\n\n## 🚀 Why it matters\n\nText.\n\n### 🧪 The lab test\n\nMore.\n"
SHORTCODE = (
    "Lede.\n\n## Why it matters :rocket:\n\nText.\n\n### The lab test :test_tube:\n\nMore.\n"
)
FILES: dict[str, FileContent] = {
    "index.md": "# Home\n",
    "posts/unicode.md": post(title="Unicode", body=UNICODE),
    "posts/shortcode.md": post(title="Shortcode", body=SHORTCODE),
}
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


def config(**headings: Any) -> dict[str, Any]:
    """Material's emoji setup, search, and the plugin with `headings:` options."""
    plugin: Any = {"aiblog": {"headings": headings}} if headings else "aiblog"
    return {"markdown_extensions": EMOJI_EXTENSIONS, "plugins": ["search", plugin]}


def sections(page: BeautifulSoup, level: str = "h2") -> list[Tag]:
    found = page.select(f"article {level}")
    assert found, f"no {level} in the article"
    return found


def toc(page: BeautifulSoup) -> list[tuple[str, str]]:
    """The right-hand table of contents: (text, href) per entry.

    Scoped to the right sidebar: a page in the site navigation has a second copy of
    its TOC in the left one.
    """
    return [
        (" ".join(link.get_text(" ", strip=True).split()), str(link["href"]))
        for link in page.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    ]


def heading_text(heading: Tag) -> str:
    """A heading's words: no badge, no permalink."""
    copy = BeautifulSoup(str(heading), "html.parser")
    for part in copy.select(".aiblog-emoji, .headerlink"):
        part.decompose()
    return " ".join(copy.get_text(" ", strip=True).split())


def test_clean_ids_and_badges_for_both_notations(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=config(), files=FILES, check=True)
    assert site.warnings == []
    for name in ("unicode", "shortcode"):
        page = site.html(f"posts/{name}.md")
        (h2,) = sections(page, "h2")
        (h3,) = sections(page, "h3")
        assert h2["id"] == "why-it-matters"
        assert h3["id"] == "the-lab-test"
        for heading in (h2, h3):
            assert heading_text(heading) == ("Why it matters" if heading is h2 else "The lab test")
            badges = heading.select(".aiblog-emoji")
            assert len(badges) == 1
            badge = badges[0]
            assert badge["aria-hidden"] == "true"
            assert badge.has_attr("data-search-exclude")
            # Default position: before the text, whichever side it was written on.
            first = next(child for child in heading.children if str(child).strip())
            assert first is badge
            assert "aiblog-section" in heading["class"]
            permalink = heading.select_one("a.headerlink")
            assert permalink is not None and permalink["href"] == f"#{heading['id']}"
        if name == "unicode":
            assert h2.select_one(".aiblog-emoji").get_text() == "🚀"  # type: ignore[union-attr]
        else:  # Material's twemoji: an image, whose alt keeps the character
            image = h2.select_one(".aiblog-emoji img.twemoji")
            assert image is not None and image["alt"] == "🚀"
        # The right-hand TOC: the emoji mark, then the clean text, linking the clean id.
        assert toc(page) == [
            ("🚀 Why it matters", "#why-it-matters"),
            ("🧪 The lab test", "#the-lab-test"),
        ]


def test_toc_text_mode_drops_the_emoji_from_the_toc_only(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=config(toc="text"), files=FILES, check=True)
    for name in ("unicode", "shortcode"):
        page = site.html(f"posts/{name}.md")
        assert toc(page) == [
            ("Why it matters", "#why-it-matters"),
            ("The lab test", "#the-lab-test"),
        ]
        (h2,) = sections(page)
        assert h2.select_one(".aiblog-emoji") is not None  # the badge stays in the text


def test_disabled_headings_are_what_material_renders(tmp_path: Path) -> None:
    off = build_site(tmp_path / "off", config=config(enabled=False), files=FILES, check=True)
    plain = build_site(
        tmp_path / "plain",
        config={"markdown_extensions": EMOJI_EXTENSIONS, "plugins": ["search"]},
        files=FILES,
        check=True,
    )
    for name in ("unicode", "shortcode"):
        page = off.html(f"posts/{name}.md")
        assert page.select(".aiblog-emoji, .aiblog-section") == []
        reference = plain.html(f"posts/{name}.md")
        assert [str(h) for h in sections(page, "h2")] == [str(h) for h in sections(reference)]
        assert [str(h) for h in sections(page, "h3")] == [str(h) for h in sections(reference, "h3")]
        assert toc(page) == toc(reference)
    # The emoji is still there, as written: nothing was taken out.
    (h2,) = sections(off.html("posts/unicode.md"))
    assert h2.get_text().startswith("🚀")
    (h2,) = sections(off.html("posts/shortcode.md"))
    assert h2.select_one("img.twemoji") is not None


def test_levels_limits_the_headings_looked_at(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=config(levels=[2]), files=FILES, check=True)
    page = site.html("posts/unicode.md")
    (h2,) = sections(page, "h2")
    (h3,) = sections(page, "h3")
    assert h2["id"] == "why-it-matters" and h2.select_one(".aiblog-emoji") is not None
    assert h3.select(".aiblog-emoji") == [] and "aiblog-section" not in (h3.get("class") or [])
    assert h3.get_text().startswith("🧪")  # left as written
    page = site.html("posts/shortcode.md")
    (h3,) = sections(page, "h3")
    assert h3.select(".aiblog-emoji") == []
    image = h3.select_one("img.twemoji")
    assert image is not None and image.find_next_sibling("a", class_="headerlink") is not None


def test_pymdownx_slugify_gives_the_same_clean_ids(tmp_path: Path) -> None:
    config_file = write_project(tmp_path, config=config(), files=FILES)
    text = config_file.read_text(encoding="utf-8")
    # Material's documented setting, which no plain value can express.
    slugify = (
        "    slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
        "      kwds:\n"
        "        case: lower\n"
    )
    assert "    permalink: true\n" in text
    config_file.write_text(
        text.replace("    permalink: true\n", "    permalink: true\n" + slugify, 1),
        encoding="utf-8",
    )
    site: Site = build_config_file(config_file)
    assert site.ok and site.warnings == []
    assert site.config is not None
    assert site.config.mdx_configs["toc"]["slugify"].func.__module__ == "pymdownx.slugs"
    for name in ("unicode", "shortcode"):
        page = site.html(f"posts/{name}.md")
        assert [h["id"] for h in page.select("article h2, article h3")] == [
            "why-it-matters",
            "the-lab-test",
        ]
        assert [href for _, href in toc(page)] == ["#why-it-matters", "#the-lab-test"]


@pytest.mark.parametrize("toc_mode", ["emoji", "text"])
def test_search_titles_have_no_emoji(tmp_path: Path, toc_mode: str) -> None:
    site = build_site(tmp_path, config=config(toc=toc_mode), files=FILES, check=True)
    index = json.loads((site.site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for name in ("unicode", "shortcode"):
        assert by_location[f"posts/{name}/#why-it-matters"]["title"] == "Why it matters"
        assert by_location[f"posts/{name}/#the-lab-test"]["title"] == "The lab test"
    assert [doc["title"] for doc in index["docs"] if EMOJI.search(doc["title"])] == []
