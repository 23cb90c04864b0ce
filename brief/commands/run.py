"""`brief run`: files to a briefing, or — with --config (or $BRIEF_CONFIG), --email, --dry-run, --archive,
--state-dir or --since — the scheduled run that reads feeds through the state store, archives every format and can
email the briefing (brief.schedule). Both share the settings layers, the messages and the exit codes."""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import date as Date, datetime, timezone
from pathlib import Path
from typing import Any, Sequence

import typer

from brief.errors import BriefError, ExitCode
from brief.retention import forget_old_state


def is_scheduled(*options: Any) -> bool:
    """Whether any scheduling option was given, or a config file is named in the environment."""
    from brief.config_file import CONFIG_ENV

    return any(options) or bool(os.environ.get(CONFIG_ENV))


def _parse_date(briefing_date: str | None) -> Date | None:
    try:
        return Date.fromisoformat(briefing_date) if briefing_date else None
    except ValueError:
        raise BriefError(f"--date {briefing_date!r} is not a date", hint="use YYYY-MM-DD") from None


def run_command(inputs: Sequence[str], *, scheduled: bool, config: Path | None, flags: dict[str, Any],
                email: bool, dry_run: bool, quiet: bool, briefing_date: str | None, out: str, fmt: str) -> None:
    """Run, print what happened (nothing with --quiet when all went well) and exit with the run's code."""
    from brief.cli import fail, warn, write_output
    from brief.config_file import load_settings
    from brief.render import render

    messages: list[str] = []
    written: list[Path] = []
    try:
        day = _parse_date(briefing_date)
        settings = load_settings(config, flags=flags)
        if quiet:
            settings = replace(settings, quiet=True)  # no progress bar either
        if scheduled:
            from brief.schedule import run_scheduled

            if not (inputs or settings.files or settings.feeds or settings.pages):
                raise BriefError("nothing to read",
                                 hint="name feeds in the config's [inputs], or files on the command line")
            outcome = run_scheduled(inputs, settings, email=email or dry_run, dry_run=dry_run, briefing_date=day,
                                    say=messages.append)
            briefing, exit_code, written = outcome.briefing, outcome.exit_code, list(outcome.written)
        else:
            from brief.pipeline import build_briefing

            if not inputs:
                raise BriefError("no inputs given", hint="name article files or folders, e.g. `brief run samples/`")
            result = build_briefing(inputs, settings, briefing_date=day, say=messages.append)
            briefing, exit_code = result.briefing, result.exit_code
        if out != "-" or not scheduled:
            write_output(render(briefing, fmt, settings.templates_dir), out)
        if not scheduled:  # a scheduled run forgets under its lock
            forget_old_state(settings, now=datetime.now(timezone.utc))
    except BriefError as err:
        for message in messages:
            warn(message)
        fail(err)
    if not quiet or exit_code != ExitCode.OK:
        for message in messages:
            warn(message)
    if scheduled and not quiet:
        stories = len(briefing.stories)
        typer.echo(f"briefing for {briefing.date}: {stories} {'story' if stories == 1 else 'stories'}; "
                   f"wrote {', '.join(str(path) for path in written)}"
                   + (f"; emailed to {', '.join(settings.email.to)}" if email and not dry_run
                      and exit_code != ExitCode.DELIVERY else ""))
    raise typer.Exit(int(exit_code))
