"""Fixtures shared by every test tier.

- ``demo_site`` (session): the repository's own demo (``mkdocs.yml`` at the root),
  built once per worker into a temporary ``site_dir``; a ``sitebuild.Site``.
- ``mkdocs_serve``: start a real ``mkdocs serve`` on a copy of a site project; see
  ``serve_harness``.

Plain helpers (``build_site``, ``post``, ``docs_hashes``, ``skip_or_fail`` ...) live
in ``sitebuild``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_harness import MkdocsServe, ServeFactory, copy_project
from sitebuild import REPO_ROOT, Site, build_config_file, skip_or_fail

os.environ["NO_MKDOCS_2_WARNING"] = "1"
os.environ["DISABLE_MKDOCS_2_WARNING"] = "true"

_SLOW_TIERS = ("serve", "browser", "tools")
"""Folders of tests/ whose every test is slow: the quick tier (`-m "not slow"`) is the
unit tests and the quicker site builds."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of the slow tiers `slow`, and every serve or browser test too."""
    root = Path(__file__).parent
    for item in items:
        tier = item.path.relative_to(root).parts[0] if item.path.is_relative_to(root) else ""
        if (
            tier in _SLOW_TIERS
            or item.get_closest_marker("serve")
            or item.get_closest_marker("browser")
        ):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Give the demo site built from the repository's ``mkdocs.yml`` (not strict).

    Skips when there is no ``mkdocs.yml`` yet; fails instead under ``CI=true``.
    Tests must check ``demo_site.ok`` or read pages (which raise if it failed).
    """
    config_file = REPO_ROOT / "mkdocs.yml"
    if not config_file.is_file():
        skip_or_fail(f"no demo site yet: {config_file} does not exist")
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    return build_config_file(config_file, site_dir=str(site_dir))


@pytest.fixture
def mkdocs_serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeFactory]:
    """Give a factory ``(project_dir, *serve_args) -> MkdocsServe``; stop them all after the test.

    Each call copies ``project_dir`` to a new temporary directory, so the test edits
    ``server.project`` and never the original.
    """
    servers: list[MkdocsServe] = []

    def start(project: Path, *args: str) -> MkdocsServe:
        copy = copy_project(project, tmp_path_factory.mktemp("serve") / "project")
        server = MkdocsServe(copy, *args)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
