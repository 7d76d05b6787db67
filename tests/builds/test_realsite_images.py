"""Images on real-shaped blogs: every image link of every page reaches a file in `site/`.

A blog laid out as on Material's blog plugin (two URL layouts) and the plain
`posts/` site (see `tests/realsites.py`); the hero has its intrinsic size.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from realsites import HEROES, SITE_URL, VARIANTS, png, realsite_files
from sitebuild import Site, build_site, post

from mkdocs_aiblog.site import images


@pytest.fixture(scope="module")
def realsites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    return {
        name: build_site(
            tmp_path_factory.mktemp(name),
            config=config,
            files=realsite_files(posts_dir),
            strict=True,
            check=True,
        )
        for name, (posts_dir, config) in VARIANTS.items()
    }


REMOTE = ("https://cdn.example.com/", "https://cdn.jsdelivr.net/gh/jdecked/twemoji@")
IMAGE_FILE = re.compile(r"\.(png|jpe?g|gif|webp|svg|avif|ico)$", re.IGNORECASE)


def image_references(page: BeautifulSoup) -> list[str]:
    """Give every image URL a page names: src, srcset, links to images, preview tags, JSON-LD."""
    found: list[str] = []
    for tag in page.select("img[src], source[src], input[src]"):
        found.append(str(tag["src"]))
    for tag in page.select("[srcset]"):
        found += [part.split()[0] for part in str(tag["srcset"]).split(",") if part.strip()]
    for tag in page.select("a[href], link[href]"):
        href = str(tag["href"])
        if IMAGE_FILE.search(urlsplit(href).path):
            found.append(href)
    for tag in page.select('meta[property="og:image"], meta[name="twitter:image"]'):
        found.append(str(tag["content"]))
    for script in page.select('script[type="application/ld+json"]'):
        image = json.loads(script.string or "{}").get("image")
        if image:
            found.append(str(image))
    return found


def broken_images(site: Site) -> list[str]:
    """Give each image URL of the site that does not reach a file of `site/`."""
    broken = []
    for html in sorted(site.site_dir.rglob("*.html")):
        relative = html.relative_to(site.site_dir).as_posix()
        page_url = urljoin(SITE_URL, relative)
        for reference in image_references(BeautifulSoup(html.read_text("utf-8"), "html.parser")):
            if reference.startswith("data:"):
                continue
            absolute = urljoin(page_url, reference)
            if absolute.startswith(REMOTE):
                continue  # the remote hero, and the emoji of Material's twemoji index
            if not absolute.startswith(SITE_URL):
                broken.append(f"{relative}: {reference} leaves the site")
                continue
            path = unquote(urlsplit(absolute).path)[len(urlsplit(SITE_URL).path) :]
            if not (site.site_dir / path).is_file():
                broken.append(f"{relative}: {reference} -> {path}")
    return broken


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_image_of_every_page_is_a_file_of_the_site(
    realsites: dict[str, Site], variant: str
) -> None:
    site = realsites[variant]
    assert site.warnings == []
    assert broken_images(site) == []
    heroes = [
        page.select_one(".aiblog-hero img")
        for html in site.site_dir.rglob("*.html")
        if (page := BeautifulSoup(html.read_text("utf-8"), "html.parser"))
    ]
    assert len([hero for hero in heroes if hero is not None]) == 5  # not vacuous


def post_page(site: Site, title: str) -> BeautifulSoup:
    """Give the written page of the post titled `title`."""
    for html in sorted(site.site_dir.rglob("*.html")):
        page = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        heading = page.select_one("article h1")
        if page.select_one(".aiblog-hero") and heading and heading.get_text(strip=True) == title:
            return page
    raise AssertionError(f"no post page titled {title!r}")


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_hero_has_its_intrinsic_size_and_loads_first(
    realsites: dict[str, Site], variant: str
) -> None:
    site = realsites[variant]
    for name, (width, height) in HEROES.items():
        hero = post_page(site, name.capitalize()).select_one(".aiblog-hero img")
        assert hero is not None
        assert (hero["width"], hero["height"]) == (str(width), str(height)), name
        assert hero["decoding"] == "async" and hero["fetchpriority"] == "high"
        assert not hero.has_attr("loading")  # above the fold: never lazy
    remote = post_page(site, "Remote").select_one(".aiblog-hero img")
    assert remote is not None and remote["src"] == "https://cdn.example.com/hero.png"
    assert not remote.has_attr("width") and not remote.has_attr("height")


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_thumbnails_keep_their_display_size_and_load_lazily(
    realsites: dict[str, Site], variant: str
) -> None:
    site = realsites[variant]
    page = post_page(site, "One")
    thumbs = page.select(".aiblog-popular__thumb")
    assert thumbs
    for thumb in thumbs:
        assert (thumb["width"], thumb["height"]) == ("48", "48")
        assert thumb["loading"] == "lazy" and thumb["decoding"] == "async"
    cards = site.html("").select(".aiblog-card__thumb img")
    assert len(cards) == 5
    for card in cards:
        assert (card["width"], card["height"]) == ("160", "90")
        assert card["loading"] == "lazy" and card["decoding"] == "async"


@pytest.mark.slow
def test_og_image_is_the_published_file_under_the_blog(realsites: dict[str, Site]) -> None:
    page = post_page(realsites["material-blog"], "One")
    og = page.select_one('meta[property="og:image"]')
    assert og is not None and og["content"] == f"{SITE_URL}blog/images/one.png"
    body_image = page.select_one("article img[alt=Inline]")
    hero = page.select_one(".aiblog-hero img")
    assert body_image is not None and hero is not None
    assert body_image["src"] == hero["src"]  # the same relative path, the same link


def test_each_image_is_read_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = images.file_size
    monkeypatch.setattr(images, "file_size", lambda path: read.append(path) or real(path))
    files: dict[str, str | bytes] = {"posts/images/a.png": png(4, 3), "b.png": png(2, 2)}
    for number in range(4):
        image = "images/a.png" if number % 2 else "/b.png"
        files[f"posts/p{number}.md"] = post(title=f"P{number}", image=image)
    site = build_site(tmp_path, files=files, check=True)
    assert site.warnings == []
    assert sorted(Path(path).name for path in read) == ["a.png", "b.png"]
    hero = site.html("posts/p1.md").select_one(".aiblog-hero img")
    assert hero is not None and (hero["width"], hero["height"]) == ("4", "3")


def test_an_image_no_file_matches_is_one_warning_naming_the_post(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        files={"posts/x.md": post(title="X", image="blog/images/none.png")},
    )
    assert site.warnings == [
        "aiblog: posts/x.md: image: 'blog/images/none.png' is not an http(s) URL"
        " or a file under docs/"
    ]
    assert site.html("posts/x.md").select_one(".aiblog-hero") is None
