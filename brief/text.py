"""Text helpers shared by every stage: paragraphs, sentences and words."""
from __future__ import annotations

import re
import unicodedata

# Abbreviations after which a period does not end a sentence (lower-cased, without the period).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st gen col lt sgt capt maj adm gov sen rep rev hon pres supt cmdr
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc ltd co corp dept univ est approx vs etc vol fig al
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa
    tenn tex va vt wash wis wyo
    """.split()
)

_SENTENCE_STARTERS = frozenset(
    "The A An It He She They We I You This That These Those There His Her Its Their Our But And Yet So In On At "
    "After Before When While If As Some Many Most No Not One Two Three".split()
)

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_SENTENCE_END_RE = re.compile(r"""([.!?…]+)(["'”’)\]]*)(\s+)""")


def normalize_whitespace(text: str) -> str:
    """NFC-normalise, turn non-breaking spaces into spaces and collapse runs of blanks within lines."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t\f\v]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def paragraphs(text: str) -> list[str]:
    """Non-empty lines: articles in every input format come with one paragraph per line or block."""
    return [p for p in (line.strip() for line in text.split("\n")) if p]


# Words that follow a clock time inside a sentence ("3 p.m. Tuesday", "9 a.m. EST").
_AFTER_CLOCK_TIME = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec today tomorrow tonight
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest eastern central mountain pacific local""".split()
)


def _ends_sentence(before: str, following: str) -> bool:
    """Decide whether the punctuation just before `following` closes a sentence."""
    if not following:
        return True
    first = following[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘(["):
        return False
    last_word = re.search(r"[\w.]+$", before.rsplit(None, 1)[-1][:-1]) if before.endswith(".") else None
    if last_word:
        token = last_word.group(0).lower()
        if token.rstrip(".") in _ABBREVIATIONS:
            return False
        if token in ("no", "nos") and first.isdigit():  # "No. 3"
            return False
        next_word = re.match(r"[\w’']+", following)
        if token in ("a.m", "p.m"):  # "at 3:30 p.m. Canal Road was closed" but "at 3 p.m. Tuesday", "p.m. EST"
            return bool(next_word) and next_word.group(0).lower() not in _AFTER_CLOCK_TIME
        # Initials and dotted abbreviations ("U.S.", "J.") end a sentence only before a word that starts sentences,
        # not before a name: "U.S. The council" but "J. Smith".
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token) or len(token) == 1:
            return bool(next_word) and next_word.group(0) in _SENTENCE_STARTERS
    return True


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping abbreviations and initials ("Mr.", "U.S.", "J.D.") and
    quotations whole ("Enough! Pay us now," she said.). Linear in the paragraph's length, however it is punctuated.
    """
    sentences: list[str] = []
    start = scanned = 0
    open_curly = straight = 0  # quotation marks seen since `start`
    last_close_curly, last_straight = paragraph.rfind("\u201d"), paragraph.rfind('"')
    for match in _SENTENCE_END_RE.finditer(paragraph):
        end = match.end(2)
        segment = paragraph[scanned:end]
        open_curly += segment.count("\u201c") - segment.count("\u201d")
        straight += segment.count('"')
        scanned = end
        # Inside a quotation that closes later in the paragraph: not a sentence end.
        if (open_curly > 0 and last_close_curly >= end) or (straight % 2 == 1 and last_straight >= end):
            continue
        before = paragraph[max(start, match.end(1) - 80):match.end(1)]
        if _ends_sentence(before, paragraph[match.end():match.end() + 40]):
            sentence = paragraph[start:end].strip()
            if sentence:
                sentences.append(sentence)
            start = match.end()
            open_curly = straight = 0
            scanned = start
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def sentences(text: str) -> list[str]:
    """All sentences of a text, paragraph by paragraph."""
    return [s for p in paragraphs(text) for s in split_sentences(p)]


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, inner apostrophes and hyphens kept)."""
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]
