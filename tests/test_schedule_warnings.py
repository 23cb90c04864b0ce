"""What a scheduled run with nobody watching reports: a warning is printed even under --quiet and gives exit code 1,
an empty window says so, and a run refused by the lock is in the log file."""
from __future__ import annotations

from brief.lock import run_lock
from servers import Route, free_port
from test_schedule import (  # noqa: F401 (fixtures, used by name)
    _state_dir_from_the_config, feed, no_proxy, run_cli, site, write_config,
)


def test_a_malformed_feed_is_reported_under_quiet_with_exit_1(site, tmp_path):
    body = feed(site).replace(b"</channel></rss>", b"<item><title>Broken <oops</channel>")
    site.routes["/feed"] = Route(body)
    config = write_config(tmp_path, site, free_port())
    result = run_cli("run", "--config", str(config), "--quiet")
    assert result.exit_code == 1, result.output
    assert "malformed feed" in result.output and "kept its 3 readable entries" in result.output
    assert (config.parent / "briefings" / "latest.md").is_file()


def test_an_empty_window_says_so(site, tmp_path):
    site.routes["/feed"] = Route(b'<rss version="2.0"><channel><title>Harbour Gazette</title></channel></rss>')
    config = write_config(tmp_path, site, free_port())
    result = run_cli("run", "--config", str(config), "--quiet")
    assert result.exit_code == 3
    assert "no new articles in the window" in result.output and "check the paths" not in result.output


def test_a_run_refused_by_the_lock_is_in_the_log_file(site, tmp_path):
    config = write_config(tmp_path, site, free_port())
    with run_lock(config.parent / "state"):
        result = run_cli("run", "--config", str(config), "--quiet")
    assert result.exit_code == 4
    assert "another brief run is in progress" in (config.parent / "logs" / "brief.log").read_text()
