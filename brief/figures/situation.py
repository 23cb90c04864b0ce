"""The situation of a figure: who attacks whom, where, when, whether it is a forecast, and who says so."""
from __future__ import annotations

import re

from brief.figures import context
from brief.figures.meaning import predicate_at, singular
from brief.figures.places import Place, find_scope
from brief.figures.sentence import Sentence
from brief.figures.vocabulary import (
    FORECAST_MODALS,
    FORECAST_WORDS,
    MEASURE_DIMENSIONS,
    PREDICATE_OF,
    WEEK,
    MONTHS,
    REPORTING_VERBS,
    STOPWORDS,
    WEEKDAYS,
)

ANCHOR_REACH = 60  # characters: a time phrase further from the figure belongs to something else
_ASIDE_TOKENS = 5  # a clause this short that opens with a time phrase is an aside about when: ", back in 2019,"
_ASIDE_LEAD = frozenset({"back", "then", "and", "also", "again", "on", "in", "at", "during", "early", "late"})
SCOPE_REACH = 80  # characters after the figure in which its place is named
_BY_YEAR_RE = re.compile(r"^\W*(?:\w+\W+){0,6}?by (?:19|20)\d\d\b")
# verbs in the present tense: "opened the plant in 2021 and employs 230 people"
_PRESENT_VERBS = frozenset({"has", "have", "is", "are", "holds", "runs", "operates", "owns", "counts", "remains"})
# a relative clause after a phrase that follows the figure ("stations along a route that runs ...") is about the
# noun of that phrase
_RELATIVE_OPENERS = frozenset({"that", "which", "who", "whom", "whose", "where"})
_PLACING = frozenset({"along", "on", "in", "at", "near", "by", "from", "to", "across", "over", "through",
                      "around", "with", "for", "of", "between", "beyond", "past", "under", "behind"})
# a clause about another moment: "after talks in Saudi Arabia" does not place the figure
_OTHER_EVENT_RE = re.compile(r"\b(?:after|before|during|following|ahead of|amid|since|when|as)\b", re.IGNORECASE)
# a figure these name is given, not forecast: "his 75-minute journey could be cut", "the line's 14 stations will"
_GIVEN_BY = frozenset({"the", "its", "their", "his", "her", "our", "my", "your", "these", "those"})
_GIVEN_ADJECTIVES = frozenset({"previous", "prior", "remaining", "first", "last", "past", "current", "original",
                               "same", "full", "entire", "whole", "existing", "initial"})
# words that open another clause between a modal and a figure: the modal is that clause's
_OTHER_CLAUSE = frozenset({"as", "that", "which", "who", "whom", "whose", "where", "when", "because", "if", "after",
                           "before", "since", "until", "though", "although", "whether", "unless", "while"})
# a figure after these is a circumstance of the verb, not what the modal says may happen: "could be separated from
# her three children", "could be approved with a majority of 51 votes"
_CIRCUMSTANCE = frozenset({"from", "with", "without", "among", "against", "like", "despite", "besides"})
# words between a modal and its verb: "could not be", "may also have been", "might soon"
_VERB_CHAIN = frozenset({"be", "been", "have", "has", "also", "still", "now", "even", "soon", "yet", "then", "well",
                         "ultimately", "eventually", "easily", "potentially", "only", "just"})


class SituationReader(Sentence):
    """Reads the sides, place, time, modality and source of a figure (with MeaningReader's `verb_index`)."""

    def in_according_to(self, a: int) -> bool:
        seg_start, _ = context.segment_of(self.bounds, a)
        return any(self.w(i) == "according" and self.w(i + 1) == "to" for i in range(seg_start, a))

    def holder(self, start: int, noun: str) -> str | None:
        """Who holds a share or a count of votes: the name right before the verb before the figure ('Smith won
        52%', 'Russia occupies one-fifth'), when the figure measures something else than that name."""
        verb, name_end = start - 1, start - 2
        if name_end < 0 or not self.is_word(verb) or self.w(verb) in STOPWORDS or self.w(verb) in REPORTING_VERBS:
            return None
        names = []
        i = name_end
        while i >= 0 and self.is_word(i) and self.tokens[i].text[:1].isupper() and self.w(i) not in STOPWORDS:
            names.insert(0, self.w(i))
            i -= 1
        holder = " ".join(names)
        if singular(holder) == singular(noun):
            return None  # "Rents rose 20 to 30 percent": what is measured, not who holds it
        return holder if holder and holder not in WEEKDAYS and holder not in MONTHS else None

    def sides(self, a: int, last: int, predicate: str | None) -> tuple[str | None, str | None, Place | None]:
        """Who attacks and who is attacked: from the verb's subject ('Russia launched', 'Russia said it shot down')
        or from the attack the figure belongs to ('the Ukrainian drone attack on Russia killed two')."""
        actor_at = self.actors
        attacker = target = None
        target_place = None
        seg_start, seg_end = context.segment_of(self.bounds, a)
        verb = self.verb_index(a, last, seg_start, seg_end, predicate)
        if verb is not None and predicate == "launched":
            attacker = next((actor_at[j] for j in range(verb - 1, max(seg_start, verb - 4) - 1, -1)
                             if j in actor_at), None)
            target = next((actor_at[j] for j in range(verb + 1, min(seg_end, verb + 5)) if j in actor_at), None)
        elif verb is not None and predicate in ("downed", "recorded", "destroyed"):
            # the side that shoots down or records is the one attacked: the subject of the verb in its clause
            for j in range(verb - 1, seg_start - 1, -1):
                if j in actor_at:
                    target = actor_at[j]
                    break
                if j < a and predicate_at(self.tokens, j)[0] is not None:
                    break
        attack = self.attack_for(a, last)
        if attack is not None:
            attacker = attacker or attack.attacker
            target = target or attack.target
            target_place = attack.target_place
        return attacker, target, target_place

    def attack_for(self, a: int, last: int) -> context.Attack | None:
        found = self.attacks
        before = [x for x in found if x.index < a]
        if before:
            return before[-1]
        _, seg_end = context.segment_of(self.bounds, a)
        after = [x for x in found if last < x.index < min(seg_end, last + 7)]
        return after[0] if after else None

    def scope(self, k: int, a: int, seg_start: int, seg_end: int, last: int | None = None) -> Place | None:
        """Where the figure applies: a place named after it in its clause, up to another event or a relative
        clause about another noun ('fourteen stations along a route that runs from Harbour Gate in Port Ellery'
        does not place the stations), else a place in an earlier clause that holds no other count ('a blaze in
        Dunmore, about 140 kilometres up the coast, killed three workers')."""
        nxt = next((n.first_token for n in self.numbers[k + 1:] if n.first_token < seg_end and n.first_token > a),
                   seg_end)
        after = (last if last is not None else a) + 1
        relative = next((r for r in range(after + 1, seg_end) if self.w(r) in _RELATIVE_OPENERS and any(
            self.w(j) in _PLACING for j in range(after, r))), seg_end)
        nxt, end = min(nxt, relative), min(seg_end, relative)
        forward = _OTHER_EVENT_RE.split(self.sentence[self.tokens[a].start:self.tokens[max(a, nxt - 1)].end])[0]
        forward = forward[:SCOPE_REACH]
        rest = _OTHER_EVENT_RE.split(self.sentence[self.tokens[a].start:self.tokens[max(a, end - 1)].end])[0]
        found = find_scope(forward) or find_scope(rest)
        measures = {c.position[1] for c in self.claims if c.unit in MEASURE_DIMENSIONS}
        for start, end in reversed([b for b in self.bounds if b[1] <= seg_start]):
            if found is not None or any(start <= n.first_token < end and n.start not in measures
                                        for n in self.numbers):
                break
            # "In the Moscow region, three people were killed"; "a blaze in Dunmore, ..., killed three workers"
            found = find_scope(self.sentence[self.tokens[start].start:self.tokens[end - 1].end])
        return found or self.where_of(seg_start)

    def where_of(self, seg_start: int) -> Place | None:
        """'pointed to Ashby, the neighbouring district, where teachers settled for 5.2%': a clause opened by
        'where' is in the place named before it (over an aside that describes the place)."""
        if self.w(seg_start) != "where":
            return None
        for start, end in list(reversed([b for b in self.bounds if b[1] <= seg_start]))[:2]:
            first = end - 1  # the whole name: "New York, where ..." is in New York, not York
            while first - 1 > start and self.tokens[first - 1].kind == "word" and \
                    self.tokens[first - 1].text[:1].isupper():
                first -= 1
            name = self.tokens[end - 1]
            if name.kind == "word" and name.text[:1].isupper() and end - 1 > 0:
                return find_scope("in " + self.sentence[self.tokens[first].start:name.end])
        return None

    def anchor(self, a: int, seg_start: int, seg_end: int) -> str | None:
        start, end = self.tokens[seg_start].start, self.tokens[seg_end - 1].end
        here = self.tokens[a].start
        found = self.anchors
        opening = self.tokens[min(seg_start + 1, seg_end - 1)].start  # "In March 2025 a fire ... injured three"
        own = [key for pos, key in found if start <= pos < end and (abs(pos - here) <= ANCHOR_REACH or pos <= opening)
               and not self.of_an_earlier_verb(pos, a)]
        if own:
            return own[0]
        aside = self.time_aside(seg_start)
        if aside is not None:
            return aside
        lead = self.lead(seg_start)
        if lead is not None:  # "On Monday night, authorities reported that 91 drones..."
            lead_end = self.tokens[lead[1] - 1].end
            return next((key for pos, key in found if pos < lead_end), None)
        return None

    def today_is_now(self, anchor: str) -> bool:
        """Whether the figure's time is the 'today' of its sentence (a rate 'today' is a rate nowadays)."""
        if "rel:today" not in (key for _, key in context.anchors_in(self.sentence)):
            return False
        return anchor == "rel:today" or (self.published is not None and
                                         anchor == "day:" + WEEK[self.published.weekday()])

    def of_an_earlier_verb(self, pos: int, a: int) -> bool:
        """'which opened the plant in 2021 and employs about 230 people': a time before 'and' and a verb in the
        present tense belongs to the verb before it, not to the figure after."""
        for i in range(a - 1, 0, -1):
            if self.tokens[i].start <= pos:
                return False
            if self.w(i) in ("and", "but") and (self.w(i + 1) in ("now", "still", "today") or (
                    self.w(i + 1) in _PRESENT_VERBS or PREDICATE_OF.get(self.w(i + 1)) and self.w(i + 1).endswith("s")
                    and not self.w(i + 1).endswith("ss"))):
                return True
        return False

    def time_aside(self, seg_start: int) -> str | None:
        """The moment a clause before the figure's names for it: a clause that is only a time phrase ("the last
        fire, in 2019, killed four") or the moment a 'when' clause points back to ("the worst since 2019, when
        four people died": in 2019, not since)."""
        earlier = [b for b in self.bounds if b[1] <= seg_start]
        if self.w(seg_start) == "when" and earlier:
            named = self.anchors_within(*earlier[-1])
            if named:
                key = named[-1][1]
                return "year:" + key[len("since:"):] if key.startswith("since:") else key
        for start, end in reversed(earlier):
            if self.holds_figure(start, end):
                return None  # the clause of another figure: its time is its own
            named = self.anchors_within(start, end)
            if named and end - start <= _ASIDE_TOKENS and all(
                    self.w(i) in _ASIDE_LEAD for i in range(start, end) if self.tokens[i].start < named[0][0]):
                return named[0][1]
        return None

    def anchors_within(self, start: int, end: int) -> list[tuple[int, str]]:
        """The time anchors of the tokens [start, end)."""
        return [(pos, key) for pos, key in self.anchors
                if self.tokens[start].start <= pos < self.tokens[end - 1].end]

    def first_actor(self) -> str | None:
        return self.actors[min(self.actors)] if self.actors else None

    def is_forecast(self, seg_start: int, q_start: int, last: int, verb: int | None = None) -> bool:
        """'expected 180,000 jobs', 'could reach 50', 'estimates that it will carry 60,000 a day by 2032'. A bare
        'will' is a commitment ("will pay $3bn"), a forecast only with an estimate or a future 'by <year>'. A modal
        makes a forecast only as the figure's own verb's (`verb`, when known): not in a clause about something
        else ("12 explosions that could be heard"), nor of a figure the sentence takes as given ("his 75-minute
        journey could be cut in half", "the line's 14 stations will put homes within a walk")."""
        start = max(seg_start, q_start - 8)
        after = [self.tokens[i].text for i in range(last + 1, min(len(self.tokens), last + 3))]
        if any(word in FORECAST_WORDS for word in after):  # "the 2.1 percent growth rate projected by the IMF"
            return True
        if self.given(q_start):
            return False
        before = [self.tokens[i].text for i in range(start, q_start)]
        if any(word in FORECAST_WORDS for word in before):
            return True
        if self.modal_governs(start, q_start, last, verb):
            return True
        words = before + after
        if not {"will", "would"} & set(words):
            return False
        return bool({"estimates", "estimated", "projects", "plans", "planners"} & {w.lower() for w in words}) or bool(
            _BY_YEAR_RE.search(self.sentence[self.tokens[last].end:]))

    def given(self, q_start: int) -> bool:
        """'his 75-minute journey', 'the line's 14 stations', 'the previous two votes': a figure a determiner or a
        possessor presents as known."""
        i = q_start - 1
        while i > 0 and self.w(i) in _GIVEN_ADJECTIVES:
            i -= 1
        if self.w(i) == "s" and self.w(i - 1) in ("'", "’") and self.glued(i - 1, i):
            return True  # "the line's 14 stations"
        return self.w(i) in _GIVEN_BY

    def modal_governs(self, start: int, q_start: int, last: int, verb: int | None) -> bool:
        """A modal is the figure's own: right before the figure's verb ("could cost the retailer billions", "12
        people could be killed"), else the nearest one before the figure with no other clause between them, or
        one right after the figure's words ("$3 billion could be diverted"). 'could not' is a fact."""
        if verb is not None and (verb < q_start or verb > last):
            i = verb - 1
            while self.w(i) in _VERB_CHAIN or self.w(i) in ("not", "n't") or (
                    self.w(i).endswith("ly") and self.is_word(i)):
                i -= 1
            if i > last and self.w(last + 1) in _OTHER_CLAUSE:
                return False  # "12 drones that could be shot down": what can be done to them, not their number
            return self.is_modal(i)
        for i in range(q_start - 1, start - 1, -1):
            if self.tokens[i].text in FORECAST_MODALS:
                return self.is_modal(i)
            if self.w(i) in _OTHER_CLAUSE or self.w(i) in _CIRCUMSTANCE:
                break
        i = last + 1
        while self.w(i) in _VERB_CHAIN:
            i += 1
        return self.is_modal(i)

    def is_modal(self, i: int) -> bool:
        """Token i is 'could', 'might' or 'may' (not the month 'May'), not negated."""
        return 0 <= i < len(self.tokens) and self.tokens[i].text in FORECAST_MODALS and self.w(i + 1) not in (
            "not", "n't")
