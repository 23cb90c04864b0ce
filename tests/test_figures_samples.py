"""The figures engine on the project's own sample stories, scored against samples/_expected-figures.json with the
rule of ../shared/eval/check_seed_figures.py. Stories are built from the gold grouping (clustering is tested
elsewhere), copies marked as the gold marks them."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from brief.clean import clean_article
from brief.figures import compare_figures
from brief.ingest import read_inputs
from brief.types import Source, Story

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOLD = json.loads((SAMPLES / "_expected-figures.json").read_text(encoding="utf-8"))


def _key(source: str, record_id: str | None) -> str:
    return source + ("#" + record_id if record_id else "")


@pytest.fixture(scope="module")
def articles():
    found, _ = read_inputs([str(SAMPLES)])
    return {_key(os.path.basename(a.path or a.key), a.id if (a.path or "").endswith(("json", "jsonl")) else None):
            clean_article(a) for a in found}


def _story(gold_story, articles):
    keys = [_key(s["source"], s.get("id")) for s in gold_story["sources"]]
    ref_of = {key: i + 1 for i, key in enumerate(keys)}
    sources = tuple(Source(ref=ref_of[key], article=articles[key], duplicate_of=ref_of.get(s.get("copy_of", "")))
                    for key, s in zip(keys, gold_story["sources"]))
    return Story(id=gold_story["id"], sources=sources), {ref: key for key, ref in ref_of.items()}


def _share(value: float, unit: str | None) -> float:
    return round(value / 100 if unit == "%" and value > 1 else value, 4)


@pytest.mark.parametrize("gold_story", GOLD["stories"], ids=[s["id"] for s in GOLD["stories"]])
def test_sample_story_facts_are_right_and_distractors_apart(gold_story, articles):
    story, key_of = _story(gold_story, articles)
    figures = [(fact, {(key_of[r], _share(v.value, v.unit)) for v in fact.values for r in v.refs})
               for fact in compare_figures(story)]
    distractors = {(_key(d["source"], d.get("id")), round(float(d["value"]), 4))
                   for d in gold_story.get("distractors", [])}
    for gold_fact in gold_story["facts"]:
        want = {(_key(v["source"], v.get("id")), round(float(v["value"]), 4)) for v in gold_fact["values"]}
        matches = [(f, p) for f, p in figures if len(want & p) >= max(1, len(want) - 1)]
        assert matches, f"{gold_fact['id']}: no figure holds its values"
        assert any(f.verdict == gold_fact["verdict"] for f, _ in matches), (
            gold_fact["id"], [(f.what, f.verdict) for f, _ in matches])
        for fact, pairs in matches:
            merged = {(k, v) for k, v in pairs if any(k.startswith(d[0]) and v == d[1] for d in distractors)}
            assert not merged, f"{gold_fact['id']} merged a distractor: {merged}"
