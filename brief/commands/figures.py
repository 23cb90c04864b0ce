"""`brief figures INPUT...`: only the figure table of each story."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from brief.errors import BriefError, ExitCode, NothingUsable


class FiguresFormat(str, Enum):
    md = "md"
    txt = "txt"
    json = "json"


def figures_command(
    inputs: List[str] = typer.Argument(..., help="Article files, folders, globs, or - for stdin."),
    fmt: FiguresFormat = typer.Option(FiguresFormat.md, "--format", "-f", help="Output format."),
    out: str = typer.Option("-", "--out", "-o", help="Output file; - for stdout."),
    templates: Optional[Path] = typer.Option(None, "--templates", help="Folder of templates overriding the bundled ones."),
) -> None:
    """Print, per story, the figures the sources agree and disagree on, each value with its sources."""
    from brief.cli import fail, warn, write_output
    from brief.config_file import load_settings
    from brief.figures import compare_stories
    from brief.pipeline import load_stories
    from brief.render import render_figures

    try:
        stories, skipped = load_stories(inputs, load_settings())
    except BriefError as err:
        fail(err)
    for item in skipped:
        warn(f"skipped {item.input}: {item.reason}")
    if not stories:
        fail(NothingUsable("no usable article in the inputs"))
    facts, problems = compare_stories(stories)
    for problem in problems:
        warn(problem)
    write_output(render_figures(list(zip(stories, facts)), fmt.value, templates), out)
    raise typer.Exit(int(ExitCode.PARTIAL if skipped or problems else ExitCode.OK))
