"""Articles -> stories: group reports of the same event, link copies to their original, rank by independent outlets.

Two articles belong to one story when their combined similarity reaches `Settings.cluster_threshold` under
average linkage, and they were published at most `Settings.cluster_window_days` apart. The similarity mixes the
meaning of title and lead (sentence embeddings) with the wording of the whole text (TF-IDF).
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Sequence

import numpy as np

from brief.config import Settings
from brief.copies import find_copies
from brief.embed import embed_texts
from brief.text import sentences, words
from brief.types import Article, Source, Story

LEAD_SENTENCES = 3
LEAD_WORDS = 60
BODY_WORDS = 1500  # the TF-IDF side reads at most this many words of each article


def timestamp(article: Article) -> float | None:
    """Seconds since the epoch; a naive datetime is taken as UTC."""
    published = article.published
    if published is None:
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    return published.timestamp()


def source_order(article: Article) -> tuple:
    """Citation order within a story: earliest publication first (undated last), then the article key."""
    ts = timestamp(article)
    return (ts is None, ts or 0.0, article.key)


def lead_text(article: Article) -> str:
    """Title plus the first sentences, cut to about LEAD_WORDS words: what the article is about, cheaply."""
    parts = [article.title.strip()] if article.title.strip() else []
    count = len(words(article.title))
    for sentence in sentences(article.text[:5000])[:LEAD_SENTENCES]:
        if count >= LEAD_WORDS:
            break
        parts.append(sentence)
        count += len(words(sentence))
    return " ".join(" ".join(parts).split()[:LEAD_WORDS + 20])


def body_text(article: Article) -> str:
    return " ".join([article.title, *article.text.split()[:BODY_WORDS]])


def similarity(articles: Sequence[Article], settings: Settings) -> np.ndarray:
    """Pairwise similarity in [0, 1]: half meaning of title and lead, half wording of the text."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    semantic = embed_texts([lead_text(a) for a in articles], settings)
    semantic_sim = np.clip(semantic @ semantic.T, 0.0, 1.0)
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    try:
        lexical = vectorizer.fit_transform([body_text(a) for a in articles])
        lexical_sim = np.asarray((lexical @ lexical.T).todense())
    except ValueError:  # no word in any article
        lexical_sim = np.zeros_like(semantic_sim)
    combined = 0.5 * semantic_sim + 0.5 * lexical_sim
    return _apply_time_window(combined, articles, settings.cluster_window_days)


def _apply_time_window(sim: np.ndarray, articles: Sequence[Article], window_days: float) -> np.ndarray:
    stamps = np.array([timestamp(a) if timestamp(a) is not None else np.nan for a in articles])
    apart = np.abs(stamps[:, None] - stamps[None, :]) > window_days * 86400.0  # NaN compares False: undated pass
    sim = sim.copy()
    sim[apart] = 0.0
    return sim


def group(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage groups of indices; each group sorted, groups in order of their first index."""
    n = sim.shape[0]
    if n == 1:
        return [[0]]
    from sklearn.cluster import AgglomerativeClustering

    distance = 1.0 - sim
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    ).fit_predict(distance)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda g: g[0])


def story_id(sources: Sequence[Source]) -> str:
    """Stable id: a short hash of the first original source's identity (url, else id, else key)."""
    first = next(s for s in sources if s.duplicate_of is None).article
    identity = first.url or first.id or first.key
    return hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12]


def make_story(members: Sequence[Article]) -> Story:
    ordered = sorted(members, key=source_order)
    originals = find_copies(ordered)
    sources = tuple(
        Source(ref=i + 1, article=a, duplicate_of=(originals[i] + 1) if i in originals else None)
        for i, a in enumerate(ordered)
    )
    return Story(id=story_id(sources), sources=sources)


def _rank_key(story: Story) -> tuple:
    latest = max((timestamp(s.article) or float("-inf") for s in story.sources), default=float("-inf"))
    return (-story.independent_outlets, -latest, story.sources[0].article.key)


def cluster_articles(articles: Sequence[Article], settings: Settings) -> list[Story]:
    """Group cleaned articles into stories, ranked by independent outlets, then most recent publication."""
    if not articles:
        return []
    ordered = sorted(articles, key=lambda a: a.key)
    groups = group(similarity(ordered, settings), settings.cluster_threshold)
    stories = [make_story([ordered[i] for i in members]) for members in groups]
    return sorted(stories, key=_rank_key)
