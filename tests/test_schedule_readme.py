"""The README's crontab line and systemd service work as written: each is taken from the README and run as cron
or systemd would (from /, a bare PATH, the password from the secrets file), against servers on 127.0.0.1."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from brief.config_file import KEYS
from servers import HttpServer, Route, SmtpServer, make_tls, no_proxy  # noqa: F401 (no_proxy: a fixture, used by name)

pytestmark = pytest.mark.usefixtures("no_proxy")

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
PASSWORD = "app password with spaces & $igns"


def readme_line(pattern: str) -> str:
    match = re.search(pattern, README, re.MULTILINE)
    assert match, f"the README has no line matching {pattern}"
    return match.group(1)


@pytest.fixture
def home(tmp_path):
    """A home folder as the README sets it up: brief in ~/.local/bin, the config, the secrets file."""
    tls = make_tls()
    with HttpServer() as site, SmtpServer(users={"me": PASSWORD}, tls_context=tls.server) as smtp:
        site.routes["/feed"] = Route(
            b'<rss version="2.0"><channel><title>Gazette</title><item><guid>a</guid><title>Harbour bridge to close'
            b"</title><description>The harbour bridge will close for six weeks of repairs from Monday.</description>"
            b"</item></channel></rss>")
        (tmp_path / ".local" / "bin").mkdir(parents=True)
        launcher = tmp_path / ".local" / "bin" / "brief"
        launcher.write_text(f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(REPO))} exec {shlex.quote(sys.executable)} "
                            "-c 'from brief.cli import main; main()' \"$@\"\n")
        launcher.chmod(0o755)
        config = tmp_path / ".config" / "brief"
        config.mkdir(parents=True)
        (config / "brief.toml").write_text(textwrap.dedent(f"""
            [inputs]
            feeds = ["{site.url('/feed')}"]
            [output]
            archive = "briefings"
            [state]
            dir = "state"
            [summary]
            summarizer = "extractive"
            [email]
            host = "localhost"
            port = {smtp.port}
            security = "starttls"
            user = "me"
            password_env = "BRIEF_SMTP_PASSWORD"
            from = "me@example.org"
            to = ["me@example.org"]
        """))
        (config / "secrets.env").write_text(f"BRIEF_SMTP_PASSWORD='{PASSWORD}'\n")
        ca_file = tmp_path / "test-ca.pem"
        tls.ca.cert_pem.write_to_path(str(ca_file))
        yield tmp_path, smtp, {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "SSL_CERT_FILE": str(ca_file)}


def test_the_crontab_line(home):
    folder, smtp, env = home
    command = readme_line(r"^\s+30 6 \* \* \* (.+)$")
    done = subprocess.run(["/bin/sh", "-c", command], cwd="/", env=env, capture_output=True, text=True, timeout=180)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")  # cron mails nothing
    assert len(smtp.messages) == 1
    assert any(p.name.endswith(".html") for p in (folder / ".config" / "brief" / "briefings").iterdir())


def test_the_systemd_service(home):
    folder, smtp, env = home
    environment_file = readme_line(r"^\s+EnvironmentFile=(.+)$").replace("%h", str(folder))
    exec_start = readme_line(r"^\s+ExecStart=(.+)$").replace("%h", str(folder))
    for line in Path(environment_file).read_text().splitlines():  # systemd: NAME=value, quotes removed
        name, _, value = line.partition("=")
        env[name] = shlex.split(value)[0]
    done = subprocess.run(shlex.split(exec_start), cwd="/", env=env, capture_output=True, text=True, timeout=180)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert len(smtp.messages) == 1
    assert "OnCalendar=*-*-* 06:30:00" in README


def test_every_config_key_is_in_the_readme_reference():
    for key in KEYS:
        assert f"| `{key.dotted}` |" in README, key.dotted
