"""The figures engine on the five real seed reports, scored with the rule of ../shared/eval/check_seed_figures.py:
a fact is found when one figure holds at least max(1, n-1) of its gold (source, value) pairs, right when that
figure's verdict is the gold verdict, and no figure matched to a fact may hold a distractor's pair."""
from __future__ import annotations

import json

import pytest

from brief.figures import compare_figures
from brief.types import Article, Source, Story


def _percent_as_fraction(value: float, unit: str | None) -> float:
    return round(value / 100 if unit == "%" and value > 1 else value, 4)


@pytest.fixture
def seed_story(seeds_dir):
    paths = sorted(seeds_dir.glob("*.txt"))
    sources = tuple(
        Source(ref=i + 1, article=Article(key=str(p), path=str(p), text=p.read_text(encoding="utf-8")))
        for i, p in enumerate(paths)
    )
    return Story(id="seeds", sources=sources), {i + 1: p.name for i, p in enumerate(paths)}


@pytest.fixture
def gold(shared_dir):
    path = shared_dir / "eval" / "seed-figures.json"
    if not path.is_file():
        pytest.skip("../shared/eval/seed-figures.json is absent")
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_gold_fact_is_right_and_no_distractor_is_merged(seed_story, gold):
    story, name_of = seed_story
    figures = []
    for fact in compare_figures(story):
        pairs = {(name_of[ref], _percent_as_fraction(v.value, v.unit)) for v in fact.values for ref in v.refs}
        figures.append((fact, pairs))
    distractors = {(d["source"], round(float(d["value"]), 4)) for d in gold["distractors"]}
    for gold_fact in gold["facts"]:
        want = {(v["source"], round(float(v["value"]), 4)) for v in gold_fact["values"]}
        matches = [(f, p) for f, p in figures if len(want & p) >= max(1, len(want) - 1)]
        assert matches, f"{gold_fact['id']}: no figure holds its values"
        assert any(f.verdict == gold_fact["verdict"] for f, _ in matches), (
            f"{gold_fact['id']}: verdicts {[f.verdict for f, _ in matches]}, want {gold_fact['verdict']}")
        for fact, pairs in matches:
            assert not pairs & distractors, f"{gold_fact['id']} merged a distractor: {pairs & distractors}"


def test_seed_conflicts_come_first_and_read_well(seed_story):
    story, _ = seed_story
    facts = compare_figures(story)
    verdicts = [f.verdict for f in facts]
    assert verdicts == sorted(verdicts, key=["conflict", "update", "agree", "single"].index)
    total = next(f for f in facts if {v.value for v in f.values} == {337.0, 343.0})
    assert total.what.startswith("drones downed") and total.note == "337 vs 343"
    moscow = next(f for f in facts if f.verdict == "agree" and {v.value for v in f.values} == {91.0})
    assert "Moscow" in moscow.what
    assert compare_figures(story) == facts  # deterministic
