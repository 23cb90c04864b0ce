"""What a figure counts and what happened to it: the noun after it ("91 drones"), or the subject of a level
("the death toll rose to 48"), and the predicate ("were killed", "shot down", "14 deaths")."""
from __future__ import annotations

from brief.figures import context
from brief.figures.numbers import Token
from brief.figures.places import DEMONYMS, mentions
from brief.figures.sentence import Sentence
from brief.figures.vocabulary import (
    ADDED,
    ARRIVAL_PHRASES,
    ATTACK_NOUNS,
    CANONICAL_NOUNS,
    CHANGE_PREDICATES,
    COUNTED_PHRASES,
    COUNTED_SYNONYMS,
    CURRENCIES,
    CURRENCY_WORDS,
    IRREGULAR_SINGULARS,
    LEVEL_VERBS,
    MEASURE_DIMENSIONS,
    MONEY_KINDS,
    MONEY_NOUNS,
    MONEY_PREDICATES,
    MONTHS,
    NOUN_PREDICATES,
    PEOPLE_PREDICATES,
    PEOPLE_SUBSETS,
    PREDICATE_OF,
    PREDICATE_PHRASES,
    RATE_PERIODS,
    SEVERITY_WORDS,
    STOPWORDS,
    TIME_UNITS,
    UNSTATED,
    WEEKDAYS,
)

_AUXILIARIES = frozenset({"were", "was", "had", "have", "has", "been", "are", "is", "being", "be", "reportedly",
                          "also", "later", "all", "now", "either", "allegedly", "believed", "feared", "confirmed",
                          "initially", "subsequently", "then", "so", "far", "mostly", "mainly", "both"})
_GENERIC_NOUNS = frozenset({"figure", "figures", "number", "numbers", "total", "tally", "count", "estimate",
                            "estimates", "amount", "sum", "level", "rate", "times", "time", "percent", "point",
                            "points", "cent", "way", "ways", "thing", "things", "kind", "part", "parts", "lot",
                            "piece", "pieces", "side", "sides", "other", "others", "ones", "one", "more", "most",
                            "less", "top", "record", "high", "low", "half", "fraction", "share", "majority"})
_LINK_WORDS = frozenset({"the", "a", "an", "put", "puts", "estimated", "estimate", "estimates", "pegged", "placed",
                         "up", "down", "slightly", "sharply", "further", "marginally", "edged", "ticked", "inched",
                         "just", "back"})
# common irregular verbs, which a noun phrase never ends in: "two of the three took"
_IRREGULAR_VERBS = frozenset({
    "took", "made", "said", "went", "came", "gave", "got", "saw", "told", "held", "left", "met", "ran", "began",
    "became", "fell", "rose", "won", "lost", "paid", "sent", "spent", "kept", "brought", "thought", "found", "put",
    "set", "let", "did", "were", "was", "had", "have", "fought", "caught", "taught", "bought", "spread", "hit",
    "cut", "shut", "led", "fled"})
# the verb of a clause right after its subject: "12 rescue workers were hurt", "a dozen rescue teams searched"
_FINITE_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
                           "may", "might", "must", "should", "did", "do"}) | _IRREGULAR_VERBS
# words that end a noun phrase after a figure although they are not function words
_NOT_NOUNS = frozenset({"overnight", "today", "yesterday", "tonight", "ago", "earlier", "later", "apiece", "alone",
                        "altogether", "combined", "respectively", "annually", "daily", "nightly", "weekly",
                        "monthly", "yearly", "before", "since", "now", "last", "next", "this", "away", "against",
                        "favour", "favor",
                        # directions: "60 kilometres south of the capital" measures a distance, counts nothing
                        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "northern", "southern", "eastern", "western", "from", "up", "down",
                        # "three weeks due to a court order", "two weeks ahead of the vote"
                        "due", "ahead", "apart", "alive", "long", "tall", "old", "wide", "deep", "together",
                        "instead", "anyway"}) | _IRREGULAR_VERBS

# "52 votes in favour and 47 against": the second figure counts what the first counts
# words between a figure's noun and its verb: "nine people were taken to hospital", "were not reported hurt"
_PASSIVE_PATH = frozenset({"not", "n't", "reported", "said", "taken", "rushed", "admitted", "flown", "sent", "to",
                           "treated", "being", "left"})
_OTHER_WORDS = frozenset({"other", "more", "additional", "further"})
# plural nouns that do not end in -s, and words in -s that are no plural
_PLURALS = frozenset({"people", "men", "women", "children", "police", "feet", "teeth", "mice", "geese", "cattle",
                      "personnel", "staff", "clergy", "faculty", "aircraft", "livestock", "offspring", "data"})
_S_SINGULARS = frozenset({"news", "series", "species", "gas", "bus", "lens", "bias", "atlas", "canvas", "chaos",
                          "means", "arms", "perhaps", "always", "towards", "afterwards", "overseas", "whereas",
                          "sometimes", "besides", "headquarters", "whereabouts", "congress", "mars", "texas"})
_LY_NOUNS = frozenset({"family", "ally", "rally", "supply", "assembly", "reply", "belly", "bully", "jelly", "lily",
                       "anomaly", "monopoly", "homily", "folly", "tally", "gully", "holly", "butterfly", "italy",
                       "july", "daily", "weekly", "monthly", "quarterly"})
# titles before a name, written with a dot: "Mr. Trump's trips"
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "prof", "capt",
                     "adm", "maj", "cpl", "pres", "hon", "rev"})
# words that open another clause: a verb before them is not the verb of a figure after them
_CLAUSE_OPENERS = frozenset({"as", "that", "which", "who", "whom", "whose", "where", "when", "because", "if",
                             "after", "before", "since", "until", "though", "although", "whether", "unless"})
_PREPOSITIONS = frozenset({"in", "on", "at", "for", "from", "by", "with", "after", "before", "during", "near",
                           "over", "under", "into", "across", "through", "since", "until", "among", "off", "out",
                           "up", "down", "of", "to", "around", "inside", "outside", "between", "against",
                           "toward", "towards", "without", "within", "via", "per", "about"})
_OBJECT_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "those", "these"})
_PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# after the figure's noun, the verb of a relative clause is its own: "the three people who died"
_RELATIVES = frozenset({"who", "that", "which"})
# a word of an event right after one of these is a noun: "Comey's firing", "our big win", "the demands"
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "s"})
_ELLIPSIS_BEFORE = frozenset({"and", "or", "vs", "versus", "against", "with"})
# "including 91 over the capital": a part of the figure before, counting the same thing
INHERIT_BEFORE = frozenset({"including", "includes", "include", "among", "incl"})
_PROJECTILES = frozenset({"drones", "missiles", "rockets", "shells", "bombs", "aircraft", "helicopters"})
# prepositions whose object a figure is: the verb before them is not what happened to it
_GOVERNING = frozenset({"in", "on", "for", "from", "with", "after", "before", "during", "near", "into", "across",
                        "through", "since", "until", "among", "of", "to", "inside", "outside", "against", "toward",
                        "towards", "without", "within", "via"})
# events that happen to what is counted (not ones it does: attended, voted, won, paid, demanded, ...)
_DONE_TO = frozenset({"killed", "injured", "hospitalised", "missing", "arrested", "evacuated", "rescued",
                      "launched", "downed", "destroyed", "hit", "seized", "recaptured", "cut off", "fined"})
# "20 engines were sent", "5,000 troops were deployed": things sent, not launched like a weapon
_SENDING = frozenset({"sent", "sending", "send", "sends", "dispatched", "dispatching", "dispatch", "deployed",
                      "deploying", "deploy", "deploys"})
_LENGTHS = frozenset({"km", "miles", "m", "ft"})
# "last year, which is about one-third of ...": a time is not what a relative pronoun after it measures
_TIME_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "time", "today",
                         "yesterday", "tonight", "night", "morning", "evening", "afternoon", "period", "decade"}) | \
    MONTHS | WEEKDAYS
_LAUNCHING = frozenset({"launched", "launching", "launch", "launches", "carried", "out"})  # "carried out"
_LAUNCHED_THINGS = _PROJECTILES | {"munition", "projectile", "warhead", "torpedo", "satellite", "round", "bullet"}
# phrases whose last word, elsewhere an event, names none here: "$1.375 billion, as opposed to the $5.7 billion"
_NO_EVENT_PHRASES = frozenset({("as", "opposed")})
# words of the vote on an amount of money that turn it down: "rejected $5.7 billion"
_REFUSALS = frozenset({"rejected", "opposed"})
# events that happen to people and things, never to an amount of money
_THING_PREDICATES = PEOPLE_PREDICATES | {"launched", "downed", "destroyed", "controlled", "hit", "cut off",
                                         "employed", "recorded"}


def singular(word: str) -> str:
    """A crude English singular: 'casualties' -> 'casualty', 'drones' -> 'drone', 'people' stays."""
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def plural(word: str) -> bool:
    """Whether a noun looks plural: 'files', 'people', 'CDs'; not 'news', 'gas', 'politics' or 'business'."""
    if word in _PLURALS or (word.endswith("men") and len(word) > 5):  # "chairmen", "gunmen"
        return True
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "'s", "’s")) and \
        word not in _S_SINGULARS and word not in STOPWORDS


def is_adverb(word: str) -> bool:
    """'knowingly', 'largely', 'warmly': an -ly word that is no noun ('family', 'rally', 'ally')."""
    return len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS and word not in COUNTED_SYNONYMS


def counted_key(words: list[str]) -> str | None:
    """Canonical key of what a noun phrase counts: 'unmanned aerial vehicles' -> 'drones'."""
    if not words:
        return None
    if words[0] == "other" and len(words) > 1:  # "eleven other stations"; "18 other people" are just people
        rest = counted_key(words[1:])
        return rest if rest is None or rest == "people" or rest in PEOPLE_SUBSETS else "other " + rest
    if words[0] in ("more", "additional", "further") and len(words) > 1:  # "two more bodies" add to a count
        rest = counted_key(words[1:])
        return None if rest is None else ADDED + " " + rest
    for size in (3, 2):
        for start in range(len(words) - size, -1, -1):
            key = COUNTED_PHRASES.get(tuple(words[start:start + size]))
            if key and start + size == len(words):
                return key
    known = [(i, COUNTED_SYNONYMS.get(w) or COUNTED_SYNONYMS.get(singular(w)) or _nationals(w))
             for i, w in enumerate(words)]
    known = [(i, key) for i, key in known if key]
    if known and known[-1][0] < len(words) - 1 and plural(words[-1]) and words[-1] not in _GENERIC_NOUNS:
        return singular(words[-1])  # "three House committee chairmen" count chairmen, not homes
    if known:
        # "voters cast ballots": two known nouns apart are noun + verb + noun, the first is what is counted
        if len(known) > 1 and known[-1][0] - known[-2][0] > 1:
            return known[0][1]
        return known[-1][1]
    head = words[-1]
    if head in _GENERIC_NOUNS:  # "the unemployment rate" measures unemployment
        return counted_key(words[:-1]) if len(words) > 1 and words[-2] not in _GENERIC_NOUNS else None
    return singular(head)


# words before a counted noun that do not narrow it to a kind: how sure, how many, which of them, or the attack
# itself ("the reported 23 missiles", "three separate interviews", "91 attack drones" in a story of an attack)
_NEUTRAL_MODIFIERS = frozenset({
    "new", "total", "overall", "separate", "different", "same", "various", "several", "individual", "numerous",
    "estimated", "reported", "confirmed", "suspected", "alleged", "possible", "apparent", "unidentified", "known",
    "official", "actual", "enemy", "hostile", "incoming", "remaining", "entire", "whole", "combined", "respective",
    "extra", "fresh", "such", "own", "many", "other"}) | ATTACK_NOUNS

_PLACE_PARTS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                          "latin"})


def kind_words(noun_text: str) -> tuple[str, ...]:
    """The words, as written, that narrow what a figure counts to a kind of it: 'intercontinental ballistic' of
    'three intercontinental ballistic missiles', 'rural' of 'seven rural counties', 'construction' of '3,000
    construction jobs'. Not a synonym ('unmanned aerial vehicles', 'Shahed drones' are drones), a place or
    nationality ('Ukrainian territory', 'U.S. troops': whose, told by the sides and the place of a figure), an
    event ('injured workers': told by the predicate) nor a word that does not narrow ('separate', 'reported')."""
    return _kind_and_head(noun_text)[0]


def kind_label(noun_text: str) -> str | None:
    """What a figure counts, named by its kind and its noun as written ('intercontinental ballistic missiles',
    'Capitol Police officers'), or None when its words name no kind."""
    kind, head = _kind_and_head(noun_text)
    return " ".join(kind + head) if kind else None


def _kind_and_head(noun_text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = noun_text.split()
    lows = [w.lower() for w in words]
    if len(words) < 2:
        return (), tuple(words)
    key = counted_key(lows)
    size = next((n for n in (3, 2) if len(lows) >= n and tuple(lows[-n:]) in COUNTED_PHRASES), 1)
    placed = set()
    for start, end, _ in mentions(noun_text):
        first = len(noun_text[:start].split())
        placed.update(range(first, len(noun_text[:end].split())))
        if first > 0 and lows[first - 1] in _PLACE_PARTS:
            placed.add(first - 1)  # "Central American migrants"
    kind = tuple(word for i, (word, low) in enumerate(zip(words[:-size], lows[:-size]))
                 if i not in placed and low not in STOPWORDS and low not in _NEUTRAL_MODIFIERS
                 and low not in PREDICATE_OF and not is_adverb(low) and counted_key([low]) != key)
    return kind, tuple(words[-size:])


def _acronym(word: str) -> bool:
    """'UAVs', 'MPs': capitals that abbreviate a common noun, not a name."""
    letters = word[:-1] if word.endswith("s") else word
    return len(letters) > 1 and letters.isupper()


def _money_kind(words: list[str]) -> str:
    """What an amount is: 'a $45,000 fine' -> 'fine'; a plan's, a project's or a deal's cost -> 'amount'."""
    return next((MONEY_KINDS[w] for w in reversed(words) if w in MONEY_KINDS), "amount")


def _nationals(word: str) -> str | None:
    """'42 Palestinians', 'three Britons': people named by their nationality are people."""
    return "people" if word.endswith("s") and (word in DEMONYMS or word[:-1] in DEMONYMS) else None


_PHRASE_FIRST_WORDS = frozenset(words[0] for words in PREDICATE_PHRASES)
_PHRASE_LAST_WORDS = frozenset(words[-1] for words in PREDICATE_PHRASES)


def predicate_at(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """The predicate starting at token i (a phrase such as 'shot down' first) and its last token index."""
    for size in ((3, 2) if tokens[i].low in _PHRASE_FIRST_WORDS else ()):
        words = tuple(tokens[k].low for k in range(i, min(len(tokens), i + size)))
        if len(words) == size and words in PREDICATE_PHRASES:
            return PREDICATE_PHRASES[words], i + size - 1
    if tokens[i].kind == "word" and not _in_compound(tokens, i) and not _is_month_name(tokens[i]) and not _no_event(
            tokens, i):
        return PREDICATE_OF.get(tokens[i].low), i
    return None, i


def _in_compound(tokens: list[Token], i: int) -> bool:
    """Part of a hyphenated word ('high-rise', 'burnt-out'): not a verb of its own."""
    before = i > 0 and tokens[i - 1].text == "-" and tokens[i - 1].end == tokens[i].start
    after = i + 1 < len(tokens) and tokens[i + 1].text == "-" and tokens[i].end == tokens[i + 1].start
    return before or after


def _no_event(tokens: list[Token], i: int) -> bool:
    """'as opposed to': a word of an event inside a phrase that states none."""
    return i > 0 and (tokens[i - 1].low, tokens[i].low) in _NO_EVENT_PHRASES


def _is_month_name(token: Token) -> bool:
    return token.text[:1].isupper() and token.low in MONTHS  # "March", "May": not verbs


def predicate_ending_at(tokens: list[Token], i: int) -> str | None:
    """The predicate whose last token is i ('shot down' ending at 'down')."""
    for size in ((3, 2) if tokens[i].low in _PHRASE_LAST_WORDS else ()):
        if i - size + 1 >= 0:
            words = tuple(tokens[k].low for k in range(i - size + 1, i + 1))
            if words in PREDICATE_PHRASES:
                return PREDICATE_PHRASES[words]
    if tokens[i].kind == "word" and not _in_compound(tokens, i) and not _is_month_name(tokens[i]) and not _no_event(
            tokens, i):
        return PREDICATE_OF.get(tokens[i].low)
    return None


class MeaningReader(Sentence):
    """Reads what a figure counts and the event it belongs to."""

    def meaning(self, q, k: int) -> tuple[str, list[str], int, str | None, bool] | None:
        """(what is counted, its words, its last token, predicate, whether the words name it) of the Quantity
        `q` of number `k`, or None when the sentence does not say what the figure counts."""
        a = self.numbers[k].first_token
        if k in self.tallies:
            side = self.tallies[k]
            return ("abstentions", ["abstentions"], q.end, None, True) if side == "abstained" else (
                "votes", ["votes"], q.end, side, True)
        noun_words, noun_end, inherit = self.noun_after(q.end, q.unit)
        noun = counted_key(noun_words)
        if q.unit in _LENGTHS and self.w(q.start - 1) == "within":
            noun, noun_words = "radius", self.radius_words(q.end, noun_end)  # "within two kilometres of the plant"
        written = self.tokens[noun_end].text if noun_words and noun_end > 0 else ""
        if written[:1].isupper() and not _acronym(written) and noun_words[-1] in COUNTED_SYNONYMS:
            noun = singular(noun_words[-1])  # "a half-dozen House and Senate Democrats": a name, no homes
        if noun == "amount" and q.unit is None and noun_words:
            noun = singular(noun_words[-1])  # "a dozen packages" are parcels, not an amount of money
        from_phrase = noun is not None
        predicate = self.predicate(q.start, a, max(q.end, noun_end), noun_words)
        head = self.claims[-1] if self.claims else None
        if noun is None and not inherit and q.unit is None and self.w(q.start - 1) != "of" and self.arrives(
                max(q.end, noun_end) + 1):
            predicate = "attended"  # "about 38,000 came to the rally": the count is the crowd
        if noun is None and inherit and head is None:
            if not (self.w(noun_end) in ("others", "other") and predicate in PEOPLE_PREDICATES and q.unit is None):
                return None  # "Two of them died at the scene": a part of a figure in another sentence
            noun, noun_words = "people", ["people"]  # "Nine others were injured": people besides those counted
        if noun is None and head is not None and (inherit or self.w(q.start - 1) in INHERIT_BEFORE):
            noun, noun_words, predicate = head.noun, head.noun_text.lower().split(), predicate or head.predicate
        if noun is None:
            subject = self.subject_before(q.start, q.unit)
            if subject:
                noun, noun_words = counted_key(subject), subject
                predicate = predicate or NOUN_PREDICATES.get(subject[-1])
        if noun is None and predicate in PEOPLE_PREDICATES and q.unit is None:
            noun, noun_words = "people", ["people"]  # "killed two"
        before = self.w(q.start - 1)
        elliptic = before in LEVEL_VERBS or before in _ELLIPSIS_BEFORE or (
            predicate is not None and predicate_ending_at(self.tokens, q.start - 1) is not None)
        shares = q.unit == "%" and head is not None and head.unit == "%" and head.holder is not None
        # "Smith won 52% of the vote, Jones took 45%": the second share is of the same vote
        if noun is None and head is not None and (elliptic or shares) and q.unit == head.unit:
            noun, noun_words, predicate = head.noun, head.noun_text.lower().split(), predicate or head.predicate
        if q.unit in CURRENCIES:
            noun = _money_kind(noun_words) if noun is not None else None
            if noun is None and predicate == "fined":
                noun, noun_words = "fine", ["fine"]  # "was fined $45,000"
        elif predicate in MONEY_PREDICATES:
            predicate = None  # "spent the night at a sports centre": people are not paid
        if q.unit in CURRENCIES and predicate in _THING_PREDICATES:
            predicate = None  # "the $1.7 billion sent to the fund" was not launched, "$2m of debt" not controlled
        if noun is None and q.unit is not None and q.unit not in TIME_UNITS:
            noun, noun_words = UNSTATED, [MEASURE_DIMENSIONS.get(q.unit, "amount" if q.unit in CURRENCIES else
                                                                 "share")]  # "it measured about 1.6 metres"
        if noun is None or (before == "the" and self.w(q.start - 2) == "of" and not noun_words):
            return None  # "two of the three"
        last = max(q.end, noun_end)
        if predicate == "injured" and self.severe(q.start, last):
            predicate = "seriously injured"
        if noun in _PROJECTILES and predicate == "destroyed":
            predicate = "downed"  # a drone destroyed in the air is a drone shot down
        if q.unit in CURRENCIES:
            predicate = self.money_event(q, a, noun_words, predicate)
        if predicate == "launched" and noun not in _LAUNCHED_THINGS:
            predicate = self.sending(a, last, noun)
        return noun, noun_words, noun_end, predicate, self.names_what_it_counts(q, noun, noun_words, from_phrase)

    def sending(self, a: int, last: int, noun: str) -> str | None:
        """'20 engines were sent to the site', 'dispatched 40 agents': things or people sent are not launched like
        weapons. Other things are launched only in those words ('launched three inquiries', 'carried out 30
        raids'): villages attacked, industries aimed at or workers fired were not."""
        verb = self.verb_index(a, last, *context.segment_of(self.bounds, a), "launched")
        word = self.w(verb) if verb is not None else ""
        if word in _SENDING:
            return "sent"
        return "launched" if word in _LAUNCHING and noun != "people" and noun not in PEOPLE_SUBSETS else None

    def radius_words(self, end: int, noun_end: int) -> list[str]:
        """'within two kilometres of the plant': a radius around the plant, not a length of plant."""
        if self.w(end + 1) != "of" or noun_end <= end + 1:
            return ["radius"]
        return ["radius", "around"] + [self.w(i) for i in range(end + 2, noun_end + 1) if self.is_word(i)]

    def money_event(self, q, a: int, noun_words: list[str], predicate: str | None) -> str | None:
        """What happens to an amount of money. Right before the name of a thing ('approved a $2.4 billion plan',
        'the $12 million renovation') it is what the thing costs: the verb is the thing's, not the money's. A
        vote approves or rejects an amount ('Congress approved $1.3 billion'); paid, cost, approved and won are
        one outlay when figures are compared (OUTLAY_PREDICATES), each shown in its own words."""
        if self.prices_a_thing(q, noun_words):
            return "cost"
        if predicate == "voted":
            verb = self.verb_index(a, q.end, *context.segment_of(self.bounds, a), predicate)
            return "rejected" if verb is not None and self.w(verb) in _REFUSALS else "approved"
        return predicate

    def prices_a_thing(self, q, noun_words: list[str]) -> bool:
        """'a $2.4 billion plan', 'a $600 airline ticket': the words right after the amount name a thing, not
        money ('a $45,000 fine', 'a $50 million aid package', 'the $831 billion stimulus', '$3bn of aid')."""
        first = self.w(q.end + 1)
        if not noun_words or not self.is_word(q.end + 1) or first in STOPWORDS or first in ("in", "of", "out", "off"):
            return False  # "took $700 billion out of Medicare"
        if noun_words[-1] in _GENERIC_NOUNS:
            return False  # "the $6,400 figure"
        return not any(w in MONEY_KINDS or w in MONEY_NOUNS or w in CURRENCY_WORDS
                       or COUNTED_SYNONYMS.get(w) == "amount" for w in noun_words)

    def names_what_it_counts(self, q, noun: str, noun_words: list[str], from_phrase: bool) -> bool:
        """Whether the words after a count name things: a plural noun ('three Tijuana locations' ended at
        'Tijuana', 'two of former ...' at 'former', 'the 22 bank charges' at 'bank' do not), a known noun, or
        a single thing ('one source'). A level's subject, a noun taken from another figure or a predicate
        ('killed two') names what is counted in its own way."""
        if not from_phrase or q.unit is not None or noun in CANONICAL_NOUNS or not noun_words or q.value == 1:
            return True
        return plural(noun_words[-1].split("-")[-1])

    def noun_after(self, end: int, unit) -> tuple[list[str], int, bool]:
        """Words of the noun phrase after the figure, its last token, and whether it points back ('others').

        A count's phrase ends at its plural noun ('100,000 secret files prove it', 'two leaders hold talks'); a
        possessor is not what is counted ('four of the mayor's trips' counts trips); an adverb is never the noun
        ('two years knowingly', 'seven largely rural counties' counts counties); an abbreviation such as 'U.S.'
        is a word of the phrase ('28,500 U.S. troops')."""
        i = end + 1
        seg_start, seg_end = context.segment_of(self.bounds, max(0, end))
        if self.w(i) == "of":  # "20% of the land", "three of the victims", "86 of which"
            if unit is None and self.w(i + 1) in ("which", "whom", "them", "those", "these"):
                return [], i + 1, True
            i += 1
        elif unit in CURRENCIES and self.w(i) == "in":  # "$50 billion in damage"
            i += 1
        elif unit in CURRENCIES and self.w(i) == "worth" and self.w(i + 1) == "of":  # "$2 million worth of cocaine"
            i += 2
        words: list[str] = []
        last = end
        shared = unit == "%" and self.w(end + 1) == "of"
        measured = unit in MEASURE_DIMENSIONS and self.w(end + 1) == "of"
        ratio = unit == "%" and self.w(end - 1) in ("in", "of") and end in self.number_tokens  # "one in five adults"
        counted = unit is None or shared or ratio  # "three quarters of applicants pass", "one in five adults smoke"
        while i < seg_end and len(words) < 5:
            if counted and words and plural(words[-1]) and not self.plural_at(i):
                break  # "100,000 secret files prove it": the noun of a count ended at its plural
            tok = self.tokens[i]
            low = tok.low
            title_end = self.abbreviation_end(i)
            if title_end is not None:  # "U.S.", "Mr.": one word, as written
                if low in _TITLES:
                    i = title_end + 1  # "Mr. Trump's trips": the title is part of a possessor's name
                    continue
                words.append("".join(self.tokens[j].text for j in range(i, title_end + 1)).lower())
                last, i = title_end, title_end + 1
                continue
            if tok.kind == "punct":
                if low in ("'", "’") and self.w(i + 1) == "s":  # possessive: "Ukraine's territory"
                    if self.is_word(i + 2) and self.w(i + 2) not in STOPWORDS and self.w(i + 2) not in _NOT_NOUNS:
                        words = []  # "four of the mayor's aides" counts aides; "Ukraine's territory" territory
                    elif words:
                        if self.tokens[i - 1].text.isupper():
                            words[-1] += "s"  # "183 CD's" are CDs
                            last = i + 1
                        break
                    i += 2
                    continue
                if low == "-" and words and self.glued(i - 1, i) and self.is_word(i + 1) and self.glued(i, i + 1):
                    words[-1] = words[-1] + "-" + self.w(i + 1)
                    last = i + 1
                    i += 2
                    continue
                break
            if tok.kind == "num" or i in self.number_tokens:
                break
            if words and tok.text[:1].isupper() and not self.tokens[last].text[:1].isupper() and not (
                    counted and not plural(words[-1]) and self.plural_ahead(i)):
                break  # "the territory Ukraine seized": the noun phrase ended; not in "three senior Trump aides"
            if not words and measured and self.plural_at(i + 1):
                words.append(low)  # "40,000 tonnes of spent batteries": what is measured, not who spent
                last, i = i, i + 1
                continue
            if low in _NOT_NOUNS:
                break
            if is_adverb(low):
                if not words and self.is_word(i + 1) and self.w(i + 1) not in STOPWORDS:
                    i += 1  # "seven largely rural counties"
                    continue
                break  # "two years knowingly", "two embraced warmly"
            if low in ("a", "an", "per") and self.w(i + 1) in RATE_PERIODS:
                break  # "$85 a barrel" is a price per barrel, "seven days a week" a rate
            if low in ("the", "a", "an") and not words:
                i += 1
                continue
            if low in ("others", "other", "more", "additional", "further", "new") and not words:
                if self.is_word(i + 1) and self.w(i + 1) not in STOPWORDS and self.w(i + 1) not in PREDICATE_OF:
                    if low in _OTHER_WORDS:  # "eleven other stations" are not the stations
                        words.append(low)  # "two more bodies", "two additional packages" add to a count
                    i += 1
                    continue
                return [], i, True
            if low in STOPWORDS or low in MONTHS or low in WEEKDAYS:
                break
            if low.endswith(("ed", "ing")) and low not in COUNTED_SYNONYMS and low not in MONEY_KINDS and (
                    words or not self.modifies_next(i)) and not (
                    counted and words and not plural(words[-1]) and self.modifies_next(i) and self.plural_at(i + 1)):
                break  # "300 people worked there", "a line linking", "$3m coming", "hundreds showed up"
            if low in NOUN_PREDICATES and not words:
                words.append(low)
                last = i
                if low not in ("toll", "crowd"):
                    break
                i += 1
                continue
            if low in PREDICATE_OF or predicate_at(self.tokens, i)[0]:
                if not words and (self.names_a_kind(i) or shared and self.w(i - 1) in _DETERMINERS):
                    words.append(low)  # "a dozen rescue teams searched": teams, not people rescued; "one-fifth
                    last = i  # of the cost": the cost is what is shared
                    i += 1
                    continue
                if not words or low not in COUNTED_SYNONYMS:
                    break
            words.append(low)
            last = i
            i += 1
        if unit is not None and words and words[-1] in CURRENCY_WORDS:
            words = words[:-1]
        return words, last, False

    def abbreviation_end(self, i: int) -> int | None:
        """The last token of an abbreviation starting at i: 'U.S.', 'U.K.', 'Mr.' (a title before a name)."""
        if not self.is_word(i) or self.w(i + 1) != "." or not self.glued(i, i + 1):
            return None
        if self.w(i) in _TITLES and self.is_word(i + 2) and self.tokens[i + 2].text[:1].isupper():
            return i + 1
        j = i
        while len(self.tokens[j].text) == 1 and self.tokens[j].text.isupper() and self.w(j + 1) == "." and \
                self.glued(j, j + 1):
            if not (self.is_word(j + 2) and self.glued(j + 1, j + 2)):
                return j + 1 if j > i else None
            j += 2
        return None

    def plural_at(self, i: int) -> bool:
        """Token i is a plural noun that continues a compound ('two U.S. metals industries')."""
        return self.is_word(i) and not self.tokens[i].text[:1].isupper() and plural(self.w(i)) and \
            self.w(i) not in STOPWORDS and self.w(i) not in PREDICATE_OF

    def plural_ahead(self, i: int) -> bool:
        """A plural noun ends the phrase that a capitalised word at i continues: 'three senior Trump campaign
        officials', but not 'the territory Ukraine seized'."""
        j = i
        while j < min(len(self.tokens), i + 6):
            end = self.abbreviation_end(j)
            if end is not None:
                j = end + 1
                continue
            if not self.is_word(j) or self.w(j) in STOPWORDS or self.w(j) in PREDICATE_OF or j in self.number_tokens:
                return False
            if self.plural_at(j):
                return True
            if not self.tokens[j].text[:1].isupper() and self.w(j).endswith(("ed", "ing")):
                return False
            j += 1
        return False

    def arrives(self, i: int) -> bool:
        """The figure's own verb, at token i, is one of coming: 'came to the rally', 'had come out', 'showed up'."""
        while self.w(i) in _AUXILIARIES and i < len(self.tokens):
            i += 1
        return (self.w(i), self.w(i + 1)) in ARRIVAL_PHRASES

    def names_a_kind(self, i: int) -> bool:
        """'12 rescue workers were hurt', 'a dozen rescue teams searched': a word of an event before a noun that
        a verb follows is part of the subject, the kind of thing counted, not what happened to it. In 'thousands
        attend rally' no verb follows the noun, so 'attend' is the event; in '12 injured workers' and 'two missing
        men' the participle says what happened to them."""
        if self.w(i).endswith(("ed", "en", "ing")) or not self.modifies_next(i):
            return False
        for j in range(i + 2, i + 5):  # the noun, up to two more of its words, then the verb
            low = self.w(j)
            if low in _FINITE_VERBS or low in _AUXILIARIES or (low.endswith("ed") and self.is_word(j)):
                return True
            if not self.modifies_next(j - 1):
                return False
        return False

    def modifies_next(self, i: int) -> bool:
        """'12 striking workers': an -ing word before a noun is an adjective."""
        nxt = self.w(i + 1)
        return self.is_word(i + 1) and nxt not in STOPWORDS and nxt not in PREDICATE_OF and nxt not in _NOT_NOUNS \
            and not is_adverb(nxt)

    def severe(self, q_start: int, last: int) -> bool:
        """'40 of them seriously', 'five critically injured', 'in serious condition'."""
        seg_start, seg_end = context.segment_of(self.bounds, q_start)
        window = range(max(seg_start, q_start - 2), min(seg_end, last + 5))
        return any(self.w(i) in SEVERITY_WORDS for i in window)

    def predicate(self, q_start: int, a: int, last: int, noun_words: list[str]) -> str | None:
        """What happened to what is counted: from the noun ('deaths'), the verb after it ('were killed', 'who
        died'), the verb before the figure ('killed two', 'shot down 91', 'launched missiles and 126 drones'), or
        a verb later in its clause ('112 employees on the day shift were evacuated'). A verb earlier in the
        sentence, of another clause or of another subject, is not what happened to the things counted: 'warned
        of arrests as 130 migrants arrived', 'the student died and three others are still held'."""
        if noun_words and len(noun_words) == 1 and noun_words[0] in NOUN_PREDICATES:
            return NOUN_PREDICATES[noun_words[0]]
        if noun_words and noun_words[-1] in NOUN_PREDICATES and noun_words[-1] not in ("votes", "vote"):
            return NOUN_PREDICATES[noun_words[-1]]
        seg_start, seg_end = context.segment_of(self.bounds, a)
        i = last + 1
        steps = 0
        while i < seg_end and steps < 5:
            found, end = predicate_at(self.tokens, i)
            if found and self.does_it(found, i, end, noun_words):
                break  # "two gunmen killed three people", "all 42 members are sending the letter"
            if found:
                return self.level_or_change(found, i, a)
            low = self.w(i)
            if low not in _AUXILIARIES and low not in _PASSIVE_PATH and low not in _RELATIVES and not (
                    low.endswith("ly") and self.is_word(i)):
                break  # "were seriously injured", "the three people who died"
            if low == "to" and self.w(i - 1) not in _PASSIVE_PATH | _AUXILIARIES:
                break  # "allowing two industries to increase output": a purpose, not what happened to them
            i += 1
            steps += 1
        i = q_start - 1
        steps = 0
        change_noun = None
        conjunction = None
        preposition = False
        governed = self.governed(q_start)
        while i >= seg_start and steps < 6:
            found = predicate_ending_at(self.tokens, i)
            if found and change_noun is None and (
                    self.w(i + 1) == "of" and (found in CHANGE_PREDICATES or self.names_an_event(i))
                    or self.w(i + 1) == "for" and self.w(i - 1) in _DETERMINERS):
                change_noun = found  # "offered a rise of 4.5%": the verb before says whose rise it is
                preposition = False  # "a cost of $800", "the evacuation of 1,200", "his demands for $5.7bn"
                governed = None
            elif found and governed is not None and i < governed and found not in CHANGE_PREDICATES:
                break  # "crews sent from two neighbouring districts": the districts were not sent
            elif found and (conjunction is None or self.takes_objects(i, conjunction)):
                return self.level_or_change(found, i, a)
            elif found:
                break
            low = self.w(i)
            if self.tokens[i].kind == "num" or low in ("while", "but") or low in _CLAUSE_OPENERS:
                break  # "warned of arrests as 130 migrants arrived": the verb is of another clause
            if preposition and not found and self.is_word(i) and low not in STOPWORDS and low not in _GENERIC_NOUNS:
                break  # "offered protections for 700,000 migrants": the verb's object is another noun
            preposition = preposition or (low in _PREPOSITIONS and low != "by")  # "cut shipments by 30%"
            if low in ("and", "or"):
                if conjunction is not None:
                    break
                conjunction = i  # "launched missiles and 126 drones", not "four were killed and nine ..."
            i -= 1
            steps += 1
        if change_noun is not None:
            return change_noun
        for i in range(last + 1, seg_end):
            low = self.w(i)
            if i in self.number_tokens or low in _CLAUSE_OPENERS or low in ("and", "or", "to"):
                break
            found, end = predicate_at(self.tokens, i)
            if found and self.does_it(found, i, end, noun_words):
                break
            if found and self.w(i - 1) not in _DETERMINERS and not self.belongs_to_other_number(i, a):
                return self.level_or_change(found, i, a)  # "all 112 employees on the day shift were evacuated"
        return None

    def governed(self, q_start: int) -> int | None:
        """The preposition whose object the figure is ('sent from two districts', 'killed in two countries'): a
        verb before it is not what happened to the figure (one that ends in it is: 'asking for $5.6 billion').
        Not 'by' ('attended by 4,000', 'cut by 30%'), 'at' ('valued at $5bn') or 'of' after a word for a number
        ('paid a total of $675,000')."""
        i = q_start - 1
        while self.w(i) in ("the", "its", "their", "his", "her", "our"):
            i -= 1
        low = self.w(i)
        if low == "of" and (self.w(i - 1) in _GENERIC_NOUNS or self.w(i - 1) in ("total", "tune")):
            return None
        return i if low in _GOVERNING else None

    def names_an_event(self, i: int) -> bool:
        """'a cost of', 'the evacuation of', 'his net worth of': a word of an event before 'of' is a noun whose
        figure follows, unless a subject or an auxiliary comes before it ('who died of')."""
        before = self.w(i - 1)
        return before in _DETERMINERS or (self.is_word(i - 1) and before not in STOPWORDS and before not in
                                          _AUXILIARIES)

    def does_it(self, found: str, verb: int, end: int, noun_words: list[str]) -> bool:
        """The things counted do what the verb after them says to something else ('two gunmen killed three
        people', 'all 42 members are sending the letter'): an event that happens to things, said in the active
        voice with an object of its own, is not theirs. Weapons that hit or attack are launched all the same."""
        if found not in _DONE_TO or counted_key(noun_words) in _PROJECTILES:
            return False
        j = verb - 1
        while j >= 0 and (self.w(j) in _AUXILIARIES - _PASSIVE_AUXILIARIES or is_adverb(self.w(j))):
            j -= 1
        if self.w(j) in _PASSIVE_AUXILIARIES and not self.w(verb).endswith("ing"):
            return False  # "were killed", "were sent"
        after = end + 1
        return self.w(after) in _OBJECT_DETERMINERS | {"a", "an"} or after in self.number_tokens

    def verb_index(self, a: int, last: int, seg_start: int, seg_end: int, predicate: str | None) -> int | None:
        """The token of the figure's own verb: the nearest word of its predicate before or after it."""
        if predicate is None:
            return None
        window = list(range(last + 1, min(seg_end, last + 4))) + list(range(a - 1, max(seg_start, a - 6) - 1, -1))
        for i in sorted(window, key=lambda j: (abs(j - a), j)):
            if self.is_word(i) and (predicate_at(self.tokens, i)[0] == predicate
                                    or predicate_ending_at(self.tokens, i) == predicate):
                return i
        return None

    def takes_objects(self, verb: int, conjunction: int) -> bool:
        """'launched ballistic missiles and 126 drones': a verb whose objects the conjunction joins (words, none
        a number, between it and the conjunction; not a passive 'were killed in the blast and nine ...')."""
        between = range(verb + 1, conjunction)
        return len(between) > 0 and not any(j in self.number_tokens for j in between) and self.w(
            verb - 1) not in _PASSIVE_AUXILIARIES and self.w(verb + 1) not in _PREPOSITIONS  # "died in the storm"

    def belongs_to_other_number(self, i: int, a: int) -> bool:
        """A verb right before another number belongs to that number ('killed 2 and injured 14')."""
        for n in self.numbers:
            if n.first_token != a and 0 < n.first_token - i <= 3:
                return True
        return False

    def level_or_change(self, found: str, i: int, a: int) -> str | None:
        """'rose to 4%' states a level (no predicate); 'rose 4%' or 'rose by 4%' a change."""
        if found not in CHANGE_PREDICATES:
            return found
        between = [self.w(j) for j in range(i + 1, a)]
        if between and between[-1] in ("to", "at") or "to" in between[:2]:
            return None
        if set(between) & _OBJECT_DETERMINERS and "by" not in between:
            return None  # "drop the 22 charges" has an object; "cut its shipments by 30%" is a change
        return found

    def head_of(self, j: int, seg_start: int) -> int:
        """The head noun of a subject ending at token j: 'the population of the Calder region has grown' is about
        the population, not the region ('the unemployment rate of the region' about the unemployment rate); but
        'the price of oil', 'the share of homes' are about oil and homes."""
        k = j - 1
        while k > seg_start and j - k <= 3 and self.w(k) != "of":
            k -= 1
        head = k - 1
        if self.w(k) != "of" or head < seg_start or not self.is_word(head):
            return j
        low, modifier = self.w(head), self.w(head - 1) if head - 1 >= seg_start and self.is_word(head - 1) else ""
        if low in STOPWORDS or low in PREDICATE_OF or low in _IRREGULAR_VERBS or low.endswith("ed") or (
                self.tokens[head].text[:1].isupper() and head > 0):
            return j
        if (low in _GENERIC_NOUNS or low in MONEY_KINDS) and (not modifier or modifier in STOPWORDS):
            return j  # "the share of homes", "the price of oil"; but "the unemployment rate of the region"
        return head

    def subject_before(self, q_start: int, unit: str | None = None) -> list[str]:
        """The thing a level is about when no noun follows: 'Turnout was 62%', 'the death toll rose to 48',
        'police estimated the crowd at 30,000'."""
        seg_start, _ = context.segment_of(self.bounds, q_start)
        link, i = None, q_start - 1
        while i >= seg_start and q_start - i <= 6:
            if i in self.number_tokens:  # "rose from 12 to 18": step over the earlier figure
                first = next(n.first_token for n in self.numbers if n.first_token <= i <= n.last_token)
                if self.w(first - 1) != "from":
                    break
                i = first - 2
                continue
            low = self.w(i)
            if low in NOUN_PREDICATES or low in COUNTED_SYNONYMS:
                break  # the subject itself: "the toll rose to 18"
            if not (low in LEVEL_VERBS or low in _AUXILIARIES or low in PREDICATE_OF or low in _LINK_WORDS
                    or (low == "of" and unit is not None)):
                break
            link, i = i, i - 1
            if low == "of":
                break  # "a pay rise of 4.5%", "a budget of $6.8 trillion": the noun before "of" is the subject
        if link is None or all(self.w(j) in ("the", "a", "an") for j in range(link, q_start)):
            return []  # "he lives in a tower with an 80-foot room": an article links no subject
        for j in range(link - 1, seg_start - 1, -1):
            if j in self.number_tokens:
                break
            low = self.w(j)
            if j >= 1 and (self.w(j - 1), low) in COUNTED_PHRASES:
                return [self.w(j - 1), low]
            named = j > 0 and self.tokens[j].text[:1].isupper()  # the "House" of "the White House said ..."
            if (low in NOUN_PREDICATES or low in COUNTED_SYNONYMS) and not named:
                return [low]
        j = link - 1
        just_before = self.w(q_start - 1)
        if j < seg_start or not self.is_word(j) or not (
                just_before in LEVEL_VERBS or PREDICATE_OF.get(just_before) in CHANGE_PREDICATES
                or (just_before == "of" and unit is not None)):
            return []  # "the club paid £45m": the payer is not what the amount measures
        if self.w(j) in ("which", "that") and j == seg_start and self.w(j - 1) == "," and self.is_word(j - 2) \
                and not _in_compound(self.tokens, j - 2) and self.w(j - 2) not in _TIME_WORDS:
            # "inflation, which stood at 3.8%": what the relative pronoun stands for, with its own modifiers
            j, seg_start = j - 2, context.segment_of(self.bounds, j - 2)[0]
        low, written = self.w(j), self.tokens[j].text
        plain = low not in STOPWORDS and not low.endswith("ed")
        if not plain or (written[:1].isupper() and j > 0):
            return []
        j = self.head_of(j, seg_start)
        low = self.w(j)
        modifier = self.w(j - 1) if j - 1 >= seg_start and self.is_word(j - 1) else ""
        if modifier and modifier not in STOPWORDS and modifier not in PREDICATE_OF and not modifier.endswith("ed"):
            return [modifier, low]  # "a pay rise", "the unemployment rate"
        return [] if low in _GENERIC_NOUNS else [low]
