"""Read the counted figures of an article: each number with its unit, qualifier, what it counts, what happened,
where, when, who did it and who says so.

A number is a counted figure only when the sentence says what it counts (a noun, a unit, or a predicate such as
"killed two"); dates, times, years, ordinals, scores, phone numbers, versions and names with digits are not.
Cost is bounded: only the first MAX_ARTICLE_CHARS are read, paragraphs are cut into chunks, and over-long or
table-like sentences are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from brief.figures import context
from brief.figures.lexicon import TENS, UNITS, VAGUE_PLURALS
from brief.figures.meaning import MeaningReader, counted_key, predicate_ending_at
from brief.figures.numbers import is_pronoun_one
from brief.figures.places import Place, resolve
from brief.figures.quantity import QuantityReader, interval
from brief.figures.situation import SituationReader
from brief.figures.vocabulary import CURRENCIES, LEVEL_VERBS, NOUN_PREDICATES, PEOPLE_PREDICATES
from brief.text import normalize_whitespace, paragraphs, split_sentences

MAX_ARTICLE_CHARS = 300_000  # figures are read from the first 300k characters (a long article has ~50k)
MAX_SENTENCE_CHARS = 1_000  # longer "sentences" are tables, lists or junk
MAX_CHUNK_CHARS = 2_000  # paragraphs are cut into chunks of this size before sentence splitting
MAX_NUMBERS_PER_SENTENCE = 12  # more numbers than this in one sentence: a table row or a list
# "52 votes in favour and 47 against": the second figure counts what the first counts
_ELLIPSIS_BEFORE = frozenset({"and", "or", "vs", "versus", "against", "with"})
_PROJECTILES = frozenset({"drones", "missiles", "rockets", "shells", "bombs", "aircraft", "helicopters"})
_OUTLAY_PREDICATES = frozenset({"paid", "cost", "voted", "won", None})
_INHERIT_BEFORE = frozenset({"including", "includes", "include", "among", "incl"})
# a cheap test before a sentence is read: a digit or a number word
_MAY_HOLD_NUMBER = re.compile(r"\d|\b(?:" + "|".join(sorted(set(UNITS) | set(TENS) | set(VAGUE_PLURALS) | {
    "dozen", "half", "hundred", "thousand", "million", "billion", "third", "thirds", "quarter", "quarters",
    "fifth", "fifths", "tenth"})) + r")\b", re.IGNORECASE)
# "two people familiar with the matter": the figure is part of who says it
_SOURCE_WORDS = frozenset({"familiar", "conversant", "briefed", "knowledgeable", "close"})


@dataclass(frozen=True)
class Claim:
    """One figure as one source states it, with everything that tells which quantity it is."""

    ref: int
    origin: int  # the ref of the original when this source is a copy, else its own ref
    published: datetime | None
    position: tuple[int, int]  # (sentence index, character) in the article: the reading order
    value: float
    low: float
    high: float
    unit: str | None
    qualifier: str | None
    text: str
    quote: str
    noun: str  # canonical key of what is counted ("drones", "people", "territory")
    noun_text: str  # what is counted, as written
    predicate: str | None  # canonical event ("killed", "downed"), None when the text names none
    scope: Place | None
    attacker: str | None
    target: str | None
    anchor: str | None  # a time anchor such as "day:saturday", "night", "year:2022"
    rate: str | None  # "per night" for rates
    forecast: bool
    with_attacker: bool | None
    attribution: str | None


class _SentenceReader(QuantityReader, MeaningReader, SituationReader):
    """Reads the figures of one sentence."""

    def read(self) -> list[Claim]:
        if len(self.numbers) > MAX_NUMBERS_PER_SENTENCE:
            return []
        if self.sentence.count("|") >= 2 or "\t" in self.sentence:
            return []
        for k in range(len(self.numbers)):
            if k in self.skip:
                continue
            claim = self.read_number(k)
            if claim is not None:
                self.claims.append(claim)
        return self.claims

    def read_number(self, k: int) -> Claim | None:
        n = self.numbers[k]
        if n.value is None or n.kind in ("junk", "dotted", "ordinal") or n.attached:
            return None
        if is_pronoun_one(self.sentence, n, self.tokens) or n.text.lower().endswith("s") and not n.words:
            return None  # "one of which", "the 1990s"
        a = n.first_token
        if self.not_a_quantity(k, n):
            return None
        unit, value, end, compound, precision = self.unit(n)
        if unit is False:
            return None
        q_start, qualifier = self.qualifier_before(a)
        if self.is_duration_moment(q_start, end, unit, compound):
            return None
        low_high = self.range_after(k, end, value, unit)
        if low_high is not None:
            (low, high), end = low_high
            qualifier = "between"
        else:
            after = self.qualifier_after(end)
            if after:
                qualifier, end = after[0], after[1]
            if qualifier is None and n.low is not None:  # "a dozen", vague plurals
                qualifier = "about" if n.kind == "cardinal" else n.text.lower()
                low, high = n.low, n.high
            else:
                if qualifier and n.kind == "fraction":
                    precision = 0.0  # "about a quarter": the qualifier already says how loose it is
                low, high = interval(value, qualifier, precision)
        if self.is_old_value_of_change(q_start, end):
            return None
        noun_words, noun_end, inherit = self.noun_after(end, unit)
        noun = counted_key(noun_words)
        predicate = self.predicate(q_start, a, max(end, noun_end), noun_words)
        head = self.claims[-1] if self.claims else None
        if noun is None and (inherit or self.w(q_start - 1) in _INHERIT_BEFORE) and head is not None:
            noun, noun_words = head.noun, head.noun_text.split()
            if predicate is None:
                predicate = head.predicate
        if noun is None:
            subject = self.subject_before(q_start)
            if subject:
                noun, noun_words = counted_key(subject), subject
                predicate = predicate or NOUN_PREDICATES.get(subject[-1])
        if noun is None and predicate in PEOPLE_PREDICATES and unit is None:
            noun, noun_words = "people", ["people"]
        if noun is None and unit in CURRENCIES and predicate is not None:
            noun, noun_words = "amount", ["amount"]  # "agreed to pay $3.2 billion": the amount paid
        elliptic = self.w(q_start - 1) in LEVEL_VERBS or self.w(q_start - 1) in _ELLIPSIS_BEFORE or (
            predicate is not None and predicate_ending_at(self.tokens, q_start - 1) is not None)
        if noun is None and head is not None and elliptic and unit == head.unit:
            noun, noun_words, predicate = head.noun, head.noun_text.split(), predicate or head.predicate
        if noun == "votes":
            predicate = self.vote_side(q_start, max(end, noun_end)) or predicate
        if noun in _PROJECTILES and predicate == "destroyed":
            predicate = "downed"  # a drone destroyed in the air is a drone shot down
        if unit in CURRENCIES and predicate in _OUTLAY_PREDICATES:
            predicate = "paid"  # pledged, approved, cost, paid: the same amount in other words
        if noun is None or _SOURCE_WORDS & {self.w(noun_end + 1), *noun_words} or self.in_according_to(a):
            return None
        if self.w(q_start - 1) == "the" and self.w(q_start - 2) == "of" and not noun_words:
            return None
        if value == 1 and n.words and predicate is None and unit is None:
            return None  # "one quick motion": a single thing is not a figure worth comparing
        last = max(end, noun_end)
        text = self.sentence[self.tokens[q_start].start:self.tokens[last].end]
        return self.build(k, n, value, low, high, unit, qualifier, text, noun, noun_words, predicate, q_start, last,
                          head)

    def build(self, k, n, value, low, high, unit, qualifier, text, noun, noun_words, predicate, q_start, last, head):
        seg_start, seg_end = context.segment_of(self.bounds, n.first_token)
        attacker, target, target_place = self.sides(n.first_token, last, predicate)
        scope = self.scope(k, n.first_token, seg_start, seg_end) or target_place
        anchor = self.anchor(n.first_token, seg_start, seg_end)
        inherits = self.w(q_start - 1) in _INHERIT_BEFORE and head is not None
        if inherits:
            attacker, target = attacker or head.attacker, target or head.target
            anchor = anchor or head.anchor
        country = target or self.first_actor()
        rest = self.sentence[self.tokens[last].end:self.tokens[seg_end - 1].end]
        rate = context.rate_after(rest) or context.rate_before(
            self.sentence[self.tokens[seg_start].start:self.tokens[q_start].start])
        return Claim(
            ref=self.ref, origin=self.origin, published=self.published, position=(self.index, n.start),
            value=value, low=low, high=high, unit=unit, qualifier=qualifier, text=text, quote=self.sentence,
            noun=noun, noun_text=" ".join(noun_words), predicate=predicate, scope=resolve(scope, country),
            attacker=attacker, target=target, anchor=anchor, rate=rate,
            forecast=self.is_forecast(seg_start, q_start, last),
            with_attacker=context.with_attacker(self.sentence) if predicate in PEOPLE_PREDICATES else None,
            attribution=context.attribution(self.sentence, self.tokens, self.bounds, n.first_token),
        )


def article_claims(text: str, ref: int, origin: int | None = None, published: datetime | None = None) -> list[Claim]:
    """Every counted figure of one article, in reading order."""
    claims: list[Claim] = []
    index = 0
    for paragraph in paragraphs(normalize_whitespace(text[:MAX_ARTICLE_CHARS])):
        for chunk in _chunks(paragraph):
            if not _MAY_HOLD_NUMBER.search(chunk):
                index += 1
                continue
            for sentence in split_sentences(chunk):
                if len(sentence) <= MAX_SENTENCE_CHARS and _MAY_HOLD_NUMBER.search(sentence):
                    claims.extend(_SentenceReader(sentence, ref, ref if origin is None else origin, published,
                                                  index).read())
                index += 1
    return claims


def _chunks(paragraph: str) -> list[str]:
    """Cut an over-long paragraph at spaces so that sentence splitting stays cheap."""
    if len(paragraph) <= MAX_CHUNK_CHARS:
        return [paragraph]
    chunks, start = [], 0
    while start < len(paragraph):
        end = min(len(paragraph), start + MAX_CHUNK_CHARS)
        if end < len(paragraph):
            space = paragraph.rfind(" ", start + MAX_CHUNK_CHARS // 2, end)
            end = space if space > start else end
        chunks.append(paragraph[start:end])
        start = end
    return chunks
