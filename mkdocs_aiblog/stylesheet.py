"""`mkdocs-aiblog-css`: the plugin's stylesheet, for a site the plugin does not build.

Under MkDocs the plugin serves `aiblog.css` itself. A host that runs no MkDocs
plugins (Zensical) serves `extra_css` from the docs folder only, so the file has
to be there: this command prints it, or copies it to the path the user names
(`mkdocs-aiblog-css docs/stylesheets/aiblog.css`). It writes nothing unless told
where, and never over a file that is not an earlier copy of the stylesheet.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

SOURCE: Final = Path(__file__).parent / "templates" / "assets" / "stylesheets" / "aiblog.css"
HEADER: Final = "/* mkdocs-aiblog:"
"""How the stylesheet starts: a file that does not is not overwritten."""


def stylesheet() -> str:
    """Give the text of the plugin's stylesheet."""
    return SOURCE.read_text(encoding="utf-8")


def copy(target: Path, *, force: bool = False) -> str | None:
    """Write the stylesheet to `target` (folders made as needed); give the problem, or None."""
    text = stylesheet()
    if target.is_dir():
        target = target / "aiblog.css"
    if target.exists() and not force:
        try:
            old = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return f"{target}: cannot be read ({error.__class__.__name__}); nothing written"
        if old != text and not old.startswith(HEADER):
            return f"{target}: exists and is not aiblog.css; use --force to replace it"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        return f"{target}: cannot be written ({error.strerror or error.__class__.__name__})"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command: print the stylesheet, or copy it to the given path; give the exit code."""
    parser = argparse.ArgumentParser(
        prog="mkdocs-aiblog-css",
        description="Print mkdocs-aiblog's stylesheet, or copy it to PATH, for a site built"
        " without the plugin (Zensical). Then list the copy under extra_css.",
    )
    parser.add_argument(
        "path", nargs="?", type=Path, help="file or folder to write (default: print)"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace a file that is not aiblog.css"
    )
    options = parser.parse_args(argv)
    if options.path is None:
        sys.stdout.write(stylesheet())
        return 0
    problem = copy(options.path, force=options.force)
    if problem is not None:
        print(f"mkdocs-aiblog-css: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
