"""The popular-posts order: pins, views, links, recency."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from mkdocs_aiblog.popular.ranking import Candidate, Ranked, rank, top, unmatched

UTC = timezone.utc
START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def post(key: str, day: int = 0, **fields: object) -> Candidate:
    """A post published `day` days after START, titled after its key."""
    return Candidate(key=key, title=key.title(), date=START + timedelta(days=day), **fields)  # type: ignore[arg-type]


def keys(ranking: tuple[Ranked, ...] | list[Ranked]) -> list[str]:
    return [entry.key for entry in ranking]


def test_recency_alone_newest_first() -> None:
    ranking = rank([post("a", 1), post("b", 3), post("c", 2)], {}, {})
    assert keys(ranking) == ["b", "c", "a"]
    assert {entry.reason for entry in ranking} == {"recent"}


def test_same_date_falls_back_to_title_then_key() -> None:
    same = [
        Candidate("z", "Alpha", START, None, False, False),
        Candidate("y", "Beta", START, None, False, False),
        Candidate("x", "Alpha", START, None, False, False),
    ]
    assert keys(rank(same, {}, {})) == ["x", "z", "y"]


def test_undated_posts_come_last() -> None:
    undated = Candidate("u", "U", None)
    assert keys(rank([undated, post("a", 1)], {}, {})) == ["a", "u"]


def test_views_rank_by_count_then_links_then_recency() -> None:
    posts = [post("a", 1), post("b", 2), post("c", 3), post("d", 4), post("e", 5)]
    views = {"a": 50, "b": 10, "c": 10, "d": 10, "elsewhere": 999}
    links = {"e": frozenset({"b"})}  # b and c, d tie on views; b has a link
    ranking = rank(posts, views, links)
    assert keys(ranking) == ["a", "b", "d", "c", "e"]
    assert [entry.reason for entry in ranking] == ["views"] * 4 + ["recent"]
    assert ranking[0] == Ranked("a", "views", 50, 0)
    assert ranking[1] == Ranked("b", "views", 10, 1)


def test_links_rank_posts_without_views() -> None:
    posts = [post(name, day) for day, name in enumerate("abcdef")]
    links = {
        "a": frozenset({"c", "d"}),
        "b": frozenset({"c", "a"}),
        "e": frozenset({"e", "d"}),  # a self-link does not count
        "f": frozenset({"e"}),
    }
    ranking = rank(posts, {"f": 3}, links)
    assert keys(ranking) == ["f", "d", "c", "e", "a", "b"]  # d and c tie: newer first
    assert [(e.reason, e.inbound) for e in ranking] == [
        ("views", 0),
        ("links", 2),
        ("links", 2),
        ("links", 1),
        ("links", 1),
        ("recent", 0),
    ]


def test_only_listable_posts_links_count() -> None:
    posts = [post("a", 1), post("b", 2), post("draft", 3, draft=True), post("out", 4, opt_out=True)]
    links = {
        "draft": frozenset({"a"}),  # a draft is not published
        "": frozenset({"a"}),  # the home page is not a post
        "tags": frozenset({"a", "b"}),
        "out": frozenset({"b"}),  # an opted-out post is still a post
    }
    ranking = rank(posts, {}, links)
    assert keys(ranking) == ["b", "a"]
    assert ranking[0] == Ranked("b", "links", 0, 1)


def test_pins_first_numbered_then_true() -> None:
    posts = [
        post("viewed", 1),
        post("true-old", 2, pin=True),
        post("two", 3, pin=2),
        post("true-new", 4, pin=True),
        post("one", 5, pin=1),
        post("zero", 0, pin=0),
        post("unpinned", 6, pin=False),
    ]
    ranking = rank(posts, {"viewed": 1000, "true-old": 5}, {})
    assert keys(ranking) == ["zero", "one", "two", "true-old", "true-new", "viewed", "unpinned"]
    assert [e.reason for e in ranking[:5]] == ["pinned"] * 5
    assert ranking[3] == Ranked("true-old", "pinned", 5, 0)  # views break the tie of pins


def test_large_pin_numbers_as_posts_module_writes_true() -> None:
    # posts.py stores `popular: true` as 1_000_000: the same order as True.
    posts = [post("t", 1, pin=1_000_000), post("n", 2, pin=3)]
    assert keys(rank(posts, {}, {})) == ["n", "t"]


def test_drafts_and_opted_out_posts_are_never_listed() -> None:
    posts = [
        post("draft", 1, draft=True, pin=1),
        post("out", 2, opt_out=True),
        post("ok", 3),
    ]
    ranking = rank(posts, {"draft": 100, "out": 100}, {"ok": frozenset({"out", "draft"})})
    assert keys(ranking) == ["ok"]


def test_order_does_not_depend_on_input_order() -> None:
    posts = [post(f"p{i}", i % 4, pin=(i if i % 7 == 0 else None)) for i in range(40)]
    views = {f"p{i}": i % 5 for i in range(40)}
    links = {f"p{i}": frozenset({f"p{(i * 3) % 40}", f"p{(i + 1) % 40}"}) for i in range(40)}
    expected = rank(posts, views, links)
    for seed in range(5):
        shuffled = posts[:]
        random.Random(seed).shuffle(shuffled)
        assert rank(shuffled, dict(reversed(views.items())), links) == expected


def test_naive_aware_and_plain_dates_mix() -> None:
    posts = [
        Candidate("naive", "N", datetime(2026, 11, 20, 12, 0)),  # taken as 12:00 UTC
        Candidate("aware", "A", datetime(2026, 11, 20, 13, 0, tzinfo=timezone(timedelta(hours=2)))),
        Candidate("day", "D", date(2026, 11, 21)),
        Candidate("early", "E", datetime(1, 1, 1)),
    ]
    assert keys(rank(posts, {}, {})) == ["day", "naive", "aware", "early"]


def test_top_leaves_out_the_current_page() -> None:
    ranking = rank([post(name, day) for day, name in enumerate("abcde")], {}, {})
    assert keys(top(ranking, exclude="e", limit=3)) == ["d", "c", "b"]
    assert keys(top(ranking, exclude="b", limit=3)) == ["e", "d", "c"]
    assert keys(top(ranking, exclude=None, limit=2)) == ["e", "d"]
    assert keys(top(ranking, exclude="a", limit=10)) == ["e", "d", "c", "b"]
    assert top(ranking, exclude=None, limit=0) == []
    assert top((), exclude="a", limit=3) == []


def test_top_reads_only_what_it_needs() -> None:
    class Endless:
        """A ranking that fails if read past its first entries."""

        def __iter__(self):  # type: ignore[no-untyped-def]
            yield Ranked("a", "recent")
            yield Ranked("b", "recent")
            yield Ranked("c", "recent")
            raise AssertionError("read too far")

    assert keys(top(Endless(), exclude="a", limit=2)) == ["b", "c"]  # type: ignore[arg-type]


def test_unmatched_paths_are_summed_up() -> None:
    views = {"posts/a": 10, "": 300, "tags": 12, "posts/gone": 4}
    assert unmatched(views, ["posts/a", "posts/b"]) == (3, 316)
    assert unmatched({}, ["posts/a"]) == (0, 0)
