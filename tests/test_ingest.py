"""Reading inputs: every format, folders, globs, stdin, and bad inputs skipped with a reason."""
from __future__ import annotations

import io
import json
from datetime import datetime, timezone

from brief.ingest import read_inputs

BODY = "The council approved the budget on Monday.\nIt passed by 31 votes to 12.\n"


def _one(tmp_path, name, content, **kwargs):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    articles, skipped = read_inputs([str(path)], **kwargs)
    return articles, skipped


def test_txt_headline_line_becomes_the_title(tmp_path):
    articles, skipped = _one(tmp_path, "a.txt", "Council passes budget\n\n" + BODY)
    assert skipped == []
    assert articles[0].title == "Council passes budget"
    assert articles[0].text.startswith("The council approved")
    assert articles[0].path == str(tmp_path / "a.txt")


def test_txt_that_starts_with_a_sentence_has_no_title(tmp_path):
    articles, _ = _one(tmp_path, "a.txt", BODY)
    assert articles[0].title == ""
    assert articles[0].text.startswith("The council approved")


def test_txt_promo_first_line_is_not_taken_as_title(tmp_path):
    articles, _ = _one(tmp_path, "a.txt", "Sign up for our morning newsletter\n" + BODY)
    assert articles[0].title == ""


def test_txt_dateline_first_line_is_not_taken_as_title(tmp_path):
    articles, _ = _one(tmp_path, "a.txt", "WASHINGTON \u2014\n" + BODY)
    assert articles[0].title == ""
    assert articles[0].text.startswith("WASHINGTON \u2014\nThe council approved")


def test_jsonl_record_without_a_title_takes_its_headline_line(tmp_path):
    records = [{"id": "a", "text": "Council passes budget\n" + BODY},
               {"id": "b", "text": BODY},
               {"id": "c", "title": "Budget vote", "text": "Council passes budget\n" + BODY}]
    articles, _ = _one(tmp_path, "a.jsonl", "\n".join(json.dumps(r) for r in records))
    assert [(a.title, a.text.split("\n")[0]) for a in articles] == [
        ("Council passes budget", "The council approved the budget on Monday."),
        ("", "The council approved the budget on Monday."),
        ("Budget vote", "Council passes budget"),  # a record's own title wins; its text is kept whole
    ]


def test_markdown_front_matter(tmp_path):
    text = ("---\ntitle: Council passes budget\noutlet: Harbor Daily\nurl: https://example.com/b\n"
            "published: 2026-11-21T08:30:00+01:00\nid: hd-1\n---\n# Council passes budget\n\n"
            "The council **approved** the [budget](https://example.com) on Monday.\n")
    articles, skipped = _one(tmp_path, "a.md", text)
    assert skipped == []
    article = articles[0]
    assert (article.title, article.outlet, article.url, article.id) == (
        "Council passes budget", "Harbor Daily", "https://example.com/b", "hd-1")
    assert article.published == datetime(2026, 11, 21, 7, 30, tzinfo=timezone.utc)
    assert "The council approved the budget on Monday." in article.text
    assert "**" not in article.text and "](" not in article.text


def test_markdown_with_broken_front_matter_is_skipped(tmp_path):
    _, skipped = _one(tmp_path, "a.md", "---\ntitle: [unclosed\n---\nText here.\n")
    assert "front matter" in skipped[0].reason


HTML = """<!DOCTYPE html><html><head><title>Council passes budget | Harbor Daily</title>
<meta property="og:title" content="Council passes budget">
<meta property="og:site_name" content="Harbor Daily">
<meta property="article:published_time" content="2026-11-21T08:30:00Z">
<link rel="canonical" href="https://example.com/news/budget">
<script>document.write('tracking pixel code')</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Council passes budget</h1>
<p>The city council approved the budget on Monday after a debate that lasted most of the afternoon.</p>
<p>It passed by 31 votes to 12, with two members abstaining, according to the council clerk.</p>
<p>The mayor said the plan would pay for new bus routes and the repair of three bridges next year.</p>
</article><footer>Copyright 2026 Harbor Daily. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    articles, skipped = _one(tmp_path, "a.html", HTML)
    assert skipped == []
    article = articles[0]
    assert article.title == "Council passes budget"
    assert article.outlet == "Harbor Daily"
    assert article.url == "https://example.com/news/budget"
    assert article.published == datetime(2026, 11, 21, 8, 30, tzinfo=timezone.utc)
    assert "31 votes to 12" in article.text
    assert "tracking pixel" not in article.text and "Sport" not in article.text


def test_html_without_article_text_is_skipped(tmp_path):
    _, skipped = _one(tmp_path, "a.html", "<html><body><nav>Home</nav></body></html>")
    assert skipped[0].reason == "no article text found in the HTML page"


def test_json_object_and_list_keep_ids_and_skip_bad_items(tmp_path):
    rows = [{"id": "x1", "headline": "One", "content": BODY, "source": {"name": "Metro Wire"}, "date": "2026-11-21"},
            {"id": "x2", "title": "No text"},
            "not an object",
            {"id": "x3", "title": "Three", "body": BODY, "outlet": "Harbor Daily", "section": "city"}]
    articles, skipped = _one(tmp_path, "a.json", json.dumps(rows))
    assert [a.id for a in articles] == ["x1", "x3"]
    assert articles[0].outlet == "Metro Wire" and articles[0].title == "One"
    assert ("section", "city") in articles[1].extra
    assert sorted(s.reason for s in skipped) == [
        "no article text (expected a text, content or body field)", "not a JSON object"]
    assert all("a.json item" in s.input for s in skipped)


def test_jsonl_bad_line_is_skipped_and_the_rest_read(tmp_path):
    lines = [json.dumps({"id": "1", "title": "A", "text": BODY}), "{broken", json.dumps({"id": "2", "text": BODY})]
    articles, skipped = _one(tmp_path, "a.jsonl", "\n".join(lines))
    assert [a.id for a in articles] == ["1", "2"]
    assert skipped[0].input.endswith("a.jsonl line 2") and "invalid JSON" in skipped[0].reason


def test_invalid_json_file_names_the_position(tmp_path):
    _, skipped = _one(tmp_path, "a.json", '{"title": "x", "text": ')
    assert skipped[0].reason.startswith("invalid JSON at line 1")


def test_bad_inputs_each_get_a_reason_and_the_run_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("Good story here\n\n" + BODY, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners protest rent rise.".encode("latin-1"))
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Not an article\n", encoding="utf-8")
    articles, skipped = read_inputs([str(tmp_path), str(tmp_path / "missing.txt"), str(tmp_path / "*.xml")])
    assert [a.title for a in articles] == ["Good story here"]
    reasons = {s.input.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["latin1.txt"].startswith("not UTF-8 text (byte 0xe9 at offset 3)")
    assert reasons["empty.md"] == "empty file" and reasons["blank.txt"] == "empty file"
    assert reasons["missing.txt"] == "no such file or directory"
    assert reasons["*.xml"] == "no files match this pattern"
    assert "README.md" not in reasons  # documentation beside articles is not an input


def test_glob_and_stdin(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(f"Story {name}\n\n" + BODY, encoding="utf-8")
    articles, _ = read_inputs([str(tmp_path / "*.txt")])
    assert [a.title for a in articles] == ["Story a.txt", "Story b.txt"]
    stdin = io.BytesIO(json.dumps({"id": "s1", "title": "From stdin", "text": BODY}).encode())
    articles, skipped = read_inputs(["-"], stdin=stdin)
    assert skipped == [] and articles[0].id == "s1" and articles[0].path is None


def test_unsupported_file_named_explicitly(tmp_path):
    _, skipped = _one(tmp_path, "a.pdf", b"%PDF-1.7 something")
    assert skipped[0].reason.startswith("unsupported file type '.pdf'")


WP_CONTENT = ("<p>A fire killed 3 people at a plant in Marlow on Tuesday.</p><p>Officials said 12 people were hurt in "
              "the <em>blaze</em>.</p><p>The plant employed 200&nbsp;workers.</p><p>Crews fought the fire for six "
              "hours before it was put out.</p>")


def test_json_html_content_becomes_plain_paragraphs(tmp_path):
    record = {"title": "Marlow plant fire kills three", "outlet": "Paper", "content": WP_CONTENT}
    articles, skipped = _one(tmp_path, "wp.json", json.dumps(record))
    assert skipped == []
    assert articles[0].text == (
        "A fire killed 3 people at a plant in Marlow on Tuesday.\n\nOfficials said 12 people were hurt in the blaze."
        "\n\nThe plant employed 200 workers.\n\nCrews fought the fire for six hours before it was put out.")


def test_json_html_content_gets_a_summary(tmp_path):
    from typer.testing import CliRunner

    from brief.cli import app

    path = tmp_path / "wp.json"
    path.write_text(json.dumps({"title": "Marlow plant fire kills three", "outlet": "Paper", "content": WP_CONTENT}))
    result = CliRunner().invoke(app, ["run", str(path), "--summarizer", "extractive", "-f", "json"])
    summary = json.loads(result.stdout)["stories"][0]["summary"]
    assert "A fire killed 3 people at a plant in Marlow on Tuesday." in summary and "<" not in summary


def test_jsonl_inline_markup_scripts_and_entities_in_text_title_and_outlet(tmp_path):
    record = {"title": "Smith &amp; Sons <b>closes</b> mill", "outlet": "<i>Harbor</i>&nbsp;Daily",
              "text": "<style>p { color: red }</style>The mill closed on <b>Tuesday</b>.<script>track('x')</script>"
                      "<noscript>Enable JavaScript.</noscript>\nIt employed <a href='/jobs'>40</a> people."}
    plain = {"title": "Turnout <rises>", "text": "Turnout rose where 3 < 5 stations opened.\nThe count ends at <noon>."}
    articles, skipped = _one(tmp_path, "a.jsonl", json.dumps(record) + "\n" + json.dumps(plain))
    assert skipped == []
    assert articles[0].title == "Smith & Sons closes mill"
    assert articles[0].outlet == "Harbor Daily"
    assert articles[0].text == "The mill closed on Tuesday.\n\nIt employed 40 people."
    assert (articles[1].title, articles[1].text) == (plain["title"], plain["text"])  # no markup: kept as it is


def test_json_fields_of_the_wrong_type_are_ignored(tmp_path):
    record = {"title": ["a"], "outlet": {"x": 1}, "url": 5, "headline": "Marlow plant fire", "text": BODY}
    articles, skipped = _one(tmp_path, "a.json", json.dumps(record))
    assert skipped == []
    article = articles[0]
    assert (article.title, article.outlet, article.url) == ("Marlow plant fire", None, None)


def test_the_same_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "good.txt").write_text("Council passes budget\n\n" + BODY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "good.txt")
    named = [str(tmp_path / "good.txt"), str(tmp_path / "." / "good.txt"), str(tmp_path / "link.txt"), str(tmp_path)]
    articles, skipped = read_inputs(named)
    assert skipped == []
    assert [a.path for a in articles] == [str(tmp_path / "good.txt")]
