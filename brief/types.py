"""Frozen records that flow between the pipeline stages.

Stages are pure functions over these records; only ingest (reading) and deliver (writing) touch the outside world.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Article:
    """One input article after ingest (and, later, cleaning).

    `key` is unique within a run (the input path plus, for multi-record files, the record's position) and orders
    articles deterministically; `id` is the id the input itself gave, kept to the output.
    """

    key: str
    text: str
    title: str = ""
    id: str | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    published: datetime | None = None
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, with the one-line reason shown to the user."""

    input: str
    reason: str


@dataclass(frozen=True)
class Source:
    """An article as a cited source of a story: `ref` is the number in its [n] markers."""

    ref: int
    article: Article
    duplicate_of: int | None = None  # ref of the original when this article is a copy / rewrite
    copy_kind: str | None = None  # with duplicate_of: "exact", "near" (a wire copy lightly edited) or "rewrite"


@dataclass(frozen=True)
class Story:
    """Articles about one event. `sources` are in citation order; copies point at their original."""

    id: str
    sources: tuple[Source, ...]

    @property
    def independent_sources(self) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.duplicate_of is None)

    @property
    def independent_outlets(self) -> int:
        names = {(s.article.outlet or s.article.key).strip().lower() for s in self.independent_sources}
        return len(names)


@dataclass(frozen=True)
class FigureValue:
    """One value of a fact as one or more sources give it."""

    value: float
    unit: str | None
    qualifier: str | None  # "at least", "about", ... or None for an exact figure
    text: str  # the figure as written ("at least 91 drones")
    quote: str  # the sentence it comes from
    refs: tuple[int, ...]
    scope: str | None = None
    attribution: str | None = None
    published: datetime | None = None
    high: float | None = None  # the upper bound of a range ("between 20 and 30": value 20, high 30)
    written: str | None = None  # a fraction or vague amount in the source's words ("about two-thirds", "dozens")
    quotes: tuple[str, ...] = ()  # every sentence stating this value, one per source that gives it


@dataclass(frozen=True)
class Fact:
    """The same quantity aligned across sources, with a verdict: agree, conflict, single or update."""

    what: str
    verdict: str
    values: tuple[FigureValue, ...]
    note: str | None = None  # e.g. "rose from 12 to 18"


@dataclass(frozen=True)
class SummarySentence:
    text: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class Summary:
    sentences: tuple[SummarySentence, ...]
    engine: str  # "extractive" or "seq2seq:<model>"
    dropped_sentences: tuple[str, ...] = ()
    headline: str | None = None


@dataclass(frozen=True)
class StoryBriefing:
    story: Story
    headline: str
    summary: Summary
    figures: tuple[Fact, ...]


@dataclass(frozen=True)
class Briefing:
    title: str
    date: str
    generated_at: str
    stories: tuple[StoryBriefing, ...]
    skipped: tuple[Skipped, ...] = ()
    notices: tuple[str, ...] = ()
