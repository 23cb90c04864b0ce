"""Is a number a quantity, and which one: unit, qualifier, range, and the values it allows.

Not quantities: dates, times, years, labels ("No. 3", "Route 66"), names with digits ("Boeing 737"), scores
("3-1"), phone numbers and moments ("after eight hours of talks", "a 45-year-old").
"""
from __future__ import annotations

from dataclasses import dataclass

from brief.figures.context import segment_of
from brief.figures.numbers import Number, is_pronoun_one
from brief.figures.sentence import Sentence
from brief.figures.vocabulary import (
    AREA_PREFIXES,
    CHANGE_PREDICATES,
    CLOCK_WORDS,
    COUNTED_SYNONYMS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    LABEL_WORDS,
    MEASURE_UNITS,
    MONTHS,
    PERCENT_WORDS,
    PREDICATE_OF,
    PREDICATE_WORDS,
    QUALIFIER_BANDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    STOPWORDS,
    TIME_PHRASE_AFTER,
    TIME_PHRASE_BEFORE,
    TIME_UNITS,
    WEEKDAYS,
)

_RANGE_JOINERS = frozenset({"to", "-", "–", "and", "or"})
_JOINERS = frozenset({"-", "–", "/"})  # glued between digits: "3-1", "555-0123", "24/7"
_PART_OF_TIME = frozenset({"first", "second", "last", "latter", "former", "back", "front", "final"})
_TIME_WORDS = frozenset({"hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "month", "months",
                         "year", "years", "mile", "miles"})


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


@dataclass(frozen=True)
class Quantity:
    """A number read as a quantity: its value, the values its qualifier allows, its unit, and its tokens
    (`start` includes the qualifier and currency sign, `end` is the last token of the number and unit)."""

    value: float
    low: float
    high: float
    unit: str | None
    qualifier: str | None
    start: int
    end: int


class QuantityReader(Sentence):
    """Reads whether a number is a quantity and its unit, qualifier and range."""

    def quantity(self, k: int, n: Number) -> Quantity | None:
        if n.value is None or n.kind in ("junk", "dotted", "ordinal") or n.attached:
            return None
        if k in self.tallies:  # "41-35" in a vote is a count per side, not a score
            start, qualifier = self.qualifier_before(n.first_token)
            return Quantity(n.value, n.value, n.value, None, qualifier, start, n.last_token)
        if is_pronoun_one(self.sentence, n, self.tokens) or n.text.lower().endswith("s") and not n.words:
            return None  # "one of which", "the 1990s"
        if self.not_a_quantity(k, n) or self.is_fraction_of_measure(n):
            return None
        unit, value, end, compound, precision = self.unit(n)
        if unit is False:
            return None
        start, qualifier = self.qualifier_before(n.first_token)
        if self.is_duration_moment(start, end, unit, compound) or self.is_old_value_of_change(start, end):
            return None
        ratio = self.ratio_after(k, end, value) if unit is None else None
        if ratio is not None:  # "one in five adults" = 20% of adults
            value, end = ratio
            low, high = interval(value, qualifier, 0.5)
            return Quantity(value, low, high, "%", qualifier, start, end)
        low_high = self.range_after(k, end, value, unit)
        if low_high is not None:
            (low, high), end = low_high
            if unit is None:  # "20 to 30 percent", "20-30%", "three or four years": the unit once, for both ends
                unit, end = self.unit_after_range(end)
                if self.is_duration_moment(start, end, unit, False):
                    return None
            return Quantity(low, low, high, unit, "between", start, end)
        after = self.qualifier_after(end)
        if after:
            qualifier, end = after
        if qualifier is None and n.low is not None:  # "a dozen" is about 12, "thousands of" at least 2,000
            qualifier = "about" if n.kind == "cardinal" else "at least"
            return Quantity(value, n.low, n.high, unit, qualifier, start, end)
        if qualifier and n.kind == "fraction":
            precision = 0.0  # "about a quarter": the qualifier already says how loose it is
        low, high = interval(value, qualifier, precision)
        return Quantity(value, low, high, unit, qualifier, start, end)

    def is_fraction_of_measure(self, n: Number) -> bool:
        """'half an hour', 'a quarter of an hour', 'at half mast': a fraction that is no share of anything."""
        if n.kind != "fraction":
            return False
        after = self.w(n.last_token + 1)
        before = self.w(n.first_token - 1)
        if before in _PART_OF_TIME or (before == "and" and self.w(n.first_token - 2) in _TIME_WORDS):
            return True  # "the first half of 2016", "an hour and a half of it": a stretch of time, no share
        return after != "of" or self.w(n.last_token + 2) in ("a", "an")

    def ratio_after(self, k: int, end: int, value: float) -> tuple[float, int] | None:
        """'one in five', '3 out of 10': a share, as a percentage, and the last token of the ratio."""
        i = end + 1
        if self.w(i) == "out" and self.w(i + 1) == "of":
            i += 1
        elif self.w(i) != "in":
            return None
        other = self.numbers[k + 1] if k + 1 < len(self.numbers) else None
        if other is None or other.first_token != i + 1 or not other.value or other.kind != "cardinal":
            return None
        if not 0 < value < other.value or other.value > 1000 or self.w(other.last_token + 1) in _TIME_WORDS:
            return None  # "up 5 in 10 years" is no share
        self.skip.add(k + 1)
        return round(100 * value / other.value, 1), other.last_token

    def not_a_quantity(self, k: int, n: Number) -> bool:
        a, b = n.first_token, n.last_token
        before, after = self.w(a - 1), self.w(b + 1)
        if before == "." and a >= 2:
            before = self.w(a - 2)
        if before in MONTHS or after in MONTHS or (after == "of" and self.w(b + 2) in MONTHS):
            return True  # "Feb. 28", "28 February"
        if (after == ":" and self.glued(b, b + 1)) or (before == ":" and self.glued(a - 1, a)):
            return True  # "9:30"
        if after in CLOCK_WORDS or (after in ("a", "p") and self.w(b + 2) == "." and self.w(b + 3) == "m"):
            return True  # "9 a.m.", "0900 GMT"
        if after == "o" and self.w(b + 2) in ("'", "’"):
            return True  # "9 o'clock"
        if self.is_year(n):
            return True
        if before in _JOINERS | {"to"} and n.value < 100 and any(
                m.last_token == a - 2 and self.is_year(m) for m in self.numbers):
            return True  # "the 1950 - 53 war", "the 2016 – 17 season": the end of a span of years
        if after in _JOINERS and self.w(b + 2) in ("year", "years", "month", "week", "day") and \
                self.w(b + 3) in _JOINERS and self.w(b + 4) == "old":
            return True  # "a 23 - year - old" written with spaces
        if before in LABEL_WORDS or before == "#" or (before == "." and self.w(a - 2) == "no"):
            return True  # "No. 3", "Route 66", "page 5"
        if before == "per":
            return True  # "39 guns per 100 residents": 100 is the base of a rate
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
        """'Boeing 737', 'Windows 11': a capitalised word (not starting the sentence) right before the number,
        unless what follows is a thing counted ("Gaza 12 children" stays a count)."""
        a = n.first_token
        if a < 2 or not self.is_word(a - 1):
            return False
        prev = self.tokens[a - 1].text
        if not prev[:1].isupper() or prev.lower() in MONTHS or prev.lower() in WEEKDAYS:
            return False
        if prev.lower() in STOPWORDS or (prev.lower(),) in QUALIFIERS_BEFORE:
            return False
        nxt = self.w(n.last_token + 1)
        return not self.is_word(n.last_token + 1) or nxt not in COUNTED_SYNONYMS and nxt not in ("people", "drones")

    def is_code(self, k: int, n: Number) -> bool:
        """Scores ('3-1'), phone numbers ('555-0123', '+44 20 7946 0958') and other digit codes."""
        a, b = n.first_token, n.last_token
        if n.words:
            return False
        if self.w(a - 1) == "+" or (self.w(a - 1) == "(" and self.w(b + 1) == ")" and self.next_is_digits(b + 2)):
            return True
        joined = self.w(b + 1) in _JOINERS and self.glued(b, b + 1) and self.glued(b + 1, b + 2) \
            and self.next_is_digits(b + 2)
        joined_before = self.w(a - 1) in _JOINERS and self.glued(a - 1, a) and self.glued(a - 2, a - 1) \
            and self.next_is_digits(a - 2)
        if joined_before:
            return (k - 1) not in self.skip  # the second half of a score or code; ranges were read already
        if joined:
            other = self.numbers[k + 1] if k + 1 < len(self.numbers) else None
            if other is None or other.value is None:
                return True
            follows = self.w(other.last_token + 1)
            unit_follows = follows == "%" or (follows, self.w(other.last_token + 2)) == ("per", "cent")
            money = self.tokens[a - 1].text in CURRENCY_SYMBOLS if a > 0 else False  # "$5-7 million"
            is_range = other.value > n.value and (self.is_word(other.last_token + 1) and follows not in STOPWORDS
                                                  or unit_follows or money)
            return not is_range or len(n.text) >= 3 and len(other.text) >= 4  # 555-1234 is a phone number
        run, i = 0, b + 1
        while self.next_is_digits(i) and self.tokens[i].start - self.tokens[i - 1].end == 1:
            run, i = run + 1, i + 1
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
        if n.kind == "vague" and nxt == "of" and MEASURE_UNITS.get(self.w(b + 2)) not in (None, *TIME_UNITS):
            return MEASURE_UNITS[self.w(b + 2)], value, b + 2, False, precision  # "thousands of kilometres"
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
        if start < len(self.tokens) and self.tokens[start].text in CURRENCY_SYMBOLS:
            start += 1
        if other.first_token != start or other.value is None or other.kind not in ("cardinal",):
            return None
        before = self.numbers[k].first_token - 1
        if before >= 0 and self.tokens[before].text in CURRENCY_SYMBOLS:
            before -= 1
        if joiner == "and" and self.w(before) != "between":  # "between 20 and 30", "between $5 and $7 million"
            return None
        if joiner == "to" and self.w(before) == "from" and self.change_verb_before(before):
            return None
        if joiner == "to" and self.w(before) == "by":
            return None  # "climb by $154 to $2,754": a change and the new level, not a range
        high = float(other.value)
        low = value
        if other.last_token > other.first_token and self.numbers[k].last_token == self.numbers[k].first_token \
                and low < high / 100:
            head = other.text.split()[0].replace(",", "")
            if head.replace(".", "", 1).isdigit() and float(head):
                low *= high / float(head)  # "1.5 to 2 million" (not "zero to a dozen")
        if unit == "%" and self.numbers[k].kind == "fraction":
            return None
        if not low < high:
            return None
        self.skip.add(k + 1)
        last = other.last_token
        if unit is not None and self.w(last + 1) in {"%", *MEASURE_UNITS}:
            last += 1
        return (low, high), last

    def unit_after_range(self, end: int) -> tuple[str | None, int]:
        """The unit written once after a range whose first end has none, and its last token: '%', 'per cent',
        'percentage points', 'million dollars' (the scale is in the range already), 'km'."""
        nxt = self.w(end + 1)
        if nxt == "%":
            return "%", end + 1
        for words, unit in PERCENT_WORDS.items():
            if tuple(self.w(end + 1 + i) for i in range(len(words))) == words:
                return unit, end + len(words)
        if nxt in CURRENCY_WORDS and nxt != "won":
            return CURRENCY_WORDS[nxt], end + 1
        if nxt in MEASURE_UNITS:
            return MEASURE_UNITS[nxt], end + 1
        return None, end

    def change_verb_before(self, i: int) -> bool:
        return any(PREDICATE_OF.get(self.w(j)) in CHANGE_PREDICATES or self.w(j) in ("revised", "raised",
                                                                                     "lowered", "updated")
                   for j in range(max(0, i - 3), i))

    def is_old_value_of_change(self, q_start: int, end: int) -> bool:
        """'rose from 12 to 18', 'fell to 3.9% from 4.0%', 'risen to six, up from four': the earlier figure."""
        if self.w(q_start - 1) != "from":
            return False
        if self.w(q_start - 2) in ("up", "down") or self.w(end + 1) == "to" and self.change_verb_before(q_start - 1):
            return True
        seg_start, _ = segment_of(self.bounds, q_start)
        return any(PREDICATE_OF.get(self.w(j)) in CHANGE_PREDICATES for j in range(seg_start, q_start - 1))
