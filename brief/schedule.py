"""A scheduled run, safe to repeat with nobody watching: lock, state, window, feeds, briefing, archive, email.

Only one run works at a time (the lock); feeds and pages go through the state store, so a repeated run in the same
window fetches nothing twice and gives the same briefing; every output is written atomically into the dated
archive before `latest` moves; a failed delivery leaves the briefing in the archive and says so in the exit code;
everything is logged to the log file and the run log.
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date as Date, datetime, timedelta, timezone
from pathlib import Path

from brief.config import Settings
from brief.config_file import parse_since
from brief.errors import AlreadyRunning, BriefError, DeliveryFailed, ExitCode, NothingUsable
from brief.retention import forget_old_state
from brief.store import PastStory, Store, default_state_dir
from brief.types import Briefing, StoryBriefing

log = logging.getLogger("brief.schedule")
log.addHandler(logging.NullHandler())  # records go to the log file, never to a cron mail

FIRST_RUN_WINDOW = timedelta(hours=24)  # "last-run" when there has been none
STORY_MEMORY_DAYS = 14  # how far back a continuing story is looked for
ARCHIVE_SUBDIR = "briefings"  # inside the state directory, when no archive folder is set
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "a an and are as at be but by for from has have he her his in is it its new of on or over say says she "
    "that the their they this to up was were what when who will with after amid into more than about".split()
)


@dataclass(frozen=True)
class Outcome:
    exit_code: ExitCode
    briefing: Briefing
    written: tuple[Path, ...]  # dated archive files (and the .eml of a dry run)
    messages: tuple[str, ...]  # what went wrong or was worked around, for the user


def resolve_window(since: str, now: datetime, store: Store, briefing_date: str) -> tuple[datetime, datetime]:
    """[start, now]: a duration back from now, an absolute start, or from the end of the last successful run.

    "last-run" ignores runs for the same briefing date, so that re-running today rebuilds today's briefing from the
    same start instead of an empty window.
    """
    start = parse_since(since)
    if isinstance(start, timedelta):
        return now - start, now
    if isinstance(start, datetime):
        return start, now
    previous = store.last_successful_run(before_date=briefing_date)
    if previous is None or previous.window_end is None:
        return now - FIRST_RUN_WINDOW, now
    return previous.window_end, now


def signature_words(item: StoryBriefing) -> frozenset[str]:
    """Content words of a story's headline and source titles, lightly stemmed, for matching across days."""
    text = " ".join([item.headline, *(s.article.title for s in item.story.sources)]).lower()
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 4 else w
                     for w in _WORD.findall(text) if w not in _STOPWORDS and len(w) > 2)


def article_identity(item: StoryBriefing) -> frozenset[str]:
    return frozenset(s.article.url or s.article.id or s.article.key for s in item.story.sources)


def _continues(item: StoryBriefing, past: PastStory) -> float:
    """How strongly `item` continues `past`: shared articles first, then shared headline words; 0 when not."""
    if article_identity(item) & past.keys:
        return 2.0
    words = signature_words(item)
    shared = words & past.words
    if len(shared) < 2 or not words or not past.words:
        return 0.0
    overlap = len(shared) / min(len(words), len(past.words))
    return overlap if overlap >= 0.5 else 0.0


def carry_story_ids(briefing: Briefing, past: Sequence[PastStory]) -> Briefing:
    """Give each story that continues a past one (newest first) that story's id; each past id is used once."""
    taken: set[str] = set()
    stories = []
    for item in briefing.stories:
        candidates = [(score, p) for p in past if p.id not in taken and (score := _continues(item, p)) > 0]
        if candidates:
            best = max(candidates, key=lambda pair: (pair[0], pair[1].briefing_date, pair[1].id))[1]
            taken.add(best.id)
            item = replace(item, story=replace(item.story, id=best.id))
        stories.append(item)
    return replace(briefing, stories=tuple(stories))


def remembered_stories(briefing: Briefing) -> list[PastStory]:
    return [PastStory(item.story.id, briefing.date, signature_words(item), article_identity(item))
            for item in briefing.stories]


def run_scheduled(
    inputs: Sequence[str],
    settings: Settings,
    *,
    email: bool = False,
    dry_run: bool = False,
    briefing_date: Date | None = None,
    now: datetime | None = None,
    env: Mapping[str, str] | None = None,
    say: Callable[[str], None] = lambda _m: None,
    tls_context=None,
) -> Outcome:
    """One scheduled run. Raises AlreadyRunning (exit 4) when another run holds the lock, BriefError for a usage
    error or nothing usable; a failed delivery is reported in the Outcome (exit 5) with the briefing archived."""
    from brief.deliver import close_log_file, open_log_file
    from brief.lock import run_lock
    from brief.mail import check_settings

    env = os.environ if env is None else env
    now = now or datetime.now(timezone.utc)
    password = check_settings(settings.email, env, need_password=not dry_run) if email else None
    state_dir = settings.state_dir or default_state_dir()
    handler = open_log_file(settings.log_file) if settings.log_file else None
    try:
        with run_lock(state_dir), Store.in_dir(state_dir) as store:
            return _locked_run(inputs, settings, store, state_dir, email=email, dry_run=dry_run,
                               password=password, day=briefing_date or now.astimezone().date(), now=now,
                               say=say, tls_context=tls_context)
    except AlreadyRunning as err:  # the log file shows the refused run too
        log.error("%s", err)
        raise
    finally:
        if handler:
            close_log_file(handler)


def _locked_run(inputs, settings: Settings, store: Store, state_dir: Path, *, email, dry_run, password, day, now,
                say, tls_context) -> Outcome:
    from brief.deliver import archive
    from brief.ingest.feeds import Refreshed, refresh, window_articles
    from brief.ingest.fetch import Fetcher
    from brief.pipeline import build_briefing
    from brief.render import render

    messages: list[str] = []

    def tell(message: str) -> None:
        messages.append(message)
        log.warning(message)
        say(message)

    run_id = store.start_run(now)
    start, end = window = resolve_window(settings.since, now, store, day.isoformat())
    log.info("run %d started: %d feed(s), %d page(s), %d file input(s); window %s to %s", run_id,
             len(settings.feeds), len(settings.pages), len(settings.files) + len(inputs), start, end)
    try:
        refreshed, articles, skipped, notices = Refreshed(), [], [], []
        if settings.feeds or settings.pages:
            with Fetcher(settings.fetch) as fetcher:
                refreshed = refresh(store, fetcher, feeds=settings.feeds, pages=settings.pages, since=start, now=now)
            articles, skipped, notices = window_articles(store, start, end)
            log.info("feeds: %d unchanged since the last run, %d page(s) fetched, %d article(s) in the window",
                     refreshed.feeds_unchanged, refreshed.pages_fetched, len(articles))
        for warning in refreshed.warnings:
            tell(warning)
        if (settings.feeds or settings.pages) and not articles and not (settings.files or inputs):
            raise NothingUsable(f"no new articles in the window {_utc(start)} to {_utc(end)}",
                                hint="nothing was written; the feeds had nothing new (see any warning above)")
        result = build_briefing(
            [*settings.files, *inputs], settings, briefing_date=day, say=tell, extra_articles=articles,
            extra_skipped=[*refreshed.skipped, *skipped], extra_notices=notices,
        )
        briefing = carry_story_ids(result.briefing, store.past_stories(
            (day - timedelta(days=STORY_MEMORY_DAYS)).isoformat(), day.isoformat()))
        rendered = {fmt: render(briefing, fmt, settings.templates_dir) for fmt in settings.formats}
        folder = settings.archive_dir or state_dir / ARCHIVE_SUBDIR
        written = archive(rendered, folder, date=briefing.date, pattern=settings.name_pattern)
        store.remember_stories(briefing.date, remembered_stories(briefing))
        log.info("briefing written: %s (%d stories)", ", ".join(map(str, written)), len(briefing.stories))
        code = result.exit_code
        if email:
            try:
                extra = _email(briefing, settings, folder, dry_run=dry_run, password=password,
                               tls_context=tls_context, tell=tell)
                written = (*written, *extra)
            except DeliveryFailed as err:
                tell(f"{err} (the briefing is archived as {written[0]}; `brief send {written[0]}` sends it again)")
                code = ExitCode.DELIVERY
        if code == ExitCode.OK and messages:  # a warning or a fallback: the briefing was written but needs a look
            code = ExitCode.PARTIAL
        store.finish_run(run_id, finished_at=datetime.now(timezone.utc), exit_code=code,
                         briefing_date=briefing.date, window=window, articles=len(articles),
                         stories=len(briefing.stories), message="; ".join(messages) or None)
        log.info("run %d finished with exit code %d", run_id, code)
        forget_old_state(settings, now=now, keep_from=start)
        return Outcome(ExitCode(code), briefing, tuple(written), tuple(messages))
    except BriefError as err:
        store.finish_run(run_id, finished_at=datetime.now(timezone.utc), exit_code=err.exit_code,
                         briefing_date=day.isoformat(), window=window, message=str(err))
        log.error("run %d failed: %s", run_id, err)
        raise


def _utc(moment: datetime) -> str:
    return f"{moment.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"


def _email(briefing: Briefing, settings: Settings, folder: Path, *, dry_run: bool, password: str | None,
           tls_context, tell: Callable[[str], None]) -> tuple[Path, ...]:
    """Send the briefing (or, for a dry run, write the .eml beside it); returns the .eml written, if any."""
    from brief.deliver import dated_name
    from brief.mail import briefing_message, send, write_eml
    from brief.render import render

    top = briefing.stories[0].headline if briefing.stories else ""
    outgoing = briefing_message(render(briefing, "txt", settings.templates_dir),
                                render(briefing, "html", settings.templates_dir), settings.email,
                                date=briefing.date, top_story=top, stories=len(briefing.stories))
    for warning in outgoing.warnings:
        tell(warning)
    if dry_run:
        path = folder / f"{dated_name(settings.name_pattern, briefing.date)}.eml"
        write_eml(outgoing.message, path)
        log.info("dry run: the email is in %s, not sent", path)
        return (path,)
    for warning in send(outgoing.message, settings.email, password, tls_context=tls_context):
        tell(warning)
    log.info("emailed to %s", ", ".join(settings.email.to))
    return ()
