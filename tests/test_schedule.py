"""Scheduled runs end to end: feeds and pages from a real HTTP server and email to a real SMTP server, both on
127.0.0.1; the command line as cron runs it; overlapping runs, a run killed while writing, a repeated run."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.utils import format_datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.schedule import carry_story_ids, remembered_stories, resolve_window
from brief.store import DB_NAME, Store
from brief.types import Article, Briefing, Source, Story, StoryBriefing, Summary
from servers import HttpServer, Route, SmtpServer, free_port, no_proxy  # noqa: F401 (no_proxy: a fixture, used by name)


@pytest.fixture(autouse=True)
def _state_dir_from_the_config(monkeypatch):
    """These runs keep their state where their config file says, as a scheduled run does."""
    monkeypatch.delenv("BRIEF_STATE_DIR", raising=False)

pytestmark = pytest.mark.usefixtures("no_proxy")

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parent.parent
TODAY = date.today().isoformat()


def feed(server: HttpServer) -> bytes:
    now = datetime.now(timezone.utc)
    items = "".join(
        f"<item><guid>{name}</guid><title>{title}</title><link>{server.url('/' + name)}</link>"
        f"<pubDate>{format_datetime(now - timedelta(hours=hours))}</pubDate><description>{summary}</description></item>"
        for name, title, hours, summary in (
            ("bridge", "Harbour bridge to close for six weeks", 3, "The bridge closes."),
            ("ferry", "Harbour ferry fares to rise by 4%", 2, "Fares rise."),
            ("gone", "Council &lt;b&gt;budget&lt;/b&gt; vote delayed", 1,  # markup in a title is markup
             "Councillors found &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; written on the agenda "
             "and delayed the budget vote until March."),  # the text itself holds "<script>": it must stay text
        )
    )
    return f'<rss version="2.0"><channel><title>Harbour Gazette</title>{items}</channel></rss>'.encode()


@pytest.fixture
def site():
    with HttpServer() as server:
        server.routes["/feed"] = Route(feed(server), etag='"v1"')
        for name in ("bridge", "ferry"):
            server.routes[f"/{name}"] = Route((DATA / "pages" / f"{name}.html").read_bytes(), content_type="text/html")
        yield server


def write_config(folder: Path, site: HttpServer, smtp_port: int, **extra: str) -> Path:
    config = folder / "conf" / "brief.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(textwrap.dedent(f"""
        [inputs]
        feeds = ["{site.url('/feed')}"]
        [output]
        archive = "briefings"
        formats = ["md", "html", "txt", "json"]
        log_file = "logs/brief.log"
        [state]
        dir = "state"
        [summary]
        summarizer = "extractive"
        [fetch]
        timeout = {extra.get("timeout", "2")}
        per_host_delay = 0.01
        [email]
        host = "127.0.0.1"
        port = {smtp_port}
        security = "none"
        from = "Brief <brief@example.org>"
        to = ["reader@example.org"]
        retries = 1
        backoff = 0.05
        timeout = 2
    """))
    return config


def run_cli(*args: str):
    env = {key: value for key, value in os.environ.items() if not key.startswith("BRIEF_")}
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def run_subprocess(*args: str, code: str = "from brief.cli import main; main()") -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if not key.startswith("BRIEF_")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd="/", env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_cron_run_archives_emails_and_prints_nothing(site, tmp_path, monkeypatch):
    monkeypatch.chdir("/")  # as cron does: paths in the config resolve against the config's folder
    with SmtpServer(fail_first=1) as smtp:  # a temporary failure, retried: still a success
        config = write_config(tmp_path, site, smtp.port)
        result = run_cli("run", "--config", str(config), "--email", "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    archive = config.parent / "briefings"
    names = sorted(p.name for p in archive.iterdir())
    assert names == sorted([f"{TODAY}.{f}" for f in ("md", "html", "txt", "json")] +
                           [f"latest.{f}" for f in ("md", "html", "txt", "json")])
    briefing = json.loads((archive / "latest.json").read_text())
    assert len(briefing["stories"]) == 3
    (envelope,) = smtp.messages
    message = message_from_bytes(envelope.content, policy=policy.default)
    assert message["Subject"] == f"News briefing {TODAY}: {briefing['stories'][0]['headline']}"
    html = message.get_body(("html",)).get_content()
    plain = message.get_body(("plain",)).get_content()
    assert "corroded steel cables" in plain  # the page's text, not the feed's one-line summary
    assert "Council budget vote delayed" in plain
    assert "Councillors found <script>alert(1)</script> written" in plain
    assert "<script>" not in html and "Councillors found &lt;script&gt;alert(1)&lt;/script&gt; written" in html
    log = (config.parent / "logs" / "brief.log").read_text()
    assert "briefing written" in log and "emailed to reader@example.org" in log
    assert "retrying in 0.05 s" in log


def test_a_repeated_run_fetches_nothing_twice_and_gives_the_same_briefing(site, tmp_path):
    config = write_config(tmp_path, site, free_port())
    first = run_cli("run", "--config", str(config))
    assert first.exit_code == 0, first.output
    saved = json.loads((config.parent / "briefings" / "latest.json").read_text())
    requests = len(site.requests)
    second = run_cli("run", "--config", str(config))
    assert second.exit_code == 0, second.output
    assert site.paths_requested()[requests:] == ["/feed"]  # answered 304; no page fetched again
    assert site.requests[-1][1]["If-None-Match"] == '"v1"'
    again = json.loads((config.parent / "briefings" / "latest.json").read_text())
    assert again["stories"] == saved["stories"]
    assert "briefing for" in second.output and "3 stories" in second.output


def test_an_entry_a_feed_lists_late_is_in_the_next_last_run_briefing(site, tmp_path):
    config = write_config(tmp_path, site, free_port())
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert run_cli("run", "--config", str(config), "--since", "last-run", "--date", yesterday).exit_code == 0
    with Store(config.parent / "state" / DB_NAME) as store:
        ended = store.runs()[0].window_end
    late = (f"<item><guid>late</guid><title>Harbour bridge repairs to start early</title><link>{site.url('/late')}"
            f"</link><pubDate>{format_datetime(ended - timedelta(hours=1))}</pubDate></item></channel>")
    site.routes["/feed"] = Route(site.routes["/feed"].body.replace(b"</channel>", late.encode()), etag='"v2"')
    site.routes["/late"] = Route((DATA / "pages" / "bridge.html").read_bytes(), content_type="text/html")
    for _repeat in range(2):  # a repeated run in the same window gives the same briefing
        result = run_cli("run", "--config", str(config), "--since", "last-run")
        assert result.exit_code == 0, result.output
        briefing = json.loads((config.parent / "briefings" / "latest.json").read_text())
        assert [s["url"] for story in briefing["stories"] for s in story["sources"]] == [site.url("/late")]
    assert site.paths_requested().count("/late") == 1  # its page was fetched, once
    assert "corroded steel cables" in (config.parent / "briefings" / "latest.txt").read_text()


def test_a_configured_page_is_credited_to_its_site_and_a_failed_page_is_logged(site, tmp_path):
    config = write_config(tmp_path, site, free_port())
    undated = re.sub(r'<meta property="article:published_time"[^>]*>', "", (DATA / "pages" / "ferry.html").read_text())
    site.routes["/page/a1"] = Route(undated.encode(), content_type="text/html")
    config.write_text(config.read_text().replace("[inputs]\n", f'[inputs]\npages = ["{site.url("/page/a1")}"]\n'))
    result = run_cli("run", "--config", str(config), "--quiet")
    assert result.exit_code == 0, result.output
    briefing = json.loads((config.parent / "briefings" / "latest.json").read_text())
    (page,) = [s for story in briefing["stories"] for s in story["sources"] if s["url"] == site.url("/page/a1")]
    assert page["outlet"] == "Harbour Gazette" and page["label"] == "Harbour Gazette"
    log = (config.parent / "logs" / "brief.log").read_text()
    assert f"page {site.url('/gone')} not used: HTTP 404 Not Found" in log  # it fell back to the feed's summary


def test_delivery_failure_keeps_the_briefing_and_exits_5(site, tmp_path):
    config = write_config(tmp_path, site, free_port())  # nothing listens there
    result = run_cli("run", "--config", str(config), "--email", "--quiet")
    assert result.exit_code == 5
    assert "could not send the email through 127.0.0.1" in result.output
    assert "after 2 attempt(s)" in result.output and "brief send" in result.output
    assert (config.parent / "briefings" / f"{TODAY}.html").is_file()
    with Store(config.parent / "state" / DB_NAME) as store:
        assert store.runs()[0].exit_code == 5
        assert store.last_successful_run() is None  # so a "last-run" window still covers this one


def test_runs_lists_the_run_log_newest_first_with_outcome_and_reason(site, tmp_path):
    config = write_config(tmp_path, site, free_port())  # nothing listens there
    assert run_cli("runs", "--config", str(config)).output.startswith("no scheduled run recorded in ")
    assert run_cli("run", "--config", str(config), "--email", "--quiet").exit_code == 5
    assert run_cli("run", "--config", str(config), "--quiet").exit_code in (0, 1)
    shown = run_cli("runs", "--config", str(config))
    assert shown.exit_code == 0
    newest, older = [line for line in shown.output.splitlines() if not line.startswith("    ")]
    assert f"briefing {TODAY}" in newest and "stories" in newest and "exit 5" not in newest
    assert "written, not delivered (exit 5)" in older
    assert "could not send the email" in shown.output  # the reason, under its run
    (last,) = json.loads(run_cli("runs", "--config", str(config), "-n", "1", "--format", "json").output)
    assert last["exit_code"] in (0, 1) and last["briefing_date"] == TODAY and last["stories"] >= 1


def test_send_an_archived_briefing_and_dry_run_writes_the_eml(site, tmp_path):
    with SmtpServer() as smtp:
        config = write_config(tmp_path, site, smtp.port)
        assert run_cli("run", "--config", str(config), "--dry-run").exit_code == 0
        eml = config.parent / "briefings" / f"{TODAY}.eml"
        assert smtp.messages == [] and eml.is_file()
        written = message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert written.get_content_type() == "multipart/alternative"
        result = run_cli("send", str(config.parent / "briefings" / f"{TODAY}.html"), "--config", str(config))
        assert result.exit_code == 0, result.output
    (envelope,) = smtp.messages
    sent = message_from_bytes(envelope.content, policy=policy.default)
    assert sent["Subject"] == written["Subject"]
    assert sent.get_body(("plain",)).get_content() == written.get_body(("plain",)).get_content()


def test_two_runs_started_together_produce_one_briefing(site, tmp_path):
    site.routes["/feed"].gate = threading.Event()  # the run that gets the lock waits on the feed...
    config = write_config(tmp_path, site, free_port(), timeout="90")
    runs = [run_subprocess("run", "--config", str(config), "--quiet") for _ in range(2)]
    deadline = time.monotonic() + 120
    while all(run.poll() is None for run in runs) and time.monotonic() < deadline:
        time.sleep(0.05)
    first_done = next(run for run in runs if run.poll() is not None)
    site.routes["/feed"].gate.set()  # ...until the other one has given up
    outputs = [run.communicate(timeout=120) for run in runs]
    assert first_done.returncode == 4, outputs
    assert sorted(run.returncode for run in runs) == [0, 4], outputs
    assert "another brief run is in progress" in outputs[runs.index(first_done)][1]
    assert site.paths_requested().count("/feed") == 1
    with Store(config.parent / "state" / DB_NAME) as store:
        assert [run.exit_code for run in store.runs()] == [0]  # the refused run did not even open the store


KILL_DURING_WRITE = """
import os, signal, sys
import brief.output
real_replace = os.replace
calls = []
def replace_then_die(src, dst):
    calls.append(dst)
    if len(calls) == 2:  # one dated file is in place, the second is still a temporary file
        os.kill(os.getpid(), signal.SIGKILL)
    real_replace(src, dst)
brief.output.os.replace = replace_then_die
from brief.cli import main
main()
"""


def test_a_run_killed_while_writing_leaves_no_half_file_and_the_next_run_completes(site, tmp_path):
    config = write_config(tmp_path, site, free_port())
    killed = run_subprocess("run", "--config", str(config), code=KILL_DURING_WRITE)
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    archive = config.parent / "briefings"
    left = sorted(p.name for p in archive.iterdir())
    assert left[0].endswith(".tmp") and f"{TODAY}.md" in left and "latest.md" not in left
    assert (archive / f"{TODAY}.md").read_text().startswith("# ")  # what is there is whole
    result = run_cli("run", "--config", str(config), "--quiet")  # the lock died with the killed run
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in archive.iterdir()) == sorted(
        [f"{stem}.{f}" for stem in (TODAY, "latest") for f in ("md", "html", "txt", "json")])


def test_init_writes_a_config_that_runs(tmp_path):
    result = run_cli("init", str(tmp_path / "brief.toml"))
    assert result.exit_code == 0 and "brief run --config" in result.output
    assert "[email]" in (tmp_path / "brief.toml").read_text()
    assert run_cli("init", str(tmp_path / "brief.toml")).exit_code == 2  # never overwrites by accident


def test_the_last_run_window_starts_where_the_previous_days_run_ended(tmp_path):
    now = datetime(2026, 11, 22, 6, 0, tzinfo=timezone.utc)
    with Store(tmp_path / DB_NAME) as store:
        assert resolve_window("last-run", now, store, "2026-11-22") == (now - timedelta(hours=24), now)
        yesterday = store.start_run(now - timedelta(days=1))
        store.finish_run(yesterday, finished_at=now - timedelta(days=1), exit_code=0, briefing_date="2026-11-21",
                         window=(now - timedelta(days=2), now - timedelta(hours=23, minutes=58)))
        today = store.start_run(now)
        store.finish_run(today, finished_at=now, exit_code=0, briefing_date="2026-11-22", window=(now, now))
        later = now + timedelta(hours=2)  # a repeated run today keeps today's start
        assert resolve_window("last-run", later, store, "2026-11-22") == (now - timedelta(hours=23, minutes=58), later)
        assert resolve_window("36h", now, store, "2026-11-22") == (now - timedelta(hours=36), now)


def story(story_id: str, day: str, *titles_and_urls: tuple[str, str]) -> StoryBriefing:
    sources = tuple(Source(ref=i + 1, article=Article(key=url, text="t", title=title, url=url))
                    for i, (title, url) in enumerate(titles_and_urls))
    return StoryBriefing(story=Story(id=story_id, sources=sources), headline=titles_and_urls[0][0],
                         summary=Summary(sentences=(), engine="extractive"), figures=())


def test_a_story_that_continues_keeps_its_id_across_days():
    yesterday = Briefing("B", "2026-11-21", "", stories=(
        story("bridge-id", "2026-11-21", ("Harbour bridge to close for repairs", "https://a.example/1")),
        story("ferry-id", "2026-11-21", ("Ferry fares rise by 4%", "https://a.example/2")),
    ))
    today = Briefing("B", "2026-11-22", "", stories=(
        story("new-1", "2026-11-22", ("Harbour bridge closure: repairs begin", "https://b.example/9")),
        story("new-2", "2026-11-22", ("Election results announced", "https://b.example/8")),
        story("new-3", "2026-11-22", ("Ferry fares rise again", "https://a.example/2")),  # an article seen before
    ))
    carried = carry_story_ids(today, remembered_stories(yesterday))
    assert [item.story.id for item in carried.stories] == ["bridge-id", "new-2", "ferry-id"]
