"""Citations and the number guard for generated text: a model's sentence stays only when sources back it.

Each generated sentence is matched to the source sentences that share its content words (greedy cover: the best
match first, then sentences that add what is still missing) and cites their sources. A sentence is dropped when
its cited sentences hold too few of its content words, or when it states a number (in digits or words,
normalised by brief.figures.numbers) that none of its cited sentences states.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from brief.figures.numbers import mentioned_values
from brief.summarize.headline import usable_headline
from brief.summarize.lexical import content_stems
from brief.summarize.salience import Candidate
from brief.text import split_sentences
from brief.types import SummarySentence

SUPPORT = 0.6  # share of a generated sentence's content words that its cited sentences must contain
FIRST_MATCH = 2  # content words the best-matching source sentence must share
MIN_GAIN = 2  # content words a further cited sentence must add
MAX_CITED = 3  # source sentences one generated sentence may rest on
REPEAT = 0.8  # a sentence sharing this much of its content with an earlier one repeats it
_MARKERS = re.compile(r"\s*\[\d+\]")
_ENDS = ('.', '!', '?', '"', "”", "'", "’", ")")


@dataclass(frozen=True)
class CitedSentence:
    sentence: SummarySentence
    own_ref: int  # the source of the best-matching source sentence: whose claim the sentence mainly repeats


@dataclass(frozen=True)
class CheckedSummary:
    sentences: tuple[CitedSentence, ...]
    dropped: tuple[str, ...]  # generated sentences no source supports or with a number no cited source gives


@dataclass(frozen=True)
class _Source:
    candidate: Candidate
    stems: frozenset[str]
    values: frozenset[float]


class SupportPool:
    """The source sentences a story's generated text may rest on, prepared once per story."""

    def __init__(self, candidates: Sequence[Candidate]):
        self.sources = [_Source(c, frozenset(content_stems(c.text)), mentioned_values(c.text)) for c in candidates]

    def _best(self, stems: set[str], exclude: list[_Source]) -> tuple[_Source | None, int]:
        best, gain = None, 0
        for source in self.sources:  # ties go to the earlier, more salient sentence
            overlap = len(source.stems & stems)
            if overlap > gain and all(source is not taken for taken in exclude):
                best, gain = source, overlap
        return best, gain

    def cite(self, sentence: str) -> CitedSentence | None:
        """`sentence` with the refs backing it, or None when it is unsupported or states a number they do not."""
        stems = set(content_stems(sentence))
        if not stems:
            return None
        cited: list[_Source] = []
        missing = set(stems)
        while len(cited) < MAX_CITED and missing:
            best, gain = self._best(missing, cited)
            if best is None or gain < (min(FIRST_MATCH, len(stems)) if not cited else MIN_GAIN):
                break
            cited.append(best)
            missing -= best.stems
        if not cited or len(missing) > (1 - SUPPORT) * len(stems):
            return None
        for value in sorted(mentioned_values(sentence)):
            if any(value in source.values for source in cited):
                continue
            holders = [s for s in self.sources if value in s.values and len(s.stems & stems) >= FIRST_MATCH]
            if not holders:
                return None
            cited.append(max(holders, key=lambda s: len(s.stems & stems)))
        refs = tuple(sorted({ref for source in cited for ref in source.candidate.refs}))
        return CitedSentence(SummarySentence(sentence, refs), cited[0].candidate.ref)

    def states_everything_in(self, text: str) -> bool:
        """True when the pool as a whole holds enough of `text`'s content words and every number in it."""
        stems = set(content_stems(text))
        known = set().union(*(s.stems for s in self.sources)) if self.sources else set()
        values = set().union(*(s.values for s in self.sources)) if self.sources else set()
        return bool(stems) and len(stems & known) >= SUPPORT * len(stems) and mentioned_values(text) <= values


def generated_sentences(text: str) -> list[str]:
    """The sentences of a model's output, any [n] markers it imitated removed."""
    cleaned = " ".join(_MARKERS.sub("", text).split())
    return split_sentences(cleaned) if cleaned else []


def _repeats(stems: set[str], kept: list[set[str]]) -> bool:
    return any(len(stems & other) >= REPEAT * min(len(stems), len(other)) for other in kept if other)


def check_summary(text: str, pool: SupportPool, max_sentences: int) -> CheckedSummary:
    """The supported sentences of `text` with their refs (at most `max_sentences`), and the dropped ones.

    A last sentence cut off by the length limit (no closing punctuation) is dropped; a sentence repeating an
    earlier one is left out silently (models repeat themselves; that is not a claim without a source).
    """
    kept: list[CitedSentence] = []
    kept_stems: list[set[str]] = []
    dropped: list[str] = []
    found = generated_sentences(text)
    for index, sentence in enumerate(found):
        if len(kept) == max_sentences:
            break
        if index == len(found) - 1 and not sentence.endswith(_ENDS):
            dropped.append(sentence)
            continue
        cited = pool.cite(sentence)
        if cited is None:
            dropped.append(sentence)
            continue
        stems = set(content_stems(sentence))
        if _repeats(stems, kept_stems):
            continue
        kept.append(cited)
        kept_stems.append(stems)
    return CheckedSummary(tuple(kept), tuple(dropped))


def check_headline(text: str, pool: SupportPool) -> str | None:
    """A generated headline fit to print: one line of the right length whose words and numbers the sources give."""
    headline = " ".join(_MARKERS.sub("", text).split()).rstrip(" .")
    return headline if usable_headline(headline) and pool.states_everything_in(headline) else None
