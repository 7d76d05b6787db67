"""Other plugins on the same site: Material's tags, search, social, offline and privacy
plugins, and mkdocs-rss-plugin. Each test builds a site that enables the combination."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from sitebuild import AUTHORS_FILE, PNG, build_site, post, skip_or_fail

pytestmark = pytest.mark.slow  # other tools' builds (CLI runs, image cards): exhaustive tier


def files(**extra: str | bytes) -> dict[str, str | bytes]:
    """Give a home page, an about page and two posts, one with tags and a hero image."""
    result: dict[str, str | bytes] = {
        "index.md": "# Home\n\nWelcome.\n",
        "about.md": "---\ntags: [About]\n---\n\n# About\n\nWho we are.\n",
        "posts/.authors.yml": AUTHORS_FILE,
        "posts/images/hero.png": PNG,
        "posts/clash.md": post(
            title="AI power clash",
            date="2026-11-20",
            updated="2026-11-22",
            description="Who pays for the power.",
            authors=["ada"],
            categories=["Industry"],
            tags=["OpenAI", "Meta"],
            image="posts/images/hero.png",  # from docs/: see test_rss_feed
        ),
        "posts/chips.md": post(title="Chips again", date="2026-11-25", authors=["ada"]),
    }
    result.update(extra)
    return result


def config(*plugins: Any, **settings: Any) -> dict[str, Any]:
    return {"site_url": "https://example.org/", "plugins": list(plugins), **settings}


TAGS_PAGE = "# Tags\n\n<!-- material/tags -->\n"


@pytest.mark.parametrize("plugins", [("tags", "aiblog"), ("aiblog", "tags")])
def test_tags_link_to_the_tags_index(tmp_path: Path, plugins: tuple[str, ...]) -> None:
    site = build_site(
        tmp_path, config=config(*plugins), files=files(**{"tags.md": TAGS_PAGE}), strict=True
    )
    page = site.html("posts/clash.md")
    links = page.select(".aiblog-byline a.aiblog-byline__tag")
    # Material sorts tags by name and links each to its anchor on the listing.
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("#Meta", "../../tags/#tag:meta"),
        ("#OpenAI", "../../tags/#tag:openai"),
    ]
    # Shown once: Material's tag bar above the content is left out on posts ...
    assert page.select(".md-tags") == []
    # ... and kept on other pages.
    about = site.html("about.md").select_one("nav.md-tags a")
    assert about is not None and about["href"] == "../tags/#tag:about"
    listing = site.html("tags.md")
    anchors = {a["href"] for a in listing.select("article a")}
    assert "../posts/clash/" in anchors


def test_tags_without_a_listing_are_plain_text(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=config("tags", "aiblog"), files=files(), strict=True)
    byline = site.html("posts/clash.md").select_one(".aiblog-byline")
    assert byline is not None
    tags = byline.select(".aiblog-byline__tag")
    assert [t.name for t in tags] == ["span", "span"]
    assert [t.get_text() for t in tags] == ["#Meta", "#OpenAI"]


def test_search_index_holds_no_bylines_or_popular_lists(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=config("search", "aiblog"), files=files(), strict=True)
    index = json.loads((site.site_dir / "search/search_index.json").read_text("utf-8"))
    docs = [doc for doc in index["docs"] if doc["location"].startswith("posts/clash/")]
    assert docs, index["docs"]
    text = " ".join(doc["title"] + " " + doc["text"] for doc in docs)
    for noise in ("Popular posts", "Chips again", "min read", "Ada Quill", "#OpenAI", "aiblog"):
        assert noise not in text, noise
    assert "A one-paragraph lede of AI power clash." in text
    # The page itself shows them, so they were really rendered.
    page = site.text("posts/clash.md")
    assert "Popular posts from this blog" in page and "Ada Quill" in page


def test_rss_feed_gets_the_same_dates_descriptions_and_images(tmp_path: Path) -> None:
    _need("mkdocs_rss_plugin")
    rss = {
        "rss": {
            "match_path": "posts/.*",
            "use_git": False,
            "date_from_meta": {"as_creation": "date", "as_update": "updated"},
            "categories": ["categories", "tags"],
        }
    }
    site = build_site(tmp_path, config=config("aiblog", rss), files=files(), strict=True)
    channel = ET.parse(site.site_dir / "feed_rss_created.xml").getroot().find("channel")
    assert channel is not None
    items = {item.findtext("title"): item for item in channel.iter("item")}
    assert list(items) == ["Chips again", "AI power clash"]
    clash = items["AI power clash"]
    assert clash.findtext("pubDate") == "Fri, 20 Nov 2026 00:00:00 +0000"
    assert clash.findtext("description") == "Who pays for the power."
    assert clash.findtext("link") == "https://example.org/posts/clash/"
    assert [c.text for c in clash.iter("category")] == ["Industry", "Meta", "OpenAI"]
    enclosure = clash.find("enclosure")
    assert enclosure is not None
    assert enclosure.get("url") == "https://example.org/posts/images/hero.png"
    # The same image as the post's hero image and og:image.
    page = site.html("posts/clash.md")
    assert page.select_one(".aiblog-hero img")["src"] == "../images/hero.png"
    og = page.select_one('meta[property="og:image"]')
    assert og is not None and og["content"] == "https://example.org/posts/images/hero.png"
    updated = ET.parse(site.site_dir / "feed_rss_updated.xml").getroot()
    dates = {i.findtext("title"): i.findtext("pubDate") for i in updated.iter("item")}
    assert dates["AI power clash"] == "Sun, 22 Nov 2026 00:00:00 +0000"


def _need(module: str) -> None:
    try:
        __import__(module)
    except ImportError:
        skip_or_fail(f"{module} is not installed (pip install -e '.[test]')")


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.parametrize("key", ["social", "material/social"])
def test_social_cards_and_no_duplicate_opengraph(tmp_path: Path, key: str) -> None:
    _need("cairosvg")
    _need("PIL")
    if not FONT.is_file():
        skip_or_fail(f"no {FONT} (Debian's fonts-dejavu-core) to stand in for Google Fonts")
    # The social plugin downloads its font from Google Fonts; this machine is
    # offline, so its cache is seeded with a local font under the expected name.
    cache = tmp_path / "cache"
    (cache / "fonts/Roboto").mkdir(parents=True)
    for style in ("Regular", "Bold"):
        shutil.copy(FONT, cache / f"fonts/Roboto/{style}.ttf")
    site = build_site(
        tmp_path / "project",
        config=config("aiblog", {key: {"cache_dir": str(cache)}}, theme={"name": "material"}),
        files=files(),
        strict=True,
    )
    page = site.html("posts/clash.md")
    props = [m.get("property") or m.get("name") for m in page.select("meta[property], meta[name]")]
    for name in ("og:title", "og:description", "og:image", "og:url", "og:type", "twitter:card"):
        assert props.count(name) == 1, (name, props)
    og = page.select_one('meta[property="og:image"]')
    assert og is not None and og["content"].endswith("assets/images/social/posts/clash.png")
    assert (site.site_dir / "assets/images/social/posts/clash.png").is_file()
    # Ours adds only what Material's social plugin lacks.
    assert props.count("article:published_time") == 1
    assert props.count("article:tag") == 2


def test_offline_plugin(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        config=config("search", "offline", "aiblog"),
        files=files(),
        strict=True,
    )
    page = site.html("posts/clash.md")
    # offline turns use_directory_urls off: posts/clash.html, one folder deep.
    assert site.path("posts/clash.md") == site.site_dir / "posts/clash.html"
    sheet = page.select_one('link[href$="assets/stylesheets/aiblog.css"]')
    assert sheet is not None and sheet["href"] == "../assets/stylesheets/aiblog.css"
    assert (site.site_dir / "assets/stylesheets/aiblog.css").is_file()
    link = page.select_one(".aiblog-popular--after a")
    assert link is not None and link["href"] == "../posts/chips.html"
    assert page.select_one(".aiblog-byline") is not None
    assert page.select(".aiblog-popular")
    assert (site.site_dir / "search/search_index.js").is_file()


def test_privacy_plugin(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        # This machine is offline: no web font, and Material's own script names
        # mermaid on a CDN, which privacy would download.
        config=config(
            {"privacy": {"assets_exclude": ["unpkg.com/*"]}},
            "aiblog",
            theme={"name": "material", "font": False},
        ),
        files=files(),
        strict=True,
    )
    page = site.html("posts/clash.md")
    sheet = page.select_one('link[href$="assets/stylesheets/aiblog.css"]')
    assert sheet is not None
    assert (site.site_dir / "assets/stylesheets/aiblog.css").is_file()
    assert page.select_one(".aiblog-byline") is not None
    assert page.select(".aiblog-popular")
    # Our metadata's absolute URLs are not assets: privacy leaves them alone.
    og = page.select_one('meta[property="og:image"]')
    assert og is not None and og["content"] == "https://example.org/posts/images/hero.png"
