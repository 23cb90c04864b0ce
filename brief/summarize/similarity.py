"""Sentence-to-sentence similarity: lexical overlap (TF-IDF cosine) and sentence embeddings.

Lexical overlap sees shared names and figures; embeddings see paraphrase ("began talks" / "commenced
discussions"). Salience uses their blend; whether two sentences state the same thing asks either one to be
high. Settings.embedding_model = "tfidf" skips the model for speed.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from brief.config import Settings
from brief.summarize.lexical import tfidf_matrix

EMBEDDING_SHARE = 0.5
SAME_LEXICAL = 0.5  # TF-IDF cosine at which two sentences say the same thing in mostly the same words
SAME_SEMANTIC = 0.7  # MiniLM cosine at which two news sentences are paraphrases (related ones stay below ~0.65)


@dataclass(frozen=True)
class Similarity:
    lexical: np.ndarray
    semantic: np.ndarray

    @property
    def blended(self) -> np.ndarray:
        """Pairwise similarity in [0, 1]."""
        return np.clip((1 - EMBEDDING_SHARE) * self.lexical + EMBEDDING_SHARE * self.semantic, 0.0, 1.0)

    @property
    def same_statement(self) -> np.ndarray:
        """Pairs that state the same thing, in the same words or as a paraphrase."""
        return (self.lexical >= SAME_LEXICAL) | (self.semantic >= SAME_SEMANTIC)


def similarity(texts: list[str], settings: Settings | None = None) -> Similarity:
    """Lexical and semantic cosine similarity of every pair of `texts`."""
    if not texts:
        empty = np.zeros((0, 0), dtype=np.float32)
        return Similarity(empty, empty)
    from brief.embed import embed_texts

    lexical = tfidf_matrix(texts)
    semantic = embed_texts(texts, settings or Settings())
    return Similarity(lexical @ lexical.T, semantic @ semantic.T)
