"""A draft never reaches the public site, however YAML lets its front matter say so.

The draft decision of ``on_files`` is taken on MkDocs' own reading of a post
(``File.content_string`` and ``mkdocs.utils.meta.get_data``), so it agrees with the
``page.meta`` that ``parse_post`` sees. Each spelling below is built with a real
``mkdocs build`` and checked where a draft could leak: its page, its text in
``search/search_index.json`` and its URL in ``sitemap.xml``. A ``draft`` value
that is not true or false, or a front matter that cannot be read, withholds the
post too, with one warning naming the file. ``mkdocs serve`` still shows them all.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from sitebuild import Site, build_site, capture_mkdocs_logs, require, write_project

from mkdocs_aiblog.site import files as sources

CONFIG: dict[str, Any] = {"site_url": "https://blog.example.com/", "plugins": ["search", "aiblog"]}

HEAD = "title: T\ndate: 2026-11-20\n"


def body(name: str) -> str:
    return f"\n# Heading\n\nSecret{name.replace('-', '')}Token in the text.\n"


def fm(lines: str, name: str) -> str:
    return f"---\n{lines}---\n{body(name)}"


# name -> (source, warns): every one of these is a draft (or may be one).
DRAFTS: dict[str, tuple[str | bytes, bool]] = {
    "comment": (fm(HEAD + "draft: true  # not ready yet\n", "comment"), False),
    "comment-only-line": (
        fm(HEAD + "# ready soon\ndraft: true # yes\n", "comment-only-line"),
        False,
    ),
    "double-quoted-key": (fm(HEAD + '"draft": true\n', "double-quoted-key"), False),
    "single-quoted-key": (fm(HEAD + "'draft': true\n", "single-quoted-key"), False),
    "escaped-key": (fm(HEAD + '"dr\\x61ft": true\n', "escaped-key"), False),
    "continued-key": (fm(HEAD + '"dr\\\n  aft": true\n', "continued-key"), False),
    "explicit-key": (fm(HEAD + "? draft\n: true\n", "explicit-key"), False),
    "flow": (fm("{title: T, date: 2026-11-20, draft: true}\n", "flow"), False),
    "anchor-value": (fm(HEAD + "ready: &r true\ndraft: *r\n", "anchor-value"), False),
    "anchor-key": (fm(HEAD + "k: &k draft\n*k : true\n", "anchor-key"), False),
    "merge": (fm(HEAD + "base: &b {draft: true}\n<<: *b\n", "merge"), False),
    "tagged": (fm(HEAD + "draft: !!bool true\n", "tagged"), False),
    "yes": (fm(HEAD + "draft: yes\n", "yes"), False),
    "Yes": (fm(HEAD + "draft: Yes\n", "Yes"), False),
    "on": (fm(HEAD + "draft: on\n", "on"), False),
    "ON": (fm(HEAD + "draft: ON\n", "ON"), False),
    "True": (fm(HEAD + "draft: True\n", "True"), False),
    "TRUE": (fm(HEAD + "draft: TRUE\n", "TRUE"), False),
    "multi-line": (fm(HEAD + "draft:\n  true\n", "multi-line"), False),
    "dots-end": (f"---\n{HEAD}draft: true\n...\n{body('dots-end')}", False),
    "bom": (("\ufeff" + fm(HEAD + "draft: true\n", "bom")).encode(), False),
    "crlf": (fm(HEAD + "draft: true\n", "crlf").replace("\n", "\r\n").encode(), False),
    "bom-crlf": (
        ("\ufeff" + fm(HEAD + "draft: yes\n", "bom-crlf")).replace("\n", "\r\n").encode(),
        False,
    ),
    # Not true or false: may be meant as a draft, so withheld, with a warning.
    "quoted-true": (fm(HEAD + 'draft: "true"\n', "quoted-true"), True),
    "folded": (fm(HEAD + "draft: >-\n  true\n", "folded"), True),
    "null": (fm(HEAD + "draft:\n", "null"), True),
    "number": (fm(HEAD + "draft: 1\n", "number"), True),
    "perhaps": (fm(HEAD + "draft: perhaps\n", "perhaps"), True),
    "multimarkdown": (f"Title: T\nDraft: true\n{body('multimarkdown')}", True),
}

# A front matter that cannot be read: withheld, one warning naming the file.
UNREADABLE: dict[str, str] = {
    "bad-yaml": fm("title: [T\ndate: 2026-11-20\n", "bad-yaml"),
    "bad-yaml-draft": fm("title: [T\ndraft: true\n", "bad-yaml-draft"),
    "tab": fm("title: T\n\tdraft: true\n", "tab"),
    "bad-date": fm("title: T\ndate: 2026-13-45\n", "bad-date"),
    "list": fm("- draft\n- true\n", "list"),
    "scalar": fm("just words\n", "scalar"),
    "unclosed": f"---\n{HEAD}draft: true\n{body('unclosed')}",
    "unclosed-no-draft": f"---\n{HEAD}{body('unclosed-no-draft')}",
}

# Spellings close to a draft that are not one: published, no draft warning.
PUBLISHED: dict[str, str] = {
    "false": fm(HEAD + "draft: false\n", "false"),
    "no": fm(HEAD + "draft: no\n", "no"),
    "Off": fm(HEAD + "draft: Off\n", "Off"),
    "commented-out": fm(HEAD + "# draft: true\n", "commented-out"),
    "in-a-value": fm(HEAD + "description: 'draft: true'\n", "in-a-value"),
    "nested": fm(HEAD + "full_story: {url: /, draft: true}\n", "nested"),
    "other-case": fm(HEAD + "Draft: true\n", "other-case"),
    "in-the-body": f"---\n{HEAD}---\n\ndraft: true\n{body('in-the-body')}",
    "escape-elsewhere": fm(HEAD + 'description: "a \\"quote\\""\n', "escape-elsewhere"),
}


def files_of(*groups: dict[str, Any]) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"index.md": "# Home\n\nWelcome.\n"}
    for group in groups:
        for name, value in group.items():
            files[f"posts/{name}.md"] = value[0] if isinstance(value, tuple) else value
    return files


def token(name: str) -> str:
    return f"Secret{name.replace('-', '')}Token"


def leaks(site: Site, name: str) -> list[str]:
    """Give where post `name` shows in the built site: its page, search text, sitemap URL."""
    found = []
    if site.path(f"posts/{name}.md").exists():
        found.append("page")
    index = (site.site_dir / "search/search_index.json").read_text(encoding="utf-8")
    if token(name).lower() in index.lower() or f"posts/{name}/" in index:
        found.append("search index")
    if f"/posts/{name}/<" in (site.site_dir / "sitemap.xml").read_text(encoding="utf-8"):
        found.append("sitemap")
    return found


def serve_build(root: Path, files: dict[str, str | bytes]) -> tuple[Path, list[str]]:
    """Build as `mkdocs serve` does (drafts included); give the site and the warnings."""
    config_file = write_project(root, config=CONFIG, files=files)
    config = load_config(config_file=str(config_file))
    with capture_mkdocs_logs() as logs:
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config, serve_url="http://127.0.0.1:8000/")
        finally:
            config.plugins.on_shutdown()
    return Path(config.site_dir), [msg for level, msg in logs if level == "WARNING"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """One `mkdocs build` of every spelling: drafts, unreadable and published posts."""
    root = tmp_path_factory.mktemp("drafts")
    return build_site(
        root, config=CONFIG, files=files_of(DRAFTS, UNREADABLE, PUBLISHED), check=True
    )


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_no_spelling_of_draft_is_published(site: Site, name: str) -> None:
    assert leaks(site, name) == []
    draft_warnings = [w for w in site.warnings if w.startswith(f"aiblog: posts/{name}.md: draft: ")]
    assert len(draft_warnings) == int(DRAFTS[name][1]), site.warnings
    if draft_warnings:
        assert "is not true or false; left out of `mkdocs build` like a draft" in draft_warnings[0]


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_an_unreadable_front_matter_is_withheld_with_one_warning(site: Site, name: str) -> None:
    assert leaks(site, name) == []
    mine = [w for w in site.warnings if w.startswith(f"aiblog: posts/{name}.md: front matter: ")]
    assert len(mine) == 1, site.warnings
    assert mine[0].endswith("left out of `mkdocs build` like a draft")
    assert "\n" not in mine[0]


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_what_is_not_a_draft_is_published(site: Site, name: str) -> None:
    assert leaks(site, name) == ["page", "search index", "sitemap"]
    assert not [w for w in site.warnings if w.startswith(f"aiblog: posts/{name}.md: draft")]


def test_an_empty_front_matter_says_no_draft(tmp_path: Path) -> None:
    files = files_of({"empty": fm("\n", "empty")})
    built = build_site(tmp_path, config=CONFIG, files=files, check=True)
    assert leaks(built, "empty") == ["page", "search index", "sitemap"]


def test_serve_shows_every_draft_as_mkdocs_shows_drafts_and_warns_once(tmp_path: Path) -> None:
    files = files_of(DRAFTS, UNREADABLE)
    site_dir, warnings = serve_build(tmp_path, files)
    for name in [*DRAFTS, *UNREADABLE]:
        page = site_dir / f"posts/{name}/index.html"
        assert page.is_file(), name
        assert "mkdocs-draft-marker" in page.read_text(encoding="utf-8"), name
    for name in DRAFTS:  # the aiblog byline's mark, where the front matter was read
        html = (site_dir / f"posts/{name}/index.html").read_text(encoding="utf-8")
        assert "aiblog-byline__draft" in html, name
    # on_files and on_page_markdown both see these posts: still one line each.
    for name in [*[n for n, (_, warns) in DRAFTS.items() if warns], *UNREADABLE]:
        mine = [w for w in warnings if w.startswith(f"aiblog: posts/{name}.md: ")]
        withheld = [w for w in mine if w.endswith("like a draft")]
        assert len(withheld) == 1, (name, mine)


def test_a_draft_only_another_plugin_declares_is_still_left_out(tmp_path: Path) -> None:
    """`page.meta` is what counts: a hook's `draft: true` (like a `.meta.yml`) withholds it."""
    hook = (
        "from mkdocs.plugins import event_priority\n\n"
        "@event_priority(100)\n"
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    if page.file.src_uri == 'posts/late.md':\n"
        "        page.meta['draft'] = True\n"
    )
    config = {**CONFIG, "hooks": ["hook.py"]}
    files = files_of({"late": fm(HEAD, "late"), "kept": fm(HEAD, "kept")})
    built = build_site(
        tmp_path, config=config, files=files, extra_files={"hook.py": hook}, check=True
    )
    assert leaks(built, "late") == []
    assert leaks(built, "kept") == ["page", "search index", "sitemap"]


def test_a_post_withheld_late_stays_out_of_the_rss_feed(tmp_path: Path) -> None:
    """An unreadable front matter is found as MkDocs reads the page, before the feed's turn."""
    require("mkdocs_rss_plugin")
    rss = {"rss": {"match_path": "posts/.*", "use_git": False}}
    config = {**CONFIG, "plugins": ["search", "aiblog", rss]}
    files = files_of({"kept": fm(HEAD, "kept"), "broken": UNREADABLE["bad-yaml"]})
    built = build_site(tmp_path, config=config, files=files, check=True)
    feed = (built.site_dir / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "posts/kept/" in feed
    assert "posts/broken/" not in feed and token("bad-yaml") not in feed
    assert leaks(built, "broken") == []


def test_a_draft_is_read_as_mkdocs_reads_it_even_in_memory() -> None:
    """A file another plugin generated (no path, `content_string` only) is read too."""
    for text, expected in [
        ("---\ndraft: yes\n---\nBody.\n", (True, None)),
        ("---\ndescription: x\n---\nBody.\n", (False, None)),
        ("Draft: no\n\nBody.\n", (True, "draft: 'no' is not true or false; left out")),
    ]:
        file = cast("Any", type("F", (), {"content_string": text})())
        withheld, problem = sources.draft_reading(file)
        assert withheld == expected[0]
        assert (problem or "").startswith(expected[1] or "")


# -- property-based ---------------------------------------------------------------------

TRUE_VALUES = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "!!bool true"]
FALSE_VALUES = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "!!bool false"]
MAYBE_VALUES = ['"true"', "'yes'", "~", "null", "", "1", "0", "[true]", "perhaps", ">-\n  true"]
KEYS = ["draft", '"draft"', "'draft'", '"dr\\x61ft"', '"\\u0064raft"', "!!str draft"]


@st.composite
def draft_posts(draw: st.DrawFn) -> tuple[str, bool]:
    """A post whose front matter spells `draft` some way YAML allows; and whether it is one."""
    kind = draw(st.sampled_from(["true", "false", "maybe"]))
    pool = {"true": TRUE_VALUES, "false": FALSE_VALUES, "maybe": MAYBE_VALUES}[kind]
    value = draw(st.sampled_from(pool))
    key = draw(st.sampled_from(KEYS))
    comment = draw(st.sampled_from(["", "  # not ready yet", " #"]))
    style = draw(st.sampled_from(["block", "flow", "anchor", "multi-line", "explicit", "merge"]))
    single_line = "\n" not in value
    if style == "flow" and single_line and value:
        lines = f"{{title: T, date: 2026-11-20, {key}: {value}}}{comment}\n"
    elif style == "anchor" and single_line and value:
        lines = f"{HEAD}flag: &f {value}\n{key}: *f{comment}\n"
    elif style == "multi-line" and single_line and value:
        lines = f"{HEAD}{key}:{comment}\n  {value}\n"
    elif style == "explicit" and single_line:
        lines = f"{HEAD}? {key}\n: {value}{comment}\n"
    elif style == "merge" and single_line and value:
        lines = f"{HEAD}base: &b {{{key}: {value}}}\n<<: *b{comment}\n"
    else:
        lines = f"{HEAD}{key}: {value}{comment}\n"
    before = draw(st.sampled_from(["", "tags: [a, b]\n", "description: >\n  Words.\n"]))
    if lines.startswith("{"):
        before = ""  # a flow mapping is the whole front matter
    return f"---\n{before}{lines}---\n", kind != "false"


def encoded(text: str, *, bom: bool, crlf: bool) -> bytes:
    if crlf:
        text = text.replace("\n", "\r\n")
    return (("\ufeff" if bom else "") + text).encode()


@pytest.mark.slow
@settings(
    derandomize=True,
    deadline=None,
    max_examples=20,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(draft_posts(), st.booleans(), st.booleans()), min_size=6, max_size=6))
def test_no_generated_draft_reaches_the_site(
    tmp_path: Path, posts: list[tuple[tuple[str, bool], bool, bool]]
) -> None:
    """One build of six generated spellings: each draft is nowhere, each non-draft is there."""
    files: dict[str, str | bytes] = {"index.md": "# Home\n"}
    expected = {}
    for n, ((front, is_draft), bom, crlf) in enumerate(posts):
        name = f"p{n}"
        files[f"posts/{name}.md"] = encoded(front + body(name), bom=bom, crlf=crlf)
        expected[name] = is_draft
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    built = build_site(root, config=CONFIG, files=files, check=True)
    for name, is_draft in expected.items():
        source = files[f"posts/{name}.md"]
        where = leaks(built, name)
        assert where == ([] if is_draft else ["page", "search index", "sitemap"]), source


@settings(derandomize=True, deadline=None, max_examples=400)
@given(draft_posts())
def test_the_draft_reading_agrees_with_mkdocs(post: tuple[str, bool]) -> None:
    """`draft_reading` withholds exactly what MkDocs' `page.meta` makes a draft (no build)."""
    front, is_draft = post
    text = front + "\n# Heading\n"
    _, meta = get_data(text)
    assert ("draft" in meta and meta["draft"] is not False) == is_draft, text
    file = cast("Any", type("F", (), {"content_string": text})())
    assert sources.draft_reading(file)[0] == is_draft, text


@settings(derandomize=True, deadline=None, max_examples=400)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["d", "r", "a", "f", "t", "draft", ":", " ", "\n", "'", '"', "&", "*"]),
            st.sampled_from(["?", "{", "}", "[", "]", ",", "!", "#", "-", "x", "true", "<<", "  "]),
        ),
        max_size=30,
    ).map("".join)
)
def test_a_front_matter_without_the_word_draft_never_holds_one(block: str) -> None:
    """The shortcut of `draft_reading` (no `draft` written, no backslash) loses no draft."""
    text = f"---\n{block}\n---\nBody.\n"
    _, meta = get_data(text)  # MkDocs' reading: {} when the YAML is not a mapping
    file = cast("Any", type("F", (), {"content_string": text})())
    withheld, _ = sources.draft_reading(file)
    if "draft" in meta:
        assert "draft" in block
    if meta.get("draft", False) is not False:
        assert withheld, block
    elif meta:
        assert not withheld, block
