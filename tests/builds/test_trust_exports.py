"""Hostile analytics exports: each is one problem naming the file and line, never a crash.

The parser is fed what a broken tool, a wrong `views_file` or a bad disk gives: counts
too long for `int`, corrupt compressed data, files that never end or are huge. Then
the same through a real build (one warning naming the file), and `mkdocs serve`.
"""

from __future__ import annotations

import datetime
import gzip
import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st
from serve_harness import MkdocsServe, ServeFactory
from sitebuild import (
    REPO_ROOT,
    FileContent,
    build_fails_strict,
    build_site,
    post,
    skip_or_fail,
    write_project,
)

from mkdocs_aiblog.popular import exportfile
from mkdocs_aiblog.popular.exportfile import MAX_BYTES, MAX_LINE
from mkdocs_aiblog.popular.exports import parse_export

# -- counts --------------------------------------------------------------------------------

_BAD_COUNTS = [
    "9" * 5000,  # over Python 3.11's 4,300 digits for int()
    "9" * 4300,
    "1" + "0" * 30,
    "1" + "0" * 5000 + ".0",
    "1,000,000,000,000,000,000",
    "1e999",
    "-1e999",
    "1e3",
    "inf",
    "-inf",
    "nan",
    "NaN",
    "-3",
    "-0.5",
    "+5",
    "٣",  # an Arabic-Indic digit: str.isdigit() says yes, views say no
    "0x10",
]


@pytest.mark.parametrize("cell", _BAD_COUNTS, ids=range(len(_BAD_COUNTS)))
def test_a_bad_count_in_a_csv_is_one_short_problem_on_its_line(cell: str) -> None:
    views = parse_export(f'path,views\n/a/,3\n/b/,"{cell}"\n/c/,4\n')
    assert dict(views.counts) == {"a": 3, "c": 4}
    assert len(views.problems) == 1
    assert views.problems[0].line == 3
    assert len(str(views.problems[0])) < 120  # the cell is shown shortened


@pytest.mark.parametrize(
    "value",
    ["9" * 5000, "9" * 30, "1e999", "-1e999", "NaN", "Infinity", "-Infinity", "1e300", "-1"],
)
def test_a_bad_count_in_json_is_one_problem_naming_its_path(value: str) -> None:
    views = parse_export(f'{{"/a/": 3, "/b/": {value}, "/c/": 4}}')
    assert dict(views.counts) == {"a": 3, "c": 4}
    assert len(views.problems) == 1
    assert str(views.problems[0]).startswith("'/b/': ")
    assert len(str(views.problems[0])) < 120


@pytest.mark.parametrize("fmt", ["plausible", "umami", "ga4"])
def test_every_format_reads_counts_the_same_safe_way(fmt: str) -> None:
    header = {"plausible": "name,pageviews", "umami": "x,y", "ga4": "Page path,Views"}[fmt]
    views = parse_export(f"{header}\n/a/,2\n/b/,{'9' * 5000}\n", fmt=fmt)
    assert dict(views.counts) == {"a": 2}
    assert [p.line for p in views.problems] == [3]
    assert "too large" in views.problems[0].message


def test_a_huge_header_is_shown_short() -> None:
    views = parse_export("when," + "x" * 100_000 + "\n1,2\n")
    assert len(views.problems) == 1 and len(str(views.problems[0])) < 300


def test_a_huge_date_cell_is_shown_short() -> None:
    text = f"path,views,date\n/a/,1,2026-11-20\n/b/,1,{'9' * 5000}\n"
    views = parse_export(text, window_days=30, today=datetime.date(2026, 11, 25))
    assert dict(views.counts) == {"a": 1}
    assert [p.line for p in views.problems] == [3]
    assert len(str(views.problems[0])) < 120


# -- corrupt compressed data -------------------------------------------------------------

_ROWS = "name,visitors,pageviews\n" + "".join(f"/p{i}/,1,{i + 1}\n" for i in range(3000))


def _zip(method: int, name: str = "pages.csv", text: str = _ROWS) -> bytearray:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        archive.writestr(name, text)
    return bytearray(buffer.getvalue())


def _flip(data: bytearray, start: int = 200, length: int = 64) -> bytes:
    """Give `data` with a stretch of its compressed bytes garbled (headers left intact)."""
    for i in range(start, start + length):
        data[i] ^= 0x5A
    return bytes(data)


def _gzip_truncated() -> bytes:
    data = gzip.compress(("path,views\n" + "/a/,1\n" * 50_000).encode())
    return data[: len(data) // 2]


def _gzip_bad_crc() -> bytes:
    data = bytearray(gzip.compress(b"path,views\n/a/,1\n"))
    data[-8] ^= 1  # the CRC-32 in the trailer
    return bytes(data)


def _zip_truncated() -> bytes:
    data = _zip(zipfile.ZIP_DEFLATED)
    return bytes(data[: len(data) // 2])


CORRUPT: dict[str, Callable[[], bytes]] = {
    "zip-deflate": lambda: _flip(_zip(zipfile.ZIP_DEFLATED)),
    "zip-bzip2": lambda: _flip(_zip(zipfile.ZIP_BZIP2)),
    "zip-lzma": lambda: _flip(_zip(zipfile.ZIP_LZMA)),
    "zip-stored-bad-crc": lambda: _flip(_zip(zipfile.ZIP_STORED)),
    "zip-truncated": _zip_truncated,
    "gzip-truncated": _gzip_truncated,
    "gzip-bad-crc": _gzip_bad_crc,
    "gzip-garbage": lambda: b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4,
}


@pytest.mark.parametrize("make", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_compressed_data_is_one_problem_and_nothing_read(make: Callable[[], bytes]) -> None:
    views = parse_export(make())
    assert len(views.problems) == 1, views.problems
    message = str(views.problems[0])
    assert "uncompress" in message and len(message) < 300, message
    assert views.counts == {}  # a part of an export would rank wrongly


_PACKED = {
    "gzip": gzip.compress(_ROWS.encode()),
    **{
        f"zip-{name}": bytes(_zip(method))
        for name, method in [
            ("stored", zipfile.ZIP_STORED),
            ("deflate", zipfile.ZIP_DEFLATED),
            ("bzip2", zipfile.ZIP_BZIP2),
            ("lzma", zipfile.ZIP_LZMA),
        ]
    },
}


@pytest.mark.slow
@example("zip-deflate", [(4_015_208_989, 1)], None)  # zipfile: "negative seek value"
@example("zip-bzip2", [(27, 1)], None)  # zipfile quotes the whole damaged header
@settings(derandomize=True, deadline=None, max_examples=300)
@given(
    st.sampled_from(sorted(_PACKED)),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=4),
    st.one_of(st.none(), st.integers(min_value=1)),
)
def test_any_damage_to_compressed_data_is_at_most_one_problem(
    kind: str, flips: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(_PACKED[kind])
    for at, mask in flips:
        data[at % len(data)] ^= mask
    views = parse_export(bytes(data[: cut % len(data) if cut else None]))
    assert all(isinstance(n, int) and n >= 0 for n in views.counts.values())
    unreadable = [p for p in views.problems if "uncompress" in p.message or "zip" in p.message]
    assert len(unreadable) <= 1
    if unreadable:
        assert views.counts == {} and len(str(unreadable[0])) < 300


def test_an_unsupported_zip_compression_is_a_problem() -> None:
    data = _zip(zipfile.ZIP_DEFLATED)
    data[8:10] = (99).to_bytes(2, "little")  # the local header's method: AES, say
    central = data.rfind(b"PK\x01\x02")
    data[central + 10 : central + 12] = (99).to_bytes(2, "little")
    views = parse_export(bytes(data))
    assert views.counts == {} and len(views.problems) == 1
    assert "uncompress" in views.problems[0].message


# -- files that are not exports ------------------------------------------------------------


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "views.csv"
    os.mkfifo(fifo)
    start = time.monotonic()
    views = parse_export(fifo)
    assert time.monotonic() - start < 2
    assert views.counts == {} and len(views.problems) == 1
    assert "not a regular file" in views.problems[0].message


def test_dev_zero_is_refused() -> None:
    if not Path("/dev/zero").exists():
        skip_or_fail("no /dev/zero on this machine")
    views = parse_export(Path("/dev/zero"))
    assert len(views.problems) == 1 and "not a regular file" in views.problems[0].message


def test_a_directory_and_a_missing_file_are_one_problem_each(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "missing.csv", tmp_path / "missing" / "x.csv"):
        views = parse_export(path)
        assert len(views.problems) == 1 and views.problems[0].message.startswith("cannot read")


def test_an_unreadable_file_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export = tmp_path / "views.csv"
    export.write_text("path,views\n/a/,1\n")
    export.chmod(0)
    if os.geteuid() == 0:  # root reads any file: refuse the opening as the kernel would
        real_open = Path.open

        def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self == export:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    views = parse_export(export)
    assert len(views.problems) == 1 and views.problems[0].message.startswith("cannot read")


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    export = tmp_path / "views.csv"
    with export.open("wb") as sparse:  # takes no disk space
        sparse.truncate(MAX_BYTES + 1)
    start = time.monotonic()
    views = parse_export(export)
    assert time.monotonic() - start < 1  # not read: 512 MiB would take seconds
    assert [p.message for p in views.problems] == ["the export is over 512 MiB; not read"]


def test_a_gzip_bomb_stops_at_the_cap_while_streaming(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exportfile, "MAX_BYTES", 1 << 20)  # the same code, 512 times sooner
    rows = b"/a/,1\n" * (1 << 16)
    bomb = gzip.compress(b"path,views\n" + rows * 8)
    views = parse_export(bomb)
    assert views.counts == {}  # half an export would rank wrongly
    assert [p.message for p in views.problems] == ["the export is over 1 MiB; not read"]
    assert dict(parse_export(gzip.compress(b"path,views\n" + rows)).counts) == {"a": 1 << 16}


def test_a_line_longer_than_the_limit_is_left_out(tmp_path: Path) -> None:
    export = tmp_path / "views.csv"
    with export.open("wb") as out:
        out.write(b"path,views\n/a/,1\n")
        out.write(b"x" * (3 * MAX_LINE))  # no newline for 3 MiB
        out.write(b"\n/b/,2\n")
    views = parse_export(export)
    assert dict(views.counts) == {"a": 1, "b": 2}
    assert [(p.line, "over 1 MiB" in p.message) for p in views.problems] == [(3, True)]


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over `exec` from the process that
# started this one (a pytest worker grown by its builds), VmHWM is this program's own.
_PEAK = """
import re, sys
from pathlib import Path
from mkdocs_aiblog.popular.exports import parse_export
views = parse_export(Path(sys.argv[1]))
assert not views.problems, views.problems
status = Path("/proc/self/status").read_text()
print(sum(views.counts.values()), re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
"""


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_200_mb_export_is_read_in_little_memory(tmp_path: Path) -> None:
    """Peak memory follows the distinct paths (200 here), not the file's 200 MB."""
    export = tmp_path / "goatcounter.csv"
    rows = "".join(f"/posts/p{i}/,Title,false,,,,,0\n" for i in range(200)).encode()
    with export.open("wb") as out:
        out.write(b"2Path,Title,Event,UserAgent,Browser,System,Session,Bot\n")
        for _ in range((200 << 20) // len(rows)):
            out.write(rows)
    assert export.stat().st_size > 190 << 20
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(export)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=280,
    )
    views, peak_kib = map(int, done.stdout.split())
    assert views == 200 * ((200 << 20) // len(rows))
    assert peak_kib < 120 << 10, f"peak RSS {peak_kib >> 10} MiB for a 200 MB export"


# -- through a build -----------------------------------------------------------------------

_POSTS: dict[str, FileContent] = {
    "index.md": "# Home\n",
    "posts/a.md": post(title="Alpha", date="2026-01-01"),
    "posts/b.md": post(title="Beta", date="2026-01-02"),
}


def _aiblog(views_file: str) -> dict[str, Any]:
    return {"plugins": [{"aiblog": {"popular": {"views_file": views_file}}}]}


BUILD_CASES: dict[str, tuple[FileContent | None, str, str]] = {
    # name: (content of analytics/views.csv or None for a path, views_file, in the warning)
    "huge-count": (f"path,views\n/posts/a/,2\n/posts/b/,{'9' * 5000}\n", "", "line 3: '999"),
    "json-inf": ('{"/posts/a/": 2, "/posts/b/": 1e999}', "", "'/posts/b/': 'inf' is too"),
    "zip-lzma": (_flip(_zip(zipfile.ZIP_LZMA)), "", "cannot uncompress pages.csv"),
    "gzip-truncated": (_gzip_truncated(), "", "cannot uncompress the gzip data"),
    "directory": (None, "analytics", "cannot read "),
    "dev-zero": (None, "/dev/zero", "not a regular file"),
}


@pytest.mark.slow  # a build per kind of bad input: the exhaustive tier
@pytest.mark.parametrize(
    ("content", "views_file", "message"), BUILD_CASES.values(), ids=list(BUILD_CASES)
)
def test_a_hostile_export_is_one_warning_naming_the_file(
    tmp_path: Path, content: FileContent | None, views_file: str, message: str
) -> None:
    views_file = views_file or "analytics/views.csv"
    extra = {"analytics/views.csv": content} if content is not None else {"analytics/x": ""}
    config = _aiblog(views_file)
    site = build_site(tmp_path / "lenient", config=config, files=_POSTS, extra_files=extra)
    assert site.ok, site.error
    assert len(site.warnings) == 1, site.warnings
    assert site.warnings[0].startswith(f"aiblog: {views_file}: "), site.warnings
    assert message in site.warnings[0], site.warnings
    assert len(site.warnings[0]) < 300
    assert site.html("posts/b.md").select(".aiblog-popular")  # the list is still there
    strict = build_fails_strict(tmp_path / "strict", config=config, files=_POSTS, extra_files=extra)
    assert message in strict.warnings[0]


def test_a_fifo_as_views_file_does_not_hang_the_build(tmp_path: Path) -> None:
    (tmp_path / "analytics").mkdir()
    os.mkfifo(tmp_path / "analytics" / "views.csv")
    site = build_site(tmp_path, config=_aiblog("analytics/views.csv"), files=_POSTS)
    assert site.ok and len(site.warnings) == 1
    assert "analytics/views.csv: " in site.warnings[0] and "not a regular file" in site.warnings[0]


# -- mkdocs serve --------------------------------------------------------------------------

REBUILD_TIMEOUT = 40.0
_SERVE_POSTS: dict[str, FileContent] = {
    "index.md": "# Home\n",
    "posts/a.md": post(title="Alpha", date="2026-01-01"),
    "posts/b.md": post(title="Beta", date="2026-01-02"),
    "posts/c.md": post(title="Gamma", date="2026-01-03"),
}


def _rebuild(server: MkdocsServe, change: Callable[[], None]) -> str:
    """Make `change`, wait for the rebuild it causes, give that rebuild's log."""
    before = server.log()
    builds = before.count("Reloading browsers")
    change()
    deadline = time.monotonic() + REBUILD_TIMEOUT
    while server.log().count("Reloading browsers") <= builds:
        if time.monotonic() > deadline:
            raise AssertionError(f"no rebuild within {REBUILD_TIMEOUT} s:\n{server.log()}")
        time.sleep(0.1)
    return server.log()[len(before) :]


def _warnings(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("WARNING") or "Traceback" in line]


def _popular(server: MkdocsServe, page: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(server.get(page), "html.parser")
    listed = []
    for item in soup.select(".aiblog-popular--after li.aiblog-popular__item"):
        name = item.select_one(".aiblog-popular__name")
        assert name is not None
        listed.append((name.get_text(strip=True), str(item.get("data-aiblog-reason"))))
    return listed


def _replace(path: Path, content: bytes) -> Callable[[], None]:
    """Give a change that replaces `path` the way a download or an editor does: by rename."""

    def change() -> None:
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(content)
        os.replace(partial, path)

    return change


@pytest.mark.serve
@pytest.mark.timeout(180)
def test_serve_watches_the_export_and_recovers_from_a_hostile_one(
    tmp_path: Path, mkdocs_serve: ServeFactory
) -> None:
    write_project(
        tmp_path / "src",
        config=_aiblog("analytics/views.csv") | {"site_url": "https://example.org/"},
        files=_SERVE_POSTS,
        extra_files={"analytics/views.csv": "path,views\n/posts/a/,50\n/posts/b/,5\n"},
    )
    server = mkdocs_serve(tmp_path / "src")
    export = server.project / "analytics/views.csv"
    assert [t for t, _ in _popular(server, "posts/c/")][:2] == ["Alpha", "Beta"]

    log = _rebuild(server, _replace(export, b"path,views\n/posts/a/,5\n/posts/b/,50\n"))
    assert _warnings(log) == [], log
    assert [t for t, _ in _popular(server, "posts/c/")][:2] == ["Beta", "Alpha"]

    hostile = {
        "huge count": f"path,views\n/posts/a/,{'9' * 5000}\n".encode(),
        "corrupt lzma": _flip(_zip(zipfile.ZIP_LZMA)),
        "truncated gzip": _gzip_truncated(),
    }
    for name, content in hostile.items():
        log = _rebuild(server, _replace(export, content))
        warnings = _warnings(log)
        assert len(warnings) == 1, (name, log)
        assert "analytics/views.csv: " in warnings[0], (name, warnings)
        assert server.fetch("posts/c/")[0] == 200  # still serving, the list without views

    log = _rebuild(server, _replace(export, b"path,views\n/posts/a/,9\n/posts/b/,1\n"))
    assert _warnings(log) == [], log
    assert _popular(server, "posts/c/")[:2] == [("Alpha", "views"), ("Beta", "views")]

    # Deleted, then back: a missing export is one warning; its folder is watched.
    log = _rebuild(server, export.unlink)
    assert len(_warnings(log)) == 1 and "cannot read" in log, log
    log = _rebuild(server, _replace(export, b"path,views\n/posts/b/,7\n"))
    assert _warnings(log) == [], log
    assert _popular(server, "posts/c/")[0] == ("Beta", "views")
    # and the file itself is watched again once it is back
    log = _rebuild(server, _replace(export, b"path,views\n/posts/a/,7\n"))
    assert _popular(server, "posts/c/")[0] == ("Alpha", "views")


@pytest.mark.serve
@pytest.mark.timeout(120)
def test_serve_sees_an_export_that_did_not_exist_at_start(
    tmp_path: Path, mkdocs_serve: ServeFactory
) -> None:
    write_project(
        tmp_path / "src",
        config=_aiblog("analytics/views.csv"),
        files=_SERVE_POSTS,
        extra_files={"analytics/README.txt": "exports land here\n"},
    )
    server = mkdocs_serve(tmp_path / "src")
    assert "cannot read" in server.log()
    assert all(reason != "views" for _, reason in _popular(server, "posts/c/"))
    export = server.project / "analytics/views.csv"
    log = _rebuild(server, lambda: export.write_text("path,views\n/posts/a/,3\n"))
    assert _warnings(log) == [], log
    assert _popular(server, "posts/c/")[0] == ("Alpha", "views")


def _list_titles(server: MkdocsServe, page: str) -> list[str]:
    soup = BeautifulSoup(server.get(page), "html.parser")
    return [t.get_text(strip=True) for t in soup.select(".aiblog-post-list .aiblog-card__title")]


@pytest.mark.serve
@pytest.mark.timeout(180)
def test_dirty_serve_drops_a_deleted_or_renamed_post_from_every_list(
    tmp_path: Path, mkdocs_serve: ServeFactory
) -> None:
    """Under `--dirty` only changed files are rendered; lists on the others must follow."""
    write_project(
        tmp_path / "src",
        config=_aiblog("analytics/views.csv"),
        files=_SERVE_POSTS | {"index.md": "# Home\n\n/// post-list\n///\n"},
        extra_files={"analytics/views.csv": "path,views\n/posts/a/,9\n/posts/b/,5\n"},
    )
    server = mkdocs_serve(tmp_path / "src", "--dirty")
    docs = server.project / "docs"
    assert _list_titles(server, "") == ["Gamma", "Beta", "Alpha"]
    assert [t for t, _ in _popular(server, "posts/b/")] == ["Alpha", "Gamma"]

    log = _rebuild(server, (docs / "posts/a.md").unlink)
    assert _warnings(log) == [], log
    assert _list_titles(server, "") == ["Gamma", "Beta"]
    assert [t for t, _ in _popular(server, "posts/b/")] == ["Gamma"]
    assert [t for t, _ in _popular(server, "posts/c/")] == ["Beta"]

    log = _rebuild(server, lambda: (docs / "posts/c.md").rename(docs / "posts/d.md"))
    assert _warnings(log) == [], log
    assert _list_titles(server, "") == ["Gamma", "Beta"]
    assert "posts/d/" in server.get("") and "posts/c/" not in server.get("")
    assert "posts/d/" in server.get("posts/b/") and "posts/c/" not in server.get("posts/b/")
