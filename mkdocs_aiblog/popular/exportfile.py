"""An analytics export opened as a stream of text lines, with its size capped as it is read.

Exports can be large (GoatCounter writes one row per pageview) and can be anything a
path names (a device, a pipe, a zip bomb), so nothing here reads a whole file: the
bytes are uncompressed and decoded as the lines are taken, and reading stops at
`MAX_BYTES` of uncompressed data. What cannot be read on raises `Unreadable` (or the
error of the decompressor, see `ERRORS`), which the caller turns into one problem.
"""

from __future__ import annotations

import functools
import gzip
import io
import lzma
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path, PurePath
from typing import IO, cast

from mkdocs_aiblog.core.text import clean, listed, name

MAX_BYTES = 512 << 20
"""Uncompressed bytes read at most; an export over this is refused."""
MAX_LINE = 1 << 20
"""Characters of one line kept at most; a longer line is left out (csv's cap is 128 KiB)."""
_CHUNK = 1 << 16

# What a corrupt or truncated gzip, zip, deflate, bzip2 or LZMA stream raises while
# it is read: BadGzipFile and bz2's errors are OSErrors, a bad CRC is BadZipFile, an
# encrypted member RuntimeError, an unknown compression NotImplementedError; a
# damaged zip directory can make zipfile seek before the start (ValueError), read
# a short record (struct.error) or overflow.
ERRORS = (
    OSError,
    ValueError,
    OverflowError,
    struct.error,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    zipfile.BadZipFile,
    RuntimeError,
    NotImplementedError,
)


def why(error: BaseException) -> str:
    """Give an error's message cut short: zipfile's can quote a whole header."""
    return clean(str(error) or type(error).__name__, 120)


class Unreadable(Exception):
    """The export cannot be read on; the message says why."""


class _Capped(io.RawIOBase):
    """A byte stream that raises `Unreadable` once more than `MAX_BYTES` came through it."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        self.seen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.source.read(min(len(buffer), _CHUNK))
        self.seen += len(data)
        if self.seen > MAX_BYTES:
            raise Unreadable(f"the export is over {MAX_BYTES >> 20} MiB; not read")
        buffer[: len(data)] = data
        return len(data)


def open_bytes(data: bytes | PurePath, stack: ExitStack) -> tuple[IO[bytes], str]:
    """Give the export's uncompressed bytes as a capped stream, and what was opened.

    What was opened is for messages: "" for a plain file, else the gzip data or the
    zip's member.
    A path is opened only if it names a regular file: a directory, a device such as
    `/dev/zero` or a FIFO (whose `open` would wait for a writer) is `Unreadable`.
    """
    if isinstance(data, PurePath):
        path = Path(data)
        where = name(str(path), 200)
        try:
            status = path.stat()
        except OSError as error:
            raise Unreadable(f"cannot read {where}: {error.strerror or error}") from None
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise Unreadable(f"cannot read {where}: it is a directory")
        if not stat.S_ISREG(mode):
            raise Unreadable(f"cannot read {where}: not a regular file (a device or a pipe)")
        if status.st_size > MAX_BYTES:  # refused before reading, compressed or not
            raise Unreadable(f"the export is over {MAX_BYTES >> 20} MiB; not read")
        try:
            source: IO[bytes] = stack.enter_context(path.open("rb"))
        except OSError as error:
            raise Unreadable(f"cannot read {where}: {error.strerror or error}") from None
    else:
        source = io.BytesIO(data)
    magic = source.read(4)
    source.seek(0)
    opened = ""
    if magic[:2] == b"\x1f\x8b":
        opened = "the gzip data"
        source = cast("IO[bytes]", stack.enter_context(gzip.GzipFile(fileobj=source)))
    elif magic == b"PK\x03\x04":
        try:
            archive = stack.enter_context(zipfile.ZipFile(source))
            names = [n for n in archive.namelist() if not n.endswith("/")]
            pages = [n for n in names if n.rsplit("/", 1)[-1] == "pages.csv"]
            if not pages and len(names) != 1:
                raise Unreadable(f"the zip file has no pages.csv (it has {listed(names)})")
            member = (pages or names)[0]
            opened = f"{member} in the zip file"
            source = stack.enter_context(archive.open(member))
        except ERRORS as error:
            what = opened or "the zip file"
            raise Unreadable(f"cannot uncompress {what}: {why(error)}") from None
    return io.BufferedReader(_Capped(source), _CHUNK), opened


def text_of(stream: IO[bytes]) -> io.TextIOWrapper:
    """Give the text of an export's bytes: UTF-8 (BOM or not), or UTF-16 with its BOM.

    Bytes that are not text become U+FFFD; universal newlines, as `csv` wants them.
    """
    head = stream.peek(2)[:2] if isinstance(stream, io.BufferedReader) else b""
    utf16 = head in (b"\xff\xfe", b"\xfe\xff")  # Excel's "Unicode text"
    encoding = "utf-16" if utf16 else "utf-8-sig"
    return io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")


class Lines:
    """The lines of an export's text, each at most `MAX_LINE` long, counted as they go.

    A longer line is left out (its rest skipped too) with a problem, so one huge line
    costs `MAX_LINE` of memory, not its length. With `check_text`, the first line that
    held bytes that are not text is named; NUL characters are removed.
    """

    def __init__(
        self, text: IO[str], problem: Callable[[int | None, str], None], *, check_text: bool
    ) -> None:
        self.text = text
        self.problem = problem
        self.number = 0
        """Lines read so far."""
        self.check_text = check_text
        self._lines = self._read()

    def __iter__(self) -> Iterator[str]:
        return self._lines

    def _read(self) -> Iterator[str]:
        # A generator with locals: this runs once per line of exports with millions.
        readline, problem, check_text, nul_told = (
            self.text.readline,
            self.problem,
            self.check_text,
            False,
        )
        number = 0
        for line in iter(functools.partial(readline, MAX_LINE), ""):
            number += 1
            self.number = number
            if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
                problem(number, f"a line over {MAX_LINE >> 20} MiB; left out")
                while (rest := readline(MAX_LINE)) and not rest.endswith(("\n", "\r")):
                    pass
                yield "\n"  # keeps the line numbers of what follows
                continue
            if check_text and "\ufffd" in line:
                check_text = False  # once is enough
                problem(number, "not UTF-8 text; the bytes that are not were replaced")
            if "\x00" in line:  # Python 3.10's csv refuses them
                if not nul_told:
                    problem(None, "NUL characters in the export were removed")
                    nul_told = True
                line = line.replace("\x00", "")
            yield line
