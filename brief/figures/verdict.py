"""Turn a cluster of claims into a Fact: merged values, a label, and a verdict a reader can act on."""
from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from brief.figures import places
from brief.figures.align import compatible
from brief.figures.extract import Claim
from brief.figures.meaning import kind_label, kind_words
from brief.figures.numbers import mentioned_values
from brief.figures.vocabulary import (
    CANONICAL_NOUNS,
    CUMULATIVE_PREDICATES,
    CURRENCIES,
    PEOPLE_SUBSETS,
    PREDICATE_DISPLAY,
    PREDICATE_OF,
    SHARED_OUT,
    TIME_UNITS,
    UNSTATED,
    unit_after,
)
from brief.types import Fact, FigureValue

VERDICT_ORDER = {"conflict": 0, "update": 1, "agree": 2, "single": 3}
# "one in four primary classes", "3 out of 10 adults": a share of what follows
_LIKELIHOODS = frozenset({"chance", "chances", "odds", "probability", "likelihood", "risk"})  # "a 1 in 3 chance"
_RATIO = re.compile(r"^\S+ (?:in|out of) \S+ \w", re.IGNORECASE)


def fact_of(claims: list[Claim]) -> Fact:
    values = _values(claims)
    verdict, note = _verdict(claims, values)
    if verdict == "update":
        values = tuple(sorted(values, key=lambda v: (v.published, v.refs)))
    return Fact(what=label(claims), verdict=verdict, values=values, note=note)


def _values(claims: list[Claim]) -> tuple[FigureValue, ...]:
    """One FigureValue per (value, unit, qualifier), with the refs of every source that gives it."""
    groups: dict[tuple, list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.value, claim.unit, claim.qualifier, claim.high if claim.qualifier == "between"
                           else None, claim.written), []).append(claim)
    values = []
    for members in groups.values():
        first = min(members, key=lambda c: (c.ref, c.position))
        published = [c.published for c in members if c.published is not None]
        values.append(FigureValue(
            value=first.value, unit=first.unit, qualifier=first.qualifier, text=first.text, quote=first.quote,
            refs=tuple(sorted({c.ref for c in members})),
            scope=_scope(members),
            attribution=first.attribution or next((c.attribution for c in members if c.attribution), None),
            published=min(published) if published else None,
            high=first.high if first.qualifier == "between" else None,
            written=first.written,
            quotes=tuple(dict.fromkeys(c.quote for c in members)),
        ))
    return tuple(sorted(values, key=lambda v: v.refs))


def _scope(members: list[Claim]) -> str | None:
    """Where and when the value applies, as its sources say: "in the Moscow region, overnight"."""
    place = next((c.scope.text for c in members if c.scope), None)
    when = next((_anchor_text(c.anchor) for c in members if c.anchor), None)
    return ", ".join(part for part in (place, when) if part) or None


def _verdict(claims: list[Claim], values: tuple[FigureValue, ...]) -> tuple[str, str | None]:
    origins = {c.origin for c in claims}
    all_fit = all(compatible(a, b) for i, a in enumerate(claims) for b in claims[i + 1:])
    rising = _rising(claims)
    if rising is not None and len({c.value for c in claims}) > 1:
        return "update", rising
    if not all_fit:
        return "conflict", " vs ".join(_show(v) for v in values)
    if len(origins) < 2:
        return "single", None
    if len({v.value for v in values}) > 1:
        return "agree", "compatible: " + " and ".join(_show(v) for v in values)
    return "agree", None


def _rising(claims: list[Claim]) -> str | None:
    """'rose from X to Y' when publication times order the values of a growing count, else None."""
    if any(c.published is None for c in claims) or claims[0].unit is not None:
        return None
    predicates = {c.predicate for c in claims} - {None}
    if not predicates or not predicates <= CUMULATIVE_PREDICATES:
        return None
    by_time: dict[datetime, set[float]] = {}
    for c in claims:
        by_time.setdefault(c.published, set()).add(c.value)
    if any(len(v) > 1 for v in by_time.values()) or len(by_time) < 2:
        return None
    ordered = sorted(claims, key=lambda c: (c.published, c.value))
    # never clearly lower than the report before it ("more than 2,000" after 2,012 is fine), higher at last
    if any(later.high < earlier.low for earlier, later in zip(ordered, ordered[1:])):
        return None
    first, last = ordered[0], ordered[-1]
    if last.value <= first.value:
        return None
    return f"rose from {_amount(first)} to {_amount(last)}"


def _amount(claim: Claim) -> str:
    number = _number(claim.value)
    return f"{claim.qualifier} {number}" if claim.qualifier and claim.qualifier != "between" else number


def _number(value: float) -> str:
    """'337', '1,200', '3.2 billion', '66.7'."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{value / scale:,.4g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.3g}"


def _show(value: FigureValue) -> str:
    if value.written:
        return value.written
    number = _number(value.value)
    if value.qualifier == "between":
        stated = mentioned_values(value.text)
        number = f"{number}–{_number(max(stated))}" if stated and max(stated) > value.value else number
    qualifier = f"{value.qualifier} " if value.qualifier and value.qualifier != "between" else ""
    unit = value.unit or ""
    if unit == "%":
        return f"{qualifier}{number}%"
    if unit and unit.isupper():
        return f"{qualifier}{unit} {number}"
    return f"{qualifier}{number}{' ' + unit_after(value.value, unit) if unit else ''}"


def label(claims: list[Claim]) -> str:
    """A short human label: 'drones downed in Moscow', 'people killed', 'share of territory controlled'."""
    first = claims[0]
    noun = _noun(claims)
    predicates = Counter(c.predicate for c in claims if c.predicate)
    top = max(predicates, key=lambda p: (predicates[p], -_first_index(claims, p))) if predicates else None
    predicate = PREDICATE_DISPLAY.get(top, top) if top else ""
    if predicate and (predicate in noun.split() or any(PREDICATE_OF.get(w) == top for w in noun.lower().split())):
        predicate = ""  # "fine", not "fine fine"; "losses", not "losses lost"
    if top == "won" and noun not in SHARED_OUT and noun != "people" and noun not in PEOPLE_SUBSETS and (
            (first.unit is None or first.unit in TIME_UNITS) and first.noun != UNSTATED or first.unit in CURRENCIES):
        predicate = "received"  # "the petition received 120,000 signatures": signatures are not won
    if top in ("cost", "valued", "net worth") and noun == "amount":
        noun, predicate = predicate, ""  # "approved a $2.4 billion plan": what the plan costs, not an amount paid
    scopes = {c.scope.key for c in claims if c.scope}
    scoped = [c for c in claims if c.scope]
    where = places.label(scoped[0].scope) if len(scopes) == 1 and 2 * len(scoped) >= len(claims) else ""
    targets = {c.target for c in claims}
    whole = all(c.scope is None or c.scope.level in ("country", "national") for c in claims)
    if not where and whole and len(targets) == 1 and first.target and first.unit is None:
        where = "across " + places.display_name(first.target)  # "drones downed across Russia"
    unit = first.unit
    if unit == "%" and noun not in _LIKELIHOODS and any(" of " in c.text or _RATIO.search(c.text) for c in claims):
        core = f"share of {noun} {predicate}"
    elif unit == "%":
        core = f"{noun} {predicate} (%)"
    elif unit in TIME_UNITS:
        core = f"{noun} {predicate} length ({unit})"
    elif unit:
        core = f"{noun} {predicate} ({unit})"
    else:
        core = f"{noun} {predicate}"
    core = " ".join(core.split())
    parts = [core, where]
    holders = {c.holder for c in claims}
    if len(holders) == 1 and first.holder:
        parts.append("by " + first.holder.title())
    attackers = {c.attacker for c in claims}
    if predicate == "launched" and len(attackers) == 1 and first.attacker:
        parts.append("by " + places.display_name(first.attacker))
    if first.rate:
        parts.append(first.rate)
    anchors = {c.anchor for c in claims}
    if len(anchors) == 1 and first.anchor and first.anchor.startswith(("day:", "year:", "month:", "last:", "since:")):
        parts.append(_anchor_text(first.anchor))
    text = " ".join(p for p in parts if p)
    if all(c.limit for c in claims):
        text = "limit: " + text  # "a cap of 28 pupils per class" is no count of pupils
    return ("forecast: " + text) if all(c.forecast for c in claims) else text


def _first_index(claims: list[Claim], predicate: str) -> int:
    return next(i for i, c in enumerate(claims) if c.predicate == predicate)


def _noun(claims: list[Claim]) -> str:
    """What the fact counts: the canonical word when there is one ('drones' for UAVs), with the kind every source
    names ('intercontinental ballistic missiles', 'Senate seats'), else as written."""
    nouns = Counter(c.noun for c in claims)
    key = max(nouns, key=lambda n: (n != UNSTATED, nouns[n], n == "people"))
    written = next(c.noun_text for c in claims if c.noun == key)
    if key not in CANONICAL_NOUNS:
        return written
    if claims[0].unit in CURRENCIES:
        return key  # what an amount is spent on is no kind of it
    kinds = {tuple(w.lower() for w in kind_words(c.noun_text)) for c in claims if c.noun == key}
    return (kind_label(written) or key) if len(kinds) == 1 else key  # "ballistic missiles", not "missiles"


def _anchor_text(anchor: str) -> str:
    kind, _, what = anchor.partition(":")
    if kind == "span":
        return "from {} to {}".format(*what.split("-"))
    return {"day": f"on {what.capitalize()}", "year": f"in {what}", "month": f"in {what.capitalize()}",
            "last": f"last {what}", "night": "overnight", "since": f"since {what}", "earlier": f"earlier on {what}",
            "rel": what, "ago": f"{what} ago", "cumulative": "so far"}[kind]
