"""Share links' options: `share:` under the plugin in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from mkdocs_aiblog.share.links import DEFAULT_NETWORKS, MASTODON_SHARE, Sharing


class ShareConfig(Config):
    """Plain links under each post that pass it on: no script, no request until clicked."""

    enabled = c.Type(bool, default=True)
    networks = c.ListOfItems(c.Type(str), default=list(DEFAULT_NETWORKS))
    """Which links, in this order: bluesky, mastodon, linkedin, hackernews, reddit, x, email."""
    mastodon = c.Type(str, default=MASTODON_SHARE)
    """The page that asks a reader for their Mastodon server (Share₂Fedi), or one server's
    `https://<server>/share`; `?text=` is added."""
    copy_link = c.Type(bool, default=True)
    """Add a "Copy link" button, shown only where JavaScript runs (Material's clipboard)."""


def sharing(options: ShareConfig, words: dict[str, str]) -> tuple[Sharing, list[str]]:
    """Give the build's share links from the `share:` options and words, and their problems."""
    names = options.networks if options.enabled else ()
    return Sharing.from_options(names, options.mastodon, copy_link=options.copy_link, words=words)
