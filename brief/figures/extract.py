"""Read the counted figures of an article: each number with its unit, qualifier, what it counts, what happened,
where, when, who did it and who says so.

A number is a counted figure only when the sentence says what it counts (a noun, a unit, or a predicate such as
"killed two"); dates, times, years, ordinals, scores, phone numbers, versions and names with digits are not.
Cost is bounded: paragraphs are cut into chunks and over-long or table-like sentences are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from brief.figures import context
from brief.figures.lexicon import TENS, UNITS, VAGUE_PLURALS
from brief.figures.numbers import Number, Token, is_pronoun_one, scan
from brief.figures.places import Place, find_scope, resolve
from brief.figures.vocabulary import (
    AREA_PREFIXES,
    CHANGE_PREDICATES,
    COUNTED_PHRASES,
    COUNTED_SYNONYMS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    FORECAST_WORDS,
    IRREGULAR_SINGULARS,
    LABEL_WORDS,
    MEASURE_UNITS,
    NOUN_PREDICATES,
    PEOPLE_PREDICATES,
    PERCENT_WORDS,
    RATE_PERIODS,
    PREDICATE_PHRASES,
    PREDICATE_WORDS,
    QUALIFIER_BANDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    STOPWORDS,
    TIME_PHRASE_AFTER,
    TIME_PHRASE_BEFORE,
    TIME_UNITS,
)
from brief.text import normalize_whitespace, paragraphs, split_sentences

MAX_ARTICLE_CHARS = 300_000  # figures are read from the first 300k characters (a long article has ~50k)
MAX_SENTENCE_CHARS = 1_000  # longer "sentences" are tables, lists or junk
MAX_CHUNK_CHARS = 2_000  # paragraphs are cut into chunks of this size before sentence splitting
MAX_NUMBERS_PER_SENTENCE = 12  # more numbers than this in one sentence: a table row or a list
ANCHOR_REACH = 60  # characters: a time phrase further from the figure belongs to something else
SCOPE_REACH = 80  # characters after the figure in which its place is named

_MONTHS = frozenset({"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                     "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                     "november", "dec", "december"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_CLOCK_WORDS = frozenset({"am", "pm", "gmt", "utc", "bst", "est", "edt", "cet", "cest", "pst", "pdt", "et", "pt",
                          "hrs", "clock", "msk", "ist"})
_PREDICATE_OF = {word: event for event, words in PREDICATE_WORDS.items() for word in words}
_AUXILIARIES = frozenset({"were", "was", "had", "have", "has", "been", "are", "is", "being", "be", "reportedly",
                          "also", "later", "all", "now", "either", "allegedly", "believed", "feared", "confirmed",
                          "initially", "subsequently", "then", "so", "far", "mostly", "mainly", "either", "both"})
_GENERIC_NOUNS = frozenset({"figure", "figures", "number", "numbers", "total", "tally", "count", "estimate",
                            "estimates", "amount", "sum", "level", "rate", "times", "time", "percent", "point",
                            "points", "cent", "way", "ways", "thing", "things", "kind", "part", "parts", "lot",
                            "piece", "pieces", "side", "sides", "other", "others", "ones", "one", "more", "most",
                            "less", "top", "record", "high", "low", "half", "fraction", "share", "majority"})
_LINK_WORDS = frozenset({"the", "a", "an", "put", "puts", "estimated", "estimate", "estimates", "pegged", "placed"})
_CURRENCIES = frozenset(CURRENCY_WORDS.values()) | frozenset(CURRENCY_SYMBOLS.values())
# "52 votes in favour and 47 against": the second figure counts what the first counts
_ELLIPSIS_BEFORE = frozenset({"and", "or", "vs", "versus", "against", "with"})
_PROJECTILES = frozenset({"drones", "missiles", "rockets", "shells", "bombs", "aircraft", "helicopters"})
_OUTLAY_PREDICATES = frozenset({"paid", "cost", "voted", "won", None})
_INHERIT_BEFORE = frozenset({"including", "includes", "include", "among", "incl"})
_LEVEL_VERBS = frozenset({"was", "is", "were", "are", "at", "to", "reached", "hit", "stood", "totalled",
                          "totaled", "topped", "exceeded", "be", "been", "remained", "became", "by"})
_RANGE_JOINERS = frozenset({"to", "-", "–", "and", "or"})
# words that end a noun phrase after a figure although they are not function words
_NOT_NOUNS = frozenset({"overnight", "today", "yesterday", "tonight", "ago", "earlier", "later", "apiece", "alone",
                        "altogether", "combined", "respectively", "annually", "daily", "nightly", "weekly",
                        "monthly", "yearly", "before", "since", "now", "last", "next", "this", "away", "against",
                        "favour", "favor",
                        # common irregular verbs, which a noun phrase never ends in: "two of the three took"
                        "took", "made", "said", "went", "came", "gave", "got", "saw", "told", "held", "left", "met",
                        "ran", "began", "became", "fell", "rose", "won", "lost", "paid", "sent", "spent", "kept",
                        "brought", "thought", "found", "put", "set", "let", "did", "were", "was", "had", "have"})
# a cheap test before a sentence is read: a digit or a number word
_MAY_HOLD_NUMBER = re.compile(r"\d|\b(?:" + "|".join(sorted(set(UNITS) | set(TENS) | set(VAGUE_PLURALS) | {
    "dozen", "half", "hundred", "thousand", "million", "billion", "third", "thirds", "quarter", "quarters",
    "fifth", "fifths", "tenth"})) + r")\b", re.IGNORECASE)
# a clause about another moment: "after talks in Saudi Arabia" does not place the figure
_OTHER_EVENT_RE = re.compile(r"\b(?:after|before|during|following|ahead of|amid|since|when|as)\b", re.IGNORECASE)
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


def singular(word: str) -> str:
    """A crude English singular: 'casualties' -> 'casualty', 'drones' -> 'drone', 'people' stays."""
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def counted_key(words: list[str]) -> str | None:
    """Canonical key of what a noun phrase counts: 'unmanned aerial vehicles' -> 'drones'."""
    if not words:
        return None
    for size in (3, 2):
        for start in range(len(words) - size, -1, -1):
            key = COUNTED_PHRASES.get(tuple(words[start:start + size]))
            if key and start + size == len(words):
                return key
    known = [(i, COUNTED_SYNONYMS.get(w) or COUNTED_SYNONYMS.get(singular(w))) for i, w in enumerate(words)]
    known = [(i, key) for i, key in known if key]
    if known:
        # "voters cast ballots": two known nouns apart are noun + verb + noun, the first is what is counted
        if len(known) > 1 and known[-1][0] - known[-2][0] > 1:
            return known[0][1]
        return known[-1][1]
    head = words[-1]
    if head in _GENERIC_NOUNS:
        return None
    return singular(head)


_PHRASE_FIRST_WORDS = frozenset(words[0] for words in PREDICATE_PHRASES)
_PHRASE_LAST_WORDS = frozenset(words[-1] for words in PREDICATE_PHRASES)


def predicate_at(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """The predicate starting at token i (a phrase such as 'shot down' first) and its last token index."""
    for size in ((3, 2) if tokens[i].low in _PHRASE_FIRST_WORDS else ()):
        words = tuple(tokens[k].low for k in range(i, min(len(tokens), i + size)))
        if len(words) == size and words in PREDICATE_PHRASES:
            return PREDICATE_PHRASES[words], i + size - 1
    if tokens[i].kind == "word" and not _in_compound(tokens, i) and not _is_month_name(tokens[i]):
        return _PREDICATE_OF.get(tokens[i].low), i
    return None, i


def _is_month_name(token: Token) -> bool:
    return token.text[:1].isupper() and token.low in _MONTHS  # "March", "May": not verbs


def _in_compound(tokens: list[Token], i: int) -> bool:
    """Part of a hyphenated word ('high-rise', 'burnt-out'): not a verb of its own."""
    before = i > 0 and tokens[i - 1].text == "-" and tokens[i - 1].end == tokens[i].start
    after = i + 1 < len(tokens) and tokens[i + 1].text == "-" and tokens[i].end == tokens[i + 1].start
    return before or after


def predicate_ending_at(tokens: list[Token], i: int) -> str | None:
    """The predicate whose last token is i ('shot down' ending at 'down')."""
    for size in ((3, 2) if tokens[i].low in _PHRASE_LAST_WORDS else ()):
        if i - size + 1 >= 0:
            words = tuple(tokens[k].low for k in range(i - size + 1, i + 1))
            if words in PREDICATE_PHRASES:
                return PREDICATE_PHRASES[words]
    if tokens[i].kind == "word" and not _in_compound(tokens, i) and not _is_month_name(tokens[i]):
        return _PREDICATE_OF.get(tokens[i].low)
    return None


def interval(value: float, qualifier: str | None, precision: float = 0.0) -> tuple[float, float]:
    """The values a figure allows: exact, bounded by its qualifier, widened by the precision it is written in."""
    low_f, high_f, slack = QUALIFIER_BANDS.get(qualifier, (1.0, 1.0, 0.0))
    low = min(value * low_f, value - slack) if low_f < 1 else value * low_f
    high = max(value * high_f, value + slack) if high_f > 1 else value * high_f
    if qualifier == "more than":
        low = value + min(1.0, value * 0.01)
    return max(0.0, low - precision), high + precision


def _rounding(digits: str, value: float, always: bool = False) -> float:
    """Half a unit of the last written digit, for figures that are rounded by nature: scaled amounts
    ("1.2 million" = 1.15-1.25 million, "$3bn") and percentages ("62%" = 61.5-62.5). Plain counts are exact."""
    try:
        written = float(digits.replace(",", ""))
    except ValueError:
        return 0.0
    scale = value / written if written else 1.0
    if scale <= 1 and not always:
        return 0.0
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10 ** -decimals * scale


class _SentenceReader:
    """Reads the figures of one sentence."""

    def __init__(self, sentence: str, ref: int, origin: int, published: datetime | None, index: int):
        self.sentence = sentence
        self.ref, self.origin, self.published, self.index = ref, origin, published, index
        self.tokens: list[Token]
        self.numbers: list[Number]
        self.tokens, self.numbers = scan(sentence)
        self.bounds = context.segments(self.tokens)
        self.claims: list[Claim] = []
        self.skip: set[int] = set()  # numbers already read as the end of a range
        self.number_tokens = {i for n in self.numbers for i in range(n.first_token, n.last_token + 1)}
        self._actors: dict[int, str] | None = None
        self._attacks: list[context.Attack] | None = None
        self._anchors: list[tuple[int, str]] | None = None

    @property
    def actors(self) -> dict[int, str]:
        if self._actors is None:
            self._actors = context.actor_tokens(self.sentence, self.tokens)
        return self._actors

    @property
    def attacks(self) -> list[context.Attack]:
        if self._attacks is None:
            self._attacks = context.attacks(self.sentence, self.tokens, self.bounds, self.actors)
        return self._attacks

    @property
    def anchors(self) -> list[tuple[int, str]]:
        if self._anchors is None:
            self._anchors = context.anchors_in(self.sentence, self.published)
        return self._anchors

    # -- token helpers -------------------------------------------------------------------------------------------
    def w(self, i: int) -> str:
        return self.tokens[i].low if 0 <= i < len(self.tokens) else ""

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].kind == "word"

    def glued(self, i: int, j: int) -> bool:
        """Tokens i and j touch (no space between them)."""
        return 0 <= i < len(self.tokens) and 0 <= j < len(self.tokens) and self.tokens[i].end == self.tokens[j].start

    def number_at(self, i: int) -> int | None:
        for k, n in enumerate(self.numbers):
            if n.first_token == i:
                return k
        return None

    # -- reading -------------------------------------------------------------------------------------------------
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
        a, b = n.first_token, n.last_token
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
        if noun is None and unit in _CURRENCIES and predicate is not None:
            noun, noun_words = "amount", ["amount"]  # "agreed to pay $3.2 billion": the amount paid
        elliptic = self.w(q_start - 1) in _LEVEL_VERBS or self.w(q_start - 1) in _ELLIPSIS_BEFORE or (
            predicate is not None and predicate_ending_at(self.tokens, q_start - 1) is not None)
        if noun is None and head is not None and elliptic and unit == head.unit:
            noun, noun_words, predicate = head.noun, head.noun_text.split(), predicate or head.predicate
        if noun == "votes":
            predicate = self.vote_side(q_start, max(end, noun_end)) or predicate
        if noun in _PROJECTILES and predicate == "destroyed":
            predicate = "downed"  # a drone destroyed in the air is a drone shot down
        if unit in _CURRENCIES and predicate in _OUTLAY_PREDICATES:
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

    # -- what is not a quantity ----------------------------------------------------------------------------------
    def in_according_to(self, a: int) -> bool:
        seg_start, _ = context.segment_of(self.bounds, a)
        return any(self.w(i) == "according" and self.w(i + 1) == "to" for i in range(seg_start, a))

    def not_a_quantity(self, k: int, n: Number) -> bool:
        a, b = n.first_token, n.last_token
        before, after = self.w(a - 1), self.w(b + 1)
        if before == "." and a >= 2:
            before = self.w(a - 2)
        if before in _MONTHS or after in _MONTHS or (after == "of" and self.w(b + 2) in _MONTHS):
            return True  # "Feb. 28", "28 February"
        if (after == ":" and self.glued(b, b + 1)) or (before == ":" and self.glued(a - 1, a)):
            return True  # "9:30"
        if after in _CLOCK_WORDS or (after in ("a", "p") and self.w(b + 2) == "." and self.w(b + 3) == "m"):
            return True  # "9 a.m.", "0900 GMT"
        if after == "o" and self.w(b + 2) in ("'", "’"):
            return True  # "9 o'clock"
        if self.is_year(n):
            return True
        if before in LABEL_WORDS or before == "#" or (before == "." and self.w(a - 2) == "no"):
            return True  # "No. 3", "Route 66", "page 5"
        if self.is_name_number(n):
            return True
        if self.is_code(k, n):
            return True
        return False

    def is_year(self, n: Number) -> bool:
        if n.words or "," in n.text or "." in n.text or not 1000 <= n.value <= 2100 or n.value != int(n.value):
            return False
        nxt = self.w(n.last_token + 1)
        counted = COUNTED_SYNONYMS.get(nxt) or (nxt in PREDICATE_WORDS) or nxt in ("people", "drones", "troops")
        return not counted or self.w(n.first_token - 1) in ("in", "since", "by", "until", "from", "of", "year",
                                                            "before", "after", "during", "the", "early", "late")

    def is_name_number(self, n: Number) -> bool:
        """'Boeing 737', 'Windows 11': a capitalised word (not starting the sentence) right before the number."""
        a = n.first_token
        if a < 2 or not self.is_word(a - 1):
            return False
        prev = self.tokens[a - 1].text
        if not prev[:1].isupper() or prev.lower() in _MONTHS or prev.lower() in _WEEKDAYS:
            return False
        if prev.lower() in STOPWORDS or (prev.lower(),) in QUALIFIERS_BEFORE:
            return False
        return not self.is_word(n.last_token + 1) or self.w(n.last_token + 1) in STOPWORDS

    def is_code(self, k: int, n: Number) -> bool:
        """Scores ('3-1'), phone numbers ('555-0123', '+44 20 7946 0958') and other digit codes."""
        a, b = n.first_token, n.last_token
        if n.words:
            return False
        if self.w(a - 1) == "+" or (self.w(a - 1) == "(" and self.w(b + 1) == ")" and self.next_is_digits(b + 2)):
            return True
        joined = self.w(b + 1) in ("-", "–", "/") and self.glued(b, b + 1) and self.glued(b + 1, b + 2) \
            and self.tokens[b + 2].kind == "num" if b + 2 < len(self.tokens) else False
        joined_before = self.w(a - 1) in ("-", "–", "/") and self.glued(a - 1, a) and a >= 2 \
            and self.tokens[a - 2].kind == "num" and self.glued(a - 2, a - 1)
        if joined_before:
            return (k - 1) not in self.skip  # the second half of a score or code; ranges were read already
        if joined:
            other = self.numbers[k + 1] if k + 1 < len(self.numbers) else None
            if other is None or other.value is None:
                return True
            follows = self.w(other.last_token + 1)
            is_range = other.value > n.value and (self.is_word(other.last_token + 1) and follows not in STOPWORDS
                                                  or follows == "%")
            return not is_range or len(n.text) >= 3 and len(other.text) >= 4  # 555-1234 is a phone number
        run = 0
        i = b + 1
        while i < len(self.tokens) and self.tokens[i].kind == "num" and self.tokens[i].start - self.tokens[i - 1].end == 1:
            run += 1
            i += 1
        return run >= 2  # three digit groups separated by spaces: a phone or account number

    def next_is_digits(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].kind == "num"

    def is_duration_moment(self, q_start: int, end: int, unit: str | None, compound: bool) -> bool:
        """'after eight hours of talks', 'in the past 10 days', 'three years ago', 'a 45-year-old man'."""
        if unit not in TIME_UNITS:
            return False
        if compound and self.w(end + 1) == "-" and self.w(end + 2) == "old":
            return True
        before = self.w(q_start - 1)
        if before in TIME_PHRASE_BEFORE - {"over", "first"} or before == "aged":
            return True
        if before == "the" and self.w(q_start - 2) in TIME_PHRASE_BEFORE:
            return True
        return not compound and self.w(end + 1) in TIME_PHRASE_AFTER

    # -- unit, qualifier, range ----------------------------------------------------------------------------------
    def unit(self, n: Number):
        """(unit, value, last token, compound, precision); unit False when the number is not a quantity."""
        a, b = n.first_token, n.last_token
        value = float(n.value)
        precision = _rounding(self.tokens[a].text, value) if not n.words else 0.0
        currency = self.currency_before(a)
        suffix = n.text[-1].lower() if not n.words and n.text[-1].isalpha() else ""
        if suffix in ("m", "k", "b") and currency is None and self.w(b + 1) not in CURRENCY_WORDS:
            return False, value, b, False, precision  # "100m" is a distance, "5k" a race
        if currency:
            return currency, value, b, False, precision
        nxt = self.w(b + 1)
        if nxt in CURRENCY_WORDS and nxt != "won":
            return CURRENCY_WORDS[nxt], value, b + 1, False, precision
        if nxt == "%":
            return "%", value, b + 1, False, _rounding(self.tokens[a].text, value, always=True)
        for words, unit in PERCENT_WORDS.items():
            if tuple(self.w(b + 1 + i) for i in range(len(words))) == words:
                return unit, value, b + len(words), False, _rounding(self.tokens[a].text, value, always=True)
        if n.kind == "fraction":
            return "%", round(value * 100, 1), b, False, 1.5
        compound = nxt == "-" and self.glued(b, b + 1)
        i = b + 2 if compound else b + 1
        area = ""
        if self.w(i) in AREA_PREFIXES:
            area, i = "sq ", i + (2 if self.w(i + 1) == "." else 1)
        if self.w(i) in MEASURE_UNITS:
            return area + MEASURE_UNITS[self.w(i)], value, i, compound, precision
        return None, value, b, False, precision

    def currency_before(self, a: int) -> str | None:
        prev = self.tokens[a - 1].text if a >= 1 else ""
        if prev in CURRENCY_SYMBOLS and self.glued(a - 1, a):
            if prev == "$" and a >= 2 and self.glued(a - 2, a - 1) and self.w(a - 2) in DOLLAR_PREFIXES:
                return DOLLAR_PREFIXES[self.w(a - 2)]
            return CURRENCY_SYMBOLS[prev]
        if a >= 1 and self.tokens[a - 1].text.isupper() and self.w(a - 1) in CURRENCY_WORDS and len(prev) == 3:
            return CURRENCY_WORDS[self.w(a - 1)]  # "USD 20"
        return None

    def qualifier_before(self, a: int) -> tuple[int, str | None]:
        """Start token of the figure (qualifier and currency sign included) and its canonical qualifier."""
        start = a
        if a >= 1 and self.tokens[a - 1].text in CURRENCY_SYMBOLS:
            start = a - 1
            if a >= 2 and self.w(a - 2) in DOLLAR_PREFIXES and self.glued(a - 2, a - 1):
                start = a - 2
        elif a >= 1 and self.w(a - 1) in CURRENCY_WORDS and self.tokens[a - 1].text.isupper():
            start = a - 1
        for size in (3, 2, 1):
            words = tuple(self.w(i) for i in range(start - size, start))
            if start - size >= 0 and words in QUALIFIERS_BEFORE:
                return start - size, QUALIFIERS_BEFORE[words]
        if self.w(start - 1) == "between":
            return start - 1, None
        return start, None

    def qualifier_after(self, end: int) -> tuple[str, int] | None:
        if self.w(end + 1) == "-" and self.w(end + 2) in ("plus", "odd") and self.glued(end, end + 1):
            return ("more than" if self.w(end + 2) == "plus" else "about"), end + 2
        for words, qualifier in QUALIFIERS_AFTER.items():
            if tuple(self.w(end + 1 + i) for i in range(len(words))) == words:
                return qualifier, end + len(words)
        return None

    def range_after(self, k: int, end: int, value: float, unit):
        """'between 20 and 30', '20 to 30 people', '20-30 people', 'two or three': ((low, high), last token)."""
        joiner = self.w(end + 1)
        if joiner not in _RANGE_JOINERS or k + 1 >= len(self.numbers):
            return None
        other = self.numbers[k + 1]
        start = end + 2
        if self.tokens[start].text in CURRENCY_SYMBOLS if start < len(self.tokens) else False:
            start += 1
        if other.first_token != start or other.value is None or other.kind not in ("cardinal",):
            return None
        if joiner == "and" and self.w(self.numbers[k].first_token - 1) != "between":
            return None
        if joiner in ("to",) and self.w(self.numbers[k].first_token - 1) == "from" and self.change_verb_before(
                self.numbers[k].first_token - 1):
            return None
        high = float(other.value)
        low = value
        if other.last_token > other.first_token and self.numbers[k].last_token == self.numbers[k].first_token \
                and low < high / 100:
            low *= high / float(other.text.split()[0].replace(",", "") or 1)  # "1.5 to 2 million"
        if unit == "%" and self.numbers[k].kind == "fraction":
            return None
        if not low < high:
            return None
        self.skip.add(k + 1)
        last = other.last_token
        if unit is not None and self.w(last + 1) in ("%",) | set(MEASURE_UNITS):
            last += 1
        return (low, high), last

    def change_verb_before(self, i: int) -> bool:
        return any(_PREDICATE_OF.get(self.w(j)) in CHANGE_PREDICATES or self.w(j) in ("revised", "raised",
                                                                                     "lowered", "updated")
                   for j in range(max(0, i - 3), i))

    def is_old_value_of_change(self, q_start: int, end: int) -> bool:
        """'rose from 12 to 18': 12 is the earlier figure, 18 the one the text states now."""
        return self.w(q_start - 1) == "from" and self.w(end + 1) == "to" and self.change_verb_before(q_start - 1)

    # -- what is counted and what happened -------------------------------------------------------------------------
    def noun_after(self, end: int, unit) -> tuple[list[str], int, bool]:
        """Words of the noun phrase after the figure, its last token, and whether it points back ('others')."""
        i = end + 1
        seg_start, seg_end = context.segment_of(self.bounds, max(0, end))
        if unit == "%" or unit in TIME_UNITS or (unit and unit not in CURRENCY_WORDS.values()):
            if self.w(i) == "of":
                i += 1
            elif unit == "%" or unit not in TIME_UNITS:
                # "a 20% tariff", "a 30-day cease-fire", "5 sq miles" (no noun)
                pass
        elif self.w(i) == "of":
            if self.w(i + 1) in ("which", "whom", "them", "those", "these"):
                return [], i + 1, True
            i += 1
        words: list[str] = []
        last = end
        while i < seg_end and len(words) < 5:
            tok = self.tokens[i]
            low = tok.low
            if tok.kind == "punct":
                if low in ("'", "’") and self.w(i + 1) == "s":  # possessive: "Ukraine's territory"
                    i += 2
                    continue
                if low == "-" and words and self.glued(i - 1, i) and self.is_word(i + 1) and self.glued(i, i + 1):
                    words[-1] = words[-1] + "-" + self.w(i + 1)
                    last = i + 1
                    i += 2
                    continue
                break
            if tok.kind == "num" or i in self.number_tokens:
                break
            if words and tok.text[:1].isupper() and not self.tokens[last].text[:1].isupper():
                break  # "the territory Ukraine seized": the noun phrase ended
            if low in _NOT_NOUNS:
                break
            if unit in _CURRENCIES and low in ("a", "an", "per") and self.w(i + 1) in RATE_PERIODS:
                break  # "$85 a barrel" is a price per barrel
            if low in ("the", "a", "an") and not words:
                i += 1
                continue
            if low in ("others", "other", "more", "additional", "further", "new") and not words:
                if self.is_word(i + 1) and self.w(i + 1) not in STOPWORDS and self.w(i + 1) not in _PREDICATE_OF:
                    i += 1
                    continue
                return [], i, True
            if low in STOPWORDS or low in _MONTHS or low in _WEEKDAYS:
                break
            if words and low.endswith("ed") and low not in COUNTED_SYNONYMS:
                break  # "300 people worked there", "a fifth of shops closed"
            if low in NOUN_PREDICATES and not words:
                words.append(low)
                last = i
                if low not in ("toll", "crowd"):
                    break
                i += 1
                continue
            if low in _PREDICATE_OF or predicate_at(self.tokens, i)[0]:
                if not words or low not in COUNTED_SYNONYMS:
                    break
            words.append(low)
            last = i
            i += 1
        if unit is not None and words and words[-1] in CURRENCY_WORDS:
            words = words[:-1]
        return words, last, False

    def vote_side(self, q_start: int, last: int) -> str | None:
        """'52 votes in favour', '48 against', 'by 52 votes to 48': which side a vote count is on."""
        after = [self.w(i) for i in range(last + 1, min(len(self.tokens), last + 4))]
        if after[:2] in (["in", "favour"], ["in", "favor"]) or after[:1] == ["for"]:
            return "for"
        if after[:1] in (["against"], ["opposed"]):
            return "against"
        if after[:1] == ["to"] and last + 2 in self.number_tokens:
            return "for"
        if self.w(q_start - 1) == "to" and self.claims and self.claims[-1].noun == "votes":
            return "against"
        return None

    def predicate(self, q_start: int, a: int, last: int, noun_words: list[str]) -> str | None:
        """What happened to what is counted: from the noun ('deaths'), the verb after it ('were killed'), the verb
        before the figure ('killed two', 'shot down 91'), or the nearest predicate in the clause."""
        if noun_words and len(noun_words) == 1 and noun_words[0] in NOUN_PREDICATES:
            return NOUN_PREDICATES[noun_words[0]]
        if noun_words and noun_words[-1] in NOUN_PREDICATES and noun_words[-1] not in ("votes", "vote"):
            return NOUN_PREDICATES[noun_words[-1]]
        seg_start, seg_end = context.segment_of(self.bounds, a)
        i = last + 1
        steps = 0
        while i < seg_end and steps < 4:
            found, _ = predicate_at(self.tokens, i)
            if found:
                return self.level_or_change(found, i, a)
            if self.w(i) not in _AUXILIARIES and self.w(i) not in ("not", "n't", "reported", "said"):
                break
            i += 1
            steps += 1
        i = q_start - 1
        steps = 0
        while i >= seg_start and steps < 5:
            found = predicate_ending_at(self.tokens, i)
            if found:
                return self.level_or_change(found, i, a)
            if self.tokens[i].kind == "num":
                break
            i -= 1
            steps += 1
        best, distance = None, 10 ** 6
        for i in range(seg_start, seg_end):
            if q_start <= i <= last:
                continue
            found, _ = predicate_at(self.tokens, i)
            if found and abs(i - a) < distance and not self.belongs_to_other_number(i, a):
                best, distance = self.level_or_change(found, i, a), abs(i - a)
        return best

    def belongs_to_other_number(self, i: int, a: int) -> bool:
        """A verb right before another number belongs to that number ('killed 2 and injured 14')."""
        for n in self.numbers:
            if n.first_token != a and 0 < n.first_token - i <= 3:
                return True
        return False

    def level_or_change(self, found: str, i: int, a: int) -> str | None:
        """'rose to 4%' states a level (no predicate); 'rose 4%' or 'rose by 4%' a change."""
        if found not in CHANGE_PREDICATES:
            return found
        between = [self.w(j) for j in range(i + 1, a)]
        if between and between[-1] in ("to", "at") or "to" in between[:2]:
            return None
        return found

    def subject_before(self, q_start: int) -> list[str]:
        """The thing a level is about when no noun follows: 'Turnout was 62%', 'the death toll rose to 48',
        'police estimated the crowd at 30,000'."""
        seg_start, _ = context.segment_of(self.bounds, q_start)
        link, i = None, q_start - 1
        while i >= seg_start and q_start - i <= 6:
            if i in self.number_tokens:  # "rose from 12 to 18": step over the earlier figure
                first = next(n.first_token for n in self.numbers if n.first_token <= i <= n.last_token)
                if self.w(first - 1) != "from":
                    break
                i = first - 2
                continue
            low = self.w(i)
            if low in NOUN_PREDICATES or low in COUNTED_SYNONYMS:
                break  # the subject itself: "the toll rose to 18"
            if not (low in _LEVEL_VERBS or low in _AUXILIARIES or low in _PREDICATE_OF or low in _LINK_WORDS):
                break
            link, i = i, i - 1
        if link is None:
            return []
        for j in range(link - 1, seg_start - 1, -1):
            if j in self.number_tokens:
                break
            low = self.w(j)
            if j >= 1 and (self.w(j - 1), low) in COUNTED_PHRASES:
                return [self.w(j - 1), low]
            if low in NOUN_PREDICATES or low in COUNTED_SYNONYMS:
                return [low]
        j = link - 1
        just_before = self.w(q_start - 1)
        if j < seg_start or not self.is_word(j) or not (
                just_before in _LEVEL_VERBS or _PREDICATE_OF.get(just_before) in CHANGE_PREDICATES):
            return []  # "the club paid £45m": the payer is not what the amount measures
        low, written = self.w(j), self.tokens[j].text
        plain = low not in STOPWORDS and low not in _GENERIC_NOUNS and not low.endswith("ed")
        return [low] if plain and (not written[:1].isupper() or j == 0) else []

    # -- context ---------------------------------------------------------------------------------------------------
    def sides(self, a: int, last: int, predicate: str | None) -> tuple[str | None, str | None, Place | None]:
        """Who attacks and who is attacked: from the verb's subject ('Russia launched', 'Russia said it shot down')
        or from the attack the figure belongs to ('the Ukrainian drone attack on Russia killed two')."""
        actor_at = self.actors
        attacker = target = None
        target_place = None
        seg_start, seg_end = context.segment_of(self.bounds, a)
        verb = self.verb_index(a, last, seg_start, seg_end, predicate)
        if verb is not None and predicate == "launched":
            attacker = next((actor_at[j] for j in range(verb - 1, max(seg_start, verb - 4) - 1, -1)
                             if j in actor_at), None)
            target = next((actor_at[j] for j in range(verb + 1, min(seg_end, verb + 5)) if j in actor_at), None)
        elif verb is not None and predicate in ("downed", "recorded", "destroyed"):
            # the side that shoots down or records is the one attacked: the subject of the verb in its clause
            for j in range(verb - 1, seg_start - 1, -1):
                if j in actor_at:
                    target = actor_at[j]
                    break
                if j < a and predicate_at(self.tokens, j)[0] is not None:
                    break
        attack = self.attack_for(a, last)
        if attack is not None:
            attacker = attacker or attack.attacker
            target = target or attack.target
            target_place = attack.target_place
        return attacker, target, target_place

    def verb_index(self, a: int, last: int, seg_start: int, seg_end: int, predicate: str | None) -> int | None:
        """The token of the figure's own verb: the nearest word of its predicate before or after it."""
        if predicate is None:
            return None
        window = list(range(last + 1, min(seg_end, last + 4))) + list(range(a - 1, max(seg_start, a - 6) - 1, -1))
        for i in sorted(window, key=lambda j: (abs(j - a), j)):
            if self.is_word(i) and (predicate_at(self.tokens, i)[0] == predicate
                                    or predicate_ending_at(self.tokens, i) == predicate):
                return i
        return None

    def attack_for(self, a: int, last: int) -> context.Attack | None:
        found = self.attacks
        before = [x for x in found if x.index < a]
        if before:
            return before[-1]
        _, seg_end = context.segment_of(self.bounds, a)
        after = [x for x in found if last < x.index < min(seg_end, last + 7)]
        return after[0] if after else None

    def scope(self, k: int, a: int, seg_start: int, seg_end: int) -> Place | None:
        nxt = next((n.first_token for n in self.numbers[k + 1:] if n.first_token < seg_end and n.first_token > a),
                   seg_end)
        forward = _OTHER_EVENT_RE.split(self.sentence[self.tokens[a].start:self.tokens[max(a, nxt - 1)].end])[0]
        forward = forward[:SCOPE_REACH]
        rest = _OTHER_EVENT_RE.split(self.sentence[self.tokens[a].start:self.tokens[seg_end - 1].end])[0]
        found = find_scope(forward) or find_scope(rest)
        first_start, first_end = self.bounds[0]
        if found is None and first_start < seg_start and not any(
                first_start <= n.first_token < first_end for n in self.numbers):
            found = find_scope(self.sentence[self.tokens[first_start].start:self.tokens[first_end - 1].end])
        return found

    def anchor(self, a: int, seg_start: int, seg_end: int) -> str | None:
        start, end = self.tokens[seg_start].start, self.tokens[seg_end - 1].end
        here = self.tokens[a].start
        found = self.anchors
        own = [key for pos, key in found if start <= pos < end and abs(pos - here) <= ANCHOR_REACH]
        if own:
            return own[0]
        first_start, first_end = self.bounds[0]
        if (first_start, first_end) != (seg_start, seg_end) and not any(
                first_start <= n.first_token < first_end for n in self.numbers):
            lead_end = self.tokens[first_end - 1].end
            lead = [key for pos, key in found if pos < lead_end]
            if lead:
                return lead[0]
        return None

    def first_actor(self) -> str | None:
        return self.actors[min(self.actors)] if self.actors else None

    def is_forecast(self, seg_start: int, q_start: int, last: int) -> bool:
        words = [self.tokens[i].text for i in range(max(seg_start, q_start - 8), q_start)]
        words += [self.tokens[i].text for i in range(last + 1, min(len(self.tokens), last + 3))]
        return any(word in FORECAST_WORDS for word in words)  # case-sensitive: "May" is a month


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
