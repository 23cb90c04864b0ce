"""Extract, then abstract: fill the model's input budget with a story's most salient sentences.

The candidates come ranked, redundancy removed and every outlet early (brief.summarize.salience), so taking them
from the front until the budget is full keeps the best of every outlet. Tokens are counted with the model's own
tokenizer, and only as many candidates are counted as can fit, so a story with fifty articles costs the model no
more than one with five.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from brief.summarize.headline import clean_title
from brief.summarize.prompts import PromptDocument
from brief.summarize.salience import Candidate
from brief.types import Source

COUNT_CHUNK = 16  # candidates tokenised at a time
MAX_MISFITS = 8  # this many candidates in a row too long for what is left of the budget end the search


@dataclass(frozen=True)
class AssembledInput:
    prompt: str
    sentences: tuple[Candidate, ...]  # the source sentences in the prompt, in prompt order
    tokens: int  # the prompt's length in model tokens, special tokens included


class TokenCounter(Protocol):
    def count(self, texts: list[str]) -> list[int]:
        """Each text's length in model tokens, without special tokens."""
        ...

    def count_prompt(self, text: str) -> int:
        """The length of the whole model input, special tokens included."""
        ...


class TokenizerCounter:
    """Counts with the model's own (Hugging Face) tokenizer."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def count(self, texts: list[str]) -> list[int]:
        return [len(ids) for ids in self.tokenizer(texts, add_special_tokens=False).input_ids]

    def count_prompt(self, text: str) -> int:
        return len(self.tokenizer(text).input_ids)


def documents(chosen: Sequence[Candidate], sources: Sequence[Source]) -> list[PromptDocument]:
    """The chosen sentences grouped by source (in citation order), each source's in reading order."""
    outlets = {s.ref: s.article.outlet or "" for s in sources}
    by_ref: dict[int, list[Candidate]] = {}
    for candidate in chosen:
        by_ref.setdefault(candidate.ref, []).append(candidate)
    return [
        PromptDocument(ref, outlets.get(ref, ""), tuple(c.text for c in sorted(group, key=lambda c: c.position)))
        for ref, group in sorted(by_ref.items())
    ]


def title_candidates(sources: Sequence[Source]) -> list[Candidate]:
    """The independent sources' titles as sentences to give the model first (for a headline)."""
    found = []
    for source in sources:
        title = clean_title(source) if source.duplicate_of is None else ""
        if title:
            found.append(Candidate(text=title, ref=source.ref, score=1.0, position=-1, paragraph=-1,
                                   refs=(source.ref,)))
    return found


def _counted(candidates: Sequence[Candidate], counter: TokenCounter):
    """(candidate, tokens) pairs, tokenised a chunk at a time so that unused candidates are never counted."""
    for start in range(0, len(candidates), COUNT_CHUNK):
        chunk = list(candidates[start:start + COUNT_CHUNK])
        yield from zip(chunk, counter.count([c.text for c in chunk]))


def assemble(
    candidates: Sequence[Candidate],
    sources: Sequence[Source],
    render: Callable[[list[PromptDocument]], str],
    counter: TokenCounter,
    budget: int,
) -> AssembledInput:
    """The prompt holding as many of `candidates` (from the front) as fit in `budget` model tokens.

    The whole prompt is measured as the model gets it: the template's own words and special tokens count too.
    """

    def measure(chosen: list[Candidate]) -> tuple[str, int]:
        prompt = render(documents(chosen, sources))
        return prompt, counter.count_prompt(prompt)

    chosen: list[Candidate] = []
    prompt, used = measure(chosen)
    misfits = 0
    for candidate, tokens in _counted(candidates, counter):
        if used + tokens + 1 <= budget:  # + 1: the space or line break joining it
            chosen.append(candidate)
            used += tokens + 1
            misfits = 0
        else:
            misfits += 1
            if misfits == MAX_MISFITS or budget - used < 4:
                break
    prompt, used = measure(chosen)
    while used > budget and chosen:  # the estimate was short: give back the least salient sentences
        chosen.pop()
        prompt, used = measure(chosen)
    in_prompt = tuple(sorted(chosen, key=lambda c: (c.ref, c.position)))
    return AssembledInput(prompt=prompt, sentences=in_prompt, tokens=used)
