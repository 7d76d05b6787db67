"""Where a build's time goes, stage by stage, without a profiler's distortion.

    .venv/bin/python benchmarks/stages.py --posts 1000
    .venv/bin/python benchmarks/stages.py --posts 1000 --rounds 3 --workdir /dev/shm

Generates a site (`generate.py`), then builds it with and without the plugin in this
one process, in turns, and prints for each configuration the least time of its rounds
spent in: every event handler of `aiblog` and Material's search, Markdown conversion
(`Page.render`), template rendering (the page's own template, and the plugin's
partials apart, each by name), file writes and the garbage collector, the
once-per-build related posts and series, and the build's CPU time. cProfile slows
small functions down more than big ones and so misplaces a cost spread thin; these
are plain wall-clock sums.

Also built: `alloff`, the plugin with every part off but the post list, which shows
the cost of the plugin's frame; and `blocks`, the plain site with nothing added but
`pymdownx.blocks.admonition`, which shows what registering the Blocks extension (as
the plugin must, for `/// full-story` and `/// post-list`) costs a site by itself.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from generate import EXTENSIONS, NAV, THEME, generate_site
from mkdocs import utils as mkdocs_utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

TIMES: collections.defaultdict[str, float] = collections.defaultdict(float)

ALL_OFF = {
    "popular": {"enabled": False},
    "headings": {"enabled": False},
    "full_story": {"enabled": False},
    "byline": False,
    "meta_tags": False,
    "navigation": {"newer_older": False},
    "related": {"enabled": False},
    "series": {"enabled": False},
}


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - start

    return wrapper


def instrument() -> None:
    """Wrap what is timed: Markdown, templates, writes; count the collector's time."""
    render = jinja2.Template.render

    def render_timed(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        start = time.perf_counter()
        try:
            return render(self, *args, **kwargs)
        finally:
            spent = time.perf_counter() - start
            name = self.name or ""
            if name.startswith("aiblog/"):
                TIMES["partials (all)"] += spent
                TIMES[f"  partial {name.removeprefix('aiblog/')}"] += spent
            else:
                TIMES["templates (the pages' own)"] += spent

    jinja2.Template.render = render_timed  # type: ignore[method-assign]
    # The plugin renders its partials through `render_template`, not `Template.render`.
    from mkdocs_aiblog.page import render as partials

    render_partial = partials.render_template

    def render_template_timed(template: jinja2.Template, values: dict[str, Any]) -> str:
        start = time.perf_counter()
        try:
            return render_partial(template, values)
        finally:
            spent = time.perf_counter() - start
            name = (template.name or "").removeprefix("aiblog/")
            TIMES["partials (all)"] += spent
            TIMES[f"  partial {name}"] += spent

    partials.render_template = render_template_timed
    Page.render = timed("Markdown conversion", Page.render)  # type: ignore[method-assign]
    # `build.py` calls `utils.write_file`: the shared module's attribute is what it finds.
    mkdocs_utils.write_file = timed("file writes", mkdocs_utils.write_file)

    started = [0.0]

    def collector(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            TIMES["garbage collector"] += time.perf_counter() - started[0]

    gc.callbacks.append(collector)

    # The once-per-build views: a module attribute, found there by `page.assemble`.
    from mkdocs_aiblog.related import scoring
    from mkdocs_aiblog.series import grouping

    scoring.related = timed("related posts (on_env)", scoring.related)  # type: ignore[assignment]
    grouping.group = timed("series (on_env)", grouping.group)  # type: ignore[assignment]


def wrap_events(config: Any) -> None:
    """Time the event handlers of aiblog, and Material's search page handler."""
    for event, handlers in config.plugins.events.items():
        for index, handler in enumerate(handlers):
            owner = type(getattr(handler, "__self__", None)).__module__
            if owner.startswith("mkdocs_aiblog"):
                handlers[index] = timed(f"aiblog on_{event}", handler)
            elif owner.startswith("material.plugins.search") and event == "page_context":
                handlers[index] = timed("search on_page_context", handler)


def build_once(config_file: Path, out: Path) -> dict[str, float]:
    TIMES.clear()
    gc.collect()
    config = load_config(str(config_file), site_dir=str(out))
    wrap_events(config)
    cpu = time.process_time()
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(config)
    config.plugins.on_shutdown()
    TIMES["whole build (CPU)"] = time.process_time() - cpu
    return dict(TIMES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)

    os.environ.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    logging.disable(logging.WARNING)
    scratch = Path(tempfile.mkdtemp(prefix="aiblog-stages-", dir=args.workdir))
    site = generate_site(scratch / "site", args.posts, seed=args.seed)
    options = {"popular": {"views_file": "analytics/pages.csv"}, **ALL_OFF}
    alloff = site.root / "mkdocs-alloff.yml"
    alloff.write_text(
        f"{THEME}\n{NAV}\nplugins:\n  - search\n  - aiblog: {json.dumps(options)}\n\n" + EXTENSIONS,
        encoding="utf-8",
    )
    blocks = site.root / "mkdocs-blocks.yml"
    blocks.write_text(
        site.plain.read_text(encoding="utf-8").replace(
            "markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.blocks.admonition\n"
        ),
        encoding="utf-8",
    )
    configs = {"plain": site.plain, "aiblog": site.with_plugin, "alloff": alloff, "blocks": blocks}
    instrument()
    results: dict[str, list[dict[str, float]]] = {name: [] for name in configs}
    for round_ in range(args.rounds):
        for name, config_file in configs.items():
            results[name].append(build_once(config_file, scratch / f"out-{name}"))
        print(f"  round {round_ + 1}/{args.rounds} done", file=sys.stderr, flush=True)

    stages = sorted({stage for runs in results.values() for run in runs for stage in run})
    stages.sort(key=lambda stage: stage != "whole build (CPU)")
    print(f"{args.posts} posts; least seconds of {args.rounds} builds each")
    print(f"{'stage':36}" + "".join(f"{name:>10}" for name in configs))
    for stage in stages:
        least = [min(run.get(stage, 0.0) for run in results[name]) for name in configs]
        print(f"{stage:36}" + "".join(f"{value:10.3f}" for value in least))
    whole = min(run["whole build (CPU)"] for run in results["aiblog"])
    for view in ("related posts (on_env)", "series (on_env)"):
        spent = min(run.get(view, 0.0) for run in results["aiblog"])
        print(f"{view}: {spent * 1000:.0f} ms, {spent / whole:.2%} of the aiblog build's CPU time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
