"""Copies within a story, each linked to its original, so it counts once toward the story's independent outlets.

Three kinds, strongest first:
- exact: the same words (case, spacing and punctuation aside);
- near: syndicated or lightly edited copy, found by shared 5-word shingles (Jaccard, or containment of the shorter);
- rewrite: a "spun" copy whose words were swapped for near-synonyms. Its sentences still line up with the
  original's, word order kept, with short substitutions in between (synonym-tolerant passage overlap). The spun
  side is the one whose substituted words are rarer in English (spinners trade "said" for "stated", "foreign" for
  "overseas"); when the words give no clear answer, the later article is the copy.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

from brief.types import Article

SHINGLE = 5  # words per shingle
NEAR_DUPLICATE = 0.5  # Jaccard of shingle sets
CONTAINED = 0.8  # share of the shorter text's shingles found in the longer one
MAX_WORDS = 5000  # copy checks read at most this many words of a text (50,000-word inputs stay fast)
MAX_SENTENCES = 100

# A rewritten passage: a sentence pair whose words line up in order for at least this share (difflib ratio)...
PASSAGE_MIN = 0.45
# ...but not so much that it is simply the same sentence (a shared quote, or a copy).
PASSAGE_SAME = 0.95
MIN_SWAPS = 2  # word-for-word swaps that make an aligned passage a spun one
MIN_PASSAGES = 3  # spun passages needed to call an article a rewrite of another
MIN_SENTENCE_WORDS = 6
CLEAR_RARITY = 0.1  # Zipf difference needed to tell the spun side by its words alone

_STOPWORDS = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been being has have had do does
    did it its this that these those he she they we you i his her their our your not no than then there here
    who whom which what when where why how will would can could should may might must said says also into over
    after before about up out more most""".split()
)


@dataclass(frozen=True)
class CopyLink:
    copy: int
    original: int
    kind: str  # "exact" | "near" | "rewrite"


def shingles(tokens: Sequence[str], size: int = SHINGLE) -> frozenset[tuple[str, ...]]:
    """The word `size`-grams (a shorter text is one shingle)."""
    if len(tokens) < size:
        return frozenset([tuple(tokens)]) if tokens else frozenset()
    return frozenset(zip(*(tokens[i:] for i in range(size))))


def is_near_duplicate(a: frozenset, b: frozenset) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= NEAR_DUPLICATE or shared / min(len(a), len(b)) >= CONTAINED


_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|[.!?]+")


class _Text:
    """An article's words and shingles, and its sentences as word tuples (cut at . ! ?, one regex pass: the
    same rough cut on both sides of a comparison is all the alignment needs)."""

    def __init__(self, article: Article):
        self.tokens: list[str] = []
        self.sentences: list[tuple[str, ...]] = []
        sentence: list[str] = []
        for token in _TOKEN.findall(" ".join(article.text.split()[:MAX_WORDS]).lower().replace("’", "'")):
            if token[0] in ".!?":
                self._end_sentence(sentence)
                sentence = []
            else:
                self.tokens.append(token)
                sentence.append(token)
        self._end_sentence(sentence)
        self.shingles = shingles(self.tokens)

    def _end_sentence(self, sentence: list[str]) -> None:
        if len(sentence) >= MIN_SENTENCE_WORDS and len(self.sentences) < MAX_SENTENCES:
            self.sentences.append(tuple(sentence))

    @cached_property
    def content(self) -> tuple[frozenset[str], ...]:
        """The content words of each sentence."""
        return tuple(frozenset(w for w in s if w not in _STOPWORDS and len(w) > 2) for s in self.sentences)

    @cached_property
    def index(self) -> dict[str, list[int]]:
        """Content word -> the sentences holding it."""
        index: dict[str, list[int]] = defaultdict(list)
        for j, content in enumerate(self.content):
            for word in content:
                index[word].append(j)
        return index


def rewritten_passages(a: _Text, b: _Text) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Sentence pairs of `a` and `b` that line up word by word with short substitutions between.

    Each sentence of `a` is aligned only with the sentence of `b` sharing the most content words (at least 3 and
    30 %), so long texts stay cheap."""
    index = b.index
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    passages = []
    for i, content in enumerate(a.content):
        shared: dict[int, int] = defaultdict(int)
        for word in content:
            for j in index.get(word, ()):
                shared[j] += 1
        best = min(((-count, j) for j, count in shared.items()
                    if count >= 3 and count >= 0.3 * min(len(content), len(b.content[j]))), default=None)
        if best is None:
            continue
        j = best[1]
        matcher.set_seqs(a.sentences[i], b.sentences[j])
        if matcher.quick_ratio() >= PASSAGE_MIN and PASSAGE_MIN <= matcher.ratio() < PASSAGE_SAME:
            passages.append((a.sentences[i], b.sentences[j]))
    return passages


def word_swaps(left: Sequence[str], right: Sequence[str]) -> list[tuple[str, str]]:
    """Word-for-word swaps of content words between two aligned sentences (a spinner swaps words one for one;
    a reporter rewording a quote or adding an attribution inserts and drops words instead)."""
    swaps = []
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "replace" or a2 - a1 != b2 - b1 or a2 - a1 > 3:
            continue
        for x, y in zip(left[a1:a2], right[b1:b2]):
            if x != y and x.isalpha() and y.isalpha() and x not in _STOPWORDS and y not in _STOPWORDS:
                swaps.append((x, y))
    return swaps


def spun_swaps(passages: Sequence[tuple[Sequence[str], Sequence[str]]]) -> list[list[tuple[str, str]]]:
    """The swaps of each aligned passage that has at least MIN_SWAPS of them (a spun passage)."""
    per_passage = [word_swaps(left, right) for left, right in passages]
    return [swaps for swaps in per_passage if len(swaps) >= MIN_SWAPS]


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def rarity_gap(swaps: Sequence[tuple[str, str]]) -> float:
    """Mean Zipf frequency of the right side's swapped words minus the left side's: > 0 when the left side
    uses the rarer words, as a spun copy does."""
    if not swaps:
        return 0.0
    return sum(_zipf(right) - _zipf(left) for left, right in swaps) / len(swaps)


def _candidate_links(texts: Sequence[_Text]) -> list[CopyLink]:
    links = []
    for later in range(len(texts)):
        for earlier in range(later):
            a, b = texts[earlier], texts[later]
            if not a.tokens or not b.tokens:
                continue
            if a.tokens == b.tokens:
                links.append(CopyLink(later, earlier, "exact"))
            elif is_near_duplicate(a.shingles, b.shingles):
                links.append(CopyLink(later, earlier, "near"))
            else:
                spun = spun_swaps(rewritten_passages(b, a))
                if len(spun) >= MIN_PASSAGES:
                    gap = rarity_gap([swap for swaps in spun for swap in swaps])
                    spun_is_earlier = gap < -CLEAR_RARITY
                    links.append(CopyLink(earlier, later, "rewrite") if spun_is_earlier
                                 else CopyLink(later, earlier, "rewrite"))
    order = {"exact": 0, "near": 1, "rewrite": 2}
    return sorted(links, key=lambda link: (order[link.kind], link.copy, link.original))


def copy_links(articles: Sequence[Article]) -> list[CopyLink]:
    """Copies among `articles` (in citation order), each pointing at an original that is not itself a copy."""
    if len(articles) < 2:
        return []
    texts = [_Text(a) for a in articles]
    original_of: dict[int, int] = {}
    kinds: dict[int, str] = {}

    def root(index: int) -> int:
        while index in original_of:
            index = original_of[index]
        return index

    for link in _candidate_links(texts):
        if link.copy in original_of:
            continue
        target = root(link.original)
        if target == link.copy:
            continue
        original_of[link.copy] = target
        kinds[link.copy] = link.kind
        for other, original in list(original_of.items()):  # copies of the new copy now point at its original
            if original == link.copy:
                original_of[other] = target
    return [CopyLink(c, original_of[c], kinds[c]) for c in sorted(original_of)]


def copy_label(kind: str | None) -> str:
    """How a briefing names a copy of this kind."""
    return {"exact": "exact copy", "near": "near-copy", "rewrite": "reworded copy"}.get(kind or "", "copy or rewrite")
