"""Input quoted in a log message: bounded in length and free of control characters.

A value from front matter, an authors file or an analytics export can be huge:
YAML aliases make a kilobyte of front matter into nested lists of a billion
items, which `repr` would spell out in full (minutes and gigabytes for one
warning). `shown` walks only the part of a value it prints; `clean` escapes what
a terminal or a log viewer would act on (newlines, escapes, bidi overrides).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any, Final

import yaml

try:  # the loader MkDocs reads front matter with (mkdocs.utils.meta)
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

SHOWN: Final = 80
"""Characters of a quoted value, `...` included."""
NAME: Final = 60
"""Characters of a quoted name (a key, a file name in a list)."""
LINE: Final = 400
"""Characters of a whole log line: a last bound, whatever the parts."""

# Past this many bits Python refuses to print an int (sys.int_max_str_digits)
# or takes quadratic time to; YAML hands such numbers over when they are keys.
_BIG_INT_BITS: Final = 1024


class _Full(Exception):
    """The walk has written all it may."""


def shown(value: object, limit: int = SHOWN) -> str:
    """Give `repr(value)` cut to `limit` characters, reading no more of `value` than that.

    Short values read exactly as `repr` writes them; a longer one ends in `...`.
    The walk stops once `limit` characters are written, so a value that shares
    its parts (YAML aliases) or contains itself costs no more than a small one.
    """
    parts: list[str] = []
    size = 0

    def put(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)
        if size > limit:
            raise _Full

    def walk(item: object, active: frozenset[int]) -> None:
        if isinstance(item, str | bytes | bytearray):
            put(repr(item[: limit + 1]))
        elif isinstance(item, bool) or item is None:
            put(repr(item))
        elif isinstance(item, int):
            big = item.bit_length() > _BIG_INT_BITS
            put(f"<a number of {item.bit_length()} bits>" if big else repr(item))
        elif isinstance(item, Mapping | list | tuple | set | frozenset):
            if id(item) in active:  # a value that contains itself, as repr shows it
                put("{...}" if isinstance(item, Mapping) else "[...]")
                return
            inner = active | {id(item)}
            opening, closing = _brackets(item)
            put(opening)
            if isinstance(item, Mapping):
                for number, (key, element) in enumerate(item.items()):
                    put(", " if number else "")
                    walk(key, inner)
                    put(": ")
                    walk(element, inner)
            else:
                for number, element in enumerate(item):
                    put(", " if number else "")
                    walk(element, inner)
                if isinstance(item, tuple) and len(item) == 1:
                    put(",")
            put(closing)
        else:  # floats, dates and times: short; anything else: cut
            try:
                put(repr(item)[: limit + 1])
            except Exception:  # a repr that fails must not end the build
                put(f"<{type(item).__name__}>")

    try:
        walk(value, frozenset())
    except _Full:
        pass
    except RecursionError:  # only reachable with a limit in the thousands
        pass
    return clean("".join(parts), limit)


def _brackets(item: object) -> tuple[str, str]:
    if isinstance(item, Mapping):
        return ("{", "}") if type(item) is dict else (f"{type(item).__name__}({{", "})")
    if isinstance(item, tuple):
        return "(", ")"
    if isinstance(item, set | frozenset):
        if not item:
            return f"{type(item).__name__}(", ")"
        return ("{", "}") if type(item) is set else (f"{type(item).__name__}({{", "})")
    return "[", "]"


def clean(text: str, limit: int = LINE) -> str:
    """Give `text` with control, format and line-break characters escaped, cut to `limit`.

    Characters `str.isprintable` refuses are written as `repr` writes them
    (`\\n`, `\\x1b`, `\\u202e`), so one message stays one plain line.
    """
    if len(text) <= limit and text.isprintable():
        return text
    part = text[: limit + 1]
    if not part.isprintable():
        part = "".join(c if c.isprintable() else repr(c)[1:-1] for c in part)
    return part if len(part) <= limit else part[: limit - 3] + "..."


def name(value: object, limit: int = NAME) -> str:
    """Give a key or name as written (text unquoted, anything else as `shown`), bounded."""
    if isinstance(value, str):
        return clean(value[: limit + 1], limit)
    return shown(value, limit)


def listed(items: Iterable[object], limit: int = 120) -> str:
    """Give `items` as `a, b, c`, each `name`d, cut to `limit` characters."""
    return clean(", ".join(name(item) for item in islice(items, limit // 2 + 1)), limit)


def yaml_reason(
    error: BaseException, *, source: str | None = None, first_line: int = 1
) -> tuple[str, str]:
    """Give where and why a YAML text could not be read: (`line N: ` or "", one short line).

    `source` is the YAML text and `first_line` the file's line it starts on.
    PyYAML's own message spans several lines and quotes the input; this keeps
    its reason.
    """
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = getattr(mark, "line", None)
    problem = getattr(error, "problem", None) or getattr(error, "context", None)
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML refuses: no mark
        if source is not None and isinstance(error.position, int):
            line = source.count("\n", 0, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        problem = f"{error.reason} (character {code:#06x})"
    if isinstance(error, RecursionError):
        problem = "nested too deeply"
    elif not isinstance(problem, str):
        problem = str(error)[:1000] or type(error).__name__
    where = f"line {line + first_line}: " if isinstance(line, int) else ""
    return where, clean(" ".join(problem[:1000].split()), 120)


class _Loader(_SafeLoader):
    """PyYAML's safe loader, whose constructors' errors say where the value is.

    Its timestamp and number constructors raise `ValueError` (`2026-02-30`, an
    int of 5,000 digits) with no line; this makes them `ConstructorError`s with
    the value's line. What it reads is what MkDocs reads from front matter.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (yaml.YAMLError, RecursionError):
            raise
        except Exception as error:  # PyYAML's constructors raise anything
            problem = str(error)[:1000] or type(error).__name__
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None


def load_yaml(source: str) -> Any:
    """Give the value of YAML `source`, as MkDocs reads front matter; errors carry the line."""
    return yaml.load(source, Loader=_Loader)  # a SafeLoader
