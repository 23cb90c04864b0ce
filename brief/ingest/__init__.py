"""Read inputs (files, directories, globs, `-` for stdin) into Article records.

One bad input never sinks the batch: it becomes a Skipped record with a one-line reason, and the rest goes on.
"""
from __future__ import annotations

import glob
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Sequence

from brief.ingest.errors import UnusableInput
from brief.ingest.formats import READERS, read_bytes
from brief.types import Article, Skipped

__all__ = ["UnusableInput", "read_inputs", "expand_inputs", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = tuple(sorted(READERS))
MAX_INPUT_BYTES = 64 * 1024 * 1024

# Documentation files that sit beside articles in a folder are not articles (an explicitly named one still is read).
_NOT_ARTICLES = ("readme", "license", "licence", "changelog", "contributing")
_GLOB_CHARS = set("*?[")


def _is_article_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or name.startswith("_"):
        return False
    if path.stem.lower() in _NOT_ARTICLES:
        return False
    return path.suffix.lower() in READERS


def expand_inputs(inputs: Sequence[str]) -> tuple[list[str], list[Skipped]]:
    """Turn the command line's inputs into an ordered list of files (and `-`), with the ones that name nothing."""
    files: list[str] = []
    missing: list[Skipped] = []
    for given in inputs:
        if given == "-":
            files.append("-")
        elif os.path.isdir(given):
            found = sorted(
                os.path.join(root, name)
                for root, dirs, names in os.walk(given)
                for name in names
                if not any(part.startswith(".") for part in Path(root).relative_to(given).parts)
                and _is_article_file(Path(name))
            )
            if not found:
                missing.append(Skipped(given, f"no article files ({', '.join(SUPPORTED_SUFFIXES)}) in this folder"))
            files.extend(found)
        elif os.path.exists(given):
            files.append(given)
        elif _GLOB_CHARS & set(given):
            matched = sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
            if not matched:
                missing.append(Skipped(given, "no files match this pattern"))
            files.extend(matched)
        else:
            missing.append(Skipped(given, "no such file or directory"))
    first_name: dict[str, str] = {}  # a file named twice ("a.txt ./a.txt", a symlink) is read once
    for name in files:
        first_name.setdefault(name if name == "-" else os.path.realpath(name), name)
    return list(first_name.values()), missing


def _read_one(name: str, stdin: BinaryIO | None) -> Iterable[Article | Skipped]:
    if name == "-":
        data = (stdin or sys.stdin.buffer).read(MAX_INPUT_BYTES + 1)
        return read_bytes(data, key="<stdin>", path=None, suffix=None, max_bytes=MAX_INPUT_BYTES)
    size = os.path.getsize(name)
    if size > MAX_INPUT_BYTES:
        raise UnusableInput(f"too large ({size / 2**20:.0f} MiB; the limit is {MAX_INPUT_BYTES // 2**20} MiB)")
    data = Path(name).read_bytes()
    return read_bytes(data, key=name, path=name, suffix=Path(name).suffix.lower(), max_bytes=MAX_INPUT_BYTES)


def read_inputs(inputs: Sequence[str], stdin: BinaryIO | None = None) -> tuple[list[Article], list[Skipped]]:
    """Read every input; return the articles in input order and the inputs (or records) that were skipped."""
    files, skipped = expand_inputs(inputs)
    articles: list[Article] = []
    for name in files:
        try:
            for item in _read_one(name, stdin):
                (skipped if isinstance(item, Skipped) else articles).append(item)
        except UnusableInput as err:
            skipped.append(Skipped(name if name != "-" else "<stdin>", str(err)))
        except OSError as err:
            skipped.append(Skipped(name, f"cannot read: {err.strerror or err}"))
    return articles, skipped
