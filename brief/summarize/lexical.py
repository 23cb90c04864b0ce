"""Lexical overlap between sentences: content-word stems and TF-IDF cosine.

Kept dependency-light (numpy only) so the extractive path stays cheap: a story has at most a few thousand
sentences, so a dense TF-IDF matrix over the story's own vocabulary is small.
"""
from __future__ import annotations

import numpy as np

from brief.text import words

_STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
    off on once only or other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours yourself yourselves said says say told
    according would could may might must shall one also mr mrs ms
    """.split()
)

_SUFFIXES = ("ingly", "edly", "ing", "ed", "ly")


def stem(word: str) -> str:
    """A light suffix stripper: enough to match "drones"/"drone" and "attacked"/"attack" across outlets."""
    word = word.removesuffix("'s")
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content (stop words dropped, numbers kept)."""
    return [stem(w) for w in words(text) if w not in _STOPWORDS]


def tfidf_matrix(texts: list[str]) -> np.ndarray:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf over `texts` themselves); empty texts give zero rows."""
    token_lists = [content_stems(t) for t in texts]
    vocabulary: dict[str, int] = {}
    for tokens in token_lists:
        for token in tokens:
            vocabulary.setdefault(token, len(vocabulary))
    counts = np.zeros((len(texts), max(len(vocabulary), 1)), dtype=np.float32)
    for row, tokens in enumerate(token_lists):
        for token in tokens:
            counts[row, vocabulary[token]] += 1.0
    document_frequency = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + len(texts)) / (1.0 + document_frequency)) + 1.0
    weights = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0) * idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return (weights / np.where(norms == 0, 1.0, norms)).astype(np.float32)
