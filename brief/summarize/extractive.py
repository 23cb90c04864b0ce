"""The extractive summariser: the most salient, non-redundant sentences of a story, each citing its sources.

Needs no model weights (only the sentence embeddings of brief.embed) and never imports torch, so it is the engine
every user has on day one and the fallback whenever a seq2seq model is missing.
"""
from __future__ import annotations

from typing import Sequence

from brief.config import Settings
from brief.summarize import StoryInput
from brief.summarize.attribution import attribute
from brief.summarize.headline import choose_headline
from brief.summarize.salience import Candidate, salient_sentences
from brief.text import words
from brief.types import Summary, SummarySentence

__all__ = ["Candidate", "ExtractiveSummarizer", "salient_sentences"]

MIN_SENTENCES = 2
MAX_SENTENCES = 5


class ExtractiveSummarizer:
    """Summaries of 2-5 sentences picked by salience (see brief.summarize.salience), in reading order.

    `max_sentences` (kept within 2-5) overrides each story's own wish (StoryInput.max_sentences); `max_words` caps
    the length, but a summary keeps at least two sentences when the story has them.
    """

    name = "extractive"

    def __init__(
        self, *, max_sentences: int | None = None, max_words: int | None = None, settings: Settings | None = None
    ):
        if max_sentences is not None and max_sentences < 1:
            raise ValueError("max_sentences must be at least 1")
        if max_words is not None and max_words < 1:
            raise ValueError("max_words must be at least 1")
        self.max_sentences = max_sentences
        self.max_words = max_words
        self.settings = settings

    def summarize(self, stories: Sequence[StoryInput]) -> list[Summary]:
        return [self._summarize_one(story_input) for story_input in stories]

    def _wanted_sentences(self, story_input: StoryInput) -> int:
        wanted = self.max_sentences if self.max_sentences is not None else story_input.max_sentences
        return min(MAX_SENTENCES, max(MIN_SENTENCES, wanted))

    def _pick(self, ranked: list[Candidate], wanted: int) -> list[Candidate]:
        """The first `wanted` candidates that fit the word budget (the first two always fit)."""
        picked: list[Candidate] = []
        used = 0
        for candidate in ranked:
            length = len(words(candidate.text))
            if self.max_words is not None and len(picked) >= MIN_SENTENCES and used + length > self.max_words:
                continue
            picked.append(candidate)
            used += length
            if len(picked) == wanted:
                break
        return picked

    def _summarize_one(self, story_input: StoryInput) -> Summary:
        story = story_input.story
        ranked = salient_sentences(story_input, settings=self.settings)
        picked = sorted(self._pick(ranked, self._wanted_sentences(story_input)), key=lambda c: (c.position, c.ref))
        sentences = tuple(
            attribute(SummarySentence(c.text, c.refs), c.ref, story_input.facts, story.sources) for c in picked
        )
        headline = choose_headline(story.sources, [c.text for c in picked], self.settings, story_input.facts)
        return Summary(sentences=sentences, engine=self.name, headline=headline)
