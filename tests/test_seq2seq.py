"""The seq2seq summariser around the model: prompts, input budget, citations, number guard, cache, fallback.

The model's output is scripted (a generator that answers each prompt with chosen text), so these tests check what
brief does with generated text; test_loader / test_ct2 check the real model backends on tiny models.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from brief.config import Settings
from brief.errors import UsageError
from brief.summarize import StoryInput, create
from brief.summarize.assemble import TokenizerCounter, assemble
from brief.summarize.prompts import SUMMARY, PromptTemplates
from brief.summarize.salience import salient_sentences
from brief.summarize.seq2seq import Seq2SeqSummarizer
from brief.types import Article, Source, Story
from tinymodels import bart_dir, t5_dir  # noqa: F401 (session fixtures)

REPO = Path(__file__).resolve().parent.parent

WIRE = (
    "Officials said at least 91 drones were shot down overnight over the capital region. "
    "Two airports closed for several hours and more than 50 flights were delayed on Tuesday morning."
)
DAILY = (
    "The ministry reported that 337 drones were destroyed across the country in one single night. "
    "Three people were injured when falling debris hit a residential building, the police said."
)


def story(*texts: str, outlets: tuple[str, ...] = ()) -> StoryInput:
    sources = tuple(
        Source(i + 1, Article(key=f"a{i}", text=text, title=f"Report {i + 1} on the night of drone attacks",
                              outlet=outlets[i] if i < len(outlets) else f"Outlet {i + 1}"))
        for i, text in enumerate(texts)
    )
    return StoryInput(Story("s1", sources), max_sentences=4)


class ScriptedGenerator:
    """Answers a summary prompt with `summary` and a headline prompt with `headline`; counts its calls."""

    backend = "scripted"

    def __init__(self, summary: str, headline: str = ""):
        self.summary = summary
        self.headline = headline
        self.prompts: list[str] = []

    def batch_size(self, options) -> int:
        return 8

    def generate(self, prompts, options):
        self.prompts.extend(prompts)
        return [self.headline if p.startswith("Write a short news headline") else self.summary for p in prompts]


@pytest.fixture
def settings(t5_dir, tmp_path) -> Settings:
    return Settings(model=str(t5_dir), state_dir=tmp_path / "state", quiet=True)


def test_supported_sentences_are_kept_with_their_citations(settings):
    generator = ScriptedGenerator(
        "Officials said 91 drones were shot down overnight over the capital region [1]. "
        "3 people were injured when debris hit a residential building."
    )
    [summary] = Seq2SeqSummarizer(settings=settings, generator=generator).summarize([story(WIRE, DAILY)])
    assert summary.engine == f"seq2seq:{Path(settings.model).name}"
    assert [s.text for s in summary.sentences] == [
        "Officials said 91 drones were shot down overnight over the capital region.",  # imitated marker removed
        "3 people were injured when debris hit a residential building.",  # "Three" in the source: same number
    ]
    assert [s.refs for s in summary.sentences] == [(1,), (2,)]
    assert summary.dropped_sentences == ()


def test_number_guard_drops_a_sentence_whose_number_no_source_gives(settings):
    generator = ScriptedGenerator(
        "Officials said 91 drones were shot down overnight over the capital region. "
        "Officials said 120 drones were shot down overnight over the capital region. "
        "The ministry reported that 337 drones were destroyed across the country."
    )
    [summary] = Seq2SeqSummarizer(settings=settings, generator=generator).summarize([story(WIRE, DAILY)])
    kept = [s.text for s in summary.sentences]
    assert "Officials said 120 drones were shot down overnight over the capital region." not in kept
    assert summary.dropped_sentences == ("Officials said 120 drones were shot down overnight over the capital region.",)
    assert kept == ["Officials said 91 drones were shot down overnight over the capital region.",
                    "The ministry reported that 337 drones were destroyed across the country."]


def test_number_written_in_words_is_checked_too(settings):
    generator = ScriptedGenerator(
        "Seven people were injured when debris hit a residential building. "
        "Officials said 91 drones were shot down overnight over the capital region."
    )
    [summary] = Seq2SeqSummarizer(settings=settings, generator=generator).summarize([story(WIRE, DAILY)])
    assert summary.dropped_sentences == ("Seven people were injured when debris hit a residential building.",)
    assert [s.refs for s in summary.sentences] == [(1,)]


def test_unsupported_text_falls_back_to_the_extractive_summary(settings):
    generator = ScriptedGenerator("Bananas are yellow and grow in warm places around the equator.")
    [summary] = Seq2SeqSummarizer(settings=settings, generator=generator).summarize([story(WIRE, DAILY)])
    assert summary.engine == "extractive"
    assert summary.sentences and all(s.text in WIRE + DAILY for s in summary.sentences)
    assert summary.dropped_sentences == ("Bananas are yellow and grow in warm places around the equator.",)


def test_generated_headline_is_used_when_the_sources_back_it(settings):
    generator = ScriptedGenerator("Officials said 91 drones were shot down overnight over the capital region.",
                                  headline="91 drones shot down over the capital region")
    [summary] = Seq2SeqSummarizer(settings=settings, generator=generator).summarize([story(WIRE, DAILY)])
    assert summary.headline == "91 drones shot down over the capital region"


def test_headline_with_an_invented_number_is_replaced_by_a_source_title(settings):
    generator = ScriptedGenerator("Officials said 91 drones were shot down overnight over the capital region.",
                                  headline="400 drones shot down over the capital region")
    [summary] = Seq2SeqSummarizer(settings=settings, generator=generator).summarize([story(WIRE, DAILY)])
    assert summary.headline in ("Report 1 on the night of drone attacks", "Report 2 on the night of drone attacks")


def test_repeated_run_reads_the_cache_and_does_not_generate(settings):
    text = "Officials said 91 drones were shot down overnight over the capital region."
    first = ScriptedGenerator(text)
    before = Seq2SeqSummarizer(settings=settings, generator=first).summarize([story(WIRE, DAILY)])
    assert first.prompts  # the first run generated

    class Unusable(ScriptedGenerator):
        def generate(self, prompts, options):
            raise AssertionError("generated again although the cache holds the output")

    after = Seq2SeqSummarizer(settings=settings, generator=Unusable(text)).summarize([story(WIRE, DAILY)])
    assert after == before
    assert (settings.state_dir / "summaries.sqlite").is_file()


def test_cache_is_keyed_by_the_input(settings):
    generator = ScriptedGenerator("Officials said 91 drones were shot down overnight over the capital region.")
    summarizer = Seq2SeqSummarizer(settings=settings, generator=generator)
    summarizer.summarize([story(WIRE, DAILY)])
    calls = len(generator.prompts)
    summarizer.summarize([story(WIRE, DAILY, "A third outlet said the drones were launched from the south.")])
    assert len(generator.prompts) > calls


def test_whole_briefing_is_generated_in_one_pass_sorted_by_length(settings):
    generator = ScriptedGenerator("Officials said 91 drones were shot down overnight over the capital region.")
    stories = [story(WIRE, DAILY), story(WIRE), story(DAILY, WIRE, "Officials said the drones came in waves.")]
    summaries = Seq2SeqSummarizer(settings=settings, generator=generator).summarize(stories)
    assert len(summaries) == 3
    summary_prompts = [p for p in generator.prompts if p.startswith("Summarize")]
    assert len(summary_prompts) == 3
    assert [len(p) for p in summary_prompts] == sorted(len(p) for p in summary_prompts)


def test_input_budget_is_respected_in_model_tokens(settings, t5_dir):
    summarizer = Seq2SeqSummarizer(settings=replace(settings, max_input_tokens=120),
                                   generator=ScriptedGenerator(""))
    counter = TokenizerCounter(summarizer.tokenizer)
    texts = [f"{WIRE} {DAILY} Outlet {i} added that rescue teams worked through the night in district {i}."
             for i in range(6)]
    plan = summarizer.plan(story(*texts))
    assert plan.summary.tokens == counter.count_prompt(plan.summary.prompt) <= 120
    assert plan.summary.tokens > 120 - 40  # filled, not just under: the next sentence would not fit
    assert all(s.text in plan.summary.prompt for s in plan.summary.sentences)


def test_story_cost_does_not_grow_with_more_articles(settings):
    summarizer = Seq2SeqSummarizer(settings=replace(settings, max_input_tokens=150), generator=ScriptedGenerator(""))

    class CountingCounter(TokenizerCounter):
        counted = 0

        def count(self, texts):
            CountingCounter.counted += len(texts)
            return super().count(texts)

    templates = PromptTemplates("t5")
    counted = []
    for n in (4, 40):
        texts = [f"Outlet {i} reported that {i + 3} drones were shot down near the town of Village{i} overnight. "
                 f"Officials in district {i} said schools would stay closed until the end of the week." for i in range(n)]
        story_input = story(*texts)
        CountingCounter.counted = 0
        assembled = assemble(salient_sentences(story_input), story_input.story.sources,
                             lambda docs: templates.render(SUMMARY, docs, 4), CountingCounter(summarizer.tokenizer),
                             150)
        counted.append(CountingCounter.counted)
        assert assembled.tokens <= 150
    assert counted[1] <= counted[0] + 16  # at most one more chunk of candidates tokenised


def test_every_outlet_reaches_the_model_input(settings):
    summarizer = Seq2SeqSummarizer(settings=settings, generator=ScriptedGenerator(""))
    plan = summarizer.plan(story(WIRE, DAILY, "Fire crews worked through the night to put out a blaze at a depot."))
    assert {s.ref for s in plan.summary.sentences} == {1, 2, 3}


def test_prompts_follow_the_model_family(settings, bart_dir):
    t5 = Seq2SeqSummarizer(settings=settings, generator=ScriptedGenerator(""))
    bart = Seq2SeqSummarizer(settings=replace(settings, model=str(bart_dir)), generator=ScriptedGenerator(""))
    t5_plan, bart_plan = t5.plan(story(WIRE, DAILY)), bart.plan(story(WIRE, DAILY))
    assert t5_plan.summary.prompt.startswith("Summarize the following news reports in 4 sentences.")
    assert t5_plan.headline is not None
    assert bart_plan.summary.prompt.startswith(("Officials said", "Two airports"))  # plain text, no instruction
    assert bart_plan.headline is None  # BART is not instruction-tuned: the headline comes from the titles


def test_user_prompt_folder_overrides_the_bundled_template(settings, tmp_path):
    folder = tmp_path / "prompts" / "t5"
    folder.mkdir(parents=True)
    (folder / "summary.j2").write_text("Brief this: {% for d in documents %}{{ d.outlet }}: {{ d.text }} {% endfor %}")
    summarizer = Seq2SeqSummarizer(settings=replace(settings, prompts_dir=tmp_path / "prompts"),
                                   generator=ScriptedGenerator(""))
    prompt = summarizer.plan(story(WIRE, DAILY)).summary.prompt
    assert prompt.startswith("Brief this: Outlet 1: ")


def test_misspelt_prompt_variable_is_an_error_not_an_empty_prompt(settings, tmp_path):
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "summary.j2").write_text("Summarise {{ documnets }}")
    summarizer = Seq2SeqSummarizer(settings=replace(settings, prompts_dir=tmp_path / "prompts"),
                                   generator=ScriptedGenerator(""))
    with pytest.raises(UsageError, match="summary.j2"):
        summarizer.summarize([story(WIRE, DAILY)])


def test_registry_builds_it_from_settings(settings):
    summarizer = create("seq2seq", settings=replace(settings, backend="transformers"))
    assert summarizer.name == "seq2seq" and summarizer.family == "t5"


@pytest.mark.parametrize("field, value", [("backend", "onnx"), ("device", "tpu"), ("num_beams", 0),
                                          ("min_new_tokens", 500)])
def test_bad_settings_are_usage_errors(settings, field, value):
    with pytest.raises(UsageError):
        Seq2SeqSummarizer(settings=replace(settings, **{field: value}))


def test_no_torch_for_help_and_the_model_check():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from brief.cli import app\n"
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
        "from brief.summarize.seq2seq import model_available_locally\n"
        "model_available_locally('google/flan-t5-base')\n"
        "heavy = [m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_progress_bar_is_silent_when_stderr_is_not_a_terminal(settings, capfd):
    generator = ScriptedGenerator("Officials said 91 drones were shot down overnight over the capital region.")
    Seq2SeqSummarizer(settings=replace(settings, quiet=False), generator=generator).summarize([story(WIRE, DAILY)])
    assert generator.prompts  # it did generate, with the bar enabled
    assert capfd.readouterr().err == ""


def test_an_unreadable_cache_file_only_costs_a_new_generation(settings):
    settings.state_dir.mkdir(parents=True)
    (settings.state_dir / "summaries.sqlite").write_bytes(b"this is not a database" * 100)
    generator = ScriptedGenerator("Officials said 91 drones were shot down overnight over the capital region.")
    [summary] = Seq2SeqSummarizer(settings=settings, generator=generator).summarize([story(WIRE, DAILY)])
    assert generator.prompts and summary.engine.startswith("seq2seq:")
