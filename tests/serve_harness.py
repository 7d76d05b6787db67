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
import signal
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


class ServeProcess:
    """A ``mkdocs serve`` process and its log, each line with when it was read.

    The serve tests (`MkdocsServe`) and the benchmark's rebuild timing
    (``benchmarks/run.py``) both drive the server through it.
    """

    def __init__(
        self, cwd: Path, config_file: str, *args: str, env: dict[str, str] | None = None
    ) -> None:
        """Start ``python -m mkdocs serve -f config_file`` in ``cwd`` on a free local port."""
        self.port = free_port()
        self.lines: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        env = dict(env or os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", config_file]
        command += ["-a", f"127.0.0.1:{self.port}", *args]
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
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

    def _read_output(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._lock:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def log(self) -> str:
        """Give everything the server printed so far (its log goes to stderr)."""
        with self._lock:
            return "".join(f"{line}\n" for _, line in self.lines)

    def since(self, start: int) -> list[tuple[float, str]]:
        """Give (when read, line) of every line from the ``start``-th on."""
        with self._lock:
            return self.lines[start:]

    def wait_serving(self, timeout: float, *, answered: bool = True) -> str:
        """Give the site's URL once the log says it is served (and, if asked, it answers)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._reader.join(timeout=5)
                raise RuntimeError(
                    f"mkdocs serve exited with {self.process.returncode}:\n{self.log()}"
                )
            match = _SERVING_ON.search(self.log())
            if match:
                url = match.group(1).rstrip("/") + "/"
                if not answered:
                    return url
                try:
                    with urllib.request.urlopen(url, timeout=5):
                        return url
                except (urllib.error.URLError, OSError):
                    pass
            time.sleep(0.1)
        self.stop()
        raise TimeoutError(f"mkdocs serve did not answer within {timeout} s:\n{self.log()}")

    def stop(self, *, interrupt: bool = False) -> None:
        """Stop the server (Ctrl+C with ``interrupt``, as a user does), then kill after 30 s."""
        if self.process.poll() is None:
            if interrupt:
                self.process.send_signal(signal.SIGINT)
            else:
                self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._reader.join(timeout=5)


class MkdocsServe(ServeProcess):
    """A running ``mkdocs serve`` of a copy of a site project, for the serve tests."""

    def __init__(self, project: Path, *args: str, startup_timeout: float = 60.0) -> None:
        """Start ``python -m mkdocs serve`` in ``project`` and wait until it answers.

        ``project`` is used as is (the fixture passes a copy); ``args`` are more
        ``mkdocs serve`` options (``--dirty``).
        """
        self.project = project
        super().__init__(project, str(project / "mkdocs.yml"), *args)
        self.base_url = self.wait_serving(startup_timeout)

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
