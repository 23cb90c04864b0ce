"""The `brief` command line: parses options, builds Settings, calls the library, maps errors to exit codes."""
from __future__ import annotations

import functools
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer

from brief.errors import BriefError

app = typer.Typer(
    help="Turn a day's news from many outlets into a short briefing that cites its sources and shows where "
    "their figures agree and disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts hold "[default: ...]", which Rich markup would swallow
)
eval_app = typer.Typer(
    help="Measure clustering and summaries on labelled data.", no_args_is_help=True, rich_markup_mode=None
)
model_app = typer.Typer(
    help="The local seq2seq model: where it is and how to get it.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(eval_app, name="eval")
app.add_typer(model_app, name="model")


class OutputFormat(str, Enum):
    md = "md"
    html = "html"
    txt = "txt"
    json = "json"


class SummarizerChoice(str, Enum):
    auto = "auto"
    extractive = "extractive"
    seq2seq = "seq2seq"


class DeviceChoice(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class BackendChoice(str, Enum):
    ctranslate2 = "ctranslate2"
    transformers = "transformers"


def warn(message: str) -> None:
    typer.echo(f"brief: {message}", err=True)


def fail(err: BriefError) -> None:
    """Print a BriefError with its hint and leave with its exit code."""
    warn(str(err) + (f" ({err.hint})" if err.hint else ""))
    raise typer.Exit(int(err.exit_code))


def reporting_errors(command: Callable[..., None]) -> Callable[..., None]:
    """The command with any BriefError it lets through (a broken template, say) reported by `fail`."""
    @functools.wraps(command)
    def reported(*args, **kwargs) -> None:
        try:
            command(*args, **kwargs)
        except BriefError as err:
            fail(err)

    return reported


def write_output(text: str, out: str) -> None:
    """Write to a file (created with its folder, replaced atomically) or to stdout for "-"; a file that cannot be
    written ends the command with exit code 2."""
    if out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from brief.output import write_atomic

    try:
        write_atomic(Path(out), text)
    except OSError as err:
        fail(BriefError(f"cannot write {out}: {err.strerror or err}", hint="choose another --out path"))


@app.command()
def run(
    inputs: List[str] = typer.Argument(None, help="Article files, folders (read recursively), globs, or - for stdin."),
    out: str = typer.Option("-", "--out", "-o", help="Output file; - for stdout."),
    fmt: OutputFormat = typer.Option(OutputFormat.md, "--format", "-f", help="Output format."),
    summarizer: SummarizerChoice = typer.Option(
        None, "--summarizer", help="auto (the model when available locally, else extractive), extractive or "
        "seq2seq (fail when the model cannot be loaded). [default: auto]", show_default=False),
    model: Optional[str] = typer.Option(None, "--model", help="Seq2seq model: Hugging Face id or local folder."),
    device: Optional[DeviceChoice] = typer.Option(None, "--device", help="Where the model runs. [default: auto]",
                                                  show_default=False),
    backend: Optional[BackendChoice] = typer.Option(
        None, "--backend", help="ctranslate2 (the model converted once and cached: fast on a CPU) or transformers. "
        "[default: ctranslate2]", show_default=False),
    quantize: Optional[bool] = typer.Option(None, "--quantize/--no-quantize",
                                            help="int8 weights for the model's linear layers. [default: quantize]",
                                            show_default=False),
    sentences: Optional[int] = typer.Option(None, "--sentences", min=2, max=5,
                                            help="Sentences per story summary (2-5). [default: 4]"),
    briefing_date: Optional[str] = typer.Option(None, "--date", help="Date in the title, YYYY-MM-DD. [default: today]"),
    templates: Optional[Path] = typer.Option(None, "--templates", help="Folder of templates overriding the bundled ones."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success (for cron)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file for scheduled runs: feeds, window, "
                                          "archive, email (see `brief init`). [default: $BRIEF_CONFIG]"),
    email: bool = typer.Option(False, "--email", help="Email the briefing with the config's email settings."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write the email as an .eml into the archive, not sent."),
    state_dir: Optional[Path] = typer.Option(None, "--state-dir", help="Folder for the run state: items seen, lock, "
                                             "run log. [default: the platform's state folder]"),
    archive: Optional[Path] = typer.Option(None, "--archive", help="Folder for dated briefings and latest copies."),
    since: Optional[str] = typer.Option(None, "--since", help='Feed window: "24h", "2d", "last-run" or an ISO '
                                        "time. [default: 24h]"),
) -> None:
    """Write a briefing from article files, or (with --config etc.) from feeds on a schedule, archived and emailed."""
    from brief.commands.run import is_scheduled, run_command

    flags = {
        "summary.summarizer": summarizer.value if summarizer else None, "summary.model": model,
        "summary.device": device.value if device else None, "summary.backend": backend.value if backend else None,
        "summary.quantize": quantize, "summary.max_sentences": sentences, "output.templates": templates,
        "state.dir": state_dir, "output.archive": archive, "window.since": since,
    }
    run_command(inputs or [], scheduled=is_scheduled(config, email, dry_run, state_dir, archive, since),
                config=config, flags=flags, email=email, dry_run=dry_run, quiet=quiet,
                briefing_date=briefing_date, out=out, fmt=fmt.value)


# Commands that live in brief/commands/ (one module each, heavy imports kept inside) are registered here.
from brief.commands import (cluster, eval_clusters, eval_summaries, figures, init, model,  # noqa: E402
                            runs, screenshot, send)

app.command("figures")(reporting_errors(figures.figures_command))
app.command("cluster")(cluster.cluster_command)
app.command("init")(init.init)
app.command("send")(send.send)
app.command("runs")(runs.runs)
app.command("screenshot")(screenshot.screenshot)
eval_app.command("clusters")(eval_clusters.eval_clusters)
eval_app.command("summaries")(eval_summaries.eval_summaries)
model_app.command("info")(model.model_info)
model_app.command("download")(model.model_download)


def _show_library_warnings() -> None:
    """Warnings of the stages (an embedding model that fell back, an unusable cache) reach the user on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("brief: %(message)s"))
    handler.setLevel(logging.WARNING)
    for name in ("brief.embed", "brief.summarize"):
        logging.getLogger(name).addHandler(handler)


def main() -> None:
    _show_library_warnings()
    app()
