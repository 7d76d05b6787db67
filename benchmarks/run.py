"""Benchmark: what mkdocs-aiblog costs a growing blog, and how the cost grows.

    .venv/bin/python benchmarks/run.py --sizes 100 1000 5000
    .venv/bin/python benchmarks/run.py --sizes 20 --repeat 1 --output /tmp/smoke.md

For each size N it generates a blog of N posts (benchmarks/generate.py) and builds
it, each build in a fresh `python -m mkdocs build` process, alternating the
configurations round by round:

- `aiblog`: the site with the plugin (mkdocs.yml);
- `plain`: the same site without it (mkdocs-plain.yml), posts kept out of the
  navigation as the plugin keeps them out (explicit nav, `not_in_nav: /posts/`);
- `material-blog`: the same posts read by Material's own blog plugin (reference);
- `plain-autonav`: the plain site with every post in MkDocs' automatic navigation,
  once, at the sizes of `--autonav-sizes` (context).

Each build reports its time (the `mkdocs build` command inside the process: config,
plugins, every page), the whole process's wall time, its CPU time and its peak
memory (`ru_maxrss`). Then it times one rebuild of a real `mkdocs serve` after a
post is edited, with and without the plugin. Results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from generate import Site, generate_site

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from serve_harness import ServeProcess

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
STYLESHEET = REPO / "mkdocs_aiblog" / "templates" / "assets" / "stylesheets" / "aiblog.css"
PACKAGE = REPO / "mkdocs_aiblog"

MAIN = ("aiblog", "plain", "material-blog")
"""The configurations built in alternation at every size."""

CONFIG_OF = {
    "aiblog": "mkdocs.yml",
    "plain": "mkdocs-plain.yml",
    "plain-autonav": "mkdocs-plain-autonav.yml",
    "material-blog": "mkdocs-material-blog.yml",
}

MARK = "@@aiblog-benchmark@@"

# Runs `mkdocs build` (argv after -c) in this process and prints one JSON line:
# the build's own time, the process's CPU time and peak memory, warnings logged.
CHILD = f"""
import json, logging, resource, sys, time
from mkdocs.__main__ import cli

class Count(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0
    def emit(self, record):
        self.count += 1

counter = Count()
logging.getLogger("mkdocs").addHandler(counter)
start = time.perf_counter()
code = 0
try:
    cli.main(["build", *sys.argv[1:]], prog_name="mkdocs", standalone_mode=False)
except SystemExit as error:
    code = error.code or 0
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print({MARK!r} + json.dumps(dict(
    build=seconds, cpu=usage.ru_utime + usage.ru_stime, maxrss_kb=usage.ru_maxrss,
    warnings=counter.count, code=code,
)), flush=True)
"""


@dataclass
class Build:
    """One `mkdocs build` process."""

    variant: str
    build: float
    """Seconds in `mkdocs build` itself (config, plugins, every page)."""
    process: float
    """Wall seconds of the whole process, interpreter start included."""
    cpu: float
    maxrss_mb: float
    warnings: int
    html_files: int
    output_mb: float
    """What the build wrote: every file of the site."""
    round: int = 0
    """The round it was built in: `aiblog` and `plain` build one after the other in each."""


@dataclass
class Rebuild:
    """One rebuild of `mkdocs serve` after an edit of one post."""

    variant: str
    reported: float
    """What MkDocs printed: "Documentation built in X seconds" (see `time_rebuild`)."""
    edit_to_built: float
    """Wall seconds from the edit to "Reloading browsers" (file watching included)."""
    peak_rss_mb: float | None


@dataclass
class SizeResult:
    """Everything measured at one size."""

    posts: int
    builds: list[Build] = field(default_factory=list)
    rebuilds: list[Rebuild] = field(default_factory=list)

    def of(self, variant: str) -> list[Build]:
        return [b for b in self.builds if b.variant == variant]

    def median(self, variant: str, attribute: str) -> float | None:
        values = [float(getattr(b, attribute)) for b in self.of(variant)]
        return statistics.median(values) if values else None

    def pairs(self, attribute: str) -> list[tuple[float, float]]:
        """Give (aiblog, plain) of each round, built one right after the other."""
        plain = {b.round: float(getattr(b, attribute)) for b in self.of("plain")}
        return [
            (float(getattr(b, attribute)), plain[b.round])
            for b in self.of("aiblog")
            if b.round in plain
        ]


# --------------------------------------------------------------------------- builds


def compile_package(checkout: Path) -> None:
    """Compile the plugin's modules in `checkout` to bytecode, as `pip install` does.

    Without it, a machine with PYTHONDONTWRITEBYTECODE set (CI images often are)
    compiles the plugin from source in every build, which a user's installed
    package never does: the more code, the larger that unreal cost.
    """
    compileall.compile_dir(checkout / "mkdocs_aiblog", quiet=1)


def env() -> dict[str, str]:
    return dict(
        os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONUNBUFFERED="1"
    )


def count_output(folder: Path) -> tuple[int, int]:
    """The number of HTML files under `folder`, and the bytes of every file."""
    pages = size = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            pages += name.endswith(".html")
            size += os.path.getsize(os.path.join(parent, name))
    return pages, size


def run_build(site: Site, variant: str, scratch: Path, *, attempts: int = 3) -> Build:
    """Build one configuration of `site` in a fresh process; give its measures."""
    return build_config(site.root / CONFIG_OF[variant], variant, scratch, attempts=attempts)


def build_config(config: Path, variant: str, scratch: Path, *, attempts: int = 3) -> Build:
    """Build the site of `config` in a fresh process; give its measures.

    A failed build is tried again after a pause (the package may be mid-edit in a
    shared checkout); the last failure is raised.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _run_build(config, variant, scratch)
        except RuntimeError as error:
            if attempt == attempts:
                raise
            message = str(error)[-1500:]
            print(f"    {variant}: build failed, again in {RETRY_PAUSE} s: {message}", flush=True)
            time.sleep(RETRY_PAUSE)
    raise AssertionError("unreachable")


RETRY_PAUSE = 20


def _run_build(config: Path, variant: str, scratch: Path) -> Build:
    out = Path(tempfile.mkdtemp(prefix="site-", dir=scratch))
    command = [sys.executable, "-c", CHILD, "-f", str(config), "-d", str(out)]
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=config.parent, env=env(), capture_output=True, text=True, check=False
    )
    process = time.perf_counter() - started
    line = next((x for x in done.stdout.splitlines() if x.startswith(MARK)), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(
            f"{variant}: build of {config} failed ({done.returncode}):\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    data = json.loads(line[len(MARK) :])
    if data["code"]:
        raise RuntimeError(f"{variant}: mkdocs build exited {data['code']}:\n{done.stderr[-3000:]}")
    html, size = count_output(out)
    shutil.rmtree(out, ignore_errors=True)
    if data["warnings"]:
        warnings = [x for x in done.stderr.splitlines() if x.startswith("WARNING")]
        print(f"    {variant}: {data['warnings']} warnings, e.g. {warnings[:3]}", flush=True)
    return Build(
        variant=variant,
        build=data["build"],
        process=process,
        cpu=data["cpu"],
        maxrss_mb=data["maxrss_kb"] / 1024,
        warnings=data["warnings"],
        html_files=html,
        output_mb=size / 1e6,
    )


# --------------------------------------------------------------------------- serve

_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")
_RELOADING = "Reloading browsers"


def peak_rss_mb(pid: int) -> float | None:
    """The peak resident memory (VmHWM) of a running process, where /proc has it."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


class Server(ServeProcess):
    """A real `mkdocs serve` of a generated site (the serve tests' harness)."""

    def __init__(self, site: Site, variant: str) -> None:
        super().__init__(site.root, CONFIG_OF[variant], env=env())

    def wait(self, condition: str, timeout: float) -> None:
        """Wait until the log says the site is served."""
        if condition != "serving":
            raise ValueError(condition)
        self.wait_serving(timeout, answered=False)

    def stop(self, *, interrupt: bool = True) -> None:
        """Ctrl+C, as a user stops it (MkDocs then removes its temporary site)."""
        super().stop(interrupt=interrupt)


def rebuild_time(lines: list[tuple[float, str]]) -> tuple[float, float]:
    """The rebuild's seconds, and when it ended, from the log lines that follow an edit.

    "Reloading browsers" ends every rebuild. MkDocs' own figure ("Documentation built
    in X seconds") is taken when printed; its log filter drops any message it printed
    before, so a rebuild as long as an earlier build (to the hundredth) prints none,
    and then the time from "Building documentation..." to "Reloading browsers" is used.
    """
    start = figure = None
    for when, line in lines:
        if start is None and "Building documentation" in line:
            start = when
        elif (found := _BUILT_IN.search(line)) is not None:
            figure = float(found.group(1))
        elif _RELOADING in line:
            if start is None:  # the end of a rebuild that began before the edit
                break
            return (when - start if figure is None else figure), when
    log = "\n".join(text for _, text in lines)
    raise RuntimeError(f"no whole rebuild after the edit in:\n{log}")


def time_rebuild(site: Site, variant: str, timeout: float) -> Rebuild:
    """Start `mkdocs serve`, edit one post, time the rebuild it triggers."""
    post = site.post_path(site.slugs[len(site.slugs) // 2])
    original = post.read_bytes()
    server = Server(site, variant)
    try:
        server.wait("serving", timeout)
        time.sleep(1.0)  # let the file watcher settle
        before = len(server.since(0))
        edited = time.perf_counter()
        with post.open("a", encoding="utf-8") as handle:
            handle.write("\nOne more sentence, added while the site is served.\n")
        deadline = time.monotonic() + timeout
        while not any(_RELOADING in line for _, line in server.since(before)):
            if time.monotonic() > deadline or server.process.poll() is not None:
                raise TimeoutError(f"{variant}: no rebuild after the edit:\n{server.log()}")
            time.sleep(0.05)
        seconds, when = rebuild_time(server.since(before))
        peak = peak_rss_mb(server.process.pid)
    finally:
        server.stop()
        post.write_bytes(original)
    return Rebuild(variant, reported=seconds, edit_to_built=when - edited, peak_rss_mb=peak)


# --------------------------------------------------------------------------- run


def repeats_for(posts: int, override: int | None) -> int:
    if override is not None:
        return override
    return 5 if posts <= 1000 else 3


def measure(
    posts: int,
    *,
    repeat: int,
    seed: int,
    workdir: Path,
    material_blog: bool,
    autonav: bool,
    serve: bool,
) -> SizeResult:
    root = workdir / f"blog-{posts}"
    print(f"== {posts} posts: generating {root}", flush=True)
    site = generate_site(root, posts, seed=seed, force=True)
    result = SizeResult(posts)
    for round_ in range(repeat):
        # The two compared configurations one right after the other, which goes
        # first alternating: a machine whose speed drifts (a shared VM's does, by
        # up to a fifth) then disturbs both alike. Material's blog, a reference
        # point only, builds in the first two rounds.
        variants = ["aiblog", "plain"] if round_ % 2 == 0 else ["plain", "aiblog"]
        if material_blog and round_ < 2:
            variants.append("material-blog")
        for variant in variants:
            build = replace(run_build(site, variant, workdir), round=round_)
            result.builds.append(build)
            print(
                f"  round {round_ + 1}/{repeat} {variant:14} build {build.build:7.2f} s"
                f"  process {build.process:7.2f} s  cpu {build.cpu:7.2f} s"
                f"  rss {build.maxrss_mb:6.0f} MB",
                flush=True,
            )
    if autonav:
        build = run_build(site, "plain-autonav", workdir)
        result.builds.append(build)
        print(f"  once {'plain-autonav':14} build {build.build:7.2f} s", flush=True)
    if serve:
        timeout = 120 + posts * 0.2
        for variant in ("aiblog", "plain"):
            try:
                rebuild = time_rebuild(site, variant, timeout)
            except (RuntimeError, TimeoutError) as error:
                print(f"  serve {variant}: failed, again in {RETRY_PAUSE} s: {error}", flush=True)
                time.sleep(RETRY_PAUSE)
                rebuild = time_rebuild(site, variant, timeout)
            result.rebuilds.append(rebuild)
            print(
                f"  serve {variant:14} rebuild {rebuild.reported:7.2f} s"
                f"  (edit -> built {rebuild.edit_to_built:.2f} s)",
                flush=True,
            )
    shutil.rmtree(root, ignore_errors=True)
    return result


# --------------------------------------------------------------------------- report


def versions() -> dict[str, str]:
    found = {}
    for name in ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "mkdocs-aiblog"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def git_state() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "mkdocs_aiblog")
    return commit + (" + uncommitted changes in mkdocs_aiblog/" if dirty else "")


def fmt(value: float | None, digits: int = 2, suffix: str = "") -> str:
    return "n/a" if value is None else f"{value:.{digits}f}{suffix}"


def pct(ratio: float | None) -> str:
    return "n/a" if ratio is None else f"{(ratio - 1) * 100:+.1f}%"


def ratio(result: SizeResult, attribute: str) -> float | None:
    """Give the median of the rounds' aiblog / plain ratios (paired builds)."""
    ratios = [with_ / without for with_, without in result.pairs(attribute) if without]
    return statistics.median(ratios) if ratios else None


def round_ratios(result: SizeResult, attribute: str) -> str:
    """Give each round's aiblog / plain ratio, for the report."""
    return ", ".join(f"x{w / p:.3f}" for w, p in result.pairs(attribute) if p)


def added_per_post_ms(result: SizeResult, attribute: str = "build") -> float | None:
    """Give the median over rounds of (aiblog - plain) / posts, in milliseconds."""
    added = [(w - p) / result.posts * 1000 for w, p in result.pairs(attribute)]
    return statistics.median(added) if added else None


def marginal_ms(before: SizeResult | None, after: SizeResult, attribute: str = "build") -> str:
    """The added time of one more post between two sizes, in ms ("-" for the first)."""
    if before is None:
        return "-"
    first, second = added_per_post_ms(before, attribute), added_per_post_ms(after, attribute)
    if first is None or second is None:
        return "n/a"
    delta = second * after.posts - first * before.posts
    return f"{delta / (after.posts - before.posts):.3f} ms"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else "**met**" if ok else "**MISSED**"


def size_table(result: SizeResult) -> list[str]:
    lines = [
        f"### {result.posts:,} posts",
        "",
        "| configuration | runs | build median (min-max) | process | CPU | peak RSS |"
        " HTML files | output | warnings |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for variant in (*MAIN, "plain-autonav"):
        builds = result.of(variant)
        if not builds:
            continue
        times = [b.build for b in builds]
        lines.append(
            f"| {variant} | {len(builds)} | {statistics.median(times):.2f} s"
            f" ({min(times):.2f}-{max(times):.2f})"
            f" | {fmt(result.median(variant, 'process'))} s"
            f" | {fmt(result.median(variant, 'cpu'))} s"
            f" | {fmt(result.median(variant, 'maxrss_mb'), 0)} MB"
            f" | {builds[0].html_files:,} | {builds[0].output_mb:.1f} MB"
            f" | {max(b.warnings for b in builds)} |"
        )
    lines += [
        "",
        f"- aiblog vs plain: build time x{fmt(ratio(result, 'build'), 3)}"
        f" ({pct(ratio(result, 'build'))}), process wall x{fmt(ratio(result, 'process'), 3)}"
        f" ({pct(ratio(result, 'process'))}), CPU x{fmt(ratio(result, 'cpu'), 3)}"
        f" ({pct(ratio(result, 'cpu'))}), peak memory x{fmt(ratio(result, 'maxrss_mb'), 3)}"
        f" ({pct(ratio(result, 'maxrss_mb'))}): the median of the rounds' ratios, each"
        " round building both one right after the other.",
        f"- Each round's ratio: build time {round_ratios(result, 'build')};"
        f" CPU {round_ratios(result, 'cpu')}; peak memory {round_ratios(result, 'maxrss_mb')}.",
        f"- Added time per post: {fmt(added_per_post_ms(result), 3)} ms"
        f" (build time), {fmt(added_per_post_ms(result, 'cpu'), 3)} ms (CPU).",
    ]
    if result.rebuilds:
        lines += ["", "| `mkdocs serve`, one post edited | rebuild (MkDocs' own figure) |"
                  " edit -> rebuilt | serve peak RSS |", "|---|---:|---:|---:|"]  # fmt: skip
        for rebuild in result.rebuilds:
            lines.append(
                f"| {rebuild.variant} | {rebuild.reported:.2f} s | {rebuild.edit_to_built:.2f} s"
                f" | {fmt(rebuild.peak_rss_mb, 0)} MB |"
            )
    lines.append("")
    return lines


def report(
    results: list[SizeResult], argv: Sequence[str], started: datetime, load: tuple[float, float]
) -> str:
    css = STYLESHEET.stat().st_size if STYLESHEET.is_file() else None
    scripts = sorted(str(p.relative_to(REPO)) for p in PACKAGE.rglob("*.js"))
    by_size = {r.posts: r for r in results}
    smallest, largest = min(by_size), max(by_size)
    head = by_size.get(1000)

    lines = [
        "# Benchmark results: what mkdocs-aiblog costs a growing blog",
        "",
        "Written by `benchmarks/run.py`; see benchmarks/README.md for the method.",
        "",
        f"- Command: `{shlex.join(argv)}`"
        f" (from the repository root), started {started:%Y-%m-%d %H:%M} UTC, took"
        f" {(datetime.now(timezone.utc) - started).total_seconds() / 60:.0f} min.",
        f"- Code: mkdocs-aiblog at {git_state()}.",
        f"- Machine: {platform.platform()}, {os.cpu_count()} CPUs"
        f" ({platform.processor() or platform.machine()}),"
        f" Python {platform.python_version()}; load average (1 min) {load[0]:.2f} at the"
        f" start, {load[1]:.2f} at the end (other work on the machine disturbs wall times;"
        " CPU times less so).",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in versions().items()) + ".",
        "",
        "## Headline",
        "",
    ]
    if head is not None:
        time_ratio = ratio(head, "build")
        memory_ratio = ratio(head, "maxrss_mb")
        lines += [
            f"At **1,000 posts** the plugin makes `mkdocs build` take"
            f" **x{fmt(time_ratio, 3)}** the time of the same site without it"
            f" ({pct(time_ratio)}; CPU time {pct(ratio(head, 'cpu'))}; whole process"
            f" {pct(ratio(head, 'process'))}) and use **x{fmt(memory_ratio, 3)}** its peak"
            f" memory ({pct(memory_ratio)}).",
            "",
        ]
    else:
        time_ratio = memory_ratio = None
        lines += ["(No run at 1,000 posts: the headline needs `--sizes ... 1000 ...`.)", ""]
    small, large = added_per_post_ms(by_size[smallest]), added_per_post_ms(by_size[largest])
    growth = large / small if small and large is not None and small > 0 else None
    lines += [
        "| target | measured | verdict |",
        "|---|---:|---|",
        f"| build time at 1,000 posts: at most +5% | {pct(time_ratio)}"
        f" (CPU {pct(None if head is None else ratio(head, 'cpu'))}) |"
        f" {verdict(None if time_ratio is None else time_ratio <= 1.05)} |",
        f"| peak memory at 1,000 posts: at most +10% | {pct(memory_ratio)} |"
        f" {verdict(None if memory_ratio is None else memory_ratio <= 1.10)} |",
        f"| added time per post at {largest:,} vs {smallest:,} posts: at most x1.2 |"
        f" {fmt(large, 3)} / {fmt(small, 3)} ms = x{fmt(growth, 2)} |"
        f" {verdict(None if growth is None or largest == smallest else growth <= 1.2)} |",
        f"| stylesheet under 8 KB | {css:,} bytes |"
        f" {verdict(None if css is None else css < 8 * 1024)} |"
        if css is not None
        else "| stylesheet under 8 KB | missing | n/a |",
        f"| no JavaScript in the package | {len(scripts)} `.js` files"
        f"{' (' + ', '.join(scripts) + ')' if scripts else ''} | {verdict(not scripts)} |",
        "",
        "## Scaling",
        "",
        "| posts | plain | aiblog | added | added per post | marginal per post |"
        " added per post (CPU) | marginal per post (CPU) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ordered = sorted(results, key=lambda r: r.posts)
    for index, result in enumerate(ordered):
        plain, with_ = result.median("plain", "build"), result.median("aiblog", "build")
        per_post = added_per_post_ms(result)
        added = None if per_post is None else per_post * result.posts / 1000
        previous = ordered[index - 1] if index else None
        lines.append(
            f"| {result.posts:,} | {fmt(plain)} s | {fmt(with_)} s | {fmt(added)} s"
            f" | {fmt(added_per_post_ms(result), 3)} ms | {marginal_ms(previous, result)}"
            f" | {fmt(added_per_post_ms(result, 'cpu'), 3)} ms"
            f" | {marginal_ms(previous, result, 'cpu')} |"
        )
    lines += [
        "",
        "*plain* and *aiblog* are the median times; *added* and *added per post* are the"
        " medians over the rounds of (aiblog - plain) and (aiblog - plain) / N, each round"
        " building both one right after the other. *Added per post* also"
        " spreads the plugin's fixed cost (its imports, reading the analytics export)"
        " over the posts, so it is largest at small N. *Marginal per post* is the"
        " added time between two sizes divided by the posts between them: the cost of"
        " one more post, which must stay flat if the cost grows linearly. The CPU"
        " columns use the processes' CPU time, less disturbed by other work on the"
        " machine than wall time.",
        "",
        "## Per size",
        "",
    ]
    for result in sorted(results, key=lambda r: r.posts):
        lines += size_table(result)
    lines += [
        "## What was built",
        "",
        "- **aiblog**: `mkdocs.yml` of the generated site: `search` and `aiblog` (with"
        " `popular: views_file: analytics/pages.csv`), Material's documented Markdown"
        " extensions, an explicit `nav:` (Home, About); the plugin keeps posts out of"
        " the navigation itself.",
        "- **plain** (the baseline): the same site and extensions without aiblog,"
        ' with the same `nav:` and `not_in_nav: "/posts/"`, so posts are neither in'
        " the navigation nor reported as missing from it. Without that, MkDocs would"
        " list every post in the sidebar of every page, a cost that grows with"
        " posts x pages and that the plugin avoids; comparing against it would flatter"
        " the plugin.",
        "- The plugin writes more pages than the plain site: the post list on the home"
        " page is paginated (10 posts a page by default), so it adds N / 10 list pages;"
        " they count in its cost (see *HTML files*).",
        "- **plain-autonav** (context, once per size up to 1,000): the plain site with"
        " MkDocs' automatic navigation, every post in the sidebar of every page.",
        "- **material-blog** (reference): the same `docs/` read by Material's blog"
        " plugin (`blog_dir: .`, `authors_file: posts/.authors.yml`). It does more"
        " work and writes more pages (post URLs by date, paginated index, archive and"
        " category pages with excerpts), so it is a reference point, not a baseline.",
        "- *build* is the time of the `mkdocs build` command inside its process, from"
        " the CLI call to its return: loading the config and the plugins, then the build"
        " itself (what MkDocs reports as 'Documentation built in');"
        " *process* adds the interpreter's start; *CPU* is the process's user + system"
        " time, the least disturbed by other load on a shared machine; *peak RSS* is"
        " the process's `ru_maxrss`. Medians over the runs.",
        "- `mkdocs serve`: a real server on 127.0.0.1; after it serves, one post gets one"
        " more sentence; *rebuild* is MkDocs' own 'Documentation built in X seconds'"
        " for that rebuild (timed from its log lines when MkDocs, which drops a message"
        " it printed before, prints none), *edit -> rebuilt* the wall time from the"
        " write to 'Reloading browsers' (file watching and MkDocs' debounce included).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[100, 1000, 5000], help="numbers of posts"
    )
    parser.add_argument(
        "--repeat", type=int, help="builds of each configuration (default 5/3/2 by size)"
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--autonav-sizes",
        type=int,
        nargs="*",
        help="sizes that also build the plain site with posts in the auto nav"
        " (default: every size up to 1,000)",
    )
    parser.add_argument("--no-material-blog", action="store_true", help="skip Material's blog")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` rebuild")
    parser.add_argument(
        "--output", type=Path, default=HERE / "RESULTS.md", help="default: benchmarks/RESULTS.md"
    )
    parser.add_argument("--json", type=Path, help="also write every measure as JSON here")
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)
    compile_package(HERE.parent)
    autonav = (
        set(args.autonav_sizes)
        if args.autonav_sizes is not None
        else {n for n in args.sizes if n <= 1000}
    )

    started = datetime.now(timezone.utc)
    load_before = os.getloadavg()[0]
    scratch = Path(tempfile.mkdtemp(prefix="aiblog-bench-", dir=args.workdir))
    results: list[SizeResult] = []
    try:
        # Warm up: compile every module once, so the first timed build pays nothing extra.
        warm = generate_site(scratch / "warm-up", 5, seed=args.seed)
        for variant in CONFIG_OF:
            run_build(warm, variant, scratch)
        shutil.rmtree(warm.root)
        for posts in args.sizes:
            results.append(
                measure(
                    posts,
                    repeat=repeats_for(posts, args.repeat),
                    seed=args.seed,
                    workdir=scratch,
                    material_blog=not args.no_material_blog,
                    autonav=posts in autonav,
                    serve=not args.no_serve,
                )
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    python = Path(sys.executable)
    shown = os.path.relpath(python, REPO) if python.is_relative_to(REPO) else str(python)
    load = (load_before, os.getloadavg()[0])
    text = report(results, [shown, "benchmarks/run.py", *argv], started, load)
    args.output.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2), encoding="utf-8")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
