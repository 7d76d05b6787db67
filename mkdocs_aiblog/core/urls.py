"""Which URLs may become links: http, https and site-relative ones only."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# Browsers drop or reinterpret these, so `java\tscript:` is `javascript:`, and
# bidi overrides or other format characters hide what a URL really says.
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"))
_ASCII_HIDDEN = re.compile(r"[\x00-\x20\x7f]")  # the ASCII ones: controls and the space
# Character references (`&#106;`, `&colon;`) would be decoded in an attribute.
_REFERENCE = re.compile(r"&(#|[A-Za-z][A-Za-z0-9]*;)")


def safe_url(value: str) -> str | None:
    """Give `value` if it may become a link (http, https or site-relative), else None.

    Site-relative means no scheme and no host: `/x/`, `../x/`, `x/`, `?q`, `#part`.
    `//host/x` is protocol-relative and leads to another site, so it is refused,
    as are user names in a URL (`https://bank.com@evil.com`), bad ports, `www.x.com`
    without a scheme, backslashes, `<>"`, character references and invisible
    characters: rather refused than interpreted.
    """
    if not isinstance(value, str) or not value or _REFERENCE.search(value):
        return None
    if set(value) & set('<>"\\'):
        return None
    if value.isascii():
        if _ASCII_HIDDEN.search(value):
            return None
    elif any(unicodedata.category(c) in _HIDDEN for c in value):
        return None
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return None
    if parts.username is not None or value.lower().startswith("www."):
        return None
    if parts.scheme:
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        return value if ok else None
    if value.startswith("//") or ":" in value.split("/", 1)[0]:
        return None
    return value


def is_safe_link(value: str) -> bool:
    """Tell whether `value` may become a link (see `safe_url`)."""
    return safe_url(value) is not None
