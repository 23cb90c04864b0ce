"""Clustering scores (B-cubed, pairwise) and the `brief eval clusters` and `brief cluster` commands."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.evaluate.clusters import bcubed, pairwise
from cluster_corpus import LOOK_ALIKES, event_of


def test_bcubed_on_a_hand_made_example():
    # gold: {a, b, c} {d, e}; predicted: {a, b} {c, d, e}
    gold = ["x", "x", "x", "y", "y"]
    predicted = [1, 1, 2, 2, 2]
    scores = bcubed(gold, predicted)
    # precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15; recall: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15
    assert scores.precision == pytest.approx(11 / 15)
    assert scores.recall == pytest.approx(11 / 15)
    assert scores.f1 == pytest.approx(11 / 15)


def test_pairwise_on_a_hand_made_example():
    gold = ["x", "x", "x", "y", "y"]
    predicted = [1, 1, 2, 2, 2]
    scores = pairwise(gold, predicted)
    # predicted pairs: ab, cd, ce, de (4); gold pairs: ab, ac, bc, de (4); shared: ab, de
    assert (scores.precision, scores.recall) == (0.5, 0.5)


def test_perfect_and_all_in_one_clusterings():
    gold = ["x", "x", "y", "z"]
    assert asdict(bcubed(gold, ["p", "p", "q", "r"])) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    lumped = bcubed(gold, ["p"] * 4)
    assert lumped.recall == 1.0 and lumped.precision == pytest.approx((2 * 0.5 + 0.25 + 0.25) / 4)


def _write_labelled(path: Path, with_gold: bool = True) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article in LOOK_ALIKES:
            row = {"id": article.key, "title": article.title, "text": article.text, "outlet": article.outlet,
                   "published": article.published.isoformat()}
            if with_gold:
                row["story"] = event_of(article)
            out.write(json.dumps(row) + "\n")
    return path


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    return tmp_path


def test_eval_clusters_command_prints_scores(state):
    path = _write_labelled(state / "labelled.jsonl")
    result = CliRunner().invoke(app, ["eval", "clusters", str(path), "--gold-field", "story"])
    assert result.exit_code == 0, result.output
    assert "B-cubed   precision 1.000  recall 1.000  F1 1.000" in result.output
    assert "pairwise  precision 1.000  recall 1.000  F1 1.000" in result.output
    assert "gold stories: 4  predicted stories: 4" in result.output


def test_eval_clusters_without_the_gold_field_is_an_error(state):
    path = _write_labelled(state / "unlabelled.jsonl", with_gold=False)
    result = CliRunner().invoke(app, ["eval", "clusters", str(path)])
    assert result.exit_code == 3
    assert "no article with a 'cluster' field" in result.output


def test_cluster_command_json(state):
    path = _write_labelled(state / "articles.jsonl")
    result = CliRunner().invoke(app, ["cluster", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["stories"]) == 4
    for story in report["stories"]:
        assert set(story) >= {"id", "headline", "articles"}
        assert story["headline"] == story["articles"][0]["title"]
        assert {event_of_id(a["id"]) for a in story["articles"]} == {event_of_id(story["articles"][0]["id"])}
        for article in story["articles"]:
            assert set(article) >= {"id", "path", "outlet", "title", "duplicate_of", "copy_kind"}
            assert article["path"] == str(path)


def event_of_id(article_id: str) -> str:
    return article_id.rsplit("-", 1)[0]


def test_cluster_command_markdown_marks_copies(state, seeds_dir):
    result = CliRunner().invoke(app, ["cluster", str(seeds_dir), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n## ") == 1
    copy_lines = [line for line in result.stdout.splitlines() if "copy of [" in line]
    assert len(copy_lines) == 1 and "000_" in copy_lines[0]


def test_cluster_output_is_identical_across_processes(state):
    """Same input, same output, whatever Python's string hashing does in each process."""
    path = _write_labelled(state / "articles.jsonl")
    here = CliRunner().invoke(app, ["cluster", str(path), "--format", "json"])
    assert here.exit_code == 0, here.output
    env = dict(os.environ, PYTHONHASHSEED="12345", XDG_STATE_HOME=str(state / "other-state"))
    there = subprocess.run(
        [sys.executable, "-c", "from brief.cli import main; main()", "cluster", str(path), "--format", "json"],
        cwd=Path(__file__).resolve().parent.parent, env=env, capture_output=True, text=True, timeout=300)
    assert there.returncode == 0, there.stderr
    assert there.stdout == here.stdout
