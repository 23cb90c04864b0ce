"""`brief send FILE`: email a briefing from the archive (or write its .eml with --dry-run)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from brief.errors import BriefError, ExitCode


def send(
    file: Path = typer.Argument(..., help="A briefing in the archive (its .html, .txt/.md and .json are used), "
                                          "or an .eml written by --dry-run."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file with the email settings. "
                                          "[default: $BRIEF_CONFIG]"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write FILE's .eml beside it instead of sending."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success."),
) -> None:
    """Email a briefing that is already written, with the email settings of the config."""
    import os

    from brief.cli import fail
    from brief.config_file import load_settings
    from brief.mail import send_file

    try:
        settings = load_settings(config)
        eml, warnings = send_file(file, settings.email, os.environ, dry_run=dry_run)
    except BriefError as err:
        fail(err)
    for warning in warnings:
        typer.echo(f"brief: {warning}", err=True)
    if not quiet:
        typer.echo(f"wrote {eml}" if eml else f"sent {file.name} to {', '.join(settings.email.to)}")
    raise typer.Exit(int(ExitCode.PARTIAL if warnings else ExitCode.OK))
