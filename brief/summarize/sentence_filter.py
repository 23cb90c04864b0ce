"""Which sentences of an article may stand in a summary, and light clean-up of the ones that may.

brief/clean.py strips known boilerplate from whole articles; this is the second guard, per sentence: headline-like
fragments, bylines and credits, photo captions, promos, questions used as subheads, truncated excerpts and bare
quotes never reach a summary. The rules are data (patterns with the reason they stand for).
"""
from __future__ import annotations

import re

from brief.text import words

MIN_WORDS = 6
MAX_WORDS = 70

# (reason, pattern searched in the sentence)
_UNFIT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("byline", r"^(?:by|written by|story by)\s+(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*(?:[,|]|$)"),
        ("credit line", r"\b(?:reporting|editing|writing|additional reporting|compiled|produced) by\b"),
        ("credit line", r"\bcontributed (?:to this (?:report|story)|reporting)\b"),
        ("photo caption", r"\((?:AP|AFP|Reuters|Getty|EPA|Bloomberg)?\s*(?:photo|image|picture|video)\b[^)]*\)"),
        ("photo caption", r"\b(?:photo|image|picture)\s*(?:credit)?\s*[:/]|\bgetty images\b"
                          r"|\b(?:AP|AFP|REUTERS)/[A-Z]"),
        ("photo caption", r"^(?:file|pictured|above|top|photo|image|watch|video|listen|related|advertisement)\b"
                          r"\s*[:\-–—|]"),
        ("promo", r"\b(?:sign up (?:for|to|here|now)|subscribe (?:to|now|here|for)"
                  r"|(?:our|daily|free|weekly) newsletter)\b"),
        ("promo", r"\b(?:click here|read more|read the full|follow us|download (?:the|our) app|source link)\b"),
        ("promo", r"\b(?:all rights reserved|copyright \d{4}|leave a (?:comment|reply)|accept (?:all )?cookies)\b|©"),
        ("link", r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+\b|(?:^|\s)@\w+"),
        ("editor's note", r"^(?:editor'?s note|correction|update|clarification)\b\s*[:\-–—]"),
    )
)

_ENDS_SENTENCE = re.compile(r"""[.!]["'”’)\]]*$""")
_ENDS_QUESTION = re.compile(r"""\?["'”’)\]]*$""")
_TRUNCATED = re.compile(r"""(?:\.\.\.|…)["'”’)\]]*$""")
_OPENING_QUOTE = "\"“‘'"
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|stated|according to|asked|argued|insisted|warned|noted)\b",
    re.IGNORECASE,
)

# "WASHINGTON (Reuters) - ", "KYIV, Ukraine (AP) — ", "MOSCOW, March 11 (Reuters) -", "(Reuters) -", "LONDON — "
_DATELINE = re.compile(
    r"""^(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*"""  # place in capitals
    r"""(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z]?[a-z.]+)?(?:\s+\d{1,2})?)?\s*)?"""  # ", Ukraine" or ", March 11"
    r"""(?:\([A-Za-z .&/\-]{2,40}\)\s*)?[-—–]{1,2}\s+(?=[A-Z"“])"""
)

# Words that make a sentence lean on something said before it.
_DANGLING_STARTS = frozenset(
    """he she they it this that these those his her their its him them but and also however meanwhile still yet
    so then there here such both another other others instead nevertheless moreover furthermore additionally""".split()
)

# "Second, ...", "Finally, ...": a step of an argument or list begun in an earlier sentence
_LIST_STEP = re.compile(r"^(?:first|second|secondly|third|thirdly|fourth|finally|lastly|next|likewise|similarly),",
                        re.IGNORECASE)


# "EXCLUSIVE: ", "UPDATE 2: ", "ORIGINALLY PUBLISHED JANUARY 2021: "
_KICKER = re.compile(r"""^[A-Z][A-Z0-9 ,.'’&/-]{2,40}:\s+(?=[A-Z"“])""")


def strip_dateline(sentence: str) -> str:
    """Remove a wire-style dateline ("WASHINGTON (Reuters) - ") or a capitalised kicker ("EXCLUSIVE: ") from the
    front of a sentence."""
    sentence = _KICKER.sub("", sentence)
    match = _DATELINE.match(sentence)
    if not match:
        return sentence
    head = sentence[: match.end()]
    # A dateline is upper-case place names and/or an agency in brackets, never an ordinary opening clause.
    if "(" not in head and not re.match(r"^[A-Z]{2,}", head):
        return sentence
    return sentence[match.end():]


# Words that open a trailing modifier or subordinate clause: cutting before them leaves a complete main clause.
_CLAUSE_OPENERS = frozenset(
    """which who whom whose where when while as after before since because though although amid following
    including according saying adding but and or with without despite until unless whereas""".split()
)
MIN_TRIMMED_WORDS = 8


def _balanced(text: str) -> bool:
    return (
        text.count("(") == text.count(")")
        and text.count("“") == text.count("”")
        and text.count('"') % 2 == 0
    )


def trim_truncated(sentence: str) -> str | None:
    """A sentence cut off with "..." (feed and excerpt truncation) trimmed back to its main clause, or None.

    The cut is made before the last trailing modifier (", which ...", ", bringing ...", ", according to ..."), so
    the result only ever loses words.
    """
    body = _TRUNCATED.sub("", sentence).rstrip()
    for match in reversed(list(re.finditer(r"\s*(?:,|;|\s[—–])\s+(\w+)", body))):
        head = body[: match.start()].rstrip(" ,;")
        opener = match.group(1).lower()
        if len(words(head)) < MIN_TRIMMED_WORDS:
            break
        if (opener in _CLAUSE_OPENERS or opener.endswith("ing")) and _balanced(head):
            return head + "."
    return None


def unfit_reason(sentence: str, title: str = "") -> str | None:
    """Why `sentence` must not stand in a summary, or None when it may."""
    tokens = words(sentence)
    if len(tokens) < MIN_WORDS:
        return "too short"
    if len(tokens) > MAX_WORDS:
        return "too long"
    for reason, pattern in _UNFIT_PATTERNS:
        if pattern.search(sentence):
            return reason
    if sentence[0].islower():
        return "starts mid-sentence"
    if _TRUNCATED.search(sentence):
        return "truncated"
    if _ENDS_QUESTION.search(sentence):
        return "question"
    if not _ENDS_SENTENCE.search(sentence):
        return "no sentence end (headline or fragment)"
    letters = [c for c in sentence if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return "all capitals"
    if title and words(title) == tokens:
        return "repeats the headline"
    if sentence[0] in _OPENING_QUOTE and not _SPEECH_VERB.search(sentence):
        return "quote without attribution"
    if not _quotes_balanced(sentence):
        return "part of a longer quotation"
    return None


def _quotes_balanced(sentence: str) -> bool:
    """False for a piece of a quotation that spans sentences: a closing mark with no opening one before it
    ('... for future use," Netanyahu said.'), or one left open."""
    depth = 0
    for char in sentence:
        if char == "“":
            depth += 1
        elif char == "”":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and sentence.count('"') % 2 == 0


def leans_on_context(sentence: str) -> bool:
    """True when the sentence opens with a pronoun or connective ("Second, ..."), or is a quote: it reads badly out
    of context."""
    tokens = words(sentence)
    return (sentence[0] in _OPENING_QUOTE or bool(_LIST_STEP.match(sentence))
            or (bool(tokens) and tokens[0] in _DANGLING_STARTS))
