"""Generate a realistic Material for MkDocs blog of N posts, for the benchmark.

    .venv/bin/python benchmarks/generate.py /tmp/blog-1000 --posts 1000 --seed 7

The same seed and size always give the same files. The folder gets::

    mkdocs.yml                 the site with `aiblog` (search + aiblog)
    mkdocs-plain.yml           the same site without aiblog: the baseline
    mkdocs-plain-autonav.yml   the same, with every post in MkDocs' automatic nav
    mkdocs-material-blog.yml   the same posts read by Material's own blog plugin
    analytics/pages.csv        a Plausible "pages" export covering most posts
    docs/index.md              home page with a `/// post-list` block
    docs/about.md
    docs/posts/<slug>.md       the posts
    docs/posts/.authors.yml    authors, in Material's blog format
    docs/posts/images/*.png    a handful of tiny hero images, shared by the posts
    docs/assets/authors/*.png  avatars

Posts read like the demo posts: front matter with a date (a quarter of them a
datetime), authors, categories, tags, a hero image, most with `full_story:` (as a
URL or a mapping `{url, source}`); a title, a lede, `<!-- more -->`, five or six
emoji-headed H2 sections in both notations (`## 🚀 Why it matters`, `## Why it
matters :rocket:`), numbered lists of three, relative links to other posts.

Every post is one that Material's blog plugin also accepts (keys it does not know
are ignored by it), so all four configurations read the very same `docs/`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import struct
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MARKER = ".aiblog-benchmark-site"
"""A file in every generated folder: only such a folder is ever replaced."""

# --------------------------------------------------------------------------- content

AUTHORS: dict[str, dict[str, str]] = {
    "ada": {"name": "Ada Quill", "description": "Covers AI policy and the chip supply chain"},
    "rafa": {"name": "Rafael Osei", "description": "Covers AI research and the business of models"},
    "mei": {"name": "Mei Tanaka", "description": "Covers hardware, data centres and energy"},
    "lars": {"name": "Lars Eriksen", "description": "Covers open source and developer tools"},
    "noor": {"name": "Noor Haddad", "description": "Covers security, safety and regulation"},
}

CATEGORIES = ["Industry", "Policy", "Research", "Hardware", "Open source", "Startups", "Security"]

TAGS = [
    "OpenAI", "Meta", "Google", "Anthropic", "Mistral", "Nvidia", "AMD", "TSMC", "Microsoft",
    "Apple", "Energy", "Chips", "Agents", "Benchmarks", "EU AI Act", "Open weights", "Pricing",
    "Data centres", "Robotics", "Healthcare", "Education", "Copyright", "Privacy", "Startups",
    "Funding", "Cloud", "Edge AI", "Safety", "Evaluation", "Talent",
]  # fmt: skip

COMPANIES = [
    "OpenAI", "Meta", "Google", "Anthropic", "Mistral", "Nvidia", "AMD", "Microsoft",
    "Apple", "Samsung", "TSMC", "Amazon", "a Paris start-up", "a Berlin lab",
]  # fmt: skip

THINGS = [
    "open-weight models", "AI agents", "inference chips", "data-centre power", "model benchmarks",
    "the EU AI Act", "on-device models", "training data licences", "GPU rental prices",
    "coding assistants", "AI search", "robot foundation models", "synthetic data",
    "model distillation", "AI safety audits", "memory bandwidth", "small language models",
]  # fmt: skip

TITLE_PATTERNS = [
    "{company} bets on {thing}: what it means for everyone else",
    "Why {thing} are suddenly everyone's problem",
    "{thing_cap}: the quiet shift nobody priced in",
    "The real cost of {thing}",
    "{company} and the race for {thing}",
    "What {thing} tell us about the next two years",
    "{thing_cap} after the hype: a field guide",
    "Who pays for {thing}?",
]

# (plain heading text, shortcode, Unicode emoji)
SECTIONS: list[tuple[str, str, str]] = [
    ("Why it matters", "rocket", "\U0001f680"),
    ("The big idea", "bulb", "\U0001f4a1"),
    ("Who wins and who pays", "scales", "\u2696\ufe0f"),
    ("The new bottleneck", "zap", "\u26a1"),
    ("What the machines do now", "robot", "\U0001f916"),
    ("What the numbers say", "chart_with_upwards_trend", "\U0001f4c8"),
    ("The risks in the deal-making", "warning", "\u26a0\ufe0f"),
    ("A global race", "globe_with_meridians", "\U0001f310"),
    ("The security angle", "lock", "\U0001f512"),
    ("Follow the money", "money_with_wings", "\U0001f4b8"),
    ("Inside the factory", "factory", "\U0001f3ed"),
    ("How the models think", "brain", "\U0001f9e0"),
    ("A closer look", "mag", "\U0001f50d"),
    ("Plugging it in", "electric_plug", "\U0001f50c"),
    ("What the research says", "books", "\U0001f4da"),
    ("The experiments so far", "test_tube", "\U0001f9ea"),
]
NEXT = ("What could happen next?", "crystal_ball", "\U0001f52e")

SENTENCES = [
    "{company} has spent the past year turning {thing} from a research topic into a product line.",
    "The numbers are large, but the trend matters more than any single figure.",
    "Analysts expected the market for {thing} to cool; instead it doubled.",
    "Regulators in Brussels and Washington are asking who is accountable when {thing} fail.",
    "For most customers, the change will arrive quietly, as a line item on a cloud bill.",
    "Engineers who work on {thing} describe a field moving faster than its tools.",
    "{company} declined to share figures, but suppliers tell a consistent story.",
    "The bottleneck is no longer ideas; it is power, memory and people who can run both.",
    "Smaller firms see an opening, because the largest players cannot serve every niche.",
    "Critics point out that the same promises were made about {thing} two years ago.",
    "Investors have started to ask harder questions about margins and payback periods.",
    "Users mostly care whether the product is faster, cheaper and less wrong than last year.",
    "The shift also changes who gets hired, and which skills a team needs in-house.",
    "Energy use, long an afterthought, is now part of every serious procurement decision.",
    "A handful of benchmarks dominate the headlines, and few of them measure real work.",
    "In practice, {thing} succeed where the task is narrow, repetitive and well documented.",
    "The open question is whether {company} can keep its lead once prices fall.",
    "Universities worry that they can no longer afford to study {thing} at full scale.",
    "Early adopters report savings, but also new failure modes that are hard to audit.",
    "None of this is settled, and the next twelve months will test every assumption.",
]

POINTS = [
    "**Costs fall unevenly.** Large buyers get discounts long before everyone else.",
    "**Rules arrive late.** Most obligations start years after the technology ships.",
    "**Talent moves first.** Teams follow the compute, and the compute follows power.",
    "**Benchmarks drift.** Scores rise faster than the work the models can really do.",
    "**Suppliers consolidate.** Fewer vendors control more of the stack each year.",
    "**Users adapt.** Workflows change around the tool, not the other way round.",
    "**Open models spread.** Anyone can host them, so demand is spread over many sites.",
    "**Audits become routine.** Buyers ask for evidence, not demos.",
    "**Prices reset.** A cheaper model resets what customers expect to pay.",
    "**Hardware lags.** Chips, memory and transformers all have waiting lists.",
    "**Local matters.** Where the data centre sits decides who pays for the wires.",
    "**Trust is earned slowly.** One public failure undoes months of careful work.",
]

LINK_PHRASES = [
    "as we explained in [{title}]({target})",
    "a point we made in [our piece on {topic}]({target})",
    "which we covered in [{title}]({target})",
    "see also [{title}]({target})",
]

ADMONITIONS = [
    ("note", "How we reported this", "We spoke to engineers and buyers; none would be named."),
    ("tip", "In short", "If you read only one section, read the last one."),
    ("info", "Correction", "An earlier version of this post misstated a date; it is fixed."),
]  # fmt: skip


# --------------------------------------------------------------------------- images


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """Give the bytes of a valid PNG of one colour (8-bit RGB, no filter)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height, 9))
        + chunk(b"IEND", b"")
    )


HERO_COLOURS = [(63, 81, 181), (255, 112, 67), (0, 150, 136), (156, 39, 176), (255, 193, 7)]
HERO_COLOURS += [(96, 125, 139)]


# --------------------------------------------------------------------------- posts


@dataclass
class PostPlan:
    """What the generator decided about one post before writing it."""

    index: int
    slug: str
    title: str
    topic: str
    company: str
    published: dt.date | dt.datetime
    meta: dict[str, Any] = field(default_factory=dict)


def _plan_posts(count: int, rng: random.Random) -> list[PostPlan]:
    start = dt.datetime(2019, 1, 7, 8, 0)
    span_minutes = 7 * 365 * 24 * 60
    step = span_minutes / max(count, 1)
    plans: list[PostPlan] = []
    for index in range(count):
        company = rng.choice(COMPANIES)
        thing = rng.choice(THINGS)
        pattern = rng.choice(TITLE_PATTERNS)
        title = pattern.format(
            company=company, thing=thing, thing_cap=thing[:1].upper() + thing[1:]
        )
        title = _capital(title)
        words = [w for w in thing.replace("-", " ").split() if w.isalpha()][:3]
        slug = "-".join([*(w.lower() for w in words), str(index + 1)])
        moment = start + dt.timedelta(minutes=index * step + rng.uniform(0, step / 2))
        published: dt.date | dt.datetime
        if rng.random() < 0.25:
            published = moment.replace(second=0, microsecond=0)
        else:
            published = moment.date()
        plans.append(PostPlan(index, slug, title, thing, company, published))
    return plans


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _paragraph(rng: random.Random, plan: PostPlan, count: int, links: list[str]) -> str:
    sentences = [
        _capital(text.format(company=plan.company, thing=plan.topic))
        for text in rng.sample(SENTENCES, count)
    ]
    if links:
        spot = rng.randrange(len(sentences))
        sentences[spot] = sentences[spot].rstrip(".") + ", " + links.pop() + "."
    lines, line = [], ""
    for word in " ".join(sentences).split(" "):
        if line and len(line) + 1 + len(word) > 80:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def _heading(rng: random.Random, level: int, section: tuple[str, str, str]) -> str:
    text, shortcode, unicode = section
    hashes = "#" * level
    if rng.random() < 0.5:
        return f"{hashes} {unicode} {text}"
    return f"{hashes} {text} :{shortcode}:"


def _numbered(rng: random.Random) -> str:
    return "\n".join(f"{n}. {point}" for n, point in enumerate(rng.sample(POINTS, 3), 1))


def _front_matter(plan: PostPlan, rng: random.Random, images: list[str]) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": plan.title,
        "description": (
            f"{_capital(plan.company)} and {plan.topic}: what changed, who gains, who pays"
            " and what to watch next."
        ),
        "date": plan.published,
    }
    if rng.random() < 0.2:
        meta["updated"] = plan.published + dt.timedelta(days=rng.randint(1, 30))
    meta["authors"] = rng.sample(sorted(AUTHORS), 2 if rng.random() < 0.25 else 1)
    meta["categories"] = [rng.choice(CATEGORIES)]
    meta["tags"] = rng.sample(TAGS, rng.randint(2, 4))
    image = rng.randrange(len(images))
    meta["image"] = f"posts/images/{images[image]}"
    meta["image_alt"] = f"An illustration for a post about {plan.topic}"
    roll = rng.random()
    url = f"https://news.example.com/{plan.published.year}/{plan.slug}"
    if roll < 0.45:
        meta["full_story"] = url
    elif roll < 0.85:
        meta["full_story"] = {"url": url, "source": "Example News"}
    return meta


def _body(plan: PostPlan, plans: list[PostPlan], rng: random.Random, images: list[str]) -> str:
    others = [p for p in plans if p.index != plan.index]
    targets = rng.sample(others, min(len(others), rng.randint(2, 3)))
    links = [
        rng.choice(LINK_PHRASES).format(title=t.title, topic=t.topic, target=f"{t.slug}.md")
        for t in targets
    ]
    parts = [f"# {plan.title}", _paragraph(rng, plan, 6, []), "<!-- more -->"]
    sections = rng.sample(SECTIONS, rng.randint(5, 6))
    for number, section in enumerate(sections):
        parts.append(_heading(rng, 2, section))
        parts.append(_paragraph(rng, plan, rng.randint(4, 7), links))
        if rng.random() < 0.5:
            parts.append(_numbered(rng))
        if number == 1 and rng.random() < 0.3:
            sub = rng.choice([s for s in SECTIONS if s not in sections])
            parts.append(_heading(rng, 3, sub))
            parts.append(_paragraph(rng, plan, 3, links))
        if number == 2 and rng.random() < 0.2:
            kind, title, text = rng.choice(ADMONITIONS)
            parts.append(f'!!! {kind} "{title}"\n\n    {text}')
        if number == 0 and rng.random() < 0.2:
            parts.append(f"![A chart about {plan.topic}](images/{rng.choice(images)})")
    parts.append(_heading(rng, 2, NEXT))
    parts.append(_numbered(rng))
    while links:  # any link not placed yet closes the post
        parts.append(_paragraph(rng, plan, 1, links))
    return "\n\n".join(parts) + "\n"


def _dump(meta: dict[str, Any]) -> str:
    text: str = yaml.safe_dump(
        meta, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000
    )
    return text


# --------------------------------------------------------------------------- configs

EXTENSIONS = """\
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.superfences
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - toc:
      permalink: true
"""

THEME = """\
site_name: Benchmark Dispatch
site_description: A generated AI news blog for the mkdocs-aiblog benchmark.
site_url: https://bench.example.org/

theme:
  name: material
  language: en
  features:
    - navigation.instant
    - navigation.top
"""

NAV = """\
nav:
  - Home: index.md
  - About: about.md
"""

CONFIGS = {
    "mkdocs.yml": (
        "# The site with mkdocs-aiblog.\n" + THEME + "\n" + NAV + "\n"
        "plugins:\n"
        "  - search\n"
        "  - aiblog:\n"
        "      popular:\n"
        "        views_file: analytics/pages.csv\n\n" + EXTENSIONS
    ),
    "mkdocs-plain.yml": (
        "# The same site without mkdocs-aiblog: the baseline. Posts are left out of the\n"
        "# navigation as aiblog leaves them out (explicit nav + not_in_nav), so neither\n"
        "# site pays for a sidebar listing every post on every page.\n"
        + THEME
        + "\n"
        + NAV
        + '\nnot_in_nav: "/posts/"\n\n'
        "plugins:\n"
        "  - search\n\n" + EXTENSIONS
    ),
    "mkdocs-plain-autonav.yml": (
        "# The same site without mkdocs-aiblog, with MkDocs' automatic navigation:\n"
        "# every post is listed in the sidebar of every page (context only).\n" + THEME + "\n"
        "plugins:\n"
        "  - search\n\n" + EXTENSIONS
    ),
    "mkdocs-material-blog.yml": (
        "# The same posts read by Material's own blog plugin (reference point).\n"
        "# blog_dir: . makes docs/ the blog: docs/index.md is its index and docs/posts/\n"
        "# (post_dir: {blog}/posts) its posts; the authors file is the one aiblog reads.\n"
        + THEME
        + "\n"
        + NAV
        + "\n"
        "plugins:\n"
        "  - search\n"
        "  - blog:\n"
        "      blog_dir: .\n"
        "      authors_file: posts/.authors.yml\n\n" + EXTENSIONS
    ),
}

INDEX = """\
---
title: Benchmark Dispatch
description: Short, plain-spoken analysis of the AI industry.
---

# Benchmark Dispatch

The AI industry produces more announcements in a week than anyone can read in a
month. This blog reads them so you don't have to, and asks the question the
press releases skip: *what actually changes?* The [About page](about.md) explains
who writes it.

/// post-list
///
"""

ABOUT = """\
---
title: About
description: Who writes this blog and how we work.
---

# About

We are a small team of reporters who cover the AI industry: chips and power,
policy and courts, research and the business around it. We write short posts that
explain one story each, and we link to the original reporting at the end.

## How we work

1. **We read the documents.** Filings, papers and rulings, not only press releases.
2. **We name our sources** wherever they allow it.
3. **We correct mistakes** at the end of the post, with the date.
"""


# --------------------------------------------------------------------------- site


@dataclass(frozen=True)
class Site:
    """A generated site: its folder and what it holds."""

    root: Path
    posts: int
    slugs: tuple[str, ...]

    @property
    def with_plugin(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def plain(self) -> Path:
        return self.root / "mkdocs-plain.yml"

    @property
    def plain_autonav(self) -> Path:
        return self.root / "mkdocs-plain-autonav.yml"

    @property
    def material_blog(self) -> Path:
        return self.root / "mkdocs-material-blog.yml"

    def post_path(self, slug: str) -> Path:
        return self.root / "docs" / "posts" / f"{slug}.md"


def generate_site(root: Path, posts: int, *, seed: int = 1, force: bool = False) -> Site:
    """Write a blog of `posts` posts into `root` and describe it.

    `root` must be absent or empty, or (with `force`) a folder this generator made.
    """
    if root.exists() and any(root.iterdir()):
        if not (force and (root / MARKER).is_file()):
            raise FileExistsError(
                f"{root}: not empty; pass force=True (--force) to replace a generated site"
            )
        shutil.rmtree(root)
    rng = random.Random(f"{seed}:{posts}")
    docs = root / "docs"
    (docs / "posts" / "images").mkdir(parents=True)
    (docs / "assets" / "authors").mkdir(parents=True)
    (root / "analytics").mkdir()
    (root / MARKER).write_text(f"posts={posts} seed={seed}\n", encoding="utf-8")

    images = [f"hero-{n}.png" for n in range(len(HERO_COLOURS))]
    for name, colour in zip(images, HERO_COLOURS, strict=True):
        (docs / "posts" / "images" / name).write_bytes(png(16, 9, colour))
    authors: dict[str, dict[str, str]] = {}
    for number, (key, author) in enumerate(AUTHORS.items()):
        (docs / "assets" / "authors" / f"{key}.png").write_bytes(
            png(8, 8, HERO_COLOURS[number % len(HERO_COLOURS)])
        )
        authors[key] = {
            **author,
            "avatar": f"assets/authors/{key}.png",
            "url": f"https://example.com/{key}",
        }
    (docs / "posts" / ".authors.yml").write_text(
        yaml.safe_dump({"authors": authors}, sort_keys=False), encoding="utf-8"
    )

    plans = _plan_posts(posts, rng)
    pinned = set(rng.sample(range(posts), min(2, posts)))
    for plan in plans:
        meta = _front_matter(plan, rng, images)
        if plan.index in pinned:
            meta["popular"] = True
        body = _body(plan, plans, rng, images)
        text = f"---\n{_dump(meta)}---\n\n{body}"
        (docs / "posts" / f"{plan.slug}.md").write_text(text, encoding="utf-8")

    (docs / "index.md").write_text(INDEX, encoding="utf-8")
    (docs / "about.md").write_text(ABOUT, encoding="utf-8")
    _write_pageviews(root / "analytics" / "pages.csv", plans, rng)
    for name, text in CONFIGS.items():
        (root / name).write_text(text, encoding="utf-8")
    return Site(root=root, posts=posts, slugs=tuple(p.slug for p in plans))


def _write_pageviews(path: Path, plans: list[PostPlan], rng: random.Random) -> None:
    """A Plausible `pages.csv`: most posts, with a long-tailed number of views."""
    covered = [p for p in plans if rng.random() < 0.85]
    rng.shuffle(covered)
    rows: list[tuple[str, int, int, int, int]] = [
        ("/", 52_000, 68_000, 41, 38),
        ("/about/", 3_100, 3_600, 55, 61),
    ]
    for rank, plan in enumerate(covered, 1):
        pageviews = max(1, int(40_000 / rank**0.9 * rng.uniform(0.8, 1.2)))
        visitors = max(1, int(pageviews * rng.uniform(0.7, 0.9)))
        rows.append(
            (f"/posts/{plan.slug}/", visitors, pageviews, rng.randint(30, 80), rng.randint(20, 400))
        )
    rows.sort(key=lambda row: row[1], reverse=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "visitors", "pageviews", "bounce_rate", "time_on_page"])
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="where to write the site (absent or empty)")
    parser.add_argument("--posts", type=int, default=100, help="number of posts (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--force", action="store_true", help="replace a site this script generated before"
    )
    args = parser.parse_args(argv)
    try:
        site = generate_site(args.folder, args.posts, seed=args.seed, force=args.force)
    except FileExistsError as error:
        print(f"generate.py: {error}", file=sys.stderr)
        return 2
    print(f"{site.root}: {site.posts} posts; build with: mkdocs build -f {site.with_plugin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
