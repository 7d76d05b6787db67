"""Share links: each network's share address for a post's absolute URL and title.

Every address is a plain link, built once per post at build time: nothing is
requested from a network until the reader clicks. Values are percent-encoded
with `quote(..., safe="")`, so `&`, `#`, `?`, `+`, spaces and newlines in a title
come back exactly as written when the network decodes the query; `%20` (not `+`)
also keeps spaces right in `mailto:` links, which RFC 6068 reads without the
form-encoding convention.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final
from urllib.parse import quote

from mkdocs_aiblog.core.tables import ENGLISH
from mkdocs_aiblog.core.text import listed, shown
from mkdocs_aiblog.core.urls import safe_url
from mkdocs_aiblog.core.words import word

if TYPE_CHECKING:
    from mkdocs_aiblog.core.posts import Post

MASTODON_SHARE: Final = "https://s2f.kytta.dev/"
"""Share₂Fedi: asks the reader for their server, then sends them to its own
share page. It works with JavaScript off (a form the server answers with a
redirect), which a `web+mastodon:` link or a script that asks does not."""


def _q(text: str) -> str:
    # A lone surrogate (only a YAML escape can write one) cannot be encoded; a
    # replacement character is shown rather than the build failing.
    return quote(text, safe="", errors="replace")


def _text(url: str, title: str) -> str:
    """Give the text for networks that take a single one: title, a space, URL (encoded)."""
    return f"{title}%20{url}" if title else url


Builder = Callable[[str, str, str], str]
"""(the post's absolute URL, its title, both encoded; the Mastodon page) -> the address.

Each value is encoded once per post, not once per network: `quote` costs a few
microseconds a call, and percent-encoding is character by character, so the parts
of an encoded text are the encoded parts."""


@dataclass(frozen=True, slots=True)
class Network:
    """A place to share a post."""

    key: str
    name: str
    """Its name as shown ("Share on {network}"); brand names are not translated."""
    icon: str
    """A theme icon (`.icons/<icon>.svg`), Material's own set."""
    build: Builder
    web: bool = True
    """A web page (opened in a new tab); False for `mailto:`."""


NETWORKS: Final[Mapping[str, Network]] = {
    n.key: n
    for n in (
        Network(
            "bluesky", "Bluesky", "fontawesome/brands/bluesky",
            lambda u, t, m: "https://bsky.app/intent/compose?text=" + _text(u, t),
        ),
        Network(
            "mastodon", "Mastodon", "fontawesome/brands/mastodon",
            lambda u, t, m: m + ("&" if "?" in m else "?") + "text=" + _text(u, t),
        ),
        Network(
            "linkedin", "LinkedIn", "fontawesome/brands/linkedin",
            lambda u, t, m: "https://www.linkedin.com/sharing/share-offsite/?url=" + u,
        ),
        Network(
            "hackernews", "Hacker News", "fontawesome/brands/hacker-news",
            lambda u, t, m: f"https://news.ycombinator.com/submitlink?u={u}&t={t}",
        ),
        Network(
            "reddit", "Reddit", "fontawesome/brands/reddit-alien",
            lambda u, t, m: f"https://www.reddit.com/submit?url={u}&title={t}",
        ),
        Network(
            "x", "X", "fontawesome/brands/x-twitter",
            lambda u, t, m: f"https://x.com/intent/post?url={u}&text={t}",
        ),
        Network(
            "email", "e-mail", "material/email",
            lambda u, t, m: f"mailto:?subject={t}&body={u}",
            web=False,
        ),
    )
}  # fmt: skip

DEFAULT_NETWORKS: Final = tuple(NETWORKS)


def _key(name: str) -> str:
    """Give the key a network name means: `Hacker News`, `hacker-news`, `E-Mail` all count."""
    return "".join(char for char in name.lower() if char.isalnum())


def networks(names: Sequence[str]) -> tuple[tuple[Network, ...], list[str]]:
    """Give the networks `names` lists, in its order, and one problem per unknown name."""
    chosen: dict[str, Network] = {}
    problems: list[str] = []
    for name in names:
        network = NETWORKS.get(_key(name)) if isinstance(name, str) else None
        if network is None:
            problems.append(
                f"mkdocs.yml: aiblog: share: networks: {shown(name)} is not a network"
                f" the plugin knows ({listed(NETWORKS)}); it is left out"
            )
        else:
            chosen.setdefault(network.key, network)
    return tuple(chosen.values()), problems


def mastodon_page(value: str) -> tuple[str | None, str | None]:
    """Give the Mastodon share page if it is an absolute http(s) URL, else a problem."""
    url = safe_url(value) if isinstance(value, str) else None
    absolute = url is not None and url.lower().startswith(("http://", "https://"))
    if url is None or not absolute or "#" in url:  # `?text=` goes after a fragment
        return None, (
            f"mkdocs.yml: aiblog: share: mastodon: {shown(value)} is not an http(s) URL"
            " without a #fragment; the Mastodon link is left out"
        )
    return url, None


@dataclass(frozen=True, slots=True)
class ShareLink:
    """One link of a post's share block; `href` is raw (the template escapes it)."""

    key: str
    label: str
    """Its accessible name, localized ("Share on Bluesky", "Share by e-mail")."""
    icon: str
    href: str
    new_tab: bool


@dataclass(frozen=True, slots=True)
class Sharing:
    """The share links of one build: which networks, and where Mastodon's link goes."""

    networks: tuple[Network, ...] = ()
    mastodon: str | None = None
    copy_link: bool = False
    labels: tuple[str, ...] = ()
    """Each network's accessible name, in the build's language (the same on every post)."""

    @classmethod
    def from_options(
        cls,
        names: Sequence[str],
        mastodon: str,
        *,
        copy_link: bool,
        words: Mapping[str, str] | None = None,
    ) -> tuple[Sharing, list[str]]:
        """Give the build's sharing from the `share:` options and words, and their problems."""
        chosen, problems = networks(names)
        page: str | None = None
        if any(network.key == "mastodon" for network in chosen):
            page, problem = mastodon_page(mastodon)
            if problem:
                problems.append(problem)
                chosen = tuple(network for network in chosen if network.key != "mastodon")
        table = dict(ENGLISH if words is None else words)
        labels = tuple(
            word(table, "share.email")
            if n.key == "email"
            else word(table, "share.on", network=n.name)
            for n in chosen
        )
        return cls(chosen, page, copy_link, labels), problems

    def links(self, url: str, title: str) -> list[ShareLink]:
        """Give a post's share links, from its absolute URL and its title."""
        u, t, page = _q(url), _q(title), self.mastodon or ""
        return [
            ShareLink(n.key, label, n.icon, n.build(u, t, page), n.web)
            for n, label in zip(self.networks, self.labels, strict=True)
        ]


def opt_out(value: object) -> tuple[bool, str | None]:
    """Give whether a post's front matter `share:` turns its links off, and a problem."""
    if value is None or value is True:
        return False, None
    if value is False:
        return True, None
    return False, f"share: {shown(value)} is not true or false; the share links are shown"


def for_post(
    sharing: Sharing, front_matter: object, url: str | None, post: Post
) -> tuple[list[ShareLink], str, str | None]:
    """Give a post's share links, the URL its "Copy link" button copies ("": none), a problem.

    Args:
        sharing: the build's networks.
        front_matter: the post's `share:` value (None when it has none).
        url: the post's absolute URL; None without `site_url`, when there is nothing to share.
        post: the post; a draft (shown by `mkdocs serve` only) has no address worth sharing.
    """
    off, problem = opt_out(front_matter)
    if off or url is None or post.draft or not sharing.networks:
        return [], "", problem
    return sharing.links(url, post.title), url if sharing.copy_link else "", problem
