"""Figures engine: numbers in each article, what they count, aligned across sources with a verdict.

    compare_figures(story)      -> facts, conflicts first, then updates, agreements and single-source figures
    compare_stories(stories)    -> the facts of each story, and a message for each story that failed (no facts)
    contested_values(facts)     -> {value: fact} for every value a conflict or update disputes
    contested_in(text, facts)   -> the disputed facts whose values a sentence states
"""
from __future__ import annotations

from collections import Counter
from dataclasses import astuple, replace
from typing import Sequence

from brief.figures.align import align
from brief.figures.context import anchors_in
from brief.figures.extract import Claim, article_claims
from brief.figures.numbers import mentioned_values
from brief.figures.verdict import VERDICT_ORDER, fact_of
from brief.figures.vocabulary import WEEK
from brief.types import Fact, Story

MAX_CLAIMS_PER_SOURCE = 200  # a long news article states a few dozen figures

__all__ = ["compare_figures", "contested_values", "contested_in", "compare_stories", "mentioned_values"]


def compare_figures(story: Story) -> tuple[Fact, ...]:
    """The story's figures aligned across its sources. A copy (`duplicate_of`) adds its ref to the values it
    repeats but never counts as an independent confirmation. A figure of one source only whose words name no
    thing ("two of former", "17 percent" of nothing named) or that is a detail of a person it quotes ("a
    delivery driver with two children") is left out; a figure two sources give never is."""
    claims: list[Claim] = []
    for source in story.sources:
        article = source.article
        origin = source.duplicate_of if source.duplicate_of is not None else source.ref
        claims.extend(_bounded(article_claims(article.text, source.ref, origin, article.published)))
    clusters = align(claims, _main_anchors(story))
    ranked = []
    for cluster in clusters:
        if len({c.ref for c in cluster}) == 1 and not any(c.named and not c.aside for c in cluster):
            continue  # one outlet's figure whose words name no thing, or a detail of someone it quotes ("a
            # delivery driver with two children"): a misleading label is worse than none
        fact = fact_of(cluster)
        origins = len({c.origin for c in cluster})
        first = min((c.ref, c.position) for c in cluster)
        ranked.append(((VERDICT_ORDER[fact.verdict], -origins, first), fact))
    ranked.sort(key=lambda item: item[0])
    return tuple(fact for _, fact in ranked)


def compare_stories(stories: Sequence[Story]) -> tuple[list[tuple[Fact, ...]], list[str]]:
    """compare_figures for each story, but a failure on one story (a defect meeting text nobody foresaw) costs
    that story its figures, not the whole briefing: it gets no facts, and a message naming its first source."""
    facts: list[tuple[Fact, ...]] = []
    problems: list[str] = []
    for story in stories:
        try:
            facts.append(compare_figures(story))
        except Exception as err:  # noqa: BLE001 - any defect here must not lose the rest of the day's briefing
            first = story.sources[0].article
            facts.append(())
            problems.append(f"the figures of the story from {first.path or first.url or first.key} could not be "
                            f"compared ({type(err).__name__}: {err}); it is shown without them. Please report this "
                            "as a bug.")
    return facts, problems


def _bounded(claims: list[Claim]) -> list[Claim]:
    """One source's claims with repeats dropped (the same figure said again in the same terms) and at most
    MAX_CLAIMS_PER_SOURCE kept, in reading order: alignment compares claims pairwise, so a text that repeats one
    line thousands of times, or lists thousands of figures, must not stall the run."""
    seen: set[tuple] = set()
    kept: list[Claim] = []
    for claim in claims:
        meaning = astuple(replace(claim, position=(0, 0), text="", quote=""))
        if meaning not in seen:
            seen.add(meaning)
            kept.append(claim)
            if len(kept) == MAX_CLAIMS_PER_SOURCE:
                break
    return kept


def _main_anchors(story: Story) -> frozenset[str]:
    """Days the story is about: named by at least half of its independent sources (and at least two), and the
    day each source was published and the day before ("Friday's earthquake" in Saturday's paper). A year is one
    the story is about only when it is the only such year: a story that names several (2013, 2014, "from 2007 to
    2014") tells of a period, in which a figure's year sets it apart from a figure that names no time."""
    counts: Counter[str] = Counter()
    independent = story.independent_sources
    days: set[str] = set()
    for source in independent:
        counts.update({key for _, key in anchors_in(source.article.text, source.article.published, reported=True)})
        if source.article.published is not None:
            weekday = source.article.published.weekday()
            days |= {"day:" + WEEK[weekday], "day:" + WEEK[(weekday - 1) % 7]}
    need = max(2, (len(independent) + 1) // 2)
    main = {key for key, n in counts.items() if n >= need}
    years = {key for key in main if key.startswith(("year:", "span:"))}
    if len(years) > 1:
        main -= years
    return frozenset(main) | frozenset(days)


def contested_values(facts: tuple[Fact, ...] | list[Fact]) -> dict[float, Fact]:
    """Every value that sources dispute (a conflict) or that a later report superseded (an update), mapped to its
    fact. Percentages are also keyed as fractions (20% -> 0.2) because a text may write "one-fifth"."""
    contested: dict[float, Fact] = {}
    for fact in facts:
        if fact.verdict not in ("conflict", "update"):
            continue
        for value in fact.values:
            contested.setdefault(float(value.value), fact)
            if value.unit == "%":
                contested.setdefault(round(value.value / 100, 6), fact)
    return contested


def contested_in(text: str, facts: tuple[Fact, ...] | list[Fact]) -> tuple[Fact, ...]:
    """The disputed facts whose values `text` states, so a summary can say "sources differ" instead of stating
    one value as settled. When a number matches several facts, those whose label words the text shares win."""
    contested = contested_values(facts)
    words = set(text.lower().split())
    found: list[Fact] = []
    for value in sorted(mentioned_values(text)):
        candidates = [f for f in facts if f.verdict in ("conflict", "update") and any(
            float(v.value) == value or (v.unit == "%" and round(v.value / 100, 6) == value) for v in f.values)]
        if not candidates:
            continue
        sharing = [f for f in candidates if words & set(f.what.lower().split())]
        for fact in sharing or [contested[value]]:
            if fact not in found:
                found.append(fact)
    return tuple(found)
