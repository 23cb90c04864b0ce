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
from brief.figures.meaning import INHERIT_BEFORE, MeaningReader, is_adverb, singular
from brief.figures.places import Place, resolve
from brief.figures.numbers import Number
from brief.figures.quantity import Quantity, QuantityReader
from brief.figures.situation import SituationReader
from brief.figures.vocabulary import PEOPLE_PREDICATES, PREDICATE_OF, SHARED_OUT, UNSTATED
from brief.text import normalize_whitespace, paragraphs, split_sentences

MAX_ARTICLE_CHARS = 300_000  # figures are read from the first 300k characters (a long article has ~50k)
MAX_SENTENCE_CHARS = 1_000  # longer "sentences" are tables, lists or junk
MAX_CHUNK_CHARS = 2_000  # paragraphs are cut into chunks of this size before sentence splitting
MAX_NUMBERS_PER_SENTENCE = 12  # more numbers than this in one sentence: a table row or a list
# a cheap test before a sentence is read: a digit or a number word
_MAY_HOLD_NUMBER = re.compile(r"\d|\b(?:" + "|".join(sorted(set(UNITS) | set(TENS) | set(VAGUE_PLURALS) | {
    "dozen", "half", "hundred", "thousand", "million", "billion", "third", "thirds", "quarter", "quarters",
    "fifth", "fifths", "tenth"})) + r")\b", re.IGNORECASE)
# "a cap of 28 pupils per class", "capped at 30", "limit class sizes to 25": a limit ("a maximum of 30" is read
# as "at most 30", and may be the highest value seen)
_LIMIT_RE = re.compile(r"\b(?:caps?|capped|capping|limits?|limited|limiting|ceilings?)\b"
                       r"(?:\s+[\w-]+){0,3}?\s+(?:of|at|to)\s+(?:about\s+|around\s+|some\s+|\$|€|£)?$",
                       re.IGNORECASE)
# verbs of holding: "one in four classes has more than 30 pupils" counts pupils per class
_HOLDING_VERBS = frozenset({"has", "have", "had", "holds", "hold", "held"})
# "two people familiar with the matter": the figure is part of who says it
_SOURCE_WORDS = frozenset({"familiar", "conversant", "briefed", "knowledgeable", "close"})
# "the two leaders", "these three groups": a small count after these points at things the story already names,
# unless they are a toll ("the three victims" may be the only count of the dead an article gives)
_KNOWN_BEFORE = frozenset({"the", "these", "those"})
_TOLL_NOUNS = frozenset({"victims", "dead", "casualties", "fatalities", "bodies", "wounded", "injured"})


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
    holder: str | None = None  # whose share or votes: "Smith won 52%" -> "smith"
    written: str | None = None  # the amount in the source's words when it is no plain number ("about two-thirds")
    named: bool = True  # False when the words after a count name no thing ("two of former", "22 bank")
    limit: bool = False  # a cap, limit or maximum ("a cap of 28 pupils per class"), not a count of what is
    aside: bool = False  # a detail of a person quoted, not of the news ("a delivery driver with two children")


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
        q = self.quantity(k, n)
        if q is None:
            return None
        meaning = self.meaning(q, k)
        if meaning is None:
            return None
        noun, noun_words, noun_end, predicate, named = meaning
        if _SOURCE_WORDS & {self.w(noun_end + 1), *noun_words} or self.in_according_to(n.first_token):
            return None  # "two people familiar with the matter" is who says it
        if q.value == 1 and n.words and predicate not in PEOPLE_PREDICATES and q.unit is None:
            return None  # "one quick motion", "a cut on one flipper": a single thing is not worth comparing
        if q.value in (2, 3) and q.unit is None and predicate is None and self.w(q.start - 1) in _KNOWN_BEFORE \
                and not _TOLL_NOUNS & set(noun_words):
            return None  # "the two leaders met", "the two Koreas": who they are, not a figure
        last = max(q.end, noun_end)
        text = self.sentence[self.tokens[q.start].start:self.tokens[last].end]
        return self.build(k, n, q, text, noun, noun_words, predicate, last, named)

    def build(self, k, n, q, text, noun, noun_words, predicate, last, named=True) -> Claim:
        seg_start, seg_end = context.segment_of(self.bounds, n.first_token)
        attacker, target, target_place = self.sides(n.first_token, last, predicate)
        scope = self.scope(k, n.first_token, seg_start, seg_end, last) or target_place
        anchor = self.anchor(n.first_token, seg_start, seg_end)
        head = self.claims[-1] if self.claims else None
        if head is not None and self.w(q.start - 1) in INHERIT_BEFORE:  # "including 91 over the capital"
            attacker, target = attacker or head.attacker, target or head.target
            anchor = anchor or head.anchor
        country = target or self.first_actor()
        rest = self.sentence[self.tokens[last].end:self.tokens[seg_end - 1].end]
        rate = context.rate_after(rest) or context.rate_before(
            self.sentence[self.tokens[seg_start].start:self.tokens[q.start].start]) or self.per_each(q.start,
                                                                                                   seg_start)
        if rate is not None and anchor is not None and self.today_is_now(anchor):
            anchor = None  # "Today, the buses carry about 18,000 passengers a day": nowadays, not on one day
        # whose share or votes ("Smith won 52%"); the subject of a tally ("the council voted 41 to 35") is the body
        # that votes, not a holder of one side, and the side already tells the counts apart
        holder = self.holder(q.start, noun) if (q.unit == "%" or noun in SHARED_OUT) and k not in self.tallies \
            else None
        if q.unit == "%" and noun == UNSTATED and predicate is None and holder is None:
            named = False  # "17 percent": a share of nothing the sentence names
        return Claim(
            ref=self.ref, origin=self.origin, published=self.published, position=(self.index, n.start),
            value=q.value, low=q.low, high=q.high, unit=q.unit, qualifier=q.qualifier, text=text, quote=self.sentence,
            noun=noun, noun_text=self.as_written(noun_words, q.start, last), predicate=predicate,
            scope=resolve(scope, country),
            attacker=attacker, target=target, anchor=anchor, rate=rate,
            forecast=self.is_forecast(seg_start, q.start, last,
                                      self.verb_index(n.first_token, last, seg_start, seg_end, predicate)),
            with_attacker=context.with_attacker(self.sentence) if predicate in PEOPLE_PREDICATES else None,
            attribution=context.attribution(self.sentence, self.tokens, self.bounds, n.first_token),
            holder=holder, written=self.written(n, q), named=named,
            limit=bool(_LIMIT_RE.search(self.sentence[self.tokens[seg_start].start:n.start])),
            aside=self.about_a_speaker(q.start, last, seg_start, seg_end),
        )

    def about_a_speaker(self, start: int, last: int, seg_start: int, seg_end: int) -> bool:
        """A detail of a person quoted rather than of the news: an aside after a name ('said Tom Whelan, a
        delivery driver with two children') or a speaker's own ('I have 34 children in my Year 5 class')."""
        if self.w(seg_start) in ("a", "an") and self.w(start - 1) == "with" and seg_start >= 2 and \
                self.w(seg_start - 1) == "," and self.tokens[seg_start - 2].text[:1].isupper() and \
                not any(self.w(i) in PREDICATE_OF for i in range(seg_start, start)):
            return True
        first_person = any(self.tokens[i].text == "I" and self.w(i + 1) in ("have", "had", "'ve", "’ve")
                           for i in range(max(seg_start, start - 3), start))
        return first_person and any(self.w(i) in ("my", "our") for i in range(last + 1, seg_end))

    def per_each(self, start: int, seg_start: int) -> str | None:
        """'one in four classes now has more than 30 pupils', 'each class has 30 pupils': what each of the things
        before the verb holds is a count per thing ('per class'), not a total."""
        i = start - 1
        while i > seg_start and (is_adverb(self.w(i)) or self.w(i) in ("now", "still", "also", "already")):
            i -= 1
        if self.w(i) not in _HOLDING_VERBS:
            return None
        for j in range(seg_start, i - 1):
            if self.w(j) in ("each", "every") and self.is_word(j + 1):
                return "per " + singular(self.w(j + 1))
        head = self.claims[-1] if self.claims else None
        if head is not None and head.unit == "%" and head.noun != UNSTATED and \
                head.position[1] >= self.tokens[seg_start].start:
            return "per " + singular(head.noun_text.split()[-1].lower())  # "one in four primary classes"
        return None

    def as_written(self, words: list[str], start: int, last: int) -> str:
        """The words of what is counted with the capitals the source gives them ('European leaders', 'U.S.
        troops', 'FBI agents'), except a word that opens the sentence ('Turnout was 62%') or a shouted one."""
        if self.sentence.isupper():
            return " ".join(words)
        before = self.sentence[:self.tokens[last].end]  # the noun, or the subject of a level before the figure
        shown = []
        for word in words:
            found = list(re.finditer(r"(?<![\w.])" + re.escape(word) + r"(?!\w)", before, re.IGNORECASE))
            if not found and word.endswith("s"):  # "183 CD's" are CDs
                found = list(re.finditer(r"(?<![\w.])(" + re.escape(word[:-1]) + r")['’]s\b", before, re.IGNORECASE))
                if found and found[-1].group(1).isupper():
                    shown.append(found[-1].group(1) + "s")
                    continue
            m = found[-1] if found else None
            shown.append(m.group(0) if m is not None and m.start() > 0 and m.group(0) != word else word)
        return " ".join(shown)

    def written(self, n: Number, q: Quantity) -> str | None:
        """A fraction or vague amount as the source words it ("about two-thirds", "dozens"): shown as such, since
        its value (66.7%, at least 24) is a number no source gave."""
        if n.kind not in ("fraction", "vague"):
            return None
        return " ".join(self.sentence[self.tokens[q.start].start:self.tokens[n.last_token].end].lower().split())


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
