"""`brief cluster INPUT...`: how the articles were grouped into stories, and which are copies."""
from __future__ import annotations

import json
from enum import Enum
from typing import List, Optional

import typer

from brief.errors import BriefError, ExitCode, NothingUsable


class ClusterFormat(str, Enum):
    json = "json"
    md = "md"


def cluster_command(
    inputs: List[str] = typer.Argument(..., help="Article files, folders, globs, or - for stdin."),
    fmt: ClusterFormat = typer.Option(ClusterFormat.md, "--format", "-f", help="Output format."),
    out: str = typer.Option("-", "--out", "-o", help="Output file; - for stdout."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                              help="How alike two articles must be to share a story, 0-1 "
                                                   "(higher = stricter). [default: 0.375]"),
    window_days: Optional[float] = typer.Option(None, "--window-days", min=0.0,
                                                help="Articles published further apart are never one story. "
                                                     "[default: 5]"),
    embedding_model: Optional[str] = typer.Option(None, "--embedding-model",
                                                  help="Sentence-transformers model id or folder, or tfidf. "
                                                       "[default: the packaged all-MiniLM-L6-v2]"),
) -> None:
    """Show the stories the articles were grouped into: id, headline, articles and copies."""
    from brief.cli import fail, warn, write_output
    from brief.cluster_report import cluster_markdown, cluster_report
    from brief.config_file import load_settings
    from brief.embed import load_embedder
    from brief.pipeline import load_stories

    try:
        settings = load_settings(flags={"cluster.threshold": threshold, "cluster.window_days": window_days,
                                        "cluster.embedding_model": embedding_model})
    except BriefError as err:
        fail(err)
    stories, skipped = load_stories(inputs, settings)
    for item in skipped:
        warn(f"skipped {item.input}: {item.reason}")
    if not stories:
        fail(NothingUsable("no usable article in the inputs"))
    report = cluster_report(stories, skipped)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n" if fmt is ClusterFormat.json else cluster_markdown(report)
    write_output(text, out)
    fell_back = load_embedder(settings).fallback is not None  # brief.embed has said so on stderr
    raise typer.Exit(int(ExitCode.PARTIAL if skipped or fell_back else ExitCode.OK))
