"""Tiny T5 and BART models built from scratch for the tests (no download, no network).

Each builder trains a tokenizer on `SAMPLE_TEXT` (SentencePiece unigram for T5, byte-level BPE for BART), makes a
small random model of that family and writes both to a directory with `save_pretrained`, the way a real checkpoint
sits on disk. Weights are seeded, so every build gives the same model. Logits are made peaked on purpose (large
output weights) so that greedy decoding is not decided by rounding noise when two backends are compared.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLE_TEXT = """\
The city council approved a budget of 12 million dollars on Tuesday after a long debate.
Three people were injured when a bus hit a wall in the city centre, the police said.
Officials said at least 91 drones were shot down overnight over the capital region.
The ministry reported that 337 drones were destroyed across the country in one night.
Two airports closed for several hours and more than 50 flights were delayed.
The mayor told reporters that the repairs would take about six weeks to finish.
Talks between the two delegations lasted nearly nine hours in Jeddah on Tuesday.
The agreement includes a 30-day ceasefire that both sides must still accept.
Fire crews worked through the night to put out a blaze at a warehouse near the port.
Prices of fresh food rose by 4.5 percent in March, the statistics office said.
A spokesman for the company said the factory would reopen on Monday morning.
Residents were asked to stay indoors while the emergency services cleared the roads.
The president welcomed the outcome and thanked the hosts for their support.
Schools in the northern district will remain closed until the end of the week.
The storm brought heavy rain, strong winds and flooding to several coastal towns.
"""


def sample_sentences() -> list[str]:
    return [line for line in SAMPLE_TEXT.splitlines() if line.strip()]


def build_t5(directory: Path, *, extra_ids: int = 4, d_model: int = 32) -> Path:
    """A flan-style T5 (gated-gelu feed-forward, untied output layer) with a trained SentencePiece vocabulary."""
    import sentencepiece
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    directory.mkdir(parents=True, exist_ok=True)
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(sample_sentences() * 4),
        model_prefix=str(directory / "spiece"),
        vocab_size=160,
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        model_type="unigram",
        character_coverage=1.0,
        minloglevel=2,
    )
    tokenizer = T5Tokenizer.from_pretrained(str(directory), extra_ids=extra_ids, model_max_length=512)
    config = T5Config(
        vocab_size=len(tokenizer) + 3,  # padded beyond the tokenizer, like the real 32128 vs 32100
        d_model=d_model,
        d_kv=8,
        d_ff=2 * d_model,
        num_layers=2,
        num_decoder_layers=2,
        num_heads=4,
        relative_attention_num_buckets=8,
        feed_forward_proj="gated-gelu",
        tie_word_embeddings=False,  # flan-t5 / T5 v1.1: no output scaling, separate lm_head
        decoder_start_token_id=0,
        pad_token_id=0,
        eos_token_id=1,
    )
    torch.manual_seed(0)
    model = T5ForConditionalGeneration(config).eval()
    # transformers 5 ties lm_head to the embeddings at construction; flan checkpoints have their own lm_head.
    model.lm_head.weight = torch.nn.Parameter(torch.randn(config.vocab_size, d_model) * 4.0)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def build_bart(directory: Path, *, d_model: int = 32) -> Path:
    """A small BART with a byte-level BPE vocabulary, configured like the real news checkpoints."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    directory.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        sample_sentences() * 4,
        vocab_size=400,
        min_frequency=2,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        show_progress=False,
    )
    bpe.save_model(str(directory))
    tokenizer = BartTokenizer.from_pretrained(str(directory), model_max_length=256)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=d_model,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=2 * d_model,
        decoder_ffn_dim=2 * d_model,
        max_position_embeddings=256,
        init_std=0.3,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_eos_token_id=2,
        normalize_before=False,  # as the real BART configs say; CTranslate2 needs these two
        normalize_embedding=True,
    )
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config).eval()
    model.generation_config.forced_bos_token_id = 0  # as bart-large-cnn / distilbart-cnn do
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def corrupt_copy(source: Path, directory: Path) -> Path:
    """A copy of a model directory whose weights file is truncated garbage."""
    directory.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file():
            (directory / path.name).write_bytes(path.read_bytes())
    (directory / "model.safetensors").write_bytes(b"\x00garbage")
    json.loads((directory / "config.json").read_text())  # the config stays valid: only the weights are broken
    return directory


_BUILT: dict[str, Path] = {}


def tiny_model(kind: str, tmp_path_factory) -> Path:
    """The tiny "t5" or "bart" model folder, built once per test session whichever test module asks first."""
    if kind not in _BUILT:
        builder = {"t5": build_t5, "bart": build_bart}[kind]
        _BUILT[kind] = builder(tmp_path_factory.mktemp(f"tiny-{kind}"))
    return _BUILT[kind]


@pytest.fixture(scope="session")
def t5_dir(tmp_path_factory) -> Path:
    return tiny_model("t5", tmp_path_factory)


@pytest.fixture(scope="session")
def bart_dir(tmp_path_factory) -> Path:
    return tiny_model("bart", tmp_path_factory)


@pytest.fixture
def one_torch_thread():
    """Tiny models run fastest on one thread; on a busy machine more threads mostly wait for each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
