"""`brief eval summaries`: ROUGE of the summariser beside lead, LexRank and TextRank, on small files of our own."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.evaluate.summaries import (
    EvalReport,
    SystemResult,
    evaluate_summaries,
    format_report,
    graph_baseline,
    lead_baseline,
    load_stories,
)
from brief.config import Settings
from brief.text import sentences

DATA = Path(__file__).parent / "data" / "eval"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(state_dir=tmp_path / "state")


@pytest.fixture(autouse=True)
def _state_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("BRIEF_CONFIG", raising=False)


def _table(output: str) -> dict[str, list[float]]:
    """system -> [ROUGE-1, ROUGE-2, ROUGE-L, words, seconds] from the printed table."""
    rows = {}
    for line in output.splitlines():
        match = re.fullmatch(r"(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", line.strip())
        if match:
            rows[match.group(1)] = [float(x) for x in match.groups()[1:]]
    return rows


def test_command_scores_the_summariser_and_every_baseline():
    result = CliRunner().invoke(app, ["eval", "summaries", str(DATA / "stories.jsonl")])
    assert result.exit_code == 0, result.output
    table = _table(result.stdout)
    assert set(table) == {"extractive", "lead", "lexrank", "textrank"}
    for name, (rouge1, rouge2, rouge_l, words, _) in table.items():
        assert 0 < rouge2 <= rouge1 <= 100, name
        assert 0 < rouge_l <= 100 and words > 0, name
    assert "2 stories" in result.stdout
    diffs = re.search(r"vs textrank\s+([+-][\d.]+)", result.stdout)
    assert float(diffs.group(1)) == pytest.approx(table["extractive"][0] - table["textrank"][0], abs=0.011)
    assert "vs best graph" in result.stdout


def test_summariser_beats_lead_on_stories_whose_reference_is_spread_over_the_outlets(settings):
    report = evaluate_summaries(DATA / "stories.jsonl", settings=settings)
    mine, lead = report.systems[0], report.systems[1]
    assert (mine.name, lead.name) == ("extractive", "lead")
    assert mine.scores["rouge1"] > lead.scores["rouge1"]


def test_bad_rows_are_skipped_with_reasons_and_the_rest_is_scored():
    result = CliRunner().invoke(app, ["eval", "summaries", str(DATA / "bad-rows.jsonl")])
    assert result.exit_code == 1, result.output
    assert "1 stories" in result.stdout
    assert "bad-rows.jsonl:2: no article with text" in result.stdout
    assert "bad-rows.jsonl:3: no reference summary" in result.stdout
    assert "bad-rows.jsonl:4: not a JSON object" in result.stdout
    assert "bad-rows.jsonl:5: not valid JSON" in result.stdout


def test_empty_file_is_nothing_usable_and_a_missing_file_a_usage_error(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "summaries", str(empty)])
    assert result.exit_code == 3
    assert "no usable story" in result.stderr
    result = CliRunner().invoke(app, ["eval", "summaries", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_binary_file_gets_a_reason(tmp_path):
    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 64)
    result = CliRunner().invoke(app, ["eval", "summaries", str(binary)])
    assert result.exit_code == 2
    assert "UTF-8" in result.stderr


def test_unknown_summarizer_is_a_usage_error():
    result = CliRunner().invoke(app, ["eval", "summaries", str(DATA / "stories.jsonl"), "--summarizer", "nope"])
    assert result.exit_code == 2
    assert "extractive" in result.stderr  # the choices are named


def test_limit_scores_only_the_first_stories(settings):
    report = evaluate_summaries(DATA / "stories.jsonl", settings=settings, limit=1)
    assert report.stories == 1


def test_story_the_summariser_cannot_summarise_scores_zero_for_everyone(tmp_path, settings):
    """Only boilerplate: the summariser gives no sentence, so the baselines get none either (equal length)."""
    row = {"story": "promo", "reference": "Readers can subscribe to a newsletter.",
           "articles": [{"title": "Promo", "text": "Sign up for our daily newsletter.\nRead more: more stories"}]}
    path = tmp_path / "promo.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    report = evaluate_summaries(path, settings=settings)
    for system in report.systems:
        assert system.scores == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        assert system.words == 0


def test_lead_takes_the_first_sentence_of_each_source_in_turn():
    stories, _ = load_stories(DATA / "stories.jsonl")
    story = stories[0].story
    firsts = [sentences(s.article.text)[0] for s in story.sources]
    seconds = [sentences(s.article.text)[1] for s in story.sources]
    assert lead_baseline(story, 3) == firsts
    assert lead_baseline(story, 4) == firsts + seconds[:1]
    assert lead_baseline(story, 0) == []
    assert len(lead_baseline(story, 99)) == sum(len(sentences(s.article.text)) for s in story.sources)


@pytest.mark.parametrize("kind", ["lexrank", "textrank"])
def test_graph_baselines_pick_input_sentences_in_document_order(kind):
    stories, _ = load_stories(DATA / "stories.jsonl")
    story = stories[0].story
    every = [x for s in story.sources for x in sentences(s.article.text)]
    picked = graph_baseline(kind, story, 3)
    assert len(picked) == 3
    assert [every.index(p) for p in picked] == sorted(every.index(p) for p in picked)
    assert graph_baseline(kind, story, 0) == []


@pytest.mark.parametrize("kind", ["lexrank", "textrank"])
def test_graph_baselines_break_ties_the_same_way_every_time(kind):
    """Two identical sources: every sentence ties with its twin; the choice must not vary between runs."""
    stories, _ = load_stories(DATA / "stories.jsonl")
    story = stories[1].story
    twin = story.sources[0]
    tied = type(story)(id="tied", sources=(twin, type(twin)(ref=2, article=twin.article)))
    assert graph_baseline(kind, tied, 2) == graph_baseline(kind, tied, 2)


def test_report_of_tied_systems_shows_zero_differences_without_a_sign_flip():
    """Scores equal up to float noise (0.3 against 0.1 + 0.2) are a tie: "+0.00", never "-0.00"."""
    mine = SystemResult("extractive", {"rouge1": 0.3, "rouge2": 0.3, "rougeL": 0.3}, 50.0, 0.1)
    noisy = {"rouge1": 0.1 + 0.2, "rouge2": 0.1 + 0.2, "rougeL": 0.1 + 0.2}
    others = tuple(SystemResult(name, dict(noisy), 50.0, 0.1) for name in ("lead", "lexrank", "textrank"))
    text = format_report(EvalReport("f.jsonl", "extractive", 1, (mine, *others)))
    assert re.search(r"vs textrank\s+\+0\.00\s+\+0\.00\s+\+0\.00", text)
    assert re.search(r"vs best graph\s+\+0\.00\s+\+0\.00\s+\+0\.00", text)
    assert "-0.00" not in text


def test_a_model_that_cannot_be_loaded_is_an_error_not_a_fallback(tmp_path):
    result = CliRunner().invoke(app, ["eval", "summaries", str(DATA / "stories.jsonl"), "--summarizer", "seq2seq",
                                      "--model", str(tmp_path / "no-such-model")])
    assert result.exit_code == 2
    assert "no-such-model" in result.stderr
    assert "ROUGE" not in result.stdout
