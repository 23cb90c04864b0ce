"""Group the claims of a story's sources into facts: the same quantity about the same event and scope.

Each pair of claims gets a vote. It is vetoed when the two cannot be the same quantity (another thing counted,
another event, another day, the other side's launches, another place, a forecast against an actual, a rate
against a count, another holder of a share, one source giving two different values in one voice). It is +2 when
they are the same quantity in every respect and their values fit, +1 when the values do not fit (a conflict) —
but only when something shows that they are one quantity: the same event ("killed", "shot down"), the same thing
named ("pupils", "federal taxes", the "$2.1 billion line" of the plan), or the same holder. Figures that share no
more than a currency, a % sign or a bare count of people ("$1.3 billion" and "the economy lost $6 billion", "198
people" and "45,000 people") vote 0: they join when their values fit, never to disagree.
When they differ in a softer way (a day the story is not about against none, "launched" against "shot down",
"people" against "civilians", "rural counties" against "counties", "ballistic missiles" against "missiles" — a
kind of a thing against the thing; "UAVs" or "Ukrainian drones" name no kind —, a count for a region against one
for the whole country, a place the gazetteer does not know) the values decide: fitting values join (+1), others
stay apart (-1) — except that a whole smaller than its part, or two close counts whose places cannot be told
apart, are one disputed count (+1, or 0 without that evidence).
Groups then merge greedily, best average vote first, while no pair is vetoed and the sum stays positive; a merge
that puts values that do not fit together needs one such pair with that evidence (a figure that fits one value
of a conflict may join it, but two figures never conflict through a third that fits both: "less than $5.7
billion" does not make "$3.5 billion" and "$5.7 billion" one quantity).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from brief.figures import places
from brief.figures.extract import Claim
from brief.figures.meaning import kind_words, singular
from brief.figures.vocabulary import (
    ADDED,
    CHANGE_PREDICATES,
    COUNTED_SYNONYMS,
    CURRENCIES,
    NEUTRAL_PREDICATES,
    OUTLAY_PREDICATES,
    PEOPLE_SUBSETS,
    RELATED_PREDICATES,
    SHARED_OUT,
    UNSTATED,
    WEEK,
)

NEAR_EQUAL = 1.5  # counts whose places cannot be told apart, within 1.5 times each other, are one disputed count
NIGHT_OR_TODAY = frozenset({"night", "rel:today", "rel:this morning", "rel:earlier today"})
# counts of these name nobody in particular: without an event, "198 people" and "45,000 people" are no one quantity
ANYONE = frozenset({"people", "men", "women", "children"})
# words that name money, not a thing it is the price of nor a kind of it: "$5 billion in funding", "trust fund"
MONEY_WORDS = frozenset(word for word, key in COUNTED_SYNONYMS.items() if key == "amount") | frozenset({
    "amount", "amounts", "figure", "figures", "total", "sum", "sums", "cash", "dollar", "dollars", "budget",
    "spending", "cost", "costs", "price", "value", "worth"})
# a word that opens a noun phrase after an amount: "$2.5 billion the department had allocated" is no price tag
_PHRASE_OPENERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Pair:
    """How two claims relate: vetoed, or a set of soft differences and which one (if any) is the whole."""

    veto: bool
    soft: frozenset[str] = frozenset()
    whole: int | None = None  # 0: the first claim is the whole and the second a part of it; 1: the reverse


VETO = Pair(True)


def compatible(a: Claim, b: Claim) -> bool:
    """Whether both values can be true at once, qualifiers taken into account. Two outlets that state the same
    number agree when one of them says "more than" it: "55,000 pages" and "over 55,000 pages", "$250,000" and
    "more than $250,000" (the plain one is rounded)."""
    if a.value == b.value and {a.qualifier, b.qualifier} == {None, "more than"}:
        return True
    return a.low <= b.high and b.low <= a.high


def identified(a: Claim, b: Claim) -> bool:
    """Whether something shows that two claims state one quantity, as a conflict between them needs: the same
    event ("killed", "shot down", a side of a vote), the same thing named ("pupils", "federal taxes", the thing an
    amount is the price of: "the $2.1 billion line" of "a $2.4 billion plan to build ... a light-rail line"), or
    the same holder of a share ("Smith won 52%"). No evidence: a currency or a % sign in common ("$1.3 billion"
    and "lost $6 billion", "30 percent" and "80 percent"), a bare count of people, men, women or children with
    no event ("198 people", "45,000 people"), a share of the vote with no holder ("two-thirds of the vote", "30
    percent of the vote"), two amounts that name different things ("a $43,000 Rolex watch", "a $5,000
    football"), or an event one of them does not state ("55,000 pages received", "900 pages" found)."""
    if a.holder and a.holder == b.holder:
        return True
    thing = _thing_named(a, b)
    if thing is False:
        return False
    p, q = _event(a), _event(b)
    if p is not None and p == q:
        return True
    # an amount that names what it buys and no event is its price: "the $2.1 billion line" cost it
    return bool(thing) and (p == q or (a.unit in CURRENCIES and {p, q} <= {None, "paid"}))


def _event(claim: Claim) -> str | None:
    """The event a claim states, when it tells the quantity apart: "recorded" tells nothing, nor does the
    "won" that the word "vote" implies ("two-thirds of the vote": whose?)."""
    if claim.predicate in NEUTRAL_PREDICATES:
        return None
    if claim.predicate == "won" and claim.noun_text.lower() in ("vote", "votes"):
        return None
    return claim.predicate


def _thing_named(a: Claim, b: Claim) -> bool | None:
    """True when two claims name the same thing, False when two amounts of money name different things, None
    when a claim names nothing that tells (no noun, "amount", "people", "votes": the holder tells whose votes)."""
    x, y = _counted(a.noun), _counted(b.noun)
    if x != y or x == UNSTATED or x in ANYONE or x in SHARED_OUT:
        return None
    if a.unit in CURRENCIES and x == "amount":
        priced_a, priced_b = _priced(a), _priced(b)
        if priced_a is None or priced_b is None:
            return None
        return priced_a == priced_b or _mentions(b.quote, priced_a) or _mentions(a.quote, priced_b)
    return True


def _priced(claim: Claim) -> str | None:
    """The thing an amount names in its own words, as its singular head: "line" of "the $2.1 billion line",
    "contribution" of "$15 million in charitable contributions"; None when it names only money ("$5 billion in
    funding", "$250,000 in campaign funds"), or when the noun is not written right after the amount (a subject:
    "to the tune of $3.5 billion"; a clause: "$2.5 billion the department had allocated")."""
    words = claim.noun_text.lower().split()
    said = claim.text.lower().split()
    if not words or len(said) <= len(words) or said[-len(words):] != words:
        return None
    if said[-len(words) - 1] in _PHRASE_OPENERS:
        return None
    head = words[-1]
    return None if head in MONEY_WORDS or singular(head) in MONEY_WORDS else singular(head)


def _mentions(text: str, head: str) -> bool:
    """Whether a sentence names the thing `head` (singular or plural): an outlet's "light-rail line"."""
    return re.search(r"(?<![\w-])" + re.escape(head) + r"(?:s|es)?(?![\w-])", text, re.IGNORECASE) is not None


def relate(a: Claim, b: Claim, main_anchors: frozenset[str] = frozenset(),
           sorted_kinds: frozenset[tuple[int, str]] = frozenset()) -> Pair:
    """Whether two claims can state the same quantity, and how softly they differ. `main_anchors` are the days
    the story is about: a figure tied to one of them is not set apart from a figure that names no day.
    `sorted_kinds` holds (origin, noun) of the sources that count two kinds of one thing in one sentence ("40
    missiles, including 12 cruise missiles"): their count of a kind is never another outlet's count of another
    kind."""
    if a.unit != b.unit:
        return VETO
    if a.origin == b.origin and not _two_voices(a, b):
        # one voice: a repeated figure is one claim, two values are two quantities
        same = _same_thing(a.noun, b.noun) and a.value == b.value and a.qualifier == b.qualifier
        return Pair(False) if same and (_same_event(a.predicate, b.predicate) or {a.predicate, b.predicate} == {
            None, "cost"}) else VETO  # "a $447 billion plan" is the "$447 billion package" it names again
    if a.rate != b.rate or a.forecast != b.forecast or a.limit != b.limit:
        return VETO
    soft: set[str] = set()
    noun_a, noun_b = _counted(a.noun), _counted(b.noun)
    if (noun_a != a.noun) != (noun_b != b.noun):
        soft.add("noun")  # "3,000 more troops" may be another outlet's "3,000 troops" if the values fit
    if noun_a != noun_b and UNSTATED in (noun_a, noun_b):
        soft.add("noun")  # "20% will come from the fund" may be "one-fifth of the cost" if the values fit
    elif noun_a != noun_b:
        if not ({noun_a, noun_b} & {"people"} and {noun_a, noun_b} - {"people"} <= PEOPLE_SUBSETS):
            return VETO
        if not (a.predicate == b.predicate == "attended"):  # protesters at a rally are its people
            soft.add("noun")
    elif noun_a != UNSTATED and not (a.unit in CURRENCIES and noun_a == "amount") and _kind(a) != _kind(b):
        # of money, a kind of tax is a kind ("federal taxes", "state taxes"); what an amount buys is no kind of it
        if any(_kind(c) and (c.origin, c.noun) in sorted_kinds for c in (a, b)):
            return VETO  # a source that tells "12 cruise missiles" from its "40 missiles" means a part by them
        soft.add("noun")  # "seven rural counties" may not be "two counties", "3 ballistic missiles" not "23 missiles"
    if not _predicates_fit(a.predicate, b.predicate, soft):
        return VETO
    if a.with_attacker is not None and b.with_attacker is not None and a.with_attacker != b.with_attacker:
        return VETO
    if a.with_attacker != b.with_attacker:
        soft.add("attacker")
    if not _sides_fit(a, b) or (a.holder and b.holder and a.holder != b.holder):
        return VETO
    if not _anchors_fit(a.anchor, b.anchor, main_anchors, soft):
        return VETO
    scope = places.relation(a.scope, b.scope)
    if scope == "different":
        return VETO
    whole = None
    if scope == "near":
        soft.add("place")
    if scope in ("a-whole", "b-whole"):
        soft.add("part")
        whole = 0 if scope == "a-whole" else 1
    return Pair(False, frozenset(soft), whole)


def _counted(noun: str) -> str:
    """What a count counts, whether it is the count or an addition to it: "more people" -> "people"."""
    return noun[len(ADDED) + 1:] if noun.startswith(ADDED + " ") else noun


def _kind(claim: Claim) -> frozenset[str]:
    """The words that narrow what a claim counts to a kind of it: 'rural' in 'seven rural counties',
    'intercontinental ballistic' in 'three intercontinental ballistic missiles' (not 'unmanned aerial' of drones)."""
    return frozenset(word.lower() for word in kind_words(claim.noun_text))


def _same_thing(x: str, y: str) -> bool:
    """'three workers died' and 'the three people who died' in one article count the same thing."""
    return x == y or UNSTATED in (x, y) or ("people" in (x, y) and ({x, y} - {"people"}) <= PEOPLE_SUBSETS)


def _two_voices(a: Claim, b: Claim) -> bool:
    """One article quoting two estimates ("organisers said 200,000, police put it at 30,000")."""
    return bool(a.attribution and b.attribution and a.attribution.lower() != b.attribution.lower()
                and a.value != b.value)


def _same_event(p: str | None, q: str | None) -> bool:
    """One event in other words: 'will pay $3bn', 'a $3bn plan' and 'approved $3bn' are one outlay."""
    return p == q or {p, q} <= OUTLAY_PREDICATES


def _predicates_fit(p: str | None, q: str | None, soft: set[str]) -> bool:
    if _same_event(p, q):
        return True
    if (p in CHANGE_PREDICATES) != (q in CHANGE_PREDICATES):
        return False  # "rose 3%" is a change, "3%" a level
    if p is None or q is None or p in NEUTRAL_PREDICATES or q in NEUTRAL_PREDICATES:
        return True
    if frozenset({p, q}) in RELATED_PREDICATES:
        soft.add("predicate")
        return True
    return False


def _sides_fit(a: Claim, b: Claim) -> bool:
    """Drones one side launched are not drones launched at it."""
    if a.attacker and b.attacker and a.attacker != b.attacker:
        return False
    if a.target and b.target and a.target != b.target:
        return False
    return not ((a.attacker and a.attacker == b.target) or (b.attacker and b.attacker == a.target))


def _anchors_fit(x: str | None, y: str | None, main: frozenset[str], soft: set[str]) -> bool:
    """Figures for different days are different facts; a figure tied to a day the story is not about is only
    soft-compatible with one that names no day."""
    current = NIGHT_OR_TODAY | main
    if x == y:
        return True
    if x is not None and y is not None:
        if _next_days(x, y):
            return True  # "late on Thursday" and "on Friday": around midnight, or in another time zone
        return x in current and y in current and ("night" in (x, y) or x == y)
    named = x or y
    if named not in current:
        soft.add("time")
    return True


def _next_days(x: str, y: str) -> bool:
    if not (x.startswith("day:") and y.startswith("day:")):
        return False
    gap = abs(WEEK.index(x[4:]) - WEEK.index(y[4:]))
    return gap in (1, 6)


def vote(a: Claim, b: Claim, pair: Pair) -> int | None:
    """+2 the same quantity with compatible values, +1 join, 0 no evidence either way (values that do not fit,
    and nothing that shows one quantity), -1 keep apart, None never together. Agreeing pairs weigh more so that,
    when several sources each give two look-alike figures (two candidates' shares), like values pair up first."""
    if pair.veto:
        return None
    fits = compatible(a, b)
    if fits and not (a.named and b.named) and a.value != b.value:
        return 0  # "9 percent" of nothing named is only a number: it is another figure only as the same number
    if not pair.soft:
        return 2 if fits else (1 if identified(a, b) else 0)
    if fits:
        return 1
    disputed = 1 if identified(a, b) else 0  # one count, disputed, when something shows it is one quantity
    if pair.soft == {"part"} and a.unit is None:
        whole, part = (a, b) if pair.whole == 0 else (b, a)
        if whole.high < part.low:
            return disputed  # a whole smaller than its part: the same count, disputed
        if whole.scope is None and whole.low < NEAR_EQUAL * part.high:
            return disputed  # an unplaced count barely above a placed one: the same count, disputed (14 vs 13)
        return -1
    if pair.soft == {"place"} and a.unit is None:
        small, large = sorted((a, b), key=lambda c: c.value)
        return disputed if large.low < NEAR_EQUAL * small.high else -1  # "near Mladenovac" vs "in Belgrade"
    return -1


def _block(claim: Claim) -> tuple[str | None, str]:
    noun = _counted(claim.noun)
    return claim.unit, "people" if noun in PEOPLE_SUBSETS else noun


def align(claims: list[Claim], main_anchors: frozenset[str] = frozenset()) -> list[list[Claim]]:
    """Clusters of claims that state the same quantity, each in reading order, in order of first appearance.

    Claims are first grouped within blocks of one unit and one thing counted (cheap: most pairs never meet);
    then the groups of each unit are merged once more, so that a figure naming no thing ("38 km") can join
    the figure that names it ("a 38-kilometre line")."""
    blocks: dict[tuple[str | None, str], list[int]] = {}
    for i, claim in enumerate(claims):
        blocks.setdefault(_block(claim), []).append(i)
    kinds: dict[tuple[int, str, int], set[frozenset[str]]] = {}
    for claim in claims:
        kinds.setdefault((claim.origin, claim.noun, claim.position[0]), set()).add(_kind(claim))
    sorted_kinds = frozenset(key[:2] for key, found in kinds.items() if len(found) > 1)
    by_unit: dict[str | None, list[list[int]]] = {}
    for (unit, _), members in blocks.items():
        by_unit.setdefault(unit, []).extend(_merge(claims, [[i] for i in members], main_anchors, sorted_kinds))
    clusters: list[list[int]] = []
    for unit, groups in by_unit.items():
        unstated = any(claims[i].noun == UNSTATED for group in groups for i in group)
        clusters.extend(_merge(claims, groups, main_anchors, sorted_kinds) if unstated else groups)
    ordered = [sorted(c, key=lambda i: (claims[i].ref, claims[i].position)) for c in clusters]
    ordered.sort(key=lambda c: min(c))
    return [[claims[i] for i in c] for c in ordered]


def _merge(claims: list[Claim], groups: list[list[int]], main_anchors: frozenset[str],
           sorted_kinds: frozenset[tuple[int, str]] = frozenset()) -> list[list[int]]:
    """Greedy agglomeration: merge the best pair of groups until no merge is positive. Two groups score the sum,
    over each pair of sources, of the best vote between their claims (a source that repeats a figure in other
    words votes once); a single veto keeps them apart, and so do values that do not fit when no pair of them
    is shown to be one quantity (`identified`)."""
    votes: dict[tuple[int, int], int | None] = {}

    def vote_of(i: int, j: int) -> int | None:
        key = _key(i, j)
        if key not in votes:
            votes[key] = vote(claims[i], claims[j], relate(claims[i], claims[j], main_anchors, sorted_kinds))
        return votes[key]

    def score(g: list[int], h: list[int]) -> tuple[int, int, float] | None:
        best: dict[tuple[int, int], int] = {}
        disputed = attested = False
        for i in g:
            for j in h:
                v = vote_of(i, j)
                if v is None:
                    return None
                pair = (claims[i].origin, claims[j].origin)
                best[pair] = max(best.get(pair, v), v)
                if not compatible(claims[i], claims[j]):
                    disputed, attested = True, attested or v > 0
        if disputed and not attested:
            return None  # values that do not fit, and no pair of them shown to be one quantity
        gap = min(_gap(claims[i], claims[j]) for i in g for j in h)
        return sum(best.values()), len(best), gap

    merged: dict[int, list[int]] = {g[0]: list(g) for g in groups}
    scores = {_key(g, h): score(merged[g], merged[h]) for x, g in enumerate(merged) for h in list(merged)[x + 1:]}
    while True:
        best_rank, best_key = None, None
        for key, found in scores.items():
            if found is None or found[0] <= 0:
                continue
            total, count, gap = found
            rank = (total / count, total, -gap, -key[0], -key[1])
            if best_rank is None or rank > best_rank:
                best_rank, best_key = rank, key
        if best_key is None:
            break
        keep, gone = best_key
        merged[keep].extend(merged.pop(gone))
        for other in list(merged):
            if other != keep:
                scores.pop(_key(gone, other), None)
                scores[_key(keep, other)] = score(merged[keep], merged[other])
        scores.pop(best_key, None)
    return list(merged.values())


def _key(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def _gap(a: Claim, b: Claim) -> float:
    """How far apart two values are, relative to the larger: ties between merges go to the closest values."""
    return abs(a.value - b.value) / max(abs(a.value), abs(b.value), 1e-9)
