"""Compare the plugin's cost in two checkouts, on the same generated blog, in one run.

Checking that a change is "no slower" on a shared or busy machine: each round builds
the plain site, the site with the plugin from a base checkout (a `git worktree` of
the commit before the change) and with the plugin from this checkout, in an order
that turns every round, each in a fresh process. Builds of one round run close in
time, so their ratios hold even while the machine's load changes; CPU time is
reported beside wall time, since it is what a busy machine disturbs least.

    git worktree add /tmp/aiblog-base 4a24e62
    .venv/bin/python benchmarks/compare.py --base /tmp/aiblog-base --posts 1000 --rounds 5

The plugin is imported from each checkout through PYTHONPATH (the editable install
of this one stays where it is).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from generate import generate_site
from run import Build, build_config, compile_package

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the base checkout")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="aiblog-compare-", dir=args.workdir))
    site = generate_site(scratch / "blog", args.posts)
    checkouts = {"base": args.base.resolve(), "head": HERE}
    for checkout in checkouts.values():
        compile_package(checkout)  # both as installed: neither compiles its source per build
    order = ["plain", "base", "head"]
    builds: dict[str, list[Build]] = {name: [] for name in order}
    for round_ in range(args.rounds):
        for name in order[round_ % 3 :] + order[: round_ % 3]:
            os.environ["PYTHONPATH"] = str(checkouts.get(name, HERE))
            config = site.root / ("mkdocs-plain.yml" if name == "plain" else "mkdocs.yml")
            build = build_config(config, name, scratch)
            builds[name].append(build)
            print(f"  round {round_ + 1} {name:5} {build.build:6.2f} s, cpu {build.cpu:6.2f} s")
    print(f"\n{args.posts} posts, {args.rounds} rounds (medians of per-round ratios):")
    for measure in ("build", "cpu"):
        ratios = {
            name: statistics.median(
                getattr(b, measure) / getattr(p, measure)
                for b, p in zip(builds[name], builds["plain"], strict=True)
            )
            for name in ("base", "head")
        }
        print(
            f"  {measure:5}: base x{ratios['base']:.3f} of plain, head x{ratios['head']:.3f}"
            f" of plain; head / base x{ratios['head'] / ratios['base']:.3f}"
        )
    memory = {name: statistics.median(b.maxrss_mb for b in builds[name]) for name in order}
    base, head = (memory[name] / memory["plain"] for name in ("base", "head"))
    print(f"  peak memory: plain {memory['plain']:.0f} MB, base x{base:.3f}, head x{head:.3f}")


if __name__ == "__main__":
    sys.exit(main())
