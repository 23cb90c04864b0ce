"""The extractive summariser: citations, outlet coverage, redundancy, boilerplate, attribution, length, determinism."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from brief.config import Settings
from brief.figures import mentioned_values
from brief.summarize import StoryInput, create
from brief.summarize.extractive import ExtractiveSummarizer, salient_sentences
from brief.types import Article, Fact, FigureValue, Source, Story

REPO = Path(__file__).resolve().parent.parent

HARBOUR = (
    "Dock workers at the port of Velmar walked out on Tuesday in a strike over pay, halting container traffic.\n"
    "The union said 3,200 members joined the strike after talks with the port authority collapsed.\n"
    "Sign up for our newsletter to get the latest port news every morning.\n"
    "The port handles about a fifth of the country's container imports.\n"
    "Reporting by Ana Lind; Editing by Tom Berg\n"
    "Ships were already queuing outside the harbour by Tuesday evening, officials said."
)
COURIER = (
    "By Pella Harte\n"
    "Velmar Port Strike Halts Traffic\n"
    "Thousands of dock workers at the port of Velmar went on strike on Tuesday over pay, stopping container traffic.\n"
    "What does the strike mean for shoppers?\n"
    "The union put the number of strikers at 2,900, while the port authority gave no figure.\n"
    "Retailers warned that shelves could empty within two weeks if the strike lasts.\n"
    "(Photo: Getty Images)"
)
GAZETTE = (
    "The port authority of Velmar said it was ready to return to talks with the dock workers' union.\n"
    "Freight companies began diverting ships to the port of Ostra, some 300 kilometres to the north.\n"
    "\"We will not accept another year without a raise.\"\n"
    "The last strike at the port, in 2019, lasted nine days."
)


def _source(ref: int, text: str, title: str, outlet: str, duplicate_of: int | None = None) -> Source:
    article = Article(key=f"k{ref}", text=text, title=title, outlet=outlet, url=f"https://{outlet.lower()}.example/a")
    return Source(ref=ref, article=article, duplicate_of=duplicate_of)


def _story(*sources: Source) -> Story:
    return Story(id="s", sources=sources)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(state_dir=tmp_path / "state")


@pytest.fixture
def strike() -> Story:
    return _story(
        _source(1, HARBOUR, "Velmar dock workers strike over pay - Harbour Herald", "Harbour Herald"),
        _source(2, COURIER, "Strike halts Velmar port | Courier", "Courier"),
        _source(3, GAZETTE, "Velmar port authority offers new talks", "Gazette"),
    )


def _summary(story: Story, settings: Settings, facts: tuple[Fact, ...] = (), **options):
    summarizer = create("extractive", settings=settings, **options)
    return summarizer.summarize([StoryInput(story=story, facts=facts)])[0]


def _article_text(story: Story, ref: int) -> str:
    return next(s.article.text for s in story.sources if s.ref == ref)


def test_summary_sentences_come_from_their_cited_sources(strike, settings):
    summary = _summary(strike, settings)
    assert summary.engine == "extractive"
    assert 2 <= len(summary.sentences) <= 4
    for sentence in summary.sentences:
        assert sentence.refs and list(sentence.refs) == sorted(set(sentence.refs))
        assert any(sentence.text in _article_text(strike, ref) for ref in sentence.refs)


def test_no_summary_number_is_missing_from_its_source(strike, settings):
    for sentence in _summary(strike, settings, max_sentences=5).sentences:
        for ref in sentence.refs:
            assert mentioned_values(sentence.text) <= mentioned_values(_article_text(strike, ref))


def test_several_outlets_are_represented(strike, settings):
    summary = _summary(strike, settings)
    assert len({ref for s in summary.sentences for ref in s.refs}) >= 2
    ranked = salient_sentences(StoryInput(strike), settings=settings)
    assert {ref for c in ranked[:3] for ref in c.refs} == {1, 2, 3}  # taken from or cited within the first three


def test_boilerplate_bylines_captions_questions_and_headline_fragments_are_never_chosen(strike, settings):
    chosen = [c.text for c in salient_sentences(StoryInput(strike), settings=settings)]
    for line in ("Sign up", "Reporting by", "By Pella", "Velmar Port Strike Halts Traffic", "What does the strike",
                 "Getty", "We will not accept"):
        assert not any(line in text for text in chosen), line
    assert len(chosen) >= 8  # the real sentences are all there


def test_an_echoed_sentence_cites_every_outlet_that_states_it(settings):
    shared = "The bridge over the Ansel river reopened on Friday after three months of repairs."
    story = _story(
        _source(1, shared + "\nLocal shops said trade had fallen by half during the closure.", "Bridge reopens", "One"),
        _source(2, "Drivers queued at dawn to cross.\n" + shared, "Ansel bridge open again", "Two"),
        _source(3, "The city paid for the repairs from its road budget.\n" + shared, "River crossing back", "Three"),
    )
    summary = _summary(story, settings)
    echoed = [s for s in summary.sentences if s.text == shared]
    assert len(echoed) == 1  # stated once, not three times
    assert echoed[0].refs == (1, 2, 3)


def test_a_copy_neither_supplies_sentences_nor_counts_as_another_outlet(settings):
    original = ("The museum of Tarvik will close for renovation in March, its director said on Monday.\n"
                "The renovation will cost 12 million crowns and take two years.")
    other = ("Tarvik's museum is to shut for two years of building work from March.\n"
             "Its collection will be lent to galleries abroad while the work goes on.")
    story = _story(
        _source(1, original, "Tarvik museum to close", "Daily"),
        _source(2, original, "Tarvik museum to close", "Syndicate", duplicate_of=1),
        _source(3, other, "Museum shuts for works", "Weekly"),
    )
    ranked = salient_sentences(StoryInput(story), settings=settings)
    assert all(c.ref != 2 and 2 not in c.refs for c in ranked)
    assert {c.ref for c in ranked} == {1, 3}


def test_near_duplicate_sentences_are_not_both_chosen(settings):
    story = _story(
        _source(1, "Heavy snow closed the Brenn pass on Sunday, stranding hundreds of drivers overnight.\n"
                   "Rescue teams brought blankets and hot food to the stranded cars.", "Snow closes pass", "Alpine"),
        _source(2, "Heavy snow closed the Brenn pass on Sunday, stranding hundreds of drivers overnight.\n"
                   "The road authority expects to reopen the pass by Tuesday.", "Brenn pass shut", "Valley"),
    )
    texts = [s.text for s in _summary(story, settings).sentences]
    assert len(texts) == len(set(texts)) == 3


def test_contested_figure_is_attributed_to_its_outlet_and_cites_only_it(strike, settings):
    facts = (Fact(what="strikers", verdict="conflict", values=(
        FigureValue(value=3200.0, unit=None, qualifier=None, text="3,200 members", refs=(1,),
                    quote="The union said 3,200 members joined the strike after talks with the port authority "
                          "collapsed."),
        FigureValue(value=2900.0, unit=None, qualifier=None, text="2,900", refs=(2,),
                    quote="The union put the number of strikers at 2,900, while the port authority gave no figure."),
    )),)
    summary = _summary(strike, settings, facts=facts, max_sentences=5)
    contested = [s for s in summary.sentences if mentioned_values(s.text) & {3200.0, 2900.0}]
    assert contested, "the strikers figure should be in a 5-sentence summary"
    for sentence in contested:
        outlet = "Harbour Herald" if 3200.0 in mentioned_values(sentence.text) else "Courier"
        assert f"according to {outlet}".lower() in sentence.text.lower()
        assert len(sentence.refs) == 1
    uncontested = [s for s in summary.sentences if s not in contested]
    assert not any("according to Harbour Herald" in s.text or "according to Courier" in s.text for s in uncontested)


def test_length_settings_are_honoured(strike, settings):
    assert len(_summary(strike, settings, max_sentences=2).sentences) == 2
    assert len(_summary(strike, settings, max_sentences=5).sentences) == 5
    assert len(_summary(strike, settings, max_sentences=9).sentences) == 5  # at most five
    short = _summary(strike, settings, max_sentences=5, max_words=45)
    assert 2 <= len(short.sentences) < 5
    assert sum(len(s.text.split()) for s in short.sentences) <= 45
    tiny = _summary(strike, settings, max_sentences=5, max_words=5)
    assert len(tiny.sentences) == 2  # never fewer than two while the story has them
    with pytest.raises(ValueError):
        ExtractiveSummarizer(max_sentences=0)


def test_sentences_read_in_article_order(strike, settings):
    ranked = {c.text: c for c in salient_sentences(StoryInput(strike), settings=settings)}
    positions = [ranked[s.text].position for s in _summary(strike, settings).sentences]
    assert positions == sorted(positions)


def test_headline_is_the_central_title_without_the_outlet_suffix(strike, settings):
    headline = _summary(strike, settings).headline
    assert headline in ("Velmar dock workers strike over pay", "Strike halts Velmar port",
                        "Velmar port authority offers new talks")


def test_headline_falls_back_to_the_best_sentence_shortened(settings):
    story = _story(_source(1, HARBOUR, "", "Harbour Herald"), _source(2, COURIER, "", "Courier"))
    summary = _summary(story, settings)
    assert summary.headline
    assert len(summary.headline.split()) <= 14
    assert mentioned_values(summary.headline) <= mentioned_values(HARBOUR + COURIER)


def test_empty_and_boilerplate_only_stories_give_empty_summaries(settings):
    empty = _summary(_story(), settings)
    assert empty.sentences == () and empty.headline is None
    promo = _summary(_story(_source(1, "Sign up for our newsletter.\nRead more: top stories", "", "X")), settings)
    assert promo.sentences == ()


def test_truncated_excerpt_is_cut_back_to_its_main_clause(settings):
    text = ("The council approved a new tram line on Wednesday, bringing the total cost of the network to more "
            "than 900 million...")
    story = _story(_source(1, text, "Tram line approved", "Metro"),
                   _source(2, "The new tram line will link the airport with the old town by 2030.", "Tram", "City"))
    texts = [s.text for s in _summary(story, settings).sentences]
    assert "The council approved a new tram line on Wednesday." in texts
    assert not any(t.endswith("...") for t in texts)


def test_same_input_same_output(strike, settings):
    inputs = [StoryInput(strike), StoryInput(strike, max_sentences=3)]
    first = ExtractiveSummarizer(settings=settings).summarize(inputs)
    second = ExtractiveSummarizer(settings=settings).summarize(inputs)
    assert first == second
    assert len(first[1].sentences) == 3


def test_extractive_run_never_imports_torch(tmp_path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from brief.config import Settings\n"
        "from brief.summarize import StoryInput, create\n"
        "from brief.types import Article, Source, Story\n"
        "text = 'The river rose by two metres overnight.\\nResidents of the old town were told to leave.'\n"
        "story = Story('s', (Source(1, Article('k', text, title='Floods')),))\n"
        f"settings = Settings(state_dir=Path({str(tmp_path)!r}))\n"
        "summary = create('extractive', settings=settings).summarize([StoryInput(story)])[0]\n"
        "assert summary.sentences\n"
        "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_attribution_names_every_outlet_giving_the_value_and_drops_the_others(strike):
    from brief.summarize.attribution import attribute
    from brief.types import SummarySentence

    def fact(refs_3200: tuple[int, ...]) -> tuple[Fact, ...]:
        return (Fact(what="strikers", verdict="conflict", values=(
            FigureValue(3200.0, None, None, "3,200 members", "", refs_3200),
            FigureValue(2900.0, None, None, "2,900", "", (2,)),
        )),)

    sentence = SummarySentence("The union said 3,200 members joined the strike.", (1, 3))
    narrowed = attribute(sentence, 1, fact((1,)), strike.sources)
    assert narrowed == SummarySentence(
        "The union said 3,200 members joined the strike, according to Harbour Herald.", (1,))
    both = attribute(sentence, 1, fact((1, 3)), strike.sources)
    assert both.text == "The union said 3,200 members joined the strike, according to Harbour Herald and Gazette."
    assert both.refs == (1, 3)
    agreed = (Fact("strikers", "agree", (FigureValue(3200.0, None, None, "3,200", "", (1, 3)),)),)
    assert attribute(sentence, 1, agreed, strike.sources) == sentence
    speaker_last = SummarySentence("About 3,200 workers stayed away, union officials said.", (1,))
    assert attribute(speaker_last, 1, fact((1,)), strike.sources).text == (
        "According to Harbour Herald, about 3,200 workers stayed away, union officials said.")
    named = SummarySentence("Harbour Herald counted 3,200 strikers at the gates.", (1,))
    assert attribute(named, 1, fact((1,)), strike.sources).text == named.text


@pytest.mark.parametrize("line, reason", [
    ("By Jane Doe", "too short"),
    ("By Jane Doe, Staff Writer | Updated three hours ago on Tuesday.", "byline"),
    ("Reporting by Ana Lind in Velmar; Editing by Tom Berg and Mark Heinrich.", "credit line"),
    ("Firefighters work at the scene of the blaze on Tuesday. (AP Photo/Jo Smith)", "photo caption"),
    ("A man walks past the closed port gates in Velmar, Photo: Getty Images.", "photo caption"),
    ("Sign up for our daily newsletter to get the top stories every morning.", "promo"),
    ("What does the strike mean for shoppers in the run-up to Christmas?", "question"),
    ("Velmar Port Strike Halts Container Traffic Across the Region", "no sentence end (headline or fragment)"),
    ("The port authority of Velmar said it was ready to return to talks with the...", "truncated"),
    ("“We will not accept another year without a raise for our members.”", "quote without attribution"),
    ("THE STRIKE WILL CONTINUE UNTIL FURTHER NOTICE, THE UNION SAID.", "all capitals"),
    ("Follow us on https://social.example/velmar for live updates on the strike.", "promo"),
    ("Even after the deal, the port kept its old contracts for future use,” Kovac said.",
     "part of a longer quotation"),
    ('Kovac told the crowd: "We will stay out until the port pays what it owes us.', "part of a longer quotation"),
])
def test_unfit_lines_are_named_with_their_reason(line, reason):
    from brief.summarize.sentence_filter import unfit_reason

    assert unfit_reason(line) == reason


def test_real_sentences_are_fit_and_datelines_and_kickers_are_removed():
    from brief.summarize.sentence_filter import strip_dateline, unfit_reason

    for sentence in (
        "The union said 3,200 members joined the strike after talks collapsed.",
        "“We will not back down,” the union’s leader, Mira Kovac, told reporters.",
        "The museum’s copyright lawyers said the case would go to court.",
        "By the end of the week, the union said, most ships had left the harbour.",
        'Kovac called the offer "an insult" and said the strike would go on.',
    ):
        assert unfit_reason(sentence) is None, sentence
    assert strip_dateline("VELMAR (Reuters) - Dock workers walked out.") == "Dock workers walked out."
    assert strip_dateline("OSTRA, March 3 (AP) — Ships were diverted.") == "Ships were diverted."
    assert strip_dateline("EXCLUSIVE: The port will reopen.") == "The port will reopen."
    assert strip_dateline("US-led talks - as expected - stalled.") == "US-led talks - as expected - stalled."


@pytest.mark.parametrize("title, outlet, url, expected", [
    ("Strike halts Velmar port - Reuters", "Reuters", None, "Strike halts Velmar port"),
    ("Strike halts Velmar port | CNN Politics", None, "https://edition.cnn.com/x", "Strike halts Velmar port"),
    ("Strike halts Velmar port — The Harbour Herald", "Harbour Herald", None, "Strike halts Velmar port"),
    ("Courier: Strike halts Velmar port", "Courier", None, "Strike halts Velmar port"),
    ("Strike halts Velmar port as talks collapse - what comes next", None, None,
     "Strike halts Velmar port as talks collapse - what comes next"),
    ("Velmar strike.", None, None, "Velmar strike"),
    ("Dock Workers Strike - Owners Cry Foul", "Courier", None, "Dock Workers Strike - Owners Cry Foul"),
    ("Velmar Strike Enters Second Week | Harbour Herald", None, None, "Velmar Strike Enters Second Week"),
    ("Harbour Herald: Velmar Strike Enters Second Week", "Harbour Herald", None, "Velmar Strike Enters Second Week"),
])
def test_headline_cleaning_removes_outlet_names_only(title, outlet, url, expected):
    from brief.summarize.headline import clean_title

    assert clean_title(Source(1, Article("k", "x", title=title, outlet=outlet, url=url))) == expected


def test_huge_and_garbled_articles_are_summarised_from_their_beginning(settings):
    lead = "The council approved the new budget on Monday after a long debate over school funding."
    huge = lead + " " + "Officials then read out every line of the annex, one by one, for the record. " * 60_000
    garbled = "\ufffd\x00" * 200_000 + "\n" + "#" * 100_000
    story = _story(_source(1, huge, "Budget approved", "Gazette"), _source(2, garbled, "", "Noise"))
    summary = _summary(story, Settings(state_dir=settings.state_dir, embedding_model="tfidf"))
    assert summary.sentences[0].text == lead
    assert all(s.refs == (1,) for s in summary.sentences)


def test_attribution_to_sources_without_an_outlet_name_uses_no_number_word():
    from brief.summarize.attribution import attribute
    from brief.types import SummarySentence

    unnamed = tuple(Source(ref, Article(f"k{ref}", "x")) for ref in (1, 2))
    named = (Source(1, Article("k1", "x", outlet="Reuters")), unnamed[1])
    sentence = SummarySentence("Air defences downed 337 drones overnight.", (1, 2))
    fact = (Fact("drones downed", "conflict", (FigureValue(337.0, None, None, "337 drones", "", (1, 2)),
                                               FigureValue(343.0, None, None, "343", "", (3,)))),)
    assert attribute(sentence, 1, fact, unnamed).text == (
        "Air defences downed 337 drones overnight, according to several reports.")
    assert attribute(sentence, 1, fact, named).text == (
        "Air defences downed 337 drones overnight, according to Reuters and another report.")
    alone = SummarySentence(sentence.text, (1,))
    assert attribute(alone, 1, fact, unnamed).text.endswith(", according to a report.")
    # a sentence naming who claims it already says it is a claim: "a report" would add nothing
    said = SummarySentence("The ministry said it downed 337 drones overnight.", (1,))
    assert attribute(said, 1, fact, unnamed).text == said.text
    assert attribute(said, 1, fact, named).text == (
        "The ministry said it downed 337 drones overnight, according to Reuters.")


def test_a_step_of_an_earlier_argument_leans_on_context():
    from brief.summarize.sentence_filter import leans_on_context

    assert leans_on_context("Second, the port kept its old contracts after the deal.")
    assert not leans_on_context("Second-quarter profits at the port fell by a fifth.")


def test_the_event_behind_the_compared_figures_makes_the_summary(settings):
    from brief.figures import compare_figures

    opening = "Negotiators from Ostra and Velmar met in Lunden on Monday to discuss a border treaty.\n"
    rest = ("The delegations spent the morning on the wording of the treaty's first chapter.\n"
            "Diplomats said the talks on the treaty would continue in Lunden through the week.\n"
            "Both governments have promised to put any agreement to their parliaments before spring.\n")
    story = _story(
        _source(1, opening + "Overnight, a landslide in the hills of Ostra killed 14 villagers.\n" + rest,
                "Talks open", "Gazette"),
        _source(2, opening.replace("Negotiators", "Envoys") + "A landslide in Ostra's hills killed 16 villagers.\n"
                + rest, "Treaty talks begin", "Courier"),
    )
    without = _summary(story, settings, max_sentences=2)
    assert not any("landslide" in s.text for s in without.sentences)
    summary = _summary(story, settings, compare_figures(story), max_sentences=2)
    landslide = [s for s in summary.sentences if "landslide" in s.text]
    assert len(landslide) == 1 and "according to" in landslide[0].text  # outlets disagree: named as a claim
