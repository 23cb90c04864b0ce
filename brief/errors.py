"""One small exception hierarchy; each error carries the exit code and a how-to-fix hint."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit codes (README, "Exit codes")."""

    OK = 0
    PARTIAL = 1  # some inputs skipped or a fallback used; the briefing was written
    USAGE = 2  # bad command line or configuration
    NOTHING = 3  # nothing usable: no briefing written


class BriefError(Exception):
    """An error the user can act on: `str(err)` is the message, `hint` how to fix it."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


class UsageError(BriefError):
    exit_code = ExitCode.USAGE


class NothingUsable(BriefError):
    exit_code = ExitCode.NOTHING


class ModelUnavailable(BriefError):
    """The seq2seq model could not be loaded; the run falls back to extraction unless seq2seq was required."""

    exit_code = ExitCode.PARTIAL
