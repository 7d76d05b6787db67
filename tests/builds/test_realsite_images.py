"""Images a post names: published where Material's blog puts them, and sized.

Three tiers: the header readers on bytes (every format, truncated, corrupt,
absurd), `Images.resolve` on MkDocs `Files` (where a path written in a post
leads), and real builds (a blog laid out as on Material's blog plugin, and the
plain `posts/` site), where every image link of every page must reach a file
in `site/`.
"""

from __future__ import annotations

import io
import json
import re
import struct
import sys
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from material.extensions.emoji import to_svg, twemoji
from mkdocs.structure.files import File, Files
from sitebuild import AUTHORS_FILE, AVATAR, Site, build_site, post

from mkdocs_aiblog.site import images
from mkdocs_aiblog.site.images import LIMIT, Images, file_size, read_size

# ---------------------------------------------------------------- sample images


def png(width: int, height: int) -> bytes:
    """Give a valid RGBA PNG of `width` x `height` transparent pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x00" * 4 * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def png_header(width: int, height: int) -> bytes:
    """Give only a PNG's signature and IHDR chunk, declaring any size."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + b"\x00" * 4


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b";"


def segment(code: int, data: bytes) -> bytes:
    return bytes((0xFF, code)) + struct.pack(">H", len(data) + 2) + data


def exif(orientation: int) -> bytes:
    """Give an Exif APP1 payload whose first directory holds only the orientation."""
    entry = struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)
    return b"Exif\x00\x00" + b"II*\x00" + struct.pack("<I", 8) + b"\x01\x00" + entry + b"\0" * 4


def jpeg(width: int, height: int, *, before: bytes = b"", sof: int = 0xC0) -> bytes:
    """Give a JPEG's headers: JFIF, `before` (more segments), a frame header, scan, end."""
    frame = b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00"
    return (
        b"\xff\xd8"
        + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + before
        + segment(0xDB, bytes(65))
        + segment(sof, frame)
        + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + b"\x00" * 16
        + b"\xff\xd9"
    )


def webp(kind: str, width: int, height: int) -> bytes:
    if kind == "VP8 ":
        body = b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", width, height)
    elif kind == "VP8L":
        bits = (width - 1) | (height - 1) << 14
        body = b"\x2f" + bits.to_bytes(4, "little")
    else:
        body = b"\x00" * 4 + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    chunk = kind.encode() + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def svg(attributes: str, prefix: str = "") -> bytes:
    return f'{prefix}<svg xmlns="http://www.w3.org/2000/svg" {attributes}></svg>'.encode()


SAMPLES: dict[str, tuple[bytes, tuple[int, int]]] = {
    "png": (png(40, 30), (40, 30)),
    "gif": (gif(320, 200), (320, 200)),
    "jpeg": (jpeg(1200, 630), (1200, 630)),
    "jpeg-progressive": (jpeg(800, 600, sof=0xC2), (800, 600)),
    "jpeg-exif-upright": (jpeg(800, 600, before=segment(0xE1, exif(1))), (800, 600)),
    "jpeg-exif-turned": (jpeg(800, 600, before=segment(0xE1, exif(6))), (600, 800)),
    "jpeg-fill-bytes": (
        jpeg(64, 48).replace(b"\xff\xdb", b"\xff\xff\xff\xdb", 1),
        (64, 48),
    ),
    "webp-lossy": (webp("VP8 ", 550, 368), (550, 368)),
    "webp-lossless": (webp("VP8L", 386, 395), (386, 395)),
    "webp-extended": (webp("VP8X", 16383, 9000), (16383, 9000)),
    "svg-pixels": (svg('width="120" height="80px"'), (120, 80)),
    "svg-viewbox": (svg('viewBox="0 0 1200 630"'), (1200, 630)),
    "svg-viewbox-commas": (svg("viewBox='0,0,24,24' width='100%'"), (24, 24)),
    "svg-width-and-viewbox": (svg('width="600" viewBox="0 0 1200 630"'), (600, 315)),
    "svg-height-and-viewbox": (svg('height="315" viewBox="0 0 1200 630"'), (600, 315)),
    "svg-prolog": (
        svg(
            'width="10.4" height="20"',
            prefix='\ufeff<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE svg>\n',
        ),
        (10, 20),
    ),
}


# ---------------------------------------------------------------- the readers


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


class CountingBytes(io.BytesIO):
    """A file that counts the bytes read from it (seeking past data is free)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.taken = 0

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        self.taken += len(data)
        return data


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
    hypothesis = pytest.importorskip("hypothesis")
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


def bmp(width: int, height: int) -> bytes:
    """Give a valid 24-bit BMP, a format only Pillow reads."""
    row = (width * 3 + 3) & ~3
    pixels = b"\x00" * row * height
    header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 0, 0, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + 40 + len(pixels), 0, 0, 54) + header + pixels


def test_pillow_measures_other_formats_when_it_is_importable(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
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
    image_module = pytest.importorskip("PIL.Image")
    form = {"png": "PNG", "gif": "GIF", "jpeg": "JPEG", "webp-lossless": "WEBP"}[name]
    target = tmp_path / f"x.{form.lower()}"
    try:
        image_module.new("RGB", (123, 45)).save(target, form, lossless=True)
    except (OSError, KeyError) as error:  # a Pillow built without this codec
        pytest.skip(f"Pillow cannot write {form}: {error}")
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


# ---------------------------------------------------------------- real sites

AUTHORS = AUTHORS_FILE + AVATAR
SITE_URL = "https://example.org/base/"
HEROES = {"one": (40, 30), "two": (64, 16), "three": (30, 50), "four": (64, 16)}


def realsite_files(posts_dir: str) -> dict[str, str | bytes]:
    """Give a blog laid out like a real one, its posts and their images under `posts_dir`."""
    authors_file = f"{posts_dir.rsplit('/', 1)[0]}/.authors.yml" if "/" in posts_dir else ""
    published = "blog/images/three.png" if posts_dir == "blog/posts" else "posts/images/three.png"
    body = (
        "A lede.\n\n![Inline](images/one.png){{ width=40 }}\n\n"
        "<!-- more -->\n\n## Why it matters :rocket:\n\nSee [{other}]({other}.md).\n"
    )
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\nThe latest.\n\n/// post-list\n///\n",
        "assets/ada.png": png(8, 8),
        "assets/two.png": png(*HEROES["two"]),
        f"{posts_dir}/images/one.png": png(*HEROES["one"]),
        f"{posts_dir}/images/three.png": png(*HEROES["three"]),
        f"{posts_dir}/one.md": post(
            title="One",
            date="2026-11-20",
            authors=["ada"],
            categories=["Industry"],
            image="images/one.png",  # beside the post
            image_alt="The first",
            body=body.format(other="two"),
        ),
        f"{posts_dir}/two.md": post(
            title="Two",
            date="2026-11-21",
            authors=["ada"],
            categories=["Research"],
            image="assets/two.png",  # from docs/
            body=body.format(other="one"),
        ),
        f"{posts_dir}/three.md": post(
            title="Three",
            date="2026-11-22",
            authors=["ada"],
            categories=["Industry"],
            image=published,  # where the site publishes it
            body=body.format(other="one"),
        ),
        f"{posts_dir}/four.md": post(
            title="Four",
            date="2026-11-23",
            authors=["ada"],
            categories=["Research"],
            image="../../assets/two.png" if "/" in posts_dir else "../assets/two.png",
            body=body.format(other="three"),
        ),
        f"{posts_dir}/remote.md": post(
            title="Remote",
            date="2026-11-24",
            authors=["ada"],
            categories=["Industry"],
            image="https://cdn.example.com/hero.png",
            body=body.format(other="one"),
        ),
    }
    if authors_file:
        files["blog/index.md"] = "# Blog\n"
        files[authors_file] = AUTHORS
    else:
        files[f"{posts_dir}/.authors.yml"] = AUTHORS
    return files


def realsite_config(*, blog: dict[str, Any] | None, directory_urls: bool = True) -> dict[str, Any]:
    plugins: list[Any] = ["search"]
    if blog is not None:
        plugins.append({"blog": blog})
    plugins.append({"aiblog": {"posts_dir": "blog/posts" if blog is not None else "posts"}})
    return {
        "site_url": SITE_URL,
        "use_directory_urls": directory_urls,
        "theme": {"name": "material", "features": ["toc.integrate", "navigation.instant"]},
        "plugins": plugins,
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            {"pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": to_svg}},
            {"toc": {"permalink": True}},
        ],
    }


VARIANTS: dict[str, tuple[str, dict[str, Any]]] = {
    "material-blog": ("blog/posts", realsite_config(blog={})),
    "material-blog-file-urls": (
        "blog/posts",
        realsite_config(
            blog={"post_url_format": "{categories}/{slug}"},
            directory_urls=False,
        ),
    ),
    "plain-posts": ("posts", realsite_config(blog=None)),
}


@pytest.fixture(scope="module")
def realsites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    return {
        name: build_site(
            tmp_path_factory.mktemp(name),
            config=config,
            files=realsite_files(posts_dir),
            strict=True,
            check=True,
        )
        for name, (posts_dir, config) in VARIANTS.items()
    }


REMOTE = ("https://cdn.example.com/", "https://cdn.jsdelivr.net/gh/jdecked/twemoji@")
IMAGE_FILE = re.compile(r"\.(png|jpe?g|gif|webp|svg|avif|ico)$", re.IGNORECASE)


def image_references(page: BeautifulSoup) -> list[str]:
    """Give every image URL a page names: src, srcset, links to images, preview tags, JSON-LD."""
    found: list[str] = []
    for tag in page.select("img[src], source[src], input[src]"):
        found.append(str(tag["src"]))
    for tag in page.select("[srcset]"):
        found += [part.split()[0] for part in str(tag["srcset"]).split(",") if part.strip()]
    for tag in page.select("a[href], link[href]"):
        href = str(tag["href"])
        if IMAGE_FILE.search(urlsplit(href).path):
            found.append(href)
    for tag in page.select('meta[property="og:image"], meta[name="twitter:image"]'):
        found.append(str(tag["content"]))
    for script in page.select('script[type="application/ld+json"]'):
        image = json.loads(script.string or "{}").get("image")
        if image:
            found.append(str(image))
    return found


def broken_images(site: Site) -> list[str]:
    """Give each image URL of the site that does not reach a file of `site/`."""
    broken = []
    for html in sorted(site.site_dir.rglob("*.html")):
        relative = html.relative_to(site.site_dir).as_posix()
        page_url = urljoin(SITE_URL, relative)
        for reference in image_references(BeautifulSoup(html.read_text("utf-8"), "html.parser")):
            if reference.startswith("data:"):
                continue
            absolute = urljoin(page_url, reference)
            if absolute.startswith(REMOTE):
                continue  # the remote hero, and the emoji of Material's twemoji index
            if not absolute.startswith(SITE_URL):
                broken.append(f"{relative}: {reference} leaves the site")
                continue
            path = unquote(urlsplit(absolute).path)[len(urlsplit(SITE_URL).path) :]
            if not (site.site_dir / path).is_file():
                broken.append(f"{relative}: {reference} -> {path}")
    return broken


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_image_of_every_page_is_a_file_of_the_site(
    realsites: dict[str, Site], variant: str
) -> None:
    site = realsites[variant]
    assert site.warnings == []
    assert broken_images(site) == []
    heroes = [
        page.select_one(".aiblog-hero img")
        for html in site.site_dir.rglob("*.html")
        if (page := BeautifulSoup(html.read_text("utf-8"), "html.parser"))
    ]
    assert len([hero for hero in heroes if hero is not None]) == 5  # not vacuous


def post_page(site: Site, title: str) -> BeautifulSoup:
    """Give the written page of the post titled `title`."""
    for html in sorted(site.site_dir.rglob("*.html")):
        page = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        heading = page.select_one("article h1")
        if page.select_one(".aiblog-hero") and heading and heading.get_text(strip=True) == title:
            return page
    raise AssertionError(f"no post page titled {title!r}")


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_hero_has_its_intrinsic_size_and_loads_first(
    realsites: dict[str, Site], variant: str
) -> None:
    site = realsites[variant]
    for name, (width, height) in HEROES.items():
        hero = post_page(site, name.capitalize()).select_one(".aiblog-hero img")
        assert hero is not None
        assert (hero["width"], hero["height"]) == (str(width), str(height)), name
        assert hero["decoding"] == "async" and hero["fetchpriority"] == "high"
        assert not hero.has_attr("loading")  # above the fold: never lazy
    remote = post_page(site, "Remote").select_one(".aiblog-hero img")
    assert remote is not None and remote["src"] == "https://cdn.example.com/hero.png"
    assert not remote.has_attr("width") and not remote.has_attr("height")


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_thumbnails_keep_their_display_size_and_load_lazily(
    realsites: dict[str, Site], variant: str
) -> None:
    site = realsites[variant]
    page = post_page(site, "One")
    thumbs = page.select(".aiblog-popular__thumb")
    assert thumbs
    for thumb in thumbs:
        assert (thumb["width"], thumb["height"]) == ("48", "48")
        assert thumb["loading"] == "lazy" and thumb["decoding"] == "async"
    cards = site.html("").select(".aiblog-card__thumb img")
    assert len(cards) == 5
    for card in cards:
        assert (card["width"], card["height"]) == ("160", "90")
        assert card["loading"] == "lazy" and card["decoding"] == "async"


@pytest.mark.slow
def test_og_image_is_the_published_file_under_the_blog(realsites: dict[str, Site]) -> None:
    page = post_page(realsites["material-blog"], "One")
    og = page.select_one('meta[property="og:image"]')
    assert og is not None and og["content"] == f"{SITE_URL}blog/images/one.png"
    body_image = page.select_one("article img[alt=Inline]")
    hero = page.select_one(".aiblog-hero img")
    assert body_image is not None and hero is not None
    assert body_image["src"] == hero["src"]  # the same relative path, the same link


def test_each_image_is_read_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = images.file_size
    monkeypatch.setattr(images, "file_size", lambda path: read.append(path) or real(path))
    files: dict[str, str | bytes] = {"posts/images/a.png": png(4, 3), "b.png": png(2, 2)}
    for number in range(4):
        image = "images/a.png" if number % 2 else "/b.png"
        files[f"posts/p{number}.md"] = post(title=f"P{number}", image=image)
    site = build_site(tmp_path, files=files, check=True)
    assert site.warnings == []
    assert sorted(Path(path).name for path in read) == ["a.png", "b.png"]
    hero = site.html("posts/p1.md").select_one(".aiblog-hero img")
    assert hero is not None and (hero["width"], hero["height"]) == ("4", "3")


def test_an_image_no_file_matches_is_one_warning_naming_the_post(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        files={"posts/x.md": post(title="X", image="blog/images/none.png")},
    )
    assert site.warnings == [
        "aiblog: posts/x.md: image: 'blog/images/none.png' is not an http(s) URL"
        " or a file under docs/"
    ]
    assert site.html("posts/x.md").select_one(".aiblog-hero") is None
