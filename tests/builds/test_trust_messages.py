"""Every message that quotes input is short and one plain line, whatever the input.

Huge values (1 MB strings, YAML aliases nested into a billion items, values that
contain themselves), control and format characters, and files PyYAML cannot
construct (`2026-02-30`, deep nesting) each give bounded warnings, never a
traceback, and cost no more than a small value.
"""

from __future__ import annotations

import io
import time
import xml.etree.ElementTree as etree
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitebuild import build_site, post

from mkdocs_aiblog.core.authors import load_authors, parse_authors
from mkdocs_aiblog.core.frontmatter import parse_post
from mkdocs_aiblog.core.fullstory import Defaults, extract_slot, parse_full_story
from mkdocs_aiblog.core.posts import Author
from mkdocs_aiblog.core.slots import full_story_attributes as slot_attributes
from mkdocs_aiblog.core.text import clean, listed, shown
from mkdocs_aiblog.popular.exports import parse_export
from mkdocs_aiblog.site.files import front_matter_problem

LONGEST = 300
"""The longest message a core may give (the plugin adds the file name)."""

# Each class of character a log line must not carry raw.
CONTROLS = (
    [chr(c) for c in range(0x20)]  # C0, newline and tab included
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]  # C1
    + ["\u200b", "\u200e", "\u200f", "\u061c", "\ufeff"]  # format
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
    + ["\u2028", "\u2029", "\U000e0001"]
)
CONTROL_TEXT = "a" + "".join(CONTROLS) + "b"


def laughs(levels: int = 30) -> list[Any]:
    """Give nested lists of 9**levels leaves, sharing their parts as YAML aliases do."""
    value: list[Any] = ["lol"] * 9
    for _ in range(levels):
        value = [value] * 9
    return value


def itself() -> dict[str, Any]:
    loop: dict[str, Any] = {"a": [1]}
    loop["a"].append(loop)
    return loop


def deep(levels: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(levels):
        value = [value]
    return value


HUGE = [
    "x" * 1_000_000,
    b"\x00\xff" * 500_000,
    laughs(),
    {f"k{i}": laughs(5) for i in range(1000)},
    itself(),
    10**4000,
    deep(10_000),
    {("a" * 1_000_000): "b"},
    CONTROL_TEXT,
    [CONTROL_TEXT] * 1000,
    datetime(2026, 2, 28, 10, 30),
]
"""Values cheap to make and expensive to print in full."""


def assert_plain(messages: list[str] | tuple[object, ...], longest: int = LONGEST) -> None:
    """Each message is short and one line with no control or format character."""
    for message in messages:
        text = str(message)
        assert len(text) <= longest, text[:500]
        assert text.isprintable(), ascii(text[:500])


def assert_quick(started: float, seconds: float = 2.0) -> None:
    assert time.perf_counter() - started < seconds


# -- the quoting functions ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "ada",
        "it's",
        'say "hi"',
        "tab\there",
        "\u202eevil",
        b"\x00ab",
        12,
        -3.5,
        True,
        None,
        date(2026, 2, 28),
        datetime(2026, 2, 28, 10, 30),
        [],
        {},
        set(),
        frozenset({1}),
        (1,),
        (1, 2),
        {"ada": 1, "b": [1, {"c": None}]},
        {1, 2},
        "x" * 100,
        list(range(50)),
    ],
)
def test_a_value_is_shown_as_repr_writes_it_cut_to_80(value: object) -> None:
    written = repr(value)
    expected = written if len(written) <= 80 else written[:77] + "..."
    assert shown(value) == expected


@pytest.mark.parametrize("number", range(len(HUGE)))
def test_a_huge_value_is_shown_quickly_and_briefly(number: int) -> None:
    started = time.perf_counter()
    written = shown(HUGE[number])
    assert_quick(started, 0.5)
    assert_plain([written], 80)


def test_a_value_that_contains_itself_is_shown_as_repr_shows_it() -> None:
    loop: list[Any] = []
    loop.append(loop)
    assert shown(loop) == repr(loop) == "[[...]]"


def test_clean_escapes_every_control_and_format_character() -> None:
    cleaned = clean(CONTROL_TEXT, 10_000)
    assert cleaned.isprintable()
    assert cleaned.startswith("a\\x00\\x01") and cleaned.endswith("b")
    assert clean("a\nb") == "a\\nb" and clean("\u202e") == "\\u202e"
    assert clean("plain text, unchanged") == "plain text, unchanged"
    assert clean(clean(CONTROL_TEXT)) == clean(CONTROL_TEXT)  # once is enough


def test_a_list_of_names_is_cut() -> None:
    assert listed(["a", "b"]) == "a, b"
    started = time.perf_counter()
    written = listed(f"member-{n}.csv" * 1000 for n in range(50_000))
    assert_quick(started, 0.5)
    assert_plain([written], 120)


# -- front matter ---------------------------------------------------------------------------

KEYS = (
    "date",
    "updated",
    "title",
    "description",
    "authors",
    "categories",
    "tags",
    "image",
    "image_alt",
    "draft",
    "readtime",
    "popular",
)
ADA = Author(key="ada", name="Ada")


def parse(meta: dict[Any, Any], authors: dict[str, Author] | None = None) -> list[str]:
    started = time.perf_counter()
    _, problems = parse_post(
        meta,
        src_uri="posts/x.md",
        url="posts/x/",
        title="X",
        authors={"ada": ADA} if authors is None else authors,
        resolve_file=lambda path: None,
    )
    assert_quick(started)
    return problems


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("number", range(len(HUGE)))
def test_every_front_matter_key_quotes_a_huge_value_briefly(key: str, number: int) -> None:
    problems = parse({"date": date(2026, 2, 28), key: HUGE[number]})
    assert_plain(problems)


@pytest.mark.parametrize("key", ["authors", "tags", "categories"])
@pytest.mark.parametrize("number", range(len(HUGE)))
def test_every_item_of_a_name_list_is_quoted_briefly(key: str, number: int) -> None:
    assert_plain(parse({"date": date(2026, 2, 28), key: [HUGE[number], "ok"]}))


def test_an_unknown_author_of_a_megabyte_is_quoted_briefly() -> None:
    many = {f"author-{n}" * 50: ADA for n in range(10_000)}
    problems = parse({"date": date(2026, 2, 28), "authors": ["b" * 1_000_000]}, many)
    assert len(problems) == 1
    assert problems[0].startswith("authors: 'bbbb")
    assert "is not in the authors file (known: author-0" in problems[0]
    assert_plain(problems)


def test_a_front_matter_key_of_a_megabyte_is_not_quoted() -> None:
    assert_plain(parse({"date": date(2026, 2, 28), "k" * 1_000_000: CONTROL_TEXT}))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("title: X\ndate: 2026-02-30\n", "front matter: line 3: not valid YAML (day is out of"),
        ("title: X\nn: " + "1" * 5000 + "\n", "front matter: line 3: not valid YAML (Exceeds the"),
        ("x: " + "[" * 100_000 + "\n", "front matter: "),  # too deep: libyaml or Python says
        ("x: *" + "a" * 100_000 + "\n", "front matter: line 2: not valid YAML (found undefined"),
        ("x: [1, 2\n", "front matter: line 3: not valid YAML ("),
    ],
)
def test_an_unreadable_front_matter_says_the_line_and_reason_briefly(
    source: str, expected: str
) -> None:
    problem = front_matter_problem(f"---\n{source}---\n\nBody.\n")
    assert problem is not None and problem.startswith(expected), problem
    assert_plain([problem])


# -- the authors file -----------------------------------------------------------------------

BAD_AUTHORS = {
    "impossible date": ("authors:\n  ada:\n    name: Ada\n    joined: 2026-02-30\n", "line 4: "),
    "impossible time": ("authors:\n  ada:\n    joined: 2026-02-28 10:00:00+99:00\n", "line 3: "),
    "huge number": ("authors:\n  ada:\n    n: " + "9" * 5000 + "\n", "line 3: "),
    "deep": ("authors:\n  ada:\n    n: " + "[" * 100_000 + "\n", ""),
    "deep mapping": ("authors:\n  ada: " + "{a: " * 20_000 + "\n", ""),
    "deep aliases": (
        "a0: &a0 []\n"
        + "".join(f"a{n}: &a{n} [*a{n - 1}]\n" for n in range(1, 5000))
        + "authors:\n  ada: {name: A, joined: 2026-02-30, deep: *a4999}\n",
        "line 5002: ",
    ),
    "bad base64": ("authors:\n  ada:\n    avatar: !!binary 'abc'\n", "line 3: "),
    "unhashable key": ("authors:\n  ? [a]\n  : {name: A}\n", "line 2: "),
    "unknown tag": ("authors:\n  ada: !!python/name:os.system x\n", "line 2: "),
    "syntax": ("authors: [1, 2\n", "line 2: "),
    "huge alias": ("authors:\n  ada: *" + "a" * 1_000_000 + "\n", "line 2: "),
    "control characters": ("authors:\n  ada: [\x1b]\n", "line 2: "),
    "bad utf-8": (b"authors:\n  ada: \xff\xfe\n", ""),
}


@pytest.mark.parametrize("kind", sorted(BAD_AUTHORS))
def test_an_unreadable_authors_file_is_one_short_warning_with_its_line(
    tmp_path: Path, kind: str
) -> None:
    source, where = BAD_AUTHORS[kind]
    path = tmp_path / ".authors.yml"
    path.write_bytes(source if isinstance(source, bytes) else source.encode())
    started = time.perf_counter()
    authors, problems = load_authors(path, name="posts/.authors.yml", resolve_file=lambda p: p)
    assert_quick(started, 5)
    assert authors == {}
    assert len(problems) == 1
    assert problems[0].startswith(f"posts/.authors.yml: cannot be read: {where}"), problems
    assert problems[0].endswith("; no authors are used")
    assert_plain(problems)


@pytest.mark.parametrize("number", range(len(HUGE)))
def test_every_authors_field_quotes_a_huge_value_briefly(number: int) -> None:
    value = HUGE[number]
    entry = {"name": value, "description": value, "avatar": value, "url": value}
    data = {"authors": {"ada": entry, "k" * 1_000_000: entry, CONTROL_TEXT: {"url": value}}}
    started = time.perf_counter()
    authors, problems = parse_authors(data, name="posts/.authors.yml", resolve_file=lambda p: None)
    assert_quick(started)
    assert "ada" in authors  # the entry stays, without its bad fields
    assert_plain(problems)


def test_an_authors_file_with_aliases_is_read_quickly_with_short_warnings(tmp_path: Path) -> None:
    path = tmp_path / ".authors.yml"
    path.write_text(BILLION_LAUGHS + "authors:\n  ada: {name: *a8, url: *a8}\n  bob: *a8\n")
    started = time.perf_counter()
    authors, problems = load_authors(path, name="posts/.authors.yml", resolve_file=lambda p: p)
    assert_quick(started)
    assert list(authors) == ["ada"]
    assert len(problems) == 3
    assert_plain(problems)


# -- analytics exports ----------------------------------------------------------------------


def zipped(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        zipped([f"export-{n:05}-{'x' * 40}.csv" for n in range(50_000)]),
        b"\x01\x02\x1b[31m\xff\xfe\x00," * 100_000 + b"\n/a/,1\n",
        b"path,views\n" + b"/a/," + b"9" * 1_000_000 + b"x\n",
        b"path,views,date\n/a/,1," + b"\x1b\xe2\x80\xae" * 300_000 + b"\n",
        b'{"' + b"/\\u202e" * 300_000 + b'": "many"}',
        b'{"/a/": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b"path,views\n" + b'"' + b"a" * 200_000 + b"\n",
        b"\x1f\x8b" + b"\x00" * 100,
    ],
    ids=["zip names", "binary header", "huge count", "bad date", "json", "deep json", "csv", "gz"],
)
def test_every_export_problem_is_short(data: bytes) -> None:
    started = time.perf_counter()
    views = parse_export(data, window_days=30, today=date(2026, 3, 1))
    assert_quick(started, 5)
    assert views.problems
    assert_plain(views.problems)


def test_unknown_format_and_missing_file_are_quoted_briefly(tmp_path: Path) -> None:
    views = parse_export(b"path,views\n", fmt="x\n" * 100_000)
    assert_plain(views.problems)
    views = parse_export(tmp_path / ("\u202e" + "m" * 200))
    assert_plain(views.problems)


# -- full story -----------------------------------------------------------------------------

DEFAULTS = Defaults(title="Explore the full story", text="Read on.", button="Read")


@pytest.mark.parametrize("number", range(len(HUGE)))
def test_every_full_story_key_quotes_a_huge_value_briefly(number: int) -> None:
    value = HUGE[number]
    for story in (
        value,
        {"url": value},
        {"url": "https://example.com/", "title": value, "text": value, "button": value},
        {"url": "https://example.com/", "k" * 1_000_000: value, CONTROL_TEXT: 1},
        {"url": "javascript:" + "x" * 1_000_000 + CONTROL_TEXT},
    ):
        started = time.perf_counter()
        _, problems = parse_full_story(story, DEFAULTS)
        assert_quick(started)
        assert_plain(problems)


def test_a_block_with_a_huge_option_comes_back_as_a_short_warning() -> None:
    attributes = slot_attributes({"url": laughs(), "k" * 1_000_000: CONTROL_TEXT})
    assert len(attributes.get("data-invalid", "")) < 1000
    html = etree.tostring(etree.Element("div", attributes), encoding="unicode")
    _, slot, _ = extract_slot(html)
    _, problems = parse_full_story(slot, DEFAULTS)
    assert len(problems) == 2
    assert_plain(problems)


# -- property: any hostile value, every message path ----------------------------------------

LEAVES = st.one_of(
    st.text(alphabet=st.sampled_from([*CONTROLS, "a", " ", "'", '"', "\\"]), max_size=40),
    st.integers(),
    st.dates(),
    st.none(),
    st.booleans(),
    st.builds(lambda n, c: c * n, st.integers(0, 1_000_000), st.sampled_from(["x", "\n", "é"])),
)


def shared(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Lists and mappings that repeat one child many times: cheap to make, huge to print."""
    return st.one_of(
        st.builds(lambda c, n: [c] * n, children, st.integers(1, 12)),
        st.builds(lambda c, n: {f"k{i}": c for i in range(n)}, children, st.integers(1, 12)),
    )


HOSTILE = st.recursive(LEAVES, shared, max_leaves=40)


def fixed(examples: int) -> settings:
    return settings(
        derandomize=True,
        deadline=None,
        max_examples=examples,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.mark.slow
@fixed(60)
@given(value=HOSTILE, key=st.sampled_from([*KEYS, "full_story", "k" * 100_000]))
def test_any_value_anywhere_gives_short_plain_messages(value: Any, key: str) -> None:
    problems = parse({"date": date(2026, 2, 28), key: value, "tags": [value]})
    _, story_problems = parse_full_story({"url": value, "title": value, key: value}, DEFAULTS)
    entry = {"name": value, "url": value, "avatar": value}
    _, author_problems = parse_authors(
        {"authors": {"ada": entry, str(value)[:1000]: entry}}, name="a.yml", resolve_file=str
    )
    views = parse_export(f"path,views,date\n{str(value)[:10_000]},{value!s:.100},x\n".encode())
    assert_plain([*problems, *story_problems, *author_problems, *views.problems])


@pytest.mark.slow
@fixed(30)
@given(value=HOSTILE, impossible=st.booleans())
def test_any_value_in_a_yaml_authors_file_gives_short_plain_lines(
    tmp_path_factory: pytest.TempPathFactory, value: Any, impossible: bool
) -> None:
    path = tmp_path_factory.mktemp("authors") / ".authors.yml"
    text = yaml.safe_dump({"authors": {"ada": {"name": value, "url": value}}})  # with aliases
    path.write_text(text + ("joined: 2026-02-30\n" if impossible else ""))
    _, problems = load_authors(path, name="a.yml", resolve_file=lambda p: None)
    assert len(problems) == 1 if impossible else len(problems) <= 2
    assert_plain(problems)


# -- real builds ----------------------------------------------------------------------------

BILLION_LAUGHS = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
)
"""Under a kilobyte of YAML whose `*a8` is 9**9 (387 million) strings."""


@pytest.mark.slow
def test_a_billion_laughs_front_matter_and_authors_file_build_quickly(tmp_path: Path) -> None:
    keys = ("tags", "categories", "authors", "readtime", "popular", "image")
    front = "".join(f"{key}: *a8\n" for key in (*keys, "full_story", "updated"))
    files = {
        "posts/x.md": f"---\ntitle: X\ndate: 2026-11-20\n{BILLION_LAUGHS}{front}---\n\nBody.\n",
        "posts/.authors.yml": BILLION_LAUGHS + "authors:\n  ada: {name: *a8, url: *a8}\n",
    }
    assert len(files["posts/x.md"]) < 1024
    started = time.perf_counter()
    site = build_site(tmp_path, files=files)
    assert time.perf_counter() - started < 10
    assert site.ok
    assert site.html("posts/x.md").select_one("article h1") is not None
    assert any("posts/.authors.yml: authors.ada.name: [[[" in w for w in site.warnings)
    assert any("posts/x.md: full_story: [[[" in w for w in site.warnings)
    assert_plain(site.warnings)
    # A `draft` that is neither true nor false withholds its post, with a short warning.
    text = f"---\ntitle: X\ndate: 2026-11-20\n{BILLION_LAUGHS}draft: *a8\n---\n\nBody.\n"
    site = build_site(tmp_path / "draft", files={"posts/x.md": text})
    assert not (site.site_dir / "posts/x/index.html").exists()
    assert any("posts/x.md: draft: [[[" in w and "like a draft" in w for w in site.warnings)
    assert_plain(site.warnings)


@pytest.mark.slow
def test_an_impossible_date_in_the_authors_file_is_one_warning(tmp_path: Path) -> None:
    files = {
        "posts/x.md": post(title="X", authors=["ada"]),
        "posts/.authors.yml": "authors:\n  ada:\n    name: Ada\n    joined: 2026-02-30\n",
    }
    site = build_site(tmp_path, files=files)
    assert site.ok
    assert site.warnings[0] == (
        "aiblog: posts/.authors.yml: cannot be read: line 4: day is out of range for month;"
        " no authors are used"
    )
    assert site.warnings[1].startswith("aiblog: posts/x.md: authors: 'ada' is not in the authors")
    assert len(site.warnings) == 2


@pytest.mark.slow
def test_a_huge_or_odd_words_key_is_quoted_briefly(tmp_path: Path) -> None:
    words = {"w" * 100_000: "x", "a\u202e\nb": "y"}
    site = build_site(tmp_path, config={"plugins": [{"aiblog": {"words": words}}]}, files={})
    assert len(site.warnings) == 2
    assert all("words: " in w and "is not a word the plugin shows" in w for w in site.warnings)
    assert_plain(site.warnings)


@pytest.mark.slow
def test_a_list_page_with_a_deeply_aliased_value_builds(tmp_path: Path) -> None:
    chain = "a0: &a0 [toc]\n" + "".join(f"a{n}: &a{n} [*a{n - 1}]\n" for n in range(1, 1500))
    files = {
        "blog.md": f"---\n{chain}hide: *a1499\n---\n\n# Blog\n\n/// post-list\n///\n",
        "posts/x.md": f"---\ntitle: X\ndate: 2026-11-20\n{chain}tags: *a1499\n---\n\nBody.\n",
    }
    files.update({f"posts/p{n}.md": post(title=f"P{n}") for n in range(12)})
    site = build_site(tmp_path, files=files)
    assert site.ok
    assert site.path("page/2/").is_file() or site.path("blog/page/2/").is_file()
    assert [w[:30] for w in site.warnings] == ["aiblog: posts/x.md: tags: [[[["]
    assert_plain(site.warnings)
