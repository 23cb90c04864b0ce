"""The real seed reports (../shared/seeds): one story, the gold figures right, the spun copy counted once."""
from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from brief.cli import app


def test_seed_check_passes_on_the_json_briefing(seeds_dir, shared_dir):
    result = CliRunner().invoke(app, ["run", str(seeds_dir), "--format", "json", "--summarizer", "extractive"])
    assert result.exit_code == 0, result.stderr
    check = subprocess.run([sys.executable, str(shared_dir / "eval" / "check_seed_figures.py")],
                           input=result.stdout, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout
    briefing = json.loads(result.stdout)
    assert len(briefing["stories"]) == 1
    story = briefing["stories"][0]
    copies = [s for s in story["sources"] if s["duplicate_of"]]
    assert [s["path"].rsplit("/", 1)[-1] for s in copies] == ["000_940218927236e1af.txt"]
    assert copies[0]["copy_kind"] == "rewrite"  # the spun copy is told apart from a wire reprint
    assert story["independent_outlets"] == 4
    assert 2 <= len(story["summary_sentences"]) <= 5
    assert all(sentence["refs"] for sentence in story["summary_sentences"])
    # the summary tells both halves of the story: the talks, and the drone attack the figures table is about
    texts = " ".join(sentence["text"] for sentence in story["summary_sentences"])
    assert "talks" in texts and "91 drones" in texts
