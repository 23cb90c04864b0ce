"""`brief eval summaries FILE.jsonl`: ROUGE of a summariser against references, beside baselines at equal length."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from brief.errors import BriefError, ExitCode, ModelUnavailable


def _fail(err: BriefError) -> None:
    typer.echo(f"brief: {err}" + (f" ({err.hint})" if err.hint else ""), err=True)
    # No fallback here: a model that cannot be loaded means the evaluation asked for cannot run.
    raise typer.Exit(int(ExitCode.USAGE if isinstance(err, ModelUnavailable) else err.exit_code))


def eval_summaries(
    file: Path = typer.Argument(..., help="JSONL, one story a line: {story, reference, articles: [{id, title, text, "
                                          "outlet, url, published}]}."),
    summarizer: str = typer.Option("extractive", "--summarizer", help="Summariser to score (a registered name)."),
    model: Optional[str] = typer.Option(None, "--model", help="Seq2seq model: Hugging Face id or local folder."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N usable stories."),
) -> None:
    """Score a summariser with ROUGE-1/2/L against reference summaries, beside lead, LexRank and TextRank."""
    from brief.config_file import load_settings
    from brief.errors import UsageError
    from brief.evaluate.summaries import evaluate_summaries, format_report
    from brief.summarize import names

    if summarizer not in names():
        _fail(UsageError(f"unknown summarizer {summarizer!r}", hint=f"choose one of: {', '.join(names())}"))
    try:
        settings = load_settings(flags={"summary.model": model})
        report = evaluate_summaries(
            file, summarizer=summarizer, settings=settings, limit=limit,
            progress=lambda message: typer.echo(message, err=True),
        )
    except BriefError as err:
        _fail(err)
    typer.echo(format_report(report))
    raise typer.Exit(int(ExitCode.PARTIAL if report.skipped else ExitCode.OK))
