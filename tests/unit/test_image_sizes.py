"""Image sizes read from a file's first bytes, and where a path written in a post leads.

The header readers on bytes (every format, truncated, corrupt, absurd), and
`Images.resolve` on MkDocs `Files` as Material's blog plugin leaves them.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from mkdocs.structure.files import File, Files
from realsites import SAMPLES, CountingBytes, bmp, gif, jpeg, png, png_header, segment, svg
from sitebuild import require, skip_or_fail

from mkdocs_aiblog.site import images
from mkdocs_aiblog.site.images import LIMIT, Images, file_size, read_size

# ---------------------------------------------------------------- sizes


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_format_gives_its_intrinsic_size(name: str) -> None:
    data, size = SAMPLES[name]
    assert read_size(io.BytesIO(data)) == size


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_truncated_file_gives_its_size_or_none_and_never_raises(name: str) -> None:
    data, size = SAMPLES[name]
    for end in range(len(data)):
        assert read_size(io.BytesIO(data[:end])) in (None, size), end


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_corrupted_byte_never_raises(name: str) -> None:
    data, _ = SAMPLES[name]
    for at in range(min(len(data), 200)):
        for value in (0x00, 0xFF, 0x2F):
            changed = data[:at] + bytes((value,)) + data[at + 1 :]
            result = read_size(io.BytesIO(changed))
            assert result is None or all(0 < side <= LIMIT for side in result)


@pytest.mark.parametrize(
    "data",
    [
        png_header(2**31 - 1, 2**31 - 1),
        png_header(LIMIT + 1, 10),
        png_header(0, 10),
        png_header(10, 0),
        gif(0, 0),
        jpeg(70_000 % 65536, 0),
        jpeg(0, 600),
        svg('width="1e9" height="1e9"'),
        svg('width="9999999" height="1"'),
        svg('viewBox="0 0 0 0"'),
        svg('viewBox="0 0 -5 10"'),
        svg('viewBox="0 0 1e400 10"'),
        svg('viewBox="0 0 nan 10"'),
        svg('width="0" height="0" viewBox="0 0 5 5"'),
        svg('width="0" viewBox="0 0 5 5"'),
        svg('width="10" viewBox="0 0 1 1e-300"'),
    ],
    ids=lambda data: data[:24].hex(),
)
def test_absurd_declared_sizes_give_no_size(data: bytes) -> None:
    assert read_size(io.BytesIO(data)) is None


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, world",
        b"\x00" * 64,
        b"\xff\xd8",
        b"\xff\xd8\xff",
        b"\xff\xd8\x00\x00",
        b"\xff\xd8" + segment(0xE0, b"") + b"\xff\xd9",  # ends before any frame
        b"\xff\xd8\xff\xe0\x00\x01",  # a segment length below its own two bytes
        b"\xff\xd8" + b"\xff\xe1\xff\xff" + b"Exif\x00\x00MM\x00*\xff\xff\xff\xff",
        b"\xff\xd8" + segment(0xE1, b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xff"),
        b"\xff\xd8" + b"\xff\x01" * 300 + b"\xff\xd9",  # segments without end
        b"RIFF\x00\x00\x00\x00WEBPVP8 ",
        b"RIFF\x00\x00\x00\x00WEBPVP8X\x00",
        b"RIFF\x00\x00\x00\x00WEBPXXXX" + b"\x00" * 20,
        b"GIF89a\x01",
        b"<html><body>not an svg</body></html>",
        svg(""),
        svg('width="50%" height="2em"'),
        svg('viewBox="a b c d"'),
        svg('width="10"'),
        b"<svg" + b" " * 10_000 + b'width="10" height="10">',  # the root tag is past the head
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDX" + b"\x00" * 8,
        b"BM" + b"\x00" * 40,  # BMP: Pillow's job in file_size, not read_size's
    ],
    ids=lambda data: data[:16].hex() or "empty",
)
def test_unknown_corrupt_or_empty_headers_give_no_size(data: bytes) -> None:
    assert read_size(io.BytesIO(data)) is None


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_only_the_first_bytes_are_read(name: str) -> None:
    data, size = SAMPLES[name]
    handle = CountingBytes(data + b"\x00" * 1_000_000)
    assert read_size(handle) == size
    assert handle.taken <= 4096


def test_a_jpeg_seeks_past_big_metadata_segments_instead_of_reading_them() -> None:
    metadata = segment(0xE2, b"ICC_PROFILE\x00" + b"\x00" * 65_000) * 20  # 1.3 MB of profile
    handle = CountingBytes(jpeg(4000, 3000, before=metadata))
    assert read_size(handle) == (4000, 3000)
    assert handle.taken < 512


@pytest.mark.slow
def test_random_bytes_never_raise() -> None:
    hypothesis = require("hypothesis")
    strategies = hypothesis.strategies
    prefixes = strategies.sampled_from(
        [b"", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"\xff\xd8", b"RIFF\0\0\0\0WEBPVP8X", b"<svg "]
    )

    @hypothesis.settings(max_examples=400, deadline=None)
    @hypothesis.given(prefixes, strategies.binary(max_size=300))
    def check(prefix: bytes, tail: bytes) -> None:
        result = read_size(io.BytesIO(prefix + tail))
        assert result is None or all(0 < side <= LIMIT for side in result)

    check()


def test_file_size_reads_local_files_and_gives_none_for_what_is_unreadable(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.png").write_bytes(png(3, 2))
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "folder.png").mkdir()
    assert file_size(str(tmp_path / "a.png")) == (3, 2)
    assert file_size(str(tmp_path / "empty.png")) is None
    assert file_size(str(tmp_path / "folder.png")) is None
    assert file_size(str(tmp_path / "missing.png")) is None
    assert file_size("") is None


def test_pillow_measures_other_formats_when_it_is_importable(tmp_path: Path) -> None:
    require("PIL")
    (tmp_path / "a.bmp").write_bytes(bmp(7, 5))
    assert file_size(str(tmp_path / "a.bmp")) == (7, 5)


def test_without_pillow_other_formats_have_no_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PIL", None)  # `import PIL` raises ImportError
    (tmp_path / "a.bmp").write_bytes(bmp(7, 5))
    assert file_size(str(tmp_path / "a.bmp")) is None


def test_pillow_is_not_asked_about_a_corrupt_file_of_a_known_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(images, "_pillow_size", lambda path: asked.append(path))
    (tmp_path / "a.png").write_bytes(png_header(0, 0))
    assert file_size(str(tmp_path / "a.png")) is None
    assert asked == []


@pytest.mark.parametrize("name", ["png", "gif", "jpeg", "webp-lossless"])
def test_the_readers_agree_with_pillow_on_files_it_writes(name: str, tmp_path: Path) -> None:
    image_module = require("PIL.Image")
    form = {"png": "PNG", "gif": "GIF", "jpeg": "JPEG", "webp-lossless": "WEBP"}[name]
    target = tmp_path / f"x.{form.lower()}"
    try:
        image_module.new("RGB", (123, 45)).save(target, form, lossless=True)
    except (OSError, KeyError) as error:  # a Pillow built without this codec
        skip_or_fail(f"Pillow cannot write {form}: {error}")
    with target.open("rb") as handle:
        assert read_size(handle) == (123, 45)


# ---------------------------------------------------------------- where a path leads


def blog_files(tmp_path: Path) -> Files:
    """Give `Files` as Material's blog plugin leaves them: post assets moved to `blog/`."""
    docs = tmp_path / "docs"
    paths = [
        "index.md",
        "assets/two.png",
        "blog/index.md",
        "blog/posts/one.md",
        "blog/posts/images/one.png",
        "blog/posts/images/a b.png",
    ]
    for path in paths:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(png(2, 1))
    files = Files([File(p, str(docs), str(tmp_path / "site"), True) for p in paths])
    for file in files.media_files():  # what the blog plugin's on_files does
        if file.src_uri.startswith("blog/posts/"):
            file.dest_uri = file.dest_uri.replace("blog/posts", "blog")
            file.url = file.url.replace("blog/posts", "blog")
    return files


@pytest.mark.parametrize(
    ("written", "url"),
    [
        ("images/one.png", "blog/images/one.png"),  # beside the post, as in its body
        ("./images/../images/one.png", "blog/images/one.png"),
        ("blog/posts/images/one.png", "blog/images/one.png"),  # from docs/
        ("/blog/posts/images/one.png", "blog/images/one.png"),
        ("assets/two.png", "assets/two.png"),
        ("../../assets/two.png", "assets/two.png"),
        ("/assets/two.png", "assets/two.png"),
        ("blog/images/one.png", "blog/images/one.png"),  # as published
        ("/blog/images/one.png", "blog/images/one.png"),
        ("images/a b.png", "blog/images/a%20b.png"),
        ("blog/images/a b.png", "blog/images/a%20b.png"),
        ("images/a%20b.png", "blog/images/a%20b.png"),  # as MkDocs reads it in the body
        ("/blog/images/a%20b.png", "blog/images/a%20b.png"),
    ],
)
def test_a_written_path_leads_to_the_published_url(tmp_path: Path, written: str, url: str) -> None:
    found = Images(blog_files(tmp_path))
    assert found.resolve(written, "blog/posts/one.md") == url
    assert found.size(url) == (2, 1)


@pytest.mark.parametrize(
    "written",
    [
        "images/none.png",
        "blog/images/none.png",
        "../../../etc/passwd",
        "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "images/one%2",
        "/",
        "",
        "blog/posts",
    ],
)
def test_a_path_to_no_file_leads_nowhere(tmp_path: Path, written: str) -> None:
    found = Images(blog_files(tmp_path))
    assert found.resolve(written, "blog/posts/one.md") is None
    assert found.size(None) is None
    assert found.size("https://example.com/x.png") is None


def test_each_image_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    monkeypatch.setattr(images, "file_size", lambda path: read.append(path) or (1, 1))
    found = Images(blog_files(tmp_path))
    for written in ("images/one.png", "blog/images/one.png", "/blog/posts/images/one.png"):
        assert found.size(found.resolve(written, "blog/posts/one.md")) == (1, 1)
    assert len(read) == 1
