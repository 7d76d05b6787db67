"""Hostile and broken input: no traceback, no injection, nothing lost.

- **Injection corpus**: every payload of ``tests/data/xss.txt`` goes into every field
  that reaches a page (title, description, authors and their urls and avatars,
  categories, tags, image and its alt text, the full story's front matter and block
  options, the analytics export's paths). The site is built twice, with the payloads
  and with one plain text in their place, and each page of one is compared with the
  same page of the other: same elements, same attributes, no ``on*`` attribute,
  the same ``<script>`` elements (counted by bs4 and by the stdlib parser), safe
  URLs in the plugin's parts, and the text held exactly (JSON-LD included).
  Material renders a page's title and description raw in the head, the header and
  the H1, which the plugin cannot change (it warns instead, see
  ``test_markup_in_a_title_or_description_warns``); the test site overrides those
  blocks so that what remains is what the plugin renders.
- **Strict mode**: each kind of bad input warns naming the file and the key, fails
  ``--strict`` and still builds without it.
- **Nothing lost**: ``docs/`` unchanged by ``build`` and by a serve-style build;
  every post that is not a draft is in the site and in the post list, whatever is
  wrong with its metadata (a post that may be a draft, with an unclear ``draft``
  value or an unreadable front matter, is withheld like one).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import (
    PNG,
    Site,
    build_config_file,
    build_fails_strict,
    build_site,
    docs_hashes,
    post,
    write_project,
)

from mkdocs_aiblog.core.fullstory import extract_slot
from mkdocs_aiblog.core.urls import safe_url

pytestmark = pytest.mark.slow  # property-based or hostile-input builds: the exhaustive tier

DATA = Path(__file__).parent.parent / "data"
PAYLOADS: list[str] = [
    line
    for line in (DATA / "xss.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
]
BASELINE = [
    "plain-words" if safe_url(value) or safe_url(value.strip()) else "Plain words"
    for value in PAYLOADS
]
"""What the baseline build has in place of each payload: taken as a URL or refused alike.

(`＜script＞…` in fullwidth characters is a harmless site-relative path.)"""
EXPORT_MARK = "EXPORTONLY"
"""In every path of the analytics export: it must reach no page."""

# Material renders these raw from a page's title and description; the plugin cannot
# change that (it warns instead). Without them, what is left is the plugin's work.
SAFE_MAIN = """\
{% extends "base.html" %}
{% block site_meta %}<meta charset="utf-8">{% endblock %}
{% block htmltitle %}<title>Test site</title>{% endblock %}
{% block header %}{% endblock %}
"""
MARKUP = re.compile(r"<[A-Za-z/!?]|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
"""What Material would render as markup from a title: the plugin must warn."""
PLUGIN_PARTS = (
    ".aiblog-byline, .aiblog-hero, .aiblog-popular, .aiblog-post-list, .aiblog-full-story"
)


def hostile_project(root: Path, values: list[str], *, lists: bool = False) -> Path:
    """Write a site with each of `values` in every field; give its `mkdocs.yml`.

    `lists=True`: only the `p` posts, each listed in every popular list (which
    makes every post page long: only the home page and `posts/clean.md` are read).
    """
    authors: dict[str, dict[str, str]] = {}
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\n/// post-list\n///\n",
        "assets/ada.png": PNG,
        "posts/images/hero.png": PNG,
        "posts/clean.md": post(title="Clean post", body="# Clean post\n\nLede.\n"),
    }
    export = ["path,views", "/posts/p00/,7"]
    for i, value in enumerate(values):
        authors[f"a{i}"] = {"name": value, "description": value, "url": value, "avatar": value}
        authors[f"b{i}"] = {
            "name": value,
            "url": "https://example.com/b",
            "avatar": "assets/ada.png",
        }
        # Distinct times: the order of lists must not depend on the titles.
        day = f"2026-11-{1 + i // 24:02}T{i % 24:02}:00:0"
        files[f"posts/p{i:02}.md"] = post(
            title=value,
            date=day + "0",
            description=value,
            authors=[f"a{i}", f"b{i}"],
            categories=[value],
            tags=[value, "plain"],
            image="images/hero.png",
            image_alt=value,
            subtitle=value,
            image_caption=value,
            full_story={
                "url": "https://example.com/story?x=1",
                "title": value,
                "text": value,
                "button": value,
                "source": value,
            },
            body=f"# Post {i}\n\nLede.\n",
        )
        options = yaml.safe_dump(
            {"url": "https://example.com/b", "title": value, "button": value, "source": value},
            allow_unicode=True,
        )
        block = "/// full-story\n" + "".join(f"    {line}\n" for line in options.splitlines())
        if lists:
            continue
        files[f"posts/q{i:02}.md"] = post(
            title=f"Q {i}",
            date=day + "1",
            image=value,
            body=f"# Q {i}\n\nLede.\n\n{block}\nThe body is the author's Markdown.\n///\n",
        )
        files[f"posts/r{i:02}.md"] = post(
            title=f"R {i}", date=day + "2", full_story=value, body=f"# R {i}\n\nLede.\n"
        )
        export.append(f"{json.dumps('/posts/' + EXPORT_MARK + value)},{i + 1}")
    files["posts/.authors.yml"] = yaml.safe_dump({"authors": authors}, allow_unicode=True)
    config = {
        "site_url": "https://blog.example/",
        "theme": {"name": "material", "custom_dir": "overrides"},
        "plugins": [
            {
                "aiblog": {
                    "navigation": {"per_page": 1000},
                    "popular": {"limit": 1000 if lists else 3, "views_file": "views.csv"},
                }
            }
        ],
    }
    extra = {"overrides/main.html": SAFE_MAIN, "views.csv": "\n".join(export) + "\n"}
    return write_project(root, config=config, files=files, extra_files=extra)


def _build(root: Path, values: list[str], *, lists: bool = False) -> Site:
    site = build_config_file(hostile_project(root, values, lists=lists))
    assert site.ok, site.error
    return site


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(tmp_path_factory.mktemp("hostile"), PAYLOADS)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(tmp_path_factory.mktemp("baseline"), BASELINE)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Site]:
    """The `lists=True` site, with the payloads and with the baseline's values."""
    return (
        _build(tmp_path_factory.mktemp("listed"), PAYLOADS, lists=True),
        _build(tmp_path_factory.mktemp("listed-baseline"), BASELINE, lists=True),
    )


class _StartTags(HTMLParser):
    """The stdlib's own count of start tags, a second opinion on bs4's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1


def stdlib_tags(text: str) -> Counter[str]:
    parser = _StartTags()
    parser.feed(text)
    parser.close()
    return parser.tags


def pages(site: Site) -> list[str]:
    return sorted(
        path.relative_to(site.site_dir).as_posix() for path in site.site_dir.rglob("*.html")
    )


_SOUPS: dict[Path, BeautifulSoup] = {}


def soup(site: Site, page: str) -> BeautifulSoup:
    """Give a page parsed (once per session: the tests only read it)."""
    path = site.path(page)
    if path not in _SOUPS:
        _SOUPS[path] = BeautifulSoup(site.text(page), "html.parser")
    return _SOUPS[path]


def shape(page: BeautifulSoup) -> tuple[Counter[str], set[tuple[str, str]]]:
    """Give the elements of a page by name, and every (element, attribute) pair."""
    elements = page.find_all(True)
    names = Counter(el.name for el in elements)
    attributes = {(el.name, attr) for el in elements for attr in el.attrs}
    return names, attributes


def assert_same_shape(site: Site, plain: Site, page: str) -> None:
    """Assert that the payloads made no element or attribute on `page`."""
    text = site.text(page)
    names, attributes = shape(soup(site, page))
    plain_names, plain_attributes = shape(soup(plain, page))
    assert names == plain_names, f"{page}: {names - plain_names} {plain_names - names}"
    assert attributes == plain_attributes, f"{page}: {attributes ^ plain_attributes}"
    assert not [pair for pair in attributes if pair[1].lower().startswith("on")], page
    stdlib = stdlib_tags(text)
    assert stdlib["script"] == names["script"] == plain_names["script"], page
    assert stdlib == stdlib_tags(plain.text(page)), page
    assert EXPORT_MARK not in text, f"{page}: a path of the export reached the page"


def test_the_corpus_is_big_enough() -> None:
    assert len(PAYLOADS) >= 25
    assert len(set(PAYLOADS)) == len(PAYLOADS)


def test_no_payload_makes_an_element_or_attribute(hostile: Site, baseline: Site) -> None:
    assert pages(hostile) == pages(baseline)
    assert len(pages(hostile)) > 3 * len(PAYLOADS)
    for page in pages(hostile):
        assert_same_shape(hostile, baseline, page)


def test_no_payload_makes_an_element_in_the_lists(listed: tuple[Site, Site]) -> None:
    site, plain = listed
    for page in ("index.md", "posts/clean.md"):
        assert_same_shape(site, plain, page)


def test_links_in_the_plugins_parts_are_safe(hostile: Site) -> None:
    checked = 0
    for page in pages(hostile):
        for part in soup(hostile, page).select(PLUGIN_PARTS):
            for element in part.find_all(True):
                for attr in ("href", "src", "srcset", "action", "formaction", "data", "poster"):
                    value = element.get(attr)
                    if value is None:
                        continue
                    assert isinstance(value, str)
                    checked += 1
                    parts = urlsplit(value.strip())
                    assert parts.scheme in ("", "http", "https"), f"{page}: {attr}={value!r}"
                    assert not value.startswith("//"), f"{page}: {attr}={value!r}"
                    assert not (parts.scheme and parts.netloc == ""), f"{page}: {value!r}"
    assert checked > 500


def _text(element: Tag | None) -> str:
    assert element is not None
    return element.get_text()


def test_the_lists_hold_the_text_exactly(listed: tuple[Site, Site]) -> None:
    site, _ = listed
    cards = {
        _text(card.select_one(".aiblog-card__title a")): card
        for card in soup(site, "index.md").select(".aiblog-card")
    }
    clean = soup(site, "posts/clean.md").select_one(".aiblog-popular--sidebar")
    assert clean is not None
    popular = {
        _text(item.select_one(".aiblog-popular__name")): item
        for item in clean.select(".aiblog-popular__item")
    }
    for payload in PAYLOADS:
        value = payload.strip()
        card = cards[value]  # the post list shows the title as text
        assert _text(card.select_one(".aiblog-card__description")) == value
        assert _text(card.select_one(".aiblog-card__meta span")) == f"{value}, {value}"
        assert _text(popular[value].select_one(".aiblog-popular__snippet")) == value


def test_every_field_holds_the_text_exactly(hostile: Site) -> None:
    for i, payload in enumerate(PAYLOADS):
        value = payload.strip()
        page = soup(hostile, f"posts/p{i:02}.md")
        byline = page.select_one(".aiblog-byline")
        assert byline is not None
        names = [a.get_text(strip=True) for a in byline.select(".aiblog-byline__author")]
        assert names == [value, value]
        assert [_text(c) for c in byline.select(".aiblog-byline__category")] == [value]
        assert [_text(t) for t in byline.select(".aiblog-byline__tag")] == [f"#{value}", "#plain"]
        hero = page.select_one(".aiblog-hero img")
        assert hero is not None and hero["alt"] == value
        assert _text(page.select_one(".aiblog-hero figcaption")) == value
        assert _text(page.select_one(".aiblog-standfirst")) == value
        meta = {
            str(tag.get("property") or tag.get("name")): tag.get("content")
            for tag in page.select("meta[property], meta[name]")
        }
        assert meta["og:title"] == meta["og:description"] == meta["article:section"] == value
        assert meta["og:image:alt"] == value
        scripts = page.select('script[type="application/ld+json"]')
        assert len(scripts) == 1
        data = json.loads(scripts[0].string or "")
        assert data["headline"] == data["description"] == data["alternativeHeadline"] == value
        assert data["keywords"] == [value, "plain"]
        assert [author["name"] for author in data["author"]] == [value, value]
        raw = hostile.text(f"posts/p{i:02}.md").split("application/ld+json", 1)[1]
        assert "<" not in raw.split("</script>", 1)[0][1:]  # nothing can close it early
        story = page.select_one(".aiblog-full-story")
        assert story is not None
        assert _text(story.select_one(".aiblog-full-story__title")) == value
        assert _text(story.select_one(".aiblog-full-story__text")) == value
        assert _text(story.select_one(".aiblog-full-story__label")) == value
        assert _text(story.select_one(".aiblog-full-story__source")) == f"on {value}"
        button = story.select_one("a")
        assert button is not None and button["href"] == "https://example.com/story?x=1"
        block = soup(hostile, f"posts/q{i:02}.md").select_one(".aiblog-full-story")
        assert block is not None, f"q{i:02}: the block's card is missing"
        assert _text(block.select_one(".aiblog-full-story__title")) == value
        assert _text(block.select_one(".aiblog-full-story__label")) == value


def test_every_refused_value_is_named(hostile: Site) -> None:
    warnings = "\n".join(hostile.warnings)
    for i, payload in enumerate(PAYLOADS):
        assert f"posts/.authors.yml: authors.a{i}.avatar: " in warnings
        assert f"posts/q{i:02}.md: image: " in warnings
        if BASELINE[i] != "plain-words":  # not a harmless site-relative URL
            assert f"posts/.authors.yml: authors.a{i}.url: " in warnings
            assert f"posts/r{i:02}.md: full_story.url: " in warnings, payload
        if MARKUP.search(payload):
            assert f"posts/p{i:02}.md: title: " in warnings
            assert f"posts/p{i:02}.md: description: " in warnings
            assert f"posts/p{i:02}.md: subtitle: " in warnings
            assert f"posts/p{i:02}.md: image_caption: " in warnings


def test_markup_in_a_title_or_description_warns(hostile: Site) -> None:
    """Material shows both raw; the plugin names the file and the key."""
    warnings = "\n".join(hostile.warnings)
    for i, payload in enumerate(PAYLOADS):
        named = f"aiblog: posts/p{i:02}.md: title: " in warnings
        assert named == bool(MARKUP.search(payload)), payload
        if named:
            assert f"aiblog: posts/p{i:02}.md: description: " in warnings


# Each kind of bad input: (files or extra files, what the warning starts with).
BAD: dict[str, tuple[dict[str, str], dict[str, str], str]] = {
    "date": ({"posts/x.md": post(title="X", date="yesterday")}, {}, "posts/x.md: date: "),
    "no date": ({"posts/x.md": post(title="X", date=None)}, {}, "posts/x.md: date: missing"),
    "updated": ({"posts/x.md": post(title="X", updated="soon")}, {}, "posts/x.md: updated: "),
    "title": ({"posts/x.md": post(title=["a", "b"])}, {}, "posts/x.md: title: "),  # type: ignore[arg-type]
    "markup": ({"posts/x.md": post(title="<b>X</b>")}, {}, "posts/x.md: title: "),
    "description": (
        {"posts/x.md": post(title="X", description={"a": 1})},
        {},
        "posts/x.md: description: ",
    ),
    "authors": ({"posts/x.md": post(title="X", authors=["nobody"])}, {}, "posts/x.md: authors: "),
    "categories": (
        {"posts/x.md": post(title="X", categories={"a": 1})},
        {},
        "posts/x.md: categories: ",
    ),
    "tags": ({"posts/x.md": post(title="X", tags=[["a"]])}, {}, "posts/x.md: tags: "),
    "image": ({"posts/x.md": post(title="X", image="nowhere.png")}, {}, "posts/x.md: image: "),
    "image_alt": ({"posts/x.md": post(title="X", image_alt=[1])}, {}, "posts/x.md: image_alt: "),
    "draft": ({"posts/x.md": post(title="X", draft="perhaps")}, {}, "posts/x.md: draft: "),
    "subtitle": ({"posts/x.md": post(title="X", subtitle=["a"])}, {}, "posts/x.md: subtitle: "),
    "subtitle markup": (
        {"posts/x.md": post(title="X", subtitle="A <b>bold</b> claim")},
        {},
        "posts/x.md: subtitle: ",
    ),
    "image_caption": (
        {"posts/x.md": post(title="X", image_caption={"a": 1})},
        {},
        "posts/x.md: image_caption: ",
    ),
    "closing_emoji": (
        {"posts/x.md": post(title="X", closing_emoji="yes")},
        {},
        "posts/x.md: closing_emoji: ",
    ),
    "readtime": ({"posts/x.md": post(title="X", readtime=-3)}, {}, "posts/x.md: readtime: "),
    "popular": ({"posts/x.md": post(title="X", popular="very")}, {}, "posts/x.md: popular: "),
    "full_story url": (
        {"posts/x.md": post(title="X", full_story="javascript:alert(1)")},
        {},
        "posts/x.md: full_story.url: ",
    ),
    "full_story key": (
        {"posts/x.md": post(title="X", full_story={"url": "/a/", "colour": "red"})},
        {},
        "posts/x.md: full_story.colour: ",
    ),
    "block url": (
        {"posts/x.md": post(title="X", body="Lede.\n\n/// full-story\n    url: 'data:x'\n///\n")},
        {},
        "posts/x.md: full_story.url: ",
    ),
    "front matter yaml": (
        {"posts/x.md": "---\ntitle: [X\ndate: 2026-11-20\n---\n\nBody.\n"},
        {},
        "posts/x.md: front matter: line ",
    ),
    "front matter tab": (
        {"posts/x.md": "---\ntitle: X\n\tdate: 2026-11-20\n---\n\nBody.\n"},
        {},
        "posts/x.md: front matter: line ",
    ),
    "front matter end": (
        {"posts/x.md": "---\ntitle: X\ndate: 2026-11-20\n\nBody.\n"},
        {},
        "posts/x.md: front matter: no closing",
    ),
    "authors file": (
        {"posts/x.md": post(title="X"), "posts/.authors.yml": "authors: [1, 2\n"},
        {},
        "posts/.authors.yml: cannot be read: ",
    ),
    "authors url": (
        {
            "posts/x.md": post(title="X"),
            "posts/.authors.yml": "authors:\n  ada:\n    url: 'javascript:x'\n",
        },
        {},
        "posts/.authors.yml: authors.ada.url: ",
    ),
    "export header": (
        {"posts/x.md": post(title="X")},
        {"views.csv": "a,b,c\n1,2,3\n"},
        "views.csv: ",
    ),
    "export row": (
        {"posts/x.md": post(title="X")},
        {"views.csv": "path,views\n/posts/x/,many\n"},
        "views.csv: line 2: ",
    ),
}
EXPORT_CONFIG = {"plugins": [{"aiblog": {"popular": {"views_file": "views.csv"}}}]}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_each_bad_input_fails_strict_naming_the_file_and_key(tmp_path: Path, kind: str) -> None:
    files, extra, expected = BAD[kind]
    config = EXPORT_CONFIG if extra else None
    site = build_fails_strict(tmp_path, config=config, files=files, extra_files=extra)
    assert any(w.startswith(f"aiblog: {expected}") for w in site.warnings), site.warnings


def test_without_strict_every_bad_post_is_built_and_listed(tmp_path: Path) -> None:
    """One site holding every bad input: it builds, and no post is lost."""
    files: dict[str, str] = {"index.md": "# Home\n\n/// post-list\n///\n"}
    extra: dict[str, str] = {}
    for n, kind in enumerate(sorted(BAD)):
        kind_files, kind_extra, _ = BAD[kind]
        for name, text in kind_files.items():
            files[name.replace("posts/x.md", f"posts/bad-{n:02}.md")] = text
        extra.update(kind_extra)
    extra["views.csv"] = "path,views\n/posts/bad-00/,many\n/posts/bad-01/,3\n"
    config = {
        "plugins": [
            {"aiblog": {"navigation": {"per_page": 100}, "popular": {"views_file": "views.csv"}}}
        ]
    }
    site = build_site(tmp_path, config=config, files=files, extra_files=extra, check=True)
    listed = [str(link["href"]) for link in site.html("index.md").select(".aiblog-card__title a")]
    # `draft: perhaps` and an unreadable front matter may mean a draft: withheld, warned.
    withheld = {"draft", "front matter yaml", "front matter tab", "front matter end"}
    for n, kind in enumerate(sorted(BAD)):
        built = site.path(f"posts/bad-{n:02}.md").is_file()
        assert built != (kind in withheld), kind
        assert (f"posts/bad-{n:02}/" in listed) == built, kind
    # Undated posts (a bad date) come last.
    undated = {"date", "no date"}
    tail = {f"posts/bad-{n:02}/" for n, kind in enumerate(sorted(BAD)) if kind in undated}
    assert set(listed[-len(tail) :]) == tail
    assert len(listed) == len(set(listed)) == len(BAD) - len(withheld)


def test_docs_are_untouched_by_build_and_serve(tmp_path: Path) -> None:
    """`build_site` checks `docs/` for a build; a serve-style build is checked here."""
    config_file = hostile_project(tmp_path, PAYLOADS[:8])
    before = docs_hashes(tmp_path / "docs")
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)  # a rebuild
    finally:
        config.plugins.on_shutdown()
    assert docs_hashes(tmp_path / "docs") == before
    assert (Path(config.site_dir) / "posts/p07/index.html").is_file()


def test_a_block_option_comes_back_as_written() -> None:
    """Python-Markdown leaves `&colon;` unescaped in attributes; the slot must not decode it."""
    written = "a&colon;b &#106; &amp; & c"
    source = f"/// full-story\n    url: /a/\n    title: '{written}'\n///\n"
    html = markdown.markdown(
        source,
        extensions=["mkdocs_aiblog.blocks"],
        extension_configs={"mkdocs_aiblog.blocks": {"slots": True}},
    )
    _, values, _ = extract_slot(html)
    assert values is not None and values["title"] == written
