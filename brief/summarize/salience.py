"""Rank a story's sentences by salience, with redundancy removed: the shared first stage of every summariser.

`salient_sentences` is cheap (no model beyond the sentence embeddings; O(n^2) in the story's sentences, and at most
`PER_SOURCE` sentences per article are considered), so a seq2seq summariser can fill its input budget from the
front of the list ("extract, then abstract").

Salience of a sentence blends
- cross-source centrality: how closely the other independent outlets state the same thing (a copy of an article
  never counts as confirmation of its original);
- agreement with the outlets' headlines;
- position in its article (news puts the essentials first);
- stating a figure that several independent outlets report (agreeing or not): the briefing's figures table is
  about it, so the summary should say what happened there;
and is lowered for short sentences and for ones that lean on context (pronoun or connective openings, bare quotes).
Selection is maximal marginal relevance: each pick trades salience against similarity to what is already picked,
and an outlet not yet represented gets a bonus, so every outlet appears early. A sentence that states what a pick
states (brief.summarize.similarity: a paraphrase, or mostly the same words) is dropped, and its outlet is cited on
the pick instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from brief.config import Settings
from brief.figures import mentioned_values
from brief.summarize import StoryInput
from brief.summarize.sentence_filter import leans_on_context, strip_dateline, trim_truncated, unfit_reason
from brief.summarize.similarity import Similarity, similarity
from brief.text import paragraphs, split_sentences, words
from brief.types import Fact, Source

PER_SOURCE = 20  # fit sentences considered per article: later ones rarely matter, and each is embedded
MAX_ARTICLE_CHARS = 100_000  # only an article's beginning is read, so a huge input costs no more than a long one
WEIGHT_CENTRALITY = 0.45
WEIGHT_HEADLINES = 0.25
WEIGHT_POSITION = 0.30
WEIGHT_SHARED_FIGURE = 0.30  # added on top: a figure several outlets report is what the briefing's table is about
CONTEXT_PENALTY = 0.5  # factor for sentences that lean on what came before them
FULL_LENGTH_WORDS = 12  # sentences shorter than this carry proportionally less
MMR_LAMBDA = 0.85  # mild: sentences stating the same as a pick are dropped outright
NEW_OUTLET_BONUS = 0.15


@dataclass(frozen=True)
class Candidate:
    """A sentence that may stand in a summary, with where it comes from and how salient it is."""

    text: str  # as its source writes it (a dateline or kicker removed; a cut-off excerpt trimmed to its main clause)
    ref: int  # the source it is taken from
    score: float  # salience in [0, 1] before redundancy removal
    position: int  # sentence index in its article (0 = lead)
    paragraph: int  # paragraph index in its article
    refs: tuple[int, ...]  # every source stating it (its own ref included), one per group of copies, ascending


@dataclass(frozen=True)
class _Sentence:
    text: str
    source: Source
    group: int  # ref of the original that the source is, or copies
    position: int  # sentence index in the article
    paragraph: int
    rank: int  # index among the article's fit sentences: bylines and promos before the lead do not push it down


def _group_of(source: Source, by_ref: dict[int, Source]) -> int:
    """The ref of the original a source copies (following chains), or its own ref."""
    seen = {source.ref}
    while source.duplicate_of is not None and source.duplicate_of in by_ref and source.duplicate_of not in seen:
        source = by_ref[source.duplicate_of]
        seen.add(source.ref)
    return source.ref


def _fit_sentences(source: Source, group: int) -> list[_Sentence]:
    found: list[_Sentence] = []
    position = 0
    for paragraph_index, paragraph in enumerate(paragraphs(source.article.text[:MAX_ARTICLE_CHARS])):
        for raw in split_sentences(paragraph):
            text = strip_dateline(raw).strip()
            if text and unfit_reason(text, source.article.title) == "truncated":
                text = trim_truncated(text) or ""
            if text and unfit_reason(text, source.article.title) is None:
                found.append(_Sentence(text, source, group, position, paragraph_index, len(found)))
                if len(found) == PER_SOURCE:
                    return found
            position += 1
    return found


def _normalised(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else values


def _centrality(similarity: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Mean over the other groups of each sentence's best match there; within its own article if it is alone."""
    distinct = sorted(set(groups.tolist()))
    if len(distinct) < 2:
        n = len(groups)
        if n < 2:
            return np.ones(n, dtype=np.float32)
        return (similarity.sum(axis=1) - np.diag(similarity)) / (n - 1)
    best = np.stack([similarity[:, groups == g].max(axis=1) for g in distinct], axis=1)
    own = groups[:, None] == np.array(distinct)[None, :]
    return np.where(own, 0.0, best).sum(axis=1) / (len(distinct) - 1)


def _echo_refs(
    index: int, pool: list[_Sentence], similarity: Similarity, pool_numbers: list[frozenset[float]]
) -> tuple[int, ...]:
    """Refs of the sources that state sentence `index` too (the same statement, no number it lacks); one per
    group of copies, the best-matching member."""
    sentence = pool[index]
    best: dict[int, tuple[float, int]] = {}
    for j in np.flatnonzero(similarity.same_statement[index]):
        other = pool[j]
        if other.group == sentence.group or not pool_numbers[index] <= pool_numbers[j]:
            continue
        score = (float(similarity.blended[index, j]), -other.source.ref)
        if other.group not in best or score > best[other.group]:
            best[other.group] = score
    return tuple(sorted({sentence.source.ref} | {-ref for _, ref in best.values()}))


def _states_shared_figure(pool: list[_Sentence], facts: Sequence[Fact]) -> np.ndarray:
    """1 for a sentence that the figures engine read a figure from which two or more independent outlets report
    (whether they agree or not), else 0."""
    quotes = [" ".join(q.split()) for fact in facts if fact.verdict != "single" for v in fact.values for q in v.quotes]
    return np.array([1.0 if any(s.text in q or q in s.text for q in quotes) else 0.0 for s in pool], dtype=np.float32)


def _salience(
    pool: list[_Sentence], similarity: np.ndarray, title_similarity: np.ndarray, facts: Sequence[Fact]
) -> np.ndarray:
    groups = np.array([s.group for s in pool])
    centrality = _normalised(_centrality(similarity, groups))
    headlines = _normalised(title_similarity.mean(axis=1)) if title_similarity.size else np.zeros(len(pool))
    position = 1.0 / np.sqrt(1.0 + np.array([s.rank for s in pool], dtype=np.float32))
    score = WEIGHT_CENTRALITY * centrality + WEIGHT_HEADLINES * headlines + WEIGHT_POSITION * position
    score = score + WEIGHT_SHARED_FIGURE * _states_shared_figure(pool, facts)
    length = np.array([min(1.0, len(words(s.text)) / FULL_LENGTH_WORDS) for s in pool])
    context = np.array([CONTEXT_PENALTY if leans_on_context(s.text) else 1.0 for s in pool])
    return score * length * context


def _mmr_order(
    scores: np.ndarray, similarity: np.ndarray, same: np.ndarray, groups: list[int], limit: int | None
) -> list[int]:
    """Indices in pick order by maximal marginal relevance. A sentence stating the same as a pick (`same`) is
    dropped: its outlet is cited on the pick instead."""
    n = len(scores)
    redundancy = np.zeros(n, dtype=np.float32)
    available = np.ones(n, dtype=bool)
    covered: set[int] = set()
    order: list[int] = []
    while available.any() and (limit is None or len(order) < limit):
        bonus = np.array([0.0 if g in covered else NEW_OUTLET_BONUS for g in groups])
        value = MMR_LAMBDA * scores - (1 - MMR_LAMBDA) * redundancy + bonus
        pick = int(np.argmax(np.where(available, value, -np.inf)))  # ties: the earlier sentence
        order.append(pick)
        covered.update(groups[j] for j in np.flatnonzero(same[:, pick]))  # outlets stating it are represented
        redundancy = np.maximum(redundancy, similarity[:, pick])
        available &= ~same[:, pick]
        available[pick] = False
    return order


def salient_sentences(
    story_input: StoryInput, *, settings: Settings | None = None, limit: int | None = None
) -> list[Candidate]:
    """The story's fit sentences, most salient first, redundancy removed, every outlet represented early.

    Sentences come from the originals only (a copy's sentences are its original's); `limit` stops after that
    many picks.
    """
    sources = story_input.story.sources
    by_ref = {s.ref: s for s in sources}
    groups = {s.ref: _group_of(s, by_ref) for s in sources}
    everything = [sentence for s in sources for sentence in _fit_sentences(s, groups[s.ref])]
    if not everything:
        return []
    titles = [s.article.title for s in sources if groups[s.ref] == s.ref and s.article.title.strip()]
    n = len(everything)
    measured = similarity([s.text for s in everything] + titles, settings)
    blended = measured.blended
    sentences = Similarity(measured.lexical[:n, :n], measured.semantic[:n, :n])
    scores = _salience(everything, blended[:n, :n], blended[:n, n:], story_input.facts)

    candidates = [i for i, s in enumerate(everything) if s.group == s.source.ref]
    among = np.ix_(candidates, candidates)
    picked = _mmr_order(
        scores[candidates],
        blended[:n, :n][among],
        sentences.same_statement[among],
        [everything[i].group for i in candidates],
        limit,
    )
    pool_numbers = [mentioned_values(s.text) for s in everything]
    result = []
    for k in picked:
        i = candidates[k]
        s = everything[i]
        refs = _echo_refs(i, everything, sentences, pool_numbers)
        result.append(Candidate(s.text, s.source.ref, float(scores[i]), s.position, s.paragraph, refs))
    return result
