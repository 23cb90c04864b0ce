"""A clean headline for a story: the title that best agrees with the summary, outlet suffixes removed."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Sequence
from urllib.parse import urlparse

import numpy as np

from brief.config import Settings
from brief.figures import contested_in
from brief.figures.numbers import mentioned_values
from brief.summarize.similarity import similarity
from brief.types import Fact, Source
from brief.text import words

MIN_WORDS = 3
MAX_WORDS = 25
FALLBACK_WORDS = 14

# A separator and what follows it at the end ("... - Reuters", "... | CNN Politics"), or a name and a separator at
# the start ("CNN: ...", "Reuters | ...").
_SUFFIX = re.compile(r"\s+([|\-–—:])\s+([^|\-–—:]+)$")
_PREFIX = re.compile(r"^([^|\-–—:]+?)\s*([|:])\s+")
_DOMAIN_LABELS = frozenset({"www", "com", "org", "net", "co", "uk", "edition", "news"})


def _names_outlet(part: str, separator: str, source: Source) -> bool:
    """True when `part` names the outlet: its name or web domain, or, after a bar ("| CNN Politics"), any short
    capitalised name (a bar before a site's name is a convention; a dash before a clause is not)."""
    tokens = [w for w in words(part) if w != "the"]
    if not tokens or len(tokens) > 5:
        return False
    known = set(words(source.article.outlet or ""))
    host = urlparse(source.article.url or "").hostname or ""
    known |= {label for label in host.split(".") if label not in _DOMAIN_LABELS}
    if set(tokens) <= known or "".join(tokens) in known:
        return True
    return separator == "|" and all(w[:1].isupper() or w[:1].isdigit() for w in part.split())


def clean_title(source: Source) -> str:
    """The source's title without outlet suffixes/prefixes ("... - Reuters", "CNN | ...") or trailing period."""
    title = " ".join(source.article.title.split())
    while (match := _SUFFIX.search(title)) and _names_outlet(match.group(2), match.group(1), source):
        if len(words(title[: match.start()])) < MIN_WORDS:
            break
        title = title[: match.start()]
    match = _PREFIX.match(title)
    if match and _names_outlet(match.group(1), match.group(2), source) and len(words(title[match.end():])) >= MIN_WORDS:
        title = title[match.end():]
    return title.rstrip(" .")


def usable_headline(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return MIN_WORDS <= len(words(title)) <= MAX_WORDS and not shouting and not title.endswith("?")


def shorten(sentence: str, max_words: int = FALLBACK_WORDS) -> str:
    """A headline from a sentence: its first clause if short enough, else its first words (only ever cut)."""
    text = sentence.rstrip(" .!\"'”’")
    for separator in (", ", " — ", " – ", "; ", ": "):
        head = text.split(separator, 1)[0]
        if MIN_WORDS <= len(head.split()) <= max_words:
            return head
    cut = text.split()
    return " ".join(cut[:max_words]).rstrip(",;:") + ("…" if len(cut) > max_words else "")


def _settles_a_dispute(title: str, facts: Sequence[Fact]) -> bool:
    """True when a title states one side of a conflict, or a toll that a later report superseded, as fact."""
    stated = mentioned_values(title)
    for fact in contested_in(title, facts):
        if fact.verdict == "conflict":
            return True
        latest = max(fact.values, key=lambda v: v.published or datetime.min.replace(tzinfo=timezone.utc))
        if any(float(v.value) in stated for v in fact.values if v is not latest):
            return True
    return False


def choose_headline(
    sources: tuple[Source, ...], summary_texts: list[str], settings: Settings | None = None,
    facts: Sequence[Fact] = (),
) -> str | None:
    """The cleaned title of the source most central to the summary (preferring titles that do not state a disputed
    or superseded figure as settled); else the summary's first sentence shortened."""
    titled = [(source, clean_title(source)) for source in sources if source.duplicate_of is None]
    titled = [(source, title) for source, title in titled if usable_headline(title)]
    titled = [pair for pair in titled if not _settles_a_dispute(pair[1], facts)] or titled
    if titled and summary_texts:
        texts = [title for _, title in titled] + summary_texts
        agreement = similarity(texts, settings).blended[: len(titled), len(titled):]
        return titled[int(np.argmax(agreement.mean(axis=1)))][1]
    if titled:
        return titled[0][1]
    return shorten(summary_texts[0]) if summary_texts else None
