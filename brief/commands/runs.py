"""`brief runs`: the last scheduled runs from the state folder's run log, newest first, so whoever looks after the
cron job sees at a glance whether last night's briefing was written, what it covered and what went wrong."""
from __future__ import annotations

import json
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from brief.errors import BriefError, ExitCode

OUTCOMES = {
    ExitCode.OK: "ok", ExitCode.PARTIAL: "written, with warnings", ExitCode.USAGE: "configuration error",
    ExitCode.NOTHING: "nothing written", ExitCode.DELIVERY: "written, not delivered",
}


class RunsFormat(str, Enum):
    txt = "txt"
    json = "json"


def outcome(exit_code: int | None, finished: datetime | None) -> str:
    """What an exit code meant for the run, in words; an unfinished run is running or was killed."""
    if finished is None or exit_code is None:
        return "did not finish (still running, or stopped)"
    return OUTCOMES.get(exit_code, "failed")


def _when(moment: datetime | None) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}" if moment else "-"


def runs(
    config: Optional[Path] = typer.Option(None, "--config", help="Config file of the scheduled runs (for its state "
                                          "folder). [default: $BRIEF_CONFIG]"),
    state_dir: Optional[Path] = typer.Option(None, "--state-dir", help="State folder of the scheduled runs. "
                                             "[default: the config's, else the platform's state folder]"),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="How many runs to show, newest first."),
    fmt: RunsFormat = typer.Option(RunsFormat.txt, "--format", "-f", help="Output format."),
) -> None:
    """List the last scheduled runs: when, outcome and exit code, window, articles, stories and any warning."""
    from brief.cli import fail
    from brief.config_file import load_settings
    from brief.store import DB_NAME, Store, default_state_dir

    try:
        settings = load_settings(config, flags={"state.dir": state_dir})
    except BriefError as err:
        fail(err)
    folder = settings.state_dir or default_state_dir()
    if not (folder / DB_NAME).is_file():
        typer.echo("[]" if fmt is RunsFormat.json else f"no scheduled run recorded in {folder} yet")
        raise typer.Exit(int(ExitCode.OK))
    with Store.in_dir(folder) as store:
        records = store.runs(limit)
    if fmt is RunsFormat.json:
        typer.echo(json.dumps([{
            "started_at": r.started_at.isoformat(), "finished_at": r.finished_at and r.finished_at.isoformat(),
            "exit_code": r.exit_code, "outcome": outcome(r.exit_code, r.finished_at),
            "briefing_date": r.briefing_date, "window_start": r.window_start and r.window_start.isoformat(),
            "window_end": r.window_end and r.window_end.isoformat(), "articles": r.articles, "stories": r.stories,
            "message": r.message,
        } for r in records], indent=2))
        raise typer.Exit(int(ExitCode.OK))
    for r in records:
        code = "" if r.exit_code is None else f" (exit {r.exit_code})"
        line = f"{_when(r.started_at)}  {outcome(r.exit_code, r.finished_at)}{code}"
        if r.briefing_date:
            line += f"  briefing {r.briefing_date}"
        if r.window_start and r.window_end:
            line += f"  window {_when(r.window_start)} to {_when(r.window_end)}"
        if r.articles is not None:
            line += f"  {r.articles} article{'s' * (r.articles != 1)}"
        if r.stories is not None:
            line += f", {r.stories} stor{'ies' if r.stories != 1 else 'y'}"
        typer.echo(line)
        if r.message:
            typer.echo(f"    {r.message}")
