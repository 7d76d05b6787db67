"""The rest of a Material site: Material's blog and tags plugins.

Material's blog plugin already parses its posts (`blog/posts/`) into `Post` pages
whose `config` holds the validated dates, authors, categories, draft flag and
reading time; those posts are this plugin's posts too, and what the blog plugin
parsed is taken as it is, so nothing is configured twice. Material's tags plugin
puts the tags of a page, linked to their listing, in the template context; the
byline shows them there instead of Material's tag bar above the content.

Nothing here imports Material's plugins: a page can only be a blog post once the
blog plugin's module is loaded, so `sys.modules` tells whether to look.

ProperDocs (the continuation of MkDocs 1.x) finds the plugin through the
`properdocs.plugins` entry point; nothing else is needed to run under it. Its
`replacement_warning.setup()`, which ProperDocs asks plugins to call, is not
called: it does not add support, it prints a 15-line notice about MkDocs 2 on
every `mkdocs build` of a site that has ProperDocs installed, which a user of
plain `mkdocs` did not ask for (and `NO_MKDOCS_2_WARNING=1` does not silence it).
"""

from __future__ import annotations

import posixpath
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.templates import TemplateContext

_BLOG = "material/blog"
_TAGS = "material/tags"


def _instances(config: MkDocsConfig, key: str) -> Iterator[Any]:
    """Give the enabled instances of a plugin (`key`, `key #2` ...)."""
    for name, plugin in config.plugins.items():
        if name.split(" #")[0] == key and getattr(plugin.config, "enabled", True):
            yield plugin


def blog_authors_file(config: MkDocsConfig) -> str | None:
    """Give the authors file of Material's blog plugin, from `docs/`; None without it."""
    for plugin in _instances(config, _BLOG):
        if plugin.config.authors:
            path = plugin.config.authors_file.format(blog=plugin.config.blog_dir)
            return posixpath.normpath(str(path))
    return None


def blog_post(page: object) -> Any | None:
    """Give `page` if it is a post of Material's blog plugin, else None."""
    module = sys.modules.get("material.plugins.blog.structure")
    post_class = getattr(module, "Post", None)
    if post_class is not None and isinstance(page, post_class):
        return page
    return None


def blog_front_matter(post: Any) -> dict[str, object]:
    """Give the front matter keys that the blog plugin owns, as it parsed them.

    The blog plugin accepts `date: {created: ..., updated: ...}` and dates in its
    own formats, checks authors and categories, and stops the build on a bad
    value; its values replace the raw ones, so both plugins agree on each post.
    """
    options = post.config
    meta: dict[str, object] = {
        "date": options.date.created,
        "authors": list(options.authors),
        "categories": list(options.categories),
        "draft": bool(options.draft),
    }
    if options.date.updated is not None:
        meta["updated"] = options.date.updated
    if options.readtime:
        meta["readtime"] = options.readtime
    return meta


def blog_readtime(page: object) -> int | None:
    """Give the reading time the blog plugin gave its post (it counts in `on_page_content`)."""
    post = blog_post(page)
    readtime = post.config.readtime if post is not None else None
    return readtime if isinstance(readtime, int) and readtime > 0 else None


@dataclass(frozen=True, slots=True)
class TagLink:
    """A tag as Material's tags plugin links it: to its anchor on a tags listing."""

    name: str
    url: str | None = None
    """Site-relative URL of the tag on the closest listing; None without a listing."""
    hidden: bool = False
    """A shadow tag (Material shows those on `mkdocs serve` only)."""


def take_material_tags(context: TemplateContext, config: MkDocsConfig) -> list[TagLink]:
    """Give the tags Material's tags plugin put in a page's context, and take them out.

    Material renders them as a bar above the content (`partials/tags.html`); the
    byline shows them instead, so a post never shows its tags twice. Empty when
    the tags plugin is off or the page has no tags.
    """
    values = cast("dict[str, Any]", context)
    links: list[TagLink] = []
    for plugin in _instances(config, _TAGS):
        variable = plugin.config.tags_name_variable
        references = values.get(variable) or []
        for reference in references:
            url = getattr(reference, "url", None)
            links.append(
                TagLink(
                    name=str(getattr(reference, "name", reference)),
                    url=url if isinstance(url, str) else None,
                    hidden=bool(getattr(reference, "hidden", False)),
                )
            )
        if references:
            values[variable] = []
    return links
