"""Material settings and site layouts: instant navigation, `toc.integrate`, a
`custom_dir`, `use_directory_urls: false`, a site under a sub-path, and languages
written right to left or without spaces."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sitebuild import AUTHORS_FILE, REPO_ROOT, build_site, post


def files(**extra: str) -> dict[str, str]:
    result = {
        "index.md": "# Home\n\nWelcome.\n",
        "posts/.authors.yml": AUTHORS_FILE,
        "posts/clash.md": post(
            title="AI power clash",
            date="2026-11-20",
            description="Who pays for the power.",
            authors=["ada"],
            tags=["OpenAI"],
            full_story={"url": "https://example.com/original"},
        ),
        "posts/chips.md": post(title="Chips again", date="2026-11-25", authors=["ada"]),
    }
    result.update(extra)
    return result


def config(**settings: Any) -> dict[str, Any]:
    theme = {"name": "material", **settings.pop("theme", {})}
    return {"site_url": "https://example.org/", "theme": theme, **settings}


def test_instant_navigation_swaps_every_block(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        config=config(theme={"features": ["navigation.instant"]}),
        files=files(),
        strict=True,
    )
    page = site.html("posts/clash.md")
    container = page.select_one('[data-md-component="container"]')
    assert container is not None
    # Everything the plugin renders sits in what instant navigation replaces.
    for selector in (
        ".aiblog-byline",
        ".md-sidebar--secondary .aiblog-popular--sidebar",
        ".aiblog-popular--after",
        ".aiblog-full-story",
    ):
        assert container.select_one(selector) is not None, selector
    assert '"navigation.instant"' in site.text("posts/clash.md")


def test_toc_integrate_puts_the_popular_list_after_the_article(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        config=config(theme={"features": ["toc.integrate"]}),
        files=files(),
        strict=True,
    )
    page = site.html("posts/clash.md")
    assert page.select(".aiblog-popular--sidebar") == []
    after = page.select_one("article .aiblog-popular--after")
    assert after is not None and "aiblog-popular--always" in after["class"]


def test_custom_dir_overrides_win(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        config=config(theme={"custom_dir": "overrides"}),
        files=files(),
        extra_files={
            "overrides/aiblog/popular.html": (
                '<ul class="my-popular">{% for entry in aiblog.popular %}'
                "<li>{{ entry.post.title | e }}</li>{% endfor %}</ul>"
            ),
            "overrides/main.html": (
                '{% extends "base.html" %}\n'
                '{% block announce %}<p class="my-announce">Our own main.html</p>{% endblock %}\n'
            ),
        },
        strict=True,
    )
    for page in (site.html("posts/clash.md"), site.html("")):
        assert page.select_one(".my-announce") is not None
    post_page = site.html("posts/clash.md")
    assert post_page.select(".aiblog-popular") == []
    mine = post_page.select(".my-popular li")
    assert [li.get_text() for li in mine] == ["Chips again", "Chips again"]  # sidebar, after
    assert post_page.select_one(".aiblog-byline") is not None


def test_a_post_keeps_its_own_template(tmp_path: Path) -> None:
    # The plugin wraps no template: `template:` in front matter, or Material's
    # blog-post.html, is what renders the page, with the parts placed in it.
    own = post(
        title="AI power clash",
        date="2026-11-20",
        full_story="https://example.com/o",
        template="story.html",
    )
    site = build_site(
        tmp_path,
        config=config(theme={"custom_dir": "overrides"}),
        files=files(**{"posts/clash.md": own}),
        extra_files={
            "overrides/story.html": (
                '{% extends "main.html" %}\n'
                '{% block announce %}<p class="my-story">A story page</p>{% endblock %}\n'
            ),
        },
        strict=True,
    )
    page = site.html("posts/clash.md")
    assert page.select_one(".my-story") is not None
    assert page.select_one("article .aiblog-byline") is not None
    assert page.select_one("article .aiblog-full-story") is not None
    assert page.select_one(".md-sidebar--secondary .aiblog-popular--sidebar") is not None
    assert page.select_one('head meta[property="og:type"]') is not None
    assert site.html("posts/chips.md").select_one(".my-story") is None


def test_a_post_quoting_materials_markup_gets_no_list_inside_it(tmp_path: Path) -> None:
    quoted = post(title="Reading the theme", date="2026-11-21")
    # Raw HTML that looks like Material's sidebar, inside the content.
    quoted += '\n<div class="demo" data-md-type="toc"><div>inner</div></div>\n'
    site = build_site(
        tmp_path,
        config=config(theme={"features": ["toc.integrate"]}),
        files=files(**{"posts/theme.md": quoted}),
        strict=True,
    )
    page = site.html("posts/theme.md")
    assert page.select(".aiblog-popular--sidebar") == []
    assert page.select_one(".demo") is not None
    assert page.select_one(".demo .aiblog-popular") is None
    after = page.select_one("article .aiblog-popular--after")
    assert after is not None and "aiblog-popular--always" in after["class"]


def test_use_directory_urls_false(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=config(use_directory_urls=False), files=files(), strict=True)
    assert (site.site_dir / "posts/clash.html").is_file()
    page = site.html("posts/clash.md")
    link = page.select_one(".aiblog-popular--after a")
    assert link is not None and link["href"] == "../posts/chips.html"
    og = page.select_one('meta[property="og:url"]')
    assert og is not None and og["content"] == "https://example.org/posts/clash.html"
    data = json.loads(page.select_one('script[type="application/ld+json"]').get_text())
    assert data["url"] == "https://example.org/posts/clash.html"


def test_a_site_under_a_sub_path(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        config=config(
            site_url="https://example.org/blog/",
            plugins=[{"aiblog": {"popular": {"views_file": "views.csv"}}}],
        ),
        files=files(**{"posts/old.md": post(title="Old but read", date="2020-01-01")}),
        # Analytics sees the sub-path; the plugin strips it to match posts.
        extra_files={"views.csv": "path,views\n/blog/posts/old/,500\n/blog/posts/chips/,20\n"},
        strict=True,
    )
    page = site.html("posts/clash.md")
    og = page.select_one('meta[property="og:url"]')
    assert og is not None and og["content"] == "https://example.org/blog/posts/clash/"
    data = json.loads(page.select_one('script[type="application/ld+json"]').get_text())
    assert data["url"] == "https://example.org/blog/posts/clash/"
    entries = page.select(".aiblog-popular--after li")
    assert [e["data-aiblog-reason"] for e in entries] == ["views", "views"]
    assert [e.select_one("a")["href"] for e in entries] == [
        "../../posts/old/",
        "../../posts/chips/",
    ]
    canonical = page.select_one('link[rel="canonical"]')
    assert canonical is not None and canonical["href"] == "https://example.org/blog/posts/clash/"


@pytest.mark.parametrize(
    ("language", "direction", "title", "date", "readtime"),
    [
        ("de", "ltr", "Beliebte Beiträge aus diesem Blog", "20. November 2026", "1 Min. Lesezeit"),
        ("ja", "ltr", "このブログの人気記事", "2026年11月20日", "1分で読めます"),
        ("ar", "rtl", "المقالات الأكثر قراءة في هذه المدونة", "20 نوفمبر 2026", "قراءة في 1 دقيقة"),
    ],
)
def test_languages(
    tmp_path: Path, language: str, direction: str, title: str, date: str, readtime: str
) -> None:
    site = build_site(
        tmp_path, config=config(theme={"language": language}), files=files(), strict=True
    )
    page = site.html("posts/clash.md")
    html = page.select_one("html")
    assert html is not None and html["lang"] == language
    body = page.select_one("body")  # Material sets the direction there, not on <html>
    assert body is not None and body["dir"] == direction
    popular = page.select_one(".aiblog-popular--after .aiblog-popular__title")
    assert popular is not None and popular.get_text() == title
    published = page.select_one(".aiblog-byline__date time")
    assert published is not None and published.get_text() == date
    minutes = page.select_one(".aiblog-byline__readtime")
    assert minutes is not None and minutes.get_text(strip=True) == readtime


PHYSICAL = re.compile(
    r"(?<![-\w])(margin|padding|border|inset)-(left|right)\b|(?<![-\w])(left|right)\s*:"
    r"|\b(float|clear|text-align)\s*:\s*(left|right)\b|\bborder-(top|bottom)-(left|right)-radius"
)


def test_the_stylesheet_uses_logical_properties_only() -> None:
    """Right-to-left languages mirror the card and the popular block for free."""
    css = (REPO_ROOT / "mkdocs_aiblog/templates/assets/stylesheets/aiblog.css").read_text()
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    assert PHYSICAL.findall(css) == []
    assert "inline-start" in css or "inline-end" in css
