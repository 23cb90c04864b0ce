"""Find, load and run a Hugging Face seq2seq model with transformers: the only module importing torch/transformers.

Both are imported inside the functions that need them, so importing this module (for `model_available_locally`)
stays cheap. Models come from a local folder or the standard Hugging Face cache and are never downloaded here:
`brief model download NAME` does that, so a cron run never stalls on the network.
"""
from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from brief.errors import ModelUnavailable

CONFIG_FILE = "config.json"
WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "pytorch_model.bin.index.json")
FAMILIES = {"t5": "t5", "mt5": "t5", "umt5": "t5", "longt5": "t5", "bart": "bart", "mbart": "bart",
            "pegasus": "pegasus", "pegasus_x": "pegasus"}


@dataclass(frozen=True)
class GenerationOptions:
    """How text is generated; identical meaning in every backend."""

    num_beams: int = 4
    max_input_tokens: int = 512
    max_new_tokens: int = 128
    min_new_tokens: int = 0
    no_repeat_ngram_size: int = 3


def fix_hint(model: str) -> str:
    return f"run `brief model download {model}` (needs network) or pass --model PATH to a local model folder"


def _looks_like_path(model: str) -> bool:
    return model.startswith((".", "/", "~")) or "\\" in model or model.count("/") > 1 or Path(model).exists()


def cached_snapshot(model: str) -> Path | None:
    """The Hugging Face cache folder holding `model`'s config and weights, or None when it is not cached."""
    from huggingface_hub import try_to_load_from_cache
    from huggingface_hub.errors import HFValidationError

    try:
        config = try_to_load_from_cache(model, CONFIG_FILE)
    except HFValidationError:
        return None
    if not isinstance(config, str):
        return None
    snapshot = Path(config).parent
    return snapshot if any((snapshot / name).is_file() for name in WEIGHT_FILES) else None


def local_model_dir(model: str) -> Path | None:
    """The folder that holds `model` (given as a folder or as a hub id in the cache), or None."""
    if _looks_like_path(model):
        path = Path(model).expanduser()
        return path if (path / CONFIG_FILE).is_file() else None
    return cached_snapshot(model)


def model_available_locally(model: str) -> bool:
    """True when `model` is a local folder with a config, or a hub id whose config and weights are cached."""
    return local_model_dir(model) is not None


def resolve_model_dir(model: str) -> Path:
    """The model's folder; ModelUnavailable naming the model and the fix when there is none."""
    directory = local_model_dir(model)
    if directory is not None:
        return directory
    if _looks_like_path(model):
        reason = "is not a folder" if not Path(model).expanduser().is_dir() else f"has no {CONFIG_FILE}"
        raise ModelUnavailable(f"cannot load the model {model}: the path {reason}; {fix_hint(model)}")
    raise ModelUnavailable(f"cannot load the model {model}: it is not in the Hugging Face cache; {fix_hint(model)}")


def read_config(directory: Path, model: str) -> dict:
    path = directory / CONFIG_FILE
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        config = None
        reason = str(err)
    else:
        reason = "not a JSON object"
    if not isinstance(config, dict):
        raise ModelUnavailable(f"cannot load the model {model}: cannot read {path} ({reason}); {fix_hint(model)}")
    return config


def model_family(config: dict) -> str:
    """The prompt family of a model config: t5, bart, pegasus, or default."""
    return FAMILIES.get(str(config.get("model_type", "")).lower(), "default")


def weights_fingerprint(directory: Path) -> str:
    """Names, sizes and modification times of the model files: changes when the weights do."""
    parts = []
    for path in sorted(directory.iterdir()):
        if path.is_file():
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return ";".join(parts)


def _quiet_transformers():
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    return transformers


def load_tokenizer(directory: Path, model: str):
    """The model's own tokenizer (needed by every backend to measure and encode the input)."""
    transformers = _quiet_transformers()
    try:
        return transformers.AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
    except Exception as err:  # any failure to build the tokenizer means the model is unusable: say why
        if "tiktoken" in str(err) and any(directory.glob("*.model")):
            # transformers 5 reads a SentencePiece file through protobuf; when that fails it tries tiktoken
            # instead and reports that, which points the user the wrong way
            raise ModelUnavailable(
                f"cannot load the tokenizer of the model {model} from {directory}: transformers could not read "
                "its SentencePiece model; protobuf is missing or older than the sentencepiece package needs "
                "(pip install -U protobuf)") from err
        raise ModelUnavailable(f"cannot load the tokenizer of the model {model} from {directory}: {err}; "
                               f"{fix_hint(model)}") from err


def pick_device(device: str) -> str:
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def load_torch_model(directory: Path, model: str, *, device: str = "cpu", dtype: str = "auto",
                     quantize: bool = False):
    """The model in eval mode on `device`; with `quantize` on a CPU its linear layers get int8 dynamic weights."""
    import torch

    transformers = _quiet_transformers()
    torch_dtype = {"auto": torch.float16 if device == "cuda" else torch.float32, "float32": torch.float32,
                   "float16": torch.float16, "bfloat16": torch.bfloat16}[dtype]
    try:
        loaded = transformers.AutoModelForSeq2SeqLM.from_pretrained(
            str(directory), local_files_only=True, dtype=torch_dtype
        )
        loaded = loaded.to(device).eval()
    except Exception as err:  # a broken folder, a truncated file, too little memory: the run falls back
        raise ModelUnavailable(f"cannot load the model {model} from {directory}: {err}; {fix_hint(model)}") from err
    if quantize and device == "cpu":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # quantize_dynamic is deprecated in torch 2.x but still the fastest here
            loaded = torch.ao.quantization.quantize_dynamic(loaded, {torch.nn.Linear}, dtype=torch.qint8)
    return loaded


def forced_bos_token_id(directory: Path) -> int | None:
    """The token a model must start its output with (BART news models: <s>), from its saved configs."""
    for name in ("generation_config.json", CONFIG_FILE):
        try:
            value = json.loads((directory / name).read_text(encoding="utf-8")).get("forced_bos_token_id")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
            continue
        if isinstance(value, int):
            return value
    return None


class TransformersGenerator:
    """Batched `generate` with plain transformers (the reference backend)."""

    backend = "transformers"

    def __init__(self, torch_model, tokenizer, device: str):
        self.model = torch_model
        self.tokenizer = tokenizer
        self.device = device

    def batch_size(self, options: GenerationOptions) -> int:
        """Batched beam search in transformers re-orders every cache each step: slower than one at a time on CPU."""
        return 1 if self.device == "cpu" and options.num_beams > 1 else 8

    def generate(self, prompts: Sequence[str], options: GenerationOptions) -> list[str]:
        import torch

        encoded = self.tokenizer(list(prompts), return_tensors="pt", padding=True, truncation=True,
                                 max_length=options.max_input_tokens).to(self.device)
        config = self.model.generation_config
        with torch.inference_mode():
            output = self.model.generate(
                **encoded,
                do_sample=False,
                num_beams=options.num_beams,
                max_new_tokens=options.max_new_tokens,
                min_new_tokens=options.min_new_tokens,
                no_repeat_ngram_size=options.no_repeat_ngram_size,
                length_penalty=1.0,
                early_stopping=True,
                max_length=None,
                min_length=0,
                # the same stopping rule as CTranslate2: the model's end token, nothing forced at the last step
                forced_eos_token_id=None,
                forced_bos_token_id=config.forced_bos_token_id,
                eos_token_id=config.eos_token_id,
            )
        return self.tokenizer.batch_decode(output, skip_special_tokens=True)
