"""One run at a time: the second exits at once with its own exit code; a killed holder frees the lock."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from brief.errors import AlreadyRunning, ExitCode
from brief.lock import LOCK_NAME, run_lock


def test_a_second_run_is_refused_at_once_while_the_first_holds_the_lock(tmp_path):
    with run_lock(tmp_path):
        started = time.monotonic()
        with pytest.raises(AlreadyRunning) as caught:
            with run_lock(tmp_path):
                pass
        assert time.monotonic() - started < 1
    assert caught.value.exit_code == ExitCode.LOCKED == 4
    assert f"pid {os.getpid()}" in str(caught.value)
    assert str(tmp_path / LOCK_NAME) in caught.value.hint
    with run_lock(tmp_path):  # released when the first block ended
        pass


def test_a_killed_holder_does_not_block_the_next_run(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from brief.lock import run_lock
            with run_lock(Path({str(tmp_path)!r})):
                print("locked", flush=True)
                time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning, match=f"pid {holder.pid}"):
            with run_lock(tmp_path):
                pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with run_lock(tmp_path):
        pass
