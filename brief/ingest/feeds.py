"""RSS and Atom feeds, from URLs or files, parsed by feedparser from bytes we fetched ourselves.

A malformed feed still yields its good entries (with a warning); a feed that yields none is unusable with a reason.
"""
from __future__ import annotations

import calendar
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

from brief.ingest.errors import UnusableInput
from brief.ingest.fetch import Fetcher, FetchError, Response, fetch_all
from brief.ingest.markup import html_to_text
from brief.store import Store, StoredItem
from brief.types import Article, Skipped

PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
_URL = re.compile(r"^https?://", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)  # a URL (ftp://, file://), not a local path

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())  # to the log file of a scheduled run, never to a cron mail


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


@dataclass(frozen=True)
class FeedEntry:
    """One entry as its feed gives it. `key` (guid, else link) identifies it across runs."""

    key: str
    feed: str
    title: str
    summary: str  # plain text of the entry's own summary or content
    url: str | None
    published: datetime | None
    outlet: str | None
    content_hash: str  # changes when the feed changes the entry


@dataclass(frozen=True)
class FeedResult:
    source: str
    entries: tuple[FeedEntry, ...] = ()
    not_modified: bool = False  # the server answered 304: nothing new since the remembered validators
    warnings: tuple[str, ...] = ()
    etag: str | None = None
    last_modified: str | None = None


def _published(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


def _entry_text(entry) -> str:
    """The longest of the entry's summary and content, as plain text."""
    candidates = [entry.get("summary") or ""] + [part.get("value") or "" for part in entry.get("content") or []]
    return max((html_to_text(candidate) for candidate in candidates), key=len)


def _entry(entry, *, source: str, outlet: str | None, site: str) -> FeedEntry | None:
    link = urljoin(site, (entry.get("link") or "").strip())  # relative links: against the feed's own site
    url = link if is_url(link) else None
    title = " ".join(html_to_text(entry.get("title") or "").split())  # titles may carry markup too
    summary = _entry_text(entry)
    if not (title or summary):
        return None
    digest = hashlib.sha256("\x00".join((title, url or "", summary)).encode()).hexdigest()[:16]
    key = (entry.get("id") or "").strip() or url or f"{source}#{digest}"
    return FeedEntry(key, source, title, summary, url, _published(entry), outlet, digest)


def parse_feed(data: bytes, *, source: str, content_type: str = "", base_url: str | None = None) -> FeedResult:
    """Entries of an RSS/Atom document. Raises UnusableInput when the bytes hold no feed entries at all."""
    import feedparser

    headers = {"content-location": base_url} if base_url else {}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    outlet = " ".join((parsed.feed.get("title") or "").split()) or None
    site = base_url or parsed.feed.get("link") or ""
    first_of_key: dict[str, FeedEntry] = {}
    for raw in parsed.entries:
        entry = _entry(raw, source=source, outlet=outlet, site=site)
        if entry is not None:
            first_of_key.setdefault(entry.key, entry)
    unique = tuple(first_of_key.values())
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not unique:
        if content_type in ("text/html", "application/xhtml+xml") and not parsed.get("version"):
            raise UnusableInput(f"not a feed (served as {content_type})")
        if problem is not None:
            raise UnusableInput(f"not a readable feed ({_describe(problem)})")
        if not parsed.get("version"):
            raise UnusableInput("not an RSS or Atom feed")
        return FeedResult(source, warnings=(f"{source}: the feed has no entries",))
    warnings = ()
    if problem is not None:
        warnings = (f"{source}: malformed feed ({_describe(problem)}); kept its {len(unique)} readable entries",)
    return FeedResult(source, unique, warnings=warnings)


def _describe(problem: Exception) -> str:
    text = " ".join(str(problem).split())
    return text[:200] or type(problem).__name__


def read_feed(
    source: str, fetcher: Fetcher, *, etag: str | None = None, last_modified: str | None = None
) -> FeedResult:
    """Fetch (conditionally) or read one feed. Raises UnusableInput with the reason when it cannot be used."""
    scheme = _SCHEME.match(source)
    if scheme and not is_url(source):
        raise UnusableInput(f"only http and https URLs are fetched, not {scheme.group(1).lower()}")
    if not is_url(source):
        return parse_feed(_read_file(source, fetcher.settings.max_bytes), source=source)
    try:
        response = fetcher.get(source, etag=etag, last_modified=last_modified, accept=FEED_ACCEPT)
    except FetchError as err:
        raise UnusableInput(str(err)) from None
    if response.not_modified:
        return FeedResult(source, not_modified=True, etag=etag, last_modified=last_modified)
    result = parse_feed(response.content, source=source, content_type=response.content_type, base_url=response.url)
    return replace(result, etag=response.etag, last_modified=response.last_modified)


def _read_file(source: str, max_bytes: int) -> bytes:
    path = Path(source)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        raise UnusableInput(f"cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise UnusableInput(f"larger than the {max_bytes:,} byte limit")
    return data


@dataclass(frozen=True)
class Refreshed:
    """What a refresh of the feeds and pages found: inputs that failed, warnings, and what it fetched."""

    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    feeds_unchanged: int = 0
    pages_fetched: int = 0


def refresh(store: Store, fetcher: Fetcher, *, feeds: Sequence[str], pages: Sequence[str], since: datetime,
            now: datetime) -> Refreshed:
    """Bring the store up to date: read each feed (a conditional GET for URLs), record its entries, then fetch the
    pages of the items in the window that have no text yet. Items already fetched are never fetched again."""
    skipped: list[Skipped] = []
    warnings: list[str] = []
    unchanged = 0
    for source in dict.fromkeys(feeds):
        etag, last_modified = store.feed_validators(source) if is_url(source) else (None, None)
        try:
            result = read_feed(source, fetcher, etag=etag, last_modified=last_modified)
        except UnusableInput as err:
            skipped.append(Skipped(source, str(err)))
            continue
        unchanged += result.not_modified
        for entry in result.entries:
            store.save_entry(key=entry.key, url=entry.url, feed=entry.feed, outlet=entry.outlet, title=entry.title,
                             summary=entry.summary, content_hash=entry.content_hash, published=entry.published,
                             seen_at=now)
        if is_url(source) and not result.not_modified:  # only once its entries are safely stored
            store.remember_feed(source, result.etag, result.last_modified, now)
        warnings.extend(result.warnings)
    for url in dict.fromkeys(pages):
        if not is_url(url):
            skipped.append(Skipped(url, "not an http or https URL"))
            continue
        store.save_entry(key=url, url=url, feed=None, outlet=None, title="", summary="", content_hash=None,
                         published=None, seen_at=now)
    pending = store.pending_items(since=since)
    fetched = fetch_all(
        [item.url for item in pending if item.url and is_url(item.url)],
        lambda url: fetcher.get(url, accept="text/html, application/xhtml+xml", expect_types=PAGE_TYPES),
        concurrency=fetcher.settings.concurrency,
        per_host_delay=fetcher.settings.per_host_delay,
    )
    for item in pending:
        _store_text(store, item, fetched.get(item.url) if item.url else None)
    return Refreshed(tuple(skipped), tuple(warnings), unchanged, sum(isinstance(r, Response) for r in fetched.values()))


def _store_text(store: Store, item: StoredItem, page: Response | FetchError | None) -> None:
    """The page's main text when it has one, else the entry's own summary; with the reason when it fell back.
    `page` is None when the entry links no page."""
    reason = str(page) if isinstance(page, FetchError) else "the entry links no page"
    if isinstance(page, Response):
        from brief.ingest.html import article_from_html

        try:
            article = article_from_html(page.content, key=item.key, url=page.url)
        except UnusableInput as err:
            reason = str(err)
        else:
            store.set_text(item.key, article.text, "page", title=article.title or None, published=article.published,
                           outlet=article.outlet)
            return
    if page is not None:
        log.warning("page %s not used: %s", item.url, reason)
    if item.summary:
        store.set_text(item.key, item.summary, "summary", note=f"page not used ({reason}); the feed's summary is")
    else:
        store.mark_failed(item.key, reason)  # nothing to fall back on: tried again on the next run


def window_articles(store: Store, start: datetime, end: datetime) -> tuple[list[Article], list[Skipped], list[str]]:
    """The stored items of the window as Articles, oldest first; items without text as Skipped; fallbacks noted."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    fell_back: list[str] = []
    for item in store.items_between(start, end):
        name = item.url or item.key
        if not item.text:
            skipped.append(Skipped(name, item.note or "no text"))
            continue
        if item.text_source == "summary":
            fell_back.append(name)
        articles.append(Article(
            key=item.key, text=item.text, title=item.title, id=item.key if item.key != item.url else None,
            outlet=item.outlet, url=item.url, published=item.published,
        ))
    notices = []
    if fell_back:
        notices.append(f"{len(fell_back)} article(s) use their feed's summary because their page could not be "
                       f"used: {', '.join(fell_back[:5])}{' …' if len(fell_back) > 5 else ''}")
    return articles, skipped, notices
