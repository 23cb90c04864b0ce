"""A regular install (`pip install .`, not editable) carries the bundled templates and prompts and renders a
briefing from any folder."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), str(REPO)],
                   check=True, capture_output=True)
    (built,) = folder.glob("brief-*.whl")
    return built


def test_the_wheel_holds_every_template_and_prompt(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = [p.relative_to(REPO) for folder in ("templates", "prompts") for p in (REPO / folder).rglob("*.j2")]
    assert bundled
    missing = [str(p) for p in bundled if not any(name.endswith(f"/data/share/brief/{p.as_posix()}") for name in names)]
    assert missing == []  # a new prompt family folder must be added to pyproject's data-files


def test_a_regular_install_renders_a_briefing(wheel, tmp_path):
    environment = tmp_path / "env"
    venv.create(environment, system_site_packages=True, with_pip=False)  # dependencies from this interpreter
    python = environment / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True)
    env = {**os.environ, "BRIEF_STATE_DIR": str(tmp_path / "state")}
    code = ("import sys, brief, brief.summarize.prompts as p; from brief.cli import main; "
            "assert brief.__file__.startswith(sys.prefix), brief.__file__; "
            "assert str(p.BUNDLED_PROMPTS).startswith(sys.prefix), p.BUNDLED_PROMPTS; main()")
    result = subprocess.run([str(python), "-c", code, "run", str(REPO / "samples" / "ledger-transit-vote.md"),
                             "--summarizer", "extractive", "--format", "html"],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "<html" in result.stdout and "The Northern Ledger" in result.stdout
