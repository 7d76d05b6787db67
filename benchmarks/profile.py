"""Profile one build of a generated blog, to find what the plugin costs and where.

    .venv/bin/python benchmarks/profile.py --posts 1000
    .venv/bin/python benchmarks/profile.py --posts 1000 --compare --callers reading_minutes

Runs `python -m cProfile -o <file> -m mkdocs build` on the site with aiblog (and,
with `--compare`, on the same site without it), then prints:

- the time of the plugin's event handlers and Markdown extensions (cumulative);
- the functions of `mkdocs_aiblog` (its templates included) by own time and by
  cumulative time;
- with `--compare`, own time by library for both builds and the difference, which
  shows costs the plugin causes elsewhere (Jinja, Markdown, MkDocs);
- with `--callers NAME`, who calls the functions whose name contains NAME.

`--ablate REPEAT` (no profiler) builds the site with each feature off in turn and
prints the CPU time each saves; `--memory` (no profiler) prints what each build
holds once every page is built, and which lines of the plugin allocated it.

The .prof files are kept with `--keep DIR`, for snakeviz or pstats.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import EXTENSIONS, NAV, THEME, Site, generate_site
from run import Build, build_config, compile_package

BUCKETS = (
    ("mkdocs_aiblog", "mkdocs_aiblog"),
    ("material", "/material/"),
    ("mkdocs", "/mkdocs/"),
    ("jinja2 (engine)", "/jinja2/"),
    ("templates (compiled)", ".html"),
    ("markdown", "/markdown/"),
    ("pymdownx", "/pymdownx/"),
    ("babel", "/babel/"),
    ("yaml", "/yaml/"),
    ("other libraries", "/site-packages/"),
    ("python stdlib", "/lib/python3"),
    ("built-ins (C)", "~"),
)


def profile_build(config: Path, out: Path, prof: Path) -> float:
    """Build `config` under cProfile into `prof`; give the profile's total time."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    command = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build"]
    command += ["-q", "-f", str(config), "-d", str(out)]
    subprocess.run(command, cwd=config.parent, env=env, check=True)
    return float(pstats.Stats(str(prof)).total_tt)  # type: ignore[attr-defined]


def short(filename: str) -> str:
    """A path from `site-packages/` or the repository, to keep lines short."""
    for anchor in ("site-packages/", "/work/main/"):
        if anchor in filename:
            return filename.split(anchor, 1)[1]
    return filename


def bucket_of(filename: str) -> str:
    for name, needle in BUCKETS:
        if needle in filename:
            return name
    return "other"


def by_bucket(stats: pstats.Stats) -> dict[str, float]:
    totals: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        bucket = bucket_of(filename)
        totals[bucket] = totals.get(bucket, 0.0) + tottime
    return totals


def show(stats: pstats.Stats, sort: str, pattern: str, top: int, title: str) -> None:
    print(f"\n--- {title}")
    stats.sort_stats(sort).print_stats(pattern, top)


ABLATIONS: dict[str, dict[str, object]] = {
    "full": {},
    "no popular": {"popular": {"enabled": False}},
    "no headings": {"headings": {"enabled": False}},
    "no full story": {"full_story": {"enabled": False}},
    "no byline": {"byline": False},
    "no meta tags": {"meta_tags": False},
    "no newer/older": {"navigation": {"newer_older": False}},
    "one post-list page": {"navigation": {"per_page": 1_000_000}},
    "all off": {
        "popular": {"enabled": False},
        "headings": {"enabled": False},
        "full_story": {"enabled": False},
        "byline": False,
        "meta_tags": False,
        "navigation": {"newer_older": False, "per_page": 1_000_000},
    },
    "enabled: false": {"enabled": False},
}
"""Plugin options that turn one feature off, on top of the benchmark's own."""


def merge(base: dict[str, object], extra: dict[str, object]) -> dict[str, object]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge(old, value)
        else:
            merged[key] = value
    return merged


def ablate(site: Site, scratch: Path, repeat: int) -> None:
    """Build the site with each feature off in turn; print the CPU time each saves."""
    configs: dict[str, Path] = {}
    for number, (name, extra) in enumerate(ABLATIONS.items()):
        options = merge({"popular": {"views_file": "analytics/pages.csv"}}, extra)
        path = site.root / f"mkdocs-ablate-{number}.yml"
        path.write_text(
            f"{THEME}\n{NAV}\nplugins:\n  - search\n  - aiblog: {json.dumps(options)}\n\n"
            + EXTENSIONS,
            encoding="utf-8",
        )
        configs[name] = path
    configs["plain (no aiblog)"] = site.plain
    samples: dict[str, list[Build]] = {name: [] for name in configs}
    names = list(configs)
    for round_ in range(repeat):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(build_config(configs[name], name, scratch))
        print(f"  round {round_ + 1}/{repeat} done", flush=True)
    base = min(b.cpu for b in samples["plain (no aiblog)"])
    full = min(b.cpu for b in samples["full"])
    print(f"\n--- CPU time with each feature off ({site.posts} posts, {repeat} runs each)")
    print("(min: the least disturbed run, what the comparison uses; median for the noise)")
    print(
        f"{'configuration':20} {'min CPU':>8} {'vs plain':>9} {'saves':>8} {'median':>8} {'RSS':>7}"
    )
    for name, builds in samples.items():
        cpu = min(b.cpu for b in builds)
        median = statistics.median(b.cpu for b in builds)
        rss = statistics.median(b.maxrss_mb for b in builds)
        print(
            f"{name:20} {cpu:7.2f}s {(cpu / base - 1) * 100:+8.1f}% {full - cpu:+7.2f}s"
            f" {median:7.2f}s {rss:5.0f}MB"
        )


# Builds the site of argv[1] into argv[2] under tracemalloc; at `on_post_build`, when
# every page is still held, prints what is allocated, the plugin's share by line.
MEMORY_CHILD = """
import sys, tracemalloc
tracemalloc.start(30)
from mkdocs import plugins
from mkdocs.__main__ import cli

original = plugins.PluginCollection.on_post_build

def on_post_build(self, *, config):
    snapshot = tracemalloc.take_snapshot()
    total = sum(stat.size for stat in snapshot.statistics("filename"))
    print(f"held at on_post_build: {total / 1e6:.1f} MB (peak traced"
          f" {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB)")
    mine = {}
    for stat in snapshot.statistics("traceback"):
        frames = [f for f in stat.traceback if "mkdocs_aiblog" in f.filename]
        if frames:
            where = f"{frames[-1].filename.split('mkdocs_aiblog/')[-1]}:{frames[-1].lineno}"
            size, count = mine.get(where, (0, 0))
            mine[where] = (size + stat.size, count + stat.count)
    if mine:
        held = sum(size for size, _ in mine.values())
        print(f"allocated under mkdocs_aiblog code and still held: {held / 1e6:.1f} MB")
        for where, (size, count) in sorted(mine.items(), key=lambda kv: -kv[1][0])[:TOP]:
            print(f"  {size / 1e6:7.2f} MB {count:>8} blocks  {where}")
    return original(self, config=config)

plugins.PluginCollection.on_post_build = on_post_build
cli.main(["build", "-q", "-f", sys.argv[1], "-d", sys.argv[2]], standalone_mode=False)
"""


def memory(site: Site, scratch: Path, top: int) -> None:
    """Print what each build holds when every page is built (tracemalloc)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    code = MEMORY_CHILD.replace("TOP", str(top))
    for name, config in (("aiblog", site.with_plugin), ("plain", site.plain)):
        print(f"\n--- memory, {name} ({site.posts} posts)", flush=True)
        out = scratch / f"out-memory-{name}"
        command = [sys.executable, "-c", code, str(config), str(out)]
        subprocess.run(command, cwd=config.parent, env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, default=1000, help="posts (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    parser.add_argument("--compare", action="store_true", help="profile the plain site too")
    parser.add_argument("--callers", help="print the callers of functions matching this")
    parser.add_argument(
        "--ablate",
        type=int,
        metavar="REPEAT",
        help="no profile: build with each feature off in turn, REPEAT times, compare CPU time",
    )
    parser.add_argument(
        "--memory", action="store_true", help="no profile: what each build holds (tracemalloc)"
    )
    parser.add_argument("--keep", type=Path, help="keep the site and .prof files here")
    args = parser.parse_args(argv)
    compile_package(Path(__file__).resolve().parent.parent)

    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="aiblog-profile-", dir=args.keep))
    try:
        return _profile(args, scratch)
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)


def _profile(args: argparse.Namespace, scratch: Path) -> int:
    site = generate_site(scratch / "site", args.posts, seed=args.seed)
    if args.ablate:
        ablate(site, scratch, args.ablate)
        return 0
    if args.memory:
        memory(site, scratch, args.top)
        return 0
    prof = scratch / "aiblog.prof"
    total = profile_build(site.with_plugin, scratch / "out-aiblog", prof)
    stats = pstats.Stats(str(prof))
    print(f"{args.posts} posts, with aiblog: {total:.2f} s under cProfile ({prof})")

    show(stats, "cumulative", r"mkdocs_aiblog.*\((on_|run|handle)", args.top, "plugin events")
    show(stats, "tottime", "mkdocs_aiblog", args.top, "mkdocs_aiblog by own time")
    show(stats, "cumulative", "mkdocs_aiblog", args.top, "mkdocs_aiblog by cumulative time")
    if args.callers:
        print(f"\n--- callers of {args.callers}")
        stats.sort_stats("cumulative").print_callers(args.callers, args.top)

    if args.compare:
        plain_prof = scratch / "plain.prof"
        plain_total = profile_build(site.plain, scratch / "out-plain", plain_prof)
        plain = by_bucket(pstats.Stats(str(plain_prof)))
        mine = by_bucket(stats)
        print(f"\nwithout aiblog: {plain_total:.2f} s under cProfile ({plain_prof})")
        print(f"\n--- own time by library  (total {total:.2f} s vs {plain_total:.2f} s)")
        print(f"{'library':24} {'aiblog':>9} {'plain':>9} {'added':>9}")
        names = sorted(set(mine) | set(plain), key=lambda n: plain.get(n, 0) - mine.get(n, 0))
        for name in names:
            a, b = mine.get(name, 0.0), plain.get(name, 0.0)
            print(f"{name:24} {a:8.2f}s {b:8.2f}s {a - b:+8.2f}s")
        print("\n--- functions outside mkdocs_aiblog by added own time (calls: aiblog / plain)")
        theirs = pstats.Stats(str(plain_prof)).stats  # type: ignore[attr-defined]
        added = []
        for key, (_, calls, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
            if "mkdocs_aiblog" in key[0]:
                continue
            _, base_calls, base_tottime, _, _ = theirs.get(key, (0, 0, 0.0, 0.0, {}))
            added.append((tottime - base_tottime, calls, base_calls, key))
        for extra, calls, base_calls, (filename, line, name) in sorted(added, reverse=True)[
            : args.top
        ]:
            where = f"{short(filename)}:{line}({name})"
            print(f"{extra:+7.3f}s  {calls:>9} / {base_calls:<9} {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
