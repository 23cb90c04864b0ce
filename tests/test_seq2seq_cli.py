"""The seq2seq model as the user meets it on the command line: `brief model info|download`, and `brief run` when
the model is missing or broken (a message, extractive summaries, exit code 1)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from tinymodels import corrupt_copy, t5_dir  # noqa: F401 (session fixture)

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
ONE_STORY = [str(SAMPLES / "courier-transit-vote.txt"), str(SAMPLES / "harbordaily-transit-vote.html")]


@pytest.fixture(autouse=True)
def private_state(tmp_path, monkeypatch):
    """Runs keep their state (summary cache, converted models) in the test's folder, not the user's."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("BRIEF_CONFIG", raising=False)


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_model_info_for_a_local_folder(t5_dir):
    result = invoke("model", "info", "--model", str(t5_dir))
    assert result.exit_code == 0
    assert "available:  yes" in result.stdout
    assert f"folder:     {t5_dir}" in result.stdout
    assert "family:     t5" in result.stdout
    assert "ctranslate2, int8, converted on first use" in result.stdout


def test_model_info_for_a_model_not_downloaded(tmp_path, monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    result = invoke("model", "info")
    assert result.exit_code == 0
    assert "model:      google/flan-t5-base" in result.stdout
    assert "available:  no: run `brief model download google/flan-t5-base`" in result.stdout


def test_model_download_without_network_says_why(monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    result = invoke("model", "download", "google/flan-t5-base")
    assert result.exit_code == 3
    assert "cannot download the model google/flan-t5-base" in result.stderr
    assert "Traceback" not in result.output


def test_model_download_of_a_local_folder_is_a_usage_error(t5_dir):
    result = invoke("model", "download", str(t5_dir))
    assert result.exit_code == 2
    assert "--model" in result.stderr


@pytest.mark.parametrize("broken", ["corrupt config", "corrupt weights"])
def test_run_with_a_broken_model_falls_back_to_extraction_with_exit_code_1(broken, t5_dir, tmp_path):
    model = corrupt_copy(t5_dir, tmp_path / "corrupt")
    if broken == "corrupt config":
        (model / "config.json").write_text("{")
    result = invoke("run", *ONE_STORY, "--model", str(model), "--format", "json")
    assert result.exit_code == 1
    assert f"cannot load the model {model}" in result.stderr
    assert "brief model download" in result.stderr and "extractive" in result.stderr
    stories = json.loads(result.stdout)["stories"]
    assert stories and all(s["summary_engine"] == "extractive" for s in stories)


def test_run_requiring_seq2seq_fails_when_the_model_is_missing(tmp_path):
    result = invoke("run", *ONE_STORY, "--model", str(tmp_path / "no-model"), "--summarizer", "seq2seq")
    assert result.exit_code == 3  # nothing written
    assert result.stdout == ""  # no briefing
    assert f"cannot load the model {tmp_path / 'no-model'}" in result.stderr


def test_run_auto_without_the_model_is_extractive_and_succeeds(tmp_path, monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    result = invoke("run", str(SAMPLES / "courier-turtle.txt"), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["stories"][0]["summary_engine"] == "extractive"


def test_run_auto_with_a_chosen_model_that_is_missing_falls_back_with_exit_code_1(tmp_path):
    result = invoke("run", *ONE_STORY, "--model", str(tmp_path / "no-model"), "--format", "json")
    assert result.exit_code == 1
    assert f"the model {tmp_path / 'no-model'} is not available locally" in result.stderr
    assert json.loads(result.stdout)["stories"][0]["summary_engine"] == "extractive"
