"""The reason an input cannot be used (it becomes a Skipped record, never a crash)."""


class UnusableInput(Exception):
    """Raised by a reader with a one-line, human reason ("binary file", "invalid JSON at line 3: ...")."""
