"""The dated archive with `latest` copies, never half-written; the log file."""
from __future__ import annotations

import logging
import os

import pytest

from brief.deliver import archive, close_log_file, dated_name, open_log_file
from brief.errors import UsageError


def test_archive_writes_dated_files_and_latest_copies(tmp_path):
    written = archive({"md": "# Today\n", "html": "<p>Today</p>"}, tmp_path / "briefings", date="2026-11-22")
    assert [p.name for p in written] == ["2026-11-22.md", "2026-11-22.html"]
    assert (tmp_path / "briefings" / "latest.md").read_text() == "# Today\n"
    assert (tmp_path / "briefings" / "latest.html").read_text() == "<p>Today</p>"
    archive({"md": "# Tomorrow\n"}, tmp_path / "briefings", date="2026-11-23")
    assert (tmp_path / "briefings" / "2026-11-22.md").read_text() == "# Today\n"
    assert (tmp_path / "briefings" / "latest.md").read_text() == "# Tomorrow\n"


def test_name_patterns(tmp_path):
    assert dated_name("{year}/{month}/brief-{date}", "2026-11-22") == "2026/11/brief-2026-11-22"
    archive({"md": "x"}, tmp_path, date="2026-11-22", pattern="{year}/{date}")
    assert (tmp_path / "2026" / "2026-11-22.md").read_text() == "x"
    for bad in ("{weather}", "../{date}", "/tmp/{date}", "latest", ""):
        with pytest.raises(UsageError, match="output.name"):
            dated_name(bad, "2026-11-22")


def test_a_write_interrupted_midway_leaves_the_previous_files_whole(tmp_path, monkeypatch):
    archive({"md": "old briefing\n", "html": "<p>old</p>"}, tmp_path, date="2026-11-21")
    real_replace = os.replace
    calls = []

    def crash_on_second(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the run is stopped between two renames
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        archive({"md": "new briefing\n", "html": "<p>new</p>"}, tmp_path, date="2026-11-22")
    monkeypatch.setattr(os, "replace", real_replace)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2026-11-21.html", "2026-11-21.md", "2026-11-22.md", "latest.html", "latest.md"]
    assert (tmp_path / "latest.md").read_text() == "old briefing\n"  # latest moves only once all dated files exist
    archive({"md": "new briefing\n", "html": "<p>new</p>"}, tmp_path, date="2026-11-22")
    assert (tmp_path / "latest.html").read_text() == "<p>new</p>"


def test_leftover_temporary_files_are_removed(tmp_path):
    (tmp_path / ".2026-11-22.md.abc123.tmp").write_text("half")
    archive({"md": "whole"}, tmp_path, date="2026-11-22")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-11-22.md", "latest.md"]


def test_log_file_appends_brief_records(tmp_path):
    handler = open_log_file(tmp_path / "logs" / "brief.log")
    try:
        logging.getLogger("brief.test").info("run finished: 3 stories")
    finally:
        close_log_file(handler)
    logging.getLogger("brief.test").info("after closing")
    text = (tmp_path / "logs" / "brief.log").read_text()
    assert "INFO brief.test: run finished: 3 stories" in text and "after closing" not in text


def test_an_unwritable_log_file_is_a_usage_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="cannot open the log file"):
        open_log_file(tmp_path / "file" / "brief.log")
