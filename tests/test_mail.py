"""The briefing as an email, received by a real SMTP server on 127.0.0.1 and parsed back."""
from __future__ import annotations

from dataclasses import replace
from email import message_from_bytes, policy

import pytest

from brief.config import EmailSettings
from brief.errors import DeliveryFailed, ExitCode, UsageError
from brief.mail import build_message, check_settings, send, subject_line
from brief.render import render
from brief.types import Article, Briefing, Source, Story, StoryBriefing, Summary, SummarySentence
from servers import SmtpServer, free_port, make_tls

HOSTILE = 'Council says <script>alert("x")</script> & "cuts" <b>stay</b>'


def briefing() -> Briefing:
    article = Article(key="a.txt", text=HOSTILE, title="Budget <i>row</i>", outlet="Gazette",
                      url="https://news.example/a")
    story = Story(id="s1", sources=(Source(ref=1, article=article),))
    summary = Summary(sentences=(SummarySentence(HOSTILE, (1,)),), engine="extractive")
    item = StoryBriefing(story=story, headline="Budget <row> over cuts", summary=summary, figures=())
    return Briefing(title="Briefing", date="2026-11-22", generated_at="2026-11-22T06:00:00+00:00", stories=(item,))


def outgoing(html: str | None = None):
    b = briefing()
    return build_message(
        text=render(b, "txt"),
        html=html or render(b, "html"),
        subject=subject_line("Briefing {date}: {top_story}", date=b.date, top_story=b.stories[0].headline, stories=1),
        sender="Brief <brief@example.org>",
        to=["reader@example.org", "other@example.org"],
    )


def settings(server: SmtpServer, **changes) -> EmailSettings:
    base = EmailSettings(host="127.0.0.1", port=server.port, security="none", sender="brief@example.org",
                         to=("reader@example.org",), retries=2, backoff=0.5, timeout=5)
    return replace(base, **changes)


def parse(envelope):
    return message_from_bytes(envelope.content, policy=policy.default)


def test_the_received_message_has_both_parts_headers_and_escaped_article_text():
    with SmtpServer() as server:
        send(outgoing().message, settings(server), None)
    (envelope,) = server.messages
    assert envelope.mail_from == "brief@example.org"
    assert envelope.rcpt_tos == ["reader@example.org", "other@example.org"]
    message = parse(envelope)
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == "Briefing 2026-11-22: Budget <row> over cuts"
    assert message["From"] == "Brief <brief@example.org>"
    assert message["To"] == "reader@example.org, other@example.org"
    assert message["Date"] and message["Message-ID"].endswith("@example.org>")
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert HOSTILE in plain  # plain text carries the words as written
    assert "<script>" not in html and "&lt;script&gt;alert" in html  # the HTML escapes them
    assert "&lt;b&gt;stay&lt;/b&gt;" in html


def test_style_blocks_are_inlined_into_the_html_part():
    html = "<html><head><style>h1 { color: #b3261e; }</style></head><body><h1>Top</h1></body></html>"
    with SmtpServer() as server:
        send(outgoing(html).message, settings(server), None)
    part = parse(server.messages[0]).get_body(("html",)).get_content()
    assert "<style>" not in part
    assert 'style="color: #b3261e;"' in part


def test_html_over_100_kb_gives_a_warning():
    assert outgoing().warnings == ()
    big = "<html><body>" + "<p>word</p>" * 12_000 + "</body></html>"
    (warning,) = outgoing(big).warnings
    assert "Gmail clips" in warning


def test_starttls_with_a_certificate_made_in_the_test_and_auth():
    tls = make_tls()
    with SmtpServer(users={"brief": "s3cret"}, tls_context=tls.server) as server:
        send(outgoing().message, settings(server, security="starttls", user="brief"), "s3cret", tls_context=tls.client)
    assert len(server.messages) == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # aiosmtpd cannot tell implicit TLS
def test_implicit_ssl():
    tls = make_tls()
    with SmtpServer(users={"brief": "s3cret"}, implicit_tls=tls.server) as server:
        send(outgoing().message, settings(server, security="ssl", user="brief"), "s3cret", tls_context=tls.client)
    assert len(server.messages) == 1


def test_a_wrong_password_fails_at_once_and_never_shows_the_password():
    tls = make_tls()
    pauses: list[float] = []
    with SmtpServer(users={"brief": "s3cret"}, tls_context=tls.server) as server:
        with pytest.raises(DeliveryFailed) as caught:
            send(outgoing().message, settings(server, security="starttls", user="brief"), "wrong-pw",
                 tls_context=tls.client, sleep=pauses.append)
    assert caught.value.exit_code == ExitCode.DELIVERY
    assert "authentication as brief failed (535" in str(caught.value)
    assert "wrong-pw" not in str(caught.value) and "wrong-pw" not in (caught.value.hint or "")
    assert pauses == [] and server.messages == []


def test_an_untrusted_certificate_is_refused():
    tls = make_tls()
    other = make_tls()  # a client that trusts a different authority
    with SmtpServer(tls_context=tls.server) as server:
        with pytest.raises(DeliveryFailed, match="TLS with 127.0.0.1"):
            send(outgoing().message, settings(server, security="starttls"), None, tls_context=other.client)


def test_temporary_failures_are_retried_with_growing_pauses():
    pauses: list[float] = []
    with SmtpServer(fail_first=2) as server:
        send(outgoing().message, settings(server), None, sleep=pauses.append)
    assert pauses == [0.5, 1.0]
    assert len(server.messages) == 1


def test_server_down_retries_then_fails_with_the_delivery_exit_code(caplog):
    pauses: list[float] = []
    email = EmailSettings(host="127.0.0.1", port=free_port(), security="none", sender="brief@example.org",
                          to=("reader@example.org",), retries=3, backoff=0.25, timeout=2)
    with pytest.raises(DeliveryFailed) as caught:
        send(outgoing().message, email, None, sleep=pauses.append)
    assert pauses == [0.25, 0.5, 1.0]
    assert "after 4 attempt(s)" in str(caught.value)
    assert "brief send" in caught.value.hint
    assert caught.value.exit_code == ExitCode.DELIVERY


def test_check_settings_reads_the_password_from_the_named_variable():
    email = EmailSettings(user="me", sender="me@example.org", to=("you@example.org",), password_env="MY_PW")
    assert check_settings(email, {"MY_PW": "pw"}) == "pw"
    with pytest.raises(UsageError, match="MY_PW is not set"):
        check_settings(email, {})
    with pytest.raises(UsageError, match="no recipients"):
        check_settings(replace(email, to=()), {"MY_PW": "pw"})
    assert check_settings(replace(email, user=None), {}) is None
    with pytest.raises(UsageError, match="email.subject"):
        check_settings(replace(email, subject="{weather}"), {"MY_PW": "pw"})


def test_subject_template():
    assert subject_line("{stories} stories on {date}: {top_story}", date="2026-11-22", top_story="A\nB",
                        stories=3) == "3 stories on 2026-11-22: A B"
    with pytest.raises(UsageError, match="email.subject"):
        subject_line("{weather}", date="2026-11-22", top_story="", stories=0)
