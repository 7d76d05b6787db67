"""The comment widget a site asked for, checked once per build; and which pages show it.

Pure functions of the `comments:` options and front matter, no MkDocs: each
problem comes back as a string naming the key (`mkdocs.yml: aiblog: comments:
giscus: repo_id: missing`), and a site with any problem gets no comments at
all rather than a widget that half works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs_aiblog.core.text import name as key_name
from mkdocs_aiblog.core.text import shown
from mkdocs_aiblog.core.urls import safe_url

WHERE = "mkdocs.yml: aiblog: comments"

GISCUS_SCRIPT = "https://giscus.app/client.js"
GISCUS_KEYS = frozenset(
    {
        "repo", "repo_id", "category", "category_id", "mapping", "term", "strict",
        "reactions_enabled", "emit_metadata", "input_position", "theme", "lang", "loading",
    }
)  # fmt: skip
"""giscus's `data-*` attributes (giscus.app), in snake case."""
GISCUS_REQUIRED = ("repo", "repo_id", "category_id")
GISCUS_MAPPINGS = frozenset({"pathname", "url", "title", "og:title", "specific", "number"})
ISSO_KEYS = frozenset(
    {
        "css", "css_url", "lang", "default_lang", "reply_to_self", "require_author",
        "require_email", "reply_notifications", "reply_notifications_default_enabled",
        "max_comments_top", "max_comments_nested", "reveal_on_click", "avatar", "avatar_bg",
        "avatar_fg", "gravatar", "vote", "vote_levels", "feed", "page_author_hashes", "sorting",
    }
)  # fmt: skip
"""Isso's `data-isso-*` attributes (its client configuration), in snake case."""

_REPO = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")
_ID = re.compile(r"[A-Za-z0-9_=-]{1,100}")
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_VALUE_LIMIT = 300


@dataclass(frozen=True, slots=True)
class Comments:
    """The widget every page with comments loads, with what the partial writes."""

    provider: str
    """`giscus` or `isso`."""
    name: str
    """The provider as the button names it."""
    load: str
    """`visible`, `click` or `immediate`."""
    script: str
    """The provider's script, loaded by the plugin's loader when the time comes."""
    host: str
    """Where the reader's browser connects once the widget loads ("": this site)."""
    attributes: tuple[tuple[str, str], ...]
    """The provider's `data-*` attributes for its script (raw: the partial escapes)."""
    discussions: str = ""
    """giscus: the repository's discussions, the link shown without JavaScript."""
    follow_palette: bool = False
    """giscus: the theme follows Material's palette (no `theme` set)."""


def settings(
    provider: str | None,
    load: str,
    giscus: dict[object, object],
    isso: dict[object, object],
    *,
    language: str | None = None,
) -> tuple[Comments | None, list[str]]:
    """Give the widget the options describe (None: no comments) and their problems."""
    if provider is None:
        return None, []
    if provider == "giscus":
        return _giscus(load, giscus, language)
    return _isso(load, isso, language)


def _giscus(
    load: str, options: dict[object, object], language: str | None
) -> tuple[Comments | None, list[str]]:
    where = f"{WHERE}: giscus"
    values, problems = _values(options, GISCUS_KEYS, where, ("1", "0"))
    for key in GISCUS_REQUIRED:
        if key not in options:
            problems.append(f"{where}: {key}: missing (copy it from giscus.app)")
    repo = values.get("repo", "")
    if repo and not _REPO.fullmatch(repo):
        problems.append(f"{where}: repo: {shown(repo)} is not 'owner/name'")
    for key in ("repo_id", "category_id"):
        if key in values and not _ID.fullmatch(values[key]):
            problems.append(f"{where}: {key}: {shown(values[key])} is not a giscus id")
    mapping = values.setdefault("mapping", "pathname")
    if mapping not in GISCUS_MAPPINGS:
        problems.append(
            f"{where}: mapping: {shown(mapping)} is not one of {', '.join(sorted(GISCUS_MAPPINGS))}"
        )
    elif mapping in ("specific", "number") and "term" not in values:
        problems.append(f"{where}: term: missing (mapping {mapping} needs it)")
    if problems:
        return None, problems
    follow = "theme" not in values
    values.setdefault("lang", _language(language))
    values.setdefault("reactions_enabled", "1")
    values.setdefault("emit_metadata", "0")
    values.setdefault("input_position", "bottom")
    return Comments(
        provider="giscus",
        name="giscus",
        load=load,
        script=GISCUS_SCRIPT,
        host="giscus.app",
        attributes=tuple((f"data-{_kebab(k)}", v) for k, v in sorted(values.items())),
        discussions=f"https://github.com/{repo}/discussions",
        follow_palette=follow,
    ), []


def _isso(
    load: str, options: dict[object, object], language: str | None
) -> tuple[Comments | None, list[str]]:
    where = f"{WHERE}: isso"
    rest = {key: value for key, value in options.items() if key != "url"}
    values, problems = _values(rest, ISSO_KEYS, where, ("true", "false"))
    url = options.get("url")
    endpoint = _isso_url(url) if isinstance(url, str) else None
    if "url" not in options:
        problems.insert(0, f"{where}: url: missing (where the Isso server answers)")
    elif endpoint is None:
        problems.insert(
            0,
            f"{where}: url: {shown(url)} is not an https:// URL or a path of this site"
            " (http:// only for 127.0.0.1 or localhost)",
        )
    if problems or endpoint is None:
        return None, problems
    values.setdefault("lang", _language(language))
    host = urlsplit(endpoint).netloc  # "": the site itself, no third party to name
    attributes = [("data-isso", endpoint)]
    attributes += [(f"data-isso-{_kebab(k)}", v) for k, v in sorted(values.items())]
    return Comments(
        provider="isso",
        name="Isso",
        load=load,
        script=endpoint + "js/embed.min.js",
        host=host,
        attributes=tuple(attributes),
    ), []


def _isso_url(value: str) -> str | None:
    """Give Isso's address with a final `/`, if it is https, loopback http or site-relative."""
    url = safe_url(value.strip())
    if url is None or "?" in url or "#" in url:
        return None
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "http" and parts.hostname not in _LOOPBACK:
        return None  # a comment form sends names and emails: not in clear text
    if not scheme and not url.startswith("/"):
        return None  # relative to each page would differ on every page
    return url if url.endswith("/") else url + "/"


def _values(
    options: dict[object, object], known: frozenset[str], where: str, booleans: tuple[str, str]
) -> tuple[dict[str, str], list[str]]:
    """Give the known settings as attribute values, and a problem per bad or unknown one."""
    values: dict[str, str] = {}
    problems: list[str] = []
    for key, value in options.items():
        if not isinstance(key, str) or key not in known:
            problems.append(f"{where}: {key_name(key)}: not a setting of this provider")
        elif isinstance(value, bool):
            values[key] = booleans[0] if value else booleans[1]
        elif isinstance(value, int | float):
            values[key] = str(value)
        elif isinstance(value, str) and value.strip() and len(value) <= _VALUE_LIMIT:
            values[key] = value.strip()
        else:
            problems.append(f"{where}: {key}: {shown(value)} is not a short text, number or yes/no")
    return values, problems


def _kebab(key: str) -> str:
    return key.replace("_", "-")


def _language(language: str | None) -> str:
    """Give the widget's language: `theme.language` (`pt-BR`), English where unset."""
    code = (language or "en").replace("_", "-")
    return code if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?", code) else "en"


def shows(front_matter: object, *, is_post: bool, pages: str) -> tuple[bool, str | None]:
    """Give whether a page shows comments, and the problem with its `comments:` key.

    `comments: true|false` in front matter decides; without it posts show
    them, and every page with `pages: all`.
    """
    if front_matter is None:
        return is_post or pages == "all", None
    if isinstance(front_matter, bool):
        return front_matter, None
    default = is_post or pages == "all"
    return default, f"comments: {shown(front_matter)} is not true or false"
