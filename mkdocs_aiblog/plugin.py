"""The `aiblog` plugin: MkDocs events translated into calls of the features.

Data flows one way: files -> posts -> site-wide views -> templates. Front matter
is checked once per post when its Markdown is read; the site-wide views (the
timeline, the ranking) are computed once in `on_env`, after every page is read;
templates only read them. Each feature reads its own options (`popular/feature.py`,
`fullstory/feature.py`, `navigation/feature.py`); this module only wires events.

Over 300 lines because it wires eleven events to nine features, each a few lines;
its length follows the number of features, and no logic lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from mkdocs_aiblog.comments import settings as comments
from mkdocs_aiblog.comments import site as comments_site
from mkdocs_aiblog.config import AiblogConfig
from mkdocs_aiblog.core import content, posts
from mkdocs_aiblog.core import words as i18n
from mkdocs_aiblog.core.authors import authors_path
from mkdocs_aiblog.core.text import clean
from mkdocs_aiblog.fullstory.feature import FullStories
from mkdocs_aiblog.navigation.feature import BlogNavigation
from mkdocs_aiblog.navigation.navigation import list_pages
from mkdocs_aiblog.page import assemble, render, sitecomments
from mkdocs_aiblog.page import head as meta
from mkdocs_aiblog.page import view as views
from mkdocs_aiblog.popular.feature import PopularPosts
from mkdocs_aiblog.share import links as share
from mkdocs_aiblog.share.options import sharing
from mkdocs_aiblog.site import extensions, images
from mkdocs_aiblog.site import files as sources
from mkdocs_aiblog.site import material as compat
from mkdocs_aiblog.site.posts import read_authors, read_post, withhold_drafts

if TYPE_CHECKING:
    from collections.abc import Callable

    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger("aiblog")

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = "assets/stylesheets/aiblog.css"


class AiblogPlugin(BasePlugin[AiblogConfig]):
    """Blog post metadata, emoji-headed sections, popular posts and full stories."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serve = False
        self.dirty = False
        self.posts: dict[str, posts.Post] = {}
        """By post; kept across `mkdocs serve --dirty` rebuilds, which do not read
        unchanged pages again; pruned in `on_files`, so deleted posts leave no trace."""
        self.authors: dict[str, posts.Author] = {}
        self.pages: dict[str, views.PageView] = {}
        """By page: its view, from `on_page_content` to `on_page_context`."""
        self.spliced: dict[str, tuple[views.PageView, render.Spliced]] = {}
        """By page: its view and what `on_post_page` adds to it (from `on_page_context`)."""
        self.partials: render.Partials | None = None
        self.words: dict[str, str] = i18n.words(None)
        self.blog = views.Blog(words=self.words, locale=i18n.babel_locale(None))
        self.popular = PopularPosts()
        self.stories = FullStories()
        self.navigation = BlogNavigation()
        self.not_posts: set[str] = set()
        """Pages in the posts folder that are not posts: list pages, generated pages."""
        self.social = False
        self.authors_file: str | None = None
        """The `authors_file` option as a path under `docs/` (None: refused)."""
        self.images: images.Images | None = None
        self.sharing = share.Sharing()
        self.told: dict[str, str] = {}
        """By post: the problem `on_files` logged, not to be logged again when it is read."""
        self.listed: frozenset[tuple[str, InclusionLevel]] | None = None
        """The posts of the previous build, and their inclusion (for `--dirty`)."""
        self.comments: comments.Comments | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serve = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if config.theme.name != "material":
            raise PluginError(
                f"aiblog: needs the Material for MkDocs theme (theme: name: material);"
                f" this site uses {config.theme.name!r}"
            )
        if not self.dirty:
            self.posts.clear()
        self.pages.clear()
        self.spliced.clear()
        # Material's social plugin writes the generic OpenGraph and Twitter tags.
        self.social = "material/social" in config.plugins or "social" in config.plugins
        language = config.theme.get("language")
        self.words, problems = i18n.site_words(language, self.config.words)
        self.authors_file, refused = authors_path(self.config.authors_file, self.config.posts_dir)
        for problem in problems + refused:
            _warn(problem)
        self.blog = views.Blog(
            words=self.words,
            locale=i18n.babel_locale(language),
            date_format=self.config.date_format,
        )
        self.popular.configure(
            self.config.popular,
            site_url=config.site_url,
            config_dir=Path(config.config_file_path).parent,
            docs_dir=Path(config.docs_dir),
            keep_links=self.dirty,
        )
        self.stories.configure(self.config.full_story, self.words)
        self.navigation.configure(self.config.navigation)
        self.sharing, problems = sharing(self.config.share, self.words)
        for problem in problems:
            _warn(problem)
        self.comments, problems = comments_site.from_options(self.config.comments, language)
        for problem in problems:
            _warn(problem)
        extensions.add_extension(
            config, extensions.BLOCKS, {"log": False, "slots": True}
        )  # card here
        headings = self.config.headings
        if headings.enabled:
            options = {key: headings[key] for key in ("levels", "position", "size", "toc")}
            options |= {key: headings[key] for key in ("section_class", "closing_emoji", "closing")}
            extensions.add_extension(config, extensions.HEADINGS, options)
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        if self.comments is None:
            comments_site.drop_loader(files)
        self.not_posts = list_pages(files, self.config.posts_dir.strip("/"))
        present = {file.src_uri for file in files.documentation_pages()} - self.not_posts
        for src_uri in [uri for uri in self.posts if uri not in present]:
            del self.posts[src_uri]
            self.popular.forget(src_uri)
        candidates = (
            file
            for file in files.documentation_pages()
            if self._is_post(file) and not file.inclusion.is_excluded()
        )
        self.told = withhold_drafts(candidates, publish=self.navigation.leave_out)
        for src_uri, problem in self.told.items():
            _warn(f"{src_uri}: {problem}")
        self.listed = sources.render_again_if_posts_changed(
            files, self.listed, is_post=self._is_post, dirty=self.dirty
        )
        name = self.authors_file
        if self.config.authors_file == AiblogConfig.authors_file.default:
            name = compat.blog_authors_file(config) or name  # Material's blog: the same file
        self.authors, problems = read_authors(name, files, config)
        for problem in problems:
            _warn(problem)
        self.not_posts |= self.navigation.plan(
            files, config, is_post=self._is_post, words=self.words
        )
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        return nav if self.navigation.prune(nav, self._is_post) else None

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or not self._is_post(page.file):
            return None
        if self.images is None or self.images.files is not files:
            self.images = images.Images(files)  # each image is read once per build
        post, problems = read_post(page, markdown, authors=self.authors, images=self.images)
        told = self.told.get(page.file.src_uri)
        for problem in problems:
            if problem != told:
                _warn(f"{page.file.src_uri}: {problem}")
        self.posts[page.file.src_uri] = post
        if post.closing_emoji is not None:  # for this page's render only: see on_page_content
            extensions.set_closing_emoji(config, post.closing_emoji)
        return None

    @event_priority(-50)  # after other plugins, so the template they chose is known
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        extensions.set_closing_emoji(
            config, self.config.headings.closing_emoji
        )  # back to the site's choice
        src = page.file.src_uri
        post = self.posts.get(src) if self._is_post(page.file) else None
        if post is not None:
            title = post.title if "title" in page.meta else page.title
            post = self.posts[src] = content.complete(
                post,
                html,
                title=title if isinstance(title, str) and title else None,
                fallback_title=sources.fallback_title(page.file),
                readtime=compat.blog_readtime(page),
                words_per_minute=self.config.words_per_minute,
            )
            self.popular.read_links(src, page.url, html)
            if self.config.byline:
                html = views.mark_byline(html)
            if post.series and self.config.series.enabled:
                html = views.mark_series(html)
        front_matter = page.meta.get("full_story") if post is not None else None
        html, story, problems = self.stories.place(html, front_matter)
        html, list_page, listed = views.place_post_list(html)
        for problem in problems + listed:
            _warn(f"{src}: {problem}")
        shown = self.popular.everywhere or src in self.navigation.listings.archives
        talk, bad_key = comments_site.wanted(self.comments, self.config.comments, page, post)
        if bad_key is not None:
            _warn(f"{src}: {bad_key}")
        if post is None and story is None and not list_page and not (shown or talk):
            return html
        self.pages[src] = views.PageView(
            blog=self.blog,
            post=post,
            full_story=story,
            list_page=list_page,
            thumbnails=self.popular.thumbnails,
            toc_hidden="toc" in (page.meta.get("hide") or ()),
            material_post=compat.blog_post(page) is not None,
            comments=self.comments if talk else None,
        )
        return html

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if not self.config.enabled:
            return None
        self.partials = render.Partials(env, config)
        self.partials.comments_marker = sitecomments.mark_comments(env)
        if self.comments is not None and sitecomments.site_comments(env):
            log.info("partials/comments.html: the site's own comments; the plugin adds none")
            self.comments = None
            comments_site.drop_loader(files)  # static files are copied after on_env
        published = [post for post in self.posts.values() if not post.draft]
        self.blog.timeline = posts.newest_first(published)
        assemble.index(self.blog, self.navigation.listings)
        for problem in assemble.keep_reading(
            self.blog,
            series=self.config.series.enabled,
            related=self.config.related,
            newer_older=self.navigation.newer_older,
            known=self.posts.keys(),
        ):
            _warn(problem)
        if self.sharing.networks and self.blog.timeline and not config.site_url:
            log.info("mkdocs.yml has no site_url, which share links need: they are left out")
        problems, info = self.popular.rank(self.posts.values())
        for problem in problems:
            _warn(problem)
        if info:
            log.info(info)
        return env

    @event_priority(-50)  # after Material's tags plugin, whose tags the byline shows
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        view = self.pages.pop(page.file.src_uri, None)
        if view is None:
            return None
        view.popular = self.popular.for_page(page.url, post=view.post is not None)
        if view.post is not None:
            if self.config.byline:
                view.tags = compat.take_material_tags(context, config)
            url = meta.absolute(config.site_url, view.post.url)
            view.share, view.share_url, problem = share.for_post(
                self.sharing, page.meta.get("share"), url, view.post
            )
            if problem:
                _warn(f"{page.file.src_uri}: {problem}")
        assemble.page_context(
            view,
            page,
            self.blog,
            self.navigation.listings,
            newer_older=self.navigation.newer_older,
        )
        if view.post is not None and self.config.meta_tags:
            site_url, site_name = config.site_url, config.site_name
            view.head = meta.head_tags(
                view.post, site_url=site_url, site_name=site_name, social=self.social
            )
            view.json_ld = meta.json_ld(view.post, site_url=site_url, site_name=site_name)
        if view.comments is not None:  # None since on_env: the site's own comments partial
            view.comments = comments_site.shown(self.comments, page, self.words["comments.title"])
        context["aiblog"] = view  # type: ignore[typeddict-unknown-key]
        if self.partials is not None:
            spliced = render.render_parts(self.partials, view, page, context["base_url"])
            self.spliced[page.file.src_uri] = (view, spliced)
        return context

    @event_priority(100)  # first: later plugins (minifiers, privacy) see the whole page
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        placing = self.spliced.pop(page.file.src_uri, None)  # placed: no longer needed
        if placing is None or self.partials is None:
            return self.on_post_template(output, template_name="", config=config)
        view, spliced = placing
        return render.place(output, spliced, view, self.partials, page)

    @event_priority(100)
    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        marker = self.partials.comments_marker if self.partials is not None else ""
        if not marker or marker not in output_content:
            return None
        return sitecomments.take_comments_marker(output_content, marker)[0]

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            self.popular.serve(server)
        return server

    def _is_post(self, file: File) -> bool:
        folder = self.config.posts_dir.strip("/")
        if compat.blog_post(file.page) is not None:
            return True  # Material's blog plugin made it a post
        return (
            file.is_documentation_page()
            and file.src_uri.startswith(folder + "/")
            and file.src_uri not in self.not_posts
        )


def _warn(message: str) -> None:
    """Log a problem with the input; one line of bounded length, whatever the input."""
    log.warning(clean(message))
