"""Smaller findings from real sites: numbered headings, reading time, excerpts, popular list."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from material.plugins.blog.readtime import readtime as material_readtime
from mkdocs.utils.meta import get_data
from sitebuild import REPO_ROOT, build_site, post, require, write_project

from mkdocs_aiblog.core.content import excerpt_text, reading_minutes
from mkdocs_aiblog.markdown.headings import EmojiHeadingsExtension
from mkdocs_aiblog.popular.ranking import Ranked, spread, top

BADGE = '<span aria-hidden="true" class="aiblog-emoji" data-search-exclude>'
AFTER = '<span aria-hidden="true" class="aiblog-emoji aiblog-emoji--after" data-search-exclude>'


def convert(source: str, **options: Any) -> tuple[str, list[tuple[str, str]]]:
    """Give the HTML of `source` and its TOC entries as (id, name)."""
    md = markdown.Markdown(extensions=["toc", "attr_list", EmojiHeadingsExtension(**options)])
    html = md.convert(source)
    tokens: list[dict[str, Any]] = getattr(md, "toc_tokens")  # noqa: B009 (set by `toc`)
    return html, [(token["id"], token["name"]) for token in tokens]


# == Numbered headings keep their emoji where the author wrote it ==========


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("3. Resource instance rules", "3-resource-instance-rules"),
        ("3) Resource rules", "3-resource-rules"),
        ("3: Resource rules", "3-resource-rules"),
        ("3.2 Sub-rules", "32-sub-rules"),
        ("III. Roman rules", "iii-roman-rules"),
        ("iv) Lower roman", "iv-lower-roman"),
        ("Step 3: Deploy", "step-3-deploy"),
        ("Part II Results", "part-ii-results"),
        ("chapter 12 – The end", "chapter-12-the-end"),
    ],
)
def test_a_numbered_heading_keeps_a_trailing_emoji_after_its_text(text: str, slug: str) -> None:
    html, toc = convert(f"### {text} ⭐")
    assert html == f'<h3 class="aiblog-section" id="{slug}">{text} {AFTER}⭐</span></h3>'
    assert toc == [(slug, f"{text} ⭐")]


def test_numbered_siblings_line_up_and_others_still_move_to_the_front() -> None:
    source = "## 1. Scope\n\n## 2. Rules 🚀\n\n## Why it matters 🚀\n\n## ⭐ 3. Limits\n"
    html, toc = convert(source)
    assert html.splitlines() == [
        '<h2 id="1-scope">1. Scope</h2>',
        f'<h2 class="aiblog-section" id="2-rules">2. Rules {AFTER}🚀</span></h2>',
        f'<h2 class="aiblog-section" id="why-it-matters">{BADGE}🚀</span> Why it matters</h2>',
        f'<h2 class="aiblog-section" id="3-limits">{BADGE}⭐</span> 3. Limits</h2>',
    ]
    assert toc == [
        ("1-scope", "1. Scope"),
        ("2-rules", "2. Rules 🚀"),
        ("why-it-matters", "🚀 Why it matters"),
        ("3-limits", "⭐ 3. Limits"),
    ]


def test_numbered_heading_with_position_after_keeps_a_leading_emoji() -> None:
    html, toc = convert("## ⭐ 3. Limits", position="after")
    assert html == f'<h2 class="aiblog-section" id="3-limits">{BADGE}⭐</span> 3. Limits</h2>'
    assert toc == [("3-limits", "⭐ 3. Limits")]


def test_numbered_heading_with_toc_text_has_a_clean_entry() -> None:
    _, toc = convert("## 3. Limits ⭐", toc="text")
    assert toc == [("3-limits", "3. Limits")]


@pytest.mark.parametrize(
    "text",
    [
        "3 reasons to care",  # a count, not a marker
        "2026 in review",
        "ML: the basics",  # letters that are also Roman digits
        "CLI. Tools",
        "XL. Models",
        "i.e. the rest",
        "Steps to take",
        "Why it matters",
    ],
)
def test_text_that_only_looks_numbered_moves_its_emoji_as_before(text: str) -> None:
    html, toc = convert(f"## {text} 🚀")
    assert html.startswith('<h2 class="aiblog-section" id=')
    assert html.endswith(f">{BADGE}🚀</span> {text}</h2>")
    assert toc[0][1] == f"🚀 {text}"


def test_keycap_numbers_are_emoji_and_become_the_badge_as_before() -> None:
    html, _ = convert("## 1️⃣ First things")
    assert html == f'<h2 class="aiblog-section" id="first-things">{BADGE}1️⃣</span> First things</h2>'


# == Reading time as Material's blog plugin counts it ======================


def test_reading_time_matches_materials_blog_plugin() -> None:
    rng = random.Random(16)
    words = ["alpha", "beta", "don't", "x-y", "3.5", "naïve", "日本語", "**bold**", "`code`"]
    samples = [
        "",
        "<p>Hello <strong>wor</strong>ld</p>",
        "<p>don&#8217;t &amp; x</p><svg><text>a b c</text></svg><script>x y z</script>",
        "<p>a</p>" + '<img src="a.png" alt="">' * 15,
        "<style>p { color: red }</style><object><p>hidden words</p></object><p>shown</p>",
    ]
    for _ in range(60):
        paragraphs = [
            " ".join(rng.choice(words) for _ in range(rng.randint(1, 400)))
            + ("\n\n![an image](a.png)" if rng.random() < 0.4 else "")
            for _ in range(rng.randint(1, 10))
        ]
        samples.append(markdown.markdown("\n\n".join(paragraphs)))
    for speed in (265, 200, 60):
        for html in samples:
            assert reading_minutes(html, speed) == material_readtime(html, speed), html[:80]


def test_images_add_reading_time(tmp_path: Path) -> None:
    images = "".join(f"![figure {n}](../a.png)\n\n" for n in range(10))
    site = build_site(
        tmp_path,
        files={
            "a.png": b"",
            "posts/text.md": post(title="Text", body="word " * 250),
            "posts/figures.md": post(title="Figures", body="word " * 250 + "\n\n" + images),
        },
        check=True,
    )

    def minutes(src: str) -> str:
        found = site.html(src).select_one(".aiblog-byline__readtime")
        assert found is not None
        return found.get_text(strip=True)

    # 251 words at 265 a minute: 57 s; ten images add 12 + 11 + ... + 4 + 3 = 75 s.
    assert (minutes("posts/text.md"), minutes("posts/figures.md")) == ("1 min read", "3 min read")


# == An excerpt stands in for a missing description ========================


def test_excerpt_text_is_plain_bounded_and_unescaped() -> None:
    html = (
        '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>\n'
        "<p>Fish &amp; <em>chips</em> &lt;b&gt; here.</p>\n<!-- more -->\n<p>Later.</p>"
    )
    assert excerpt_text(html) == "Fish & chips <b> here."
    assert excerpt_text("<p>No separator.</p>") == ""
    assert excerpt_text("<pre><code>&lt;!-- more --&gt;</code></pre>") == ""  # shown as code
    assert excerpt_text('<h2 id="x">Only a heading</h2>\n<!-- more -->\n<p>Body.</p>') == ""
    assert excerpt_text("<p>A</p><!-- more --><p>B</p><!-- more -->") == "A"  # the first one
    long = excerpt_text("<p>" + "lorem ipsum, " * 100 + "</p><!-- more -->")
    assert long.endswith(("lorem…", "ipsum…")) and len(long) <= 201  # cut at a word


@pytest.mark.parametrize(
    "lede",
    [
        "A lede with <b>markup</b> & an ampersand.",
        '<script>alert("x")</script> Words after a script.',
        "Unicode “quotes” and emoji 🚀 stay.",
        "x" * 600,
    ],
)
def test_a_post_without_description_lists_its_excerpt_escaped(tmp_path: Path, lede: str) -> None:
    files = {
        "index.md": "# Home\n\n/// post-list\n///\n",
        "posts/a.md": post(title="A", body=f"{lede}\n\n<!-- more -->\n\nThe rest, not listed.\n"),
        "posts/b.md": post(title="B", description="Its own description.", body="B.\n"),
        "posts/c.md": post(title="C", body="No separator here.\n"),
    }
    site = build_site(tmp_path, files=files, check=True)
    cards = site.html("").select(".aiblog-card")
    shown = {
        card.select_one(".aiblog-card__title").get_text(strip=True): card.select_one(  # type: ignore[union-attr]
            ".aiblog-card__description"
        )
        for card in cards
    }
    snippet = shown["A"]
    assert snippet is not None
    text = snippet.get_text()
    assert "The rest" not in text and "<script" not in str(snippet) and "<b>" not in str(snippet)
    assert 0 < len(text) <= 201
    assert shown["B"] is not None and shown["B"].get_text() == "Its own description."
    assert shown["C"] is None
    entries = site.html("posts/b.md").select(".aiblog-popular--sidebar .aiblog-popular__text")
    snippets = {
        entry.select_one(".aiblog-popular__name").get_text(): entry.select_one(  # type: ignore[union-attr]
            ".aiblog-popular__snippet"
        )
        for entry in entries
    }
    assert snippets["A"] is not None and snippets["A"].get_text() == text
    assert site.warnings == []


# == The demo's home page promises what it shows ============================


def test_the_demo_home_page_names_an_editors_pick_that_exists() -> None:
    home = (REPO_ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    paragraph = next(p for p in home.split("\n\n") if "editor's pick" in p)
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    aiblog = next(p["aiblog"] for p in config["plugins"] if isinstance(p, dict) and "aiblog" in p)
    if "sidebar" in paragraph:  # only true where the home page has a popular list
        assert aiblog.get("popular", {}).get("pages") == "all"
    links = re.findall(r"\]\(([^)]+\.md)\)", paragraph)
    assert links, paragraph
    _, meta = get_data((REPO_ROOT / "docs" / links[0]).read_text(encoding="utf-8"))
    assert meta.get("popular") is True or isinstance(meta.get("popular"), int)


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml's `!!python/name:` and `!ENV` tags as plain values."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


# == ProperDocs: supported, without a banner for plain `mkdocs` users =======


@pytest.mark.slow
def test_mkdocs_build_prints_no_properdocs_banner_because_of_this_plugin(tmp_path: Path) -> None:
    require("properdocs")
    config_file = write_project(tmp_path, files={"posts/a.md": post(title="A")})
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    # Material's own notice is off (NO_MKDOCS_2_WARNING); ProperDocs' would not be.
    environment = {k: v for k, v in os.environ.items() if k != "DISABLE_MKDOCS_2_WARNING"}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run(
        [mkdocs, "build", "-f", str(config_file)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "properdocs" not in result.stderr.lower()
    assert "may break support" not in result.stderr
    assert (tmp_path / "site/posts/a/index.html").is_file()


# == The popular list differs from page to page where only links rank it ===


def ranked_site(pins: int, viewed: int, linked: int, recent: int) -> tuple[Ranked, ...]:
    """Give a ranking with that many pinned, viewed, linked and merely recent posts."""
    entries: list[Ranked] = []
    for reason, count in (
        ("pinned", pins),
        ("views", viewed),
        ("links", linked),
        ("recent", recent),
    ):
        entries += [Ranked(f"{reason}-{n}", reason) for n in range(count)]  # type: ignore[arg-type]
    return tuple(entries)


def test_pins_and_views_keep_their_order_and_the_rest_rotates_by_page() -> None:
    ranking = ranked_site(pins=1, viewed=1, linked=12, recent=20)
    pages = [f"recent-{n}" for n in range(20)]
    lists = {page: [e.key for e in spread(ranking, exclude=page, limit=5)] for page in pages}
    order = [entry.key for entry in ranking]
    for page, keys in lists.items():
        assert keys[:2] == ["pinned-0", "views-0"]
        assert len(keys) == 5 and page not in keys
        assert keys == sorted(keys, key=order.index)  # rank order within the window
        # drawn from the first 2 x 3 posts ranked by links
        assert set(keys[2:]) <= {f"links-{n}" for n in range(6)}
        assert [e.key for e in spread(ranking, exclude=page, limit=5)] == keys  # stable
    assert len({tuple(keys) for keys in lists.values()}) > 1
    shown = [key for keys in lists.values() for key in keys[2:]]
    assert set(shown) == {f"links-{n}" for n in range(6)}
    assert max(shown.count(key) for key in set(shown)) < len(pages)


@pytest.mark.parametrize(
    ("pins", "viewed", "linked", "recent"),
    [(0, 0, 3, 2), (0, 9, 0, 4), (6, 0, 0, 0), (1, 1, 1, 1), (0, 0, 0, 0)],
)
def test_with_no_more_candidates_than_places_the_list_is_the_top(
    pins: int, viewed: int, linked: int, recent: int
) -> None:
    ranking = ranked_site(pins, viewed, linked, recent)
    for exclude in [None, *(entry.key for entry in ranking)]:
        assert spread(ranking, exclude=exclude, limit=5) == top(ranking, exclude=exclude, limit=5)
