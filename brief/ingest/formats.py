"""Readers for each input format: bytes in, Articles (or Skipped records) out.

A reader raises UnusableInput for a file it cannot use at all; a multi-record file (JSON list, JSONL) yields a
Skipped record for each bad record and goes on with the rest.
"""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Iterable, Iterator

import yaml

from brief.ingest.dates import parse_published
from brief.ingest.errors import UnusableInput
from brief.ingest.markup import has_markup, html_to_text
from brief.text import normalize_whitespace
from brief.types import Article, Skipped

MAX_TEXT_CHARS = 2_000_000  # one article; far above any real report (50,000 words is about 350,000 characters)

_FIELD_ALIASES = {
    "text": ("text", "content", "body", "article", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source", "site", "site_name", "sitename", "publisher"),
    "published": ("published", "date", "published_at", "publishedAt", "pubDate", "datetime"),
    "id": ("id", "guid", "uuid"),
}
_KNOWN_FIELDS = {alias for names in _FIELD_ALIASES.values() for alias in names}


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnusableInput("binary file, not text")
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UnusableInput(
            f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); convert it to UTF-8"
        ) from None


def _check_text(text: str) -> str:
    text = normalize_whitespace(text).strip()
    if not text:
        raise UnusableInput("no article text")
    if len(text) > MAX_TEXT_CHARS:
        raise UnusableInput(f"article text too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})")
    return text


def _looks_like_headline(line: str, next_line: str | None) -> bool:
    """A first line is a headline when it is short and stands alone (a blank line follows, or no final period),
    and is not a dateline ("WASHINGTON —", which opens the story's first paragraph)."""
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 200 or line.rstrip().endswith(("—", "–", "-")):
        return False
    return next_line == "" or not line.rstrip().endswith((".", ",", ";", ":", "”", '"'))


def _headline_and_body(text: str) -> tuple[str, str]:
    """The text's first line as its headline when it looks like one, and the rest; else no headline."""
    lines = normalize_whitespace(text).strip().split("\n")
    if len(lines) > 1 and _looks_like_headline(lines[0], lines[1]):
        from brief.clean import is_boilerplate_line  # a promo line at the top is not the headline

        if not is_boilerplate_line(lines[0]):
            return lines[0].strip(), "\n".join(lines[1:])
    return "", "\n".join(lines)


def read_txt(text: str, *, key: str, path: str | None) -> Iterator[Article]:
    title, body = _headline_and_body(text)
    yield Article(key=key, path=path, title=title, text=_check_text(body))


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _markdown_to_text(body: str) -> str:
    """Reduce Markdown to plain paragraphs: headings, emphasis, links and images to their words."""
    lines = []
    for line in body.split("\n"):
        line = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", "", line)
        line = _MD_LINK_RE.sub(r"\1", line)
        line = re.sub(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1", r"\2", line)
        lines.append(line)
    # A Markdown paragraph may wrap over several lines: join them, keep blank lines as paragraph breaks.
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines))
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def read_md(text: str, *, key: str, path: str | None) -> Iterator[Article]:
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER_RE.match(text.replace("\r\n", "\n"))
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as err:
            raise UnusableInput(f"front matter is not valid YAML: {str(err).splitlines()[0]}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise UnusableInput("front matter is not a mapping of fields")
        meta = loaded or {}
        text = text.replace("\r\n", "\n")[match.end():]
    body = _markdown_to_text(text)
    if not match:
        yield from read_txt(body, key=key, path=path)
        return
    meta = dict(meta, text=body)
    yield _article_from_record(meta, key=key, path=path)


# The types a field may have; a field of another type is ignored, as if it were absent.
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,), "title": (str,), "url": (str,), "outlet": (str,),
    "published": (str, int, float, date),  # date covers datetime, and front matter's unquoted YAML dates
    "id": (str, int),
}


def _field(record: dict, name: str) -> Any:
    for alias in _FIELD_ALIASES[name]:
        value = record.get(alias)
        if isinstance(value, dict) and name == "outlet":  # e.g. NewsAPI's "source": {"id": ..., "name": ...}
            value = value.get("name") or value.get("title") or value.get("id")
        if value not in (None, "") and isinstance(value, _FIELD_TYPES[name]) and not isinstance(value, bool):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _plain(text: str, *, markup: bool) -> str:
    """With `markup` (JSON exports from a CMS or an API), HTML tags and entities in the text become plain text."""
    return html_to_text(text) if markup and has_markup(text) else text


def _article_from_record(record: dict, *, key: str, path: str | None, markup: bool = False) -> Article:
    text = _field(record, "text")
    if not isinstance(text, str):
        raise UnusableInput("no article text (expected a text, content or body field)")
    title, outlet = (_plain(_as_text(_field(record, name)) or "", markup=markup) for name in ("title", "outlet"))
    published_raw = _field(record, "published")
    extra = tuple(
        (name, str(value))
        for name, value in sorted(record.items())
        if name not in _KNOWN_FIELDS and isinstance(value, (str, int, float, bool))
    )
    text = _plain(text, markup=markup)
    if not title.strip():  # a record with no title field often starts with its headline, as a text file does
        title, text = _headline_and_body(text)
    return Article(
        key=key,
        path=path,
        text=_check_text(text),
        title=" ".join(title.split()),
        id=_as_text(_field(record, "id")),
        outlet=" ".join(outlet.split()) or None,
        url=_as_text(_field(record, "url")),
        published=parse_published(published_raw) if published_raw is not None else None,
        extra=extra,
    )


def _records(numbered: Iterable[tuple[int, Any]], *, key: str, path: str | None, unit: str
             ) -> Iterator[Article | Skipped]:
    """Articles from numbered records ("item 3" of a list, "line 7" of a JSONL file); a bad record is skipped."""
    for number, record in numbered:
        where = f"{path or key} {unit} {number}"
        if not isinstance(record, dict):
            yield Skipped(where, "not a JSON object")
            continue
        try:
            yield _article_from_record(record, key=f"{key}#{number}", path=path, markup=True)
        except UnusableInput as err:
            yield Skipped(where, str(err))


def read_json(text: str, *, key: str, path: str | None) -> Iterator[Article | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise UnusableInput(f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
    if isinstance(data, dict):
        if isinstance(data.get("articles"), list) and _field(data, "text") is None:
            data = data["articles"]  # a wrapper object such as {"articles": [...]}
        else:
            yield _article_from_record(data, key=key, path=path, markup=True)
            return
    if not isinstance(data, list):
        raise UnusableInput("JSON is neither an article object nor a list of them")
    if not data:
        raise UnusableInput("empty JSON list")
    yield from _records(enumerate(data, start=1), key=key, path=path, unit="item")


def read_jsonl(text: str, *, key: str, path: str | None) -> Iterator[Article | Skipped]:
    rows: list[tuple[int, Any]] = []
    bad: list[Skipped] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as err:
            bad.append(Skipped(f"{path or key} line {number}", f"invalid JSON: {err.msg}"))
    if not rows and not bad:
        raise UnusableInput("empty file")
    yield from bad
    yield from _records(rows, key=key, path=path, unit="line")


def read_html(data: bytes, *, key: str, path: str | None) -> Iterator[Article]:
    from brief.ingest.html import article_from_html

    yield article_from_html(data, key=key, path=path)


_TEXT_READERS = {".txt": read_txt, ".text": read_txt, ".md": read_md, ".markdown": read_md,
                 ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl}
READERS = {**{suffix: "text" for suffix in _TEXT_READERS}, ".html": "html", ".htm": "html"}


def _sniff_suffix(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<article" in head:
        return ".html"
    if head.startswith(b"["):
        return ".json"
    if head.startswith(b"{"):
        first = data.lstrip().split(b"\n", 1)[0]
        try:
            json.loads(first)
            return ".jsonl"
        except ValueError:
            return ".json"
    if head.startswith(b"---"):
        return ".md"
    return ".txt"


def read_bytes(data: bytes, *, key: str, path: str | None, suffix: str | None, max_bytes: int
               ) -> Iterator[Article | Skipped]:
    """Read one input's bytes; `suffix` None means sniff the format (stdin)."""
    if len(data) > max_bytes:
        raise UnusableInput(f"too large (more than {max_bytes // 2**20} MiB)")
    if not data.strip():
        raise UnusableInput("empty file")
    suffix = suffix or _sniff_suffix(data)
    if suffix not in READERS:
        raise UnusableInput(f"unsupported file type {suffix!r} (supported: {', '.join(sorted(READERS))})")
    if READERS[suffix] == "html":
        return read_html(data, key=key, path=path)
    text = _decode(data)
    return _TEXT_READERS[suffix](text, key=key, path=path)
