"""What `brief model info` reports and how `brief model download` fetches a model (no torch needed for either)."""
from __future__ import annotations

from pathlib import Path

from brief.config import Settings
from brief.errors import ModelUnavailable, NothingUsable, UsageError
from brief.embed import state_dir
from brief.summarize.loader import fix_hint, local_model_dir, model_family, read_config, weights_fingerprint
from brief.summarize.prompts import BUNDLED_PROMPTS

# Enough to run the model: configs, tokenizer files and one set of PyTorch weights (no TF / Flax / ONNX copies).
DOWNLOAD_PATTERNS = ["*.json", "*.model", "*.txt", "*.safetensors"]
LEGACY_WEIGHTS = "pytorch_model*.bin"


def folder_size(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.rglob("*") if path.is_file())


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def describe_model(settings: Settings) -> list[tuple[str, str]]:
    """(label, value) lines: the configured model, where it is, its size, family, prompts and backend."""
    from brief.summarize.ct2 import compute_type, conversion_dir

    lines = [("model", settings.model)]
    directory = local_model_dir(settings.model)
    if directory is None:
        lines.append(("available", f"no: {fix_hint(settings.model)}"))
    else:
        lines += [("available", "yes"), ("folder", str(directory)), ("size", human_size(folder_size(directory)))]
        try:
            family = model_family(read_config(directory, settings.model))
        except ModelUnavailable as err:
            family = f"unknown ({err})"
        prompts = [str(settings.prompts_dir)] if settings.prompts_dir else []
        lines.append(("family", f"{family} (prompts: {', '.join(prompts + [str(BUNDLED_PROMPTS)])})"))
    backend = settings.backend
    if backend == "ctranslate2":
        weights = compute_type("cuda" if settings.device == "cuda" else "cpu", settings.quantize)
        backend += f", {weights}"
        if directory is not None:
            converted = conversion_dir(state_dir(settings), weights_fingerprint(directory), weights)
            backend += ", converted copy ready" if (converted / "model.bin").is_file() else ", converted on first use"
    else:
        backend += f", {settings.dtype}" + (", int8 linear layers" if settings.quantize else "")
    lines += [("backend", backend), ("device", settings.device),
              ("generation", f"{settings.num_beams} beams, up to {settings.max_input_tokens} input and "
                             f"{settings.max_new_tokens} new tokens")]
    return lines


def download_model(name: str) -> Path:
    """Download `name` from the Hugging Face Hub into the standard cache; returns its folder."""
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.errors import HFValidationError, RepositoryNotFoundError

    if Path(name).expanduser().exists():
        raise UsageError(f"{name} is a local folder, not a model name on the Hugging Face Hub",
                         hint=f"use it directly: --model {name}")
    try:
        files = [sibling.rfilename for sibling in HfApi().model_info(name).siblings or []]
        patterns = DOWNLOAD_PATTERNS + ([] if any(f.endswith(".safetensors") for f in files) else [LEGACY_WEIGHTS])
        return Path(snapshot_download(name, allow_patterns=patterns))
    except (RepositoryNotFoundError, HFValidationError) as err:
        raise UsageError(f"there is no model {name} on the Hugging Face Hub ({type(err).__name__})",
                         hint="check the name, e.g. google/flan-t5-base") from err
    except Exception as err:  # no network, a proxy, a full disk: the user needs the reason, not a traceback
        raise NothingUsable(f"cannot download the model {name}: {err}",
                            hint="check the network connection, or copy the model folder here and pass "
                                 "--model PATH") from err
