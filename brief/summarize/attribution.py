"""Name contested figures as claims: "..., according to Reuters." when the outlets disagree on a value."""
from __future__ import annotations

from urllib.parse import urlparse

from brief.summarize.lexical import content_stems, numbers
from brief.types import Fact, FigureValue, Source, SummarySentence
from brief.text import words

QUOTE_OVERLAP = 0.8  # share of a figure's quote words a sentence must contain to be stating that quote
_ATTRIBUTION_CUES = ("according to", "reported", "reports", "said", "says", "told", "cited", "citing", "claimed")
_LOWERABLE_OPENERS = frozenset("the a an at in on some more about around over nearly almost".split())


def outlet_name(source: Source) -> str:
    """How a summary names a source: its outlet, else its web domain, else "one report"."""
    article = source.article
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    host = (urlparse(article.url or "").hostname or "").removeprefix("www.")
    return host or "one report"


def _states(sentence: SummarySentence, value: FigureValue) -> bool:
    """Does `sentence` give `value`, as one of the sources that give it?"""
    if not set(sentence.refs) & set(value.refs):
        return False
    text = sentence.text.lower()
    if value.text and value.text.lower() in text:
        return True
    quote = set(content_stems(value.quote))
    if not quote or not numbers(value.quote) & numbers(sentence.text):
        return False
    return len(quote & set(content_stems(sentence.text))) >= QUOTE_OVERLAP * len(quote)


def _names(refs: list[int], by_ref: dict[int, Source]) -> str:
    names = list(dict.fromkeys(outlet_name(by_ref[r]) for r in refs if r in by_ref))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _already_attributed(text: str, names: str) -> bool:
    lowered = text.lower()
    named = any(w in words(text) for w in words(names)) and any(cue in lowered for cue in _ATTRIBUTION_CUES)
    return named or "according to" in lowered


def _with_attribution(text: str, names: str) -> str:
    if text.endswith(".") and not text[-2:-1] in "\"'”’)":
        return f"{text[:-1]}, according to {names}."
    first, _, rest = text.partition(" ")
    if first.lower() in _LOWERABLE_OPENERS:
        first = first.lower()
    return f"According to {names}, {first} {rest}".rstrip()


def attribute(sentence: SummarySentence, facts: tuple[Fact, ...], sources: tuple[Source, ...]) -> SummarySentence:
    """Name the sentence as a claim of its sources when it states a contested figure; cite only those sources.

    Only outlet names are added, so no number the sources do not contain can appear.
    """
    by_ref = {s.ref: s for s in sources}
    for fact in facts:
        if fact.verdict != "conflict":
            continue
        for value in fact.values:
            if not _states(sentence, value):
                continue
            refs = sorted(set(sentence.refs) & set(value.refs))
            names = _names(refs, by_ref)
            text = sentence.text if _already_attributed(sentence.text, names) else _with_attribution(sentence.text, names)
            if not numbers(text) <= numbers(sentence.text):  # an outlet name with digits in it: leave the text be
                text = sentence.text
            return SummarySentence(text, tuple(refs))
    return sentence
