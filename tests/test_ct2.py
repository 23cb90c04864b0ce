"""The CTranslate2 backend must compute what the transformers model computes: same greedy output and same
log-probabilities (a d_model**-0.5 output scaling, as a naive flan-t5 conversion applies, changes them)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from brief.config import Settings
from brief.summarize import ct2, loader
from brief.summarize.seq2seq import Seq2SeqSummarizer
from tinymodels import one_torch_thread, sample_sentences, tiny_model  # noqa: F401 (fixture)

pytestmark = pytest.mark.usefixtures("one_torch_thread")

GREEDY = loader.GenerationOptions(num_beams=1, max_new_tokens=12, min_new_tokens=12, no_repeat_ngram_size=2)


@pytest.fixture(scope="session")
def models(tmp_path_factory) -> dict[str, Path]:
    bart = tiny_model("bart", tmp_path_factory)
    # as some BART configs written by transformers 5 are: without the two keys CTranslate2's converter needs
    stripped = tmp_path_factory.mktemp("bart-stripped")
    shutil.copytree(bart, stripped, dirs_exist_ok=True)
    config = json.loads((stripped / "config.json").read_text())
    for key in ("normalize_before", "normalize_embedding"):
        config.pop(key, None)
    (stripped / "config.json").write_text(json.dumps(config))
    return {"t5": tiny_model("t5", tmp_path_factory), "bart": stripped}


def backends(directory: Path, state_dir: Path, *, quantize: bool = False):
    tokenizer = loader.load_tokenizer(directory, directory.name)
    reference = loader.TransformersGenerator(loader.load_torch_model(directory, directory.name), tokenizer, "cpu")
    converted = ct2.open_generator(directory, tokenizer, directory.name, loader.weights_fingerprint(directory),
                                   state_dir=state_dir, device="cpu", quantize=quantize)
    return reference, converted


@pytest.mark.parametrize("kind", ["t5", "bart"])
def test_greedy_output_equals_transformers(kind, models, tmp_path):
    reference, converted = backends(models[kind], tmp_path)
    prompts = sample_sentences()[:6]
    expected = reference.generate(prompts, GREEDY)
    assert converted.generate(prompts, GREEDY) == expected
    assert len(set(expected)) > 1


@pytest.mark.parametrize("kind", ["t5", "bart"])
def test_log_probabilities_equal_transformers(kind, models, tmp_path):
    import ctranslate2
    import torch

    directory = models[kind]
    reference, converted = backends(directory, tmp_path)
    tokenizer, model = reference.tokenizer, reference.model
    sources, targets = sample_sentences()[:3], sample_sentences()[3:6]
    translator = ctranslate2.Translator(str(ct2.conversion_dir(tmp_path, loader.weights_fingerprint(directory),
                                                               "float32")), compute_type="float32")
    scored = translator.score_batch(
        [tokenizer.convert_ids_to_tokens(tokenizer(s).input_ids) for s in sources],
        [tokenizer.convert_ids_to_tokens(tokenizer(t, add_special_tokens=False).input_ids) for t in targets],
    )  # CTranslate2 scores the end token too
    for source, target, result in zip(sources, targets, scored):
        labels = torch.tensor([tokenizer(target, add_special_tokens=False).input_ids + [tokenizer.eos_token_id]])
        with torch.no_grad():
            logits = model(**tokenizer(source, return_tensors="pt"), labels=labels).logits
        expected = logits.log_softmax(-1)[0].gather(-1, labels[0][:, None])[:, 0]
        assert result.log_probs == pytest.approx(expected.tolist(), abs=1e-3)


def test_int8_path_runs_and_the_conversion_is_cached(models, tmp_path, monkeypatch):
    directory = models["t5"]
    _, converted = backends(directory, tmp_path, quantize=True)
    outputs = converted.generate(sample_sentences()[:3], GREEDY)
    assert len(outputs) == 3 and all(outputs)
    [folder] = (tmp_path / "ctranslate2").iterdir()
    assert json.loads((folder / "config.json").read_text())  # a CTranslate2 model folder

    def no_second_conversion(*args, **kwargs):
        raise AssertionError("converted again")

    monkeypatch.setattr(ct2, "convert", no_second_conversion)
    ct2.open_generator(directory, converted.tokenizer, "t5", loader.weights_fingerprint(directory),
                       state_dir=tmp_path, device="cpu", quantize=True)


def test_default_settings_use_ctranslate2_int8(models, tmp_path):
    from test_seq2seq import DAILY, WIRE, story

    settings = Settings(model=str(models["t5"]), state_dir=tmp_path, max_new_tokens=8, quiet=True)
    assert (settings.backend, settings.quantize) == ("ctranslate2", True)
    summarizer = Seq2SeqSummarizer(settings=settings)
    [summary] = summarizer.summarize([story(WIRE, DAILY)])
    assert isinstance(summarizer._generator, ct2.CTranslate2Generator)
    assert summarizer._generator.translator.compute_type.startswith("int8")
    assert summary.sentences  # nonsense from random weights falls back to extraction, never to nothing
