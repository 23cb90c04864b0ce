"""Reading numbers in digits and words (brief.figures.numbers)."""
from __future__ import annotations

import time

import pytest

from brief.figures.numbers import mentioned_values, scan


def _numbers(text: str):
    """Every number written in `text`, in order."""
    return scan(text)[1]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("At least 1,200 people were evacuated", {1200.0}),
        ("a budget of 1.2 million dollars", {1_200_000.0}),
        ("a $3bn deal and a £1.5m fine", {3e9, 1.5e6}),
        ("twenty-five drones", {25.0}),
        ("two hundred and fifty-three thousand four hundred votes", {253_400.0}),
        ("a dozen protesters and two dozen police", {12.0, 24.0}),
        ("half a million people", {500_000.0}),
        ("one-fifth of the territory and two-thirds of the land", {0.2, 2 / 3}),
        ("a quarter of voters", {0.25}),
        ("turnout was 62% and 3.5 percent", {62.0, 3.5}),
        ("one hundred one", {101.0}),
        ("nineteen eighty-four", {19.0, 84.0}),
        ("one two three", {1.0, 2.0, 3.0}),
    ],
)
def test_values_in_digits_and_words(text, expected):
    assert mentioned_values(text) == frozenset(expected)


def test_dates_years_times_and_ordinals_count_as_stated_numbers_for_the_guard():
    values = mentioned_values("On Feb. 28, 2014 at 9:30 he made his 28th and third trip")
    assert {28.0, 2014.0, 9.0, 30.0, 3.0} <= values


def test_vague_quantities_and_pronoun_one_state_no_number():
    assert mentioned_values("Tens of thousands marched; dozens were hurt; one of them spoke") == frozenset()
    assert mentioned_values("no one was hurt") == frozenset()


def test_one_opening_a_ratio_is_a_number_even_after_a_pronoun_word():
    assert mentioned_values("the poll showed that one in four renters had moved") == frozenset({1.0, 4.0})
    assert mentioned_values("each one out of 12 jurors agreed") == frozenset({1.0, 12.0})
    assert mentioned_values("the one in 2019 was smaller") == frozenset({2019.0})  # a year is no ratio's base
    assert mentioned_values("no one in the town was hurt") == frozenset()


def test_vague_quantities_are_read_as_ranges():
    (tens,) = [n for n in _numbers("tens of thousands of people") if n.kind == "vague"]
    assert (tens.low, tens.high) == (10_000, 100_000)
    (dozens,) = _numbers("dozens of cars")
    assert dozens.low == 24 and dozens.high > 100


def test_fraction_needs_a_fraction_reading():
    kinds = [(n.text, n.kind) for n in _numbers("a fifth term, a fifth of the vote")]
    assert kinds == [("fifth", "ordinal"), ("a fifth", "fraction")]


def test_names_with_digits_are_marked_attached():
    attached = {n.text: n.attached for n in _numbers("F-16 jets, G7 leaders, MH17 and 40 people")}
    assert attached == {"16": True, "7": True, "17": True, "40": False}


def test_versions_are_dotted_not_decimal():
    (version,) = _numbers("version 1.2.3")
    assert version.kind == "dotted" and version.value is None


def test_huge_digit_runs_do_not_stall():
    text = "9" * 10_000_000
    started = time.perf_counter()
    assert mentioned_values(text) == frozenset()
    assert time.perf_counter() - started < 10


def test_a_half_dozen_and_a_hyphenated_dozen_are_numbers_and_a_bare_dozen_is_none():
    assert mentioned_values("a half-dozen senators and nearly two-dozen orders") == frozenset({6.0, 24.0})
    assert mentioned_values("eggs sold by the dozen") == frozenset()
