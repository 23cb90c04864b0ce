"""Find the numbers a text states, in digits or in words, and normalise them to values.

This module knows nothing about what a number counts: it only reads "1,200", "1.2 million", "twenty-five",
"a dozen", "one-fifth", "tens of thousands" and "28th" as values. Scanning is linear in the text: one tokenising
regex without nested quantifiers, and digit runs too long to be a quantity are kept as junk without a value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from brief.figures.lexicon import (
    DENOMINATORS,
    NUMERATOR_WORDS,
    ORDINAL_WORDS,
    SCALE_SUFFIXES,
    SCALES,
    TENS,
    UNITS,
    VAGUE_PLURALS,
)

MAX_DIGITS = 18  # a longer digit run is an identifier or junk, not a quantity

# digits with inner separators ("1,200.5", "1.2.3"), words (letters only), or one other character
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[^\s]", re.UNICODE)
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL_RE = re.compile(r"\d+(?:\.\d+)?")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "num", "word" or "punct"
    low: str  # the text in lower case


@dataclass(frozen=True)
class Number:
    """A number as written in a text.

    `kind`: "cardinal", "ordinal", "fraction" (value 0.2 for "one-fifth"), "vague" ("thousands of", value = low
    end of `low`..`high`), "dotted" ("1.2.3": a version or address, parts in `parts`) or "junk" (no value).
    `attached` marks digits glued to letters ("F-16", "G7", "MH17"): part of a name, not a quantity.
    """

    start: int
    end: int
    text: str
    value: float | None
    kind: str
    words: bool = False
    low: float | None = None
    high: float | None = None
    attached: bool = False
    parts: tuple[float, ...] = ()
    first_token: int = 0  # index of the first token of the number in the token list
    last_token: int = 0  # index of the last token


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        kind = "num" if s[0].isdigit() else ("word" if s[0].isalpha() else "punct")
        tokens.append(Token(s, m.start(), m.end(), kind, s.lower()))
    return tokens


def _digits_value(s: str) -> tuple[float | None, str, tuple[float, ...]]:
    """Value and kind of a digit token: thousands separators, decimals, dotted versions, comma lists."""
    if sum(c.isdigit() for c in s) > MAX_DIGITS:
        return None, "junk", ()
    if _THOUSANDS_RE.fullmatch(s):
        return float(s.replace(",", "")), "cardinal", ()
    if _DECIMAL_RE.fullmatch(s):
        return float(s), "cardinal", ()
    parts = tuple(float(p) for p in re.split(r"[.,]", s) if p)
    return None, "dotted", parts


def _word_parts(tokens: list[Token], i: int) -> list[int]:
    """Indices of the word tokens of a hyphenated compound starting at i ("twenty-five", "one-fifth")."""
    parts = [i]
    j = i
    while j + 2 < len(tokens) and tokens[j + 1].text == "-" and tokens[j + 2].kind == "word" \
            and tokens[j + 1].start == tokens[j].end and tokens[j + 2].start == tokens[j + 1].end:
        parts.append(j + 2)
        j += 2
    return parts


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.out: list[Number] = []

    def word(self, i: int) -> str:
        return self.tokens[i].low if i < len(self.tokens) and self.tokens[i].kind == "word" else ""

    def is_hyphen_joined(self, i: int) -> bool:
        """True when token i is followed directly by '-' and another token ("one-fifth")."""
        t = self.tokens
        return i + 2 < len(t) and t[i + 1].text == "-" and t[i + 1].start == t[i].end and t[i + 2].start == t[i + 1].end

    def emit(self, first: int, last: int, value, kind, words, low=None, high=None, attached=False, parts=()):
        start, end = self.tokens[first].start, self.tokens[last].end
        self.out.append(Number(start, end, self.text[start:end], value, kind, words, low, high, attached, parts,
                               first, last))

    def run(self) -> list[Number]:
        i, n = 0, len(self.tokens)
        while i < n:
            tok = self.tokens[i]
            if tok.kind == "num":
                i = self.digits(i)
            elif tok.kind == "word":
                i = self.words(i)
            else:
                i += 1
        return self.out

    # -- digits -------------------------------------------------------------------------------------------------
    def digits(self, i: int) -> int:
        tok = self.tokens[i]
        value, kind, parts = _digits_value(tok.text)
        prev = self.tokens[i - 1] if i else None
        attached = bool(prev and prev.end == tok.start and (
            prev.kind == "word" or (prev.text in "-/" and i >= 2 and self.tokens[i - 2].kind == "word"
                                    and self.tokens[i - 2].end == prev.start)))
        last = i
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is not None and nxt.kind == "word" and nxt.start == tok.end:
            suffix = nxt.low
            if suffix in _ORDINAL_SUFFIXES and value is not None:
                self.emit(i, i + 1, value, "ordinal", False)
                return i + 2
            if suffix in SCALE_SUFFIXES and value is not None:
                value *= SCALE_SUFFIXES[suffix]
                last = i + 1
            elif suffix == "s" and value is not None:  # "1990s", "the 80s"
                last = i + 1
            else:
                attached = True  # "5G", "3D", "100mph" — a name or a unit glued on
        if value is not None and kind == "cardinal" and last == i:
            j = i + 1
            if self.word(j) in SCALES and self.word(j) != "hundred":
                value *= SCALES[self.word(j)]
                last = j
            elif self.word(j) == "hundred":
                value *= 100
                last = j
        self.emit(i, last, value, kind, False, attached=attached, parts=parts)
        return last + 1

    # -- words --------------------------------------------------------------------------------------------------
    def words(self, i: int) -> int:
        w = self.word(i)
        vague = self.vague(i)
        if vague:
            return vague
        fraction = self.fraction(i)
        if fraction:
            return fraction
        if w in ORDINAL_WORDS:
            self.emit(i, i, float(ORDINAL_WORDS[w]), "ordinal", True)
            return i + 1
        if w == "a" or w == "an":
            return self.article_number(i)
        if w in UNITS or w in TENS or w == "dozen":
            return self.cardinal_words(i)
        return i + 1

    def vague(self, i: int) -> int:
        """'dozens', 'hundreds of', 'tens of thousands', 'hundreds of thousands': a range of values."""
        w = self.word(i)
        if w not in VAGUE_PLURALS:
            return 0
        low, high = VAGUE_PLURALS[w]
        last = i
        if self.word(i + 1) == "of" and self.word(i + 2) in VAGUE_PLURALS and w in ("tens", "hundreds", "dozens"):
            unit_low, _ = VAGUE_PLURALS[self.word(i + 2)]
            # "tens of thousands" = 10,000..99,999; "hundreds of thousands" = 100,000..999,999
            scale = unit_low / 2  # VAGUE_PLURALS lows are twice the unit ("thousands" starts at 2,000)
            low = {"tens": 10, "dozens": 24, "hundreds": 100}[w] * scale
            high = {"tens": 100, "dozens": 144, "hundreds": 1000}[w] * scale
            last = i + 2
        self.emit(i, last, low, "vague", True, low=low, high=high)
        return last + 1

    def fraction(self, i: int) -> int:
        """'one-fifth', 'two-thirds', 'a quarter of', 'half of', 'three quarters'."""
        w = self.word(i)
        if w == "half":
            if self.is_hyphen_joined(i) and self.word(i + 2) == "dozen":  # "a half-dozen"
                self.emit(i, i + 2, 6.0, "cardinal", True)
                return i + 3
            if self.word(i + 1) == "a" and (self.word(i + 2) in SCALES or self.word(i + 2) == "dozen"):
                scale = 12 if self.word(i + 2) == "dozen" else SCALES[self.word(i + 2)]
                self.emit(i, i + 2, scale / 2, "cardinal", True)
                return i + 3
            if self.word(i + 1) in ("a", "an"):
                return i + 1  # "half an hour", "half a mile": a measure, not a share
            self.emit(i, i, 0.5, "fraction", True)
            return i + 1
        if w not in NUMERATOR_WORDS:
            return 0
        hyphen = self.is_hyphen_joined(i)
        j = i + 2 if hyphen else i + 1
        denom = self.word(j)
        if denom not in DENOMINATORS:
            return 0
        numerator = NUMERATOR_WORDS[w]
        plural = denom.endswith("s")
        # "a fifth term" is an ordinal; "a fifth of", "one-fifth", "two thirds" are fractions
        if not (hyphen or plural or self.word(j + 1) == "of" or numerator > 1):
            return 0
        if numerator > 1 and not plural and denom not in ("half",):
            return 0
        self.emit(i, j, numerator / DENOMINATORS[denom], "fraction", True)
        return j + 1

    def article_number(self, i: int) -> int:
        """'a dozen', 'a hundred', 'a million', 'a thousand' (but not 'a second')."""
        nxt = self.word(i + 1)
        if nxt == "dozen":
            self.emit(i, i + 1, 12.0, "cardinal", True, low=10, high=14)
            return i + 2
        if nxt in SCALES:
            value = SCALES[nxt]
            last = i + 1
            if self.word(i + 2) in SCALES and SCALES[self.word(i + 2)] > value:  # "a hundred thousand"
                value *= SCALES[self.word(i + 2)]
                last = i + 2
            self.emit(i, last, value, "cardinal", True)
            return last + 1
        fraction = self.fraction(i)
        return fraction or i + 1

    def cardinal_words(self, i: int) -> int:
        """'twenty-five', 'two hundred and fifty thousand', 'three million', 'two dozen'."""
        total, current, last, j, seen = 0.0, 0.0, i, i, False
        n = len(self.tokens)
        while j < n:
            parts = _word_parts(self.tokens, j)
            values = [self.word(p) for p in parts]
            if len(values) == 2 and values[0] in UNITS and values[1] == "dozen" and not seen:
                current, last, seen = UNITS[values[0]] * 12.0, parts[-1], True  # "two-dozen"
                break
            if len(values) > 1 and not all(v in UNITS or v in TENS for v in values):
                parts, values = [j], values[:1]  # "six-hour", "one-day": the number is the first word
            if all(v in UNITS or v in TENS for v in values) and (len(values) == 1 or values[0] in TENS):
                if not all(_can_add(current + sum(TENS.get(u, 0) for u in values[:k]), v)
                           for k, v in enumerate(values)):
                    break  # "one two" or "nineteen eighty" are two numbers, not one
                for v in values:
                    current += UNITS.get(v, TENS.get(v, 0))
                last, seen, j = parts[-1], True, parts[-1] + 1
            elif len(values) == 1 and values[0] == "dozen" and seen:
                current *= 12
                last, j = j, j + 1
            elif len(values) == 1 and values[0] in SCALES and seen:
                scale = SCALES[values[0]]
                if scale == 100:
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * scale
                    current = 0
                last, j = j, j + 1
            elif len(values) == 1 and values[0] == "and" and seen and (self.word(j + 1) in UNITS
                                                                        or self.word(j + 1) in TENS):
                j += 1
            else:
                break
        if not seen:
            return i + 1  # a bare "dozen" ("by the dozen") states no number
        self.emit(i, last, total + current, "cardinal", True)
        return last + 1


def _can_add(current: float, word: str) -> bool:
    """Whether a cardinal word continues the number read so far ("twenty" + "five", not "one" + "two")."""
    rest = current % 100
    if word in TENS:
        return rest == 0
    return rest == 0 or (rest >= 20 and rest % 10 == 0)


def scan(text: str) -> tuple[list[Token], list[Number]]:
    """The tokens of `text` and its numbers (whose first_token/last_token index those tokens)."""
    scanner = _Scanner(text)
    numbers = scanner.run()
    return scanner.tokens, numbers


_PRONOUN_ONE_BEFORE = frozenset({"no", "any", "each", "every", "the", "this", "that", "which", "someone", "anyone"})
_PRONOUN_ONE_AFTER = frozenset({"of", "another", "who", "which", "that", "day", "by", "after"})


def is_pronoun_one(text: str, number: Number, tokens: list[Token] | None = None) -> bool:
    """'one of which', 'no one', 'one another', 'the one who': the word 'one' used as a pronoun."""
    if not (number.words and number.text.lower() == "one"):
        return False
    tokens = tokens if tokens is not None else tokenize(text)
    before = tokens[number.first_token - 1].low if number.first_token > 0 else ""
    after = tokens[number.last_token + 1].low if number.last_token + 1 < len(tokens) else ""
    if _opens_ratio(tokens, number.last_token + 1):
        return False  # "found that one in five voters": a share, whatever comes before it
    return before in _PRONOUN_ONE_BEFORE or after in _PRONOUN_ONE_AFTER


def _opens_ratio(tokens: list[Token], i: int) -> bool:
    """'in five', 'out of 10' at token i: the rest of a ratio ("one in five")."""
    low = [t.low for t in tokens[i:i + 3]]
    if low[:1] == ["in"]:
        base = tokens[i + 1] if i + 1 < len(tokens) else None
    elif low[:2] == ["out", "of"]:
        base = tokens[i + 2] if i + 2 < len(tokens) else None
    else:
        return False
    if base is None:
        return False
    if base.kind == "num":
        return base.text.isdigit() and 1 < int(base.text) <= 1000  # "the one in 2019" is a year
    return base.low in UNITS or base.low in TENS


def mentioned_values(text: str) -> frozenset[float]:
    """Every number `text` states, in digits or words, normalised ("1.2 million" = 1200000.0, "a dozen" = 12.0).

    For the number guard: years, dates, times and ordinals count as stated numbers ("28th" = 28.0, "9:30" gives
    9.0 and 30.0); fractions are values ("one-fifth" = 0.2), percentages their number ("20%" = 20.0). Vague
    quantities ("thousands of", "dozens") state no number, nor does the pronoun "one" ("one of them").
    """
    scanner = _Scanner(text)
    values: set[float] = set()
    for number in scanner.run():
        if number.kind == "vague" or is_pronoun_one(text, number, scanner.tokens):
            continue
        if number.kind == "dotted":
            values.update(number.parts)
        elif number.value is not None:
            values.add(float(number.value))
    return frozenset(values)
