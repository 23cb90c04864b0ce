"""Golden files: the briefing of samples/ in every format, byte for byte.

After an intended change of output, regenerate them with `BRIEF_REGENERATE_GOLDEN=1 python -m pytest
tests/test_golden.py` and read the diff before committing it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from tests.conftest import REPO, SAMPLES

GOLDEN = Path(__file__).parent / "data" / "golden" / "samples"
REGENERATE = os.environ.get("BRIEF_REGENERATE_GOLDEN") == "1"


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json"])
def test_samples_briefing_matches_golden_file(fmt, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795255200")  # 2026-11-22 10:00 UTC
    monkeypatch.chdir(REPO)  # paths in the output are given relative to the checkout, as a user would type them
    result = CliRunner().invoke(app, ["run", os.path.relpath(SAMPLES, REPO), "--format", fmt,
                                      "--summarizer", "extractive", "--date", "2026-11-22"])
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"briefing.{fmt}"
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; regenerate with BRIEF_REGENERATE_GOLDEN=1"
    assert result.stdout == golden.read_text(encoding="utf-8")
