"""Copies within a story: exact and near duplicates (syndicated wire copy) linked to their original."""
from __future__ import annotations

from typing import Sequence

from brief.text import words
from brief.types import Article

SHINGLE = 5  # words per shingle
NEAR_DUPLICATE = 0.5  # Jaccard of shingle sets
CONTAINED = 0.8  # share of the shorter text's shingles found in the longer one


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    tokens = words(text)
    if len(tokens) < size:
        return frozenset([hash(tuple(tokens))]) if tokens else frozenset()
    return frozenset(hash(tuple(tokens[i:i + size])) for i in range(len(tokens) - size + 1))


def is_near_duplicate(a: frozenset[int], b: frozenset[int]) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= NEAR_DUPLICATE or shared / min(len(a), len(b)) >= CONTAINED


def find_copies(articles: Sequence[Article]) -> dict[int, int]:
    """Map the index of each copy to the index of its original; `articles` are in citation order, and the
    earlier of two near-duplicates is the original."""
    sets = [shingles(a.text) for a in articles]
    originals: dict[int, int] = {}
    for later in range(len(articles)):
        for earlier in range(later):
            if earlier in originals:
                continue
            if is_near_duplicate(sets[earlier], sets[later]):
                originals[later] = earlier
                break
    return originals
