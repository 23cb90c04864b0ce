"""The seq2seq summariser: a local Hugging Face model writes each story's summary and headline.

Extract, then abstract: each story's most salient sentences fill the model's input budget (assemble), the whole
briefing is generated in batches sorted by length (CTranslate2 int8 by default, plain transformers on request),
and every generated sentence must be backed by the sources it cites and state no number they do not (cite).
Generations are cached in the state directory, so a repeated run does not generate again and does not even load
the model. A story whose generated summary is left empty gets the extractive summary instead.

Constructing the summariser finds the model and loads its tokenizer; the weights load only when something has
to be generated. Both steps raise ModelUnavailable with the model's name and the fix.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Protocol, Sequence

from brief.config import Settings
from brief.embed import state_dir
from brief.errors import UsageError
from brief.summarize import StoryInput
from brief.summarize.assemble import AssembledInput, TokenizerCounter, assemble, title_candidates
from brief.summarize.attribution import attribute
from brief.summarize.cache import GenerationCache, cache_key
from brief.summarize.cite import SupportPool, check_headline, check_summary
from brief.summarize.headline import choose_headline
from brief.summarize.loader import (GenerationOptions, load_tokenizer, model_available_locally, model_family,
                                    read_config, resolve_model_dir, weights_fingerprint)
from brief.summarize.prompts import HEADLINE, SUMMARY, PromptTemplates
from brief.summarize.salience import salient_sentences
from brief.types import Summary

__all__ = ["Seq2SeqSummarizer", "model_available_locally"]

BACKENDS = ("ctranslate2", "transformers")
DEVICES = ("auto", "cpu", "cuda")
DTYPES = ("auto", "float32", "float16", "bfloat16")
HEADLINE_INPUT_TOKENS = 128  # titles and lead sentences are enough for a headline
HEADLINE_NEW_TOKENS = 32
CACHE_VERSION = "1"


class Generator(Protocol):
    backend: str

    def batch_size(self, options: GenerationOptions) -> int:
        ...

    def generate(self, prompts: Sequence[str], options: GenerationOptions) -> list[str]:
        ...


@dataclass(frozen=True)
class StoryPlan:
    """One story's model inputs and the source sentences its output may rest on."""

    summary: AssembledInput | None
    headline: AssembledInput | None
    pool: SupportPool
    headline_pool: SupportPool | None


def engine_name(model: str) -> str:
    """"seq2seq:<model>": the hub id, or a local folder's name (no machine path in the output)."""
    path = Path(model).expanduser()
    return f"seq2seq:{path.name if path.is_dir() else model}"


def _validate(settings: Settings) -> None:
    for value, allowed, what in ((settings.backend, BACKENDS, "backend"), (settings.device, DEVICES, "device"),
                                 (settings.dtype, DTYPES, "dtype")):
        if value not in allowed:
            raise UsageError(f"unknown {what} {value!r}", hint=f"choose one of: {', '.join(allowed)}")
    if min(settings.num_beams, settings.max_new_tokens, settings.max_input_tokens) < 1 or not (
        0 <= settings.min_new_tokens <= settings.max_new_tokens
    ):
        raise UsageError("beams, max_input_tokens and max_new_tokens must be at least 1, and min_new_tokens "
                         "between 0 and max_new_tokens")


@contextmanager
def _progress(quiet: bool) -> Iterator:
    """A rich progress bar on stderr; silent under --quiet and when stderr is not a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True,
                  disable=quiet or not sys.stderr.isatty()) as progress:
        yield progress


class Seq2SeqSummarizer:
    name = "seq2seq"

    def __init__(self, *, settings: Settings | None = None, generator: Generator | None = None):
        """`generator` replaces the model's own backend (tests script the model's output with it)."""
        self.settings = settings = settings or Settings()
        _validate(settings)
        self.model = settings.model
        self.engine = engine_name(settings.model)
        self.directory = resolve_model_dir(settings.model)
        self.family = model_family(read_config(self.directory, settings.model))
        self.templates = PromptTemplates(self.family, settings.prompts_dir)
        self.tokenizer = load_tokenizer(self.directory, settings.model)
        self.counter = TokenizerCounter(self.tokenizer)
        self.options = GenerationOptions(
            num_beams=settings.num_beams,
            max_input_tokens=settings.max_input_tokens,
            max_new_tokens=settings.max_new_tokens,
            min_new_tokens=settings.min_new_tokens,
            no_repeat_ngram_size=settings.no_repeat_ngram_size,
        )
        self.headline_options = replace(
            self.options,
            max_input_tokens=min(HEADLINE_INPUT_TOKENS, settings.max_input_tokens),
            max_new_tokens=HEADLINE_NEW_TOKENS,
            min_new_tokens=min(settings.min_new_tokens, HEADLINE_NEW_TOKENS),
        )
        self._generator = generator
        self.backend_key = self._backend_key(generator)

    # -- inputs ---------------------------------------------------------------------------------------------

    def _render(self, template: str, max_sentences: int):
        return lambda documents: self.templates.render(template, documents, max_sentences)

    def plan(self, story_input: StoryInput) -> StoryPlan:
        """The story's model inputs (summary, and headline when the family has a template) and its sources."""
        sources = story_input.story.sources
        candidates = salient_sentences(story_input, settings=self.settings)
        pool = SupportPool(candidates)
        if not candidates:
            return StoryPlan(None, None, pool, None)
        summary = assemble(candidates, sources, self._render(SUMMARY, story_input.max_sentences), self.counter,
                           self.options.max_input_tokens)
        headline = headline_pool = None
        if self.templates.has(HEADLINE):
            titled = title_candidates(sources) + candidates
            headline = assemble(titled, sources, self._render(HEADLINE, story_input.max_sentences), self.counter,
                                self.headline_options.max_input_tokens)
            headline_pool = SupportPool(titled)
        return StoryPlan(summary if summary.sentences else None, headline, pool, headline_pool)

    # -- generation -----------------------------------------------------------------------------------------

    def _backend_key(self, generator: Generator | None) -> tuple:
        """What decides the output besides model, options and prompt (part of the cache key)."""
        s = self.settings
        if generator is not None:
            return (generator.backend,)
        if s.backend == "ctranslate2":
            return (s.backend, s.device, s.quantize)
        return (s.backend, s.device, s.dtype, s.quantize)

    def _load_generator(self, fingerprint: str) -> Generator:
        s = self.settings
        if s.backend == "ctranslate2":
            from brief.summarize import ct2

            return ct2.open_generator(self.directory, self.tokenizer, self.model, fingerprint,
                                      state_dir=state_dir(self.settings), device=s.device, quantize=s.quantize)
        from brief.summarize import loader

        device = loader.pick_device(s.device)
        torch_model = loader.load_torch_model(self.directory, self.model, device=device, dtype=s.dtype,
                                              quantize=s.quantize)
        return loader.TransformersGenerator(torch_model, self.tokenizer, device)

    def _generate(self, inputs: list[AssembledInput], options: GenerationOptions, cache: GenerationCache,
                  fingerprint: str, progress, what: str) -> list[str]:
        """The generated text for each input: from the cache, else from the model in batches sorted by length."""
        keys = [cache_key(CACHE_VERSION, self.model, fingerprint, self.backend_key, options, self.templates.family,
                          item.prompt) for item in inputs]
        found = cache.get_many(keys)
        todo = sorted({k: item for k, item in zip(keys, inputs) if k not in found}.items(),
                      key=lambda pair: pair[1].tokens)
        if todo:
            if self._generator is None:
                task = progress.add_task("Loading the model", total=None)
                self._generator = self._load_generator(fingerprint)
                progress.remove_task(task)
            batch_size = self._generator.batch_size(options)
            task = progress.add_task(what, total=len(todo))
            for start in range(0, len(todo), batch_size):
                batch = todo[start:start + batch_size]
                texts = self._generator.generate([item.prompt for _, item in batch], options)
                generated = {key: text for (key, _), text in zip(batch, texts)}
                cache.put_many(generated)
                found.update(generated)
                progress.advance(task, len(batch))
        return [found[key] for key in keys]

    # -- output ---------------------------------------------------------------------------------------------

    def summarize(self, stories: Sequence[StoryInput]) -> list[Summary]:
        if not stories:
            return []
        fingerprint = weights_fingerprint(self.directory)
        cache = GenerationCache(state_dir(self.settings))
        try:
            with _progress(self.settings.quiet) as progress:
                task = progress.add_task("Choosing sentences", total=len(stories))
                plans = []
                for story in stories:
                    plans.append(self.plan(story))
                    progress.advance(task)
                progress.remove_task(task)
                summaries = [p.summary for p in plans if p.summary]
                texts = iter(self._generate(summaries, self.options, cache, fingerprint, progress,
                                            "Writing summaries"))
                headlines = [p.headline for p in plans if p.summary and p.headline]
                headline_texts = iter(self._generate(headlines, self.headline_options, cache, fingerprint,
                                                     progress, "Writing headlines"))
        finally:
            cache.close()
        results: list[Summary] = []
        for story, plan in zip(stories, plans):
            text = next(texts) if plan.summary else ""
            headline = next(headline_texts) if plan.summary and plan.headline else None
            results.append(self._checked(story, plan, text, headline))
        return self._with_fallbacks(stories, results)

    def _checked(self, story: StoryInput, plan: StoryPlan, text: str, headline_text: str | None) -> Summary:
        checked = check_summary(text, plan.pool, story.max_sentences)
        sources = story.story.sources
        sentences = tuple(attribute(c.sentence, c.own_ref, story.facts, sources) for c in checked.sentences)
        headline = None
        if headline_text is not None and plan.headline_pool is not None:
            headline = check_headline(headline_text, plan.headline_pool)
        if sentences and headline is None:
            headline = choose_headline(sources, [s.text for s in sentences], self.settings, story.facts)
        return Summary(sentences=sentences, engine=self.engine, dropped_sentences=checked.dropped, headline=headline)

    def _with_fallbacks(self, stories: Sequence[StoryInput], results: list[Summary]) -> list[Summary]:
        """Stories whose generated summary was left empty get the extractive summary (engine "extractive")."""
        empty = [i for i, summary in enumerate(results) if not summary.sentences]
        if not empty:
            return results
        from brief.summarize.extractive import ExtractiveSummarizer

        extracted = ExtractiveSummarizer(settings=self.settings).summarize([stories[i] for i in empty])
        for i, fallback in zip(empty, extracted):
            results[i] = replace(fallback, dropped_sentences=results[i].dropped_sentences,
                                 headline=results[i].headline or fallback.headline)
        return results
