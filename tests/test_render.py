"""Rendering: every format from one view, HTML and Markdown escape article text, only web links are clickable,
a broken template is a usage error."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from brief.errors import UsageError
from brief.render import FORMATS, format_number, render, render_figures
from brief.types import (Article, Briefing, Fact, FigureValue, Skipped, Source, Story, StoryBriefing, Summary,
                         SummarySentence)

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _briefing(url: str = "https://example.com/a") -> Briefing:
    first = Article(key="a.txt", path="a.txt", title=f"Pier closed {HOSTILE}", outlet="Harbor Daily", url=url,
                    text="x", published=datetime(2026, 11, 21, 8, 0, tzinfo=timezone.utc))
    second = Article(key="b.json#1", path="b.json", id="b1", title="Pier shut", outlet="Metro Wire", text="x")
    copy = Article(key="c.txt", path="c.txt", title="Pier shut (reprint)", outlet="Coast Post", text="x")
    story = Story(id="s-1", sources=(Source(1, first), Source(2, second), Source(3, copy, duplicate_of=2)))
    fact = Fact(what="cranes collapsed", verdict="conflict", values=(
        FigureValue(value=2, unit=None, qualifier=None, text="two cranes", quote="Two cranes fell.", refs=(1,)),
        FigureValue(value=3, unit=None, qualifier="at least", text="at least three cranes",
                    quote="At least three cranes fell.", refs=(2, 3), attribution="the port authority"),
    ))
    share = Fact(what="share of berths closed", verdict="agree", values=(
        FigureValue(value=20, unit="%", qualifier="about", text="about 20%", quote="q", refs=(1, 2)),))
    summary = Summary(sentences=(SummarySentence(f"The pier closed {HOSTILE}.", (1, 2)),
                                 SummarySentence("Repairs take two weeks.", (2,))), engine="extractive")
    return Briefing(title="Briefing for Saturday, 21 November 2026", date="2026-11-21",
                    generated_at="2026-11-21T09:00:00+00:00",
                    stories=(StoryBriefing(story=story, headline="Pier closed", summary=summary,
                                           figures=(fact, share)),),
                    skipped=(Skipped("bad.bin", "binary file, not text"),))


def test_json_follows_the_contract():
    data = json.loads(render(_briefing(), "json"))
    assert {"title", "date", "generated_at", "stories", "skipped"} <= set(data)
    story = data["stories"][0]
    assert {"id", "headline", "summary", "sources", "figures", "summary_engine", "dropped_sentences"} <= set(story)
    assert story["summary"].endswith("Repairs take two weeks. [2]")
    source = story["sources"][1]
    assert {k: source[k] for k in ("ref", "id", "outlet", "title", "url", "path", "published")} == {
        "ref": 2, "id": "b1", "outlet": "Metro Wire", "title": "Pier shut", "url": None, "path": "b.json",
        "published": None}
    assert story["sources"][2]["duplicate_of"] == 2
    value = story["figures"][0]["values"][1]
    assert {k: value[k] for k in ("value", "unit", "qualifier", "text", "quote", "refs")} == {
        "value": 3, "unit": None, "qualifier": "at least", "text": "at least three cranes",
        "quote": "At least three cranes fell.", "refs": [2, 3]}
    assert data["skipped"] == [{"input": "bad.bin", "reason": "binary file, not text"}]


def test_html_escapes_article_text_and_has_no_script():
    html = render(_briefing(), "html")
    assert "<script" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert 'href="https://example.com/a"' in html


def test_javascript_url_is_never_a_link():
    html = render(_briefing(url="javascript:alert(1)"), "html")
    assert "href=\"javascript" not in html


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_every_format_shows_figures_sources_and_copies(fmt):
    text = render(_briefing(), fmt)
    assert "cranes collapsed" in text and "conflict" in text
    assert "at least 3 [2][3] (the port authority)" in text
    assert "about 20% [1][2]" in text
    assert "also carried by [3] Coast Post" in text
    assert "copy or rewrite of [2]" in text
    assert "bad.bin: binary file, not text" in text


def test_markdown_table_cells_escape_pipes():
    briefing = _briefing()
    fact = Fact(what="votes | for", verdict="agree", values=(
        FigureValue(value=31, unit=None, qualifier=None, text="31", quote="q", refs=(1, 2)),))
    story = briefing.stories[0]
    briefing = Briefing(title=briefing.title, date=briefing.date, generated_at=briefing.generated_at,
                        stories=(StoryBriefing(story.story, story.headline, story.summary, (fact,)),))
    assert "| votes \\| for | 31 [1][2] | agree |" in render(briefing, "md")


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_single_source_figures_follow_the_compared_ones_in_one_line(fmt):
    briefing = _briefing()
    story = briefing.stories[0]
    single = Fact(what="bridges repaired", verdict="single", values=(
        FigureValue(value=3, unit=None, qualifier=None, text="three bridges", quote="q", refs=(2,)),))
    briefing = Briefing(title=briefing.title, date=briefing.date, generated_at=briefing.generated_at,
                        stories=(StoryBriefing(story.story, story.headline, story.summary,
                                               story.figures + (single,)),))
    text = render(briefing, fmt)
    assert "From one source only:" in text and "bridges repaired 3 [2]" in text
    assert text.index("cranes collapsed") < text.index("From one source only:")


def test_user_templates_override_the_bundled_ones(tmp_path):
    (tmp_path / "briefing.txt.j2").write_text("{{ title }} / {{ stories|length }} stories\n", encoding="utf-8")
    assert render(_briefing(), "txt", tmp_path) == "Briefing for Saturday, 21 November 2026 / 1 stories\n"
    assert render(_briefing(), "md", tmp_path).startswith("# Briefing for Saturday")


def test_a_template_typo_fails_loudly_naming_the_file_and_line(tmp_path):
    (tmp_path / "briefing.txt.j2").write_text("{{ title }}\n{{ nope.x }}\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"briefing\.txt\.j2, line 2: 'nope' is undefined"):
        render(_briefing(), "txt", tmp_path)
    (tmp_path / "briefing.md.j2").write_text("{% if %}\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"briefing\.md\.j2, line 1: Expected an expression"):
        render(_briefing(), "md", tmp_path)


def test_a_missing_templates_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no templates folder .*nosuchdir"):
        render(_briefing(), "md", tmp_path / "nosuchdir")


def _hostile_markdown_briefing(url: str) -> Briefing:
    """An article whose title, outlet and text carry Markdown and HTML markup."""
    briefing = _briefing()
    story = briefing.stories[0]
    title = "Marlow fire | kills [three](https://evil.example/) *now*"
    article = replace(story.story.sources[0].article, title=title, outlet="Harbor_Daily", url=url)
    sources = (replace(story.story.sources[0], article=article), *story.story.sources[1:])
    summary = Summary(sentences=(SummarySentence('Crews came <a href="javascript:alert(2)">here</a> <script>alert(5)'
                                                 '</script> at `noon`.', (1, 2)),), engine="extractive")
    return replace(briefing, stories=(replace(story, story=replace(story.story, sources=sources), headline=title,
                                              summary=summary),))


def test_markdown_shows_article_markup_as_text_and_keeps_its_own():
    markdown_it = pytest.importorskip("markdown_it")
    text = render(_hostile_markdown_briefing("https://example.com/a_b"), "md")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(text)  # as a Markdown viewer shows it
    assert "<script" not in html and '<a href="javascript' not in html and '<a href="https://evil' not in html
    assert "<em>now</em>" not in html
    assert "<h2>1. Marlow fire | kills [three](https://evil.example/) *now*</h2>" in html
    assert "Crews came &lt;a href=&quot;javascript:alert(2)&quot;&gt;here&lt;/a&gt; &lt;script&gt;" in html
    assert "1. Marlow fire \\| kills \\[three\\](https://evil.example/) \\*now\\*" in text
    assert "Harbor_Daily — Marlow fire | kills" in html
    # our own markup still works: the citation markers, the figure table, the bold verdict, the source link
    assert "at `noon`. [1][2]</p>" in html
    assert "<td>2 [1] · at least 3 [2][3] (the port authority)</td>" in html and "<strong>conflict</strong>" in html
    assert '<a href="https://example.com/a_b">https://example.com/a_b</a>' in html
    plain = render(_hostile_markdown_briefing("https://example.com/a_b"), "txt")
    assert "1. Marlow fire | kills [three](https://evil.example/) *now*" in plain and "<script>alert(5)" in plain


def test_figures_in_markdown_escape_the_headline():
    story = _hostile_markdown_briefing("https://example.com/a").stories[0]
    text = render_figures([(story.story, story.figures)], "md")
    assert "## 1. Marlow fire \\| kills \\[three\\](https://evil.example/) \\*now\\*" in text
    assert "Harbor\\_Daily — Marlow fire \\| kills" in text


def test_markdown_links_only_web_addresses():
    text = render(_hostile_markdown_briefing("javascript:alert(1)"), "md")
    assert "(javascript:alert(1), 2026-11-21 08:00 UTC)" in text and "<javascript" not in text
    assert "(<https://example.com/a>," in render(_briefing(), "md")


def test_numbers_are_formatted_for_reading():
    assert [format_number(91), format_number(1_200_000), format_number(2.5), format_number(20, "%"),
            format_number(30, "days")] == ["91", "1,200,000", "2.5", "20%", "30 days"]
    assert [format_number(1, "days"), format_number(1, "sq miles"), format_number(1, "km")] == [
        "1 day", "1 sq mile", "1 km"]
    assert set(FORMATS) == {"md", "html", "txt", "json"}


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_story_count_line_reads_well_for_one_story_and_for_several(fmt):
    one = _briefing()
    assert "1 story." in render(one, fmt) and "ordered by" not in render(one, fmt)
    two = replace(one, stories=one.stories * 2)
    assert "2 stories, ordered by the number of independent outlets covering them." in render(two, fmt)
