"""The dated archive with its `latest` copies, written so that no reader sees half a file; the log file."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from brief.errors import UsageError
from brief.output import write_atomic

LATEST = "latest"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files a killed run left behind (call it while holding the run lock)."""
    removed = []
    for temp in sorted(folder.glob(".*.tmp")) if folder.is_dir() else []:
        temp.unlink(missing_ok=True)
        removed.append(temp)
    return removed


def dated_name(pattern: str, date: str) -> str:
    """The archive file stem for a briefing date ("2026-11-22"): `pattern` may use {date}, {year}, {month}, {day}."""
    year, month, day = date.split("-")
    try:
        name = pattern.format(date=date, year=year, month=month, day=day)
    except (KeyError, IndexError, ValueError) as err:
        raise UsageError(f"output.name {pattern!r}: cannot fill it in ({err})",
                         hint="use {date}, {year}, {month} and {day}") from None
    parts = Path(name).parts
    if not name or Path(name).is_absolute() or ".." in parts or parts[-1] == LATEST:
        raise UsageError(f"output.name {pattern!r} gives {name!r}, which is not a file name inside the archive")
    return name


def archive(rendered: Mapping[str, str], folder: Path, *, date: str, pattern: str = "{date}") -> list[Path]:
    """Write each format's text to <folder>/<name>.<format>, then copy it to <folder>/latest.<format>.

    Every dated file is in place before any `latest` copy changes, so `latest` never points at a briefing that is
    only partly written. Returns the dated files.
    """
    stem = dated_name(pattern, date)
    for place in dict.fromkeys((folder, (folder / stem).parent)):
        remove_leftovers(place)
    written = []
    for fmt, text in rendered.items():
        path = folder / f"{stem}.{fmt}"
        write_atomic(path, text)
        written.append(path)
    for fmt, text in rendered.items():
        write_atomic(folder / f"{LATEST}.{fmt}", text)
    return written


def open_log_file(path: Path) -> logging.Handler:
    """Append the `brief` logger's records to `path`; returns the handler so the caller can remove it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot open the log file {path}: {err.strerror or err}",
                         hint="set [output] log_file to a writable place") from None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logger = logging.getLogger("brief")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def close_log_file(handler: logging.Handler) -> None:
    logging.getLogger("brief").removeHandler(handler)
    handler.close()
