"""Publication dates as Markdown front matter gives them: quoted, unquoted (YAML dates) and with a time."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from brief.cli import app


def published_of(tmp_path, value: str) -> str | None:
    article = tmp_path / "article.md"
    article.write_text(f"---\ntitle: Marlow plant fire kills three\npublished: {value}\n---\n\n"
                       "A fire killed three people at a chemical plant in Marlow on Tuesday, officials said.\n")
    result = CliRunner().invoke(app, ["run", str(article), "--summarizer", "extractive", "--format", "json"])
    assert result.exit_code == 0, result.output
    (story,) = json.loads(result.stdout)["stories"]
    return story["sources"][0]["published"]


def test_an_unquoted_front_matter_date_is_kept(tmp_path):
    assert published_of(tmp_path, "2026-11-17").startswith("2026-11-17T00:00:00")


def test_quoted_dates_and_times_read_the_same_way(tmp_path):
    assert published_of(tmp_path, '"2026-11-17"').startswith("2026-11-17T00:00:00")
    assert published_of(tmp_path, "2026-11-17T09:30:00+01:00").startswith("2026-11-17T08:30:00")
