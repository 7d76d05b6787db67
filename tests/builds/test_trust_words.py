"""Words from `mkdocs.yml` are text, never markup or templates; the `authors_file` option.

- **Hostile words**: each payload goes into EVERY key of the words table; a site that
  shows every part (post list with a second page, archive, popular list, byline,
  full-story card, newer/older links, share links) is built with the payloads and with plain
  words, and each page of one is compared with the same page of the other: the
  same elements and attribute names (nothing the payload would create), no `on*`
  attribute, and each word found as literal text (`<title>`, header, H1, the
  parts, the `aria-label`s) and never rendered by Jinja (`{{ 7*7 }}` stays).
- **Format fields**: only the documented `{name}` fields are filled in; any other
  field is one warning naming `mkdocs.yml: aiblog: words: <key>` and the field, the
  default word is shown, and `--strict` fails.
- **authors_file**: `{posts_dir}` and Material's `{blog}`; any other placeholder, and
  a path outside `docs/`, is one warning naming the option and no authors are read.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuild import PNG, Site, build_fails_strict, build_site, post, skip_or_fail

from mkdocs_aiblog.core.authors import authors_path
from mkdocs_aiblog.core.tables import ENGLISH
from mkdocs_aiblog.core.words import FIELDS, check_words

# -- Hostile words ------------------------------------------------------------------

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "' onfocus='alert(1)' autofocus='",
    "Q&A &amp; &lt;b&gt; &#60;i&#62; <!-- x",
    "*em* _u_ `code` [x](https://evil.example/) ![i](x.png) ~~del~~ ==m== ^^i^^ :rocket:",
    "$x$ \\(y\\) https://evil.example/x <https://evil.example/> {: .evil } # h",
    "{{ 7*7 }} {% if true %}yes{% endif %} {# c #} {{ config.site_name }} ${7*7}",
]
SHOWN_KEYS = sorted(set(ENGLISH) - {"draft", "list.empty", "comments.noscript"})
"""Keys a build shows: a draft's badge shows only under `mkdocs serve` (its template
escapes it like the others), the empty list's sentence only without posts
(`test_the_empty_list_word_is_escaped`), Isso's no-JavaScript sentence only with Isso
(the site has giscus comments, in the same partial)."""


def _word(key: str, payload: str) -> str:
    """Give the word of `key`: its documented fields, the payload, and a tag naming it."""
    fields = " ".join(f"{{{name}}}" for name in sorted(FIELDS.get(key, ())))
    return f"{fields} {payload} K{sorted(ENGLISH).index(key):02d}".strip()


def _filled(key: str, payload: str, **values: object) -> str:
    text = _word(key, payload)
    for name, value in values.items():
        text = text.replace(f"{{{name}}}", str(value))
    return text


HOME = "/// post-list\n///\n"
"""The list page has no title of its own: its further pages take `list.title`."""


def _blog(words: dict[str, str]) -> dict[str, Any]:
    return {
        "site_url": "https://example.org/",  # the share links need it
        "plugins": [
            "search",
            {
                "aiblog": {
                    "words": words,
                    "navigation": {"per_page": 2, "archive": True},
                    "comments": {
                        "provider": "giscus",
                        "load": "click",  # the button and its notice show
                        "giscus": {"repo": "a/b", "repo_id": "R_1", "category_id": "DIC_1"},
                    },
                }
            },
        ],
    }


def _posts() -> dict[str, str | bytes]:
    story = {"url": "https://example.com/original", "source": "The Verge"}
    files: dict[str, str | bytes] = {
        "index.md": HOME,
        "posts/.authors.yml": "authors:\n  ada:\n    name: Ada Quill\n",
        "posts/img.png": PNG,
    }
    for number in range(1, 4):
        files[f"posts/p{number}.md"] = post(
            title=f"Post {number}",
            date=f"2026-11-{10 + number}",
            updated="2026-11-25",
            authors=["ada"],
            categories=["Industry"],
            tags=["OpenAI"],
            full_story=story,
            series="Series",  # every series word shows on p2
        )
    files["posts/undated.md"] = post(title="Undated post", date=None)
    return files


UNDATED = "aiblog: posts/undated.md: date: missing; a post needs the date it was published"
"""The one warning of the site: its undated post shows `archive.undated`."""


def _shape(soup: BeautifulSoup) -> tuple[Counter[str], Counter[str]]:
    """Give the page's elements and attribute names, counted."""
    tags: Counter[str] = Counter()
    attrs: Counter[str] = Counter()
    for element in soup.find_all(True):
        tags[element.name] += 1
        attrs.update(f"{element.name}@{name}" for name in element.attrs)
    return tags, attrs


def _texts(soup: BeautifulSoup) -> str:
    """Give every text and attribute value of a page, one a line."""
    values = [str(text) for text in soup.find_all(string=True)]
    for element in soup.find_all(True):
        for value in element.attrs.values():
            values.extend(value if isinstance(value, list) else [value])
    return "\n".join(values)


def _pages(site: Site) -> dict[str, BeautifulSoup]:
    return {
        path.relative_to(site.site_dir).as_posix(): BeautifulSoup(
            path.read_text(encoding="utf-8"), "html.parser"
        )
        for path in sorted(site.site_dir.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    words = {key: _word(key, "Plain words") for key in ENGLISH}
    site = build_site(tmp_path_factory.mktemp("plain"), config=_blog(words), files=_posts())
    assert site.warnings == [UNDATED], site.logs
    return _pages(site)


@pytest.mark.slow
@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_words_are_text_on_every_page(
    tmp_path: Path, payload: str, plain_site: dict[str, BeautifulSoup]
) -> None:
    words = {key: _word(key, payload) for key in ENGLISH}
    site = build_site(tmp_path, config=_blog(words), files=_posts())
    assert site.warnings == [UNDATED], site.logs
    pages = _pages(site)
    assert pages.keys() == plain_site.keys()
    assert {"archive/index.html", "page/2/index.html", "posts/p2/index.html"} <= pages.keys()
    for name, soup in pages.items():
        assert _shape(soup) == _shape(plain_site[name]), name
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (name, element)
        assert "49" not in soup.get_text(), name  # no Jinja rendered `{{ 7*7 }}`
    seen = "\n".join(_texts(soup) for soup in pages.values())
    for key in SHOWN_KEYS:
        values = {"minutes": 1, "page": 2, "pages": 2, "source": "The Verge", "network": "Bluesky"}
        values |= {"part": 2, "parts": 3, "series": "Series"}
        values |= {"provider": "giscus", "host": "giscus.app"}
        assert _filled(key, payload, **values) in seen, key

    # The generated pages' titles, where Material prints them raw.
    archive_word = words["archive.title"]
    archive = pages["archive/index.html"]
    assert archive.title is not None and archive.title.get_text() == f"{archive_word} - Test site"
    assert _text(archive, ".md-header__topic:last-child .md-ellipsis") == archive_word
    assert _text(archive, "article h1") == archive_word
    second = pages["page/2/index.html"]
    heading = _filled("list.title", payload)
    position = _filled("list.page", payload, page=2, pages=2)
    assert second.title is not None
    assert second.title.get_text() == f"{heading} – {position} - Test site"
    assert _text(second, ".md-header__topic:last-child .md-ellipsis") == f"{heading} – {position}"
    assert _text(second, "article h1") == heading
    # Not in the navigation, and not in the search index, whose titles are HTML.
    for soup in pages.values():
        nav = soup.select_one(".md-nav--primary")
        assert nav is None or payload not in nav.get_text()
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        assert payload not in doc["title"] and payload not in doc["text"]


def _text(soup: BeautifulSoup, selector: str) -> str:
    element = soup.select_one(selector)
    assert isinstance(element, Tag), selector
    return " ".join(element.get_text(" ", strip=True).split()).removesuffix(" ¶")


@pytest.mark.slow
def test_the_empty_list_word_is_escaped(tmp_path: Path) -> None:
    payload = PAYLOADS[0]
    words = {"list.empty": payload}
    site = build_site(tmp_path, config=_blog(words), files={"index.md": HOME}, strict=True)
    assert site.ok, site.logs
    empty = site.html("").select_one(".aiblog-post-list__empty")
    assert empty is not None and empty.get_text() == payload
    assert site.html("").select("img") == []


# -- Format fields --------------------------------------------------------------------

BAD_FIELDS = [
    ("{minutes[0]}", "{minutes[0]}"),
    ("{minutes.x}", "{minutes.x}"),
    ("{page.x}", "{page.x}"),
    ("{0}", "{0}"),
    ("{}", "{}"),
    ("{minutes!r}", "{minutes!r}"),
    ("{minutes:>99999999}", "{minutes:>99999999}"),  # refused before anything is formatted
    ("{minutes.__class__.__init__.__globals__}", "{minutes.__class__.__init__.__globals__}"),
    ("Page {", "{"),
    ("Page {page of", "{page"),
    ("{x}", "{x}"),
]


@pytest.mark.parametrize("key", sorted(ENGLISH))
@pytest.mark.parametrize(("text", "field"), BAD_FIELDS)
def test_an_undocumented_field_is_refused(key: str, text: str, field: str) -> None:
    documented = " ".join(f"{{{name}}}" for name in sorted(FIELDS.get(key, ())))
    good, problems = check_words({key: f"{documented} {text}"})
    assert good == {}
    assert len(problems) == 1
    assert problems[0].startswith(f"mkdocs.yml: aiblog: words: {key}: {field!r} ")


@pytest.mark.parametrize(
    "text",
    [
        "{{ 7*7 }}",
        "{% raw %}x{% endraw %}",
        "{# note #}",
        "{ spaced }",
        "{: .attr }",
        "${7*7}",
        "{7*7}",
        "curly } alone",
        "a {{x}} b",
        "plain",
    ],
)
def test_braces_that_open_no_field_are_text(text: str) -> None:
    for key in ENGLISH:
        assert check_words({key: text}) == ({key: text}, [])


def test_the_documented_fields_are_accepted() -> None:
    overrides = {key: " ".join(f"{{{name}}}" for name in names) for key, names in FIELDS.items()}
    assert check_words(overrides) == (overrides, [])


# One bad override per key, so one build checks each is named and replaced.
BAD_OVERRIDES = {
    "byline.readtime": "{minutes[0]} min",
    "list.page": "{page.x} of {pages}",
    "full_story.source": "via {0}",
    "popular.title": "{} favourites",
    "nav.newer": "{minutes!r}",
    "nav.older": "{minutes:>99999999}",
    "full_story.button": "Read {",
    "archive.title": "{page.__class__}",
}


@pytest.mark.slow
def test_a_bad_override_warns_once_and_the_default_word_is_shown(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=_blog(BAD_OVERRIDES), files=_posts())
    assert site.ok, site.logs
    for key in BAD_OVERRIDES:
        named = [
            w for w in site.warnings if w.startswith(f"aiblog: mkdocs.yml: aiblog: words: {key}:")
        ]
        assert len(named) == 1, (key, site.warnings)
    assert len(site.warnings) == len(BAD_OVERRIDES) + 1  # and UNDATED
    page = site.html("posts/p2/")
    assert "1 min read" in page.select_one(".aiblog-byline").get_text()  # type: ignore[union-attr]
    story = page.select_one(".aiblog-full-story")
    assert story is not None and "Read the full article" in story.get_text()
    assert "on The Verge" in story.get_text()
    assert "Popular posts from this blog" in page.get_text()
    older_newer = page.select_one(".aiblog-newer-older")
    assert older_newer is not None and "Newer post" in older_newer.get_text()
    assert site.html("archive/").title.get_text() == "Archive - Test site"  # type: ignore[union-attr]
    assert site.html("page/2/").title.get_text() == "Latest posts – Page 2 of 2 - Test site"  # type: ignore[union-attr]
    strict = build_fails_strict(tmp_path / "strict", config=_blog(BAD_OVERRIDES), files=_posts())
    assert any("words: byline.readtime: '{minutes[0]}'" in w for w in strict.warnings)


# -- authors_file ---------------------------------------------------------------------

AUTHORS = "authors:\n  ada:\n    name: Ada Quill\n"
NO_AUTHOR = "aiblog: posts/p.md: authors: 'ada' is not in the authors file (no authors file)"
"""What follows a refused file: the post names an author that is not known."""


def _authors_site(tmp_path: Path, option: str, **kwargs: Any) -> Site:
    files = {
        "posts/p.md": post(title="P", authors=["ada"]),
        "posts/.authors.yml": AUTHORS,
        "team/authors.yml": AUTHORS,
    }
    config = {"plugins": [{"aiblog": {"authors_file": option}}]}
    return build_site(tmp_path, config=config, files=files, **kwargs)


@pytest.mark.parametrize(
    "option",
    [
        "{posts_dir}/.authors.yml",
        "{blog}/.authors.yml",
        "posts/../posts/.authors.yml",
        "team/authors.yml",
    ],
)
def test_authors_file_placeholders_and_paths_inside_docs(tmp_path: Path, option: str) -> None:
    site = _authors_site(tmp_path, option, strict=True)
    assert site.ok, site.logs
    assert "Ada Quill" in site.html("posts/p.md").select_one(".aiblog-byline").get_text()  # type: ignore[union-attr]


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize(
    "option",
    ["{0}/.authors.yml", "{x.y}/.authors.yml", "{/.authors.yml", "{posts_dir.x}", "{}", "x}.yml"],
)
def test_authors_file_with_another_placeholder_warns(tmp_path: Path, option: str) -> None:
    site = _authors_site(tmp_path, option)
    assert site.ok, site.logs
    assert site.warnings == [
        f"aiblog: mkdocs.yml: aiblog: authors_file: {option!r} has a placeholder other than"
        " {posts_dir} or {blog}; no authors are read",
        NO_AUTHOR,
    ]
    assert "Ada Quill" not in site.text("posts/p.md")
    build_fails_strict(
        tmp_path / "strict", config={"plugins": [{"aiblog": {"authors_file": option}}]}
    )


def _outside(tmp_path: Path) -> list[str]:
    outside = tmp_path / "outside.yml"
    outside.parent.mkdir(parents=True, exist_ok=True)
    outside.write_text(AUTHORS, encoding="utf-8")
    return ["../outside.yml", "posts/../../outside.yml", str(outside), "/etc/hostname", "C:\\x.yml"]


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize("which", range(5))
def test_authors_file_outside_docs_is_refused(tmp_path: Path, which: int) -> None:
    option = _outside(tmp_path)[which]
    site = _authors_site(tmp_path, option)
    assert site.ok, site.logs
    assert site.warnings == [
        f"aiblog: mkdocs.yml: aiblog: authors_file: {option!r} is outside docs/;"
        " no authors are read",
        NO_AUTHOR,
    ]
    assert "Ada Quill" not in site.text("posts/p.md")


def test_a_posts_dir_outside_docs_takes_its_authors_file_out_too() -> None:
    assert authors_path("{posts_dir}/.authors.yml", "../elsewhere")[0] is None
    assert authors_path("{blog}/.authors.yml", "blog") == ("blog/.authors.yml", [])


def test_a_symlink_inside_docs_is_followed_as_mkdocs_follows_it(tmp_path: Path) -> None:
    if not hasattr(os, "symlink"):
        skip_or_fail("no symlinks on this machine")
    shared = tmp_path / "shared" / "authors.yml"
    shared.parent.mkdir(parents=True)
    shared.write_text(AUTHORS, encoding="utf-8")
    files = {"posts/p.md": post(title="P", authors=["ada"])}
    site_root = tmp_path / "site-project"
    (site_root / "docs" / "posts").mkdir(parents=True)
    (site_root / "docs" / "posts" / ".authors.yml").symlink_to(shared)
    site = build_site(site_root, files=files, strict=True)
    assert site.ok, site.logs
    assert "Ada Quill" in site.text("posts/p.md")
