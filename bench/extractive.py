"""Benchmark: the extractive summariser against sumy's TextRank on the same stories, measured in one run.

Stories of growing size are built from real article text (../shared/eval/summaries/allsides-dev.jsonl when it is
beside the checkout, else samples/): each "article" joins several excerpts, so a story of 50 articles has about
1,000 sentences. Rows: the extractive summariser with the packaged MiniLM embeddings (cold cache: a fresh state
folder), the same with TF-IDF vectors only (Settings.embedding_model = "tfidf"), and TextRank picking the same number
of sentences. With --eval it also times `brief eval summaries` on the dev file (the bar: under 5 minutes).

Usage: python bench/extractive.py [--sizes 5 20 50] [--eval]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from brief.config import Settings  # noqa: E402
from brief.evaluate.summaries import graph_baseline  # noqa: E402
from brief.ingest import read_inputs  # noqa: E402
from brief.summarize import StoryInput  # noqa: E402
from brief.summarize.extractive import ExtractiveSummarizer  # noqa: E402
from brief.text import sentences  # noqa: E402
from brief.types import Article, Source, Story  # noqa: E402

DEV = REPO.parent / "shared" / "eval" / "summaries" / "allsides-dev.jsonl"


def _texts() -> list[str]:
    if DEV.is_file():
        rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [a["text"] for row in rows for a in row["articles"] if a.get("text")]
    articles, _ = read_inputs([str(REPO / "samples")])
    return [article.text for article in articles]


def _story(texts: list[str], articles: int, excerpts: int = 5) -> Story:
    sources = []
    for ref in range(1, articles + 1):
        start = (ref * excerpts) % max(len(texts) - excerpts, 1)
        body = "\n".join(texts[start:start + excerpts])
        sources.append(Source(ref, Article(key=f"a{ref}", text=body, title=texts[start].split(".")[0][:80])))
    return Story(id=f"bench-{articles}", sources=tuple(sources))


def _timed(run) -> tuple[float, object]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def bench_sizes(sizes: list[int]) -> None:
    texts = _texts()
    print(f"{'articles':>8}{'sentences':>11}{'MiniLM s':>10}{'TF-IDF s':>10}{'TextRank s':>12}{'MiniLM/TR':>11}")
    for size in sizes:
        story = _story(texts, size)
        count = sum(len(sentences(s.article.text)) for s in story.sources)
        with tempfile.TemporaryDirectory() as state:
            settings = Settings(state_dir=Path(state))
            model_s, summary = _timed(lambda: ExtractiveSummarizer(settings=settings).summarize([StoryInput(story)]))
            lexical = replace(settings, embedding_model="tfidf")
            tfidf_s, _ = _timed(lambda: ExtractiveSummarizer(settings=lexical).summarize([StoryInput(story)]))
        picked = len(summary[0].sentences)
        textrank_s, _ = _timed(lambda: graph_baseline("textrank", story, picked))
        print(f"{size:>8}{count:>11}{model_s:>10.2f}{tfidf_s:>10.2f}{textrank_s:>12.2f}"
              f"{model_s / max(textrank_s, 1e-9):>11.1f}")


def bench_eval() -> None:
    if not DEV.is_file():
        print("--eval: ../shared/eval/summaries/allsides-dev.jsonl is absent; skipped")
        return
    from brief.evaluate.summaries import evaluate_summaries, format_report

    with tempfile.TemporaryDirectory() as state:
        seconds, report = _timed(lambda: evaluate_summaries(DEV, settings=Settings(state_dir=Path(state))))
    print(format_report(report))
    print(f"whole eval, cold embedding cache: {seconds:.1f} s (bar: 300 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 50], help="articles per story")
    parser.add_argument("--eval", action="store_true", help="also time the eval on the dev file")
    args = parser.parse_args()
    bench_sizes(args.sizes)
    if args.eval:
        bench_eval()


if __name__ == "__main__":
    main()
