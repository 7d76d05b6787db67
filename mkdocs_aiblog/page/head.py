"""The head metadata of a post: OpenGraph, Twitter card and JSON-LD `BlogPosting`.

Values are returned raw; the template escapes attribute values, and the JSON-LD
is serialized here so that no string can close its `<script>` element.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

if TYPE_CHECKING:
    from mkdocs_aiblog.core.posts import Post

Tag = tuple[str, str, str]
"""An attribute name (`property` or `name`), its value, and the `content`."""


@lru_cache(maxsize=4096)
def absolute(site_url: str | None, path: str | None) -> str | None:
    """Give the absolute URL of a site path, or an http(s) URL as it is.

    None when there is no path, or when the site has no `site_url` to start from.
    Kept for the next call: a post's URL, its image and its authors' pages are
    asked for some seven times a page, and `urljoin` parses both URLs each time.
    """
    if not path:
        return None
    if path.startswith(("http://", "https://", "HTTP://", "HTTPS://")):
        return path
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path.lstrip("/"))


def head_tags(post: Post, *, site_url: str | None, site_name: str, social: bool) -> list[Tag]:
    """Give the OpenGraph and Twitter tags of a post.

    Args:
        post: the post.
        site_url: `site_url`, for absolute URLs (og:url and og:image need them).
        site_name: `site_name`.
        social: whether Material's social plugin already emits the generic
            OpenGraph and Twitter tags, in which case only `article:*` is added.
    """
    url = absolute(site_url, post.url)
    image = absolute(site_url, post.image)
    tags: list[Tag] = []
    if not social:
        tags += [("property", "og:type", "article"), ("property", "og:title", post.title)]
        tags += [("property", "og:site_name", site_name)]
        if post.description:
            tags.append(("property", "og:description", post.description))
        if url:
            tags.append(("property", "og:url", url))
        if image:
            tags.append(("property", "og:image", image))
            if post.image_alt:
                tags.append(("property", "og:image:alt", post.image_alt))
        card = "summary_large_image" if image else "summary"
        tags += [("name", "twitter:card", card), ("name", "twitter:title", post.title)]
        if post.description:
            tags.append(("name", "twitter:description", post.description))
        if image:
            tags.append(("name", "twitter:image", image))
    if post.date:
        tags.append(("property", "article:published_time", post.date.isoformat()))
    if post.updated:
        tags.append(("property", "article:modified_time", post.updated.isoformat()))
    for author in post.authors:
        tags.append(("property", "article:author", absolute(site_url, author.url) or author.name))
    for category in post.categories[:1]:
        tags.append(("property", "article:section", category))
    for tag in post.tags:
        tags.append(("property", "article:tag", tag))
    return tags


def json_ld(post: Post, *, site_url: str | None, site_name: str) -> str:
    """Give the post's JSON-LD `BlogPosting`, safe inside a `<script>` element."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
    }
    if post.subtitle:
        data["alternativeHeadline"] = post.subtitle
    if post.description:
        data["description"] = post.description
    if post.date:
        data["datePublished"] = post.date.isoformat()
        data["dateModified"] = (post.updated or post.date).isoformat()
    if post.authors:
        data["author"] = [
            {"@type": "Person", "name": author.name}
            | ({"url": url} if (url := absolute(site_url, author.url)) else {})
            for author in post.authors
        ]
    if image := absolute(site_url, post.image):
        data["image"] = image
    if url := absolute(site_url, post.url):
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
        data["url"] = url
    data["publisher"] = {"@type": "Organization", "name": site_name}
    if post.tags:
        data["keywords"] = list(post.tags)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # `<`, `>` and `&` as escapes keep `</script>` and `<!--` from ending the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# -- tags the page already has ----------------------------------------------------------

_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_META_KEY = re.compile(
    r"""(?<![\w-])(?:property|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""",
    re.IGNORECASE,
)
_JSON_LD = re.compile(
    r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script", re.IGNORECASE | re.DOTALL
)
_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*(?:\[[^\]]*)?"[A-Za-z]*(?:Article|Posting)"')


def existing_head(head: str) -> tuple[set[str], bool]:
    """Give the names of a page's own `<meta>` tags and whether it has an article's JSON-LD.

    A name is what `property` or `name` says, lowercased: sites write OpenGraph
    tags with either. JSON-LD counts when it describes an `Article` or a
    `BlogPosting` (or a kind of them: `NewsArticle`, `SocialMediaPosting`).
    """
    names: set[str] = set()
    for meta in _META.finditer(head):
        if key := _META_KEY.search(meta.group()):
            names.add((key.group(1) or key.group(2) or key.group(3) or "").strip().lower())
    article = "ld+json" in head and any(
        _ARTICLE_TYPE.search(script.group(1)) for script in _JSON_LD.finditer(head)
    )
    return names, article


def missing_tags(tags: list[tuple[str, str, str]], names: set[str]) -> list[tuple[str, str, str]]:
    """Give the plugin's head tags that the page's own tags (`names`) leave out.

    A name the page writes is the page's, every value of it (`article:tag`).
    `og:image:alt` describes the page's own `og:image` where it has one, and a
    `twitter:title`, `twitter:description` or `twitter:image` would override, for
    Twitter/X, the page's own OpenGraph title, description or image, which it
    reads where the `twitter:` tag is missing.
    """
    return [
        tag
        for tag in tags
        if (name := tag[1].lower()) not in names
        and not (name.startswith("og:image:") and "og:image" in names)
        and not (name in _TWITTER_FALLBACK and _TWITTER_FALLBACK[name] in names)
    ]


_TWITTER_FALLBACK = {
    "twitter:title": "og:title",
    "twitter:description": "og:description",
    "twitter:image": "og:image",
}
