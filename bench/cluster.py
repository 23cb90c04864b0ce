"""Benchmark: brief's clustering at 1,000 and 10,000 articles against plain TF-IDF + agglomerative, in one run.

The corpus is built from the labelled dev sets (../shared/eval/cluster/*.jsonl) and samples/: every article is
replicated with perturbations (paragraphs dropped, words dropped from title and lead, so no two replicas embed
alike) and its date (an undated article takes its event's) shifted by 11 days per replica (a replica of an event is
a new event), until the size is reached. The gold story of a replica is (its event, its replica number), so each
run is also scored (B-cubed F1).

Steps, each with wall seconds, CPU seconds (this process, all threads: the cost on idle cores, whatever else
the machine runs), articles/s and the process's peak RSS during the step:
- embed (cold): the title+lead embeddings with an empty cache (a fresh state directory);
- cluster (embeddings given): cluster_articles with those embeddings cached: features, grouping, copies;
- warm run: cluster_articles in a fresh embedder that reads the cache from disk (a second run of the day);
- baseline: TF-IDF of the full texts, cosine distance, sklearn AgglomerativeClustering (average linkage,
  threshold 0.75 distance), the plain recipe, with no time window.
Usage: python bench/cluster.py [--sizes 1000 10000] [--no-baseline]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from brief import embed  # noqa: E402
from brief.clean import clean_article  # noqa: E402
from brief.cluster import cluster_articles, lead_text  # noqa: E402
from brief.config import Settings  # noqa: E402
from brief.evaluate.clusters import bcubed, gold_label  # noqa: E402
from brief.ingest import read_inputs  # noqa: E402
from brief.types import Article  # noqa: E402

DEV_SETS = [REPO.parent / "shared" / "eval" / "cluster" / name for name in ("basil.jsonl", "newswcl50.jsonl")]
BASE_DAY = datetime(2026, 1, 5, 8, tzinfo=timezone.utc)
REPLICA_DAYS = 11
BASELINE_DISTANCE = 0.75


class PeakRss:
    """Samples this process's resident set size every 20 ms while a step runs."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def current() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.current())
            time.sleep(0.02)

    def __enter__(self):
        self.peak = self.current()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())


@dataclass
class Step:
    seconds: float  # wall clock
    cpu: float  # CPU seconds of this process (all threads): what the step costs on an idle machine's cores
    rss_mb: float


def measure(step) -> tuple[object, Step]:
    with PeakRss() as rss:
        started, cpu_started = time.perf_counter(), time.process_time()
        result = step()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return result, Step(seconds, cpu, rss.peak / 2**20)


def sample_stories() -> dict[tuple[str, str | None], str]:
    """(file name, record id) -> story, from the gold annotation of samples/."""
    gold = REPO / "samples" / "_expected-figures.json"
    if not gold.exists():
        return {}
    stories = json.loads(gold.read_text(encoding="utf-8"))["stories"]
    return {(source["source"], source.get("id")): story["id"] for story in stories for source in story["sources"]}


def source_articles() -> list[tuple[Article, str]]:
    """(article, gold event) from the dev sets and samples/ (each sample file is its own event)."""
    pool: list[tuple[Article, str]] = []
    for path in DEV_SETS:
        if path.exists():
            articles, _ = read_inputs([str(path)])
            pool += [(clean_article(a), f"{path.stem}:{gold_label(a, 'cluster')}") for a in articles]
    samples, _ = read_inputs([str(REPO / "samples")])
    story_of = sample_stories()
    pool += [(clean_article(a), "sample:" + story_of.get((Path(a.path or "").name, a.id),
                                                        story_of.get((Path(a.path or "").name, None), a.key)))
             for a in samples]
    if not pool:
        sys.exit("no articles: neither ../shared/eval/cluster nor samples/ is there")
    return pool


def perturb(article: Article, replica: int, rng: random.Random) -> Article:
    paragraphs = [p for p in article.text.split("\n") if p.strip()]
    kept = [p for p in paragraphs if rng.random() > 0.1] or paragraphs[:1]
    if kept:
        first = kept[0].split()
        if len(first) > 8:
            del first[rng.randrange(len(first))]
        kept[0] = " ".join(first)
    title = article.title.split()
    if len(title) > 3:
        del title[rng.randrange(len(title))]
    return replace(
        article, key=f"replica-{replica}/{article.key}", id=f"{article.id or article.key}#{replica}",
        url=None, title=" ".join(title), text="\n".join(kept),
        published=article.published + timedelta(days=REPLICA_DAYS * replica, hours=rng.randrange(12)),
    )


def dated(pool: list[tuple[Article, str]]) -> list[tuple[Article, str]]:
    """Every article dated (naive dates as UTC): an undated one gets its event's first date, else BASE_DAY.
    (An undated article is compared with every other; undated replicas would all meet.)"""
    def aware(moment: datetime) -> datetime:
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

    first: dict[str, datetime] = {}
    for article, event in pool:
        if article.published is not None:
            first[event] = min(first.get(event, aware(article.published)), aware(article.published))
    return [(replace(article, published=aware(article.published) if article.published else first.get(event, BASE_DAY)),
             event) for article, event in pool]


def build_corpus(size: int, seed: int = 11) -> tuple[list[Article], list[str]]:
    rng = random.Random(seed)
    pool = dated(source_articles())
    articles, gold = [], []
    replica = 0
    while len(articles) < size:
        for article, event in pool[: size - len(articles)]:
            articles.append(perturb(article, replica, rng) if replica else article)
            gold.append(f"{event}@{replica}")
        replica += 1
    return articles, gold


def baseline(articles: list[Article]) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [f"{a.title}\n{a.text}" for a in articles])
    distance = 1.0 - (matrix @ matrix.T).toarray()
    distance[distance < 0] = 0.0
    return AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                   distance_threshold=BASELINE_DISTANCE).fit_predict(distance).tolist()


def predicted_labels(articles: list[Article], stories) -> list[str]:
    story_of = {s.article.key: story.id for story in stories for s in story.sources}
    return [story_of[a.key] for a in articles]


def row(name: str, n: int, step: Step, f1: float | None = None) -> str:
    quality = f"{f1:9.3f}" if f1 is not None else " " * 9
    return f"{name:<34}{n:>7}{step.seconds:>10.1f}{step.cpu:>9.1f}{n / step.seconds:>12.0f}{step.rss_mb:>10.0f}{quality}"


def run(size: int, with_baseline: bool) -> None:
    articles, gold = build_corpus(size)
    print(f"\n{size} articles ({len(set(gold))} gold stories)")
    print(f"{'step':<34}{'n':>7}{'seconds':>10}{'cpu s':>9}{'articles/s':>12}{'peak MB':>10}{'B3 F1':>9}")
    with tempfile.TemporaryDirectory() as state:
        settings = Settings(state_dir=Path(state))
        embed._embedder.cache_clear()
        _, embedding = measure(lambda: embed.embed_texts([lead_text(a) for a in articles], settings))
        print(row("embed (cold, title+lead)", size, embedding), flush=True)
        stories, clustering = measure(lambda: cluster_articles(articles, settings))
        f1 = bcubed(gold, predicted_labels(articles, stories)).f1
        print(row("cluster (embeddings given)", size, clustering, f1), flush=True)
        cold = Step(embedding.seconds + clustering.seconds, embedding.cpu + clustering.cpu,
                    max(embedding.rss_mb, clustering.rss_mb))
        print(row("= cold run (embed + cluster)", size, cold, f1))
        embed._embedder.cache_clear()
        embed._load_packaged.cache_clear()
        stories, warm = measure(lambda: cluster_articles(articles, settings))
        print(row("warm run (cache on disk)", size, warm, bcubed(gold, predicted_labels(articles, stories)).f1),
              flush=True)
    if with_baseline:
        labels, base = measure(lambda: baseline(articles))
        print(row("baseline TF-IDF + agglomerative", size, base, bcubed(gold, labels).f1))
        print(f"ratio to the baseline (wall): cold run {cold.seconds / base.seconds:.1f}x, cluster step "
              f"{clustering.seconds / base.seconds:.1f}x, warm run {warm.seconds / base.seconds:.1f}x")
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    for size in args.sizes:
        run(size, not args.no_baseline)


if __name__ == "__main__":
    main()
