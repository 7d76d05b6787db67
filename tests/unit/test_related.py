"""Related posts: the pure core (TF-IDF over tags, categories, titles, descriptions)."""

from __future__ import annotations

import heapq
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aiblog.core.frontmatter import parse_post
from mkdocs_aiblog.core.posts import Post, newest_first
from mkdocs_aiblog.core.reading import related_keys
from mkdocs_aiblog.related import scoring
from mkdocs_aiblog.related.scoring import related, terms

DAY = datetime(2026, 11, 1, tzinfo=timezone.utc)


def make(name: str, day: int, **fields: Any) -> Post:
    fields.setdefault("title", name.title())
    return Post(
        src_uri=f"posts/{name}.md", url=f"posts/{name}/", date=DAY + timedelta(days=day), **fields
    )


def titles(result: dict[str, list[Post]], name: str) -> list[str]:
    return [
        post.src_uri.removeprefix("posts/").removesuffix(".md")
        for post in result.get(f"posts/{name}.md", [])
    ]


def run(
    posts: list[Post], limit: int = 3, hidden: dict[str, set[str]] | None = None
) -> tuple[dict[str, list[Post]], list[str]]:
    timeline = newest_first(posts)
    return related(timeline, limit=limit, hidden=hidden or {}, known={p.src_uri for p in posts})


def test_shared_tags_rank_first_and_unrelated_posts_are_left_out() -> None:
    posts = [
        make("gpu", 1, tags=("Chips", "Energy"), title="GPU supply"),
        make("grid", 2, tags=("Energy", "Grid"), title="Grid squeeze"),
        make("chips", 3, tags=("Chips", "Energy"), title="Chip packaging"),
        make("poetry", 4, tags=("Art",), title="Machine poetry"),
        make("paint", 5, tags=("Art",), title="Painting bots"),
    ]
    result, problems = run(posts)
    assert problems == []
    assert titles(result, "gpu") == ["chips", "grid"]  # two tags shared, then one
    assert titles(result, "poetry") == ["paint"]
    assert "poetry" not in titles(result, "gpu")


def test_title_and_description_words_count_and_glue_words_do_not() -> None:
    posts = [
        make("a", 1, title="The rise of the accelerator"),
        make("b", 2, title="Accelerator queues lengthen"),
        make("c", 3, title="The state of the union"),
        make("d", 4, title="Quiet week", description="Nothing about accelerators at all"),
    ]
    result, _ = run(posts)
    assert titles(result, "a") == ["b"]  # "the" relates nothing; "accelerators" is another word
    assert "the" not in terms(posts[0])


def test_ties_are_broken_by_date_newest_first_then_title() -> None:
    posts = [
        make("x", 1, tags=("T",)),
        make("old", 2, tags=("T",), title="Zeta"),
        make("new", 9, tags=("T",), title="Beta"),
        make("same-day-b", 5, tags=("T",), title="Bravo"),
        make("same-day-a", 5, tags=("T",), title="Alpha"),
    ]
    result, _ = run(posts, limit=4)
    assert titles(result, "x") == ["new", "same-day-a", "same-day-b", "old"]
    again, _ = run(list(reversed(posts)), limit=4)
    assert again == result


def test_never_itself_hidden_posts_or_more_than_the_limit() -> None:
    posts = [make(f"p{n}", n, tags=("Shared",)) for n in range(6)]
    hidden = {"posts/p3.md": {"posts/p2.md", "posts/p4.md"}}
    result, _ = run(posts, limit=2, hidden=hidden)
    for post in posts:
        assert post.src_uri not in [p.src_uri for p in result[post.src_uri]]
        assert len(result[post.src_uri]) == 2
    assert not {"p2", "p4"} & set(titles(result, "p3"))


def test_named_posts_come_first_in_their_order_and_count_toward_the_limit() -> None:
    posts = [
        make("a", 1, tags=("T",), related=("posts/d.md", "c.md")),  # from docs/, then its folder
        make("b", 2, tags=("T",)),
        make("c", 3),
        make("d", 4),
    ]
    result, problems = run(posts, limit=3)
    assert problems == []
    assert titles(result, "a") == ["d", "c", "b"]
    assert titles(run(posts, limit=1)[0], "a") == ["d"]


def test_a_named_path_that_is_no_post_is_one_problem_naming_file_and_key() -> None:
    posts = [
        make("a", 1, related=("posts/missing.md", "../etc/passwd", "posts/a.md")),
        make("b", 2),
    ]
    result, problems = run(posts)
    assert problems == [
        "posts/a.md: related: 'posts/missing.md' is not a post",
        "posts/a.md: related: '../etc/passwd' is not a post",
    ]
    assert "a" not in titles(result, "a")  # itself: never, and no problem either


def test_a_named_draft_is_left_out_without_a_problem() -> None:
    draft = make("draft", 9, tags=("T",), draft=True)
    posts = [make("a", 1, tags=("T",), related=("posts/draft.md",)), make("b", 2, tags=("T",))]
    timeline = newest_first(posts)  # drafts are never in the timeline
    result, problems = related(
        timeline, limit=3, hidden={}, known={p.src_uri for p in [*posts, draft]}
    )
    assert problems == []
    assert titles(result, "a") == ["b"]


def test_related_false_turns_the_block_off_for_that_post_only() -> None:
    posts = [make("a", 1, tags=("T",), related_off=True), make("b", 2, tags=("T",))]
    result, _ = run(posts)
    assert "posts/a.md" not in result
    assert titles(result, "b") == ["a"]


def test_a_limit_of_zero_or_less_lists_nothing() -> None:
    posts = [make("a", 1, tags=("T",)), make("b", 2, tags=("T",))]
    assert run(posts, limit=0)[0] == {}
    assert run(posts, limit=-3)[0] == {}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ((), False, [])),
        (True, ((), False, [])),
        (False, ((), True, [])),
        ("posts/x.md", (("posts/x.md",), False, [])),
        (["/posts/x.md", "posts/./x.md", "posts/y.md"], (("posts/x.md", "posts/y.md"), False, [])),
    ],
)
def test_the_related_key_reads_false_a_path_or_a_list(value: object, expected: object) -> None:
    assert related_keys({"related": value}) == expected


@pytest.mark.parametrize("value", [3, 1.5, {"a": 1}, datetime(2026, 1, 1)])
def test_a_related_value_of_another_type_is_one_problem(value: object) -> None:
    paths, off, problems = related_keys({"related": value})
    assert (paths, off) == ((), False)
    assert len(problems) == 1 and problems[0].startswith("related: ")


@pytest.mark.parametrize("item", [3, None, True, ["x"], {"a": "b"}, "", "  "])
def test_each_list_item_that_is_no_path_is_one_problem(item: object) -> None:
    paths, _, problems = related_keys({"related": ["posts/ok.md", item]})
    assert paths == ("posts/ok.md",)
    assert len(problems) == 1 and "is not a post path" in problems[0]


def test_parse_post_keeps_the_related_keys_and_names_their_problems() -> None:
    post, problems = parse_post(
        {"date": "2026-11-01", "related": ["posts/x.md", 7]},
        src_uri="posts/a.md",
        url="posts/a/",
        title="A",
        authors={},
        resolve_file=lambda _: None,
    )
    assert post.related == ("posts/x.md",)
    assert problems == ["related: 7 is not a post path"]


def test_hostile_text_in_titles_and_tags_is_only_counted() -> None:
    posts = [
        make("a", 1, title="<script>alert(1)</script> {{ 7*7 }}", tags=("<b>", "{% x %}")),
        make("b", 2, title="<script>alert(2)</script>", tags=("<b>",)),
    ]
    result, problems = run(posts)
    assert problems == [] and titles(result, "a") == ["b"]


@pytest.mark.slow
def test_the_work_grows_with_posts_not_posts_squared(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every post shares every tag: without the window, each post would score all others."""
    scored: list[int] = []
    original = scoring._scores

    def counting(terms: Any) -> dict[int, float]:
        result = original(terms)
        scored.append(len(result))
        return result

    monkeypatch.setattr(scoring, "_scores", counting)

    def candidates(count: int) -> int:
        scored.clear()
        timeline = newest_first(
            [
                make(f"p{n}", n, tags=("AI", "Chips"), title=f"Same words {n % 7}")
                for n in range(count)
            ]
        )
        related(timeline, limit=3, hidden={}, known=())
        return sum(scored)

    small, large = candidates(500), candidates(4000)
    assert large <= 4000 * scoring.TERMS * (scoring.WINDOW + 1)
    assert large / small < 8 * 1.1  # 8x the posts: 8x the work (squared would be 64x)


def _plain_best(scores: dict[int, float], skip: set[int], count: int) -> list[int]:
    """`scoring._best` as it was written before `sorted` found the cut."""
    for other in skip:
        scores.pop(other, None)
    if len(scores) > count:
        cut = heapq.nlargest(count, scores.values())[-1] - 1e-9
        scores = {other: score for other, score in scores.items() if score >= cut}
    return sorted(scores, key=lambda other: (-round(scores[other], 9), other))[:count]


_SCORE = st.sampled_from([0.5, 0.25, 0.1 + 0.2, 0.3, 1e-10]) | st.floats(0, 3, allow_nan=False)


@settings(max_examples=500, derandomize=True)
@given(
    st.dictionaries(st.integers(0, 40), _SCORE, max_size=40),
    st.sets(st.integers(0, 40), max_size=5),
    st.integers(1, 8),
)
def test_best_picks_as_with_heapq(scores: dict[int, float], skip: set[int], count: int) -> None:
    assert scoring._best(dict(scores), skip, count) == _plain_best(dict(scores), skip, count)
