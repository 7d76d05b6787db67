"""Related posts: the posts that share most with each post, computed once per build.

The score is TF-IDF with cosine similarity, over a post's tags, categories and
the words of its title and description: a term shared by few posts counts more
than one every post has, and a tag more than a word. Explainable, standard
library only, and cheap:

- each post keeps its `TERMS` heaviest terms (most posts have fewer);
- the other posts with a term are found in that term's list of posts, in
  timeline order; a term with more than `WINDOW` posts counts only among the
  `WINDOW` nearest in date (such a term weighs little: its inverse document
  frequency is low). So the work grows with posts x terms x `WINDOW` at most,
  never posts squared: at 5,000 posts, 1.4% of the build (benchmarks/stages.py);
- a term no other post has is left out: it relates nothing.

Ties are broken by date (newer first), then title, then path, as the timeline
orders posts, so the order is stable from build to build.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Collection, Mapping, Sequence

from mkdocs_aiblog.core.posts import Post
from mkdocs_aiblog.core.text import shown

TERMS = 10
"""The heaviest terms each post keeps."""
WINDOW = 16
"""A term's posts counted around a post: the nearest in date on each side, in all."""
WEIGHTS = {"tag": 3.0, "category": 2.0, "title": 1.5, "text": 1.0}
"""How much one occurrence counts, by where it is."""

_WORD = re.compile(r"\w+")
# English glue words; elsewhere such words are in most posts and weigh little.
_STOP = frozenset(
    ("the", "and", "for", "with", "from", "that", "this", "into", "over", "about", "what",
     "how", "why", "are", "was", "were", "its", "has", "have", "not", "but", "our", "your",
     "their", "more", "than", "will", "can", "new")
)  # fmt: skip


def terms(post: Post) -> dict[str, float]:
    """Give a post's terms and how often each occurs, weighted by where it occurs."""
    counts: dict[str, float] = {}
    for tag in post.tags:
        key = "#" + tag.casefold()
        counts[key] = counts.get(key, 0.0) + WEIGHTS["tag"]
    for category in post.categories:
        key = "@" + category.casefold()
        counts[key] = counts.get(key, 0.0) + WEIGHTS["category"]
    for field, text in (("title", post.title), ("text", post.description or post.excerpt)):
        weight = WEIGHTS[field]
        for word in _WORD.findall(text.casefold()):
            if len(word) > 2 and word not in _STOP and not word.isdigit():
                counts[word] = counts.get(word, 0.0) + weight
    return counts


def related(
    timeline: Sequence[Post],
    *,
    limit: int,
    hidden: Mapping[str, Collection[str]],
    known: Collection[str],
) -> tuple[dict[str, list[Post]], list[str]]:
    """Give each published post's related posts (by `src_uri`), and the problems.

    Args:
        timeline: the published posts, newest first (`posts.newest_first`).
        limit: how many each post lists at most.
        hidden: by post, the posts it already links to at its end (newer/older,
            next/previous in its series), which it does not list again.
        known: every post's path, drafts included: a `related:` path naming a
            draft is left out without a problem (it is a post, not yet published).

    Posts with `related: false` get none; the posts a post's `related:` names
    come first, then the best scores; never the post itself or a draft.
    """
    at = {post.src_uri: index for index, post in enumerate(timeline)}
    vectors = _vectors(timeline)
    # Each term's posts and their weights, in timeline order; and, for each post,
    # its terms with its weight and where it sits in that term's list.
    postings: dict[str, tuple[list[int], list[float]]] = {}
    located: list[list[tuple[list[int], list[float], float, int]]] = []
    for index, vector in enumerate(vectors):
        mine = []
        for term, weight in vector.items():
            ids, weights = postings.setdefault(term, ([], []))
            mine.append((ids, weights, weight, len(ids)))
            ids.append(index)
            weights.append(weight)
        located.append(mine)
    result: dict[str, list[Post]] = {}
    problems: list[str] = []
    for index, post in enumerate(timeline):
        if post.related_off or limit <= 0:
            continue
        skip = {index, *(at[src] for src in hidden.get(post.src_uri, ()) if src in at)}
        chosen: list[int] = []
        for path in post.related:
            found = _resolve(path, post.src_uri, at, known)
            if found is None:
                problems.append(f"{post.src_uri}: related: {shown(path)} is not a post")
            elif found >= 0 and found not in skip and found not in chosen:
                chosen.append(found)
                skip.add(found)
        if len(chosen) < limit:
            chosen += _best(_scores(located[index]), skip, limit - len(chosen))
        if chosen:
            result[post.src_uri] = [timeline[other] for other in chosen[:limit]]
    return result, problems


def _scores(terms: list[tuple[list[int], list[float], float, int]]) -> dict[int, float]:
    """Give the scores of the posts that share a term with one post (its `located` terms)."""
    scores: dict[int, float] = {}
    get = scores.get
    for ids, weights, weight, here in terms:
        if len(ids) > WINDOW:  # the WINDOW nearest in date, this post among them
            start = min(max(0, here - WINDOW // 2), len(ids) - WINDOW - 1)
            ids, weights = ids[start : start + WINDOW + 1], weights[start : start + WINDOW + 1]
        for other, other_weight in zip(ids, weights, strict=True):
            scores[other] = get(other, 0.0) + weight * other_weight
    return scores


def _best(scores: dict[int, float], skip: Collection[int], count: int) -> list[int]:
    """Give the `count` best-scored posts not in `skip`: highest first, then newer first."""
    for other in skip:
        scores.pop(other, None)
    if len(scores) > count:
        # Only the posts that can make the cut are sorted (ties at it included). The
        # cut is the count-th highest score: `sorted` finds it in C, cheaper than
        # `heapq.nlargest`, whose loop over the rest of the scores is Python.
        cut = sorted(scores.values(), reverse=True)[count - 1] - 1e-9
        scores = {other: score for other, score in scores.items() if score >= cut}
    return sorted(scores, key=lambda other: (-round(scores[other], 9), other))[:count]


def _vectors(timeline: Sequence[Post]) -> list[dict[str, float]]:
    """Give each post's heaviest TF-IDF terms, scaled to length 1 (cosine similarity)."""
    counted = [terms(post) for post in timeline]
    frequency: dict[str, int] = {}
    for counts in counted:
        for term in counts:
            frequency[term] = frequency.get(term, 0) + 1
    total = len(timeline)
    # log(1 + N/df): a term every post has still counts a little (log 2), so a
    # blog of three posts relates them too. Once per term, not once per post.
    idf = {term: math.log(1 + total / df) for term, df in frequency.items() if df > 1}
    vectors: list[dict[str, float]] = []
    for counts in counted:
        weighted = {term: count * idf[term] for term, count in counts.items() if term in idf}
        kept = sorted(weighted.items(), key=lambda item: (-item[1], item[0]))[:TERMS]
        norm = math.sqrt(sum(weight * weight for _, weight in kept)) or 1.0
        vectors.append({term: weight / norm for term, weight in kept})
    return vectors


def _resolve(path: str, src_uri: str, at: Mapping[str, int], known: Collection[str]) -> int | None:
    """Give the timeline index of the post `path` names (-1: a draft; None: no post).

    A path is from `docs/` (as Material's `links:` writes it), else from the
    post's own folder.
    """
    for candidate in (path, posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))):
        if candidate in at:
            return at[candidate]
        if candidate in known:
            return -1
    return None
