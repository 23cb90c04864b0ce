"""One run at a time per state directory.

An exclusive, non-blocking flock on a lock file: the operating system drops it when the holder exits, however it
exits (even killed with SIGKILL), so a crashed run never blocks the next one. The holder's pid and start time
are written into the file for the message the second run prints.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from brief.errors import AlreadyRunning, UsageError

LOCK_NAME = "brief.lock"


@contextmanager
def run_lock(state_dir: Path) -> Iterator[Path]:
    """Hold the state directory's lock for the duration of the block; raise AlreadyRunning at once if taken."""
    path = state_dir / LOCK_NAME
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise UsageError(f"cannot create the lock file {path}: {err.strerror or err}",
                         hint="set a writable folder with --state-dir or [state] dir") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 200, 0).decode("utf-8", "replace").strip()
            raise AlreadyRunning(
                f"another brief run is in progress ({holder or 'lock held'}); this run did nothing",
                hint=f"wait for it to finish; the lock is {path}",
            ) from None
        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"pid {os.getpid()}, started {started}".encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(handle, 0)
    finally:
        os.close(handle)  # closing the descriptor releases the lock
