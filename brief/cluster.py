"""Articles -> stories: group reports of the same event, link copies to their original, rank by independent outlets.

Evidence for two articles reporting one event (`pair_similarity`, in [0, 1], a weighted sum, WEIGHTS):
- meaning: cosine of the sentence embeddings of title and lead (brief.embed);
- wording: cosine of TF-IDF vectors of the text (names and rare words weigh most);
- names and numbers: the share of the capitalised names and the numbers of the shorter article found in the
  other (survives a spun copy's word swaps). Look-alike events (two earthquakes, two celebrities in rehab) read
  alike but share no name, place or figure: without any shared one the score is halved. Look-alikes in one region
  may share a few general names (a state, an agency) but not the specific one each is about: the names and numbers
  in a headline that its own text also uses (the town, the person). When both headlines have such names and none
  of either's is found in the other article, the two report different instances and the score is halved too;
- time: articles published more than `Settings.cluster_window_days` apart are never one story.
Stories are average-linkage groups whose mean pairwise score reaches `Settings.cluster_threshold`. Such a group
never spans two connected components of the graph of pairs scoring at least the threshold, so the linkage runs
per component, and the graph is built block by block in publication order, each block only against the articles
inside its time window: memory stays linear in the number of articles.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import timezone
from typing import Sequence

import numpy as np

from brief.config import Settings
from brief.copies import copy_links
from brief.embed import embed_texts
from brief.text import sentences, words
from brief.types import Article, Source, Story

LEAD_SENTENCES = 3
LEAD_WORDS = 40
BODY_WORDS = 600  # the TF-IDF side reads at most this many words of each article
NAME_WORDS = 400  # names and numbers are taken from this many first words
NO_SHARED_NAME_FACTOR = 0.5
WEIGHTS = (0.45, 0.25, 0.3)  # meaning, wording, names and numbers (tuned on the dev sets and the seeds)
BLOCK = 512  # rows of the pair-score matrix computed at once

# A capitalised word not opening a sentence (not after . ! ? : ; or an opening quote), or a number.
_NAME_OR_NUMBER = re.compile(
    r"(?=[A-Z0-9])(?:(?<![.!?:;\"“‘(]\s)(?<![.!?:;]['\"’”)]\s)(?<![\"“‘(])\b([A-Z][\w'’.-]*)|(\d[\d,.:]*\d|\d))"
)
_HEADLINE_WORD = re.compile(r"\b([A-Z][\w'’.-]*)|(\d[\d,.:]*\d|\d)")
_NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december mr mrs ms dr the a an i it he she they we you his her their its this that
    but and or in on at of for to with as by from after before when while if so""".split()
)


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
    for sentence in sentences(" ".join(article.text.split()[:LEAD_WORDS * 2]))[:LEAD_SENTENCES]:
        if count >= LEAD_WORDS:
            break
        parts.append(sentence)
        count += len(words(sentence))
    return " ".join(" ".join(parts).split()[:LEAD_WORDS + 20])


def body_text(article: Article) -> str:
    return " ".join([article.title, *article.text.split()[:BODY_WORDS]])


def _name_key(name: str) -> str:
    """A name as compared: lower case, without dots or a possessive, so "N.R.A.'s" and "NRA" are one name."""
    name = name.replace(".", "").lower()
    return name[:-2] if name.endswith("'s") and len(name) > 2 else name


def names_and_numbers(article: Article) -> frozenset[str]:
    """Capitalised words that do not open a sentence (names, places, organisations) and numbers."""
    text = ". " + " ".join(article.text.split()[:NAME_WORDS]).replace("’", "'")
    found = {_name_key(name) if name else number.replace(",", "") for name, number in _NAME_OR_NUMBER.findall(text)}
    return frozenset(found - _NOT_NAMES - {""})


def headline_names(article: Article, names: frozenset[str]) -> frozenset[str]:
    """The names and numbers of the headline that the text uses as names too: what the article is specifically
    about (a headline's capitals alone are no evidence, as many headlines capitalise every word)."""
    found = {_name_key(name) if name else number.replace(",", "")
             for name, number in _HEADLINE_WORD.findall(article.title.replace("’", "'"))}
    return frozenset(found & names)


@dataclass(frozen=True)
class Features:
    """What the pair score reads, one row per article."""

    meaning: np.ndarray  # (n, d) L2-normalised embeddings
    wording: object  # (n, v) sparse L2-normalised TF-IDF
    names: object  # (n, k) sparse 0/1 names and numbers
    name_counts: np.ndarray  # (n,)
    heads: object  # (n, k) sparse 0/1 headline names (a subset of names, same columns)
    head_counts: np.ndarray  # (n,)
    stamps: np.ndarray  # (n,) seconds, NaN when undated


def _sparse_rows(sets: Sequence[frozenset[str]], vocabulary: dict[str, int] | None = None):
    """0/1 rows over `vocabulary` (extended with unseen items); pass one dict to give two matrices one set of
    columns (columns past a matrix's own items stay empty)."""
    from scipy.sparse import csr_matrix

    vocabulary = {} if vocabulary is None else vocabulary
    indptr, indices = [0], []
    for items in sets:
        indices.extend(sorted(vocabulary.setdefault(item, len(vocabulary)) for item in items))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(sets), max(len(vocabulary), 1)))


def features(articles: Sequence[Article], settings: Settings) -> Features:
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer

    meaning = embed_texts([lead_text(a) for a in articles], settings)
    try:
        wording = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32).fit_transform(
            [body_text(a) for a in articles])
    except ValueError:  # not a single word in any article
        wording = csr_matrix((len(articles), 1), dtype=np.float32)
    names = [names_and_numbers(a) for a in articles]
    heads = [headline_names(a, n) for a, n in zip(articles, names)]
    stamps = np.array([np.nan if timestamp(a) is None else timestamp(a) for a in articles], dtype=np.float64)
    vocabulary: dict[str, int] = {}
    name_rows = _sparse_rows(names, vocabulary)  # heads are a subset of names: every column is known here
    head_rows = _sparse_rows(heads, vocabulary)
    return Features(meaning, wording, name_rows, np.array([len(n) for n in names], dtype=np.float32),
                    head_rows, np.array([len(h) for h in heads], dtype=np.float32), stamps)


def pair_similarity(f: Features, rows: np.ndarray, cols: np.ndarray, window_days: float) -> np.ndarray:
    """Scores of articles `rows` against articles `cols`, a dense (len(rows), len(cols)) block."""
    meaning = np.clip(f.meaning[rows] @ f.meaning[cols].T, 0.0, 1.0)
    wording = (f.wording[rows] @ f.wording[cols].T).toarray()
    shared = (f.names[rows] @ f.names[cols].T).toarray()
    smaller = np.minimum(f.name_counts[rows][:, None], f.name_counts[cols][None, :])
    names = shared / np.maximum(smaller, 1.0)
    score = WEIGHTS[0] * meaning + WEIGHTS[1] * wording + WEIGHTS[2] * names
    # Different instances: both headlines name something specific and neither's is found in the other article.
    row_heads_found = (f.heads[rows] @ f.names[cols].T).toarray()
    col_heads_found = (f.names[rows] @ f.heads[cols].T).toarray()
    both_headed = (f.head_counts[rows][:, None] > 0) & (f.head_counts[cols][None, :] > 0)
    other_instance = both_headed & (row_heads_found == 0) & (col_heads_found == 0)
    score[((shared == 0) & (smaller > 0)) | other_instance] *= NO_SHARED_NAME_FACTOR
    apart = np.abs(f.stamps[rows][:, None] - f.stamps[cols][None, :]) > window_days * 86400.0  # NaN: undated pass
    score[apart] = 0.0
    return score


def _components(f: Features, threshold: float, window_days: float) -> list[np.ndarray]:
    """Connected components of the graph of pairs scoring at least `threshold`, each an index array.

    Rows are visited in publication order, each block against itself and the later articles that are still
    inside the time window (undated articles, sorted last, are compared with everything)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(f.stamps)
    by_time = np.argsort(np.where(np.isnan(f.stamps), np.inf, f.stamps), kind="stable")
    sorted_stamps = f.stamps[by_time]
    undated = int(np.isnan(sorted_stamps).sum())
    dated = n - undated
    sources, targets = [], []
    for start in range(0, n, BLOCK):
        rows = by_time[start:start + BLOCK]
        if start < dated:
            latest = sorted_stamps[min(start + BLOCK, dated) - 1] + window_days * 86400.0
            end = int(np.searchsorted(sorted_stamps[:dated], latest, side="right"))
            columns = np.concatenate([by_time[start:end], by_time[dated:]])
        else:
            columns = by_time[start:]
        i, j = np.nonzero(pair_similarity(f, rows, columns, window_days) >= threshold)
        sources.append(rows[i])
        targets.append(columns[j])
    src, dst = np.concatenate(sources), np.concatenate(targets)
    graph = coo_matrix((np.ones(len(src), dtype=np.int8), (src, dst)), shape=(n, n))
    count, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    return np.split(order, np.cumsum(np.bincount(labels, minlength=count))[:-1])


def group(f: Features, threshold: float, window_days: float) -> list[list[int]]:
    """Average-linkage groups of article indices, each sorted, in order of their first index."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    groups: list[list[int]] = []
    for members in _components(f, threshold, window_days):
        if len(members) == 1:
            groups.append([int(members[0])])
            continue
        distance = 1.0 - pair_similarity(f, members, members, window_days).astype(np.float64)
        distance = np.clip((distance + distance.T) / 2.0, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
        for label in sorted(set(labels.tolist())):
            groups.append(sorted(int(m) for m in members[labels == label]))
    return sorted(groups, key=lambda g: g[0])


def story_id(sources: Sequence[Source]) -> str:
    """Stable id: a short hash of the first original source's identity (url, else id, else key)."""
    first = next(s for s in sources if s.duplicate_of is None).article
    identity = first.url or first.id or first.key
    return hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12]


def make_story(members: Sequence[Article]) -> Story:
    ordered = sorted(members, key=source_order)
    links = {link.copy: link for link in copy_links(ordered)}
    sources = tuple(
        Source(ref=i + 1, article=a, duplicate_of=links[i].original + 1, copy_kind=links[i].kind) if i in links
        else Source(ref=i + 1, article=a)
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
    groups = group(features(ordered, settings), settings.cluster_threshold, settings.cluster_window_days)
    stories = [make_story([ordered[i] for i in members]) for members in groups]
    return sorted(stories, key=_rank_key)
