"""The Summarizer interface and the registry of summarisers (name -> factory).

Built-in summarisers register themselves the same way a plugin would; `create` builds one by name. Importing this
package never imports torch: the seq2seq module is imported only when it is asked for.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from brief.types import Fact, Story, Summary


@dataclass(frozen=True)
class StoryInput:
    """What a summariser gets for one story: its sources, the aligned figures, and the wanted length."""

    story: Story
    facts: tuple[Fact, ...] = ()
    max_sentences: int = 4


class Summarizer(Protocol):
    name: str

    def summarize(self, stories: Sequence[StoryInput]) -> list[Summary]:
        """Summarise every story of a briefing at once (so a model can batch), in the same order."""
        ...


Factory = Callable[..., Summarizer]

# name -> factory, or "module:attribute" of one, so a summariser's heavy imports happen only when it is built.
_REGISTRY: dict[str, str | Factory] = {}


def register(name: str, factory: str | Factory) -> None:
    """Register a summariser factory (or a "module:attribute" path to one) under `name`."""
    _REGISTRY[name] = factory


# The built-ins register the way a plugin would.
register("extractive", "brief.summarize.extractive:ExtractiveSummarizer")
register("seq2seq", "brief.summarize.seq2seq:Seq2SeqSummarizer")


def names() -> list[str]:
    return sorted(_REGISTRY)


def create(name: str, **options) -> Summarizer:
    """Build the summariser registered as `name` with its options."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown summarizer {name!r}; choose one of: {', '.join(names())}") from None
    if isinstance(factory, str):
        module_name, _, attribute = factory.partition(":")
        factory = getattr(importlib.import_module(module_name), attribute)
    return factory(**options)
