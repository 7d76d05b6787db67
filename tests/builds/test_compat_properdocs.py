"""ProperDocs, the maintained fork of MkDocs 1.x: the plugin runs unchanged under
`properdocs build`, found through its own entry-point group."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import AUTHORS_FILE, REPO_ROOT, Site, post, skip_or_fail, write_project

pytestmark = pytest.mark.slow  # other tools' builds (CLI runs, image cards): exhaustive tier

FILES = {
    "index.md": "# Home\n\nWelcome.\n",
    "posts/.authors.yml": AUTHORS_FILE,
    "posts/clash.md": post(
        title="AI power clash",
        date="2026-11-20",
        authors=["ada"],
        tags=["OpenAI"],
        full_story={"url": "https://example.com/original"},
        body="A lede.\n\n## Why it matters 🚀\n\nPoints.\n",
    ),
    "posts/chips.md": post(title="Chips again", date="2026-11-25", authors=["ada"]),
}


@pytest.fixture(autouse=True)
def _properdocs() -> None:
    try:
        import properdocs  # noqa: F401
    except ImportError:
        skip_or_fail("properdocs is not installed (pip install -e '.[test]')")


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command of this virtual environment, with the MkDocs 2 notices off."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    environment.update(env or {})
    return subprocess.run(
        args, cwd=cwd, env=environment, capture_output=True, text=True, timeout=120, check=False
    )


def properdocs_build(
    config_file: Path, site_dir: Path, *flags: str
) -> subprocess.CompletedProcess[str]:
    return run(
        sys.executable, "-m", "properdocs", "build", "-f", str(config_file), "-d", str(site_dir),
        *flags, cwd=config_file.parent,
    )  # fmt: skip


def test_both_entry_point_groups_are_found() -> None:
    code = "import {0}.plugins as p; e = p.get_plugins()['aiblog']; print(e.group, e.value)"
    for tool in ("properdocs", "mkdocs"):
        result = run(sys.executable, "-c", code.format(tool), cwd=REPO_ROOT)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == [f"{tool}.plugins", "mkdocs_aiblog.plugin:AiblogPlugin"]


def test_properdocs_build_strict(tmp_path: Path) -> None:
    config_file = write_project(tmp_path, config={"site_url": "https://example.org/"}, files=FILES)
    result = properdocs_build(config_file, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/posts/clash/index.html").read_text("utf-8")
    page = BeautifulSoup(html, "html.parser")
    generator = page.select_one('meta[name="generator"]')
    assert generator is not None and "ProperDocs" in generator["content"]
    byline = page.select_one(".aiblog-byline")
    assert byline is not None and "Ada Quill" in byline.get_text()
    assert page.select_one("h2#why-it-matters .aiblog-emoji") is not None
    popular = page.select(".aiblog-popular--after .aiblog-popular__name")
    assert [p.get_text() for p in popular] == ["Chips again"]
    assert page.select_one(".aiblog-full-story a")["href"] == "https://example.com/original"
    assert (tmp_path / "site/assets/stylesheets/aiblog.css").is_file()


def test_properdocs_strict_counts_the_plugins_warnings(tmp_path: Path) -> None:
    files = {**FILES, "posts/bad.md": post(title="Bad", date="yesterday")}
    config_file = write_project(tmp_path, files=files)
    result = properdocs_build(config_file, tmp_path / "site", "--strict")
    assert result.returncode != 0
    assert "posts/bad.md: date: 'yesterday' is not a date" in result.stderr


def test_the_demo_builds_the_same_under_properdocs(tmp_path: Path, demo_site: Site) -> None:
    result = properdocs_build(REPO_ROOT / "mkdocs.yml", tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    built = sorted(demo_site.site_dir.glob("posts/*/index.html"))  # drafts are not built
    assert built
    for path in built:
        page = path.relative_to(demo_site.site_dir).as_posix()
        ours = BeautifulSoup((tmp_path / "site" / page).read_text("utf-8"), "html.parser")
        theirs = demo_site.html(page)
        for selector in ("article", ".md-sidebar--secondary", 'script[type="application/ld+json"]'):
            assert str(ours.select_one(selector)) == str(theirs.select_one(selector)), (
                page,
                selector,
            )
