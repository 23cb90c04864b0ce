"""Places a figure is about: countries, their demonyms and capitals, regions, and "across the country".

A small gazetteer kept as data. A figure's scope is a Place; two scopes are the same, one is part of the other
("Moscow" in "Russia"), or they differ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# country | other names | demonyms | capital | regions and cities of note (all lower-case, comma-separated)
_GAZETTEER = """
russia | russian federation | russian, russians | moscow | kursk, belgorod, bryansk, crimea, kaliningrad, st petersburg, saint petersburg, rostov, krasnodar, voronezh, siberia, chechnya, dagestan, tatarstan
ukraine | | ukrainian, ukrainians | kyiv, kiev | kharkiv, odesa, odessa, lviv, donetsk, luhansk, zaporizhzhia, kherson, dnipro, sumy, mykolaiv, donbas, chernihiv, poltava
united states | us, u.s., usa, u.s.a., america, united states of america | american, americans | washington | new york, california, texas, florida, chicago, los angeles
united kingdom | uk, u.k., britain, great britain | british, briton, britons | london | scotland, wales, england, northern ireland, manchester, birmingham
france | | french | paris | marseille, lyon
germany | | german, germans | berlin | munich, hamburg, bavaria
italy | | italian, italians | rome | milan, naples, sicily
spain | | spanish, spaniards | madrid | barcelona, catalonia, valencia
poland | | polish, poles | warsaw |
china | prc | chinese | beijing | shanghai, hong kong, wuhan, xinjiang, tibet, guangdong
taiwan | | taiwanese | taipei |
japan | | japanese | tokyo | osaka, hokkaido, fukushima
india | | indian, indians | new delhi, delhi | mumbai, kashmir, punjab
pakistan | | pakistani, pakistanis | islamabad | karachi, lahore, balochistan
afghanistan | | afghan, afghans | kabul | kandahar, helmand
iran | | iranian, iranians | tehran | isfahan
iraq | | iraqi, iraqis | baghdad | mosul, basra, kurdistan
syria | | syrian, syrians | damascus | aleppo, idlib, homs
israel | | israeli, israelis | jerusalem | tel aviv, haifa
palestine | palestinian territories | palestinian, palestinians | ramallah | gaza, west bank, rafah, khan younis
lebanon | | lebanese | beirut |
turkey | turkiye, türkiye | turkish, turks | ankara | istanbul
saudi arabia | | saudi, saudis | riyadh | jeddah, mecca
egypt | | egyptian, egyptians | cairo | sinai, alexandria
yemen | | yemeni, yemenis | sanaa | aden, hodeidah
sudan | | sudanese | khartoum | darfur
ethiopia | | ethiopian, ethiopians | addis ababa | tigray, amhara
nigeria | | nigerian, nigerians | abuja | lagos, borno
kenya | | kenyan, kenyans | nairobi | mombasa
south africa | | south african, south africans | pretoria | johannesburg, cape town
brazil | | brazilian, brazilians | brasilia | sao paulo, rio de janeiro
mexico | | mexican, mexicans | mexico city | sinaloa, tijuana
canada | | canadian, canadians | ottawa | toronto, quebec, british columbia, alberta
australia | | australian, australians | canberra | sydney, melbourne, queensland
north korea | dprk | north korean, north koreans | pyongyang |
south korea | korea | south korean, south koreans | seoul | busan
belarus | | belarusian, belarusians | minsk |
moldova | | moldovan | chisinau | transnistria
georgia | | georgian, georgians | tbilisi | abkhazia
armenia | | armenian, armenians | yerevan | nagorno-karabakh
azerbaijan | | azerbaijani, azeri | baku |
venezuela | | venezuelan, venezuelans | caracas |
colombia | | colombian, colombians | bogota |
argentina | | argentine, argentinian | buenos aires |
chile | | chilean, chileans | santiago |
peru | | peruvian, peruvians | lima |
indonesia | | indonesian, indonesians | jakarta | java, bali, sumatra
philippines | | filipino, filipinos, philippine | manila | mindanao
vietnam | viet nam | vietnamese | hanoi | ho chi minh city
thailand | | thai | bangkok |
myanmar | burma | burmese | naypyidaw | yangon, rakhine
bangladesh | | bangladeshi | dhaka | chittagong
nepal | | nepalese, nepali | kathmandu |
greece | | greek, greeks | athens |
netherlands | holland | dutch | amsterdam | the hague, rotterdam
belgium | | belgian, belgians | brussels |
sweden | | swedish, swedes | stockholm |
norway | | norwegian, norwegians | oslo |
finland | | finnish, finns | helsinki |
denmark | | danish, danes | copenhagen | greenland
hungary | | hungarian, hungarians | budapest |
romania | | romanian, romanians | bucharest |
serbia | | serbian, serbs | belgrade | kosovo
libya | | libyan, libyans | tripoli | benghazi
somalia | | somali, somalis | mogadishu |
haiti | | haitian, haitians | port-au-prince |
cuba | | cuban, cubans | havana |
"""

COUNTRY_PHRASES = ("across the country", "across the nation", "throughout the country", "nationwide",
                   "countrywide", "all over the country", "around the country", "across the whole country",
                   "in the country")
ELSEWHERE_PHRASES = ("other parts of the country", "other regions", "other parts", "elsewhere",
                     "the rest of the country", "other areas", "other cities", "other provinces")
_REGION_SUFFIX = r"(?:\s+(?:region|oblast|province|state|county|area|city|district|governorate|prefecture))?"
_SUFFIX_RE = re.compile(_REGION_SUFFIX)
# authorities/officials "in X" report from X; X is not the place the figure is about
_REPORTER_BEFORE = re.compile(r"(?:authorities|officials|police|governor|mayor|officers|ministry|spokesman|"
                              r"spokeswoman|correspondents?|reporters?|journalists?)\s+(?:in|from)\s+$")
# "from Harbour Gate in Port Ellery": the place locates the named start of a route or a journey, as "from X" does
_ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:in|near|outside)\s+(?:the\s+)?$")
_REPORTING_AFTER = re.compile(r"^\s*(?:has\s+|have\s+|had\s+)?(?:said|says|reported|reports|claimed|told|announced|"
                              r"stated|confirmed)\b")


@dataclass(frozen=True)
class Place:
    """A scope. `level`: "country", "city", "region", "national" (the whole country, not yet named), "capital"
    (the capital, country not yet known) or "elsewhere" (the rest outside some part)."""

    key: str
    level: str
    country: str | None
    text: str


@dataclass(frozen=True)
class _Entry:
    key: str
    level: str
    country: str


def _load() -> tuple[dict[str, _Entry], dict[str, str], dict[str, str]]:
    names: dict[str, _Entry] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in _GAZETTEER.strip().splitlines():
        country, others, demos, capital, regions = (part.strip() for part in line.split("|"))
        for name in [country] + [o.strip() for o in others.split(",") if o.strip()]:
            names[name] = _Entry(country, "country", country)
        for demo in (d.strip() for d in demos.split(",") if d.strip()):
            demonyms[demo] = country
        capital_names = [c.strip() for c in capital.split(",") if c.strip()]
        for name in capital_names:
            names[name] = _Entry(capital_names[0], "city", country)
        capitals[country] = capital_names[0]
        for region in (r.strip() for r in regions.split(",") if r.strip()):
            names[region] = _Entry(region, "region", country)
    return names, demonyms, capitals


NAMES, DEMONYMS, CAPITALS = _load()
_CAPITAL_CITIES = frozenset(CAPITALS.values())


_WORD_RE = re.compile(r"[^\W\d_][\w.'’-]*")
_LONGEST_NAME = max(len(name.split()) for name in list(NAMES) + list(DEMONYMS))
_FIRST_WORDS = frozenset(name.split()[0] for name in list(NAMES) + list(DEMONYMS))
_CAPITAL_RE = re.compile(r"(?<![\w])(?:the\s+)?(?:([^\W\d_][\w'’.]*)\s+)?capital(?:\s+(?:region|city|area))?"
                         r"(?!\s*(?:markets?|gains?|spending|investment|punishment|letters?|expenditure|flows?))"
                         r"(?![\w])", re.IGNORECASE)
_ELSEWHERE_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ELSEWHERE_PHRASES) + r")\b")
_COUNTRY_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in COUNTRY_PHRASES) + r")\b")


def _normal(word: str) -> str:
    low = word.lower().replace("’", "'")
    low = low[:-2] if low.endswith("'s") else low
    return low if low in NAMES else low.rstrip(".'-")


@lru_cache(maxsize=8192)
def mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of every country, demonym, capital or region named in `text`: 'U.S.', 'Moscow's',
    'South Korea', 'Russian'. Words are looked up by dictionary, longest name first."""
    words = [(m.start(), m.end(), _normal(m.group())) for m in _WORD_RE.finditer(text)]
    found, i = [], 0
    while i < len(words):
        if words[i][2] not in _FIRST_WORDS:
            i += 1
            continue
        for size in range(min(_LONGEST_NAME, len(words) - i), 0, -1):
            name = " ".join(w[2] for w in words[i:i + size])
            if name in NAMES or name in DEMONYMS:
                found.append((words[i][0], words[i + size - 1][1], name))
                i += size
                break
        else:
            i += 1
    return tuple(found)


_PREP_RE = re.compile(r"(?:\b(?:in|over|across|at|near|around|throughout|on|against|outside|inside|within|"
                      r"targeting|targeted|hit|struck|attacked)\s+(?:the\s+)?"
                      r"(?:(?!(?:to|of|for|and|or|with|from)\s)[\w-]+\s+)?)$",
                      re.IGNORECASE)
_UNKNOWN_PLACE_RE = re.compile(r"\b(?:in|over|across|near|throughout|around|outside)\s+(?:the\s+)?"
                               r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)" + _REGION_SUFFIX)


def country_of(word: str) -> str | None:
    """The country a name, demonym or city stands for: 'Russian' -> 'russia', 'Moscow' -> 'russia'."""
    low = word.lower().replace("’", "'").removesuffix("'s")
    if low in DEMONYMS:
        return DEMONYMS[low]
    entry = NAMES.get(low)
    return entry.country if entry else None


def actors(text: str) -> list[tuple[int, str]]:
    """(position, country) of every country, demonym or city named in `text`, in order."""
    return [(start, country_of(name)) for start, _, name in mentions(text)]


def reported_from(text: str, start: int) -> bool:
    """'authorities in Moscow': the place named at `start` is where a report comes from."""
    return bool(_REPORTER_BEFORE.search(text[max(0, start - 40):start]))


def _is_reporter(text: str, start: int, end: int) -> bool:
    """A place that reports rather than one a figure is about: 'officials in Kyiv', 'Moscow said'."""
    return reported_from(text, start) or bool(_REPORTING_AFTER.match(text[end:]))


def _not_about(text: str, start: int, end: int) -> bool:
    """A place a figure is not about: one that reports, or one that only locates where something named starts
    ('a route that runs from Harbour Gate in Port Ellery')."""
    return _is_reporter(text, start, end) or bool(_ORIGIN_BEFORE.search(text[max(0, start - 80):start]))


@lru_cache(maxsize=8192)
def find_scope(segment: str) -> Place | None:
    """The place a segment of a sentence is about, or None: "in the Moscow region", "across the country"."""
    low = segment.lower()
    m = _ELSEWHERE_RE.search(low)
    if m:
        return Place("elsewhere", "elsewhere", None, m.group())
    m = _COUNTRY_RE.search(low)
    if m:
        return Place("national", "national", None, m.group())
    for m in _CAPITAL_RE.finditer(segment):
        if _not_about(segment, m.start(), m.end()):
            continue
        country = country_of(m.group(1) or "")
        if country and (m.group(1).lower() in DEMONYMS or m.group(1).endswith(("'s", "’s"))):
            return Place(CAPITALS[country], "city", country, m.group().strip())
        if not m.group(1) or m.group(1).lower() in ("the", "its", "their", "country's", "country’s"):
            return Place("capital", "capital", None, m.group().strip())
    for start, end, name in mentions(segment):
        entry = NAMES.get(name)
        if entry is None or _not_about(segment, start, end) or not _PREP_RE.search(segment[:start]):
            continue
        suffix = _SUFFIX_RE.match(segment, end)
        text = segment[start:suffix.end() if suffix else end]
        return Place(entry.key, entry.level, entry.country, text.strip())
    m = _UNKNOWN_PLACE_RE.search(segment)
    if m and not _not_about(segment, m.start(1), m.end()):
        name = m.group(1)
        if name.lower() not in DEMONYMS and not name.split()[0].lower() in _NOT_PLACES:
            return Place(name.lower(), "region", None, m.group().strip())
    return None


_NOT_PLACES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "total", "all", "addition", "particular", "general",
                         "recent", "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
                         "that", "one", "some", "each", "every", "response", "fact", "part"})


def resolve(place: Place | None, country: str | None) -> Place | None:
    """Name the country of "across the country" and the city of "the capital" when the context tells it."""
    if place is None or country is None:
        return place
    if place.level == "national":
        return Place(country, "country", country, place.text)
    if place.level == "capital" and country in CAPITALS:
        return Place(CAPITALS[country], "city", country, place.text)
    return place


def relation(a: Place | None, b: Place | None) -> str:
    """How two scopes relate: "same", "a-whole" (b lies within a), "b-whole", "near" (a place the gazetteer
    does not know, which may or may not be the same), or "different"."""
    if a is None and b is None:
        return "same"
    if a is None or b is None:
        known = a or b
        if known.level == "elsewhere":
            return "different"
        if known.level in ("country", "national"):
            return "same"
        return "a-whole" if a is None else "b-whole"
    if a.level == "elsewhere" or b.level == "elsewhere":
        return "same" if a.level == b.level else "different"
    if a.key == b.key or (a.level == b.level == "national"):
        return "same"
    if "capital" in (a.level, b.level):
        other = b if a.level == "capital" else a
        return "same" if other.key in _CAPITAL_CITIES or other.level == "capital" else "different"
    if _contains(a, b):
        return "a-whole"
    if _contains(b, a):
        return "b-whole"
    if _unknown(a) != _unknown(b):
        return "near"  # "near Mladenovac" and "in Belgrade": the gazetteer cannot tell
    return "different"


def _unknown(place: Place) -> bool:
    return place.level == "region" and place.country is None


def _contains(whole: Place, part: Place) -> bool:
    if whole.level == "national":
        return part.level != "national"
    if whole.level == "country":
        return part.level in ("city", "region", "capital") and part.country in (None, whole.key)
    return False


def label(place: Place | None) -> str:
    """A short phrase for a fact's label: "in Moscow", "across Russia"."""
    if place is None or place.level == "elsewhere":
        return "" if place is None else "elsewhere"
    if place.level == "national":
        return "across the country"
    if place.level == "country":
        national = place.text.lower() in COUNTRY_PHRASES
        return f"{'across' if national else 'in'} {_title(place.key)}"
    if place.level == "capital":
        return "in the capital"
    return f"in {_title(place.key)}"


def display_name(country: str) -> str:
    return _title(country)


def _title(name: str) -> str:
    special = {"united states": "the United States", "united kingdom": "the United Kingdom",
               "netherlands": "the Netherlands", "philippines": "the Philippines", "the country": "the country"}
    return special.get(name, " ".join(w.capitalize() for w in name.split()))
