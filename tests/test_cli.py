"""The `brief run` command as a user meets it: outputs, exit codes, bad inputs, and no torch on the light path."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from brief.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
ARTICLE = ("Council passes the harbour budget\n\nThe city council approved the harbour budget on Monday by 31 votes "
           "to 12.\nThe plan pays for three new cranes and the repair of the north pier.\n")


def _run(*args: str, **kwargs):
    return runner.invoke(app, ["run", *args, "--summarizer", "extractive"], **kwargs)


def test_run_writes_markdown_to_a_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out" / "briefing.md"
    result = _run(str(tmp_path / "a.txt"), "-o", str(out), "--date", "2026-11-21")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Briefing for Saturday, 21 November 2026")
    assert "Council passes the harbour budget" in text and "**Sources**" in text


def test_run_without_out_prints_json_to_stdout(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = _run(str(tmp_path / "a.txt"), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["stories"][0]["sources"][0]["path"] == str(tmp_path / "a.txt")
    assert data["stories"][0]["summary_engine"] == "extractive"


def test_skipped_inputs_are_reported_and_exit_code_is_partial(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    result = _run(str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    assert f"brief: skipped {tmp_path / 'b.txt'}: binary file, not text" in result.stderr
    data = json.loads(result.stdout)
    assert data["skipped"] == [{"input": str(tmp_path / "b.txt"), "reason": "binary file, not text"}]
    assert len(data["stories"]) == 1


def test_nothing_usable_exits_3_and_writes_nothing(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"")
    out = tmp_path / "briefing.md"
    result = _run(str(tmp_path / "b.txt"), "-o", str(out))
    assert result.exit_code == 3
    assert "no usable article" in result.stderr
    assert not out.exists()


def test_only_boilerplate_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "promo.txt").write_text("Source link\nLeave a Reply\n", encoding="utf-8")
    result = _run(str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    assert "only boilerplate, no article text" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["run"]).exit_code == 2
    assert runner.invoke(app, ["run", str(tmp_path), "--format", "pdf"]).exit_code == 2
    result = _run(str(tmp_path), "--date", "yesterday")
    assert result.exit_code == 2 and "is not a date" in result.stderr


def test_stdin_input(tmp_path):
    result = _run("-", "--format", "json", input=json.dumps({"id": "n1", "title": "T", "text": ARTICLE}))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["stories"][0]["sources"][0]["id"] == "n1"


def test_quiet_prints_nothing_on_success(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = _run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "b.md"), "--quiet")
    assert result.exit_code == 0 and result.output == ""


def test_same_inputs_give_the_same_briefing(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    first = _run(str(SAMPLES), "--format", "json")
    second = _run(str(SAMPLES), "--format", "json")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout


LIGHT_PATH = """
import sys
from typer.testing import CliRunner
from brief.cli import app
runner = CliRunner()
assert runner.invoke(app, ["--help"]).exit_code == 0
result = runner.invoke(app, ["run", sys.argv[1], "--summarizer", "{summarizer}", "-o", sys.argv[2]])
assert result.exit_code == 0, result.output
heavy = sorted(m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules)
print(",".join(heavy))
"""


@pytest.mark.parametrize("summarizer", ["extractive", "auto"])
def test_help_and_extractive_run_never_import_torch(tmp_path, summarizer):
    """auto must not import torch either when the model is not available locally (as here: no downloads)."""
    env_home = tmp_path / "home"
    code = LIGHT_PATH.replace("{summarizer}", summarizer)
    done = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES), str(tmp_path / "b.md")],
        capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(env_home), "HF_HOME": str(env_home / "hf"),
             "HF_HUB_OFFLINE": "1", "XDG_STATE_HOME": str(env_home / "state")},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_embedding_model_that_cannot_load_falls_back_with_a_notice_and_exit_1(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEF_CLUSTER_EMBEDDING_MODEL", str(tmp_path / "no-such-model"))
    monkeypatch.setenv("BRIEF_STATE_DIR", str(tmp_path / "state"))
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = _run(str(tmp_path / "a.txt"), "--format", "json")
    assert result.exit_code == 1
    notices = json.loads(result.stdout)["notices"]
    assert any(n.startswith("stories were grouped with TF-IDF vectors") and "no-such-model" in n for n in notices)


def test_figures_command_prints_the_table_per_story():
    result = runner.invoke(app, ["figures", str(SAMPLES), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    stories = json.loads(result.stdout)["stories"]
    assert len(stories) == 6
    verdicts = [fact["verdict"] for fact in stories[0]["figures"]]
    assert verdicts[0] == "conflict" and verdicts == sorted(verdicts, key=["conflict", "update", "agree",
                                                                           "single"].index)
    text = runner.invoke(app, ["figures", str(SAMPLES)]).stdout
    assert text.startswith("# Figures by story") and "| Fact | Values | Verdict |" in text


def test_an_unwritable_output_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    result = _run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "file" / "briefing.md"))
    assert result.exit_code == 2
    assert f"cannot write {tmp_path / 'file' / 'briefing.md'}" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_a_story_with_no_sentence_fit_for_a_summary_says_so(tmp_path, fmt):
    article = tmp_path / "flash.txt"
    article.write_text("Fire at the Marlow plant\n\nBREAKING fire Marlow plant crews on scene update soon\n")
    result = _run(str(article), "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "No summary: no sentence of the sources can stand in one" in result.stdout


def test_cluster_with_an_embedding_model_that_cannot_load_falls_back_with_exit_1(tmp_path):
    result = runner.invoke(app, ["cluster", str(SAMPLES / "ledger-transit-vote.md"),
                                 "--embedding-model", str(tmp_path / "no-such-model")])
    assert result.exit_code == 1, result.output  # the warning itself goes to stderr through logging (main())
    assert result.stdout.startswith("# 1 story\n") and "Northline" in result.stdout


def _sentences_per_story(result) -> set[int]:
    return {len(story["summary_sentences"]) for story in json.loads(result.stdout)["stories"]}


def test_a_bad_config_value_that_a_flag_overrides_does_not_stop_the_run(tmp_path):
    config = tmp_path / "brief.toml"
    config.write_text('[summary]\nmax_sentences = "lots"\n', encoding="utf-8")
    archive = tmp_path / "archive"
    result = _run(str(SAMPLES), "--config", str(config), "--archive", str(archive), "--sentences", "2",
                  "--format", "json", "-o", str(tmp_path / "briefing.json"), "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    stories = json.loads((archive / "latest.json").read_text(encoding="utf-8"))["stories"]
    assert stories and {len(story["summary_sentences"]) for story in stories} == {2}


def test_a_bad_config_value_in_effect_is_a_usage_error_naming_the_file_and_key(tmp_path):
    config = tmp_path / "brief.toml"
    config.write_text('[summary]\nmax_sentences = "lots"\n', encoding="utf-8")
    archive = tmp_path / "archive"
    result = _run(str(SAMPLES), "--config", str(config), "--archive", str(archive))
    assert result.exit_code == 2
    assert f"brief: {config}: summary.max_sentences: must be a whole number, not 'lots'" in result.stderr
    assert not archive.exists()


def test_a_bad_environment_value_that_a_flag_overrides_does_not_stop_the_run(monkeypatch):
    monkeypatch.setenv("BRIEF_SUMMARY_MAX_SENTENCES", "lots")
    result = _run(str(SAMPLES), "--format", "json", "--sentences", "2")
    assert result.exit_code == 0, result.stderr
    assert _sentences_per_story(result) == {2}
    result = _run(str(SAMPLES), "--format", "json")
    assert result.exit_code == 2
    assert "brief: BRIEF_SUMMARY_MAX_SENTENCES: must be a whole number, not 'lots'" in result.stderr


def test_a_defect_in_the_figures_of_one_story_keeps_the_briefing_and_exits_1(tmp_path, monkeypatch):
    import brief.figures as figures

    monkeypatch.setattr(figures, "compare_figures", lambda story: [][0])
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "briefing.md"
    result = _run(str(tmp_path / "a.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert "could not be compared (IndexError" in result.stderr and "a.txt" in result.stderr
    assert "Council passes the harbour budget" in out.read_text(encoding="utf-8")


def test_help_shows_each_options_default():
    """The defaults written into option help ("[default: 24h]") reach the screen, and a flag shows no type."""
    result = runner.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    shown = " ".join(result.output.split())  # help wraps at the terminal's width
    for default in ("[default: auto]", "[default: 4]", "[default: 24h]", "[default: $BRIEF_CONFIG]"):
        assert default in shown
    assert "<bool>" not in shown


def test_python_dash_m_brief_is_the_brief_command():
    result = subprocess.run([sys.executable, "-m", "brief", "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Usage: python -m brief" in result.stdout and "figures" in result.stdout
