"""The popular list as the plugin drives it: the `popular:` switches are read here only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs_aiblog.popular import lists
from mkdocs_aiblog.popular.links import internal_links, url_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.livereload import LiveReloadServer

    from mkdocs_aiblog.core.posts import Post
    from mkdocs_aiblog.popular.lists import Popular
    from mkdocs_aiblog.popular.options import PopularConfig
    from mkdocs_aiblog.popular.ranking import Ranked


class PopularPosts:
    """One site's popular list: links read per post, the ranking once per build, a slice per page.

    The links between posts are kept across `mkdocs serve --dirty` rebuilds, which do
    not read unchanged posts again; `forget` drops a post that went away.
    """

    def __init__(self) -> None:
        self.options: PopularConfig | None = None
        self.links: dict[str, tuple[str, frozenset[str]]] = {}
        """By post: its url key and the url keys it links to."""
        self.ranking: tuple[Ranked, ...] = ()
        self.by_key: dict[str, Post] = {}
        """Posts by their url key, which the ranking names."""
        self.base_path = "/"
        self.config_dir = self.docs_dir = Path()
        self.site_url: str | None = None
        self.watch = lists.ExportWatch()
        self._thumbnails = True

    def configure(
        self,
        options: PopularConfig,
        *,
        site_url: str | None,
        config_dir: Path,
        docs_dir: Path,
        keep_links: bool,
    ) -> None:
        """Start a build with these options (`keep_links` under `--dirty`)."""
        self.options = options if options.enabled else None
        self._thumbnails = bool(options.thumbnails)
        self.site_url, self.config_dir, self.docs_dir = site_url, config_dir, docs_dir
        self.base_path = lists.base_path(site_url)
        if not keep_links:
            self.links.clear()

    @property
    def everywhere(self) -> bool:
        """Whether every page shows the list (`pages: all`), not only posts."""
        return self.options is not None and self.options.pages == "all"

    @property
    def thumbnails(self) -> bool:
        """Whether the entries show each post's image."""
        return self._thumbnails

    def forget(self, src_uri: str) -> None:
        """Drop what was read of a post that is no longer there."""
        self.links.pop(src_uri, None)

    def read_links(self, src_uri: str, page_url: str, html: str) -> None:
        """Note the posts a post's content links to (they rank the posts without views)."""
        if self.options is not None:
            self.links[src_uri] = (
                url_key(page_url),
                internal_links(html, page_url, base_path=self.base_path),
            )

    def rank(self, posts: Iterable[Post]) -> tuple[list[str], str | None]:
        """Rank the posts once per build; give the problems and an informative line."""
        self.ranking, self.by_key = (), {}
        if self.options is None:
            return [], None
        counts, problems = lists.read_views(
            self.options, config_dir=self.config_dir, site_url=self.site_url
        )
        links = dict(self.links.values())
        self.ranking, self.by_key, (paths, seen) = lists.ranking(posts, counts, links)
        self.follow_export()  # a new views_file, or one that appeared
        info = f"{self.options.views_file}: {paths} paths ({seen} views) match no post"
        return problems, info if paths else None

    def for_page(self, page_url: str, *, post: bool) -> list[Popular]:
        """Give a page's list: on posts, or on every page with `pages: all`."""
        if self.options is None or not (post or self.everywhere):
            return []
        return lists.for_page(
            self.ranking, self.by_key, page_url=page_url, limit=self.options.limit
        )

    def serve(self, server: LiveReloadServer) -> None:
        """Have `mkdocs serve` rebuild when the export (outside `docs/`) changes."""
        self.watch.server = server
        self.follow_export()

    def follow_export(self) -> None:
        """Watch the export where it is now (it may have been named or created since)."""
        if self.watch.server is not None and self.options is not None:
            self.watch.follow(
                lists.watch_target(self.options, config_dir=self.config_dir, docs_dir=self.docs_dir)
            )
