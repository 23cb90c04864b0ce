"""The story's headline never states a disputed or superseded figure as settled when another title does not."""
from __future__ import annotations

from datetime import datetime, timezone

from brief.summarize.headline import choose_headline
from brief.types import Article, Fact, FigureValue, Source

EARLY = datetime(2026, 11, 18, 1, tzinfo=timezone.utc)
LATE = datetime(2026, 11, 18, 14, tzinfo=timezone.utc)


def _source(ref: int, title: str, published: datetime) -> Source:
    return Source(ref, Article(key=f"{ref}.txt", title=title, text="x", outlet=f"Outlet {ref}", published=published))


def _value(value: float, ref: int, published: datetime) -> FigureValue:
    return FigureValue(value=value, unit=None, qualifier=None, text=str(value), quote="q", refs=(ref,),
                       published=published)


SOURCES = (_source(1, "Four killed in warehouse fire in Dunmore", EARLY),
           _source(2, "Warehouse fire in Dunmore: what we know", LATE))
SUMMARY = ["Four workers were killed in a warehouse fire in Dunmore, officials said.",
           "The toll later rose to six after two missing workers were found."]


def test_a_superseded_toll_is_not_the_headline():
    update = Fact("workers killed", "update", (_value(4, 1, EARLY), _value(6, 2, LATE)), note="rose from 4 to 6")
    assert choose_headline(SOURCES, SUMMARY, facts=(update,)) == "Warehouse fire in Dunmore: what we know"


def test_one_side_of_a_conflict_is_not_the_headline():
    conflict = Fact("workers killed", "conflict", (_value(4, 1, EARLY), _value(5, 2, LATE)), note="4 vs 5")
    assert choose_headline(SOURCES, SUMMARY, facts=(conflict,)) == "Warehouse fire in Dunmore: what we know"


def test_an_agreed_figure_may_stand_in_the_headline():
    agreed = Fact("workers killed", "agree", (_value(4, 1, EARLY), _value(4, 2, LATE)))
    assert choose_headline(SOURCES, SUMMARY, facts=(agreed,)) == "Four killed in warehouse fire in Dunmore"
