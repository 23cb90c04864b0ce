"""Finding and loading models with transformers: local folders, the Hugging Face cache, broken folders, and the
transformers backend's output (batched, one at a time, int8)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from brief.config import Settings
from brief.errors import ModelUnavailable
from brief.summarize import loader
from brief.summarize.seq2seq import Seq2SeqSummarizer
from tinymodels import bart_dir, corrupt_copy, one_torch_thread, sample_sentences, t5_dir  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("one_torch_thread")

GREEDY = loader.GenerationOptions(num_beams=1, max_new_tokens=12, min_new_tokens=12, no_repeat_ngram_size=2)


def generator(directory: Path, *, quantize: bool = False) -> loader.TransformersGenerator:
    tokenizer = loader.load_tokenizer(directory, directory.name)
    model = loader.load_torch_model(directory, directory.name, device="cpu", quantize=quantize)
    return loader.TransformersGenerator(model, tokenizer, "cpu")


def test_a_local_folder_is_available_and_loads(t5_dir):
    assert loader.model_available_locally(str(t5_dir))
    summarizer = Seq2SeqSummarizer(settings=Settings(model=str(t5_dir), backend="transformers"))
    assert summarizer.family == "t5" and summarizer.directory == t5_dir


def test_missing_folder_names_the_model_and_the_fix(tmp_path):
    missing = str(tmp_path / "no-such-model")
    assert not loader.model_available_locally(missing)
    with pytest.raises(ModelUnavailable) as caught:
        Seq2SeqSummarizer(settings=Settings(model=missing))
    message = str(caught.value)
    assert missing in message and "brief model download" in message and "--model PATH" in message


def test_hub_id_not_in_the_cache_is_unavailable(tmp_path, monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    assert not loader.model_available_locally("google/flan-t5-base")
    with pytest.raises(ModelUnavailable, match="google/flan-t5-base.*not in the Hugging Face cache"):
        loader.resolve_model_dir("google/flan-t5-base")


def test_hub_id_in_the_cache_is_found_without_network(t5_dir, tmp_path, monkeypatch):
    import huggingface_hub.constants

    snapshot = tmp_path / "hub" / "models--example--tiny-t5" / "snapshots" / "0123abcd"
    snapshot.mkdir(parents=True)
    for path in t5_dir.iterdir():
        (snapshot / path.name).write_bytes(path.read_bytes())
    (tmp_path / "hub" / "models--example--tiny-t5" / "refs").mkdir()
    (tmp_path / "hub" / "models--example--tiny-t5" / "refs" / "main").write_text("0123abcd")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    assert loader.model_available_locally("example/tiny-t5")
    assert Seq2SeqSummarizer(settings=Settings(model="example/tiny-t5")).directory == snapshot
    (snapshot / "model.safetensors").unlink()  # a config without weights is not a usable model
    assert not loader.model_available_locally("example/tiny-t5")


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_corrupt_weights_raise_model_unavailable_when_generating(t5_dir, tmp_path, backend):
    broken = corrupt_copy(t5_dir, tmp_path / "broken")
    settings = Settings(model=str(broken), backend=backend, state_dir=tmp_path / "state", quiet=True)
    summarizer = Seq2SeqSummarizer(settings=settings)  # config and tokenizer are fine
    from test_seq2seq import DAILY, WIRE, story

    with pytest.raises(ModelUnavailable, match="broken"):
        summarizer.summarize([story(WIRE, DAILY)])


def test_unreadable_sentencepiece_file_points_to_protobuf(t5_dir, monkeypatch):
    import transformers

    def fails_as_transformers_does(*args, **kwargs):  # its fallback after protobuf cannot parse spiece.model
        raise ValueError("`tiktoken` is required to read a `tiktoken` file. Install it with `pip install tiktoken`.")

    monkeypatch.setattr(transformers.AutoTokenizer, "from_pretrained", fails_as_transformers_does)
    with pytest.raises(ModelUnavailable) as caught:
        loader.load_tokenizer(t5_dir, "tiny-t5")
    message = str(caught.value)
    assert "protobuf" in message and "pip install -U protobuf" in message and "tiktoken" not in message


def test_folder_without_config_is_unavailable(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelUnavailable, match="config.json"):
        Seq2SeqSummarizer(settings=Settings(model=str(tmp_path / "empty")))


def test_flan_style_t5_keeps_its_own_output_layer_unscaled(t5_dir, tmp_path):
    """transformers 5 rewrites T5's tie_word_embeddings; an untied, unscaled flan checkpoint must survive loading
    and a save/load round trip with identical logits."""
    import torch
    from safetensors.torch import load_file

    model = loader.load_torch_model(t5_dir, "t5")
    saved = load_file(str(t5_dir / "model.safetensors"))
    assert model.config.scale_decoder_outputs is False
    assert torch.equal(model.lm_head.weight, saved["lm_head.weight"])
    assert not torch.equal(model.lm_head.weight, model.shared.weight)

    model.save_pretrained(tmp_path / "again")
    (tmp_path / "again" / "spiece.model").write_bytes((t5_dir / "spiece.model").read_bytes())
    again = loader.load_torch_model(tmp_path / "again", "again")
    tokenizer = loader.load_tokenizer(t5_dir, "t5")
    inputs = tokenizer(sample_sentences()[:2], return_tensors="pt", padding=True)
    decoder = torch.tensor([[0, 5, 9, 14]] * 2)
    with torch.no_grad():
        assert torch.equal(model(**inputs, decoder_input_ids=decoder).logits,
                           again(**inputs, decoder_input_ids=decoder).logits)


@pytest.mark.parametrize("kind", ["t5", "bart"])
def test_batched_greedy_output_equals_one_at_a_time(kind, t5_dir, bart_dir):
    backend = generator(t5_dir if kind == "t5" else bart_dir)
    prompts = sample_sentences()[:5]
    batched = backend.generate(prompts, GREEDY)
    assert batched == [backend.generate([p], GREEDY)[0] for p in prompts]
    assert len(set(batched)) > 1  # different inputs, different outputs: the model reads its input


def test_int8_transformers_path_generates(t5_dir):
    import torch

    backend = generator(t5_dir, quantize=True)
    assert any(isinstance(m, torch.ao.nn.quantized.dynamic.Linear) for m in backend.model.modules())
    outputs = backend.generate(sample_sentences()[:3], GREEDY)
    assert len(outputs) == 3 and all(outputs)


def test_model_family_from_config(t5_dir, bart_dir):
    assert loader.model_family(loader.read_config(t5_dir, "t5")) == "t5"
    assert loader.model_family(loader.read_config(bart_dir, "bart")) == "bart"
    assert loader.model_family({"model_type": "pegasus"}) == "pegasus"
    assert loader.model_family({"model_type": "marian"}) == "default"


def test_unreadable_config_is_unavailable(tmp_path):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "config.json").write_text("{not json")
    with pytest.raises(ModelUnavailable, match="cannot read"):
        Seq2SeqSummarizer(settings=Settings(model=str(tmp_path / "m")))


def test_transformers_backend_end_to_end_with_cache(t5_dir, tmp_path):
    from test_seq2seq import DAILY, WIRE, story

    settings = Settings(model=str(t5_dir), backend="transformers", num_beams=2, max_new_tokens=16,
                        state_dir=tmp_path / "state", quiet=True)
    first = Seq2SeqSummarizer(settings=settings).summarize([story(WIRE, DAILY)])
    # random weights write nonsense: it is dropped and the story falls back to extraction
    assert first[0].engine == "extractive" and first[0].dropped_sentences
    again = Seq2SeqSummarizer(settings=replace(settings, backend="transformers"))
    assert again.summarize([story(WIRE, DAILY)]) == first
    assert again._generator is None  # everything came from the cache: the weights were never loaded
