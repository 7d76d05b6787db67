"""A site's own comments (`partials/comments.html`): where they start in a written page.

The end of a post (newer/older links, the popular list's second copy...) must come
before the site's comments. The theme's loader puts a mark, with a token drawn for
each build so that no post can forge it, before the site's comments partial; the
mark is taken out of every page as it is written.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

import jinja2

COMMENTS_TEMPLATE = "partials/comments.html"
CONTENT_START = '<div class="md-content"'
"""Where Material's content (and its article) begins in a written page."""
COMMENTS_MARKER = "<!--aiblog:comments:{token}-->"
COMMENTS_ID = 'id="__comments"'
"""Material's comments heading, for a site whose `content.html` writes comments itself."""


_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


class MarkedLoader(jinja2.BaseLoader):
    """The theme's loader, with `marker` at the start of the comments partial.

    Material's `content.html` includes `partials/comments.html` last in the
    article, after the content, the source dates and the feedback widget; a
    site's override of it (giscus, Disqus, anything) writes there, so the
    marker tells where the comments begin whatever they are made of. The
    partial is the site's own, unchanged: nothing but the marker comes before it.
    """

    def __init__(self, loader: jinja2.BaseLoader, marker: str) -> None:
        self.loader = loader
        self.marker = marker

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        """Give the inner loader's source, marked when it is the comments partial."""
        source, filename, uptodate = self.loader.get_source(environment, template)
        # Material's own partial is a comment only: it writes nothing, and then
        # no page need be searched for the marker.
        if template == COMMENTS_TEMPLATE and _JINJA_COMMENT.sub("", source).strip():
            source = self.marker + source
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        """Give the inner loader's templates."""
        return self.loader.list_templates()


def mark_comments(env: jinja2.Environment) -> str:
    """Give the marker that `env` now writes at the start of the comments partial ("": none).

    The marker is `COMMENTS_MARKER` with a random token, drawn once per environment
    (MkDocs makes one for each build).
    """
    if isinstance(env.loader, MarkedLoader):
        return env.loader.marker
    if env.loader is None:
        return ""
    env.loader = MarkedLoader(env.loader, COMMENTS_MARKER.format(token=secrets.token_hex(8)))
    return env.loader.marker


def site_comments(env: jinja2.Environment) -> bool:
    """Tell whether the site's own `partials/comments.html` writes anything (`mark_comments`)."""
    loader = env.loader
    if not isinstance(loader, MarkedLoader):
        return False
    try:
        source = loader.get_source(env, COMMENTS_TEMPLATE)[0]
    except jinja2.TemplateNotFound:
        return False
    return source.startswith(loader.marker)


def take_comments_marker(output: str, marker: str) -> tuple[str, int]:
    """Give the page without `marker`, and where its comments begin (-1: none shown).

    Comments are shown when the comments partial wrote anything but white space
    before the article's last `</article>`; the marker comes out of every page,
    so a page without comments is what it would be without the plugin. Without
    the marker (a site's `content.html` that writes its comments itself), the
    tag holding Material's comments heading (`id="__comments"`) after the start
    of the content, with the elements it opens, marks them.
    """
    end = output.rfind("</article>")
    if marker and marker in output:
        before, _, after = output.rpartition(marker)
        # The partial included twice: the last include is the one at the end.
        before = before.replace(marker, "")
        output = before + after
        at = len(before)
        end = output.rfind("</article>")
        return output, at if at < end and output[at:end].strip() else -1
    content = output.find(CONTENT_START)
    heading = output.rfind(COMMENTS_ID, content, end) if 0 <= content < end else -1
    if heading < 0:
        return output, -1
    return output, _opening(output, output.rfind("<", content, heading), content)


def _opening(output: str, start: int, lowest: int) -> int:
    """Give where the elements that open right before the tag at `start` begin.

    Comments written in a wrapper (`<section><h2 id="__comments">`) move with
    their wrapper; a closing tag, text or the article's own tag before them
    ends the walk.
    """
    while start > lowest:
        at = start - 1
        while at > lowest and output[at].isspace():
            at -= 1
        if output[at] != ">":
            break
        tag = output.rfind("<", lowest, at)
        if tag < 0 or output[tag + 1 : tag + 2] in ("/", "!", "?", ""):
            break
        if output.startswith("<article", tag):  # the article itself: comments first in it
            break
        start = tag
    return start
