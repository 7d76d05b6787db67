"""Real builds: the byline, head metadata, drafts, warnings and strict mode."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import AUTHORS_FILE, AVATAR, PNG, build_fails_strict, build_site, post, write_project

AUTHORS = AUTHORS_FILE + AVATAR + "    url: https://example.com/ada\n" + (
    "  rafa:\n"
    "    name: Rafael Osei\n"
)


def blog(**posts: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\nWelcome.\n",
        "posts/.authors.yml": AUTHORS,
        "assets/ada.png": PNG,
        "posts/images/hero.png": PNG,
    }
    files.update({f"posts/{name}.md": text for name, text in posts.items()})
    return files


FULL = post(
    title="AI power clash",
    date="2026-11-20",
    description="Who pays for the power.",
    updated="2026-11-22T10:00:00",
    authors=["ada", "rafa"],
    categories=["Industry"],
    tags=["OpenAI", "Meta"],
    image="images/hero.png",
    image_alt="A chart of power use",
)


def test_the_byline_under_the_title(tmp_path: Path) -> None:
    site = build_site(tmp_path, files=blog(clash=FULL), check=True)
    assert site.warnings == []
    page = site.html("posts/clash.md")
    h1 = page.select_one("article h1")
    byline = page.select_one(".aiblog-byline")
    assert h1 is not None and byline is not None
    assert h1.find_next_sibling("div") is byline  # directly under the title

    authors = byline.select(".aiblog-byline__author")
    assert [a.get_text(strip=True) for a in authors] == ["Ada Quill", "Rafael Osei"]
    link = authors[0].select_one("a")
    assert link is not None and link["href"] == "https://example.com/ada"
    avatar = authors[0].select_one("img")
    assert avatar is not None and avatar["src"] == "../../assets/ada.png"
    assert authors[1].select_one("a") is None and authors[1].select_one("img") is None

    published = byline.select_one(".aiblog-byline__date time")
    assert published is not None and published.get_text() == "November 20, 2026"
    assert published["datetime"] == "2026-11-20T00:00:00+00:00"
    updated = byline.select_one(".aiblog-byline__updated")
    assert (
        updated is not None and " ".join(updated.get_text().split()) == "Updated November 22, 2026"
    )
    readtime = byline.select_one(".aiblog-byline__readtime")
    assert readtime is not None and readtime.get_text(strip=True) == "1 min read"
    assert [c.get_text() for c in byline.select(".aiblog-byline__category")] == ["Industry"]
    assert [t.get_text() for t in byline.select(".aiblog-byline__tag")] == ["#OpenAI", "#Meta"]

    hero = page.select_one("figure.aiblog-hero img")
    assert hero is not None and hero["src"] == "../images/hero.png"
    assert hero["alt"] == "A chart of power use"
    assert (site.site_dir / "assets/stylesheets/aiblog.css").is_file()
    assert page.select_one('link[href$="assets/stylesheets/aiblog.css"]') is not None


def test_pages_outside_the_posts_folder_are_left_alone(tmp_path: Path) -> None:
    site = build_site(tmp_path, files=blog(clash=FULL), check=True)
    home = site.html("index.md")
    assert home.select_one(".aiblog-byline") is None
    assert home.select_one('script[type="application/ld+json"]') is None


@pytest.mark.parametrize(
    ("language", "published", "readtime"),
    [
        ("de", "20. November 2026", "1 Min. Lesezeit"),
        ("fr", "20 novembre 2026", "1 min de lecture"),
        ("ja", "2026年11月20日", "1分で読めます"),
    ],
)
def test_dates_and_words_follow_the_language(
    tmp_path: Path, language: str, published: str, readtime: str
) -> None:
    config = {"theme": {"name": "material", "language": language}}
    site = build_site(tmp_path, config=config, files=blog(clash=FULL), check=True)
    byline = site.html("posts/clash.md").select_one(".aiblog-byline")
    assert byline is not None
    date = byline.select_one(".aiblog-byline__date time")
    assert date is not None and date.get_text() == published
    readtime_el = byline.select_one(".aiblog-byline__readtime")
    assert readtime_el is not None and readtime_el.get_text(strip=True) == readtime


def test_reading_time_from_the_text_and_the_override(tmp_path: Path) -> None:
    long_body = "Lede.\n\n" + "word " * 1400
    files = blog(
        long=post(title="Long", body=long_body),
        fast=post(title="Fast", body=long_body, readtime=2),
    )
    site = build_site(
        tmp_path, config={"plugins": [{"aiblog": {"words_per_minute": 200}}]}, files=files
    )
    # 1,401 words at 200 a minute: 420.3 s, rounded up as Material's blog plugin does
    for name, minutes in (("long", 8), ("fast", 2)):
        element = site.html(f"posts/{name}.md").select_one(".aiblog-byline__readtime")
        assert element is not None and element.get_text(strip=True) == f"{minutes} min read"


def head(site: Any, page: str) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for meta in site.html(page).select("head meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            tags.setdefault(key, []).append(meta.get("content"))
    return tags


def test_link_preview_metadata(tmp_path: Path) -> None:
    config = {"site_url": "https://blog.example.org/sub/"}
    site = build_site(tmp_path, config=config, files=blog(clash=FULL), check=True)
    tags = head(site, "posts/clash.md")
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["AI power clash"]
    assert tags["og:description"] == ["Who pays for the power."]
    assert tags["og:url"] == ["https://blog.example.org/sub/posts/clash/"]
    assert tags["og:image"] == ["https://blog.example.org/sub/posts/images/hero.png"]
    assert tags["article:published_time"] == ["2026-11-20T00:00:00+00:00"]
    assert tags["article:modified_time"] == ["2026-11-22T10:00:00+00:00"]
    assert tags["article:author"] == ["https://example.com/ada", "Rafael Osei"]
    assert tags["article:tag"] == ["OpenAI", "Meta"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["description"] == ["Who pays for the power."]  # Material's, not repeated

    scripts = site.html("posts/clash.md").select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string or "")
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "AI power clash"
    assert data["description"] == "Who pays for the power."
    assert data["datePublished"] == "2026-11-20T00:00:00+00:00"
    assert data["dateModified"] == "2026-11-22T10:00:00+00:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Quill", "url": "https://example.com/ada"},
        {"@type": "Person", "name": "Rafael Osei"},
    ]
    assert data["image"] == "https://blog.example.org/sub/posts/images/hero.png"
    assert data["mainEntityOfPage"] == {
        "@type": "WebPage",
        "@id": "https://blog.example.org/sub/posts/clash/",
    }
    assert data["publisher"] == {"@type": "Organization", "name": "Test site"}


def test_without_site_url_no_relative_url_poses_as_absolute(tmp_path: Path) -> None:
    site = build_site(tmp_path, files=blog(clash=FULL), check=True)
    tags = head(site, "posts/clash.md")
    assert "og:url" not in tags and "og:image" not in tags
    assert tags["twitter:card"] == ["summary"]


HOSTILE = '<script>alert(1)</script> & "quotes"'


def test_every_value_is_escaped(tmp_path: Path) -> None:
    authors = f'authors:\n  x:\n    name: {json.dumps(HOSTILE)}\n    url: "https://e.org/?a=\\"b"\n'
    files = blog(
        bad=post(
            title=HOSTILE,
            description=HOSTILE,
            authors=["x"],
            categories=[HOSTILE],
            tags=[HOSTILE],
            image="images/hero.png",
            image_alt=HOSTILE,
        )
    )
    files["posts/.authors.yml"] = authors
    site = build_site(tmp_path, config={"site_url": "https://e.org/"}, files=files)
    page = site.html("posts/bad.md")
    # The plugin's own parts hold the text, never an element made from it.
    for part in page.select(".aiblog-byline, .aiblog-hero"):
        assert part.select("script") == []
    byline = page.select_one(".aiblog-byline")
    assert byline is not None
    assert HOSTILE in byline.get_text()
    hero = page.select_one(".aiblog-hero img")
    assert hero is not None and hero["alt"] == HOSTILE
    assert head(site, "posts/bad.md")["og:title"] == [HOSTILE]
    scripts = page.select('script[type="application/ld+json"]')
    assert json.loads(scripts[0].string or "")["headline"] == HOSTILE
    raw = site.text("posts/bad.md")
    assert "</script> &" not in raw.split("application/ld+json", 1)[1].split("</script>", 1)[0]
    # Material shows the title raw: that is why the plugin warns about it.
    assert "aiblog: posts/bad.md: title: " in "\n".join(site.warnings)


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"date": "yesterday"}, "posts/x.md: date: 'yesterday' is not a date"),
        ({"date": None}, "posts/x.md: date: missing"),
        ({"authors": ["nobody"]}, "posts/x.md: authors: 'nobody' is not in the authors file"),
        ({"image": "nowhere.png"}, "posts/x.md: image: 'nowhere.png' is not an http(s) URL"),
        ({"tags": "a", "categories": {"x": 1}}, "posts/x.md: categories: {'x': 1} is not a list"),
        ({"draft": "perhaps"}, "posts/x.md: draft: 'perhaps' is not true or false"),
    ],
)
def test_a_bad_value_warns_and_fails_strict(
    tmp_path: Path, meta: dict[str, Any], expected: str
) -> None:
    files = blog(x=post(title="X", **meta))
    lenient = build_site(tmp_path / "lenient", files=files)
    assert lenient.ok
    assert len(lenient.warnings) == 1
    assert lenient.warnings[0].startswith("aiblog: " + expected)
    if "draft" in meta:  # a draft value that is not true or false withholds the post
        assert not lenient.path("posts/x.md").exists()
    else:
        assert lenient.html("posts/x.md").select_one("article h1") is not None  # still built
    strict = build_fails_strict(tmp_path / "strict", files=files)
    assert strict.warnings[0].startswith("aiblog: " + expected)


def test_a_bad_authors_file_is_reported_once(tmp_path: Path) -> None:
    files = blog(x=post(title="X"))
    files["posts/.authors.yml"] = "authors: [1, 2\n"
    site = build_site(tmp_path, files=files)
    assert len(site.warnings) == 1
    assert site.warnings[0].startswith("aiblog: posts/.authors.yml: cannot be read: ")


def test_drafts_are_left_out_of_the_build(tmp_path: Path) -> None:
    files = blog(done=post(title="Done"), wip=post(title="Work in progress", draft=True))
    site = build_site(tmp_path, files=files, check=True)
    assert site.path("posts/done.md").is_file()
    assert not site.path("posts/wip.md").exists()


def test_drafts_are_marked_in_serve(tmp_path: Path) -> None:
    files = blog(wip=post(title="Work in progress", draft=True))
    config_file = write_project(tmp_path, files=files)
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    html = (Path(config.site_dir) / "posts/wip/index.html").read_text(encoding="utf-8")
    assert '<span class="aiblog-byline__draft">Draft</span>' in html


def test_another_theme_is_refused(tmp_path: Path) -> None:
    site = build_site(tmp_path, config={"theme": {"name": "mkdocs"}}, files=blog())
    assert site.error is not None
    assert site.logs[-1] == (
        "ERROR",
        "aiblog: needs the Material for MkDocs theme (theme: name: material);"
        " this site uses 'mkdocs'",
    )


def test_a_mistyped_option_is_named(tmp_path: Path) -> None:
    config = {"plugins": [{"aiblog": {"post_dir": "x"}}]}
    site = build_fails_strict(tmp_path, config=config, files=blog())
    assert site.warnings == [
        "Config value 'plugins': Plugin 'aiblog' option 'post_dir':"
        " Unrecognised configuration name: post_dir"
    ]


def test_an_option_of_the_wrong_type_is_named(tmp_path: Path) -> None:
    config = {"plugins": [{"aiblog": {"popular": {"limit": "many"}}}]}
    site = build_site(tmp_path, config=config, files=blog())
    assert site.error is not None
    assert any("limit" in message for _, message in site.logs)


def test_meta_tags_and_byline_can_be_turned_off(tmp_path: Path) -> None:
    config = {"plugins": [{"aiblog": {"meta_tags": False, "byline": False}}]}
    site = build_site(tmp_path, config=config, files=blog(clash=FULL), check=True)
    page = site.html("posts/clash.md")
    assert page.select_one('script[type="application/ld+json"]') is None
    assert page.select_one('meta[property="og:type"]') is None
    assert page.select_one(".aiblog-byline") is None


def test_a_title_that_is_not_text_falls_back_to_the_file_name(tmp_path: Path) -> None:
    files = blog(**{"power-clash": post(title=["not", "text"], description="D.")})  # type: ignore[arg-type]
    site = build_site(tmp_path, files=files)
    assert site.ok
    assert any(
        "posts/power-clash.md: title: ['not', 'text'] is not a text" in w for w in site.warnings
    )
    scripts = site.html("posts/power-clash.md").select('script[type="application/ld+json"]')
    assert json.loads(scripts[0].string or "")["headline"] == "Power clash"
