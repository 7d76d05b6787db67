"""Images a post names: the URL each is published at, and its intrinsic size.

A post's `image:` is found the way MkDocs finds a relative link in its body
(from the post's folder), else from `docs/`, else as the path the site
publishes it at: Material's blog plugin writes `blog/posts/images/a.png` to
`blog/images/a.png`, and authors who wrote their own `og:image` used that.
Whatever was written, the post keeps the file's published URL (MkDocs'
`File.url`), so every link to it points at a file that exists in `site/`.

Sizes come from the first bytes of the file (PNG, GIF, JPEG, WebP, simple SVG),
read once per image and build; Pillow, when it is importable anyway, only
measures what these readers do not know. A size is a hint for the layout, so
anything doubtful gives no size rather than a wrong one.
"""

from __future__ import annotations

import math
import posixpath
import re
import struct
import warnings
from typing import IO, TYPE_CHECKING
from urllib.parse import unquote

from mkdocs_aiblog.site import files as sources

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files

Size = tuple[int, int]
"""Width and height in CSS pixels."""

LIMIT = 100_000
"""Largest side believed: a larger declared size is a corrupt or hostile header."""

_HEAD = 32  # PNG, GIF and WebP keep their size within the first 30 bytes
_SVG_HEAD = 4096  # the root element's tag, after an XML declaration and a comment or two
_JPEG_SEGMENTS = 256  # a JPEG's frame header follows a few metadata segments
_EXIF_MAX = 65_535  # a segment's length is 16 bits: reading one never reads the file


def _checked(width: float, height: float) -> Size | None:
    if not (math.isfinite(width) and math.isfinite(height)):  # an SVG's `1e400` or `nan`
        return None
    w, h = round(width), round(height)
    return (w, h) if 0 < w <= LIMIT and 0 < h <= LIMIT else None


def _head_size(head: bytes) -> Size | None:
    """Give the size a PNG, GIF or WebP header declares; None for anything else."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR" and len(head) >= 24:
        return _checked(*struct.unpack(">II", head[16:24]))
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        return _checked(*struct.unpack("<HH", head[6:10]))
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        chunk = head[12:16]
        if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a" and len(head) >= 30:
            width, height = struct.unpack("<HH", head[26:30])
            return _checked(width & 0x3FFF, height & 0x3FFF)
        if chunk == b"VP8L" and head[20:21] == b"\x2f" and len(head) >= 25:
            bits = int.from_bytes(head[21:25], "little")
            return _checked((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        if chunk == b"VP8X" and len(head) >= 30:
            width = int.from_bytes(head[24:27], "little") + 1
            return _checked(width, int.from_bytes(head[27:30], "little") + 1)
    return None


# Frame headers: SOF0-3, 5-7, 9-11, 13-15 (C4, C8 and CC are other segments).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(handle: IO[bytes]) -> Size | None:
    """Give a JPEG's displayed size, walking its segment headers (seeking past their data)."""
    handle.seek(2)
    swap = False
    for _ in range(_JPEG_SEGMENTS):
        marker = handle.read(2)
        while marker[:1] == b"\xff" and marker[1:2] == b"\xff":  # fill bytes
            marker = marker[1:] + handle.read(1)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        code = marker[1]
        if code == 0x01 or 0xD0 <= code <= 0xD8:  # markers without a segment
            continue
        if code in (0xD9, 0xDA):  # the image data starts before any frame header
            return None
        length_bytes = handle.read(2)
        if len(length_bytes) < 2 or (length := int.from_bytes(length_bytes, "big")) < 2:
            return None
        if code in _SOF:
            frame = handle.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return _checked(height, width) if swap else _checked(width, height)
        if code == 0xE1:  # Exif: browsers turn the image as its orientation says
            data = handle.read(min(length - 2, _EXIF_MAX))
            swap = swap or _exif_orientation(data) in (5, 6, 7, 8)
            handle.seek(length - 2 - len(data), 1)
        else:
            handle.seek(length - 2, 1)
    return None


def _exif_orientation(data: bytes) -> int | None:
    """Give the orientation tag of an Exif segment's first directory, if it has one."""
    if not data.startswith(b"Exif\x00\x00") or len(data) < 14:
        return None
    tiff = data[6:]
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None
    (offset,) = struct.unpack(order + "I", tiff[4:8])
    if offset + 2 > len(tiff):
        return None
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    for index in range(count):
        entry = tiff[offset + 2 + 12 * index : offset + 14 + 12 * index]
        if len(entry) < 12:
            return None
        tag, kind = struct.unpack(order + "HH", entry[:4])
        if tag == 0x0112 and kind == 3:  # orientation, a SHORT
            (value,) = struct.unpack(order + "H", entry[8:10])
            return int(value)
    return None


_SVG_ROOT = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""([A-Za-z][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LENGTH = re.compile(rb"\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:px)?\s*")


def _svg_size(head: bytes) -> Size | None:
    """Give the size an SVG's root element declares in pixels, or its viewBox's."""
    root = _SVG_ROOT.search(head)
    if root is None:
        return None
    attributes = {
        m[1].lower(): m[2] if m[2] is not None else m[3] for m in _ATTRIBUTE.finditer(root[1])
    }
    lengths = []
    for name in (b"width", b"height"):
        found = _LENGTH.fullmatch(attributes.get(name) or b"")
        lengths.append(float(found[1]) if found else None)
    width, height = lengths
    box: list[float] = []
    try:
        box = [
            float(part) for part in (attributes.get(b"viewbox") or b"").replace(b",", b" ").split()
        ]
    except ValueError:
        box = []
    ratio = box[2] / box[3] if len(box) == 4 and box[2] > 0 and box[3] > 0 else None
    if width is not None and height is not None:
        return _checked(width, height)
    if ratio is not None:
        if width is not None:
            return _checked(width, width / ratio)
        if height is not None:
            return _checked(height * ratio, height)
        return _checked(box[2], box[3])
    return None


def read_size(handle: IO[bytes]) -> Size | None:
    """Give the intrinsic size of the image `handle` reads, from its first bytes.

    PNG, GIF, WebP, JPEG and an SVG whose root element gives pixel sizes or a
    viewBox. None for other formats and for a truncated, corrupt or absurd
    header; never raises for any content (only the handle's own errors pass).
    """
    head = handle.read(_HEAD)
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(handle)
    size = _head_size(head)
    if size is None and _maybe_markup(head):
        size = _svg_size(head + handle.read(_SVG_HEAD - len(head)))
    return size


def _maybe_markup(head: bytes) -> bool:
    """Tell whether a file may be SVG: text that starts with markup."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return text[:1] == b"<" and b"\x00" not in text


def known_format(head: bytes) -> bool:
    """Tell whether `head` starts a format `read_size` reads (then Pillow is not asked)."""
    return (
        head.startswith((b"\x89PNG", b"GIF8", b"\xff\xd8"))
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or _maybe_markup(head)
    )


def file_size(path: str) -> Size | None:
    """Give the intrinsic size of the image file at `path`; None when it is unknown."""
    try:
        with open(path, "rb", buffering=0) as handle:  # a few small reads and seeks
            size = read_size(handle)
            if size is None:
                handle.seek(0)
                if not known_format(handle.read(_HEAD)):
                    size = _pillow_size(path)
    except (OSError, ValueError, struct.error):
        return None
    return size


def _pillow_size(path: str) -> Size | None:
    """Give the size Pillow reads from the header, when Pillow happens to be installed."""
    try:
        from PIL import Image  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # decompression-bomb and format warnings
            with Image.open(path) as image:  # reads the header only
                width, height = image.size
    except Exception:  # Pillow raises many kinds of errors on odd files
        return None
    return _checked(width, height)


class Images:
    """The images posts name in one build: where each is published, and its size."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self._published: dict[str, File] | None = None
        self._by_url: dict[str, File] = {}
        self._sizes: dict[str, Size | None] = {}

    def resolve(self, path: str, src_uri: str | None = None) -> str | None:
        """Give the URL, from the site's root, of the file a post names; None if none.

        Tried in turn: from the post's folder, from `docs/`, and as the path the
        file is published at (Material's blog plugin moves its posts' assets).
        """
        file = self._find(path, src_uri)
        if file is None and "%" in path:  # as MkDocs reads `a%20b.png` in a post's body
            file = self._find(unquote(path), src_uri)
        if file is None:
            return None
        self._by_url[file.url] = file
        return file.url

    def _find(self, path: str, src_uri: str | None) -> File | None:
        found = sources.find_file(self.files, path, src_uri)
        if found is not None:
            return found[1]
        if self._published is None:  # built late: once Material's blog plugin moved them
            self._published = {file.dest_uri: file for file in self.files.media_files()}
        return self._published.get(posixpath.normpath(path.lstrip("/")))

    def size(self, url: str | None) -> Size | None:
        """Give the intrinsic size of an image `resolve` gave, read once per build."""
        file = self._by_url.get(url or "")
        if file is None or not file.abs_src_path:
            return None
        if file.abs_src_path not in self._sizes:
            self._sizes[file.abs_src_path] = file_size(file.abs_src_path)
        return self._sizes[file.abs_src_path]
