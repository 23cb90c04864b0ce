"""`brief model info` and `brief model download NAME`: the local seq2seq model, where it is and how to get it."""
from __future__ import annotations

from typing import Optional

import typer

from brief.errors import BriefError, ExitCode


def model_info(
    model: Optional[str] = typer.Option(None, "--model", help="Hugging Face id or local folder. [default: the "
                                        "configured model, google/flan-t5-base]", show_default=False),
) -> None:
    """Show the configured model: whether it is available locally, its folder and size, prompts and backend."""
    from brief.cli import fail
    from brief.config_file import load_settings
    from brief.summarize.models import describe_model

    try:
        lines = describe_model(load_settings(flags={"summary.model": model}))
    except BriefError as err:
        fail(err)
    width = max(len(label) for label, _ in lines) + 2
    for label, value in lines:
        typer.echo(f"{label + ':':<{width}}{value}")


def model_download(
    name: str = typer.Argument(..., help="Model id on the Hugging Face Hub, e.g. google/flan-t5-base."),
) -> None:
    """Download a model into the Hugging Face cache, so that runs can use it offline."""
    from brief.cli import fail
    from brief.summarize.models import download_model

    try:
        folder = download_model(name)
    except BriefError as err:
        fail(err)
    typer.echo(f"{name} is ready in {folder}")
    raise typer.Exit(int(ExitCode.OK))
