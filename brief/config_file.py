"""Build Settings from layers: defaults < TOML file < BRIEF_* environment variables < command-line flags.

Every layer speaks the same key names, the TOML ones (`email.host`, `output.archive`): the environment variable
for `email.host` is BRIEF_EMAIL_HOST, and the CLI passes its flags as {"email.host": value}. Relative paths in
the file resolve against the file's folder (cron runs from /); relative paths from the environment or the
command line resolve against the current directory, where the user typed them.

The layers are merged before any value is checked: only the value in effect for a setting (the highest layer's) is
converted, so a bad value that a higher layer replaces never stops a run. Mistakes in the file's shape (not TOML, an
unknown section or key) are errors whatever the other layers say.
"""
from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from brief.config import Settings
from brief.errors import UsageError

CONFIG_ENV = "BRIEF_CONFIG"
FORMATS = ("md", "html", "txt", "json")
SINCE_HELP = 'a duration such as "24h" or "2d", "last-run", or an ISO date/time such as "2026-11-21T06:00"'


@dataclass(frozen=True)
class Key:
    """One setting: where it lives in the TOML file, which Settings attribute it fills, how to read it."""

    section: str
    name: str
    target: str  # Settings attribute; "email.sender" fills Settings.email.sender
    kind: str  # str | int | float | bool | port | path | model | list | sources | formats | since | choice
    choices: tuple[str, ...] = ()

    @property
    def dotted(self) -> str:
        return f"{self.section}.{self.name}"

    @property
    def env_var(self) -> str:
        return f"BRIEF_{self.section}_{self.name}".upper()


@dataclass(frozen=True)
class Given:
    """A value one layer gives for a setting, as written there; checked only once it is known to be in effect."""

    key: Key
    value: Any
    relative_to: Path  # where a relative path in it resolves: the file's folder, or the current directory
    origin: str  # how an error names it: "FILE: section.key", "BRIEF_...", "option for section.key"

    def converted(self) -> Any:
        return convert(self.key, self.value, relative_to=self.relative_to, origin=self.origin)


KEYS: tuple[Key, ...] = (
    Key("inputs", "feeds", "feeds", "sources"),
    Key("inputs", "pages", "pages", "list"),
    Key("inputs", "files", "files", "sources"),
    Key("window", "since", "since", "since"),
    Key("output", "archive", "archive_dir", "path"),
    Key("output", "formats", "formats", "formats"),
    Key("output", "name", "name_pattern", "str"),
    Key("output", "templates", "templates_dir", "path"),
    Key("output", "log_file", "log_file", "path"),
    Key("state", "dir", "state_dir", "path"),
    Key("state", "keep_days", "keep_days", "int"),
    Key("summary", "summarizer", "summarizer", "choice", ("auto", "extractive", "seq2seq")),
    Key("summary", "model", "model", "model"),
    Key("summary", "max_sentences", "max_sentences", "int"),
    Key("summary", "prompts", "prompts_dir", "path"),
    Key("summary", "device", "device", "choice", ("auto", "cpu", "cuda")),
    Key("summary", "backend", "backend", "choice", ("ctranslate2", "transformers")),
    Key("summary", "quantize", "quantize", "bool"),
    Key("summary", "num_beams", "num_beams", "int"),
    Key("summary", "max_input_tokens", "max_input_tokens", "int"),
    Key("summary", "max_new_tokens", "max_new_tokens", "int"),
    Key("summary", "min_new_tokens", "min_new_tokens", "int"),
    Key("summary", "no_repeat_ngram_size", "no_repeat_ngram_size", "int"),
    Key("summary", "dtype", "dtype", "choice", ("auto", "float32", "float16", "bfloat16")),
    Key("cluster", "threshold", "cluster_threshold", "float"),
    Key("cluster", "window_days", "cluster_window_days", "float"),
    Key("cluster", "embedding_model", "embedding_model", "model"),
    Key("fetch", "timeout", "fetch.timeout", "float"),
    Key("fetch", "deadline", "fetch.deadline", "float"),
    Key("fetch", "max_bytes", "fetch.max_bytes", "int"),
    Key("fetch", "max_redirects", "fetch.max_redirects", "int"),
    Key("fetch", "user_agent", "fetch.user_agent", "str"),
    Key("fetch", "concurrency", "fetch.concurrency", "int"),
    Key("fetch", "per_host_delay", "fetch.per_host_delay", "float"),
    Key("email", "host", "email.host", "str"),
    Key("email", "port", "email.port", "port"),
    Key("email", "security", "email.security", "choice", ("starttls", "ssl", "none")),
    Key("email", "user", "email.user", "str"),
    Key("email", "password_env", "email.password_env", "str"),
    Key("email", "from", "email.sender", "str"),
    Key("email", "to", "email.to", "list"),
    Key("email", "subject", "email.subject", "str"),
    Key("email", "retries", "email.retries", "int"),
    Key("email", "backoff", "email.backoff", "float"),
    Key("email", "timeout", "email.timeout", "float"),
)
KEYS_BY_NAME = {key.dotted: key for key in KEYS}
# Zero is a meaningful value for these (no retries, no pause); every other number must be positive.
ZERO_ALLOWED = {"state.keep_days", "email.retries", "email.backoff", "fetch.per_host_delay", "fetch.max_redirects",
                "summary.min_new_tokens", "summary.no_repeat_ngram_size"}


def load_settings(
    config_path: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    flags: Mapping[str, Any] | None = None,
    base: Settings | None = None,
) -> Settings:
    """Settings from `base` (defaults) overlaid with the config file, BRIEF_* variables and `flags`.

    `config_path` falls back to $BRIEF_CONFIG. Flags whose value is None were not given and change nothing.
    Only the value in effect for each setting is checked: a bad value in a layer that a higher one overrides is
    never used, so it is no error. Raises UsageError naming the file, key or variable at fault.
    """
    env = os.environ if env is None else env
    given: dict[str, Given] = {}  # dotted name -> the highest layer's value so far
    config_path = config_path or env.get(CONFIG_ENV) or None
    if config_path is not None:
        path = Path(config_path).expanduser().resolve()
        given.update(read_config_file(path))
    cwd = Path.cwd()
    for key in KEYS:
        raw = env.get(key.env_var)
        if raw is not None and raw.strip() != "":
            given[key.dotted] = Given(key, parse_env_value(key, raw), cwd, key.env_var)
    for name, value in (flags or {}).items():
        if value is None:
            continue
        key = KEYS_BY_NAME.get(name)
        if key is None:
            raise ValueError(f"unknown setting {name!r}")  # a programming error in the CLI, not user input
        given[name] = Given(key, value, cwd, f"option for {name}")
    return apply(base or Settings(), {name: value.converted() for name, value in given.items()})


def read_config_file(path: Path) -> dict[str, Given]:
    """The file's settings keyed by dotted name, not yet checked; their paths will resolve against its folder.

    The file's shape is checked here: it must be TOML, with known sections and keys."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"config file not found: {path}", hint="write an example with `brief init PATH`") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read config file {path}: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"{path}: not valid TOML: {err}") from None
    values: dict[str, Given] = {}
    for section, table in data.items():
        known = sorted(key.name for key in KEYS if key.section == section)
        if not known:
            sections = ", ".join(sorted({key.section for key in KEYS}))
            raise UsageError(f"{path}: unknown section [{section}]", hint=f"sections are: {sections}")
        if not isinstance(table, dict):
            raise UsageError(f"{path}: '{section}' must be a [{section}] table")
        for name, value in table.items():
            key = KEYS_BY_NAME.get(f"{section}.{name}")
            if key is None:
                raise UsageError(f"{path}: unknown key '{section}.{name}'",
                                 hint=f"[{section}] takes: {', '.join(known)}")
            values[key.dotted] = Given(key, value, path.parent, f"{path}: {key.dotted}")
    return values


def parse_env_value(key: Key, raw: str) -> Any:
    """Environment variables are strings; lists are comma-separated."""
    if key.kind in ("list", "sources", "formats"):
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw.strip()


def convert(key: Key, value: Any, *, relative_to: Path, origin: str) -> Any:
    """Check and convert one value to the type its Settings attribute holds."""
    kind = key.kind
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in ("1", "true", "yes", "on"):
            return True
        if str(value).strip().lower() in ("0", "false", "no", "off"):
            return False
        raise UsageError(f"{origin}: must be true or false, not {value!r}")
    if kind in ("int", "port"):
        number = _number(value, int, origin)
        low = 1 if kind == "port" or key.dotted not in ZERO_ALLOWED else 0
        if number < low or (kind == "port" and number > 65535):
            raise UsageError(f"{origin}: {number} is out of range",
                             hint="ports are 1-65535" if kind == "port" else None)
        return number
    if kind == "float":
        number = _number(value, float, origin)
        if number < 0 or (number == 0 and key.dotted not in ZERO_ALLOWED):
            raise UsageError(f"{origin}: must be a positive number, not {number}")
        if key.dotted == "cluster.threshold" and number > 1:
            raise UsageError(f"{origin}: must be between 0 and 1, not {number}")
        return number
    if kind in ("list", "sources", "formats"):
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(isinstance(item, str) for item in items):
            raise UsageError(f"{origin}: must be a list of strings")
        if kind == "sources":
            return tuple(resolve_source(item, relative_to) for item in items)
        if kind == "formats":
            unknown = [item for item in items if item not in FORMATS]
            if unknown or not items:
                raise UsageError(f"{origin}: unknown format {unknown or items}",
                                 hint=f"formats are: {', '.join(FORMATS)}")
        return tuple(items)
    if not isinstance(value, (str, Path)):
        raise UsageError(f"{origin}: must be a string, not {value!r}")
    value = str(value)
    if kind == "path":
        return resolve_path(value, relative_to)
    if kind == "model":
        return str(resolve_path(value, relative_to)) if looks_like_path(value) else value
    if kind == "choice" and value not in key.choices:
        raise UsageError(f"{origin}: {value!r} is not one of {', '.join(key.choices)}")
    if kind == "since":
        parse_since(value, origin=origin)
    return value


def _number(value: Any, kind: type, origin: str) -> int | float:
    if isinstance(value, bool):
        raise UsageError(f"{origin}: must be a number, not {value!r}")
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise UsageError(f"{origin}: must be {'a whole' if kind is int else 'a'} number, not {value!r}") from None
    if kind is int and isinstance(value, float) and value != number:
        raise UsageError(f"{origin}: must be a whole number, not {value!r}")
    return number


def looks_like_path(value: str) -> bool:
    return value.startswith(("/", "./", "../", "~")) or value in (".", "..")


def resolve_path(value: str, relative_to: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (relative_to / path).resolve()


def resolve_source(value: str, relative_to: Path) -> str:
    """URLs stay as they are; a file, folder or glob resolves against `relative_to`; "-" stays stdin."""
    if value == "-" or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value):
        return value
    return str(resolve_path(value, relative_to))


def parse_since(value: str, *, origin: str = "since") -> timedelta | datetime | str:
    """A window start: a duration back from now, "last-run", or an absolute time (UTC when no zone is given)."""
    text = value.strip().lower()
    if text == "last-run":
        return "last-run"
    match = re.fullmatch(r"(\d+)\s*([hd])", text)
    if match:
        amount = int(match.group(1))
        if amount == 0:
            raise UsageError(f"{origin}: the window must not be empty", hint=f"use {SINCE_HELP}")
        return timedelta(hours=amount) if match.group(2) == "h" else timedelta(days=amount)
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{origin}: cannot read {value!r} as a time window", hint=f"use {SINCE_HELP}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def apply(settings: Settings, values: Mapping[str, Any]) -> Settings:
    """A copy of `settings` with each dotted-name value set on its (possibly nested) attribute."""
    top: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for name, value in values.items():
        target = KEYS_BY_NAME[name].target
        if "." in target:
            group, attr = target.split(".", 1)
            nested.setdefault(group, {})[attr] = value
        else:
            top[target] = value
    for group, changes in nested.items():
        top[group] = dataclasses.replace(getattr(settings, group), **changes)
    return dataclasses.replace(settings, **top)


def write_example(path: Path, *, force: bool = False) -> Path:
    """Write the commented example config to `path` (refusing to replace a file unless `force`)."""
    from importlib.resources import files

    from brief.output import write_atomic

    path = path.expanduser().resolve()
    if path.exists() and not force:
        raise UsageError(f"{path} already exists", hint="pass --force to replace it, or name another file")
    write_atomic(path, (files("brief") / "data" / "example-config.toml").read_text(encoding="utf-8"))
    return path
