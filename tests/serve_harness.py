"""Drive a real ``mkdocs serve`` in a subprocess, against a copy of a site.

Use it through the ``mkdocs_serve`` fixture (tests/conftest.py), which stops every
server it started::

    @pytest.mark.serve
    @pytest.mark.timeout(120)
    def test_edit(tmp_path: Path, mkdocs_serve: ServeFactory) -> None:
        write_project(tmp_path / "src", config=..., files=...)
        server = mkdocs_serve(tmp_path / "src")
        assert "Hello" in server.get("posts/x/")
        (server.project / "docs/posts/x.md").write_text(...)
        server.wait_for("posts/x/", lambda html: "Bye" in html)

Livereload stays on: in MkDocs 1.6.1 ``--no-livereload`` also stops file watching.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

_NOT_COPIED = (
    ".git",
    ".venv",
    "node_modules",
    "site",
    ".cache",
    "*_cache",
    ".hypothesis",
    "test-artifacts",
    "dist",
    "build",
    "tests",
    "benchmarks",
    "mkdocs_aiblog",
)
_SERVING_ON = re.compile(r"Serving on (http://\S+)")


def free_port() -> int:
    """Give a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class MkdocsServe:
    """A running ``mkdocs serve`` of a copy of a site project."""

    def __init__(self, project: Path, *args: str, startup_timeout: float = 60.0) -> None:
        """Start ``python -m mkdocs serve`` in ``project`` and wait until it answers.

        ``project`` is used as is (the fixture passes a copy); ``args`` are more
        ``mkdocs serve`` options (``--dirty``).
        """
        self.project = project
        self.port = free_port()
        self._lines: list[str] = []
        self._lock = threading.Lock()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml")]
        command += ["-a", f"127.0.0.1:{self.port}", *args]
        self._process = subprocess.Popen(
            command,
            cwd=project,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self._reader = threading.Thread(target=self._read_output, daemon=True)
        self._reader.start()
        self.base_url = self._wait_until_serving(startup_timeout)

    def _read_output(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            with self._lock:
                self._lines.append(line)

    def _wait_until_serving(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._reader.join(timeout=5)
                raise RuntimeError(
                    f"mkdocs serve exited with {self._process.returncode}:\n{self.log()}"
                )
            match = _SERVING_ON.search(self.log())
            if match:
                url = match.group(1).rstrip("/") + "/"
                try:
                    with urllib.request.urlopen(url, timeout=5):
                        return url
                except (urllib.error.URLError, OSError):
                    pass
            time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"mkdocs serve did not answer within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        """Give everything the server printed so far (its log goes to stderr)."""
        with self._lock:
            return "".join(self._lines)

    def fetch(self, path: str = "") -> tuple[int, str]:
        """Give ``(HTTP status, body text)`` of ``path`` below the site's URL."""
        try:
            with urllib.request.urlopen(self.base_url + path.lstrip("/"), timeout=10) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def get(self, path: str = "") -> str:
        """Give the body of ``path``; raise ``AssertionError`` unless it is a 200."""
        status, body = self.fetch(path)
        if status != 200:
            raise AssertionError(f"GET {path!r}: HTTP {status}\nserver log:\n{self.log()}")
        return body

    def wait_for(
        self, path: str, predicate: Callable[[str], bool], *, timeout: float = 20.0
    ) -> str:
        """Poll ``path`` until ``predicate(body)`` holds, give that body.

        Raises ``AssertionError`` with the last body and the server's log after
        ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        body = ""
        while True:
            status, body = self.fetch(path)
            if status == 200 and predicate(body):
                return body
            if time.monotonic() > deadline:
                break
            time.sleep(0.25)
        raise AssertionError(
            f"GET {path!r}: condition still false after {timeout} s (last HTTP {status})\n"
            f"last body (start): {body[:2000]}\nserver log:\n{self.log()}"
        )

    def stop(self) -> None:
        """Stop the server: terminate, then kill after 10 s."""
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
        self._reader.join(timeout=5)


class ServeFactory(Protocol):
    """The ``mkdocs_serve`` fixture: copy a project into tmp and serve the copy."""

    def __call__(self, project: Path, *args: str) -> MkdocsServe: ...


def copy_project(source: Path, target: Path) -> Path:
    """Copy a site project and give the copy's path.

    Leaves out what a site never reads (a checkout's ``.git``, ``.venv``, caches, a
    built ``site/``, the package and its tests), so the repository root can be copied.
    """
    top_level = shutil.ignore_patterns(*_NOT_COPIED)

    def ignore(directory: str, names: list[str]) -> set[str]:
        return top_level(directory, names) if Path(directory) == source else set()

    shutil.copytree(source, target, ignore=ignore)
    return target
