"""Clustering quality on labelled articles: B-cubed and pairwise precision, recall and F1 against a gold field."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Sequence

from brief.config import Settings
from brief.errors import NothingUsable
from brief.types import Article, Skipped


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class ClusterEvaluation:
    articles: int
    gold_clusters: int
    predicted_clusters: int
    bcubed: Scores
    pairwise: Scores
    seconds: float
    skipped: tuple[Skipped, ...] = ()


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _contingency(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[Counter, Counter, Counter]:
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    return Counter(zip(predicted, gold)), Counter(predicted), Counter(gold)


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> Scores:
    """Per-item precision (share of its predicted cluster that shares its gold label) and recall, averaged."""
    if not gold:
        return Scores(0.0, 0.0, 0.0)
    cells, pred_sizes, gold_sizes = _contingency(gold, predicted)
    n = len(gold)
    precision = sum(count * count / pred_sizes[p] for (p, _), count in cells.items()) / n
    recall = sum(count * count / gold_sizes[g] for (_, g), count in cells.items()) / n
    return Scores(precision, recall, _f1(precision, recall))


def pairwise(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> Scores:
    """Precision and recall over the pairs of items put together (a pair-free side scores 1)."""
    cells, pred_sizes, gold_sizes = _contingency(gold, predicted)

    def pairs(counts: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    together = pairs(cells)
    predicted_pairs, gold_pairs = pairs(pred_sizes), pairs(gold_sizes)
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def gold_label(article: Article, field: str) -> str | None:
    return next((value for name, value in article.extra if name == field), None)


def evaluate_clusters(inputs: Sequence[str], settings: Settings, gold_field: str = "cluster") -> ClusterEvaluation:
    """Read, clean and cluster labelled articles, then score the stories against their gold labels.

    Articles without the gold field are left out (and listed as skipped)."""
    from brief.clean import clean_article
    from brief.cluster import cluster_articles
    from brief.ingest import read_inputs

    articles, skipped = read_inputs(inputs)
    labelled: list[Article] = []
    for article in articles:
        if gold_label(article, gold_field) is None:
            skipped.append(Skipped(article.path or article.key, f"no {gold_field!r} field"))
        else:
            labelled.append(clean_article(article))
    if not labelled:
        raise NothingUsable(f"no article with a {gold_field!r} field", hint="name the gold field with --gold-field")
    started = time.perf_counter()
    stories = cluster_articles(labelled, settings)
    seconds = time.perf_counter() - started
    story_of = {s.article.key: story.id for story in stories for s in story.sources}
    gold = [gold_label(a, gold_field) for a in labelled]
    predicted = [story_of[a.key] for a in labelled]
    return ClusterEvaluation(
        articles=len(labelled),
        gold_clusters=len(set(gold)),
        predicted_clusters=len(stories),
        bcubed=bcubed(gold, predicted),
        pairwise=pairwise(gold, predicted),
        seconds=seconds,
        skipped=tuple(skipped),
    )


def format_evaluation(evaluation: ClusterEvaluation) -> str:
    b, p = evaluation.bcubed, evaluation.pairwise
    return "\n".join([
        f"articles: {evaluation.articles}  gold stories: {evaluation.gold_clusters}  "
        f"predicted stories: {evaluation.predicted_clusters}  clustering: {evaluation.seconds:.1f} s",
        f"B-cubed   precision {b.precision:.3f}  recall {b.recall:.3f}  F1 {b.f1:.3f}",
        f"pairwise  precision {p.precision:.3f}  recall {p.recall:.3f}  F1 {p.f1:.3f}",
    ])
