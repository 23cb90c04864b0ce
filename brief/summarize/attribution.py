"""Name contested figures as claims: "..., according to Reuters." when the outlets disagree on a value.

The figures engine says which facts are disputed (verdict "conflict", or "update" for a superseded value); a
summary sentence that states one of their values is attributed to the outlets that give that value, and cites
only them.
"""
from __future__ import annotations

import re
from urllib.parse import urlparse

from brief.figures import contested_in, mentioned_values
from brief.text import words
from brief.types import Fact, Source, SummarySentence

_ATTRIBUTED = re.compile(r"\b(?:according to|said|says|reported|reports|told|claimed|claims)\b", re.IGNORECASE)
_ENDS_WITH_SPEAKER = re.compile(
    r"\b(?:said|says|reported|reports|told \w+|added|according to [^,]+)\.$", re.IGNORECASE
)


def outlet_name(source: Source) -> str | None:
    """How a summary names a source: its outlet (without a trailing "(...)" label), else its web domain."""
    article = source.article
    outlet = re.sub(r"\s*\([^)]*\)\s*$", "", (article.outlet or "").strip())
    host = (urlparse(article.url or "").hostname or "").removeprefix("www.")
    return outlet or host or None


def _names(refs: list[int], by_ref: dict[int, Source]) -> str:
    """"Reuters", "Reuters and the FT", "Reuters and another report", "a report", "several reports" (never a
    number word, which the number guard would count as a figure)."""
    found = [outlet_name(by_ref[r]) for r in refs]
    names = list(dict.fromkeys(name for name in found if name))
    unnamed = found.count(None)
    if unnamed:
        if not names:
            return "a report" if unnamed == 1 else "several reports"
        names.append("another report" if unnamed == 1 else "other reports")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _proper_noun(word: str, source_text: str) -> bool:
    """A capitalised word is a name when the source also writes it capitalised inside a sentence."""
    return bool(re.search(rf"[\w,;:’'\"”)] {re.escape(word)}\b", source_text)) or word.isupper()


def _with_attribution(text: str, names: str, source_text: str) -> str:
    """"..., according to X." at the end; "According to X, ..." in front when the sentence already ends with a
    speaker ("..., officials said.") or a quotation."""
    if text.endswith(".") and text[-2:-1] not in "\"'”’)" and not _ENDS_WITH_SPEAKER.search(text):
        return f"{text[:-1]}, according to {names}."
    first, _, rest = text.partition(" ")
    word = re.match(r"\w+", first)
    if word and not _proper_noun(word.group(), source_text):
        first = first[:1].lower() + first[1:]
    return f"According to {names}, {first} {rest}".rstrip()


def attribute(
    sentence: SummarySentence, own_ref: int, facts: tuple[Fact, ...], sources: tuple[Source, ...]
) -> SummarySentence:
    """The sentence named as a claim of its sources when it states a contested value, citing only the sources that
    give that value; otherwise the sentence unchanged. Only outlet names are added, never a number."""
    stated = mentioned_values(sentence.text)
    refs = set(sentence.refs)
    contested = False
    for fact in contested_in(sentence.text, facts):
        for value in fact.values:
            if float(value.value) in stated and own_ref in value.refs:
                refs &= set(value.refs)
                contested = True
    if not contested:
        return sentence
    by_ref = {s.ref: s for s in sources}
    cited = sorted(r for r in refs | {own_ref} if r in by_ref)
    names = _names(cited, by_ref)
    text = sentence.text
    unnamed = names in ("a report", "several reports")
    if not set(words(names)) <= set(words(text)) and not (unnamed and _ATTRIBUTED.search(text)):
        attributed = _with_attribution(text, names, by_ref[own_ref].article.text if own_ref in by_ref else "")
        if mentioned_values(attributed) <= stated:  # an outlet name with a number in it: leave the text be
            text = attributed
    return SummarySentence(text, tuple(cited))
