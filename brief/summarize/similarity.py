"""Sentence-to-sentence similarity: lexical overlap (TF-IDF cosine) blended with sentence embeddings.

Lexical overlap sees shared names and figures; embeddings see paraphrase ("began talks" / "commenced
discussions"). Settings.embedding_model = "tfidf" skips the model for speed.
"""
from __future__ import annotations

import numpy as np

from brief.config import Settings
from brief.summarize.lexical import tfidf_matrix

EMBEDDING_SHARE = 0.5


def similarity_matrix(texts: list[str], settings: Settings | None = None) -> np.ndarray:
    """Pairwise similarity in [0, 1] of `texts` (the diagonal is 1 for any non-empty text)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    from brief.embed import embed_texts

    lexical = tfidf_matrix(texts)
    semantic = embed_texts(texts, settings or Settings())
    blended = (1 - EMBEDDING_SHARE) * (lexical @ lexical.T) + EMBEDDING_SHARE * (semantic @ semantic.T)
    return np.clip(blended, 0.0, 1.0)
