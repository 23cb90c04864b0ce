"""Copies within a story: exact, near (syndicated) and spun rewrites, linked to the right original."""
from __future__ import annotations

from brief.copies import copy_links
from brief.types import Article

ORIGINAL = """The city council voted 7 to 2 on Wednesday to close the Harbor Street bridge for repairs starting next month, a decision that will force thousands of commuters onto longer routes.
Engineers said the steel supports under the bridge had corroded faster than expected and could fail within two years if nothing was done.
The repairs are expected to cost about $48 million and take eighteen months, according to the city's transportation department.
Mayor Helen Ortiz said the council had no choice but to act quickly to protect public safety.
"We cannot ask people to drive across a structure that our own engineers say is failing," she told reporters after the meeting.
Business owners near the bridge warned that the closure would cut their sales and asked the city for financial help.
The council agreed to study a support fund for affected shops and to add extra bus service during the closure.
Traffic officials plan to open a temporary ferry route between the two neighbourhoods by the end of the summer.
Opponents of the plan argued that the work could be done in stages while keeping one lane open.
The department said a partial closure would double the cost and stretch the project to more than three years."""

# The same report run through a word spinner: common words swapped for rarer near-synonyms, one for one.
SPUN = """The metropolis council voted 7 to 2 on Wednesday to shut the Harbor Street bridge for repairs beginning subsequent month, a determination that will pressure hundreds of commuters onto lengthier routes.
Engineers stated the metal helps beneath the bridge had corroded quicker than anticipated and could fail inside two years if nothing was completed.
The repairs are anticipated to value about $48 million and take eighteen months, in accordance with the metropolis's transportation division.
Mayor Helen Ortiz stated the council had no selection however to behave rapidly to guard public security.
"We cannot ask people to drive across a structure that our own engineers say is failing," she advised reporters after the assembly.
Enterprise homeowners close to the bridge warned that the closure would minimize their gross sales and requested the metropolis for monetary assist.
The council agreed to review a assist fund for affected retailers and so as to add further bus service throughout the closure.
Visitors officers plan to open a short lived ferry route between the 2 neighbourhoods by the tip of the summer time.
Opponents of the plan argued that the work might be finished in levels whereas conserving one lane open.
The division stated a partial closure would double the price and stretch the undertaking to greater than three years."""

# Another outlet's own report of the same vote: same facts, same quote, its own sentences.
INDEPENDENT = """Commuters who rely on the Harbor Street bridge will need new routes from next month after councillors approved an eighteen-month closure on Wednesday.
The vote was 7 to 2. City engineers had warned that corrosion in the steel supports was worse than first thought.
"We cannot ask people to drive across a structure that our own engineers say is failing," Mayor Helen Ortiz said.
The work is budgeted at roughly $48 million. Shop owners nearby fear a drop in trade and want compensation.
A ferry service is planned for late summer, and the transit agency will run more buses.
Two councillors wanted the bridge repaired one lane at a time, but the transportation department said that would take over three years."""


def originals_of(articles) -> dict[int, int]:
    return {link.copy: link.original for link in copy_links(articles)}


def _article(key: str, text: str, outlet: str) -> Article:
    return Article(key=key, text=text, title="", outlet=outlet)


def test_spun_copy_points_at_its_original_even_when_listed_first():
    articles = [_article("a-spun", SPUN, "Spinner"), _article("b-original", ORIGINAL, "Tribune")]
    links = copy_links(articles)
    assert [(link.copy, link.original, link.kind) for link in links] == [(0, 1, "rewrite")]


def test_spun_copy_found_in_either_order():
    articles = [_article("a-original", ORIGINAL, "Tribune"), _article("b-spun", SPUN, "Spinner")]
    assert originals_of(articles) == {1: 0}


def test_independent_report_sharing_a_quote_is_not_a_copy():
    articles = [_article("a", ORIGINAL, "Tribune"), _article("b", INDEPENDENT, "Courier")]
    assert originals_of(articles) == {}


def test_exact_and_near_copies_point_at_the_earliest_original():
    syndicated = ORIGINAL.replace("Mayor Helen Ortiz", "Ortiz").replace("about $48 million", "$48 million") \
        + "\nThis story was first published by the Tribune."
    articles = [
        _article("1", ORIGINAL, "Tribune"),
        _article("2", ORIGINAL.upper(), "Reprint"),  # the same words, shouted
        _article("3", syndicated, "Courier"),
        _article("4", INDEPENDENT, "Gazette"),
    ]
    links = {(link.copy, link.original, link.kind) for link in copy_links(articles)}
    assert links == {(1, 0, "exact"), (2, 0, "near")}


def test_a_copy_of_a_copy_points_at_the_first_original():
    articles = [_article("1", ORIGINAL, "Tribune"), _article("2", ORIGINAL, "Reprint"), _article("3", SPUN, "Spinner")]
    assert originals_of(articles) == {1: 0, 2: 0}


def test_empty_and_tiny_texts_are_never_copies():
    articles = [_article("1", "", "A"), _article("2", "", "B"), _article("3", "Breaking", "C"),
                _article("4", "Breaking", "D")]
    assert originals_of(articles) == {3: 2}
