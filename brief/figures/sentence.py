"""One sentence ready to be read for figures: its tokens, numbers and clauses, and lookups shared by the
readers of quantities, meanings and situations (who, where, when), computed once per sentence."""
from __future__ import annotations

from datetime import datetime
from functools import cached_property

from brief.figures import context
from brief.figures.numbers import Number, Token, scan


def _year_like(n: Number) -> bool:
    """'since 2019': a year does not make a clause hold a figure."""
    return not n.words and n.text.isdigit() and 1800 <= int(n.text) <= 2100


class Sentence:
    """A sentence's tokens and numbers; the claims read so far (a figure may take its noun from the one before)."""

    def __init__(self, sentence: str, ref: int, origin: int, published: datetime | None, index: int):
        self.sentence = sentence
        self.ref, self.origin, self.published, self.index = ref, origin, published, index
        self.tokens: list[Token]
        self.numbers: list[Number]
        self.tokens, self.numbers = scan(sentence)
        self.bounds = context.segments(self.tokens)
        self.claims: list = []  # the Claims read so far, in order
        self.skip: set[int] = set()  # numbers already read as the end of a range
        self.number_tokens = {i for n in self.numbers for i in range(n.first_token, n.last_token + 1)}

    @cached_property
    def actors(self) -> dict[int, str]:
        """Token index -> country, for every country, demonym or city the sentence names."""
        return context.actor_tokens(self.sentence, self.tokens)

    @cached_property
    def attacks(self) -> list[context.Attack]:
        return context.attacks(self.sentence, self.tokens, self.bounds, self.actors)

    @cached_property
    def tallies(self) -> dict[int, str]:
        """Number index -> side ("for", "against", "abstained") for the counts of a vote in this sentence."""
        return context.vote_tallies(self.sentence, self.tokens, self.numbers)

    @cached_property
    def anchors(self) -> list[tuple[int, str]]:
        return context.anchors_in(self.sentence, self.published)

    def lead(self, seg_start: int) -> tuple[int, int] | None:
        """The sentence's opening clause when it holds no number and comes before the clause at `seg_start`
        ("On Monday night, ...", "In the Moscow region, ..."): its place and time apply to what follows."""
        start, end = self.bounds[0]
        if start < seg_start and not self.holds_figure(start, end):
            return start, end
        return None

    def holds_figure(self, start: int, end: int) -> bool:
        """Whether the tokens [start, end) hold a number other than a year."""
        return any(start <= n.first_token < end and not _year_like(n) for n in self.numbers)

    def w(self, i: int) -> str:
        return self.tokens[i].low if 0 <= i < len(self.tokens) else ""

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].kind == "word"

    def glued(self, i: int, j: int) -> bool:
        """Tokens i and j touch (no space between them)."""
        return 0 <= i < len(self.tokens) and 0 <= j < len(self.tokens) and self.tokens[i].end == self.tokens[j].start
