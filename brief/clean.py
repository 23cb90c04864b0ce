"""Strip the boilerplate that scraped and syndicated copies carry: promos, comment forms, "Source link", credits.

The rules are data (brief/data/boilerplate.toml); this module only applies them. A line is removed only when a
rule names it, so no sentence of the report itself is lost.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from brief.text import paragraphs
from brief.types import Article

_EDGE_PUNCTUATION = " \t*»«›‹|•·-–—:>#"
_SENTENCE_END = (".", "!", "?", "\u201d", '"', "\u2019", "'")


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern, int]:
    data = tomllib.loads(resources.files("brief").joinpath("data/boilerplate.toml").read_text(encoding="utf-8"))

    def compile_all(patterns: list[str]) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return compile_all(data["anywhere"]), compile_all(data["trailing"]), int(data["promo_neighbour_max_words"])


def _bare(line: str) -> str:
    return line.strip(_EDGE_PUNCTUATION)


def is_boilerplate_line(line: str) -> bool:
    """True when the whole line is boilerplate wherever it stands ("Source link", a newsletter promo, ...)."""
    anywhere, _, _ = _rules()
    return anywhere.fullmatch(_bare(line)) is not None


def _comparable(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def _is_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def _drop_promo_neighbours(lines: list[str], removed: list[bool], max_words: int) -> None:
    """Remove the tag lines of a promo block at the top or the bottom (short, not sentences, next to a promo)."""
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        in_promo = False
        for i in order:
            if removed[i]:
                in_promo = True
                continue
            if in_promo and not _is_sentence(lines[i]) and len(lines[i].split()) <= max_words:
                removed[i] = True
                continue
            if _is_sentence(lines[i]) or len(lines[i].split()) > max_words:
                break  # the report itself has begun (or ended): promos are only at its edges


def clean_text(text: str, title: str = "") -> str:
    """The report's paragraphs without boilerplate, one per line."""
    anywhere, trailing, max_words = _rules()
    lines = paragraphs(text)
    removed = [anywhere.fullmatch(_bare(line)) is not None for line in lines]
    _drop_promo_neighbours(lines, removed, max_words)

    seen: set[str] = {_comparable(title)} if title else set()
    for i, line in enumerate(lines):
        key = _comparable(line)
        if not removed[i] and key and key in seen and len(key.split()) >= 4:
            removed[i] = True  # the headline repeated as a paragraph, or a paragraph printed twice
        seen.add(key)

    for i in range(len(lines) - 1, -1, -1):  # credit lines closing the report
        if removed[i]:
            continue
        if trailing.fullmatch(_bare(lines[i])):
            removed[i] = True
        else:
            break
    return "\n".join(line for line, gone in zip(lines, removed) if not gone)


def clean_article(article: Article) -> Article:
    """The article with its boilerplate stripped (its text may come back empty: the caller reports that)."""
    return replace(article, text=clean_text(article.text, article.title))
