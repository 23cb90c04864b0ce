"""`brief init [PATH]`: write a commented example config file to edit."""
from __future__ import annotations

from pathlib import Path

import typer

from brief.errors import BriefError


def init(
    path: Path = typer.Argument(Path("brief.toml"), help="Where to write the config file."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
) -> None:
    """Write a commented example config file (feeds, window, archive, email) to edit."""
    from brief.cli import fail
    from brief.config_file import write_example

    try:
        written = write_example(path, force=force)
    except BriefError as err:
        fail(err)
    typer.echo(f"wrote {written}; edit it, then run: brief run --config {written}")
