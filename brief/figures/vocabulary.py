"""Words that give a figure its meaning, kept as data: qualifiers, units, counted things and predicates.

Every entry maps what a text says to one canonical key, so that "UAVs" and "drones", or "wounded" and "injured",
compare equal. Keys of counted things are plural display forms ("drones", "people").
"""
from __future__ import annotations

# --- qualifiers: phrase (lower-case words) -> canonical qualifier -------------------------------------------------
QUALIFIERS_BEFORE = {
    ("at", "least"): "at least", ("no", "fewer", "than"): "at least", ("no", "less", "than"): "at least",
    ("a", "minimum", "of"): "at least", ("not", "less", "than"): "at least",
    ("more", "than"): "more than", ("over",): "more than", ("above",): "more than", ("upwards", "of"): "more than",
    ("in", "excess", "of"): "more than", ("greater", "than"): "more than", ("exceeding",): "more than",
    ("well", "over"): "more than", ("just", "over"): "just over", ("north", "of"): "more than",
    ("about",): "about", ("around",): "about", ("approximately",): "about", ("roughly",): "about",
    ("some",): "about", ("an", "estimated"): "about", ("estimated",): "about", ("approx",): "about",
    ("circa",): "about", ("an", "approximate"): "about",
    ("nearly",): "nearly", ("almost",): "nearly", ("close", "to"): "nearly", ("just", "under"): "nearly",
    ("just", "shy", "of"): "nearly",
    ("up", "to"): "up to", ("as", "many", "as"): "up to", ("as", "much", "as"): "up to",
    ("at", "most"): "at most", ("no", "more", "than"): "at most", ("fewer", "than"): "less than",
    ("less", "than"): "less than", ("under",): "less than", ("below",): "less than", ("a", "maximum", "of"): "at most",
}
QUALIFIERS_AFTER = {("or", "more"): "at least", ("or", "so"): "about", ("plus",): "more than"}

# how far a qualifier lets the true value lie from the stated one: (low factor, high factor, minimum slack).
# Lower bounds are bounded too: "at least 14" is the confirmed count, not "any number above 14", so another
# outlet's 18 is a different count while 15 is compatible with it.
QUALIFIER_BANDS = {
    None: (1.0, 1.0, 0.0),
    "at least": (1.0, 1.25, 1.0),
    "more than": (1.0, 1.25, 1.0),
    "just over": (1.0, 1.1, 1.0),
    "about": (0.9, 1.1, 1.0),
    "nearly": (0.85, 1.0, 1.0),
    "up to": (0.5, 1.0, 0.0),
    "at most": (0.0, 1.0, 0.0),
    "less than": (0.0, 1.0, 0.0),
}

# --- units ----------------------------------------------------------------------------------------------------------
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH",
                    "₩": "KRW"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY",
    "rupee": "INR", "rupees": "INR", "inr": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "rub": "RUB", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "hryvnia": "UAH",
    "hryvnias": "UAH", "won": "KRW", "francs": "CHF", "franc": "CHF", "chf": "CHF", "pesos": "MXN",
    "cad": "CAD", "aud": "AUD",
}
# the prefix before "$" that names the dollar: "US$", "A$", "C$", "HK$"
DOLLAR_PREFIXES = {"us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nz": "NZD",
                   "s": "SGD"}
PERCENT_WORDS = {("percent",): "%", ("per", "cent"): "%", ("pct",): "%", ("percentage", "points"): "pp",
                 ("percentage", "point"): "pp", ("points",): "points", ("basis", "points"): "bp"}
MEASURE_UNITS = {
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months",
    "year": "years", "years": "years", "hour": "hours", "hours": "hours", "minute": "minutes",
    "minutes": "minutes", "decade": "decades", "decades": "decades", "night": "nights", "nights": "nights",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "mile": "miles", "miles": "miles", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "feet": "ft", "foot": "ft", "hectares": "ha", "hectare": "ha", "acres": "acres", "acre": "acres",
    "tonnes": "tonnes", "tonne": "tonnes", "tons": "tonnes", "ton": "tonnes", "kg": "kg", "kilograms": "kg",
    "kilogram": "kg", "pounds-weight": "lb", "litres": "l", "liters": "l", "gallons": "gallons",
    "barrels": "barrels", "barrel": "barrels", "degrees": "degrees", "degree": "degrees", "mph": "mph",
    "kmh": "km/h", "megawatts": "MW", "mw": "MW", "gigawatts": "GW", "gw": "GW",
}
AREA_PREFIXES = {"square", "sq", "sq."}  # "5 sq. miles", "300 square kilometres"
def unit_after(value: float, unit: str) -> str:
    """A unit as it reads after its value: "1 day", "1 sq mile" (units are kept plural: "days", "sq miles")."""
    return unit[:-1] if value == 1 and unit.endswith("s") and unit.islower() and len(unit) > 2 else unit


TIME_UNITS = frozenset({"days", "weeks", "months", "years", "hours", "minutes", "decades", "nights"})

# --- what is counted: word -> canonical key ------------------------------------------------------------------------
COUNTED_PHRASES = {
    ("unmanned", "aerial", "vehicles"): "drones", ("unmanned", "aerial", "vehicle"): "drones",
    ("unmanned", "aircraft"): "drones", ("police", "officers"): "police officers",
    ("police", "officer"): "police officers", ("asylum", "seekers"): "migrants",
    ("death", "toll"): "people", ("members", "of", "parliament"): "lawmakers",
}
COUNTED_SYNONYMS = {
    "person": "people", "persons": "people", "individual": "people", "individuals": "people",
    "resident": "people", "residents": "people", "inhabitant": "people", "inhabitants": "people",
    "citizen": "people", "citizens": "people", "victim": "people", "victims": "people", "life": "people",
    "lives": "people", "soul": "people", "souls": "people", "body": "people", "bodies": "people",
    "death": "people", "deaths": "people", "fatality": "people", "fatalities": "people", "dead": "people",
    "injury": "people", "injuries": "people", "wounded": "people", "injured": "people", "casualty": "people",
    "casualties": "people", "toll": "people", "man": "men", "woman": "women", "child": "children",
    "kid": "children", "kids": "children",
    "civilian": "civilians", "soldier": "soldiers", "troop": "soldiers", "troops": "soldiers",
    "serviceman": "soldiers", "servicemen": "soldiers", "servicemember": "soldiers", "servicemembers": "soldiers",
    "officer": "police officers", "policeman": "police officers", "policemen": "police officers",
    "demonstrator": "protesters", "demonstrators": "protesters", "protester": "protesters",
    "protestor": "protesters", "protestors": "protesters", "marcher": "protesters", "marchers": "protesters",
    "crowd": "people", "attendee": "people", "attendees": "people", "participant": "people",
    "participants": "people", "spectator": "people", "spectators": "people",
    "refugee": "refugees", "migrant": "migrants", "prisoner": "prisoners", "detainee": "prisoners",
    "detainees": "prisoners", "inmate": "prisoners", "inmates": "prisoners", "hostage": "hostages",
    "journalist": "journalists", "reporter": "journalists", "fighter": "fighters", "militant": "fighters",
    "militants": "fighters", "insurgent": "fighters", "insurgents": "fighters", "worker": "workers",
    "employee": "workers", "employees": "workers", "staff": "workers", "passenger": "passengers",
    "patient": "patients", "student": "students", "voter": "voters", "tourist": "tourists",
    "firefighter": "firefighters", "lawmaker": "lawmakers", "legislator": "lawmakers", "mp": "lawmakers",
    "mps": "lawmakers",
    "drone": "drones", "uav": "drones", "uavs": "drones", "shahed": "drones", "shaheds": "drones",
    "quadcopter": "drones", "quadcopters": "drones", "missile": "missiles", "rocket": "rockets",
    "shell": "shells", "bomb": "bombs", "plane": "aircraft", "planes": "aircraft", "jet": "aircraft",
    "jets": "aircraft", "aircraft": "aircraft", "warplane": "aircraft", "warplanes": "aircraft",
    "helicopter": "helicopters", "tank": "tanks", "ship": "ships", "vessel": "ships", "vessels": "ships",
    "vote": "votes", "ballot": "votes", "ballots": "votes", "seat": "seats", "delegate": "delegates",
    "job": "jobs", "position": "jobs", "case": "cases", "infection": "cases", "infections": "cases",
    "home": "homes", "house": "homes", "houses": "homes", "dwelling": "homes", "dwellings": "homes",
    "building": "buildings", "structure": "buildings", "structures": "buildings", "car": "vehicles",
    "cars": "vehicles", "vehicle": "vehicles", "flight": "flights", "ceasefire": "cease-fire",
    "truce": "cease-fire", "cease-fire": "cease-fire", "territory": "territory", "abstention": "abstentions",
    "jobless": "unemployment", "joblessness": "unemployment",
    "pupil": "students", "pupils": "students", "schoolchildren": "students",
    "aid": "amount", "package": "amount", "funding": "amount", "funds": "amount", "fund": "amount",
    "assistance": "amount", "money": "amount", "sum": "amount", "financing": "amount", "land": "territory",
    "turnout": "turnout",
    # a noun that says what happened counts the people it happened to: "12 arrests" are 12 people arrested
    "arrest": "people", "arrests": "people", "evacuee": "people", "evacuees": "people",
}
# subsets of "people": compatible with a count of people only when the values agree
PEOPLE_SUBSETS = frozenset({
    "civilians", "children", "men", "women", "soldiers", "police officers", "protesters", "refugees", "migrants",
    "prisoners", "hostages", "journalists", "fighters", "workers", "passengers", "patients", "students", "voters",
    "tourists", "firefighters", "lawmakers",
})
# the first word of what an addition counts: "two more bodies", "3,000 additional troops" ("more people")
ADDED = "more"
IRREGULAR_SINGULARS = {"people": "people", "men": "man", "women": "woman", "children": "child", "lives": "life",
                       "feet": "foot", "mice": "mouse", "teeth": "tooth", "geese": "goose", "police": "police",
                       "news": "news", "series": "series", "species": "species", "aircraft": "aircraft",
                       "staff": "staff", "crisis": "crisis", "analysis": "analysis"}

# --- predicates: word -> canonical event ---------------------------------------------------------------------------
PREDICATE_PHRASES = {
    ("shot", "down"): "downed", ("shoot", "down"): "downed", ("shooting", "down"): "downed",
    ("brought", "down"): "downed", ("taken", "out"): "downed",
    ("killed", "and", "wounded"): "casualties", ("killed", "or", "wounded"): "casualties",
    ("killed", "and", "injured"): "casualties", ("killed", "or", "injured"): "casualties",
    ("dead", "and", "wounded"): "casualties", ("dead", "or", "wounded"): "casualties",
    ("dead", "and", "injured"): "casualties", ("won", "back"): "recaptured", ("took", "back"): "recaptured",
    ("carried", "out"): "launched", ("turned", "out"): "attended", ("took", "part"): "attended",
    ("to", "pay"): "paid", ("will", "pay"): "paid", ("would", "pay"): "paid", ("must", "pay"): "paid",
    ("moved", "out"): "evacuated", ("forced", "out"): "evacuated", ("put", "forward"): "offered",
    ("got", "out"): "evacuated", ("made", "it", "out"): "evacuated", ("cut", "off"): "cut off",
    ("asking", "for"): "demanded", ("calls", "for"): "demanded", ("called", "for"): "demanded",
    ("serious", "condition"): "seriously injured", ("critical", "condition"): "seriously injured",
    ("lost", "their", "lives"): "killed", ("lost", "his", "life"): "killed", ("lost", "her", "life"): "killed",
    ("net", "worth"): "net worth",  # what someone owns, not what something cost ("worth $5m")
}
PREDICATE_WORDS = {
    "killed": ("kill", "kills", "killed", "killing", "die", "died", "dies", "dying", "dead", "death", "deaths",
               "fatality", "fatalities", "fatal", "perished", "perish", "slain", "murdered", "drowned", "lives",
               "toll"),
    "injured": ("injure", "injured", "injures", "injuring", "injury", "injuries", "wounded", "wounding", "wound",
                "wounds", "hurt"),
    "hospitalised": ("hospitalised", "hospitalized", "hospitalisation", "hospitalization", "hospital"),
    "casualties": ("casualty", "casualties"),
    "missing": ("missing", "unaccounted"),
    "arrested": ("arrest", "arrested", "arrests", "arresting", "detained", "detain", "detaining", "detentions",
                 "apprehended"),
    "evacuated": ("evacuate", "evacuated", "evacuating", "evacuation", "evacuations", "displaced", "fled",
                  "relocated"),
    "rescued": ("rescued", "rescue", "saved"),
    "downed": ("downed", "downing", "intercepted", "intercepting", "intercept", "neutralised", "neutralized",
               "repelled", "downs"),
    "destroyed": ("destroyed", "destroying", "destroy", "razed", "flattened", "levelled", "leveled"),
    "launched": ("launched", "launching", "launch", "launches", "fired", "firing", "deployed", "deploying",
                 "sent", "sending", "targeted", "targeting", "aimed", "attacked", "dispatched", "unleashed"),
    "recorded": ("recorded", "detected", "tracked", "counted", "registered", "spotted", "involved", "involving"),
    "attended": ("attended", "attend", "marched", "march", "rallied", "gathered", "protested", "joined"),
    "added": ("added", "adding", "created", "creating", "add", "adds"),
    "won": ("won", "win", "wins", "received", "secured", "garnered", "obtained", "polled"),
    "employed": ("employs", "employed", "employing", "employ"),
    "voted": ("voted", "opposed", "approved", "rejected"),
    "controlled": ("occupy", "occupies", "occupied", "occupying", "control", "controls", "controlled",
                   "controlling"),
    "seized": ("seized", "seize", "seizing", "captured", "annexed", "conquered"),
    "recaptured": ("retake", "retook", "retaken", "recaptured", "recapture", "regained", "liberated"),
    "cost": ("cost", "costs", "costing", "priced"),
    "valued": ("worth", "valued"),
    "paid": ("paid", "spent", "spend", "spending", "invested", "invest", "allocated", "pledged"),
    "offered": ("offered", "offers", "offering", "proposed", "proposes", "proposing"),
    "demanded": ("wants", "wanted", "seeking", "seeks", "sought", "demands", "demanded", "demanding"),
    "raised": ("raised", "raise", "raising", "collected", "donated"),
    "fined": ("fined", "fine", "penalty"),
    "lost": ("lost", "lose", "losing", "losses", "loss", "deficit"),
    "earned": ("earned", "earn", "revenue", "revenues", "profit", "profits", "sales", "income"),
    "rose": ("rose", "rise", "rises", "rising", "increased", "increase", "grew", "grow", "climbed", "jumped",
             "soared", "surged", "gained", "grown", "grew"),
    "fell": ("fell", "fall", "falls", "falling", "decreased", "decrease", "dropped", "drop", "declined",
             "decline", "slid", "slumped", "plunged", "cut", "shed"),
    "hit": ("hit", "damaged", "struck", "affected"),
    "cut off": ("isolated", "stranded", "marooned"),
}
# tolls, which only grow as a day goes on: differing values published hours apart are an update (a count of
# drones or of damaged homes is a claim about one event, and a later different value is a conflict)
CUMULATIVE_PREDICATES = frozenset({"killed", "injured", "hospitalised", "seriously injured", "casualties", "missing",
                                   "arrested"})
# pairs of predicates that may describe the same figure in different words (launched vs shot down: an outlet
# reporting one attack); they join only when their values agree
RELATED_PREDICATES = frozenset({
    frozenset({"downed", "launched"}), frozenset({"controlled", "seized"}), frozenset({"downed", "destroyed"}),
    frozenset({"destroyed", "hit"}), frozenset({"won", "seized"}), frozenset({"killed", "casualties"}),
    frozenset({"cost", "paid"}), frozenset({"won", "voted"}), frozenset({"evacuated", "rescued"}),
    frozenset({"won", "for"}), frozenset({"voted", "for"}), frozenset({"injured", "hospitalised"}),
    frozenset({"injured", "seriously injured"}), frozenset({"hospitalised", "seriously injured"}),
})
NEUTRAL_PREDICATES = frozenset({"recorded"})
# a change ("rose 3%") is not a level ("rose to 3%")
CHANGE_PREDICATES = frozenset({"rose", "fell"})
# a noun that itself says what happened: "14 deaths" = 14 people killed
NOUN_PREDICATES = {
    "death": "killed", "deaths": "killed", "fatality": "killed", "fatalities": "killed", "dead": "killed",
    "lives": "killed", "toll": "killed", "injury": "injured", "injuries": "injured", "wounded": "injured",
    "injured": "injured", "casualty": "casualties", "casualties": "casualties", "arrests": "arrested",
    "evacuees": "evacuated", "attendees": "attended", "crowd": "attended", "votes": "won", "vote": "won",
}
# predicates whose default counted thing is people when the text names none ("killed two")
PEOPLE_PREDICATES = frozenset({"killed", "injured", "hospitalised", "seriously injured", "casualties", "missing",
                               "arrested", "evacuated", "rescued", "attended"})
# verbs of coming that make a bare count right before them a crowd ("about 38,000 came to the rally", "hundreds
# showed up"); the particle is part of the verb: "38,000 came from the fund" moves money, "came to" after a
# figure's subject is a level ("the bill came to $5m"), so these are no predicates of their own
ARRIVAL_PHRASES = frozenset({("came", "to"), ("come", "to"), ("came", "out"), ("come", "out"), ("showed", "up"),
                             ("turned", "up"), ("flocked", "to")})

PREDICATE_DISPLAY = {
    "killed": "killed", "injured": "injured", "destroyed": "destroyed", "hospitalised": "in hospital",
    "seriously injured": "seriously injured", "casualties": "killed or injured", "missing": "missing",
    "arrested": "arrested", "evacuated": "evacuated", "rescued": "rescued", "downed": "downed",
    "launched": "launched", "recorded": "recorded", "attended": "attending", "won": "won", "voted": "voting",
    "controlled": "controlled", "seized": "seized", "recaptured": "recaptured", "cost": "cost", "paid": "paid",
    "raised": "raised", "fined": "fine", "lost": "lost", "earned": "earned", "rose": "rise", "fell": "fall",
    "hit": "hit", "added": "added", "for": "in favour", "against": "against", "offered": "offered",
    "demanded": "demanded", "employed": "employed", "approved": "approved", "rejected": "rejected",
    "valued": "value", "sent": "sent", "net worth": "net worth",
}

# counts that are shared out between holders: "Smith won 120 seats, Jones 95"
SHARED_OUT = frozenset({"votes", "seats", "delegates"})
# predicates that only an amount of money can have: "spent the night" moves people, it does not pay them
MONEY_PREDICATES = frozenset({"paid", "cost", "valued", "raised", "fined", "earned"})
# what an amount of money is: a fine is not a budget; any other amount is "amount" (a plan's, a deal's cost)
MONEY_KINDS = {
    "fine": "fine", "fines": "fine", "penalty": "fine", "penalties": "fine", "damages": "damages",
    "settlement": "settlement", "compensation": "compensation", "revenue": "revenue", "revenues": "revenue",
    "sales": "revenue", "turnover": "revenue", "profit": "profit", "profits": "profit", "earnings": "profit",
    "loss": "loss", "losses": "loss", "deficit": "deficit", "debt": "debt", "debts": "debt", "salary": "pay",
    "salaries": "pay", "wage": "pay", "wages": "pay", "bonus": "pay", "bonuses": "pay", "levy": "levy",
    "tax": "tax", "taxes": "tax", "fee": "fee", "fees": "fee", "price": "price", "prices": "price",
    "loan": "loan", "loans": "loan", "bail": "bail", "ransom": "ransom", "reward": "reward", "bid": "bid",
    "offer": "bid", "valuation": "valuation", "damage": "damage",
}
# words for money itself: an amount right before them is no price of a thing ("the $831 billion stimulus")
MONEY_NOUNS = frozenset({
    "budget", "budgets", "stimulus", "surplus", "bailout", "bailouts", "donation", "donations", "grant", "grants",
    "gift", "gifts", "contribution", "contributions", "payment", "payments", "investment", "investments",
    "spending", "cut", "cuts", "savings", "chest", "payout", "payouts", "transfer", "transfers", "windfall",
    "credit", "credits", "subsidy", "subsidies", "benefit", "benefits", "pension", "pensions", "allowance",
    "allowances", "rebate", "rebates", "refund", "refunds", "check", "checks", "cheque", "cheques", "prize",
    "prizes", "award", "awards", "jackpot", "reserve", "reserves", "tariff", "tariffs", "income", "asset",
    "assets", "fortune", "cash", "capital", "purse", "kitty", "cost", "costs", "sum", "sums", "worth",
    "shortfall", "gap", "overrun", "overruns", "request", "appropriation", "appropriations",
    "raid", "grab"})  # the taking of money: "Obama's $716 billion raid on Medicare"
# events of an amount of money that are one outlay in other words: "will pay $3bn", "a $3bn plan", "approved
# $3bn", "won $3bn" (each shown in its own words, compared as one)
OUTLAY_PREDICATES = frozenset({"paid", "cost", "valued", "approved", "won"})
# keys that read well as labels ("drones" for "unmanned aerial vehicles"); others are shown as written
CANONICAL_NOUNS = frozenset(COUNTED_SYNONYMS.values()) | frozenset(COUNTED_PHRASES.values()) | frozenset(
    MONEY_KINDS.values()) | {"amount"}
# the key of what is counted when a figure with a unit names nothing ("20% will come from the fund"): it may be
# the same quantity as any figure in the same unit
UNSTATED = ""
# units whose figure may name no thing: "it measured 1.6 metres", "it weighed 310 kilograms", "about 140 kilometres
# up the coast" (a distance)
MEASURE_DIMENSIONS = {"km": "distance", "miles": "distance", "m": "length", "ft": "length", "kg": "weight",
                      "tonnes": "weight", "lb": "weight", "ha": "area", "acres": "area", "degrees": "temperature",
                      "mph": "speed", "km/h": "speed", "MW": "power", "GW": "power", "l": "volume",
                      "gallons": "volume", "barrels": "volume"}

# "40 of them seriously": a count of the badly hurt is not the count of all the hurt
SEVERITY_WORDS = frozenset({"seriously", "critically", "severely", "badly", "gravely", "serious", "critical",
                            "severe", "grave", "life-threatening"})

# --- context words --------------------------------------------------------------------------------------------------
ATTACK_NOUNS = frozenset({"attack", "attacks", "strike", "strikes", "assault", "assaults", "bombardment",
                          "barrage", "offensive", "raid", "raids", "shelling", "invasion", "bombing", "onslaught"})
FORECAST_WORDS = frozenset({"expected", "expect", "expects", "forecast", "forecasts", "forecasting", "projected",
                            "projection", "projections", "predicted", "predicts", "predict", "anticipated",
                            "anticipates", "consensus"})
# modals make a forecast of the figure only as its own verb's ("could reach 50", "$3bn could be diverted"), not of a
# clause about something else ("explosions that could be heard"); lower-case only: "May" is a month
FORECAST_MODALS = frozenset({"could", "might", "may"})
REPORTING_VERBS = frozenset({"said", "says", "reported", "reports", "told", "claimed", "claims", "announced",
                             "stated", "estimated", "estimates", "confirmed", "according", "put", "puts",
                             "wrote", "tweeted", "posted", "added", "noted", "cited", "quoted"})
LABEL_WORDS = frozenset({"no", "number", "page", "pages", "chapter", "article", "section", "route", "highway",
                         "flight", "room", "gate", "platform", "level", "phase", "season", "episode", "grade",
                         "category", "class", "version", "v", "model", "paragraph", "line", "channel", "track",
                         "round", "stage", "step", "item", "resolution", "act", "bill", "amendment", "precinct",
                         "district", "ward", "apartment", "suite", "floor", "unit", "lot", "block", "tier",
                         "game", "match", "week", "day", "part", "vol", "volume", "no.", "#", "terminal",
                         "building", "pier", "lane", "street", "avenue", "road", "exit", "interstate", "reg"})
STOPWORDS = frozenset("""
a an the of in on at to for from by with without about over under into onto upon across through during before
after since until till within among between and or but nor so yet as than that which who whom whose what when
where why how this these those there here it its they them their he him his she her we us our you your i me my
is are was were be been being am has have had having do does did will would shall should can could may might
must said says say told reported according also only just even still all any each every some most many much
more less few fewer several both either neither not no nor other another such same own very too again further
then once if while whereas because although though whether per via including included include includes
along near beyond toward towards behind beside inside outside throughout amid despite except like unlike
""".split())
# after these, a time unit is a moment, not a quantity: "after eight hours of talks", "in the past 10 days"
TIME_PHRASE_BEFORE = frozenset({"after", "for", "within", "past", "last", "next", "coming", "in", "over", "since",
                                "recent", "previous", "first", "final", "early", "earlier"})
TIME_PHRASE_AFTER = frozenset({"ago", "earlier", "later", "before", "after", "old", "since", "into", "from"})
RATE_PERIODS = frozenset({"day", "night", "week", "month", "year", "hour", "minute", "second", "daily",
                          "nightly", "weekly", "monthly", "annually", "yearly", "hourly", "capita", "head",
                          "barrel", "share", "tonne", "ton", "gallon", "litre", "liter", "kilogram", "kg", "pound",
                          "ounce", "person", "household", "student", "vote"})

# --- calendar and shared word sets ---------------------------------------------------------------------------------
MONTHS = frozenset({"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                    "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                    "november", "dec", "december"})
WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(WEEK)
CLOCK_WORDS = frozenset({"am", "pm", "gmt", "utc", "bst", "est", "edt", "cet", "cest", "pst", "pdt", "et", "pt",
                         "hrs", "clock", "msk", "ist"})
PREDICATE_OF = {word: event for event, words in PREDICATE_WORDS.items() for word in words}
CURRENCIES = frozenset(CURRENCY_WORDS.values()) | frozenset(CURRENCY_SYMBOLS.values())
# verbs that link a figure to what it measures: "turnout was 62%", "the toll rose to 48", "the crowd at 30,000"
LEVEL_VERBS = frozenset({"was", "is", "were", "are", "at", "to", "reached", "hit", "stood", "totalled", "totaled",
                         "topped", "exceeded", "be", "been", "remained", "became", "by"})
