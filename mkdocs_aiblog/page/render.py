"""Rendering the plugin's parts and placing them in a page, without a wrapper template.

Each part is a small Jinja partial (`aiblog/byline.html`, ...), looked up through
the theme's loader, so a site's `custom_dir` overrides it. A partial is rendered
from Python with a small context (`aiblog`, `page`, `base_url`, `config`), not
included in the page's template: an include copies the page's whole context,
and a wrapper template around every page cost a fifth of a millisecond a page
before it showed anything.

Parts are rendered in `on_page_context` and placed in the written page in
`on_post_page` (`splice`), first of the plugins that change it:

- the byline, the card, the post list and the archive where the content holds
  their markers (`core.slots.MARKERS`). `page.content` itself is left as it is: the
  search plugin indexes it without them, and a page's content held until the
  end of the build does not grow;
- the head tags before `</head>`, less those the page's `<head>` already has
  (a site's own `main.html` may write OpenGraph tags or a JSON-LD `BlogPosting`);
- the popular list at the end of Material's table-of-contents sidebar;
- the newer/older links, next/previous in the post's series, its related
  posts and the popular list's second copy at the end of the
  article, or before the site's comments where the page shows them: the
  theme's loader puts a marker at the start of `partials/comments.html`
  (`MarkedLoader`), so where the comments begin is known, not guessed, and the
  marker is taken out of every page. It holds a token drawn for each build, so
  no post can write it;
- the plugin's own comments last in the article, after all of that, on a site
  whose pages show no comments of their own.

Just over 300 lines: rendering and placing are one step in two events, and
`Spliced` carries the one to the other.
"""

from __future__ import annotations

from collections import ChainMap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2

from mkdocs_aiblog.core.slots import MARKER_START, MARKERS
from mkdocs_aiblog.page.head import existing_head, missing_tags
from mkdocs_aiblog.page.sitecomments import CONTENT_START, take_comments_marker
from mkdocs_aiblog.page.view import fill_found

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from mkdocs_aiblog.page.view import PageView


class Partials:
    """The plugin's partials of one build, rendered with a small context."""

    def __init__(self, env: jinja2.Environment, config: MkDocsConfig) -> None:
        self.env = env
        self.config = config
        self._templates: dict[str, jinja2.Template] = {}
        self._popular: dict[tuple[object, ...], str] = {}
        self._icons: dict[str, str] = {}
        self._arrows: dict[str, object] | None = None
        self.comments_marker = ""
        """What `env` writes where the comments partial starts (`mark_comments`)."""
        self.icon = self._icon_function()
        """Give the SVG of a theme icon (`material/calendar`), read once per build.

        What `{% include ".icons/<name>.svg" %}` gives, without an include's cost
        on every page; a `custom_dir` icon of the same name wins, as there.
        """

    def render(
        self, name: str, view: PageView, page: Page | None, base_url: str, **extra: object
    ) -> str:
        """Give the partial `aiblog/<name>.html` rendered for one page."""
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(f"aiblog/{name}.html")
        return render_template(
            template,
            {
                "aiblog": view,
                "page": page,
                "base_url": base_url,
                "config": self.config,
                "icon": self.icon,
                **extra,
            },
        )

    def arrows(self) -> dict[str, object]:
        """Give the names of the theme's previous and next icons, found once per build.

        What `config.theme.icon.previous or "material/arrow-left"` (and `next`)
        gives in a template: a template compiles `a.b` to `environment.getattr(a,
        "b")`, called here alike, so the value (or the error) is the same. In
        each page's newer/older and series links that lookup raised and caught
        two exceptions (the theme is a mapping, its `icon` a dict). The partials
        read `icon_previous` and `icon_next`; `config` is still there.
        """
        if self._arrows is None:
            lookup = self.env.getattr
            icon = lookup(lookup(self.config, "theme"), "icon")
            self._arrows = {
                "icon_previous": lookup(icon, "previous") or "material/arrow-left",
                "icon_next": lookup(icon, "next") or "material/arrow-right",
            }
        return self._arrows

    def _icon_function(self) -> Callable[[str], str]:
        """Give `icon`: a plain function, not a method.

        A template's call asks the callable for Jinja's `jinja_pass_arg`; a bound
        method answers by raising and catching an `AttributeError` (about two
        microseconds, a dozen calls a page), a function at once.
        """
        icons, env = self._icons, self.env

        def icon(name: str) -> str:
            svg = icons.get(name)
            if svg is None:
                svg = icons[name] = env.get_template(f".icons/{name}.svg").render()
            return svg

        return icon

    def popular_list(self, view: PageView, base_url: str) -> str:
        """Give the entries of a page's popular list, rendered once per distinct list.

        Nearly every page shows the same few posts: the list is rendered once per
        set of entries and `base_url` (its links are relative to the site's root,
        so that is all they depend on).
        """
        key = (base_url, view.thumbnails, *((e.post.src_uri, e.reason) for e in view.popular))
        html = self._popular.get(key)
        if html is None:
            # Without a page, MkDocs' `url` filter joins `base_url` and the URL.
            root = "" if base_url == "." else base_url
            html = self._popular[key] = self.render("popular-list", view, None, root)
        return html


def render_template(template: jinja2.Template, values: dict[str, Any]) -> str:
    """Give what `template.render(**values)` gives, with the globals copied faster.

    `Template.render` copies the template's globals into each context: a
    `ChainMap` (its own over the environment's), which `dict()` copies key by
    key in Python, the greater part of rendering a small partial, done some
    eight times a page. Its maps are merged here with `dict.update`, the same
    values (the template's own over the environment's), the same context.
    """
    env = template.environment
    if env.is_async or not isinstance(template.globals, ChainMap):
        return template.render(values)
    context_vars: dict[str, Any] = {}
    for mapping in reversed(template.globals.maps):
        if type(mapping) is not dict:  # plain dicts only: their update copies the same
            return template.render(values)
        context_vars.update(mapping)
    context_vars.update(values)
    context = template.new_context(context_vars, shared=True)
    try:
        return env.concat(template.root_render_func(context))
    except Exception:
        env.handle_exception()


@dataclass
class Spliced:
    """What `on_post_page` adds to a written page."""

    fills: dict[str, str] = field(default_factory=dict)
    """The parts that take the place of the content's markers (`core.slots.MARKERS`)."""
    head: str = ""
    """Before `</head>`."""
    sidebar: str = ""
    """At the end of Material's table-of-contents sidebar (where it is shown)."""
    after: str = ""
    """At the end of the article."""
    popular: str = ""
    """The popular list's entries, for its second copy (after the article)."""
    comments: str = ""
    """The plugin's comments, last in the article, where the page shows none of its own."""
    base_url: str = "."
    """The page's relative path to the site's root, for the partials' `url` filter."""


TOC_SIDEBAR = 'data-md-type="toc"'


def toc_sidebar_end(output: str) -> int:
    """Give where the inner box of Material's table-of-contents sidebar closes, or -1.

    Only the part of the page before the content is searched: a post may show
    Material's markup as text. The sidebar holds only the table of contents,
    whose markup has no `<div>`, so the first `</div>` after the sidebar's
    opening tag closes its inner box.
    """
    content = output.find(CONTENT_START)
    start = output.find(TOC_SIDEBAR, 0, content if content >= 0 else len(output))
    if start < 0:
        return -1
    return output.find("</div>", start, content if content >= 0 else len(output))


def splice(output: str, parts: Spliced, *, sidebar_at: int, comments_marker: str = "") -> str:
    """Give the written page with the parts in their places.

    The content's markers are replaced first (by their parts, or by nothing),
    and `comments_marker` (`mark_comments`) taken out. `sidebar_at` is `toc_sidebar_end(output)`
    when the sidebar part is to go there (-1: nowhere). The after part goes
    before the site's comments where the page shows them, else before the
    article's last `</article>` (Material's article holds the content; the post
    list's cards are articles inside it), followed there by the plugin's comments
    (never beside the site's own); the head part before the first `</head>`.
    """
    starts: list[int] = []
    if parts.fills or MARKER_START in output:
        output, starts = fill_found(output, parts.fills)
    if comments_marker.startswith(MARKER_START) and not any(
        output.startswith(comments_marker, at) for at in starts
    ):
        # Where `MARKER_START` is not, the comments' marker is not either: the
        # page is not searched for it again (all of it, on most pages).
        comments_marker = ""
    output, comments_at = take_comments_marker(output, comments_marker)
    pieces: list[tuple[int, str]] = []
    if parts.head and (at := output.find("</head>")) >= 0:
        pieces.append((at, parts.head))
    if parts.sidebar and sidebar_at >= 0:
        pieces.append((sidebar_at, parts.sidebar))
    if parts.after and comments_at >= 0:
        pieces.append((comments_at, parts.after))  # the site's comments stay last
    elif (parts.after or parts.comments) and (at := output.rfind("</article>")) >= 0:
        pieces.append((at, parts.after))
        if parts.comments:  # after `after` at the same place: the sort below is stable
            pieces.append((at, parts.comments))
    if not pieces:
        return output
    pieces.sort(key=lambda piece: piece[0])
    chunks: list[str] = []
    last = 0
    for at, html in pieces:
        chunks.append(output[last:at])
        chunks.append(html)
        last = at
    chunks.append(output[last:])
    return "".join(chunks)


def render_parts(partials: Partials, view: PageView, page: Page, base_url: str) -> Spliced:
    """Render a page's parts (in `on_page_context`), for `place` to put in the page."""
    content = page.content or ""
    shown = {
        "byline": view.post is not None,  # its marker is only set with `byline: true`
        "series": view.series is not None,
        "full_story": view.full_story is not None,
        "post_list": bool(view.list_page),
        "archive": bool(view.archive),
    }
    spliced = Spliced(base_url=base_url)
    spliced.fills = {
        name: partials.render(name.replace("_", "-"), view, page, base_url)
        for name, marker in MARKERS.items()
        if shown[name] and marker in content
    }
    if view.post is not None and (view.newer or view.older):
        spliced.after = partials.render("newer-older", view, page, base_url, **partials.arrows())
    if view.series is not None and (view.series.previous or view.series.next):
        spliced.after += partials.render("series-nav", view, page, base_url, **partials.arrows())
    if view.related:
        spliced.after += partials.render("related", view, page, base_url)
    if view.share:
        spliced.after += partials.render("share", view, page, base_url)
    if view.comments is not None:
        spliced.comments = partials.render("comments", view, page, base_url)
    if view.popular:
        spliced.popular = partials.popular_list(view, base_url)
        if not view.toc_hidden:  # `hide: [toc]`: the sidebar is there but hidden
            spliced.sidebar = partials.render(
                "popular", view, page, base_url, where="sidebar", popular_list=spliced.popular
            )
    return spliced


def place(output: str, spliced: Spliced, view: PageView, partials: Partials, page: Page) -> str:
    """Give the written page (in `on_post_page`) with the parts rendered for it.

    Whether the sidebar is there is only known now, and the popular list's
    second copy shows at every width where it is not. So are the page's own
    head tags, which the plugin's head tags leave out.
    """
    if (view.head or view.json_ld) and (head_end := output.find("</head>")) >= 0:
        names, article = existing_head(output[:head_end])
        view.head = missing_tags(view.head, names)
        if article:
            view.json_ld = ""
        if view.head or view.json_ld:
            spliced.head = partials.render("head", view, page, spliced.base_url)
    sidebar_at = toc_sidebar_end(output) if spliced.sidebar else -1
    view.sidebar_shown = sidebar_at >= 0
    if spliced.popular:
        spliced.after += partials.render(
            "popular", view, page, spliced.base_url, where="after", popular_list=spliced.popular
        )
    return splice(output, spliced, sidebar_at=sidebar_at, comments_marker=partials.comments_marker)
