"""A broken or missing templates folder, as the commands report it: one line naming the file, exit code 2."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from brief.cli import app

runner = CliRunner()
ARTICLE = "Council passes the harbour budget\n\nThe city council approved the harbour budget by 31 votes to 12.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("template, message", [
    ("{{ nope.x }}\n", "briefing.md.j2, line 1: 'nope' is undefined"),
    ("# title\n{% if %}\n", "briefing.md.j2, line 2: Expected an expression"),
])
def test_run_with_a_broken_template_is_a_one_line_usage_error(tmp_path, article, template, message):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "briefing.md.j2").write_text(template, encoding="utf-8")
    result = runner.invoke(app, ["run", str(article), "--summarizer", "extractive", "--templates",
                                 str(tmp_path / "tpl")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"brief: template {tmp_path / 'tpl'}") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""


@pytest.mark.parametrize("command", ["run", "figures"])
def test_a_missing_templates_folder_is_a_usage_error(tmp_path, article, command):
    result = runner.invoke(app, [command, str(article), "--templates", str(tmp_path / "nosuchdir")])
    assert result.exit_code == 2
    assert f"brief: no templates folder {tmp_path / 'nosuchdir'}" in result.stderr


def test_figures_with_a_broken_template_is_a_usage_error(tmp_path, article):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "figures.txt.j2").write_text("{% for %}\n", encoding="utf-8")
    result = runner.invoke(app, ["figures", str(article), "-f", "txt", "--templates", str(tmp_path / "tpl")])
    assert result.exit_code == 2 and "figures.txt.j2, line 1:" in result.stderr


def test_a_scheduled_run_checks_the_configs_templates_folder(tmp_path, article):
    config = tmp_path / "brief.toml"
    config.write_text('[inputs]\nfiles = ["a.txt"]\n[output]\ntemplates = "tpl"\n[state]\ndir = "state"\n'
                      '[summary]\nsummarizer = "extractive"\n', encoding="utf-8")
    result = runner.invoke(app, ["run", "--config", str(config), "--quiet"])
    assert result.exit_code == 2 and f"no templates folder {tmp_path / 'tpl'}" in result.stderr
