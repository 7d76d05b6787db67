"""Which URLs may become links: http, https and site-relative ones only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Browsers drop these before reading a scheme, so `java\tscript:` is `javascript:`.
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def is_safe_link(url: str) -> bool:
    """Tell whether `url` is an http(s) URL with a host, or a site-relative URL.

    Site-relative means a path (`/a/`, `../a/`, `a/b.png`) or a fragment, with no
    scheme and no host; `//host/x` takes the reader to another site, so it is not.
    Spaces, control characters and character references are refused outright
    rather than interpreted.
    """
    if not isinstance(url, str) or not url or _INVISIBLE.search(url) or "&#" in url:
        return False
    if "\\" in url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme:
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    return not url.startswith("//") and ":" not in url.split("/", 1)[0]
