"""What a sentence says around its numbers: clause segments, time anchors, who attacks whom, who says so.

These features decide whether two figures can be the same quantity: a count "on Saturday" is not the overnight
count, drones Russia launched at Ukraine are not drones Ukraine launched at Russia.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from brief.figures.numbers import Token, mentioned_values
from brief.figures.places import Place, actors, find_scope, reported_from
from brief.figures.vocabulary import ATTACK_NOUNS, CURRENCY_SYMBOLS, CURRENCY_WORDS, WEEK

_SEGMENT_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")", "[", "]"})
_SEGMENT_WORDS = frozenset({"while", "whereas", "but"})

_NIGHT = "night"
_ANCHOR_PATTERNS = [
    (re.compile(r"\b(?:so far|to date|since the (?:start|beginning|outbreak)|since the (?:war|invasion|conflict) "
                r"(?:began|started)|since (?:it|the war) began|in all since)\b"), lambda m: "cumulative"),
    (re.compile(r"\b(?:overnight|last night|tonight|before dawn|early hours|early morning|in the night)\b"),
     lambda m: _NIGHT),
    (re.compile(r"\bearlier (?:on |that |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|day)\b"),
     lambda m: "earlier:" + m.group(1)),
    (re.compile(r"\b(?<!earlier )(?<!earlier on )(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                r"(?:\s+(night|evening|morning|afternoon))?\b"),
     lambda m: _NIGHT if m.group(2) == "night" else "day:" + m.group(1)),
    (re.compile(r"\b(yesterday|today|this morning|earlier today)\b"), lambda m: "rel:" + m.group(1)),
    (re.compile(r"\b(last|earlier this|earlier that|the previous|the prior)\s+(week|weekend|month|year|summer|"
                r"winter|spring|autumn|fall)\b"),
     lambda m: ("prior:" if m.group(1) == "last" and m.group(2) in ("year", "month") else "last:") + m.group(2)),
    (re.compile(r"\b(\w+)\s+(days|weeks|months|years)\s+(?:ago|earlier|before)\b"),
     lambda m: "ago:" + m.group(1) + " " + m.group(2)),
    # a period of years is not one of its years: "earned $20 million between 2011 and 2014" is not "in 2014"
    (re.compile(r"\b(?:from|between)\s+((?:19|20)\d\d)\s*(?:to|and|through|until|till|-|–)\s*((?:19|20)\d\d)\b"),
     lambda m: "span:" + m.group(1) + "-" + m.group(2)),
    (re.compile(r"\b(in|since|during)\s+((?:19|20)\d\d)\b"), lambda m: ("since:" if m.group(1) == "since"
                                                                         else "year:") + m.group(2)),
    (re.compile(r"\bin\s+(january|february|march|april|may|june|july|august|september|october|november|"
                r"december)(?:\s+((?:19|20)\d\d))?\b"),
     lambda m: "month:" + m.group(1) + (" " + m.group(2) if m.group(2) else "")),  # "in October 2019"
]
# a cheap test before the anchor patterns run: a word that any of them needs
_ANCHOR_HINT = re.compile(r"day\b|night|dawn|early|yesterday|today|morning|last|earlier|previous|prior|ago|"
                          r"\b(?:19|20)\d\d\b|so far|to date|since|january|february|march|april|june|july|"
                          r"august|september|october|november|december")
_RATE_RE = re.compile(r"^\s*(?:(each|every|per|a|an)\s+(day|night|week|month|year|hour|minute|capita|head|barrel|"
                      r"share|tonne|ton|gallon|litre|liter|kilogram|kg|pound|ounce|person|household|"
                      r"\d[\d,]*\s+[a-z]+)|(daily|nightly|weekly|monthly|annually|yearly|hourly|a day|a year)|"
                      r"per\s+((?:[a-z]{2,}(?:ed|al|ic|ive|ful|ous|ary)\s+)?[a-z]{3,}))\b",
                      re.IGNORECASE)  # "28 pupils per class (this year)", "per trained employee"
_RATE_BEFORE_RE = re.compile(r"\b(daily|nightly|weekly|monthly|annual|yearly|average|averaging|on average|"
                             r"regularly|routinely)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_WITH_ATTACKER_RE = re.compile(r"\b(?:(not including|excluding|not counting|besides|in addition to|plus|apart from|"
                               r"other than|as well as)|(including|counting|among them|among the dead (?:is|was|"
                               r"were)))\s+(?:the|a|an|one|two|three|both)?\s*(?:\w+\s+)?(?:gunman|gunmen|shooter|"
                               r"shooters|attacker|attackers|assailant|assailants|suspect|suspects|bomber|bombers|"
                               r"perpetrator|perpetrators|hijacker|hijackers|killer)\b", re.IGNORECASE)
# who gives a figure: "according to X", "X said ...", "..., X said on Monday.", "..., said X."
_ACCORDING_RE = re.compile(r"\baccording to\s+([^,;:()—–]{2,160})", re.IGNORECASE)
# what may follow the verb at the end of a sentence: "said Monday", "said late on Monday", "said in a statement"
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)"
_TAIL = (r"(?:\s+(?:on|late|early|last|this|in|at|during|after|to|earlier|later|afterwards?|" + _DAY + r")\b"
         r"(?:(?!\b(?:that|which|who|whether|if|would|will|could)\b)[^,;:()]){0,60}?)?")
# only a day after "reported", "confirmed", "estimated": they may describe a thing ("a share confirmed in a letter
# from the ministry")
_WHEN = (r"(?:\s+(?:(?:late\s+|early\s+)?on\s+)?" + _DAY + r"|\s+last\s+(?:week|month|year)|\s+in\s+(?:january|"
         r"february|march|april|may|june|july|august|september|october|november|december))")
_SAY = (r"(?:(?:reported|reports|claimed|claims|announced|estimated|confirmed)" + _WHEN + r"?|(?:said|says|say|"
        r"told(?:\s+[\w.’'-]+){1,4})" + _TAIL + ")")
_END = r"\s*[.!?\"”'’]*\s*$"
_SAID_AFTER_RE = re.compile(r"^\s*([^,;:()]{2,80}?)\s+(?:has\s+|have\s+|had\s+)?" + _SAY + _END,
                            re.IGNORECASE)
_SAID_BARE_RE = re.compile(r"^\s*(?:has\s+|have\s+|had\s+)?" + _SAY + _END, re.IGNORECASE)
# "told about 600 supporters": the figure is who was told, not what was said
_SAID_BEFORE_RE = re.compile(r"^\s*([^,;:()]{2,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|reported|reports|"
                             r"claimed|claims|announced|estimated|confirmed|told\s+(?!(?:about|some|nearly|almost|"
                             r"around|roughly|over|more|up|as)\b)\w+|(put|puts))\b", re.IGNORECASE)
_SAID_INVERTED_RE = re.compile(r"^[\s\"”']*(?:said|says|according to)\s+([^,;:()]{3,80}?)" + _END, re.IGNORECASE)
_PUT_FORWARD_RE = re.compile(r"\s+(?:forward|(?:[\w'’-]+\s+){1,3}on the table)\b", re.IGNORECASE)
_SAID_NOTHING_RE = re.compile(r"\s*(?:little|nothing|no)\b", re.IGNORECASE)
_PUT_AT_RE = re.compile(r"\bat\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)  # "a poll put his approval rating at 30%"
_VOTE_CONTEXT = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballots?|in favou?r|abstain\w*|abstentions?)\b", re.IGNORECASE)
_REJECTED_RE = re.compile(r"\b(?:rejected|defeated|voted down|turned down|blocked|vetoed|voted against|threw out)\b",
                          re.IGNORECASE)
_SIDE_AFTER_RE = re.compile(r"(?:votes? |members |councillors |senators |lawmakers )?(?:(in favou?r|for|against|"
                            r"opposed)\b|(abstentions?|abstaining|abstained)\b)")
_REPORTED_ON_RE = re.compile(r"\b(?:said|says|told reporters|reported|announced|confirmed|added|stated)\s+"
                             r"(?:on\s+|late\s+on\s+|early\s+on\s+)?$")
_PERIOD_OF = {"daily": "day", "a day": "day", "nightly": "night", "weekly": "week", "monthly": "month",
              "annually": "year", "annual": "year", "yearly": "year", "a year": "year", "hourly": "hour"}
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")


@dataclass(frozen=True)
class Attack:
    """An attack named in a sentence ("the Ukrainian drone attack on Russia"), at token `index`."""

    index: int
    attacker: str | None
    target: str | None
    target_place: Place | None


def segments(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges [start, end) of the clauses of a sentence, split at commas, dashes, 'while', 'but'."""
    bounds, start = [], 0
    for i, tok in enumerate(tokens):
        if tok.text in _SEGMENT_PUNCT or (tok.kind == "word" and tok.low in _SEGMENT_WORDS):
            if i > start:
                bounds.append((start, i))
            start = i + 1
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    return bounds or [(0, len(tokens))]


def segment_of(bounds: list[tuple[int, int]], index: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= index < end:
            return start, end
    return (index, index + 1)


def anchors_in(text: str, published: datetime | None = None, reported: bool = False) -> list[tuple[int, str]]:
    """(char position, key) of every time anchor in `text`: "day:saturday", "night", "year:2022", "last:week".
    The day something was said ("officials said on Saturday") is not when it happened: left out unless
    `reported` (it still tells which days a story is about)."""
    low = text.lower()
    found = []
    if not _ANCHOR_HINT.search(low):
        return found
    for pattern, key in _ANCHOR_PATTERNS:
        for m in pattern.finditer(low):
            if reported or not _REPORTED_ON_RE.search(low, 0, m.start()):
                found.append((m.start(), _on_publication_day(key(m), published)))
    found.sort()
    return found


def _on_publication_day(key: str, published: datetime | None) -> str:
    """'today' and 'yesterday' become weekdays, 'last year' and 'last month' the year and the month they name,
    when the publication date is known: "last year" in a 2026 article is "in 2025"."""
    if key.startswith("prior:"):
        if published is None:
            return "last:" + key[len("prior:"):]
        if key == "prior:year":
            return f"year:{published.year - 1}"
        return "month:" + _MONTH_NAMES[(published.month - 2) % 12]
    if published is None or not key.startswith("rel:"):
        return key
    offset = 1 if key == "rel:yesterday" else 0
    return "day:" + WEEK[(published.weekday() - offset) % 7]


def rate_after(text_after: str) -> str | None:
    """'each night', 'a day', 'per capita', 'per class' right after a figure: it is a rate, not a count."""
    m = _RATE_RE.match(text_after)
    if not m:
        return None
    period = (m.group(2) or m.group(3) or m.group(4)).lower()
    return "per " + _PERIOD_OF.get(period, period)


def rate_before(text_before: str) -> str | None:
    """'regularly launching 100 drones', 'an average of 30 a day', 'daily arrivals of 2,000': a rate."""
    m = _RATE_BEFORE_RE.search(text_before)
    if not m:
        return None
    word = m.group(1).lower()
    if word in _PERIOD_OF:
        return "per " + _PERIOD_OF[word]
    return "on average" if "average" in word else "regularly"


def with_attacker(sentence: str) -> bool | None:
    """True when a toll says it includes the attacker, False when it says it does not, else None."""
    m = _WITH_ATTACKER_RE.search(sentence)
    if not m:
        return None
    return m.group(2) is not None


def vote_tallies(sentence: str, tokens: list[Token], numbers: list) -> dict[int, str]:
    """The sides of a vote: "by 41 votes to 35", "voted 41-35", "41 in favour and 35 against", "two abstentions".
    In "rejected by 44 votes to 32" the first count is against."""
    if not _VOTE_CONTEXT.search(sentence):
        return {}
    sides: dict[int, str] = {}
    low = [t.low for t in tokens]
    for k, (n, m) in enumerate(zip(numbers, numbers[1:])):
        i = n.last_token + 1
        if i < len(low) and low[i] in ("votes", "vote"):
            i += 1
        if i < len(low) and low[i] in ("to", "-", "–") and m.first_token == i + 1 and n.value and m.value:
            first = "against" if _REJECTED_RE.search(sentence[:n.start]) else "for"
            sides[k], sides[k + 1] = first, "against" if first == "for" else "for"
    for k, n in enumerate(numbers):
        after = " ".join(low[n.last_token + 1:n.last_token + 4])
        if k in sides or not n.value or _money_or_share(tokens, n):
            continue  # "in exchange for $5.7 billion for the wall" is no vote
        m = _SIDE_AFTER_RE.match(after)
        if m:
            sides[k] = "abstained" if m.group(2) else ("against" if m.group(1) in ("against", "opposed") else "for")
    return sides


def _money_or_share(tokens: list[Token], n) -> bool:
    """'$5.7 billion', '5.7 billion dollars', '40%': an amount or a share, never the count of a side of a vote."""
    before = tokens[n.first_token - 1].text if n.first_token > 0 else ""
    after = tokens[n.last_token + 1].low if n.last_token + 1 < len(tokens) else ""
    return before in CURRENCY_SYMBOLS or after in CURRENCY_WORDS or after in ("%", "percent", "per")


def attribution(sentence: str, tokens: list[Token], bounds: list[tuple[int, int]], index: int) -> str | None:
    """Who gives the figure at token `index`: "according to X", "X said ...", "..., X reported", "..., said X".
    Only a who is returned — a person, organisation, office, outlet, document or count — never a clause ("as
    the dossier", "appeared shaken after the attorneys"), a pronoun ("he") or words inside someone's quotation."""
    m = _ACCORDING_RE.search(sentence)
    who = _according_to(sentence, m.start(1), m.group(1)) if m else None
    if who:
        return who
    seg_start, _ = segment_of(bounds, index)
    own_start = tokens[seg_start].start
    who = _said_before(sentence, own_start, tokens[index].start, subordinate=True)
    if who:
        return who
    for k in range(len(bounds) - 1, -1, -1):
        start, end = bounds[k]
        if start <= index:
            break
        clause = sentence[tokens[start].start:tokens[end - 1].end]
        offset = tokens[start].start
        m = _SAID_AFTER_RE.match(clause) or _SAID_INVERTED_RE.match(clause)
        follows = sentence[tokens[bounds[k + 1][0]].start:] if k + 1 < len(bounds) else ""
        if _SAID_BARE_RE.match(clause):  # "..., said in a statement."
            who = _speaker_before(sentence, tokens, bounds, k, index)
        elif m and not (m.re is _SAID_INVERTED_RE and _NOT_APPOSITION_RE.match(follows)):
            who = _who(sentence, offset + m.start(1), m.group(1), clause_words=False)
        if who:
            return who
    first_start, _ = bounds[0]
    if first_start < seg_start:
        return _said_before(sentence, tokens[first_start].start, tokens[index].start, subordinate=False)
    return None


def _said_before(sentence: str, start: int, figure: int, subordinate: bool) -> str | None:
    """"X said ..." from `start` up to the figure at char `figure`. In the figure's own clause "after X said"
    makes X the sayer; in an earlier clause ("While the government has said little, two ...") it does not."""
    text = sentence[start:figure]
    m = _SAID_BEFORE_RE.match(text)
    if not m:
        return None
    if m.group(2) and not (_PUT_AT_RE.search(text, m.end()) or _PUT_FORWARD_RE.match(text, m.end())):
        return None  # "put great emphasis on" gives no figure; "put the toll at 40", "put forward 4.5%" do
    if _SAID_NOTHING_RE.match(text, m.end()):
        return None  # "has said little about the plan"
    if not subordinate and any(w.lower() in _CLAUSE_WORDS for w in _WORD_RE.findall(sentence[:start] + m.group(1))):
        return None  # "While the government has said little, two of ...": the figure is not what it said
    return _who(sentence, start + m.start(1), m.group(1), clause_words=subordinate)


def _speaker_before(sentence: str, tokens: list[Token], bounds: list[tuple[int, int]], k: int,
                    index: int) -> str | None:
    """"..., Jim Manley, a spokesman for Mr. Reid, said in an e-mail.": the name in the clause before the verb,
    or before its description. Only a name (capitalised words) after the figure is taken."""
    j = k - 1
    while j >= 0 and (_DESCRIPTION_RE.match(sentence[tokens[bounds[j][0]].start:tokens[bounds[j][1] - 1].end])
                      or (bounds[j][0] > 0 and tokens[bounds[j][0] - 1].text == "(")):  # "Zoe Lofgren (D-Calif.)"
        j -= 1
    if j < 0 or bounds[j][0] <= index:
        return None
    start, end = tokens[bounds[j][0]].start, tokens[bounds[j][1] - 1].end
    name = sentence[start:end]
    bare = name.lstrip(_QUOTES + " ")
    words = bare.split()
    if not 1 <= len(words) <= 5 or not all(w[0].isupper() for w in words):
        return None
    return _who(sentence, start, name, clause_words=False)


_MAX_WHO_WORDS = 8  # longer than this, a "who" is a clause, or its description runs on


def _according_to(sentence: str, start: int, phrase: str) -> str | None:
    """The who after "according to": cut before a clause ("officials who spoke ..."), and one too long for a label
    is cut before a participle ("a list of questions obtained by ...") or before the lower-case words it ends with
    ("an analysis of government data"); a name ("Office of the Historian of the House of Representatives") is kept
    whole up to ten words."""
    words = phrase.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    for i, word in enumerate(words):
        if i and word in _CLAUSE_WORDS:  # lower case only: "That" may open a name
            words = words[:i]
            break
    if len(words) > _MAX_WHO_WORDS:
        cut = next((i for i, w in enumerate(words) if i >= 2 and _participle(w)), None)
        if cut is not None:
            words = words[:cut]
    if len(words) > _MAX_WHO_WORDS:
        cut = next((i for i in range(len(words) - 1, 0, -1) if words[i] in _PREPOSITIONS
                    and not any(w[:1].isupper() for w in words[i + 1:])), None)
        if cut is not None and cut <= _MAX_WHO_WORDS:
            words = words[:cut]
    if len(words) > _MAX_WHO_WORDS + 2:
        return None
    return _who(sentence, start, " ".join(words), clause_words=False, max_words=_MAX_WHO_WORDS + 2, numbers=True)


def _who(sentence: str, start: int, phrase: str, clause_words: bool, max_words: int = _MAX_WHO_WORDS,
         numbers: bool = False) -> str | None:
    """`phrase` (at char `start` of the sentence) as a who, or None: quote marks, "the", a trailing time or
    adverb ("President Trump on Saturday", "U.S. intelligence reportedly") taken off; with `clause_words`, only
    what follows the last word opening a clause ("even though Mitt Romney" -> "Mitt Romney"), else such a word
    rejects it. Rejected: a pronoun, words inside a quotation, a negation, a dangling article, preposition,
    conjunction or auxiliary, a verb of a clause ("began", "was"), and (unless `numbers`) a number."""
    stripped = phrase.lstrip(_QUOTES + " ")
    start += len(phrase) - len(stripped)
    if _inside_quotation(sentence, start):
        return None
    words = stripped.rstrip(_QUOTES + "!?,;: ").split()
    if words and words[-1].endswith(".") and not _ABBREVIATION_RE.search(words[-1]):
        words[-1] = words[-1].rstrip(".")  # the full stop of the sentence, not of "U.N." or "Trump Jr."
    if clause_words:
        last = max((i for i, w in enumerate(words) if w.lower() in _CLAUSE_WORDS), default=-1)
        words = words[last + 1:]
        while words and words[0].lower() in ("and", "but", "or"):  # "..., and a recent poll put it at 30%"
            words = words[1:]
    words = _without_time_or_adverb(words)
    if words and words[0].lower() == "the":
        words = words[1:]
    if not 1 <= len(words) <= max_words:
        return None
    low = [w.lower() for w in words]
    if (low[0] in _PRONOUNS or (low[0] in _FUNCTION_WORDS and low[0] not in ("a", "an"))
            or low[-1] in _FUNCTION_WORDS or low[-1] in _DETERMINERS or low[-1] in _QUANTIFIERS
            or any(w in _NEGATIONS or w.endswith("n't") or w in _CLAUSE_VERBS for w in low)
            or (not clause_words and any(w in _CLAUSE_WORDS for w in low))
            or all(w in _FUNCTION_WORDS or w in _ADVERBS for w in low)):
        return None
    who = " ".join(words)
    if not numbers and mentioned_values(who):
        return None
    return who


def _without_time_or_adverb(words: list[str]) -> list[str]:
    """Words with a trailing "on Saturday", "last week", "reportedly", "had repeatedly" taken off."""
    words = list(words)
    while len(words) > 1:
        last = words[-1].lower().rstrip(".")
        if last in _WEEKDAYS_AND_DAYS or (last in _PERIODS and words[-2].lower() in ("last", "this", "earlier",
                                                                                      "later", "next")):
            del words[-1 if last in _WEEKDAYS_AND_DAYS else -2:]
            while len(words) > 1 and words[-1].lower() in ("on", "late", "early", "by"):
                words.pop()
            if len(words) > 1 and _participle(words[-1]):  # "a poll released Saturday" -> "a poll"
                words.pop()
        elif words[-1].islower() and (last in _ADVERBS or last in ("has", "have", "had")
                                      or (last.endswith("ly") and last not in _LY_NOUNS)):
            words.pop()
        else:
            break
    return words


def _inside_quotation(sentence: str, pos: int) -> bool:
    """Whether char `pos` lies inside a quotation: an opening curly quote still open, or an odd number of
    straight quotes before it and one more after it (a sentence cut from a longer quote has a lone one)."""
    before = sentence[:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1 and '"' in sentence[pos:]


def _participle(word: str) -> bool:
    """'obtained', 'published', 'speaking', 'intended': a lower-case word opening what describes a who."""
    return (word.islower() and len(word) >= 5 and word.endswith(("ed", "ing")) and word not in _ED_ING_NOUNS)


_ABBREVIATION_RE = re.compile(r"\.\w+\.$|^(?:jr|sr|inc|co|corp|ltd|bros|st)\.$", re.IGNORECASE)
_QUOTES = "\"“”'‘’—–-"
_WORD_RE = re.compile(r"[\w'’-]+")
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "there",
                       "which", "who", "whom", "what", "someone", "somebody", "everyone", "nobody"})
# a who on their own only with a noun: "Some say" no, "Some members of the congregation said" yes
_QUANTIFIERS = frozenset({"some", "many", "most", "others", "few", "all", "both", "each", "either", "neither",
                          "several", "them", "us", "him", "me", "it"})
_CLAUSE_WORDS = frozenset({"after", "before", "since", "because", "although", "though", "unless", "until",
                           "whether", "if", "when", "whenever", "while", "whereas", "where", "that", "which", "who",
                           "whom", "whose", "what", "as", "than", "so", "once"})
_PREPOSITIONS = frozenset({"of", "in", "on", "at", "by", "for", "from", "to", "with", "about", "over", "into",
                           "under", "among", "between", "during", "through", "against", "toward", "towards"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
                          "did", "will", "would", "can", "could", "may", "might", "shall", "should", "must"})
_FUNCTION_WORDS = _PREPOSITIONS | _AUXILIARIES | frozenset({"a", "an", "and", "or", "but", "nor", "yet", "even",
                                                            "also", "only", "just", "then", "now", "still"})
_CLAUSE_VERBS = _AUXILIARIES | frozenset({"began", "begun", "came", "went", "got", "seemed", "appeared"})
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "this", "that"})
_NEGATIONS = frozenset({"not", "never", "no"})
_ADVERBS = frozenset({"also", "only", "just", "then", "now", "still", "already", "again", "later", "earlier",
                      "since", "first", "once", "too", "however", "meanwhile", "afterward", "afterwards"})
_LY_NOUNS = frozenset({"family", "assembly", "ally", "supply", "daily", "weekly", "monthly", "quarterly", "rally",
                       "anomaly", "monopoly", "reply", "july", "italy", "homily", "fly", "panoply"})
_WEEKDAYS_AND_DAYS = frozenset(WEEK) | frozenset({"yesterday", "today", "tonight"})
_PERIODS = frozenset({"week", "weekend", "month", "year", "night", "morning", "afternoon", "evening"})
_ED_ING_NOUNS = frozenset({"building", "meeting", "hearing", "briefing", "funding", "spending", "polling", "housing",
                           "training", "banking", "ruling", "filing", "listing", "ranking", "rating", "reporting",
                           "morning", "evening", "wedding", "shooting", "bombing", "fighting", "killing",
                           "hundred", "during", "according", "including", "thing", "something", "nothing",
                           "anything", "everything", "spring", "string", "accounting", "marketing", "planning",
                           "engineering", "broadcasting", "publishing", "lending", "pricing", "sentencing",
                           "bureau"})
# after "said X,": a clause that is not a description of X ("said the nation faces problems, such as ...")
_NOT_APPOSITION_RE = re.compile(r"\s*(?:such as|including|adding|but|and|while|because|although|though|even|so|"
                                r"as)\b", re.IGNORECASE)
# a description of a person or body between a name and its verb: "a spokesman for Mr. Reid", "an attorney for"
_DESCRIPTION_RE = re.compile(r"^\s*(?:a|an|the|his|her|their|its)\s+[a-z][^,;:()]*$|^\s*[a-z][\w-]*\s+(?:of|for|at|"
                             r"to)\b[^,;:()]*$")


def attacks(sentence: str, tokens: list[Token], bounds: list[tuple[int, int]],
            actor_at: dict[int, str]) -> list[Attack]:
    """Attacks named in the sentence, with the attacker (a country or demonym right before the attack noun, or
    the subject of "its" attack) and the target (the place after "on"/"against")."""
    found = []
    for i, tok in enumerate(tokens):
        if tok.kind != "word" or tok.low not in ATTACK_NOUNS:
            continue
        seg_start, seg_end = segment_of(bounds, i)
        attacker = None
        for j in range(i - 1, max(seg_start, i - 4) - 1, -1):
            if j in actor_at:
                attacker = actor_at[j]
                break
            if tokens[j].low in _POSSESSIVE_PRONOUNS:
                attacker = next((actor_at[k] for k in range(j - 1, seg_start - 1, -1) if k in actor_at), None)
                break
        target, target_place = None, None
        for j in range(i + 1, min(seg_end, i + 3)):
            if tokens[j].low in ("on", "against", "at", "targeting"):
                rest = sentence[tokens[j].start:tokens[seg_end - 1].end]
                target_place = find_scope(rest)
                target = next((actor_at[k] for k in range(j + 1, min(seg_end, j + 5)) if k in actor_at), None)
                break
        found.append(Attack(i, attacker, target, target_place))
    return found


def actor_tokens(sentence: str, tokens: list[Token]) -> dict[int, str]:
    """Token index -> country for each country, demonym or city named (reporters "authorities in X" excluded)."""
    by_start = {tok.start: i for i, tok in enumerate(tokens)}
    result = {}
    for pos, country in actors(sentence):
        i = by_start.get(pos)
        if i is None:
            continue
        if not reported_from(sentence, pos):
            result[i] = country
    return result
