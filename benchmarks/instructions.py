"""Count the CPU instructions the plugin adds to a build: a figure no other load disturbs.

    .venv/bin/python benchmarks/instructions.py --posts 300
    .venv/bin/python benchmarks/instructions.py --posts 300 --base /tmp/aiblog-base

Times on a shared machine move by 10% and more from one build to the next; the
number of instructions a build executes does not (two runs agree to 0.01%, with
the hash seed fixed). Each build of the generated blog (`generate.py`) runs once
under valgrind's callgrind, which counts them (about 40 times slower than a
plain build, so a few hundred posts is the useful size): the plain site, the site
with the plugin from this checkout and, with `--base`, from another checkout
(a `git worktree` of the commit before a change). The builds run side by side,
one a core, since other load changes no count. Prints each count and the ratio
to the plain build.

Instructions are not time: memory stalls and cache misses are not in them, so a
change that allocates much more can cost time the count does not show. Use this
to compare two versions of the code; use `run.py` or `compare.py` for times.
Needs valgrind (Debian: `apt-get install valgrind`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generate import generate_site
from run import compile_package, env

HERE = Path(__file__).resolve().parent.parent
COLLECTED = re.compile(r"Collected : (\d+)")


def count(config: Path, checkout: Path, scratch: Path) -> int:
    """Give the instructions of one `mkdocs build` of `config` with the plugin of `checkout`."""
    out = Path(tempfile.mkdtemp(prefix="site-", dir=scratch))
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/callgrind.out"]
    command += [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)]
    variables = env() | {"PYTHONHASHSEED": "0", "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        command, cwd=config.parent, env=variables, capture_output=True, text=True, check=False
    )
    found = COLLECTED.search(done.stderr)
    shutil.rmtree(out, ignore_errors=True)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"build of {config} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--base", type=Path, help="another checkout, to compare with")
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    scratch = Path(tempfile.mkdtemp(prefix="aiblog-instructions-", dir=args.workdir))
    site = generate_site(scratch / "blog", args.posts)
    checkouts = {"head": HERE} | ({"base": args.base.resolve()} if args.base else {})
    for checkout in checkouts.values():
        compile_package(checkout)
    jobs = {"plain": (site.root / "mkdocs-plain.yml", HERE)}
    jobs |= {name: (site.root / "mkdocs.yml", path) for name, path in checkouts.items()}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        futures = {name: pool.submit(count, *job, scratch) for name, job in jobs.items()}
        counts = {name: future.result() for name, future in futures.items()}
    shutil.rmtree(scratch, ignore_errors=True)
    plain = counts["plain"]
    print(f"{args.posts} posts, instructions of one `mkdocs build`:")
    for name, value in counts.items():
        added = f", plugin {(value - plain) / 1e9:.3f} G" if name != "plain" else ""
        print(f"  {name:5} {value / 1e9:8.3f} G  x{value / plain:.4f} of plain{added}")
    if "base" in counts:
        base, head = counts["base"] - plain, counts["head"] - plain
        print(f"  the plugin's instructions, head / base: x{head / base:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
