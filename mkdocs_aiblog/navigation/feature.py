"""Navigation as the plugin drives it: the `navigation:` switches are read here only."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.structure.files import InclusionLevel

from mkdocs_aiblog.navigation import navigation

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

    from mkdocs_aiblog.navigation.options import NavigationConfig


class BlogNavigation:
    """One build's navigation: posts out of the sidebar, the pages of each post list."""

    def __init__(self) -> None:
        self.in_nav = False
        """Whether posts stay in the site navigation (`posts_in_nav`, for small blogs)."""
        self.newer_older = True
        """Whether posts end with newer/older links (instead of Material's footer)."""
        self.options: NavigationConfig | None = None
        self.listings = navigation.Listings()

    def configure(self, options: NavigationConfig) -> None:
        """Start a build with these options."""
        self.options = options
        self.in_nav, self.newer_older = options.posts_in_nav, options.newer_older

    def leave_out(self, file: File) -> None:
        """Keep a published post out of the site navigation, unless posts are wanted there.

        A navigation that lists every post, written into every page, costs posts x pages.
        """
        if not self.in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV

    def plan(
        self,
        files: Files,
        config: MkDocsConfig,
        *,
        is_post: Callable[[File], bool],
        words: dict[str, str],
    ) -> set[str]:
        """Plan the post lists' pages (adding the generated ones); give their `src_uri`s."""
        if self.options is None:  # not configured: the plugin is off
            return set()
        self.listings = navigation.plan(files, config, self.options, is_post=is_post, words=words)
        return set(self.listings.places) | self.listings.archives

    def prune(self, nav: Navigation, is_post: Callable[[File], bool]) -> bool:
        """Take posts out of an explicit `nav:`; tell whether anything was done."""
        if self.in_nav:
            return False
        navigation.prune(nav, is_post)
        return True
