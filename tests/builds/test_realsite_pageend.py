"""A site shaped like a real blog: comments and its own head tags in `docs/overrides`.

The end of a post reads: the article, the full-story card, newer/older, the share
links, the popular list's after-the-article copy, then the site's comments. The plugin
writes no head tag the site's own `main.html` already writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from bs4 import BeautifulSoup, Tag
from sitebuild import PNG, Site, build_site, post

from mkdocs_aiblog.page.head import existing_head, missing_tags
from mkdocs_aiblog.page.render import Spliced, splice
from mkdocs_aiblog.page.sitecomments import MarkedLoader, take_comments_marker

COMMENTS = """\
{% if page and page.meta and page.meta.comments %}
  <h2 id="__comments">{{ lang.t("meta.comments") }}</h2>
  <script src="https://giscus.app/client.js"
          data-repo="owner/blog" data-repo-id="R_kgDOtest" data-category="Announcements"
          data-mapping="pathname" crossorigin="anonymous" async></script>
  <div class="giscus"></div>
{% endif %}
"""

MAIN = """\
{% extends "base.html" %}
{% block extrahead %}
  {% if page and page.meta and page.meta.comments %}
  <meta property="og:title" content="SITE {{ page.title | e }}">
  <meta property='og:image' content="https://example.org/site-card.png">
  <meta name="twitter:card" content="summary">
  <META NAME="twitter:title" CONTENT="SITE {{ page.title | e }}">
  <meta content="2001-01-01" property="article:published_time">
  <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "SITE"}
  </script>
  {% endif %}
{% endblock %}
"""


FEEDBACK = {
    "analytics": {
        "provider": "google",
        "property": "G-XXXXXXXXXX",
        "feedback": {
            "title": "Was this page helpful?",
            "ratings": [{"icon": "material/thumb-up", "name": "Yes", "data": 1, "note": "Thanks"}],
        },
    }
}


def realsite(
    tmp_path: Path, *, comments: bool = True, more: dict[str, str] | None = None, **overrides: Any
) -> Site:
    """Build the site; `comments=False`: without the comments partial; `more`: more files."""
    config: dict[str, Any] = {
        "site_url": "https://example.org/",
        "site_description": "A blog about AI.",
        "theme": {"name": "material", "custom_dir": "docs/overrides"},
        "plugins": [{"aiblog": {"popular": {"pages": "all"}}}],
    }
    config.update(overrides)
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\nWelcome.\n",
        "overrides/main.html": MAIN,
        "posts/older.md": post(title="Older", date="2026-11-19", comments=True),
        "posts/x.md": post(
            title="X",
            date="2026-11-20",
            description="What X is about.",
            image="x.png",
            tags=["AI"],
            comments=True,
            full_story="https://example.com/x",
        ),
        "posts/x.png": PNG,
        "posts/newer.md": post(title="Newer", date="2026-11-21"),
    }
    if comments:
        files["overrides/partials/comments.html"] = COMMENTS
    files.update(more or {})
    return build_site(tmp_path, config=config, files=files, strict=True, check=True)


def position(page: BeautifulSoup, tag: Tag | None) -> int:
    """Give the index of `tag` among the page's elements, in document order."""
    assert tag is not None
    return next(i for i, element in enumerate(page.find_all(True)) if element is tag)


# -- the end of a post -------------------------------------------------------------


@pytest.mark.parametrize("feedback", [False, True], ids=["plain", "feedback"])
def test_the_comments_come_last(tmp_path: Path, feedback: bool) -> None:
    site = realsite(tmp_path, **({"extra": FEEDBACK} if feedback else {}))
    page = site.html("posts/x.md")
    article = page.select_one("article.md-content__inner")
    assert article is not None
    last = article.find("p", string="Three short points.")
    parts = [
        last,
        page.select_one("aside.aiblog-full-story"),
        page.select_one("nav.aiblog-newer-older"),
        page.select_one("p.aiblog-share"),
        page.select_one("nav.aiblog-popular--after"),
        page.select_one("#__comments"),
        page.select_one('script[src="https://giscus.app/client.js"]'),
        page.select_one("div.giscus"),
    ]
    if feedback:  # Material's widget belongs to the page, before what the plugin adds
        parts.insert(2, page.select_one("form.md-feedback"))
    order = [position(page, part) for part in parts]
    assert order == sorted(order), order
    for part in parts:
        assert part is not None and article in part.parents
    # The comments are the article's last elements.
    assert [
        tag for tag in page.select_one("div.giscus").find_all_next() if article in tag.parents
    ] == []
    assert "aiblog:comments" not in site.text("posts/x.md")


def test_no_marker_is_left_in_any_page(tmp_path: Path) -> None:
    site = realsite(tmp_path)
    for written in site.site_dir.rglob("*.html"):
        assert "aiblog:" not in written.read_text(encoding="utf-8"), written


def test_a_post_without_comments_is_as_without_the_comments_partial(tmp_path: Path) -> None:
    with_partial = realsite(tmp_path / "a")
    page = with_partial.html("posts/newer.md")
    assert page.select_one("#__comments") is None
    assert page.select_one("nav.aiblog-newer-older") is not None
    without = realsite(tmp_path / "b", comments=False)
    assert with_partial.text("posts/newer.md") == without.text("posts/newer.md")


# -- head tags ---------------------------------------------------------------------

OURS = [
    "og:type", "og:title", "og:site_name", "og:description", "og:url", "og:image",
    "twitter:card", "twitter:title", "twitter:description", "twitter:image",
    "article:published_time", "article:tag",
]  # fmt: skip


def metas(page: BeautifulSoup, name: str) -> list[str]:
    """Give the `content` of the head's meta tags named `name` (as `property` or `name`)."""
    head = page.head
    assert head is not None
    return [
        str(tag.get("content") or tag.get("CONTENT"))
        for tag in head.find_all("meta")
        if name in (tag.get("property"), tag.get("name"))
    ]


def test_each_head_tag_is_written_once_and_the_sites_own_wins(tmp_path: Path) -> None:
    site = realsite(tmp_path)
    page = site.html("posts/x.md")
    for name in OURS:
        assert len(metas(page, name)) == (name != "twitter:image"), (name, metas(page, name))
    assert metas(page, "og:title") == ["SITE X"]
    assert metas(page, "og:image") == ["https://example.org/site-card.png"]
    assert metas(page, "twitter:card") == ["summary"]
    assert metas(page, "twitter:title") == ["SITE X"]
    assert metas(page, "article:published_time") == ["2001-01-01"]
    # Twitter reads the site's og:image where there is no twitter:image.
    assert metas(page, "twitter:image") == []
    # What the site leaves out, the plugin still writes.
    assert metas(page, "og:url") == ["https://example.org/posts/x/"]
    assert metas(page, "article:tag") == ["AI"]
    assert metas(page, "description") == ["What X is about."]  # Material's, once
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1 and '"headline": "SITE"' in scripts[0].get_text()


def test_a_page_without_its_own_tags_gets_all_of_the_plugins(tmp_path: Path) -> None:
    page = realsite(tmp_path).html("posts/newer.md")  # main.html writes tags for comments only
    for name in ["og:type", "og:title", "twitter:card", "article:published_time"]:
        assert len(metas(page, name)) == 1, name
    assert metas(page, "og:title") == ["Newer"]
    assert metas(page, "description") == ["A blog about AI."]  # Material's, once
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1 and '"BlogPosting"' in scripts[0].get_text()


@pytest.mark.parametrize(
    "tag",
    [
        '<meta property="og:title" content="t">',
        "<meta property='og:title' content='t'>",
        "<meta property=og:title content=t>",
        '<META PROPERTY="OG:TITLE" CONTENT="t">',
        '<meta content="t" property = "og:title" />',
        '<meta name="og:title" content="t">',
        '<meta\n  property="og:title"\n  content="t">',
    ],
)
def test_a_head_tag_is_recognised_however_it_is_written(tag: str) -> None:
    names, article = existing_head(f"<head><title>x</title>{tag}")
    assert "og:title" in names and not article


@pytest.mark.parametrize(
    "tag",
    [
        '<meta data-property="og:title" content="t">',
        '<meta itemprop="og:title" content="t">',
        '<link rel="og:title" href="t">',
    ],
)
def test_other_attributes_are_not_head_tags(tag: str) -> None:
    assert "og:title" not in existing_head(f"<head>{tag}")[0]


@pytest.mark.parametrize(
    ("script", "article"),
    [
        ('{"@type": "BlogPosting"}', True),
        ('{"@type":"Article","headline":"x"}', True),
        ('{"@type": ["NewsArticle", "Thing"]}', True),
        ('{"@graph": [{"@type": "WebSite"}, {"@type": "TechArticle"}]}', True),
        ('{"@type": "WebSite", "name": "Article"}', False),
        ('{"@type": "Organization"}', False),
    ],
)
def test_an_articles_json_ld_is_recognised(script: str, article: bool) -> None:
    head = f'<head><script type="application/ld+json">{script}</script>'
    assert existing_head(head)[1] is article
    assert existing_head(head.replace("application/ld+json", "text/javascript"))[1] is False


def test_missing_tags_leave_out_every_value_of_a_name_and_what_depends_on_it() -> None:
    tags = [
        ("property", "og:image", "i"),
        ("property", "og:image:alt", "a"),
        ("name", "twitter:image", "i"),
        ("name", "twitter:title", "t"),
        ("property", "article:tag", "a"),
        ("property", "article:tag", "b"),
    ]
    assert missing_tags(tags, {"og:image", "article:tag"}) == [("name", "twitter:title", "t")]
    assert missing_tags(tags, set()) == tags


# -- where the comments begin ------------------------------------------------------

COMMENTS_MARKER = "<!--aiblog:comments:test-->"

PAGE = (
    '<html><head></head><body><div class="md-content"><article><p>text</p>\n'
    "{comments}\n</article></div></body></html>"
)


def test_the_after_part_goes_before_marked_comments() -> None:
    out = splice(
        PAGE.format(comments=COMMENTS_MARKER + "<h2>Talk</h2>"),
        Spliced(after="<nav>A</nav>"),
        sidebar_at=-1,
        comments_marker=COMMENTS_MARKER,
    )
    assert out == PAGE.format(comments="<nav>A</nav><h2>Talk</h2>")


@pytest.mark.parametrize("comments", [COMMENTS_MARKER, COMMENTS_MARKER + "\n  \n", ""])
def test_without_comments_the_after_part_ends_the_article(comments: str) -> None:
    page = PAGE.format(comments=comments)
    out = splice(
        page, Spliced(after="<nav>A</nav>"), sidebar_at=-1, comments_marker=COMMENTS_MARKER
    )
    written = PAGE.format(comments=comments.replace(COMMENTS_MARKER, ""))
    assert out == written.replace("</article>", "<nav>A</nav></article>")


def test_comments_a_site_writes_itself_are_found_by_materials_heading() -> None:
    page = PAGE.format(comments='<section class="c"><h2 id="__comments">C</h2></section>')
    output, at = take_comments_marker(page, COMMENTS_MARKER)
    assert output == page and output[at:].startswith('<section class="c">')
    # A comments heading first in the article: the after part stays in the article.
    first = PAGE.format(comments="").replace("<p>text</p>", '<h2 id="__comments">C</h2>')
    output, at = take_comments_marker(first, COMMENTS_MARKER)
    assert output[at:].startswith("<h2 id")
    # A post's own text before the content starts is not comments.
    assert take_comments_marker(page.replace('class="md-content"', ""), COMMENTS_MARKER)[1] == -1


def test_marked_comments_outside_the_article_move_nothing() -> None:
    page = PAGE.format(comments="").replace("</body>", COMMENTS_MARKER + "<h2>C</h2></body>")
    output, at = take_comments_marker(page, COMMENTS_MARKER)
    assert at == -1 and COMMENTS_MARKER not in output


def test_only_a_comments_partial_that_writes_something_is_marked() -> None:
    templates = {
        "partials/comments.html": "{% if page %}<h2>C</h2>{% endif %}\n",
        "partials/other.html": "<p>o</p>",
    }
    env = jinja2.Environment(loader=MarkedLoader(jinja2.DictLoader(templates), COMMENTS_MARKER))
    assert (
        env.get_template("partials/comments.html").render(page=1) == COMMENTS_MARKER + "<h2>C</h2>"
    )
    assert env.get_template("partials/other.html").render() == "<p>o</p>"
    # Material's own partial, a Jinja comment only, writes nothing and is left alone.
    quiet = {"partials/comments.html": "{#-\n  generated\n-#}\n"}
    env = jinja2.Environment(loader=MarkedLoader(jinja2.DictLoader(quiet), COMMENTS_MARKER))
    assert env.get_template("partials/comments.html").render() == ""


CONTENT = """\
{{ page.content }}
{% if page.meta.comments %}<section class="talk"><h2 id="__comments">Talk</h2></section>{% endif %}
"""


def test_comments_a_sites_content_partial_writes_itself_come_last(tmp_path: Path) -> None:
    site = realsite(tmp_path, comments=False, more={"overrides/partials/content.html": CONTENT})
    page = site.html("posts/x.md")
    order = [
        position(page, page.select_one(selector))
        for selector in ("aside.aiblog-full-story", "nav.aiblog-newer-older", "section.talk")
    ]
    assert order == sorted(order), order


FORGED = [
    "<!--aiblog:comments-->",
    "<!--aiblog:comments:0123456789abcdef-->",
    "<!--aiblog:comments:{token}-->",
    "`<!--aiblog:comments-->`",
]


@pytest.mark.slow  # eight builds
@pytest.mark.parametrize("comments", [True, False], ids=["comments", "no-comments"])
@pytest.mark.parametrize("forged", FORGED)
def test_a_post_cannot_move_the_end_of_another(tmp_path: Path, forged: str, comments: bool) -> None:
    body = f"Lede.\n\n{forged}\n\n## More\n\nThe last words.\n"
    x = post(title="X", date="2026-11-20", comments=True, body=body)
    site = realsite(tmp_path, comments=comments, more={"posts/x.md": x})
    page = site.html("posts/x.md")
    order = [
        position(page, page.find("p", string="The last words.")),
        position(page, page.select_one("nav.aiblog-newer-older")),
    ]
    if comments:
        order.append(position(page, page.select_one("#__comments")))
    assert order == sorted(order), order
