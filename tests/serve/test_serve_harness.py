"""The ``mkdocs serve`` harness rebuilds on an edit (plain Material, no plugin)."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_harness import ServeFactory
from sitebuild import write_project


@pytest.mark.serve
@pytest.mark.timeout(120)
def test_served_page_follows_an_edit(tmp_path: Path, mkdocs_serve: ServeFactory) -> None:
    write_project(
        tmp_path,
        config={"plugins": []},
        files={"index.md": "# Home\n", "notes.md": "# First title\n\nSome text.\n"},
    )
    server = mkdocs_serve(tmp_path)
    assert '<h1 id="first-title">First title</h1>' in server.get("notes/")

    (server.project / "docs" / "notes.md").write_text("# Second title\n\nSome text.\n")

    page = server.wait_for("notes/", lambda html: "Second title" in html)
    assert "First title" not in page
    assert "Building documentation" in server.log()
    assert (tmp_path / "docs" / "notes.md").read_text().startswith("# First title")
