"""What a sentence says around its numbers: clause segments, time anchors, who attacks whom, who says so.

These features decide whether two figures can be the same quantity: a count "on Saturday" is not the overnight
count, drones Russia launched at Ukraine are not drones Ukraine launched at Russia.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from brief.figures.numbers import Token, mentioned_values
from brief.figures.places import Place, actors, find_scope, reported_from
from brief.figures.vocabulary import ATTACK_NOUNS, CURRENCY_SYMBOLS, CURRENCY_WORDS, WEEK

_SEGMENT_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")", "[", "]"})
_SEGMENT_WORDS = frozenset({"while", "whereas", "but"})

_NIGHT = "night"
_ANCHOR_PATTERNS = [
    (re.compile(r"\b(?:so far|to date|since the (?:start|beginning|outbreak)|since the (?:war|invasion|conflict) "
                r"(?:began|started)|since (?:it|the war) began|in all since)\b"), lambda m: "cumulative"),
    (re.compile(r"\b(?:overnight|last night|tonight|before dawn|early hours|early morning|in the night)\b"),
     lambda m: _NIGHT),
    (re.compile(r"\bearlier (?:on |that |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|day)\b"),
     lambda m: "earlier:" + m.group(1)),
    (re.compile(r"\b(?<!earlier )(?<!earlier on )(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                r"(?:\s+(night|evening|morning|afternoon))?\b"),
     lambda m: _NIGHT if m.group(2) == "night" else "day:" + m.group(1)),
    (re.compile(r"\b(yesterday|today|this morning|earlier today)\b"), lambda m: "rel:" + m.group(1)),
    (re.compile(r"\b(last|earlier this|earlier that|the previous|the prior)\s+(week|weekend|month|year|summer|"
                r"winter|spring|autumn|fall)\b"),
     lambda m: ("prior:" if m.group(1) == "last" and m.group(2) in ("year", "month") else "last:") + m.group(2)),
    (re.compile(r"\b(\w+)\s+(days|weeks|months|years)\s+(?:ago|earlier|before)\b"),
     lambda m: "ago:" + m.group(1) + " " + m.group(2)),
    # a period of years is not one of its years: "earned $20 million between 2011 and 2014" is not "in 2014"
    (re.compile(r"\b(?:from|between)\s+((?:19|20)\d\d)\s*(?:to|and|through|until|till|-|–)\s*((?:19|20)\d\d)\b"),
     lambda m: "span:" + m.group(1) + "-" + m.group(2)),
    (re.compile(r"\b(in|since|during)\s+((?:19|20)\d\d)\b"), lambda m: ("since:" if m.group(1) == "since"
                                                                         else "year:") + m.group(2)),
    (re.compile(r"\bin\s+(january|february|march|april|may|june|july|august|september|october|november|"
                r"december)(?:\s+((?:19|20)\d\d))?\b"),
     lambda m: "month:" + m.group(1) + (" " + m.group(2) if m.group(2) else "")),  # "in October 2019"
]
# a cheap test before the anchor patterns run: a word that any of them needs
_ANCHOR_HINT = re.compile(r"day\b|night|dawn|early|yesterday|today|morning|last|earlier|previous|prior|ago|"
                          r"\b(?:19|20)\d\d\b|so far|to date|since|january|february|march|april|june|july|"
                          r"august|september|october|november|december")
_RATE_RE = re.compile(r"^\s*(?:(each|every|per|a|an)\s+(day|night|week|month|year|hour|minute|capita|head|barrel|"
                      r"share|tonne|ton|gallon|litre|liter|kilogram|kg|pound|ounce|person|household|"
                      r"\d[\d,]*\s+[a-z]+)|(daily|nightly|weekly|monthly|annually|yearly|hourly|a day|a year))\b",
                      re.IGNORECASE)
_RATE_BEFORE_RE = re.compile(r"\b(daily|nightly|weekly|monthly|annual|yearly|average|averaging|on average|"
                             r"regularly|routinely)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_WITH_ATTACKER_RE = re.compile(r"\b(?:(not including|excluding|not counting|besides|in addition to|plus|apart from|"
                               r"other than|as well as)|(including|counting|among them|among the dead (?:is|was|"
                               r"were)))\s+(?:the|a|an|one|two|three|both)?\s*(?:\w+\s+)?(?:gunman|gunmen|shooter|"
                               r"shooters|attacker|attackers|assailant|assailants|suspect|suspects|bomber|bombers|"
                               r"perpetrator|perpetrators|hijacker|hijackers|killer)\b", re.IGNORECASE)
_ACCORDING_RE = re.compile(r"\baccording to\s+(?:the\s+)?([^,;:()]{3,90})", re.IGNORECASE)
_SAID_AFTER_RE = re.compile(r"^\s*(?:the\s+)?([^,;:()]{3,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:said|says|reported|"
                            r"reports|claimed|claims|announced|estimated|confirmed|told\s+\w+)\s*[.!?\"”']*\s*$",
                            re.IGNORECASE)
_SAID_BEFORE_RE = re.compile(r"^\s*(?:(?:and|but|while|whereas|during which|which|as|after|when|in which)\s+)?"
                             r"(?:the\s+)?([^,;:()]{2,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:said|says|reported|reports|"
                             r"claimed|claims|announced|estimated|confirmed|told\s+\w+|put|puts)\b",
                             re.IGNORECASE)
_SAID_INVERTED_RE = re.compile(r"^\s*(?:said|says|according to)\s+(?:the\s+)?([^,;:()]{3,80}?)\s*[.!?\"”']*\s*$",
                               re.IGNORECASE)
_VOTE_CONTEXT = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballots?|in favou?r|abstain\w*|abstentions?)\b", re.IGNORECASE)
_REJECTED_RE = re.compile(r"\b(?:rejected|defeated|voted down|turned down|blocked|vetoed|voted against|threw out)\b",
                          re.IGNORECASE)
_SIDE_AFTER_RE = re.compile(r"(?:votes? |members |councillors |senators |lawmakers )?(?:(in favou?r|for|against|"
                            r"opposed)\b|(abstentions?|abstaining|abstained)\b)")
_REPORTED_ON_RE = re.compile(r"\b(?:said|says|told reporters|reported|announced|confirmed|added|stated)\s+"
                             r"(?:on\s+|late\s+on\s+|early\s+on\s+)?$")
_PERIOD_OF = {"daily": "day", "a day": "day", "nightly": "night", "weekly": "week", "monthly": "month",
              "annually": "year", "annual": "year", "yearly": "year", "a year": "year", "hourly": "hour"}
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")


@dataclass(frozen=True)
class Attack:
    """An attack named in a sentence ("the Ukrainian drone attack on Russia"), at token `index`."""

    index: int
    attacker: str | None
    target: str | None
    target_place: Place | None


def segments(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges [start, end) of the clauses of a sentence, split at commas, dashes, 'while', 'but'."""
    bounds, start = [], 0
    for i, tok in enumerate(tokens):
        if tok.text in _SEGMENT_PUNCT or (tok.kind == "word" and tok.low in _SEGMENT_WORDS):
            if i > start:
                bounds.append((start, i))
            start = i + 1
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    return bounds or [(0, len(tokens))]


def segment_of(bounds: list[tuple[int, int]], index: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= index < end:
            return start, end
    return (index, index + 1)


def anchors_in(text: str, published: datetime | None = None, reported: bool = False) -> list[tuple[int, str]]:
    """(char position, key) of every time anchor in `text`: "day:saturday", "night", "year:2022", "last:week".
    The day something was said ("officials said on Saturday") is not when it happened: left out unless
    `reported` (it still tells which days a story is about)."""
    low = text.lower()
    found = []
    if not _ANCHOR_HINT.search(low):
        return found
    for pattern, key in _ANCHOR_PATTERNS:
        for m in pattern.finditer(low):
            if reported or not _REPORTED_ON_RE.search(low, 0, m.start()):
                found.append((m.start(), _on_publication_day(key(m), published)))
    found.sort()
    return found


def _on_publication_day(key: str, published: datetime | None) -> str:
    """'today' and 'yesterday' become weekdays, 'last year' and 'last month' the year and the month they name,
    when the publication date is known: "last year" in a 2026 article is "in 2025"."""
    if key.startswith("prior:"):
        if published is None:
            return "last:" + key[len("prior:"):]
        if key == "prior:year":
            return f"year:{published.year - 1}"
        return "month:" + _MONTH_NAMES[(published.month - 2) % 12]
    if published is None or not key.startswith("rel:"):
        return key
    offset = 1 if key == "rel:yesterday" else 0
    return "day:" + WEEK[(published.weekday() - offset) % 7]


def rate_after(text_after: str) -> str | None:
    """'each night', 'a day', 'per capita' right after a figure: it is a rate, not a count."""
    m = _RATE_RE.match(text_after)
    if not m:
        return None
    period = (m.group(2) or m.group(3)).lower()
    return "per " + _PERIOD_OF.get(period, period)


def rate_before(text_before: str) -> str | None:
    """'regularly launching 100 drones', 'an average of 30 a day', 'daily arrivals of 2,000': a rate."""
    m = _RATE_BEFORE_RE.search(text_before)
    if not m:
        return None
    word = m.group(1).lower()
    if word in _PERIOD_OF:
        return "per " + _PERIOD_OF[word]
    return "on average" if "average" in word else "regularly"


def with_attacker(sentence: str) -> bool | None:
    """True when a toll says it includes the attacker, False when it says it does not, else None."""
    m = _WITH_ATTACKER_RE.search(sentence)
    if not m:
        return None
    return m.group(2) is not None


def vote_tallies(sentence: str, tokens: list[Token], numbers: list) -> dict[int, str]:
    """The sides of a vote: "by 41 votes to 35", "voted 41-35", "41 in favour and 35 against", "two abstentions".
    In "rejected by 44 votes to 32" the first count is against."""
    if not _VOTE_CONTEXT.search(sentence):
        return {}
    sides: dict[int, str] = {}
    low = [t.low for t in tokens]
    for k, (n, m) in enumerate(zip(numbers, numbers[1:])):
        i = n.last_token + 1
        if i < len(low) and low[i] in ("votes", "vote"):
            i += 1
        if i < len(low) and low[i] in ("to", "-", "–") and m.first_token == i + 1 and n.value and m.value:
            first = "against" if _REJECTED_RE.search(sentence[:n.start]) else "for"
            sides[k], sides[k + 1] = first, "against" if first == "for" else "for"
    for k, n in enumerate(numbers):
        after = " ".join(low[n.last_token + 1:n.last_token + 4])
        if k in sides or not n.value or _money_or_share(tokens, n):
            continue  # "in exchange for $5.7 billion for the wall" is no vote
        m = _SIDE_AFTER_RE.match(after)
        if m:
            sides[k] = "abstained" if m.group(2) else ("against" if m.group(1) in ("against", "opposed") else "for")
    return sides


def _money_or_share(tokens: list[Token], n) -> bool:
    """'$5.7 billion', '5.7 billion dollars', '40%': an amount or a share, never the count of a side of a vote."""
    before = tokens[n.first_token - 1].text if n.first_token > 0 else ""
    after = tokens[n.last_token + 1].low if n.last_token + 1 < len(tokens) else ""
    return before in CURRENCY_SYMBOLS or after in CURRENCY_WORDS or after in ("%", "percent", "per")


def attribution(sentence: str, tokens: list[Token], bounds: list[tuple[int, int]], index: int) -> str | None:
    """Who gives the figure at token `index`: "according to X", "X said ...", "..., X reported"."""
    m = _ACCORDING_RE.search(sentence)
    if m:
        return _tidy(m.group(1))
    seg_start, _ = segment_of(bounds, index)
    own = sentence[tokens[seg_start].start:tokens[index].start]
    m = _SAID_BEFORE_RE.match(own)
    if m and _plausible_source(m.group(1)):
        return _tidy(m.group(1))
    for start, end in reversed(bounds):
        if start <= index:
            break
        clause = sentence[tokens[start].start:tokens[end - 1].end]
        m = _SAID_AFTER_RE.match(clause) or _SAID_INVERTED_RE.match(clause)
        if m and _plausible_source(m.group(1)):
            return _tidy(m.group(1))
    first_start, first_end = bounds[0]
    if first_start < seg_start:
        m = _SAID_BEFORE_RE.match(sentence[tokens[first_start].start:tokens[index].start])
        if m and _plausible_source(m.group(1)):
            return _tidy(m.group(1))
    return None


def _plausible_source(phrase: str) -> bool:
    """A name of who says something, not a clause: no numbers, not a pronoun, not ending in an article."""
    words = phrase.split()
    return 1 <= len(words) <= 8 and not mentioned_values(phrase) and words[0].lower() not in (
        "it", "he", "she", "they", "this", "that", "there", "which", "who") and words[-1].lower() not in (
        "a", "an", "the")


def _tidy(phrase: str) -> str:
    phrase = phrase.strip().rstrip(".!?\"”'")
    words = phrase.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words[:8])


def attacks(sentence: str, tokens: list[Token], bounds: list[tuple[int, int]],
            actor_at: dict[int, str]) -> list[Attack]:
    """Attacks named in the sentence, with the attacker (a country or demonym right before the attack noun, or
    the subject of "its" attack) and the target (the place after "on"/"against")."""
    found = []
    for i, tok in enumerate(tokens):
        if tok.kind != "word" or tok.low not in ATTACK_NOUNS:
            continue
        seg_start, seg_end = segment_of(bounds, i)
        attacker = None
        for j in range(i - 1, max(seg_start, i - 4) - 1, -1):
            if j in actor_at:
                attacker = actor_at[j]
                break
            if tokens[j].low in _POSSESSIVE_PRONOUNS:
                attacker = next((actor_at[k] for k in range(j - 1, seg_start - 1, -1) if k in actor_at), None)
                break
        target, target_place = None, None
        for j in range(i + 1, min(seg_end, i + 3)):
            if tokens[j].low in ("on", "against", "at", "targeting"):
                rest = sentence[tokens[j].start:tokens[seg_end - 1].end]
                target_place = find_scope(rest)
                target = next((actor_at[k] for k in range(j + 1, min(seg_end, j + 5)) if k in actor_at), None)
                break
        found.append(Attack(i, attacker, target, target_place))
    return found


def actor_tokens(sentence: str, tokens: list[Token]) -> dict[int, str]:
    """Token index -> country for each country, demonym or city named (reporters "authorities in X" excluded)."""
    by_start = {tok.start: i for i, tok in enumerate(tokens)}
    result = {}
    for pos, country in actors(sentence):
        i = by_start.get(pos)
        if i is None:
            continue
        if not reported_from(sentence, pos):
            result[i] = country
    return result
