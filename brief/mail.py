"""The briefing as an email: multipart/alternative (plain text + HTML with its CSS inlined), sent over SMTP.

STARTTLS or SSL with authentication; the password comes from the environment variable the config names, and
neither it nor a full SMTP URL is ever logged. Temporary failures (no connection, 4xx replies) are retried with
back-off; permanent ones (bad password, 5xx replies, a certificate that does not verify) fail at once.
"""
from __future__ import annotations

import logging
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr
from pathlib import Path

from brief.config import EmailSettings
from brief.errors import DeliveryFailed, UsageError

log = logging.getLogger("brief.mail")
log.addHandler(logging.NullHandler())  # records go to the log file, never to a cron mail

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
HTML_CLIP_BYTES = 100 * 1024  # Gmail clips a message whose HTML passes about 102 KB
SUBJECT_FIELDS = ("date", "top_story", "stories")


@dataclass(frozen=True)
class Outgoing:
    message: EmailMessage
    warnings: tuple[str, ...] = ()


def port_of(email: EmailSettings) -> int:
    return email.port or DEFAULT_PORTS[email.security]


def where(email: EmailSettings) -> str:
    """How the server is named in messages: host and port only, never a user or password."""
    return f"{email.host}:{port_of(email)}"


def check_settings(email: EmailSettings, env: Mapping[str, str], *, need_password: bool = True) -> str | None:
    """Fail before any work when sending cannot succeed; return the password (None when no user is set)."""
    if not email.to:
        raise UsageError("no recipients for the email", hint="set [email] to = [...] or BRIEF_EMAIL_TO")
    if not email.sender:
        raise UsageError("no sender for the email", hint="set [email] from = \"...\" or BRIEF_EMAIL_FROM")
    for address in (email.sender, *email.to):
        if "@" not in parseaddr(address)[1]:
            raise UsageError(f"not an email address: {address!r}")
    subject_line(email.subject, date="2026-01-01", top_story="", stories=0)  # a bad template fails before the run
    if not email.user or not need_password:
        return None
    password = env.get(email.password_env)
    if not password:
        raise UsageError(
            f"the SMTP password variable {email.password_env} is not set",
            hint=f"set {email.password_env} in the environment brief runs in (README, Scheduled runs: the "
                 "secrets file that the cron line and the systemd service load)",
        )
    return password


def subject_line(template: str, *, date: str, top_story: str, stories: int) -> str:
    """The Subject from its template; one line, whatever the headline holds."""
    try:
        subject = template.format(date=date, top_story=top_story, stories=stories)
    except (KeyError, IndexError, ValueError) as err:
        raise UsageError(f"email.subject {template!r}: cannot fill it in ({err})",
                         hint=f"use the fields {', '.join('{' + f + '}' for f in SUBJECT_FIELDS)}") from None
    subject = " ".join(subject.split()).rstrip(" :-–—")  # no dangling separator when a field is empty
    return subject if len(subject) <= 200 else subject[:199].rstrip() + "…"


def inline_css(html: str) -> str:
    """Move <style> rules into style attributes: many mail clients drop <style> blocks."""
    import css_inline

    return css_inline.inline(html)


def build_message(
    *,
    text: str,
    html: str,
    subject: str,
    sender: str,
    to: Sequence[str],
    date: datetime | None = None,
) -> Outgoing:
    """A multipart/alternative message: the plain text first, the HTML (CSS inlined) as the preferred part."""
    inlined = inline_css(html)
    warnings = []
    size = len(inlined.encode("utf-8"))
    if size > HTML_CLIP_BYTES:
        warnings.append(f"the email's HTML is {size / 1024:.0f} KB; Gmail clips messages above about 102 KB")
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = format_datetime(date or datetime.now(timezone.utc))
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(idstring="brief", domain=domain)
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(inlined, subtype="html", charset="utf-8")
    return Outgoing(message, tuple(warnings))


def briefing_message(text: str, html: str, email: EmailSettings, *, date: str, top_story: str,
                     stories: int) -> Outgoing:
    """The email for a briefing, with the Subject from the configured template."""
    subject = subject_line(email.subject, date=date, top_story=top_story, stories=stories)
    return build_message(text=text, html=html, subject=subject, sender=email.sender or "", to=email.to)


def write_eml(message: EmailMessage, path: Path) -> None:
    """The message as a .eml file a mail client opens (what a dry run sends nowhere)."""
    from brief.output import write_atomic

    write_atomic(path, message.as_string(policy=policy.SMTP))


class TemporaryFailure(Exception):
    pass


def send(
    message: EmailMessage,
    email: EmailSettings,
    password: str | None,
    *,
    tls_context: ssl.SSLContext | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[str]:
    """Send `message`, retrying temporary failures with doubling pauses; raise DeliveryFailed when it cannot.

    Returns warnings (recipients the server refused while accepting others).
    """
    attempts = 1 + email.retries
    attempt = 1
    while True:
        try:
            return _send_once(message, email, password, tls_context or ssl.create_default_context())
        except TemporaryFailure as err:
            if attempt == attempts:
                raise DeliveryFailed(
                    f"could not send the email through {where(email)} after {attempts} attempt(s): {err}",
                    hint="the briefing is in the archive; `brief send FILE` sends it again",
                ) from None
            pause = email.backoff * 2 ** (attempt - 1)
            log.warning("sending through %s failed (%s); retrying in %g s", where(email), err, pause)
            sleep(pause)
            attempt += 1


def _send_once(message: EmailMessage, email: EmailSettings, password: str | None,
               context: ssl.SSLContext) -> list[str]:
    sender = parseaddr(message["From"])[1]
    recipients = [address for _name, address in getaddresses([message["To"]])]
    try:
        if email.security == "ssl":
            client = smtplib.SMTP_SSL(email.host, port_of(email), timeout=email.timeout, context=context)
        else:
            client = smtplib.SMTP(email.host, port_of(email), timeout=email.timeout)
        with client:
            client.ehlo()
            if email.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if email.user:
                client.login(email.user, password or "")
            refused = client.send_message(message, from_addr=sender, to_addrs=recipients)
    except smtplib.SMTPAuthenticationError as err:
        _raise_for_reply(email, err.smtp_code, f"authentication as {email.user} failed", err.smtp_error)
    except smtplib.SMTPRecipientsRefused as err:
        codes = [code for code, _text in err.recipients.values()]
        reasons = "; ".join(f"{addr}: {code} {_text(text)}" for addr, (code, text) in err.recipients.items())
        _raise_for_reply(email, max(codes), "every recipient was refused", reasons)
    except smtplib.SMTPNotSupportedError as err:
        raise DeliveryFailed(f"{where(email)} does not support this: {err}",
                             hint="check [email] security (starttls, ssl or none)") from None
    except smtplib.SMTPResponseException as err:
        _raise_for_reply(email, err.smtp_code, "the server refused the message", err.smtp_error)
    except ssl.SSLError as err:  # before OSError: a certificate or protocol mismatch will not fix itself
        raise DeliveryFailed(f"TLS with {where(email)} failed: {err.reason or err}",
                             hint="check [email] security and port, and the server's certificate") from None
    except (smtplib.SMTPServerDisconnected, socket.timeout, OSError) as err:
        raise TemporaryFailure(f"{type(err).__name__}: {err}") from None
    return [f"the server refused {address}: {code} {_text(text)}" for address, (code, text) in refused.items()]


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _raise_for_reply(email: EmailSettings, code: int, what: str, reply: bytes | str) -> None:
    detail = f"{what} ({code} {_text(reply)})"
    if 400 <= code < 500:
        raise TemporaryFailure(detail)
    raise DeliveryFailed(f"{where(email)}: {detail}",
                         hint="check the [email] settings and the password variable") from None


def message_for_file(path: Path, email: EmailSettings) -> Outgoing:
    """The email for an archived briefing: FILE and its siblings with the same name (.html, .txt or .md, .json).

    A .eml file (what `--dry-run` wrote) is sent as it is.
    """
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    if path.suffix.lower() == ".eml":
        from email import message_from_bytes

        return Outgoing(message_from_bytes(path.read_bytes(), policy=policy.SMTP))
    found = {suffix: path.with_suffix(suffix) for suffix in (".html", ".txt", ".md", ".json")}
    found = {suffix: sibling.read_text(encoding="utf-8") for suffix, sibling in found.items() if sibling.is_file()}
    html_part = found.get(".html")
    text_part = found.get(".txt") or found.get(".md")
    if html_part is None and text_part is None:
        raise UsageError(f"{path}: no briefing (.html, .txt or .md) with this name",
                         hint="name a file from the archive, e.g. briefings/2026-11-22.html")
    if text_part is None:
        from brief.ingest.feeds import html_to_text

        text_part = html_to_text(html_part)
    if html_part is None:
        import html

        html_part = f'<!DOCTYPE html><html><body><pre style="white-space:pre-wrap">{html.escape(text_part)}</pre>' \
                    "</body></html>"
    date, top_story, stories = _facts(found.get(".json"), path)
    return briefing_message(text_part, html_part, email, date=date, top_story=top_story, stories=stories)


def _facts(json_text: str | None, path: Path) -> tuple[str, str, int]:
    """Date, top headline and story count from the briefing's JSON, else the date from the file name."""
    import json
    import re

    if json_text:
        try:
            data = json.loads(json_text)
            stories = data.get("stories") or []
            return str(data.get("date") or ""), str(stories[0].get("headline") or "") if stories else "", len(stories)
        except (ValueError, AttributeError, TypeError):
            pass  # an unreadable JSON sibling only costs the Subject its headline
    match = re.search(r"\d{4}-\d{2}-\d{2}", path.stem)
    return (match.group(0) if match else datetime.now().date().isoformat()), "", 0


def send_file(path: Path, email: EmailSettings, env: Mapping[str, str], *, dry_run: bool = False,
              tls_context: ssl.SSLContext | None = None) -> tuple[Path | None, list[str]]:
    """Send an archived briefing (or, for a dry run, write its .eml beside it). The .eml path and warnings."""
    check_settings(email, env, need_password=False)
    outgoing = message_for_file(path, email)
    warnings = list(outgoing.warnings)
    if dry_run:
        eml = path.with_suffix(".eml")
        write_eml(outgoing.message, eml)
        return eml, warnings
    password = check_settings(email, env)
    warnings += send(outgoing.message, email, password, tls_context=tls_context)
    return None, warnings
