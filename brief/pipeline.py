"""Wires the stages: ingest -> clean -> cluster -> figures -> summarise -> Briefing. The only module that knows
the whole order; every stage it calls is a pure function of its inputs and the Settings."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date as Date, datetime, timezone
from typing import BinaryIO, Callable, Sequence

from brief import summarize
from brief.clean import clean_article
from brief.cluster import cluster_articles
from brief.config import Settings
from brief.embed import load_embedder
from brief.errors import ExitCode, ModelUnavailable, NothingUsable
from brief.figures import compare_stories
from brief.ingest import read_inputs
from brief.summarize import StoryInput, Summarizer
from brief.types import Article, Briefing, Skipped, Story, StoryBriefing, Summary


@dataclass(frozen=True)
class RunResult:
    briefing: Briefing
    exit_code: ExitCode


def clean_articles(articles: Sequence[Article]) -> tuple[list[Article], list[Skipped]]:
    """Strip boilerplate; an article left with no text is skipped with its reason."""
    kept: list[Article] = []
    skipped: list[Skipped] = []
    for article in articles:
        cleaned = clean_article(article)
        if cleaned.text.strip():
            kept.append(cleaned)
        else:
            skipped.append(Skipped(article.path or article.key, "only boilerplate, no article text"))
    return kept, skipped


def load_stories(inputs: Sequence[str], settings: Settings, stdin: BinaryIO | None = None,
                 extra_articles: Sequence[Article] = ()) -> tuple[list[Story], list[Skipped]]:
    """Read, clean and cluster the inputs (plus articles already read, e.g. from feeds): the stories in ranking
    order and the inputs that were skipped."""
    articles, skipped = read_inputs(inputs, stdin=stdin)
    articles, empty = clean_articles([*articles, *extra_articles])
    return cluster_articles(articles, settings), skipped + empty


def _required_model_failed(err: ModelUnavailable) -> NothingUsable:
    """With `--summarizer seq2seq` a model that cannot be loaded means no briefing at all."""
    return NothingUsable(f"{err}; no briefing written (--summarizer seq2seq requires the model)", hint=err.hint)


def choose_summarizer(settings: Settings, say: Callable[[str], None]) -> tuple[Summarizer, bool]:
    """The summariser the settings ask for, and whether the run fell back to extraction after a failure.

    auto: the seq2seq model when it is available locally; without it, extraction — quietly noted when the model
    is the default one nobody downloaded, a failure (exit 1) when the user chose that model. A model that is there
    but fails to load also falls back with a message; `seq2seq` makes any of it an error.
    """
    from brief.summarize.seq2seq import model_available_locally

    if settings.summarizer == "auto" and not model_available_locally(settings.model):
        if settings.model == Settings().model:
            say(f"summaries are extractive: the model {settings.model} is not available locally "
                f"(`brief model download {settings.model}` to use it)")
            return summarize.create("extractive", settings=settings), False
        say(f"the model {settings.model} is not available locally (`brief model download NAME`, or --model PATH "
            f"to a model folder); using extractive summaries for this run")
        return summarize.create("extractive", settings=settings), True
    name = "seq2seq" if settings.summarizer == "auto" else settings.summarizer
    try:
        return summarize.create(name, settings=settings), False
    except ModelUnavailable as err:
        if settings.summarizer == "seq2seq":
            raise _required_model_failed(err) from None
        say(f"{err}; using extractive summaries for this run")
        return summarize.create("extractive", settings=settings), True


def _summaries(stories: Sequence[Story], facts: Sequence[tuple], settings: Settings,
               say: Callable[[str], None]) -> tuple[list[Summary], bool]:
    inputs = [StoryInput(story=s, facts=f, max_sentences=settings.max_sentences) for s, f in zip(stories, facts)]
    summarizer, fell_back = choose_summarizer(settings, say)
    try:
        return summarizer.summarize(inputs), fell_back
    except ModelUnavailable as err:
        if settings.summarizer == "seq2seq":
            raise _required_model_failed(err) from None
        say(f"{err}; using extractive summaries for this run")
        return summarize.create("extractive", settings=settings).summarize(inputs), True


def _headline(story: Story, summary: Summary) -> str:
    if summary.headline:
        return summary.headline
    titles = [s.article.title for s in story.independent_sources if s.article.title]
    if titles:
        return titles[0]
    return summary.sentences[0].text if summary.sentences else story.id


def _clock(settings: Settings) -> datetime:
    """Now, or the fixed SOURCE_DATE_EPOCH moment that makes a run reproducible to the byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc)


def build_briefing(inputs: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None,
                   briefing_date: Date | None = None, say: Callable[[str], None] = lambda _m: None,
                   extra_articles: Sequence[Article] = (), extra_skipped: Sequence[Skipped] = (),
                   extra_notices: Sequence[str] = ()) -> RunResult:
    """Run the whole pipeline on the inputs and on articles already read (feeds: `brief.schedule`), whose skipped
    inputs and notices join the briefing's. Raises NothingUsable when no article could be used."""
    stories, skipped = load_stories(inputs, settings, stdin, extra_articles)
    skipped = [*extra_skipped, *skipped]
    for item in skipped:
        say(f"skipped {item.input}: {item.reason}")
    if not stories:
        raise NothingUsable("no usable article in the inputs", hint="check the paths and formats named above")
    notices = list(extra_notices)
    embedding_fallback = load_embedder(settings).fallback
    if embedding_fallback:  # brief.embed has said so on stderr already
        notices.append(f"stories were grouped with TF-IDF vectors: {embedding_fallback}")
    facts, figure_problems = compare_stories(stories)
    for problem in figure_problems:
        say(problem)
    notices.extend(figure_problems)
    summaries, summary_fallback = _summaries(stories, facts, settings, say)
    if summary_fallback:
        notices.append("summaries fell back to extraction because the model could not be loaded")
    now = _clock(settings)
    day = briefing_date or now.astimezone().date()
    briefing = Briefing(
        title=f"Briefing for {day:%A}, {day.day} {day:%B %Y}",
        date=day.isoformat(),
        generated_at=now.isoformat(timespec="seconds"),
        stories=tuple(
            StoryBriefing(story=s, headline=_headline(s, summary), summary=summary, figures=f)
            for s, summary, f in zip(stories, summaries, facts)
        ),
        skipped=tuple(skipped),
        notices=tuple(notices),
    )
    failed = skipped or summary_fallback or embedding_fallback or figure_problems
    code = ExitCode.PARTIAL if failed else ExitCode.OK
    return RunResult(briefing=briefing, exit_code=code)
