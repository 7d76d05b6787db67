"""Every colour of the plugin's stylesheet stays legible in both schemes, for every primary.

One site is built; the scheme and primary colour are switched on `<body>` in the page
(as Material's palette toggle does), and each colour is measured, composited over
what is really behind it, with the WCAG contrast ratio.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browserkit import PageFactory
from sitebuild import build_site, post

SCHEMES = ("default", "slate")
# Material's `theme.palette.primary` choices.
PRIMARIES = (
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown",
    "grey", "blue-grey", "black", "white",
)  # fmt: skip
TEXT, UI, TINT = 4.5, 3.0, 1.05
"""WCAG 1.4.3 for text, 1.4.11 for the accent bar and card edge; the decorative
tints (badge surface, separators) are Material's own `--lightest` and need only
to be seen at all."""

# (selector, CSS property, minimum ratio) on the post page and on the home page.
POST_CHECKS = (
    (".aiblog-section", "border-inline-start-color", UI),
    (".aiblog-full-story", "border-inline-start-color", UI),
    (".aiblog-emoji", "background-color", TINT),
    (".aiblog-byline", "color", TEXT),
    (".aiblog-byline__category", "color", TEXT),
    (".aiblog-byline__tag", "color", TEXT),
    (".aiblog-full-story__title", "color", TEXT),
    (".aiblog-full-story__text", "color", TEXT),
    (".aiblog-popular--sidebar .aiblog-popular__title", "color", TEXT),
    (".aiblog-popular--sidebar .aiblog-popular__name", "color", TEXT),
    (".aiblog-popular--sidebar .aiblog-popular__date", "color", TEXT),
    (".aiblog-popular--sidebar .aiblog-popular__snippet", "color", TEXT),
    (".aiblog-popular--after", "border-top-color", TINT),
    (".aiblog-newer-older", "border-top-color", TINT),
    (".aiblog-newer-older__direction", "color", TEXT),
)
HOME_CHECKS = (
    (".aiblog-card", "border-bottom-color", TINT),
    (".aiblog-card__meta", "color", TEXT),
    (".aiblog-card__description", "color", TEXT),
    (".aiblog-card__title a", "color", TEXT),
)

MEASURE = """([checks, schemes, primaries]) => {
  const parse = (value) => {
    // rgb()/rgba() in 0-255; color-mix() computes to color(srgb ...) in 0-1.
    const m = /(rgba?|color)\\((?:srgb )?([^)]+)\\)/.exec(value);
    if (!m) return null;
    const p = m[2].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    const scale = m[1] === "color" ? 255 : 1;
    return [p[0] * scale, p[1] * scale, p[2] * scale, p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) =>
    [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const backdrop = (element) => {
    const chain = [];
    for (let e = element; e; e = e.parentElement) chain.unshift(e);
    let colour = [255, 255, 255, 1];
    for (const e of chain) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) colour = over(c, colour);
    }
    return colour;
  };
  const behind = (element) => backdrop(element.parentElement || element);
  const out = [];
  for (const scheme of schemes) {
    for (const primary of primaries) {
      document.body.setAttribute("data-md-color-scheme", scheme);
      document.body.setAttribute("data-md-color-primary", primary);
      for (const [selector, property] of checks) {
        const element = document.querySelector(selector);
        if (!element) { out.push([scheme, primary, selector, property, null, null]); continue; }
        const value = parse(getComputedStyle(element).getPropertyValue(property));
        // A surface is measured against what is behind it; text and borders
        // against the element's own background on top of that.
        const base = property === "background-color" ? behind(element) : backdrop(element);
        out.push([scheme, primary, selector, property, over(value, base), base]);
      }
    }
  }
  return out;
}"""


def luminance(rgb: list[float]) -> float:
    """Give the WCAG relative luminance of an sRGB colour (0-255 channels)."""
    linear = [
        (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
        for c in (x / 255 for x in rgb[:3])
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: list[float], b: list[float]) -> float:
    """Give the WCAG contrast ratio of two opaque colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def failures(rows: list[list[Any]], minimum: dict[tuple[str, str], float]) -> list[str]:
    """Give one line per colour below its minimum ratio (or per element not found)."""
    bad = []
    for scheme, primary, selector, prop, colour, base in rows:
        if colour is None:
            bad.append(f"{selector} not found")
            continue
        ratio = contrast(colour, base)
        if ratio < minimum[(selector, prop)]:
            bad.append(
                f"{scheme}/{primary}: {selector} {prop} {ratio:.2f} < {minimum[(selector, prop)]}"
            )
    return sorted(set(bad))


def build_blog(tmp_path: Path) -> Path:
    """Build a blog that shows every part the stylesheet colours; give its site_dir."""
    body = "A one-paragraph lede.\n\n## Why it matters 🚀\n\nText.\n\n## What could happen next?\n"
    authors = ["ada", "bob"]
    files = {
        "index.md": "# Home\n\n/// post-list\n///\n",
        "posts/.authors.yml": "authors:\n  ada: {name: Ada Lovelace-Byron}\n"
        "  bob: {name: Bob Longname-Smithson}\n",
        "posts/a.md": post(
            title="A",
            date="2026-11-21",
            description="Its description.",
            authors=authors,
            categories=["Industry"],
            tags=["OpenAI"],
            full_story="https://example.com/a",
            body=body,
        ),
        "posts/b.md": post(title="B", description="B.", date="2026-11-20", authors=authors),
        "posts/c.md": post(title="C", description="C's description.", date="2026-11-19"),
    }
    config = {"theme": {"name": "material", "palette": {"scheme": "default", "primary": "indigo"}}}
    return build_site(tmp_path, config=config, files=files, check=True).site_dir


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.timeout(180)
def test_every_colour_is_legible_in_both_schemes_for_every_primary(
    tmp_path: Path, serve_dir: Callable[[Path], str], new_page: PageFactory
) -> None:
    base = serve_dir(build_blog(tmp_path))
    page = new_page(1440, 900)
    problems: list[str] = []
    for url, checks in ((f"{base}posts/a/", POST_CHECKS), (base, HOME_CHECKS)):
        page.goto(url)
        # Material's colour transitions would report the colour of the previous palette.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important }")
        rows = page.evaluate(
            MEASURE, [[[s, p] for s, p, _ in checks], list(SCHEMES), list(PRIMARIES)]
        )
        assert len(rows) == len(checks) * len(SCHEMES) * len(PRIMARIES)
        problems += failures(rows, {(s, p): m for s, p, m in checks})
    assert problems == [], "\n".join(problems)


LAYOUT = """() => [...document.querySelectorAll(".aiblog-card__meta")].map((meta) => {
  const size = parseFloat(getComputedStyle(meta).fontSize);
  const boxes = [...meta.children].map((c) => c.getBoundingClientRect());
  const gaps = [];
  for (let i = 1; i < boxes.length; i++) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    const wrapped = b.top >= a.bottom - 1;
    gaps.push(wrapped ? ["row", (b.top - a.bottom) / size] : ["inline", (b.left - a.right) / size]);
  }
  return gaps;
})"""


@pytest.mark.browser
@pytest.mark.timeout(120)
def test_the_post_lists_meta_line_wraps_without_a_gap_on_a_phone(
    tmp_path: Path, serve_dir: Callable[[Path], str], new_page: PageFactory
) -> None:
    page = new_page(390, 844)
    page.goto(serve_dir(build_blog(tmp_path)))
    cards = page.evaluate(LAYOUT)
    gaps = [gap for card in cards for gap in card]
    assert ["row"] in [[kind] for kind, _ in gaps]  # the long authors line did wrap
    for kind, ems in gaps:
        # A wrapped item starts on the next line; items on one line are 0.8em apart.
        assert ems < 0.1 if kind == "row" else 0.7 < ems < 0.9, cards
