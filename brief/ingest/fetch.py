"""HTTP(S) fetching for feeds and pages, bounded in every direction.

Only http and https; time-outs to connect and per read, a deadline for the whole fetch (redirects included), a size
cap checked while the body streams in, a limited number of redirects (each hop checked again), an honest User-Agent,
and conditional GET. Many pages are fetched with bounded concurrency, one request at a time per host with a pause
between them.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from brief.config import FetchSettings

REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL could not be fetched; `str(err)` is the one-line reason shown to the user."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 2xx, or 304 when the validators matched
    content: bytes
    content_type: str  # media type only, lower case ("text/html"), "" when the server gave none
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {scheme or 'a relative URL'}: {url}")


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class Fetcher:
    """One HTTP client with the limits of `settings`; safe to share between threads."""

    def __init__(self, settings: FetchSettings, *, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": settings.user_agent},
            follow_redirects=False,
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        expect_types: tuple[str, ...] | None = None,
    ) -> Response:
        """GET `url`, following at most `max_redirects` redirects; raise FetchError with the reason on failure.

        `expect_types` lists acceptable media types; another type is refused before its body is read.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        started = time.monotonic()  # one deadline for the whole fetch, redirects included
        for _hop in range(self.settings.max_redirects + 1):
            check_scheme(url)
            try:
                response = self._request(url, headers, expect_types, started)
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {self.settings.timeout:g} s") from None
            except httpx.HTTPError as err:
                raise FetchError(f"cannot fetch: {err or type(err).__name__}") from None
            if isinstance(response, str):  # a redirect's target
                url = urljoin(url, response)
                continue
            return response
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects})")

    def _request(self, url: str, headers: dict, expect_types: tuple[str, ...] | None,
                 started: float) -> Response | str:
        with self._client.stream("GET", url, headers=headers) as response:
            if response.status_code in REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {response.status_code} redirect without a Location")
                return location
            etag = response.headers.get("ETag")
            last_modified = response.headers.get("Last-Modified")
            if response.status_code == 304:
                return Response(url, 304, b"", "", etag, last_modified)
            if not 200 <= response.status_code < 300:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if expect_types is not None and content_type and content_type not in expect_types:
                raise FetchError(f"unexpected content type {content_type} (wanted {', '.join(expect_types)})")
            content = self._read_body(response, started)
            return Response(str(response.url), response.status_code, content, content_type, etag, last_modified)

    def _read_body(self, response: httpx.Response, started: float) -> bytes:
        limit = self.settings.max_bytes
        too_large = f"larger than the {limit:,} byte limit"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(too_large)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(too_large)
            if time.monotonic() - started > self.settings.deadline:
                raise FetchError(f"took longer than {self.settings.deadline:g} s")
            chunks.append(chunk)
        return b"".join(chunks)


def fetch_all(
    urls: Iterable[str],
    fetch: Callable[[str], object],
    *,
    concurrency: int,
    per_host_delay: float,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, object]:
    """Call `fetch(url)` for each distinct URL, in the order given, returning url -> result or its FetchError.

    Politeness: each host's URLs are fetched one after another with `per_host_delay` seconds between them, while
    up to `concurrency` hosts are served at once, so one slow site does not hold every worker.
    """
    order = list(dict.fromkeys(urls))
    by_host: dict[str, list[str]] = {}
    for url in order:
        by_host.setdefault(host_of(url), []).append(url)
    results: dict[str, object] = {}

    def one_host(host_urls: list[str]) -> None:
        for position, url in enumerate(host_urls):
            if position:
                sleep(per_host_delay)
            try:
                results[url] = fetch(url)
            except FetchError as err:
                results[url] = err

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        for future in [pool.submit(one_host, host_urls) for host_urls in by_host.values()]:
            future.result()
    return {url: results[url] for url in order}
