"""Shared fixtures: where ../shared is (tests that need it skip with a reason when it is absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout (seeds and eval data are not part of the project)")
    return SHARED


@pytest.fixture
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    return seeds


@pytest.fixture(autouse=True, scope="session")
def _isolated_state_dir(tmp_path_factory):
    """Tests never read or write the user's state folder (embedding and summary caches, run log)."""
    before = os.environ.get("BRIEF_STATE_DIR")
    os.environ["BRIEF_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
    yield
    if before is None:
        os.environ.pop("BRIEF_STATE_DIR", None)
    else:
        os.environ["BRIEF_STATE_DIR"] = before
