"""See the HTML briefing as a reader would: headless Chromium screenshots at phone and desktop widths, and a
measurement of horizontal overflow (content wider than the screen, which forces sideways scrolling on a phone).

Chromium runs with a fresh profile, no sandbox (it runs in containers as root), no GPU and none of its background
network traffic. It is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: no port, no extra
library), because a headless window cannot be made narrower than 500 px: the phone width is emulated instead.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from brief.errors import BriefError, ExitCode, UsageError

WIDTHS = (375, 1024)
PHONE_BELOW = 600  # widths under this are emulated as a phone (touch, meta viewport honoured)
CHROMIUM_ENV = "BRIEF_CHROMIUM"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
    "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
)
MAX_HEIGHT = 16_000  # pixels; a longer page is cut off in the screenshot
TIME_LIMIT = 60.0  # seconds for one page
_SIZE_SCRIPT = ("(() => { const d = document.documentElement; "
                "return [d.scrollWidth, d.clientWidth, Math.ceil(d.getBoundingClientRect().height)]; })()")


class ScreenshotFailed(BriefError):
    exit_code = ExitCode.NOTHING


@dataclass(frozen=True)
class PageSize:
    width: int  # the screen width asked for
    content_width: int  # document scrollWidth
    viewport_width: int  # document clientWidth
    height: int  # of the laid-out document

    @property
    def overflow(self) -> int:
        """Pixels of content beyond the right edge of the screen (0: no sideways scrolling)."""
        return max(0, self.content_width - self.viewport_width)


@dataclass(frozen=True)
class Shot:
    path: Path
    size: PageSize


def find_chromium() -> str | None:
    """$BRIEF_CHROMIUM, else the first Chromium or Chrome on the PATH."""
    named = os.environ.get(CHROMIUM_ENV)
    if named:
        return shutil.which(named)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def _high_fd(fd: int) -> int:
    """A copy of `fd` numbered 10 or more, so that placing the pipes at 3 and 4 in the child clobbers nothing."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class DevTools:
    """A headless Chromium driven over the DevTools protocol: commands on fd 3, answers on fd 4, NUL-separated."""

    def __init__(self, chromium: str, profile: Path):
        command_read, self._command_write = map(_high_fd, os.pipe())
        self._answer_read, answer_write = map(_high_fd, os.pipe())

        def place_pipes() -> None:  # runs in the child, before exec
            os.dup2(command_read, 3)
            os.dup2(answer_write, 4)

        self._log = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log,
            preexec_fn=place_pipes, close_fds=False, start_new_session=True,  # its helpers share its group
        )
        os.close(command_read)
        os.close(answer_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict] = []

    def __enter__(self) -> DevTools:
        return self

    def __exit__(self, *exc) -> None:
        """Close the browser, then end whatever is left of its process group (renderers, crash handler)."""
        try:
            self.call("Browser.close", deadline=time.monotonic() + 5)
        except ScreenshotFailed:
            pass  # it closed before answering, or is stuck: either way the group is ended below
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self._process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._process.wait()
        os.close(self._command_write)
        os.close(self._answer_read)
        self._log.close()

    def call(self, method: str, params: dict | None = None, session: str | None = None, *, deadline: float) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._command_write, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            raise ScreenshotFailed(f"Chromium exited: {self._last_log_line()}") from None
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise ScreenshotFailed(f"Chromium refused {method}: {answer['error'].get('message')}")
                return answer.get("result", {})
            self._events.append(answer)

    def wait_for(self, event: str, session: str, *, deadline: float) -> dict:
        while True:
            for index, message in enumerate(self._events):
                if message.get("method") == event and message.get("sessionId") == session:
                    return self._events.pop(index)
            self._events.append(self._read(deadline))

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._answer_read], [], [], left)[0]:
                raise ScreenshotFailed(f"Chromium did not answer within {TIME_LIMIT:g} s")
            chunk = os.read(self._answer_read, 1 << 20)
            if not chunk:
                raise ScreenshotFailed(f"Chromium exited: {self._last_log_line()}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _last_log_line(self) -> str:
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else "no message"


def _chromium() -> str:
    found = find_chromium()
    if not found:
        raise UsageError("Chromium is not installed", hint=f"apt-get install chromium, or set {CHROMIUM_ENV}")
    return found


@contextmanager
def _browser() -> Iterator[DevTools]:
    """A Chromium with a fresh profile, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="brief-chromium-", ignore_cleanup_errors=True) as profile:
        with DevTools(_chromium(), Path(profile)) as browser:
            yield browser


def _open_page(browser: DevTools, url: str, width: int, deadline: float) -> tuple[str, PageSize]:
    """Load `url` on a screen `width` pixels wide; the DevTools session and the laid-out size."""
    target = browser.call("Target.createTarget", {"url": "about:blank"}, deadline=deadline)["targetId"]
    session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                           deadline=deadline)["sessionId"]
    browser.call("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < PHONE_BELOW}, session,
        deadline=deadline)
    browser.call("Page.enable", session=session, deadline=deadline)
    navigation = browser.call("Page.navigate", {"url": url}, session, deadline=deadline)
    if navigation.get("errorText"):
        raise ScreenshotFailed(f"could not open {url}: {navigation['errorText']}")
    browser.wait_for("Page.loadEventFired", session, deadline=deadline)
    result = browser.call("Runtime.evaluate", {"expression": _SIZE_SCRIPT, "returnByValue": True}, session,
                          deadline=deadline)
    content, viewport, height = result["result"]["value"]
    return session, PageSize(width, int(content), int(viewport), int(height))


def measure(page: Path, width: int) -> PageSize:
    """The page's laid-out size on a screen `width` pixels wide."""
    with _browser() as browser:
        return _open_page(browser, page.resolve().as_uri(), width, time.monotonic() + TIME_LIMIT)[1]


def screenshots(page: Path, out_dir: Path, widths: tuple[int, ...] = WIDTHS) -> list[Shot]:
    """A full-page PNG per width, named <page stem>-<width>.png in `out_dir`, with the measured size."""
    if not page.is_file():
        raise UsageError(f"no such file: {page}")
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = []
    with _browser() as browser:
        for width in widths:
            deadline = time.monotonic() + TIME_LIMIT
            session, size = _open_page(browser, page.resolve().as_uri(), width, deadline)
            height = min(max(size.height, 1), MAX_HEIGHT)
            image = browser.call("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": max(width, size.content_width), "height": height, "scale": 1},
            }, session, deadline=deadline)
            path = out_dir / f"{page.stem}-{width}.png"
            path.write_bytes(base64.b64decode(image["data"]))
            shots.append(Shot(path, size))
    return shots


def describe(shot: Shot) -> str:
    size = shot.size
    fit = (f"content {size.content_width} px wide overflows by {size.overflow} px" if size.overflow
           else "no horizontal overflow")
    return f"{shot.path}: {size.width} px wide, {size.height} px tall, {fit}"
