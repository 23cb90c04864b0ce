"""The HTML briefing in headless Chromium: screenshots at 375 and 1024 px, no sideways scrolling on a phone."""
from __future__ import annotations

import struct
from datetime import datetime, timezone

import pytest

from brief.render import render
from brief.screenshot import find_chromium, measure, screenshots
from brief.types import (Article, Briefing, Fact, FigureValue, Skipped, Source, Story, StoryBriefing, Summary,
                         SummarySentence)

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed (apt-get install chromium)")

LONG_URL = "https://news.example/2026/11/22/" + "a-very-long-slug-without-any-spaces-" * 6 + "end"


def demanding_briefing() -> Briefing:
    """A briefing with what tends to break a phone layout: long words and URLs, a figures table, many sources."""
    when = datetime(2026, 11, 22, 5, 30, tzinfo=timezone.utc)
    articles = [
        Article(key=f"a{i}", text="text", title=f"Harbour bridge closure {i}: Supercalifragilisticexpialidocious "
                f"engineering-consultancy-report published", outlet=f"Outlet number {i}", url=LONG_URL, published=when)
        for i in range(1, 5)
    ]
    sources = tuple(Source(ref=i + 1, article=a, duplicate_of=1 if i == 3 else None) for i, a in enumerate(articles))
    values = tuple(
        FigureValue(value=v, unit="vehicles", qualifier=q, text=f"{v} vehicles", quote="...", refs=refs)
        for v, q, refs in ((18000, "about", (1, 2)), (21500, None, (3,)), (17250, "at least", (4,)))
    )
    facts = (Fact(what="vehicles crossing the bridge each day (AverageDailyTrafficCount)", verdict="conflict",
                  values=values),
             Fact(what="cost of repairs", verdict="agree", values=(
                 FigureValue(4_200_000, "GBP", None, "£4.2m", "...", (1, 2, 3)),)))
    summary = Summary(sentences=(
        SummarySentence("The harbour bridge closes for six weeks from Monday while engineers replace corroded "
                        f"cables; details at {LONG_URL}.", (1, 2)),
        SummarySentence("Outlets disagree on how many vehicles cross it each day.", (1, 3, 4)),
    ), engine="extractive")
    story = StoryBriefing(story=Story(id="s1", sources=sources),
                          headline="Harbour bridge to close: Pneumonoultramicroscopicsilicovolcanoconiosis",
                          summary=summary, figures=facts)
    return Briefing(title="Briefing for Sunday, 22 November 2026", date="2026-11-22",
                    generated_at="2026-11-22T06:00:00+00:00", stories=(story, story),
                    skipped=(Skipped(LONG_URL, "HTTP 404 Not Found"),), notices=("a notice",))


def png_size(path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_the_html_briefing_fits_a_phone_and_is_captured_at_both_widths(tmp_path):
    page = tmp_path / "2026-11-22.html"
    page.write_text(render(demanding_briefing(), "html"), encoding="utf-8")
    phone, desktop = screenshots(page, tmp_path / "shots")
    assert phone.size.width == 375 and phone.size.viewport_width == 375
    assert phone.size.overflow == 0, f"content is {phone.size.content_width} px wide on a 375 px screen"
    assert desktop.size.overflow == 0
    assert phone.path.name == "2026-11-22-375.png" and desktop.path.name == "2026-11-22-1024.png"
    assert png_size(phone.path) == (375, phone.size.height)
    assert png_size(desktop.path)[0] == 1024
    assert phone.size.height > desktop.size.height  # narrower: the same text wraps onto more lines


def test_overflow_is_measured(tmp_path):
    page = tmp_path / "wide.html"
    page.write_text('<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width">'
                    '</head><body style="margin:0"><div style="width:600px">wide</div></body></html>')
    assert measure(page, 375).overflow == 225
