"""Settings for a run. Layers: defaults < TOML file < BRIEF_* environment variables < command-line flags.

Secrets never live here: the email section names the environment variable that holds the password.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from brief import __version__


@dataclass(frozen=True)
class FetchSettings:
    """How feeds and pages are fetched over HTTP(S)."""

    timeout: float = 10.0  # seconds, for connecting and for each read
    deadline: float = 30.0  # seconds for a whole response, however slowly it trickles in
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = f"brief/{__version__} (news briefing reader)"
    concurrency: int = 4  # pages fetched at once, across all hosts
    per_host_delay: float = 1.0  # seconds between two requests to the same host


@dataclass(frozen=True)
class EmailSettings:
    """SMTP delivery. The password is read from the environment variable named by `password_env`."""

    host: str = "localhost"
    port: int | None = None  # None: 587 for starttls, 465 for ssl, 25 for none
    security: str = "starttls"  # starttls | ssl | none
    user: str | None = None
    password_env: str = "BRIEF_SMTP_PASSWORD"
    sender: str | None = None
    to: tuple[str, ...] = ()
    subject: str = "News briefing {date}: {top_story}"
    retries: int = 3  # attempts after the first one, on temporary failures
    backoff: float = 5.0  # seconds before the first retry; doubles each time
    timeout: float = 30.0


@dataclass(frozen=True)
class Settings:
    # summarising
    summarizer: str = "auto"  # auto | extractive | seq2seq
    model: str = "google/flan-t5-base"
    max_sentences: int = 4
    # the seq2seq summariser (brief.summarize.seq2seq); the defaults are the fast CPU path
    device: str = "auto"  # auto | cpu | cuda
    dtype: str = "auto"  # auto | float32 | float16 | bfloat16 (transformers backend)
    backend: str = "ctranslate2"  # ctranslate2 | transformers
    quantize: bool = True  # int8 weights for the linear layers
    num_beams: int = 4
    max_input_tokens: int = 512  # the model's input budget per story, in its own tokens
    max_new_tokens: int = 128
    min_new_tokens: int = 0
    no_repeat_ngram_size: int = 3
    quiet: bool = False  # no progress bar
    # clustering (brief.cluster, brief.embed)
    embedding_model: str = "all-MiniLM-L6-v2"  # the packaged model, a sentence-transformers id or folder, or "tfidf"
    cluster_threshold: float = 0.375  # 0..1: how alike two articles must be to share a story (higher = stricter)
    cluster_window_days: float = 5.0  # articles published further apart than this are never one story
    # where user overrides and run state live (None = bundled templates / platformdirs default)
    templates_dir: Path | None = None
    prompts_dir: Path | None = None
    state_dir: Path | None = None
    keep_days: int = 30  # cached texts, embeddings and summaries older than this are forgotten (0 = never)
    # scheduled runs: inputs named in the config file, the time window, the archive and delivery
    feeds: tuple[str, ...] = ()  # RSS/Atom URLs or files
    pages: tuple[str, ...] = ()  # article page URLs
    files: tuple[str, ...] = ()  # article files, folders or globs
    since: str = "24h"  # "<N>h", "<N>d", "last-run" or an ISO date/time
    archive_dir: Path | None = None
    formats: tuple[str, ...] = ("md", "html", "txt", "json")
    name_pattern: str = "{date}"
    log_file: Path | None = None
    fetch: FetchSettings = field(default_factory=FetchSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
