"""Settings for a run. Layers: defaults < TOML file < BRIEF_* environment variables < command-line flags.

Secrets never live here: the email section names the environment variable that holds the password.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    # summarising
    summarizer: str = "auto"  # auto | extractive | seq2seq
    model: str = "google/flan-t5-base"
    max_sentences: int = 4
    # where user overrides and run state live (None = bundled templates / platformdirs default)
    templates_dir: Path | None = None
    prompts_dir: Path | None = None
    state_dir: Path | None = None
    # free-form per-stage options that a stage documents itself
    options: dict = field(default_factory=dict, hash=False, compare=False)
