"""The model's input text, from jinja2 templates in `prompts/<family>/` (summary.j2, headline.j2).

Lookup order: the user's prompt folder for the model family, the user's folder itself, the bundled family folder,
the bundled `default/`. StrictUndefined makes a misspelt variable fail instead of silently feeding the model
nothing. A family without a headline template (BART, PEGASUS: trained to summarise, not to follow instructions)
gets no generated headline.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import jinja2

from brief.errors import UsageError
from brief.resources import bundled

BUNDLED_PROMPTS = bundled("prompts")
SUMMARY = "summary.j2"
HEADLINE = "headline.j2"


@dataclass(frozen=True)
class PromptDocument:
    """One source's sentences as the model sees them."""

    ref: int
    outlet: str
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


class PromptTemplates:
    def __init__(self, family: str, user_dir: Path | None = None):
        folders = [BUNDLED_PROMPTS / family, BUNDLED_PROMPTS / "default"]
        if user_dir is not None:
            folders = [Path(user_dir) / family, Path(user_dir)] + folders
        self.family = family
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(f) for f in folders]),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )

    def has(self, name: str) -> bool:
        try:
            self.env.get_template(name)
        except jinja2.TemplateNotFound:
            return False
        return True

    def source(self, name: str) -> str:
        """The template's text (part of the cache key: editing a prompt means generating again)."""
        return self.env.loader.get_source(self.env, name)[0]

    def render(self, name: str, documents: Sequence[PromptDocument], max_sentences: int) -> str:
        try:
            text = self.env.get_template(name).render(documents=list(documents), max_sentences=max_sentences)
        except jinja2.TemplateError as err:
            raise UsageError(f"the prompt template {name} for {self.family} models is broken: {err}",
                             hint="fix or remove it in your prompts folder") from err
        return "\n".join(line for line in text.splitlines() if line.strip()).strip()
