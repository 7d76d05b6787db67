"""Structural budgets the benchmark reports, checked on every run (no timing here)."""

from __future__ import annotations

from pathlib import Path

import mkdocs_aiblog

PACKAGE = Path(mkdocs_aiblog.__file__).parent


def test_the_stylesheet_stays_under_8_kb() -> None:
    stylesheet = PACKAGE / "templates" / "assets" / "stylesheets" / "aiblog.css"
    assert stylesheet.stat().st_size < 8 * 1024


def test_the_package_ships_one_small_script_the_comments_loader() -> None:
    loader = PACKAGE / "templates" / "assets" / "javascripts" / "aiblog-comments.js"
    assert sorted(PACKAGE.rglob("*.js")) == [loader]
    assert loader.stat().st_size < 4 * 1024  # no framework: a page with comments loads it
    for template in PACKAGE.rglob("*.html"):
        assert "<script>" not in template.read_text(encoding="utf-8"), template
