"""The CTranslate2 backend: convert a model once (offline, from its local weights), cache it, generate fast.

The conversion corrects two CTranslate2 4.x / transformers 5 mismatches:
- transformers 5 reports `tie_word_embeddings=True` for every T5 and keeps the old meaning in
  `scale_decoder_outputs`; the converter reads the former and would scale flan-t5 / T5 v1.1 outputs by
  d_model**-0.5, which the original model does not do;
- a BART config built by transformers 5 may lack `normalize_before` / `normalize_embedding`, which the converter
  needs; real BART checkpoints mean False / True.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

from brief.errors import ModelUnavailable
from brief.summarize.loader import GenerationOptions, fix_hint, forced_bos_token_id, load_torch_model

FORMAT_VERSION = "1"  # bump when the conversion itself changes, so cached conversions are redone


def compute_type(device: str, quantize: bool) -> str:
    if quantize:
        return "int8_float16" if device == "cuda" else "int8"
    return "float16" if device == "cuda" else "float32"


def pick_device(device: str) -> str:
    if device != "auto":
        return device
    import ctranslate2

    return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"


def conversion_dir(state_dir: Path, fingerprint: str, quantization: str) -> Path:
    """Where the converted model lives: one folder per model version and weight type."""
    key = hashlib.sha256(f"{FORMAT_VERSION}\n{fingerprint}\n{quantization}".encode()).hexdigest()[:20]
    return state_dir / "ctranslate2" / key


def _converter(directory: Path, torch_model, tokenizer):
    from ctranslate2.converters import TransformersConverter
    from ctranslate2.specs import model_spec

    class LoadedModelConverter(TransformersConverter):
        """Converts the model already in memory (no second load) and corrects the traps described above."""

        def load_model(self, model_class, model_name_or_path, **kwargs):
            return torch_model

        def load_tokenizer(self, tokenizer_class, model_name_or_path, **kwargs):
            return tokenizer

        def _load(self):
            config = torch_model.config
            if config.model_type in ("bart", "mbart"):
                for name, value in (("normalize_before", False), ("normalize_embedding", True)):
                    if getattr(config, name, None) is None:
                        setattr(config, name, value)
            spec = super()._load()
            if getattr(config, "scale_decoder_outputs", True) is False:
                spec.decoder.scale_outputs = model_spec.OPTIONAL
            return spec

    return LoadedModelConverter(str(directory))


def convert(directory: Path, output: Path, tokenizer, model: str, quantization: str) -> Path:
    """Convert the model in `directory` into `output` (written atomically); returns `output`."""
    torch_model = load_torch_model(directory, model, device="cpu", dtype="float32", quantize=False)
    output.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".converting-", dir=output.parent))
    try:
        _converter(directory, torch_model, tokenizer).convert(str(scratch), quantization=quantization, force=True)
        shutil.rmtree(output, ignore_errors=True)  # a folder left without its model.bin
        os.replace(scratch, output)
    except Exception as err:  # an architecture CTranslate2 cannot convert, a full disk: say which and why
        raise ModelUnavailable(f"cannot convert the model {model} for CTranslate2: {err}; use --backend "
                               f"transformers, or {fix_hint(model)}") from err
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return output


class CTranslate2Generator:
    """Batched generation with a converted model; `generate` matches TransformersGenerator's greedy output."""

    backend = "ctranslate2"

    def __init__(self, converted: Path, tokenizer, *, device: str, quantization: str, forced_bos: int | None):
        import ctranslate2

        self.tokenizer = tokenizer
        self.forced_bos = forced_bos
        try:
            self.translator = ctranslate2.Translator(
                str(converted), device=device, compute_type=quantization, intra_threads=os.cpu_count() or 1
            )
        except (RuntimeError, ValueError) as err:
            raise ModelUnavailable(f"cannot load the converted model in {converted}: {err}; delete that folder "
                                   "to convert again") from err

    def batch_size(self, options: GenerationOptions) -> int:
        return 8

    def generate(self, prompts: Sequence[str], options: GenerationOptions) -> list[str]:
        tokenizer = self.tokenizer
        source = [
            tokenizer.convert_ids_to_tokens(tokenizer(p, truncation=True, max_length=options.max_input_tokens).input_ids)
            for p in prompts
        ]
        prefix = None
        if self.forced_bos is not None:
            prefix = [[tokenizer.convert_ids_to_tokens(self.forced_bos)] for _ in prompts]
        results = self.translator.translate_batch(
            source,
            target_prefix=prefix,
            beam_size=options.num_beams,
            max_decoding_length=options.max_new_tokens,
            min_decoding_length=options.min_new_tokens,
            no_repeat_ngram_size=options.no_repeat_ngram_size,
            length_penalty=1.0,
            max_batch_size=len(prompts),
        )
        return [
            tokenizer.decode(tokenizer.convert_tokens_to_ids(r.hypotheses[0]), skip_special_tokens=True)
            for r in results
        ]


def open_generator(directory: Path, tokenizer, model: str, fingerprint: str, *, state_dir: Path, device: str,
                   quantize: bool) -> CTranslate2Generator:
    """The CTranslate2 generator for the model in `directory`, converting it first unless already cached."""
    device = pick_device(device)
    quantization = compute_type(device, quantize)
    converted = conversion_dir(state_dir, fingerprint, quantization)
    if not (converted / "model.bin").is_file():
        convert(directory, converted, tokenizer, model, quantization)
    return CTranslate2Generator(converted, tokenizer, device=device, quantization=quantization,
                                forced_bos=forced_bos_token_id(directory))
