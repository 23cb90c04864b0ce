"""Render a Briefing as Markdown, HTML (email-safe), plain text or JSON.

Every format is drawn from one view (`briefing_view`), which is also the JSON contract, so the formats cannot
drift apart. Templates come from the user's folder first, then the bundled `templates/`; HTML is autoescaped and
StrictUndefined makes a typo in a template fail loudly instead of printing nothing: a broken template is a
usage error naming its file and line. In Markdown every value from an article goes through `esc` (and addresses
through `link`), so an article cannot add markup; in the other formats both filters pass values through.
"""
from __future__ import annotations

import json
import re
import traceback
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import jinja2

from brief.copies import copy_label
from brief.errors import UsageError
from brief.figures.vocabulary import unit_after
from brief.resources import bundled
from brief.types import Briefing, Fact, FigureValue, Source, Story, StoryBriefing

BUNDLED_TEMPLATES = bundled("templates")
FORMATS = ("md", "html", "txt", "json")
SUFFIXES = {"md": ".md", "html": ".html", "txt": ".txt", "json": ".json"}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def format_number(value: float, unit: str | None = None) -> str:
    """91 -> "91", 2.5 -> "2.5", 1200000 -> "1,200,000"; with its unit ("20%", "$2.1 billion" stays as text)."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4f}".rstrip("0").rstrip(".")
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    if unit in ("USD", "$"):
        return f"${number}"
    return f"{number} {unit_after(value, unit)}"


def _is_web_address(url: str | None) -> bool:
    """Only http(s) addresses become links: an article's "javascript:" URL must never be clickable."""
    return bool(url) and url.lower().startswith(("http://", "https://"))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def markdown_text(value: str) -> str:
    """Article text made inert in Markdown: markup characters backslash-escaped, line breaks turned into spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s*[\r\n]+\s*", " ", str(value)))


def markdown_link(url: str) -> str:
    """A web address as a Markdown autolink; anything else (a file name, a "javascript:" URL) as inert text."""
    if _is_web_address(url) and not re.search(r"[\x00-\x20<>\x7f]", url):
        return f"<{url}>"
    return markdown_text(url)


def _as_is(value: Any) -> Any:
    return value


def markers(refs) -> str:
    return "".join(f"[{ref}]" for ref in refs)


def _source_view(source: Source, story_sources: tuple[Source, ...]) -> dict[str, Any]:
    article = source.article
    copies = [s.ref for s in story_sources if s.duplicate_of == source.ref]
    label = article.outlet or article.path or article.url or article.key
    return {
        "ref": source.ref,
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title or None,
        "url": article.url,
        "path": article.path,
        "published": _iso(article.published),
        "duplicate_of": source.duplicate_of,
        "copy_kind": source.copy_kind,
        "copy_label": copy_label(source.copy_kind),
        "also_carried_by": copies,
        "href": article.url if _is_web_address(article.url) else None,
        "label": label,
        # where to find it, unless the label already says so (a file known only by its name)
        "where": article.url or (article.path if article.outlet else None),
    }


def _value_view(value: FigureValue) -> dict[str, Any]:
    shown = format_number(value.value, value.unit)
    return {
        "value": value.value,
        "high": value.high,
        "unit": value.unit,
        "qualifier": value.qualifier,
        "text": value.text,
        "quote": value.quote,
        "refs": list(value.refs),
        "scope": value.scope,
        "attribution": value.attribution,
        "published": _iso(value.published),
        "written": value.written,
        "display": value.written or (f"{shown}–{format_number(value.high, value.unit)}" if value.high is not None
                                     else f"{value.qualifier} {shown}" if value.qualifier else shown),
    }


def _fact_view(fact: Fact) -> dict[str, Any]:
    return {"what": fact.what, "verdict": fact.verdict, "note": fact.note,
            "values": [_value_view(v) for v in fact.values]}


def _story_view(item: StoryBriefing) -> dict[str, Any]:
    summary = item.summary
    sentences = [{"text": s.text, "refs": list(s.refs)} for s in summary.sentences]
    return {
        "id": item.story.id,
        "headline": item.headline,
        "summary": " ".join(f"{s['text']} {markers(s['refs'])}".strip() for s in sentences),
        "summary_sentences": sentences,
        "summary_engine": summary.engine,
        "dropped_sentences": list(summary.dropped_sentences),
        "independent_outlets": item.story.independent_outlets,
        "sources": [_source_view(s, item.story.sources) for s in item.story.sources],
        "figures": [_fact_view(f) for f in item.figures],
    }


def briefing_view(briefing: Briefing) -> dict[str, Any]:
    """The briefing as plain data: the JSON contract, and what every template renders."""
    return {
        "title": briefing.title,
        "date": briefing.date,
        "generated_at": briefing.generated_at,
        "stories": [_story_view(s) for s in briefing.stories],
        "skipped": [{"input": s.input, "reason": s.reason} for s in briefing.skipped],
        "notices": list(briefing.notices),
    }


@lru_cache(maxsize=8)
def _environment(templates_dir: str | None, fmt: str) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir:
        loaders.append(jinja2.FileSystemLoader(templates_dir))
    loaders.append(jinja2.FileSystemLoader(str(BUNDLED_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markers"] = markers
    env.filters["esc"] = markdown_text if fmt == "md" else _as_is
    env.filters["link"] = markdown_link if fmt == "md" else _as_is
    return env


def _template_error(err: jinja2.TemplateError) -> UsageError:
    """The error as one line naming the template file and line."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        file, line = err.filename or err.name, err.lineno
    else:  # jinja2 adds the failing template line to the traceback as a frame of the template's own file
        frames = [(frame.f_code.co_filename, lineno) for frame, lineno in traceback.walk_tb(err.__traceback__)
                  if not frame.f_code.co_filename.endswith(".py")]
        file, line = frames[-1] if frames else (None, None)
    reason = f"no template {err.message}" if isinstance(err, jinja2.TemplateNotFound) else err.message
    place = f"template {file}, line {line}" if file else "a template"
    return UsageError(f"{place}: {reason}", hint="fix the template, or remove it to use the bundled one")


def _templates_folder(templates_dir: Path | None) -> str | None:
    """The user's templates folder as the loader wants it; a folder that is not there is a usage error."""
    if not templates_dir:
        return None
    if not Path(templates_dir).is_dir():
        raise UsageError(f"no templates folder {templates_dir}",
                         hint="--templates (or [output] templates in the config) must name an existing folder")
    return str(templates_dir)


def _render_template(name: str, fmt: str) -> Callable[[dict, str | None], str]:
    def render_with(view: dict, templates_dir: str | None) -> str:
        try:
            return _environment(templates_dir, fmt).get_template(name).render(**view)
        except jinja2.TemplateError as err:
            raise _template_error(err) from None

    return render_with


def _render_json(view: dict, templates_dir: str | None) -> str:
    return json.dumps(view, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[dict, str | None], str]] = {
    "md": _render_template("briefing.md.j2", "md"),
    "txt": _render_template("briefing.txt.j2", "txt"),
    "html": _render_template("briefing.html.j2", "html"),
    "json": _render_json,
}


def figures_view(stories: list[tuple[Story, tuple[Fact, ...]]]) -> dict[str, Any]:
    """Only the figure tables: for `brief figures`."""
    return {"stories": [
        {"id": story.id,
         "headline": next((s.article.title for s in story.independent_sources if s.article.title), story.id),
         "sources": [_source_view(s, story.sources) for s in story.sources],
         "figures": [_fact_view(f) for f in facts]}
        for story, facts in stories
    ]}


def render_figures(stories: list[tuple[Story, tuple[Fact, ...]]], fmt: str,
                   templates_dir: Path | None = None) -> str:
    """The figure table of each story in `md`, `txt` or `json`."""
    view = figures_view(stories)
    folder = _templates_folder(templates_dir)
    if fmt == "json":
        return _render_json(view, None)
    if fmt not in ("md", "txt"):
        raise ValueError(f"unknown format {fmt!r} for figures; choose md, txt or json")
    return _render_template(f"figures.{fmt}.j2", fmt)(view, folder)


def render(briefing: Briefing, fmt: str, templates_dir: Path | None = None) -> str:
    """The briefing in format `fmt` (md, html, txt or json)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return RENDERERS[fmt](briefing_view(briefing), _templates_folder(templates_dir))
