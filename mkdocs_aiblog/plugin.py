"""The `aiblog` plugin: MkDocs events translated into calls of the feature modules.

Data flows one way: files -> posts -> site-wide views -> templates. Front matter
is checked once per post when its Markdown is read; the site-wide views (the
timeline, the ranking) are computed once in `on_env`, after every page is read;
templates only read them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from mkdocs_aiblog.config import AiblogConfig
from mkdocs_aiblog.core import posts
from mkdocs_aiblog.core import words as i18n
from mkdocs_aiblog.core.authors import authors_path, load_authors
from mkdocs_aiblog.core.text import clean, shown
from mkdocs_aiblog.fullstory import card as fullstory
from mkdocs_aiblog.navigation import navigation
from mkdocs_aiblog.page import assemble, render
from mkdocs_aiblog.page import head as meta
from mkdocs_aiblog.page import view as views
from mkdocs_aiblog.popular import lists as popular
from mkdocs_aiblog.popular.links import internal_links, url_key
from mkdocs_aiblog.site import files as sources
from mkdocs_aiblog.site import images
from mkdocs_aiblog.site import material as compat

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
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
        # Kept across `mkdocs serve --dirty` rebuilds, which do not read unchanged
        # pages again; pruned in on_files, so deleted posts leave no trace.
        self.posts: dict[str, posts.Post] = {}
        self.authors: dict[str, posts.Author] = {}
        self.links: dict[str, tuple[str, frozenset[str]]] = {}
        """By post: its url key and the url keys it links to (kept like `posts`)."""
        self.pages: dict[str, views.PageView] = {}
        """By page: its view, from `on_page_content` to `on_page_context`."""
        self.spliced: dict[str, tuple[views.PageView, render.Spliced]] = {}
        """By page: its view and what `on_post_page` adds to it (from `on_page_context`)."""
        self.partials: render.Partials | None = None
        self.words: dict[str, str] = i18n.words(None)
        self.blog = views.Blog(words=self.words, locale=i18n.babel_locale(None))
        self.listings = navigation.Listings()
        self.not_posts: set[str] = set()
        """Pages in the posts folder that are not posts: list pages, generated pages."""
        self.story_defaults = fullstory.Defaults(title="", text="", button="")
        self.base_path = "/"
        self.social = False
        self.authors_file: str | None = None
        """The `authors_file` option as a path under `docs/` (None: refused)."""
        self.images: images.Images | None = None
        self.told: dict[str, str] = {}
        """By post: the problem `on_files` logged, not to be logged again when it is read."""

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
            self.links.clear()
        self.pages.clear()
        self.spliced.clear()
        self.base_path = popular.base_path(config.site_url)
        # Material's social plugin writes the generic OpenGraph and Twitter tags.
        self.social = "material/social" in config.plugins or "social" in config.plugins
        for key in i18n.unknown_words(self.config.words):
            _warn(f"mkdocs.yml: aiblog: words: {shown(key)} is not a word the plugin shows")
        overrides, problems = i18n.check_words(self.config.words)
        self.authors_file, refused = authors_path(self.config.authors_file, self.config.posts_dir)
        for problem in problems + refused:
            _warn(problem)
        language = config.theme.get("language")
        self.words = i18n.words(language, overrides)
        self.blog = views.Blog(
            words=self.words,
            locale=i18n.babel_locale(language),
            date_format=self.config.date_format,
        )
        self.story_defaults = fullstory.Defaults.from_options(self.config.full_story, self.words)
        _add_extension(config, "mkdocs_aiblog.blocks", {"log": False})  # warned by page here
        headings = self.config.headings
        if headings.enabled:
            options = {key: headings[key] for key in ("levels", "position", "size", "toc")}
            options["section_class"] = headings.section_class
            _add_extension(config, "mkdocs_aiblog.headings", options)
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        present = {file.src_uri for file in files.documentation_pages()}
        self.not_posts = navigation.list_pages(files, self.config.posts_dir.strip("/"))
        present -= self.not_posts
        for src_uri in [uri for uri in self.posts if uri not in present]:
            del self.posts[src_uri]
            self.links.pop(src_uri, None)
        in_nav = self.config.navigation.posts_in_nav
        self.told.clear()
        for file in files.documentation_pages():
            if not self._is_post(file) or file.inclusion.is_excluded():
                continue
            withheld, problem = sources.draft_reading(file)
            if problem is not None:
                _warn(f"{file.src_uri}: {problem}")
                self.told[file.src_uri] = problem
            if withheld:
                file.inclusion = InclusionLevel.DRAFT
            elif not in_nav:
                # A list of every post on every page costs posts x pages.
                file.inclusion = InclusionLevel.NOT_IN_NAV
        name = self.authors_file
        if self.config.authors_file == AiblogConfig.authors_file.default:
            name = compat.blog_authors_file(config) or name  # Material's blog: the same file
        self.authors, problems = (
            load_authors(
                Path(config.docs_dir) / name,
                name=name,
                resolve_file=lambda path: sources.resolve(files, path),
            )
            if name is not None
            else ({}, [])
        )
        for problem in problems:
            _warn(problem)
        self.listings = navigation.plan(
            files, config, self.config.navigation, is_post=self._is_post, words=self.words
        )
        self.not_posts.update(self.listings.places, self.listings.archives)  # generated here
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.config.navigation.posts_in_nav:
            return None
        navigation.prune(nav, self._is_post)  # posts an explicit `nav:` lists
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or not self._is_post(page.file):
            return None
        front_matter = page.meta
        if (blog_post := compat.blog_post(page)) is not None:
            front_matter = {**page.meta, **compat.blog_front_matter(blog_post)}
        post, problems = posts.parse_post(
            front_matter,
            src_uri=page.file.src_uri,
            url=page.url,
            title=page.title if isinstance(page.title, str) else "",  # front matter: any type
            authors=self.authors,
            resolve_file=lambda path: self._image(files).resolve(path, page.file.src_uri),
        )
        if post.image is not None:
            post = dataclasses.replace(post, image_size=self._image(files).size(post.image))
        if not page.meta and (unread := sources.unread_front_matter(markdown)):
            problems.insert(0, unread[1])  # MkDocs dropped it silently
            if unread[0]:
                post = dataclasses.replace(post, draft=True)
        if post.draft and blog_post is None and not page.file.inclusion.is_excluded():
            # What MkDocs read says draft where on_files could not see it (a front
            # matter found unreadable only now, another plugin's metadata): the
            # page list of `mkdocs build` is taken after on_env, so it still
            # leaves the page, its search entry and its sitemap URL out. Plugins that
            # collect pages as they are read (mkdocs-rss-plugin) skip `draft: true`.
            page.file.inclusion = InclusionLevel.DRAFT
            page.meta["draft"] = True
        told = self.told.get(page.file.src_uri)
        for problem in problems:
            if problem != told:
                _warn(f"{page.file.src_uri}: {problem}")
        if isinstance(page.meta.get("title"), str) and posts.is_blank(page.meta["title"]):
            # MkDocs and Material then take the first heading or the file name, as we do.
            del page.meta["title"]
        self.posts[page.file.src_uri] = post
        return None

    @event_priority(-50)  # after other plugins, so the template they chose is known
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        src = page.file.src_uri
        post = self.posts.get(src) if self._is_post(page.file) else None
        if post is not None:
            title = post.title if "title" in page.meta else page.title
            post = self.posts[src] = posts.complete(
                post,
                html,
                title=title if isinstance(title, str) and title else None,
                fallback_title=sources.fallback_title(page.file),
                readtime=compat.blog_readtime(page),
                words_per_minute=self.config.words_per_minute,
            )
            if self.config.popular.enabled:  # links between posts only rank them
                self.links[src] = (
                    url_key(page.url),
                    internal_links(html, page.url, base_path=self.base_path),
                )
            if self.config.byline:
                html = views.mark_byline(html)
            if post.series and self.config.series.enabled:
                html = views.mark_series(html)
        story = None
        if self.config.full_story.enabled:
            front_matter = page.meta.get("full_story") if post is not None else None
            html, story, problems = fullstory.place(html, front_matter, self.story_defaults)
            for problem in problems:
                _warn(f"{src}: {problem}")
        else:
            html = fullstory.remove_slots(html)  # no card, and no block's leftovers
        html, list_page, problems = views.place_post_list(html)
        for problem in problems:
            _warn(f"{src}: {problem}")
        everywhere = self.config.popular.enabled and self.config.popular.pages == "all"
        archive = page.file.src_uri in self.listings.archives
        if post is None and story is None and not list_page and not (everywhere or archive):
            return html
        self.pages[src] = views.PageView(
            blog=self.blog,
            post=post,
            full_story=story,
            list_page=list_page,
            thumbnails=self.config.popular.thumbnails,
            toc_hidden="toc" in (page.meta.get("hide") or ()),
            material_post=compat.blog_post(page) is not None,
        )
        return html

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if not self.config.enabled:
            return None
        self.partials = render.Partials(env, config)
        self.partials.comments_marker = render.mark_comments(env)
        published = [post for post in self.posts.values() if not post.draft]
        self.blog.timeline = posts.newest_first(published)
        assemble.index(self.blog, self.listings)
        for problem in assemble.keep_reading(
            self.blog,
            series=self.config.series.enabled,
            related=self.config.related,
            newer_older=self.config.navigation.newer_older,
            known=self.posts.keys(),
        ):
            _warn(problem)
        if self.config.popular.enabled:
            counts, problems = popular.read_views(
                self.config.popular,
                config_dir=Path(config.config_file_path).parent,
                site_url=config.site_url,
            )
            for problem in problems:
                _warn(problem)
            links = dict(self.links.values())
            self.blog.ranking, self.blog.by_key, (paths, seen) = popular.ranking(
                self.posts.values(), counts, links
            )
            if paths:
                log.info(
                    f"{self.config.popular.views_file}: {paths} paths ({seen} views) match no post"
                )
        return env

    @event_priority(-50)  # after Material's tags plugin, whose tags the byline shows
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        view = self.pages.pop(page.file.src_uri, None)
        if view is None:
            return None
        if self.config.popular.enabled and (view.post or self.config.popular.pages == "all"):
            view.popular = popular.for_page(
                self.blog.ranking,
                self.blog.by_key,
                page_url=page.url,
                limit=self.config.popular.limit,
            )
        if view.post is not None:
            view.post = self.posts.get(page.file.src_uri, view.post)
            if self.config.byline:
                view.tags = compat.take_material_tags(context, config)
        assemble.page_context(
            view, page, self.blog, self.listings, newer_older=self.config.navigation.newer_older
        )
        if view.post is not None and self.config.meta_tags:
            view.head = meta.head_tags(
                view.post, site_url=config.site_url, site_name=config.site_name, social=self.social
            )
            view.json_ld = meta.json_ld(
                view.post, site_url=config.site_url, site_name=config.site_name
            )
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
        return render.take_comments_marker(output_content, marker)[0]

    def _image(self, files: Files) -> images.Images:
        """Give the build's images: each build has its own `files`, each image is read once."""
        if self.images is None or self.images.files is not files:
            self.images = images.Images(files)
        return self.images

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


def _add_extension(config: MkDocsConfig, name: str, options: dict[str, object]) -> None:
    """Register a Markdown extension of the plugin's, once, after the site's own."""
    if name not in config.markdown_extensions:
        config.markdown_extensions.append(name)
    config.mdx_configs[name] = options
