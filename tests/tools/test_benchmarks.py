"""The benchmark scripts still run, on a tiny generated blog (no timing is asserted).

`benchmarks/` is a set of scripts, not a package: they are run as a user runs them,
in a subprocess, and the one pure helper worth a unit test is loaded from its file.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sitebuild import REPO_ROOT

BENCHMARKS = REPO_ROOT / "benchmarks"


@functools.cache
def _load_run() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))  # run.py imports its sibling generate.py
    try:
        spec = importlib.util.spec_from_file_location("aiblog_benchmark_run", BENCHMARKS / "run.py")
        assert spec is not None and spec.loader is not None
        module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def _script(name: str, *args: str, cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args],
        cwd=cwd,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


# --------------------------------------------------------------- the serve log parser


def test_the_rebuild_takes_mkdocs_own_figure_when_it_prints_one() -> None:
    rebuild_time = _load_run().rebuild_time
    lines = [
        (1.0, "INFO    -  [17:31:07] Detected file changes"),
        (1.3, "INFO    -  Building documentation..."),
        (1.6, "INFO    -  Documentation built in 0.27 seconds"),
        (1.7, "INFO    -  [17:31:08] Reloading browsers"),
    ]
    assert rebuild_time(lines) == (0.27, 1.7)


def test_a_rebuild_as_long_as_an_earlier_build_is_timed_from_the_log() -> None:
    # MkDocs' DuplicateFilter drops "Documentation built in 0.19 seconds" the second
    # time: the rebuild must still be seen (this hung the benchmark for minutes).
    rebuild_time = _load_run().rebuild_time
    lines = [
        (1.0, "INFO    -  [17:31:07] Detected file changes"),
        (1.25, "INFO    -  Building documentation..."),
        (1.5, "INFO    -  [17:31:08] Reloading browsers"),
    ]
    seconds, ended = rebuild_time(lines)
    assert seconds == pytest.approx(0.25)
    assert ended == 1.5


def test_a_rebuild_that_began_before_the_edit_is_not_taken_for_it() -> None:
    rebuild_time = _load_run().rebuild_time
    with pytest.raises(RuntimeError, match="no whole rebuild"):
        rebuild_time([(1.5, "INFO    -  [17:31:08] Reloading browsers")])
    with pytest.raises(RuntimeError, match="no whole rebuild"):
        rebuild_time([(1.0, "INFO    -  [17:31:07] Detected file changes")])


# --------------------------------------------------------------- the scripts, end to end


def test_the_runner_writes_a_report_with_every_measure(tmp_path: Path) -> None:
    output, measures = tmp_path / "RESULTS.md", tmp_path / "results.json"
    _script(
        "run.py",
        *("--sizes", "4", "--repeat", "1", "--workdir", str(tmp_path)),
        *("--output", str(output), "--json", str(measures)),
        cwd=tmp_path,
    )
    report = output.read_text(encoding="utf-8")
    for heading in ("## Headline", "## Scaling", "### 4 posts"):
        assert heading in report
    assert "| stylesheet under 8 KB |" in report
    (result,) = json.loads(measures.read_text(encoding="utf-8"))
    variants = {build["variant"] for build in result["builds"]}
    assert variants == {"aiblog", "plain", "material-blog", "plain-autonav"}
    assert all(build["warnings"] == 0 for build in result["builds"])
    assert {rebuild["variant"] for rebuild in result["rebuilds"]} == {"aiblog", "plain"}
    assert all(rebuild["reported"] > 0 for rebuild in result["rebuilds"])
    assert not list(tmp_path.glob("blog-*")), "the generated site is removed"


def test_the_stage_timer_times_every_configuration(tmp_path: Path) -> None:
    printed = _script(
        "stages.py", "--posts", "4", "--rounds", "1", "--workdir", str(tmp_path), cwd=tmp_path
    )
    header = next(line for line in printed.splitlines() if line.startswith("stage"))
    assert header.split() == ["stage", "plain", "aiblog", "alloff", "blocks"]
    rows = {line[:36].strip(): line[36:].split() for line in printed.splitlines()}
    plain, aiblog, alloff, blocks = map(float, rows["whole build (CPU)"])
    assert min(plain, aiblog, alloff, blocks) > 0
    assert float(rows["partial byline.html"][1]) > 0  # the plugin's parts are timed
    assert float(rows["partial byline.html"][2]) == 0  # and off in `alloff`
