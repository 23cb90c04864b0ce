"""How articles were grouped, for `brief cluster`: a JSON-ready record and a Markdown view of it."""
from __future__ import annotations

from typing import Sequence

from brief.copies import copy_label
from brief.types import Skipped, Story


def story_headline(story: Story) -> str:
    """The title of the story's first original source (its key when it has no title)."""
    first = story.independent_sources[0].article if story.independent_sources else story.sources[0].article
    return first.title or first.key


def cluster_report(stories: Sequence[Story], skipped: Sequence[Skipped] = ()) -> dict:
    """{stories: [{id, headline, independent_outlets, articles: [{ref, id, path, outlet, title, published,
    duplicate_of}]}], skipped: [{input, reason}]}"""
    return {
        "stories": [
            {
                "id": story.id,
                "headline": story_headline(story),
                "independent_outlets": story.independent_outlets,
                "articles": [
                    {
                        "ref": source.ref,
                        "id": source.article.id,
                        "path": source.article.path,
                        "outlet": source.article.outlet,
                        "title": source.article.title,
                        "published": source.article.published.isoformat() if source.article.published else None,
                        "duplicate_of": source.duplicate_of,
                        "copy_kind": source.copy_kind,
                    }
                    for source in story.sources
                ],
            }
            for story in stories
        ],
        "skipped": [{"input": item.input, "reason": item.reason} for item in skipped],
    }


def cluster_markdown(report: dict) -> str:
    """One section per story: its articles numbered by ref, copies marked with the ref of their original."""
    count = len(report["stories"])
    lines = [f"# {count} {'story' if count == 1 else 'stories'}", ""]
    for story in report["stories"]:
        lines += [f"## {story['headline']}", "",
                  f"Story `{story['id']}`, {story['independent_outlets']} independent outlet(s).", ""]
        for article in story["articles"]:
            where = article["path"] or article["id"] or ""
            name = article["title"] or where
            outlet = f" ({article['outlet']})" if article["outlet"] else ""
            original = article["duplicate_of"]
            copy = f" — {copy_label(article['copy_kind'])} of [{original}]" if original else ""
            shown = f" `{where}`" if where and where != name else ""
            lines.append(f"{article['ref']}. {name}{outlet}{shown}{copy}")
        lines.append("")
    if report["skipped"]:
        lines += ["## Skipped", ""] + [f"- {s['input']}: {s['reason']}" for s in report["skipped"]] + [""]
    return "\n".join(lines)
