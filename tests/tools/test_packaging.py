"""The wheel carries the templates, stylesheet and entry points, and works from a fresh venv."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from sitebuild import REPO_ROOT, post, skip_or_fail, write_project

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def run(command: list[str | Path], cwd: Path) -> str:
    """Run ``command``, give its output; fail the test with that output if it fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{command} exited with {done.returncode}:\n{output}"
    return output


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Give the wheel ``python -m build --wheel`` makes of the checkout."""
    try:
        import build  # noqa: F401
    except ImportError:
        skip_or_fail("the `build` package is missing: run scripts/test (test extras)")
    outdir = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--wheel", "--outdir", outdir, REPO_ROOT], cwd=outdir)
    (found,) = outdir.glob("mkdocs_aiblog-*.whl")
    return found


def test_wheel_carries_templates_stylesheet_and_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points_name,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        entry_points = archive.read(entry_points_name).decode()

    templates = [
        n for n in names if PurePosixPath(n).match("mkdocs_aiblog/templates/aiblog/*.html")
    ]
    assert templates, f"no templates/aiblog/*.html in {sorted(names)}"
    assert "mkdocs_aiblog/templates/assets/stylesheets/aiblog.css" in names
    assert "mkdocs_aiblog/py.typed" in names
    parser = configparser.ConfigParser()
    parser.read_string(entry_points)
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        assert parser.get(group, "aiblog") == "mkdocs_aiblog.plugin:AiblogPlugin"
    assert parser.get("console_scripts", "mkdocs-aiblog-css") == "mkdocs_aiblog.stylesheet:main"


def test_wheel_installs_into_a_fresh_venv_and_builds_a_site(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    run([env_dir / "bin" / "python", "-m", "pip", "install", "-q", wheel], cwd=tmp_path)
    project = tmp_path / "site-project"
    write_project(
        project,
        config={"plugins": ["aiblog"]},
        files={
            "index.md": "# Home\n\nWelcome.\n",
            "posts/hello.md": post(title="Hello", description="A first post."),
        },
    )

    # Without -q: `mkdocs build -q --strict` never fails on warnings (mkdocs#4126).
    run([env_dir / "bin" / "mkdocs", "build", "--strict"], cwd=project)

    page_url = "http://site.invalid/posts/hello/"
    page = project / "site" / "posts" / "hello" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [str(link.get("href", "")) for link in soup.select('link[rel~="stylesheet"]')]
    ours = [href for href in links if href.split("?")[0].endswith("/aiblog.css")]
    assert len(ours) == 1, f"expected one link to aiblog.css, got {links}"
    css_path = urlparse(urljoin(page_url, ours[0])).path.lstrip("/")
    stylesheet = project / "site" / css_path
    assert stylesheet.is_file(), f"{ours[0]} -> {stylesheet} is not in the built site"
    shipped = REPO_ROOT / "mkdocs_aiblog/templates/assets/stylesheets/aiblog.css"
    assert stylesheet.read_bytes() == shipped.read_bytes()
