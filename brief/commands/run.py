"""The scheduled side of `brief run`: with --config (or $BRIEF_CONFIG), --email, --dry-run, --archive, --state-dir or
--since, the run reads feeds and files through the state store, archives every format and can email the briefing
(see brief.schedule). Without them `brief run` stays a plain files-to-output command."""
from __future__ import annotations

import os
from datetime import date as Date
from pathlib import Path
from typing import Any, Sequence

import typer

from brief.errors import BriefError, ExitCode


def wanted(*options: Any) -> bool:
    """Whether any scheduling option was given, or a config file is named in the environment."""
    from brief.config_file import CONFIG_ENV

    return any(options) or bool(os.environ.get(CONFIG_ENV))


def run_scheduled_command(inputs: Sequence[str], *, config: Path | None, flags: dict[str, Any], email: bool,
                          dry_run: bool, quiet: bool, briefing_date: str | None, out: str, fmt: str) -> None:
    """Run, print what happened (nothing with --quiet when all went well) and exit with the run's code."""
    from brief.cli import fail, warn, write_output
    from brief.config_file import load_settings
    from brief.render import render
    from brief.schedule import run_scheduled

    messages: list[str] = []
    try:
        try:
            day = Date.fromisoformat(briefing_date) if briefing_date else None
        except ValueError:
            raise BriefError(f"--date {briefing_date!r} is not a date", hint="use YYYY-MM-DD") from None
        settings = load_settings(config, flags=flags)
        if not (inputs or settings.files or settings.feeds or settings.pages):
            raise BriefError("nothing to read",
                             hint="name feeds in the config's [inputs], or files on the command line")
        outcome = run_scheduled(inputs, settings, email=email or dry_run, dry_run=dry_run, briefing_date=day,
                                say=messages.append)
        if out != "-":
            write_output(render(outcome.briefing, fmt, settings.templates_dir), out)
    except BriefError as err:
        for message in messages:
            warn(message)
        fail(err)
    if not quiet or outcome.exit_code != ExitCode.OK:
        for message in messages:
            warn(message)
    if not quiet:
        stories = len(outcome.briefing.stories)
        typer.echo(f"briefing for {outcome.briefing.date}: {stories} {'story' if stories == 1 else 'stories'}; "
                   f"wrote {', '.join(str(path) for path in outcome.written)}"
                   + (f"; emailed to {', '.join(settings.email.to)}" if email and not dry_run
                      and outcome.exit_code != ExitCode.DELIVERY else ""))
    raise typer.Exit(int(outcome.exit_code))
