"""`brief eval clusters FILE.jsonl`: B-cubed and pairwise scores of the clustering against gold story labels."""
from __future__ import annotations

from typing import Optional

import typer

from brief.errors import BriefError, ExitCode


def eval_clusters(
    file: str = typer.Argument(..., help="JSONL of articles (id, title, text, outlet, url, published) with a gold "
                                         "story label."),
    gold_field: str = typer.Option("cluster", "--gold-field", help="The field holding the gold story label."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                              help="Clustering threshold to score. [default: 0.375]"),
    embedding_model: Optional[str] = typer.Option(None, "--embedding-model",
                                                  help="Sentence-transformers model id or folder, or tfidf."),
) -> None:
    """Cluster labelled articles and print B-cubed precision/recall/F1 and pairwise F1."""
    from brief.config_file import load_settings
    from brief.evaluate.clusters import evaluate_clusters, format_evaluation

    try:
        settings = load_settings(flags={"cluster.threshold": threshold, "cluster.embedding_model": embedding_model})
        evaluation = evaluate_clusters([file], settings, gold_field=gold_field)
    except BriefError as err:
        typer.echo(f"brief: {err}" + (f" ({err.hint})" if err.hint else ""), err=True)
        raise typer.Exit(int(err.exit_code))
    for item in evaluation.skipped:
        typer.echo(f"brief: skipped {item.input}: {item.reason}", err=True)
    typer.echo(format_evaluation(evaluation))
    raise typer.Exit(int(ExitCode.PARTIAL if evaluation.skipped else ExitCode.OK))
