"""One small exception hierarchy; each error carries the exit code and a how-to-fix hint."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit codes (README, "Exit codes")."""

    OK = 0
    PARTIAL = 1  # some inputs skipped or a fallback used; the briefing was written
    USAGE = 2  # bad command line or configuration
    NOTHING = 3  # nothing usable: no briefing written
    LOCKED = 4  # another run holds the lock; this one did nothing
    DELIVERY = 5  # the briefing was written to the archive but could not be delivered


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


class AlreadyRunning(BriefError):
    """Another run holds the state directory's lock."""

    exit_code = ExitCode.LOCKED


class DeliveryFailed(BriefError):
    """The email could not be sent; the briefing stays in the archive."""

    exit_code = ExitCode.DELIVERY
