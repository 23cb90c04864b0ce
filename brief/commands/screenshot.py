"""`brief screenshot FILE`: see the HTML briefing at phone and desktop widths, and check it fits a phone."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from brief.errors import BriefError, ExitCode


def screenshot(
    file: Path = typer.Argument(..., help="An HTML briefing."),
    out: Optional[Path] = typer.Option(None, "--out", help="Folder for the PNGs. [default: beside FILE]"),
    width: Optional[List[int]] = typer.Option(None, "--width", min=200, max=4000,
                                              help="Screen width in px; repeat for several. [default: 375 and 1024]"),
) -> None:
    """Screenshot an HTML briefing in headless Chromium; exit 1 when content overflows the screen sideways."""
    from brief.cli import fail
    from brief.screenshot import WIDTHS, describe, screenshots

    try:
        shots = screenshots(file, out or file.parent, tuple(width) if width else WIDTHS)
    except BriefError as err:
        fail(err)
    for shot in shots:
        typer.echo(describe(shot))
    raise typer.Exit(int(ExitCode.PARTIAL if any(shot.size.overflow for shot in shots) else ExitCode.OK))
