"""A blog shaped like a real one: Material's blog plugin with images beside posts.

Shared by the build tests (tests/builds/test_realsite_images.py) and the browser
tests (tests/browser/test_images.py), which import it by name (pytest puts
``tests/`` on ``sys.path``).
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

from material.extensions.emoji import to_svg, twemoji
from sitebuild import AUTHORS_FILE, AVATAR, post

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


class CountingBytes(io.BytesIO):
    """A file that counts the bytes read from it (seeking past data is free)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.taken = 0

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        self.taken += len(data)
        return data


def bmp(width: int, height: int) -> bytes:
    """Give a valid 24-bit BMP, a format only Pillow reads."""
    row = (width * 3 + 3) & ~3
    pixels = b"\x00" * row * height
    header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 0, 0, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + 40 + len(pixels), 0, 0, 54) + header + pixels


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
