"""Build real MkDocs sites in tests: the shared harness of every test tier.

Tests import it by name (pytest puts ``tests/`` on ``sys.path``)::

    from sitebuild import build_site, post

    def test_byline(tmp_path: Path) -> None:
        site = build_site(
            tmp_path,
            config={"plugins": ["search", {"aiblog": {}}]},  # default: ["aiblog"]
            files={"posts/x.md": post(title="X", date="2026-11-20", authors=["ada"])},
        )
        assert site.warnings == []
        assert site.html("posts/x.md").select_one(".aiblog-byline") is not None

Builds go through ``load_config`` + ``build`` (like ``mkdocs build``), never through
click's test runner, which turns off the ``mkdocs`` logger's propagation for the
rest of the session. Every build checks that it wrote nothing under ``docs/``.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib
import logging
import os
import types
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

os.environ["NO_MKDOCS_2_WARNING"] = "1"
os.environ["DISABLE_MKDOCS_2_WARNING"] = "true"

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The checkout's root: where the demo's ``mkdocs.yml`` and ``docs/`` live."""

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
"""True under CI, where a missing tool or file fails a test instead of skipping it."""

FileContent = str | bytes

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000105fe02fea7d6a4c80000000049454e44ae426082"
)
"""A valid 1x1 PNG, for hero images, thumbnails and avatars in test sites."""

AUTHORS_FILE = "authors:\n  ada:\n    name: Ada Quill\n    description: Covers policy\n"
"""An authors file (Material's `.authors.yml` format) with one author, `ada`."""
AVATAR = "    avatar: assets/ada.png\n"
"""The line that gives `ada` of `AUTHORS_FILE` an avatar (the test writes `docs/assets/ada.png`)."""


def skip_or_fail(reason: str) -> NoReturn:
    """Skip the current test, or fail it under ``CI=true``: CI never skips silently."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing prerequisite fails instead of skipping)")
    pytest.skip(reason)


def require(module: str) -> Any:
    """Give an imported module a test needs; skip without it, or fail under ``CI=true``."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        skip_or_fail(f"{module} is not installed ({error})")


def post(*, title: str, date: Any = "2026-11-20", body: str | None = None, **meta: Any) -> str:
    """Give the Markdown source of a post: YAML front matter, then a body.

    ``meta`` becomes further front matter keys (``authors=["ada"]``,
    ``full_story={"url": ...}``), dumped with ``yaml.safe_dump``. ``date`` and
    ``updated`` given as ISO strings (``"2026-11-20"``, ``"2026-11-20 08:30"``) are
    written unquoted, as an author writes them, so YAML reads a date; any other
    string stays a string (``date="yesterday"``). ``date=None`` leaves the key out.
    The default body is a lede and one section.
    """
    front: dict[str, Any] = {"title": title}
    if date is not None:
        front["date"] = date
    front.update(meta)
    for key in ("date", "updated"):
        if isinstance(front.get(key), str):
            front[key] = _iso_or_str(front[key])
    if body is None:
        body = f"A one-paragraph lede of {title}.\n\n## Why it matters\n\nThree short points.\n"
    return f"---\n{yaml.safe_dump(front, sort_keys=False, allow_unicode=True)}---\n\n{body}"


def _iso_or_str(value: str) -> str | datetime.date | datetime.datetime:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return value


class _ConfigDumper(yaml.SafeDumper):
    """Safe YAML, plus functions as ``!!python/name:`` (e.g. Material's emoji index)."""


def _represent_function(dumper: yaml.SafeDumper, func: Any) -> yaml.Node:
    return dumper.represent_scalar(
        f"tag:yaml.org,2002:python/name:{func.__module__}.{func.__qualname__}", ""
    )


_ConfigDumper.add_multi_representer(types.FunctionType, _represent_function)
_ConfigDumper.add_multi_representer(types.BuiltinFunctionType, _represent_function)


def write_project(
    root: Path,
    *,
    config: Mapping[str, Any] | None = None,
    files: Mapping[str, FileContent] | None = None,
    extra_files: Mapping[str, FileContent] | None = None,
) -> Path:
    """Write a site project under ``root`` and give the path of its ``mkdocs.yml``.

    ``config`` becomes ``mkdocs.yml``, with defaults for what it leaves out:
    ``site_name: Test site``, ``theme: {name: material}`` and ``plugins: [aiblog]``
    (a ``plugins`` key of the caller's, list of names or of ``{name: options}``
    mappings, is written as given). A function value (``material.extensions.emoji.twemoji``)
    is written as a ``!!python/name:`` tag. ``files`` are written under
    ``docs/``, ``extra_files`` under ``root`` (a ``custom_dir``, an analytics export);
    ``str`` as UTF-8 text, ``bytes`` as they are.
    """
    cfg: dict[str, Any] = {"site_name": "Test site", "theme": {"name": "material"}}
    cfg["plugins"] = ["aiblog"]
    cfg.update(config or {})
    root.mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    for base, contents in ((root / "docs", files or {}), (root, extra_files or {})):
        for rel, content in contents.items():
            target = base / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(
        yaml.dump(cfg, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return config_file


def docs_hashes(docs_dir: Path) -> dict[str, str]:
    """Give ``{posix path relative to docs_dir: sha256 hex}`` of every file under it."""
    return {
        path.relative_to(docs_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(docs_dir.rglob("*"))
        if path.is_file()
    }


@dataclass
class Site:
    """The outcome of one build: where it went, what it logged, and whether it failed."""

    root: Path
    """The project directory (holds ``mkdocs.yml``)."""
    docs_dir: Path
    site_dir: Path
    config: MkDocsConfig | None
    """The loaded config; None if loading it failed."""
    logs: list[tuple[str, str]] = field(default_factory=list)
    """``(level name, message)`` of every INFO+ record of the ``mkdocs`` loggers."""
    error: MkDocsException | None = None
    """What stopped the build: ``Abort`` (strict mode), ``PluginError``, a config error."""

    @property
    def ok(self) -> bool:
        """Whether the build finished (in strict mode: with no warning)."""
        return self.error is None

    @property
    def warnings(self) -> list[str]:
        """Messages logged at WARNING or above, in order."""
        return [msg for level, msg in self.logs if logging.getLevelName(level) >= logging.WARNING]

    def path(self, page: str = "") -> Path:
        """Give the output file of ``page``.

        ``page`` is an output path (``posts/x/index.html``, ``assets/x.css``), a
        directory URL (``posts/x/``, ``""`` for the home page) or a source path
        (``posts/x.md``, mapped as ``use_directory_urls`` says).
        """
        rel = page.lstrip("/")
        if rel.endswith(".md"):
            stem = rel[:-3]
            directory_urls = self.config is None or self.config.use_directory_urls
            if Path(stem).name.lower() in {"index", "readme"}:
                rel = stem[: -len(Path(stem).name)] + "index.html"
            else:
                rel = f"{stem}/index.html" if directory_urls else f"{stem}.html"
        target = self.site_dir / rel
        if rel == "" or rel.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target

    def text(self, page: str = "") -> str:
        """Give the text of the output file of ``page`` (see `path`)."""
        if self.error is not None:
            raise AssertionError(f"the build failed: {self.error}; warnings: {self.warnings}")
        target = self.path(page)
        if not target.is_file():
            built = sorted(
                p.relative_to(self.site_dir).as_posix() for p in self.site_dir.rglob("*.html")
            )
            raise AssertionError(f"{page!r}: no {target} in the build; HTML pages: {built}")
        return target.read_text(encoding="utf-8")

    def html(self, page: str = "") -> BeautifulSoup:
        """Give the output file of ``page`` parsed with bs4's ``html.parser``."""
        return BeautifulSoup(self.text(page), "html.parser")


@contextmanager
def capture_mkdocs_logs() -> Iterator[list[tuple[str, str]]]:
    """Collect ``(level name, message)`` of INFO+ records of the ``mkdocs`` logger tree."""
    records: list[tuple[str, str]] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append((record.levelname, record.getMessage()))

    logger = logging.getLogger("mkdocs")
    handler = _Collect(logging.INFO)
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def build_config_file(config_file: Path, *, strict: bool = False, **overrides: Any) -> Site:
    """Build the project of an existing ``mkdocs.yml`` as ``mkdocs build`` would.

    ``overrides`` are config keys given to ``load_config`` (``site_dir=...``).
    An ``MkDocsException`` (strict-mode ``Abort``, ``PluginError``, a config error)
    ends up in ``Site.error``; any other exception is a bug and propagates. Raises
    ``AssertionError`` if the build wrote anything under ``docs_dir``.
    """
    root = config_file.parent
    docs_dir = root / "docs"
    site_dir = Path(overrides.get("site_dir", root / "site"))
    site = Site(root=root, docs_dir=docs_dir, site_dir=site_dir, config=None)
    before = docs_hashes(docs_dir) if docs_dir.is_dir() else {}
    with capture_mkdocs_logs() as site.logs:
        try:
            cfg = load_config(config_file=str(config_file), strict=strict, **overrides)
            site.config = cfg
            site.docs_dir, site.site_dir = Path(cfg.docs_dir), Path(cfg.site_dir)
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build(cfg)
            finally:
                cfg.plugins.on_shutdown()
        except MkDocsException as error:
            site.error = error
    after = docs_hashes(site.docs_dir) if site.docs_dir.is_dir() else {}
    if docs_dir == site.docs_dir and after != before:
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        raise AssertionError(f"the build wrote into docs/: {changed}")
    _snapshot(site)
    return site


_snapshots: dict[str, int] = {}


def _snapshot(site: Site) -> None:
    """Copy the built pages to ``$AIBLOG_SNAPSHOT/<test>/<n>/`` when that is set.

    For comparing what every site of the suite builds before and after a change
    that must not change it (a restructuring): run the suite twice with two
    folders, then ``diff -r`` them.
    """
    root = os.environ.get("AIBLOG_SNAPSHOT")
    if not root or site.error is not None or not site.site_dir.is_dir():
        return
    test = os.environ.get("PYTEST_CURRENT_TEST", "outside-a-test").split(" ")[0]
    name = "".join(c if c.isalnum() or c in "._-" else "_" for c in test)[:200]
    _snapshots[name] = number = _snapshots.get(name, 0) + 1
    for page in site.site_dir.rglob("*.html"):
        target = Path(root, name, str(number), page.relative_to(site.site_dir))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())


def build_site(
    tmp_path: Path,
    *,
    config: Mapping[str, Any] | None = None,
    files: Mapping[str, FileContent] | None = None,
    extra_files: Mapping[str, FileContent] | None = None,
    strict: bool = False,
    check: bool = False,
) -> Site:
    """Write a project into ``tmp_path`` (see `write_project`) and build it into ``tmp_path/site``.

    A build that fails (strict mode with a warning, a ``PluginError``, a bad
    config) gives a ``Site`` whose ``error`` is set and whose ``text``/``html``
    raise; ``check=True`` raises ``AssertionError`` at once instead.
    """
    config_file = write_project(tmp_path, config=config, files=files, extra_files=extra_files)
    site = build_config_file(config_file, strict=strict)
    if check and site.error is not None:
        raise AssertionError(f"the build failed: {site.error}; log: {site.logs}")
    return site


def build_fails_strict(
    tmp_path: Path,
    *,
    config: Mapping[str, Any] | None = None,
    files: Mapping[str, FileContent] | None = None,
    extra_files: Mapping[str, FileContent] | None = None,
) -> Site:
    """Build with ``strict=True``, assert that it aborted on warnings, and give the ``Site``.

    The ``Site`` tells which warnings did it (``site.warnings``).
    """
    site = build_site(tmp_path, config=config, files=files, extra_files=extra_files, strict=True)
    assert site.error is not None, f"expected the strict build to fail; log: {site.logs}"
    assert site.warnings, f"the strict build failed with no warning: {site.error}"
    return site
