"""ROUGE evaluation of a summariser against human references, beside classic baselines at equal length.

Each row of the JSONL file is one story: {story, headline, reference, articles: [{id, title, text, outlet, url,
published}]}. The summariser sees the row's articles as one story (no clustering), with the story's compared
figures, so what is scored is what a briefing shows (contested figures named as claims). The baselines get the same
articles and, story by story, the same number of sentences as the summariser produced: lead (first sentences of
the sources in turn), LexRank and TextRank (sumy).
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from brief.config import Settings
from brief.errors import NothingUsable, UsageError
from brief.figures import compare_stories
from brief.summarize import StoryInput, create
from brief.summarize.salience import MAX_ARTICLE_CHARS
from brief.text import paragraphs, sentences, split_sentences, words
from brief.types import Article, Skipped, Source, Story

METRICS = ("rouge1", "rouge2", "rougeL")
BASELINES = ("lead", "lexrank", "textrank")
BATCH = 16  # stories handed to the summariser at once (a model batches them)


@dataclass(frozen=True)
class EvalStory:
    id: str
    reference: str
    story: Story


@dataclass(frozen=True)
class SystemResult:
    """Mean ROUGE F1 (in points, 0-100) of one system over the stories, its mean length and its time."""

    name: str
    scores: dict[str, float]
    words: float
    seconds: float


@dataclass(frozen=True)
class EvalReport:
    file: str
    summarizer: str
    stories: int
    systems: tuple[SystemResult, ...]  # the summariser first, then the baselines
    skipped: tuple[Skipped, ...] = ()


def _published(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _text_field(record: dict, name: str) -> str:
    value = record.get(name)
    return value if isinstance(value, str) else ""


def story_from_row(row: object, where: str) -> EvalStory:
    """The row as one story of Articles; raises ValueError with the reason when the row cannot be used."""
    if not isinstance(row, dict):
        raise ValueError("not a JSON object")
    reference = _text_field(row, "reference").strip()
    if not reference:
        raise ValueError("no reference summary")
    records = row.get("articles")
    if not isinstance(records, list):
        raise ValueError("no articles list")
    story_id = str(row.get("story") or where)
    sources = []
    for index, record in enumerate(records):
        if not isinstance(record, dict) or not _text_field(record, "text").strip():
            continue
        article = Article(
            key=f"{story_id}/{index}",
            text=_text_field(record, "text")[:MAX_ARTICLE_CHARS],  # the baselines read what the summariser reads
            title=_text_field(record, "title").strip(),
            id=str(record["id"]) if record.get("id") is not None else None,
            outlet=_text_field(record, "outlet").strip() or None,
            url=_text_field(record, "url").strip() or None,
            published=_published(record.get("published")),
        )
        sources.append(Source(ref=len(sources) + 1, article=article))
    if not sources:
        raise ValueError("no article with text")
    return EvalStory(story_id, reference, Story(id=story_id, sources=tuple(sources)))


def load_stories(path: Path, limit: int | None = None) -> tuple[list[EvalStory], list[Skipped]]:
    """The usable stories of a JSONL file (at most `limit`), and the rows skipped with their reasons."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"{path}: cannot be read as UTF-8 text ({err.__class__.__name__})") from None
    stories: list[EvalStory] = []
    skipped: list[Skipped] = []
    for number, line in enumerate(lines, start=1):
        if limit is not None and len(stories) >= limit:
            break
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            stories.append(story_from_row(json.loads(line), where))
        except json.JSONDecodeError:
            skipped.append(Skipped(where, "not valid JSON"))
        except ValueError as err:
            skipped.append(Skipped(where, str(err)))
    return stories, skipped


def lead_baseline(story: Story, count: int) -> list[str]:
    """The first sentence of each source in turn, then the second of each, ... until `count` sentences."""
    per_source = [sentences(s.article.text) for s in story.sources]
    picked: list[str] = []
    depth = 0
    while len(picked) < count and any(depth < len(found) for found in per_source):
        picked.extend(found[depth] for found in per_source if depth < len(found))
        depth += 1
    return picked[:count]


class _Tokenizer:
    """sumy's tokenizer interface over brief's own splitting (sumy's default needs NLTK data downloads)."""

    language = "english"

    @staticmethod
    def to_sentences(paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        return words(sentence)


def _sumy_document(story: Story):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _Tokenizer()
    return ObjectDocumentModel(
        [
            Paragraph([Sentence(text, tokenizer) for text in split_sentences(paragraph)])
            for source in story.sources
            for paragraph in paragraphs(source.article.text)
        ]
    )


def graph_baseline(kind: str, story: Story, count: int) -> list[str]:
    """LexRank or TextRank (sumy, English stemmer and stop words) picking `count` sentences, in document order."""
    if count <= 0:
        return []
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[kind](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(sentence) for sentence in summarizer(_sumy_document(story), count)]


def _baseline(name: str) -> Callable[[Story, int], list[str]]:
    if name == "lead":
        return lead_baseline
    return lambda story, count: graph_baseline(name, story, count)


def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def _result(name: str, summaries: list[list[str]], references: list[str], seconds: float, scorer) -> SystemResult:
    totals = dict.fromkeys(METRICS, 0.0)
    for summary, reference in zip(summaries, references):
        scores = scorer.score(reference, " ".join(summary))
        for metric in METRICS:
            totals[metric] += scores[metric].fmeasure
    n = max(len(summaries), 1)
    mean_words = sum(len(words(" ".join(s))) for s in summaries) / n
    return SystemResult(name, {m: 100 * totals[m] / n for m in METRICS}, mean_words, seconds)


def _summaries(name: str, settings: Settings, stories: Sequence[EvalStory], progress) -> list[list[str]]:
    summarizer = create(name, settings=settings)
    texts: list[list[str]] = []
    for start in range(0, len(stories), BATCH):
        batch = stories[start:start + BATCH]
        facts, _ = compare_stories([s.story for s in batch])  # as in a briefing, which attributes contested figures
        inputs = [StoryInput(story=s.story, facts=f, max_sentences=settings.max_sentences)
                  for s, f in zip(batch, facts)]
        texts.extend([sentence.text for sentence in summary.sentences] for summary in summarizer.summarize(inputs))
        progress(f"{name}: {len(texts)}/{len(stories)} stories")
    return texts


def evaluate_summaries(
    path: Path,
    *,
    summarizer: str = "extractive",
    settings: Settings | None = None,
    limit: int | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> EvalReport:
    """Score `summarizer` and the baselines on the stories of `path` (see the module docstring)."""
    settings = settings or Settings()
    stories, skipped = load_stories(path, limit)
    if not stories:
        reasons = "; ".join(f"{s.input}: {s.reason}" for s in skipped[:3]) or "the file has no rows"
        raise NothingUsable(f"{path}: no usable story ({reasons})", hint="each line needs a reference and articles")
    references = [s.reference for s in stories]
    scorer = _scorer()

    started = time.perf_counter()
    produced = _summaries(summarizer, settings, stories, progress)
    systems = [_result(summarizer, produced, references, time.perf_counter() - started, scorer)]
    for name in BASELINES:
        started = time.perf_counter()
        baseline = _baseline(name)
        picked = [baseline(s.story, len(summary)) for s, summary in zip(stories, produced)]
        systems.append(_result(name, picked, references, time.perf_counter() - started, scorer))
        progress(f"{name}: done")
    return EvalReport(str(path), summarizer, len(stories), tuple(systems), tuple(skipped))


def _difference(a: float, b: float) -> str:
    """a - b to two decimals; a tie (up to float noise) prints as +0.00, never -0.00."""
    return f"{round(a - b, 2) + 0.0:>+9.2f}"


def format_report(report: EvalReport) -> str:
    """A plain-text table of the systems, then the summariser's differences to each baseline."""
    lines = [f"{report.file}: {report.stories} stories, ROUGE F1 x100 (stemmed); baselines at equal sentence count"]
    header = f"{'system':<16}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}{'words':>8}{'seconds':>9}"
    lines += ["", header, "-" * len(header)]
    for system in report.systems:
        s = system.scores
        lines.append(
            f"{system.name:<16}{s['rouge1']:>9.2f}{s['rouge2']:>9.2f}{s['rougeL']:>9.2f}"
            f"{system.words:>8.1f}{system.seconds:>9.1f}"
        )
    mine, baselines = report.systems[0], report.systems[1:]
    lines += ["", f"{mine.name} minus baseline:"]
    for system in baselines:
        diffs = "".join(_difference(mine.scores[m], system.scores[m]) for m in METRICS)
        lines.append(f"{'  vs ' + system.name:<16}{diffs}")
    graph = [s for s in baselines if s.name in ("lexrank", "textrank")]
    if graph:
        best = {m: max(s.scores[m] for s in graph) for m in METRICS}
        diffs = "".join(_difference(mine.scores[m], best[m]) for m in METRICS)
        lines.append(f"{'  vs best graph':<16}{diffs}  (best of LexRank and TextRank per metric)")
    if report.skipped:
        lines += ["", f"skipped {len(report.skipped)} rows:"]
        lines += [f"  {s.input}: {s.reason}" for s in report.skipped]
    return "\n".join(lines)
