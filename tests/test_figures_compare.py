"""Aligning figures across outlets and giving verdicts (brief.figures.compare_figures), on made-up reports of
the kinds real outlets disagree on: tolls, updates, votes, crowds, percentages, money — and look-alike traps."""
from __future__ import annotations

from datetime import datetime

from brief.figures import compare_figures, contested_in, contested_values
from brief.types import Article, Source, Story


def story(*texts, published=None, copies=None):
    sources = tuple(
        Source(ref=i + 1, article=Article(key=f"a{i}", text=text, published=published[i] if published else None),
               duplicate_of=(copies or {}).get(i + 1))
        for i, text in enumerate(texts)
    )
    return Story(id="s", sources=sources)


def facts_of(*texts, **kw):
    return compare_figures(story(*texts, **kw))


def holding(facts, *values):
    """The fact whose values are exactly `values`."""
    found = [f for f in facts if sorted(v.value for v in f.values) == sorted(values)]
    assert len(found) == 1, [(f.what, [v.value for v in f.values]) for f in facts]
    return found[0]


def refs_of(fact, value):
    return next(v.refs for v in fact.values if v.value == value)


def test_casualty_toll_conflict_and_agreement():
    facts = facts_of("The blast killed 12 people and injured 30, police said.",
                     "Fifteen people died in the blast and 30 were wounded.",
                     "At least 12 people were killed in the explosion.")
    killed = holding(facts, 12, 15, 12)
    assert killed.verdict == "conflict" and killed.what == "people killed"
    assert refs_of(killed, 15) == (2,)
    injured = holding(facts, 30)
    assert injured.verdict == "agree" and injured.values[0].refs == (1, 2)
    assert facts[0] is killed  # conflicts first


def test_toll_rising_over_publication_times_is_an_update():
    facts = facts_of("A powerful earthquake struck southern Turkey, killing at least 44 people, officials said.",
                     "The death toll from the earthquake in southern Turkey rose to 48, the disaster agency said.",
                     published=[datetime(2024, 1, 1, 8), datetime(2024, 1, 1, 14)])
    (fact,) = facts
    assert fact.verdict == "update" and fact.note == "rose from at least 44 to 48"
    assert [v.value for v in fact.values] == [44, 48]


def test_compatible_qualifiers_agree_without_times():
    (fact,) = facts_of("The quake killed at least 44 people.", "The quake killed 48 people.")
    assert fact.verdict == "agree" and fact.note == "compatible: at least 44 and 48"


def test_exact_counts_that_differ_conflict_and_a_falling_toll_is_no_update():
    (total,) = facts_of("The army said it downed 337 drones.", "The army said it downed 343 drones.")
    assert total.verdict == "conflict" and total.note == "337 vs 343"
    (revised,) = facts_of("At least 50 people were killed, officials said.",
                          "Officials revised the toll: 41 people were killed.",
                          published=[datetime(2024, 5, 1, 8), datetime(2024, 5, 1, 12)])
    assert revised.verdict == "conflict"


def test_launched_and_shot_down_are_different_counts():
    facts = facts_of("Ukraine's air force said Russia launched 112 drones overnight, 86 of which were shot down.",
                     "Russia fired 112 drones at Ukraine overnight; air defences downed 86.",
                     "Ukrainian forces shot down 90 drones overnight, the air force said.")
    launched = holding(facts, 112)
    assert launched.verdict == "agree" and "launched" in launched.what and "Russia" in launched.what
    downed = holding(facts, 86, 90)
    assert downed.verdict == "conflict" and refs_of(downed, 86) == (1, 2)


def test_the_other_sides_launches_do_not_join():
    facts = facts_of("Russia's defence ministry said it destroyed 120 Ukrainian drones overnight.",
                     "Ukraine said Russia had launched 126 drones at its regions overnight.",
                     "Russia's military said it intercepted 125 drones over its territory overnight.")
    assert holding(facts, 126).verdict == "single"
    assert holding(facts, 120, 125).verdict == "conflict"


def test_an_earlier_event_does_not_join_todays_toll():
    facts = facts_of("The flood killed 30 people, officials said.",
                     "The flood has killed 30 people. A separate landslide on Saturday killed 7 people.",
                     "Thirty-two people died in the floods, the ministry said.")
    assert holding(facts, 30, 32).verdict == "conflict"
    assert holding(facts, 7).verdict == "single"


def test_a_part_is_not_the_whole_unless_the_whole_is_smaller():
    facts = facts_of("Officials said 12 people were killed in Kharkiv.",
                     "In all, 20 people were killed across Ukraine, officials said.")
    assert {f.verdict for f in facts} == {"single"} and len(facts) == 2
    (fact,) = facts_of("Officials said 12 people were killed in Kharkiv.",
                       "Nine people were killed across Ukraine, officials said.")
    assert fact.verdict == "conflict"


def test_counts_with_and_without_the_attacker_stay_apart():
    facts = facts_of("Five people were killed, including the gunman, police said.",
                     "Four people were killed, not including the gunman.")
    assert [f.verdict for f in facts] == ["single", "single"]


def test_forecast_and_rate_are_not_the_actual_count():
    facts = facts_of("The economy added 150,000 jobs in March.",
                     "Economists had expected 180,000 jobs; the economy added 150,000 jobs.")
    assert holding(facts, 150_000).verdict == "agree"
    assert holding(facts, 180_000).what.startswith("forecast:")
    facts = facts_of("Russia regularly launches more than 100 drones each night.",
                     "Russia launched 126 drones overnight.")
    assert len(facts) == 2 and {f.verdict for f in facts} == {"single"}


def test_a_planned_figure_the_sentence_takes_as_given_joins_the_plan():
    facts = facts_of("The line will have 14 stations.",
                     "Planners say the line's 14 stations will put a third of homes within a walk of a train.")
    stations = holding(facts, 14)
    assert stations.verdict == "agree" and stations.values[0].refs == (1, 2)
    assert not stations.what.startswith("forecast:")


def test_vote_counts_by_side():
    facts = facts_of("The bill passed the Senate by 52 votes to 48.",
                     "Senators approved the measure with 52 votes in favour and 47 against.")
    assert holding(facts, 52).verdict == "agree" and holding(facts, 52).what == "votes in favour"
    against = holding(facts, 48, 47)
    assert against.verdict == "conflict" and against.what == "votes against"


def test_crowd_estimates_from_organisers_and_police():
    (fact,) = [f for f in facts_of(
        "Organisers said 200,000 people marched through the capital, while police put the figure at 30,000.",
        "Police estimated the crowd at 30,000; organisers claimed 200,000 protesters took part.")
        if len(f.values) > 1]
    assert fact.verdict == "conflict"
    assert refs_of(fact, 200_000) == (1, 2) and refs_of(fact, 30_000) == (1, 2)


def test_percentages_fractions_and_rounding():
    (seats,) = facts_of("Opposition parties won one-fifth of the seats.",
                        "The opposition took 20% of seats in parliament.")
    assert seats.verdict == "agree" and seats.values[0].unit == "%" and seats.values[0].value == 20
    (turnout,) = facts_of("Turnout was 62%, the electoral commission said.", "Turnout reached 61.5 per cent.")
    assert turnout.verdict == "agree"  # 61.5 rounds to 62
    (share,) = facts_of("The opposition won one-fifth of the seats.",
                        "The opposition won about a quarter of the seats.")
    assert share.verdict == "conflict"


def test_money_amounts():
    facts = facts_of("The EU pledged €50 billion in aid to Ukraine.",
                     "EU leaders approved a €50bn aid package for Ukraine.",
                     "The €55 billion package was approved.")
    (fact,) = facts
    assert fact.verdict == "conflict" and fact.values[0].unit == "EUR" and refs_of(fact, 50e9) == (1, 2)
    (rounded,) = facts_of("The company agreed to pay $3.2 billion.", "The firm will pay $3bn.")
    assert rounded.verdict == "agree"


def test_what_a_thing_costs_is_labelled_a_cost_and_is_one_outlay_with_the_amount_approved_or_paid():
    cost = holding(facts_of("The council approved a $2.4 billion plan to build the line.",
                            "The $2.1 billion line will run 38 km."), 2.4e9, 2.1e9)
    assert (cost.what, cost.verdict) == ("cost (USD)", "conflict")  # not "amount paid"
    (outlay,) = facts_of("Congress approved $1.3 billion for the fence.", "The state will pay $1.3 billion for it.")
    assert (outlay.what, outlay.verdict) == ("amount approved (USD)", "agree")
    (worth,) = facts_of("The EU drew up tariffs worth about $3.5 billion.")
    assert worth.what == "value (USD)"


def test_ranges_and_number_words():
    (fact,) = facts_of("Between 20 and 30 people were injured in the crash.",
                       "Twenty-five people were injured in the crash.")
    assert fact.verdict == "agree"
    (dozen,) = facts_of("A dozen people were injured.", "Twenty-five people were injured.")
    assert dozen.verdict == "conflict"
    (vague,) = facts_of("Tens of thousands of people marched.", "Some 40,000 people marched.")
    assert vague.verdict == "agree"


def test_a_copy_is_not_an_independent_confirmation():
    (fact,) = facts_of("The fire destroyed 120 homes.", "The fire destroyed 120 homes, officials said.",
                       copies={2: 1})
    assert fact.verdict == "single" and fact.values[0].refs == (1, 2)


def test_contested_values_and_sentences():
    facts = facts_of("The army said it downed 337 drones and 3 people died.",
                     "The army said it downed 343 drones and 3 people died.")
    contested = contested_values(facts)
    assert set(contested) == {337.0, 343.0}
    assert contested_in("Russia downed 343 drones overnight.", facts) == (contested[343.0],)
    assert contested_in("Three people died.", facts) == ()


def test_story_without_figures():
    assert facts_of("No numbers here at all.", "") == ()


def test_each_candidates_share_pairs_with_the_same_candidate():
    facts = facts_of("Smith won 52.3% of the vote, while Jones took 45.1%.",
                     "Jones took 45.3% of the vote and Smith won 52.1%.")
    smith, jones = holding(facts, 52.3, 52.1), holding(facts, 45.1, 45.3)
    assert smith.what.endswith("by Smith") and jones.what.endswith("by Jones")
    assert smith.verdict == jones.verdict == "conflict"


def test_seriously_injured_is_not_all_injured():
    facts = facts_of("More than 300 people were injured, 40 of them seriously.",
                     "Some 310 people were hurt in the blast.", "Forty-five people were seriously injured.")
    assert holding(facts, 300, 310).verdict == "agree"
    assert holding(facts, 40, 45).verdict == "conflict"


def test_nationals_are_people():
    (fact,) = facts_of("Israeli strikes killed 42 Palestinians in Gaza overnight, the health ministry said.",
                       "At least 40 people were killed in Gaza overnight.")
    assert fact.verdict == "agree" and fact.what == "people killed in Gaza"


def test_a_shooting_reported_by_three_outlets():
    facts = facts_of(
        "A gunman opened fire in Belgrade on Friday, killing eight people and wounding 13 others, police said.\n"
        "Serbia has an estimated 39 guns per 100 residents.",
        "Eight people were killed and 14 were wounded in a shooting near Mladenovac late on Thursday.\n"
        "Serbia has 39.1 firearms per 100 people, according to the Small Arms Survey.",
        "Police said on Friday that a gunman killed eight people and injured 14 in villages south of Belgrade.",
        published=[datetime(2023, 5, 5, 8), datetime(2023, 5, 5, 9), datetime(2023, 5, 5, 12)])
    killed = next(f for f in facts if {v.value for v in f.values} == {8})
    assert killed.verdict == "agree" and killed.values[0].refs == (1, 2, 3)
    injured = next(f for f in facts if {v.value for v in f.values} == {13, 14})
    assert injured.verdict == "update" and injured.note == "rose from 13 to 14"  # 13 at 8:00, 14 from 9:00
    assert all(100 not in {v.value for v in f.values} for f in facts)  # "per 100 residents" is a rate's base
    guns = next(f for f in facts if {v.value for v in f.values} == {39})
    assert guns.what == "guns per 100 residents"


def test_only_tolls_rise_into_updates():
    (drones,) = facts_of("The ministry said it downed 337 drones overnight.",
                         "The ministry said it downed 343 drones overnight.",
                         published=[datetime(2025, 3, 11, 8), datetime(2025, 3, 11, 11)])
    assert drones.verdict == "conflict"
    (toll,) = facts_of("The strike killed 12 people.", "The strike killed 15 people.", "The strike killed 12 people.",
                       published=[datetime(2025, 3, 11, 8), datetime(2025, 3, 11, 11), datetime(2025, 3, 11, 12)])
    assert toll.verdict == "conflict"  # back down to 12 later: not a rising toll


def test_vote_tallies_in_several_wordings():
    facts = facts_of("The council approved the plan on Tuesday by 41 votes to 35.",
                     "Councillors voted 41-35 in favour, with two abstentions.",
                     "Members backed the scheme, 41 in favour and 35 against, with three members abstaining.",
                     "A smaller plan was rejected in 2025 by 44 votes to 32.")
    assert holding(facts, 41).verdict == "agree" and holding(facts, 41).values[0].refs == (1, 2, 3)
    assert holding(facts, 35).what == "votes against"
    assert holding(facts, 2, 3).verdict == "conflict" and holding(facts, 2, 3).what == "abstentions"
    assert holding(facts, 44).what.startswith("votes against")  # "rejected by 44": the 44 were against


def test_who_voted_and_when_one_outlet_says_do_not_split_a_vote():
    # the body that votes ("the Harwick City Council voted") is no holder of one side, and a day one outlet names
    # is no other vote: each side is one row with all three sources
    facts = facts_of("The Harwick City Council voted 27 to 19 on Monday to approve the budget.",
                     "Councillors voted 27 to 19 in favour after a long debate.",
                     "The budget passed by 27 votes to 19.")
    assert len(facts) == 2
    for_, against = holding(facts, 27), holding(facts, 19)
    assert (for_.what, for_.verdict, refs_of(for_, 27)) == ("votes in favour", "agree", (1, 2, 3))
    assert (against.what, against.verdict, refs_of(against, 19)) == ("votes against", "agree", (1, 2, 3))
    monday = [datetime(2025, 6, 3, 9), datetime(2025, 6, 3, 10), datetime(2025, 6, 3, 11)]
    assert holding(facts_of("The Harwick City Council voted 27 to 19 on Monday to approve the budget.",
                            "Councillors voted 27 to 19 in favour after a long debate.", published=monday[:2]),
                   27).values[0].refs == (1, 2)
    (won,) = facts_of("Smith won 120 votes.")  # a candidate's votes keep their holder
    assert won.what == "votes won by Smith"


def test_last_year_and_last_month_are_read_from_the_publication_date():
    nov_2026 = [datetime(2026, 11, 18, 8), datetime(2026, 11, 18, 12)]
    texts = ("The council approved the new plan on Tuesday by 41 votes to 35. It had rejected a first plan in 2025 "
             "by 44 votes to 32.",
             "Councillors voted 41 to 35 on Tuesday. A costlier version was rejected last year by 44 votes to 32.")
    facts = facts_of(*texts, published=nov_2026)
    earlier_against, earlier_for = holding(facts, 44), holding(facts, 32)
    assert earlier_against.what == "votes against in 2025" and refs_of(earlier_against, 44) == (1, 2)
    assert earlier_for.what == "votes in favour in 2025" and refs_of(earlier_for, 32) == (1, 2)
    assert refs_of(holding(facts, 41), 41) == (1, 2) and refs_of(holding(facts, 35), 35) == (1, 2)  # this year's
    undated = facts_of(*texts)  # without a publication date "last year" names no year
    assert [f.what for f in undated if f.values[0].value == 44] == ["votes against in 2025", "votes against last year"]
    (inflation,) = facts_of("Inflation stood at 3.8% in October, the statistics office said.",
                            "Inflation was 3.8% last month.", published=nov_2026)
    assert inflation.verdict == "agree" and inflation.what == "inflation (%) in October"
    december = [datetime(2026, 12, 2, 8), datetime(2026, 12, 2, 9)]
    assert len(facts_of("Unemployment fell to 4.1% in October.", "Unemployment fell to 4.3% last month.",
                        published=december)) == 2  # November's rate is not October's


def test_more_things_add_to_a_count():
    # "two more bodies" is an addition: it joins a count only when the values fit
    (troops,) = facts_of("The Pentagon will send 3,000 more troops to the region.",
                         "The Pentagon will send 3,000 troops to the region.")
    assert troops.verdict == "agree"
    more, troops = facts_of("The Pentagon will send 3,000 more troops.", "The Pentagon has 14,000 troops there.")
    assert (more.what, troops.what) == ("more troops", "soldiers")
    (packages,) = facts_of("Two additional packages were found on Friday.")
    assert packages.what.startswith("additional packages")  # as the source words it


def test_others_opening_a_sentence_are_people():
    # "Nine others were injured" has no figure before it in its sentence: its event says it counts people, and
    # "two of them seriously" is a part of it; "two more bodies" (an addition) stays apart
    facts = facts_of("Six workers died in the fire. Nine others were injured, two of them seriously. Crews later "
                     "recovered two more bodies from the rubble.",
                     "Six workers died and nine people were injured. Two of the injured remain in serious condition.")
    injured = holding(facts, 9)
    assert (injured.what, injured.verdict, refs_of(injured, 9)) == ("people injured", "agree", (1, 2))
    serious, bodies = [f for f in facts if f.values[0].value == 2]
    assert (serious.what, refs_of(serious, 2)) == ("people seriously injured", (1, 2))
    assert (bodies.what, bodies.verdict) == ("more bodies", "single")
    assert not facts_of("Two of them died at the scene.")  # a part of a figure in another sentence
    assert not facts_of("Four more were killed on Monday.")  # an addition to a toll is no toll


def test_a_count_its_determiner_presents_as_known_is_no_forecast():
    stations = holding(facts_of("Planners say the line's 14 stations will put a third of homes within reach.",
                                "The line will have 14 stations."), 14)
    assert (stations.what, stations.verdict, refs_of(stations, 14)) == ("stations", "agree", (1, 2))
    (journey,) = facts_of("He said his 75-minute journey could be cut in half.")
    assert not journey.what.startswith("forecast")
    for forecast in ("Officials hope to reach the expected 60,000 passengers by 2032.",
                     "Growth will be zero, not the 2.1 percent growth rate projected by the IMF.",
                     "The suit could cost the world's largest retailer billions of dollars.",
                     "Planners say it will carry 60,000 passengers a day by 2032."):
        (fact,) = facts_of(forecast)
        assert fact.what.startswith("forecast: "), forecast


def test_an_offer_is_not_a_demand():
    facts = facts_of("The department has offered a rise of 4.5% over two years; the union wants 7%.",
                     "The union is seeking 7 per cent, while the department offered a pay rise of 4.5%.")
    offer, demand = holding(facts, 4.5), holding(facts, 7)
    assert offer.verdict == demand.verdict == "agree"
    assert "offered" in offer.what and "demanded" in demand.what


def test_a_figure_that_names_no_thing_joins_the_one_that_does():
    (fact,) = facts_of("The council approved a 38-kilometre light-rail line.", "The line will run 38 km to the port.")
    assert fact.verdict == "agree" and fact.values[0].unit == "km"


def test_earlier_events_and_other_places_stay_apart():
    facts = facts_of("Four workers were killed in the fire at the plant in Port Ellery late on Tuesday.",
                     "Six workers have died in the Port Ellery fire. Earlier on Tuesday, a blaze at a factory in "
                     "Dunmore killed three workers.")
    assert holding(facts, 4, 6).verdict == "conflict"
    assert holding(facts, 3).verdict == "single"


def test_amounts_of_different_kinds_and_measures_of_time():
    facts = facts_of("The company was fined $45,000 last year.", "The $2.4 billion plan was approved.",
                     "Within half an hour, a quarter of an hour later, flags flew at half mast.")
    assert {f.values[0].value for f in facts} == {45_000, 2.4e9}


def test_employees_are_not_a_crowd_and_a_part_of_an_earlier_figure_is_not_a_figure():
    facts = facts_of("The firm employs about 140 people.", "Hundreds of people attended a vigil.",
                     "Two of them died at the scene.")
    assert len(facts) == 2 and {f.verdict for f in facts} == {"single"}


def test_a_toll_rising_through_the_day_with_the_day_it_was_said():
    (fact,) = facts_of("The earthquake killed at least 1,000 people, officials said on Saturday.",
                       "The death toll from Friday's earthquake has risen to 2,012, the state news agency said.",
                       "More than 2,000 people have died in the quake.",
                       published=[datetime(2023, 9, 9, 6), datetime(2023, 9, 9, 18), datetime(2023, 9, 9, 20)])
    assert fact.verdict == "update" and fact.note == "rose from at least 1,000 to more than 2,000"


def test_rates_of_a_level_and_the_earlier_value_of_a_change():
    facts = facts_of("The unemployment rate fell to 3.9% in May from 4.0% in April, the Labor Department said.",
                     "The jobless rate edged down to 3.9% in May.")
    (fact,) = facts
    assert fact.verdict == "agree" and fact.what.startswith("unemployment")


def test_a_line_repeated_thousands_of_times_is_one_claim_and_does_not_stall():
    # pairwise alignment made this quadratic in time and memory (minutes, then gigabytes)
    facts = facts_of("At least 12 drones were shot down.\n\n" * 3000, "Officials said 12 drones were shot down.")
    (fact,) = facts
    assert fact.verdict == "agree" and {v.value for v in fact.values} == {12}


def test_a_source_listing_thousands_of_figures_is_compared_on_its_first_ones():
    listing = " ".join(f"At least {i} people were killed in Town{i}." for i in range(1, 3001))
    facts = facts_of(listing)
    assert 0 < len(facts) <= 200
    assert any(v.value == 1 for fact in facts for v in fact.values)  # reading order: the first figures are kept


def test_a_values_scope_says_where_and_when():
    (fact,) = facts_of("At least 44 people were killed in Marrowby county on Saturday, police said.",
                       "Officials said 44 people were killed in Marrowby county on Saturday.")
    assert {v.scope for v in fact.values} == {"in Marrowby county, on Saturday"}


def test_a_range_keeps_both_bounds_and_what_was_cut_off():
    import json

    from brief.render import render_figures

    flood = story("Between 20 and 30 villages were cut off by the floods, officials said.",
                  "As many as 30 villages were isolated by the floods.")
    (fact,) = json.loads(render_figures([(flood, compare_figures(flood))], "json"))["stories"][0]["figures"]
    assert fact["what"] == "villages cut off" and fact["verdict"] == "agree"
    shown = {(v["display"], v["value"], v["high"]) for v in fact["values"]}
    assert shown == {("20–30", 20, 30), ("up to 30", 30, None)}


def test_fractions_and_vague_amounts_are_shown_in_the_sources_words():
    import json

    from brief.render import render_figures

    fire = story("Firefighters found dozens of burnt-out cars, and about two-thirds of the forest was lost.",
                 "Around 66% of the forest was lost, rangers said, and 30 cars burnt out.")
    figures = json.loads(render_figures([(fire, compare_figures(fire))], "json"))["stories"][0]["figures"]
    shown = {v["display"]: v["refs"] for fact in figures for v in fact["values"]}
    assert shown["about two-thirds"] == [1] and shown["about 66%"] == [2]
    assert shown["dozens"] == [1]
    assert not any("66.7" in display or "24" in display for display in shown)  # numbers no source gave
    lost = next(fact for fact in figures if {v["display"] for v in fact["values"]} >= {"about two-thirds"})
    assert lost["verdict"] == "agree"


def test_teams_searching_do_not_join_people_rescued():
    facts = facts_of("A dozen rescue teams combed the valley after the landslide.",
                     "Rescuers saved 12 people from the mud, officials said.")
    assert sorted((f.what, f.verdict, f.values[0].refs) for f in facts) == [
        ("people rescued", "single", (2,)), ("rescue teams", "single", (1,))]


def test_one_in_five_after_that_agrees_with_twenty_percent():
    (fact,) = facts_of("A survey for the council found that one in five tenants backed the rent plan.",
                       "A council survey found 20% of tenants backed the rent plan.")
    assert fact.verdict == "agree" and fact.what == "share of tenants"
    assert [(v.value, v.unit, v.refs) for v in fact.values] == [(20, "%", (1, 2))]


def test_a_crowd_that_came_agrees_with_people_who_attended():
    (fact,) = facts_of("About 38,000 came to the rally on Sunday, police said.",
                       "Police said 38,000 people attended Sunday's rally.")
    assert (fact.what, fact.verdict) == ("people attending on Sunday", "agree")
    assert sorted(r for v in fact.values for r in v.refs) == [1, 2]


def test_a_single_source_figure_of_an_earlier_year_says_which_year():
    published = [datetime(2026, 3, 4, 9), datetime(2026, 3, 4, 11)]
    facts = facts_of("Two people died when fire tore through the mill on Tuesday. It was the deadliest fire in the "
                     "valley since 2017, when five people were killed at a sawmill.",
                     "The mill fire on Tuesday killed two people. The previous blaze at the mill, in 2015, injured "
                     "eleven workers. Since 2010, 14 people have died in fires in the valley.", published=published)
    assert sorted((f.what, f.verdict, [v.value for v in f.values]) for f in facts) == [
        ("people killed in 2017", "single", [5]), ("people killed on Tuesday", "agree", [2]),
        ("people killed since 2010", "single", [14]), ("workers injured in 2015", "single", [11])]


def test_units_on_both_ends_of_a_range_and_a_running_total_are_read_without_failing():
    import json

    from brief.render import render_figures

    report = story("The plan cuts emissions by 50%-52% from 2005 levels, officials said.",
                   "The virus has killed 2,000 people so far, officials said.",
                   "A typical couple's benefits would climb by $154 to $2,754 per month.")
    figures = json.loads(render_figures([(report, compare_figures(report))], "json"))["stories"][0]["figures"]
    shown = {v["display"]: v for fact in figures for v in fact["values"]}
    assert shown["50%–52%"]["high"] == 52
    assert shown["2,000"]["scope"] == "so far"
    assert "$154" in shown and "$2,754" in shown  # a rise by $154 to $2,754 is no range


def test_a_range_shows_its_unit_at_both_ends_and_only_numbers_the_source_gave():
    import json

    from brief.render import render_figures

    report = story("Rents rose 20 to 30 percent last year.", "The repairs will cost between $5 and $7 million.",
                   "Officials said 1.5 to 2 million people fled.", "The fire spread 20-30 km into the forest.")
    facts = compare_figures(report)
    figures = json.loads(render_figures([(report, facts)], "json"))["stories"][0]["figures"]
    shown = {v["display"] for fact in figures for v in fact["values"]}
    assert shown == {"20%–30%", "$5,000,000–$7,000,000", "1,500,000–2,000,000", "20 km–30 km"}
    rents = next(fact["what"] for fact in figures if fact["values"][0]["unit"] == "%")
    assert rents.startswith("rents") and " by " not in rents  # the rents hold no share of anything


def test_a_story_the_figures_engine_fails_on_loses_only_its_own_figures(monkeypatch):
    import brief.figures as figures

    good = story("The blast killed 12 people, police said.", "Twelve people died in the blast.")
    bad = Story(id="b", sources=(Source(ref=1, article=Article(key="feed#7", path="odd.txt", text="x")),))
    real = figures.compare_figures
    monkeypatch.setattr(figures, "compare_figures", lambda s: 1 / 0 if s is bad else real(s))
    facts, problems = figures.compare_stories([good, bad])
    assert facts[0] and facts[1] == ()
    assert len(problems) == 1 and "odd.txt" in problems[0] and "ZeroDivisionError" in problems[0]


def test_things_told_apart_by_a_modifier_join_only_when_their_values_fit():
    facts = facts_of("The ban covers seven mostly rural counties.", "Officials of the two counties met.")
    assert {f.verdict for f in facts} == {"single"}  # not a conflict of 7 against 2
    (fact,) = facts_of("Investigators seized about 50,000 secret files.", "Some 50,000 files were taken.")
    assert fact.verdict == "agree"


def test_a_label_does_not_say_twice_what_happened_nor_that_things_were_won():
    (fact,) = facts_of("Police made 12 arrests overnight.", "Twelve people were arrested overnight.")
    assert (fact.what, fact.verdict) == ("people arrested", "agree")  # not "arrests arrested", and one fact
    (fact,) = facts_of("The petition received 120,000 signatures.")
    assert fact.what == "signatures received"
    (fact,) = facts_of("Smith won 120 seats.")
    assert fact.what == "seats won by Smith"


def test_one_outlets_figure_that_names_no_thing_is_left_out_but_never_one_two_outlets_give():
    assert facts_of("The survey put the rate near 17 percent, and 17 percent it stayed.") == ()
    assert facts_of("Aides briefed two of former Governor Reyes's donors.") == ()  # 'former' is no thing
    assert facts_of("Crews toured three Lima, Peru, depots on Monday.") == ()  # nor is a place name
    (fact,) = facts_of("Crews toured three Lima, Peru, depots.", "Inspectors saw three Lima, Peru, depots.")
    assert fact.verdict == "agree" and [v.refs for v in fact.values] == [(1, 2)]
    (fact,) = facts_of("About 17 percent of voters backed it.")  # a share of something named is kept
    assert fact.values[0].value == 17


def test_a_count_of_one_kind_is_no_conflict_with_the_count_of_all():
    facts = facts_of("In total, the country fired 23 missiles during 16 tests last year, according to a CNN count.",
                     "Kim tested three intercontinental ballistic missiles last year.")
    assert "conflict" not in {f.verdict for f in facts}
    assert holding(facts, 3).what.startswith("intercontinental ballistic missiles")  # the label names the kind
    (fact,) = facts_of("The country fired three missiles on Sunday.", "It fired three ballistic missiles on Sunday.")
    assert fact.verdict == "agree"  # the only kind each source counts: the values decide
    # a source that counts the kind beside the whole means a part of it: the whole is what the other outlet counts
    facts = facts_of("Russia fired 40 missiles at Kyiv, including 12 cruise missiles.",
                     "Russia fired 12 missiles at Kyiv.")
    assert holding(facts, 40, 12).verdict == "conflict" and holding(facts, 12).values[0].refs == (1,)


def test_a_synonym_a_nationality_or_the_attack_is_no_kind_of_what_is_counted():
    for first, second in (("337 drones", "343 unmanned aerial vehicles"), ("337 Shahed drones", "343 drones"),
                          ("337 attack drones", "343 drones"), ("337 Ukrainian drones", "343 drones")):
        (fact,) = facts_of(f"Russia said it downed {first} overnight.", f"Russia said it downed {second} overnight.")
        assert fact.verdict == "conflict" and fact.what.startswith("drones"), (first, second, fact.what)


def test_capitals_of_an_acronym_are_no_name():
    (fact,) = facts_of("Moscow reported downing 337 drones.", "Russia said it downed 343 UAVs.")
    assert fact.verdict == "conflict" and fact.what.startswith("drones downed")


def test_a_cap_is_labelled_a_limit_and_never_joins_a_count():
    facts = facts_of("The union wants a cap of 30 pupils per class.", "Each class has 30 pupils.")
    assert sorted(f.what for f in facts) == ["limit: students per class", "students per class"]
    facts = facts_of("The strike kept about 28 pupils at home.", "The union wants a cap of 28 pupils.")
    assert sorted((f.what, f.verdict) for f in facts) == [("limit: students", "single"), ("students", "single")]


def test_a_radius_around_a_place_joins_the_same_radius_that_names_no_place():
    (fact,) = facts_of("Police ordered residents within two kilometres of the plant to stay indoors.",
                       "Everyone living within 2 km was asked to stay indoors.")
    assert (fact.what, fact.verdict) == ("radius around the plant (km)", "agree")


def test_one_outlets_detail_of_a_person_it_quotes_is_left_out_but_never_one_two_outlets_give():
    assert facts_of('"It is hard," said Tom Whelan, a delivery driver with two children at a closed school.') == ()
    (fact,) = facts_of("Teachers said 212 schools closed.", '"It is hard," said Tom Whelan, a driver with 212 '
                       'schools on his route.', "The strike closed 212 schools.")
    assert fact.verdict == "agree" and 2 in fact.values[0].refs


def test_a_ratio_or_a_fraction_of_something_is_labelled_a_share_of_it():
    (fact,) = facts_of("About one-fifth of the cost will come from the federal fund.",
                       "About 20% will come from the federal infrastructure fund.")
    assert (fact.what, fact.verdict) == ("share of cost", "agree")  # not "share (%)" of nothing said
    (fact,) = facts_of("One in four primary classes now has more than 30 pupils.")[:1]
    assert fact.what == "share of primary classes"  # not "primary classes (%)"
    (fact,) = facts_of("There is a 2 in 3 chance that we win.")
    assert fact.what == "chance (%)"
    assert [(f.what, f.values[0].unit) for f in facts_of("Turnout rose 5 in 10 years.")] == [("turnout rise", None)]


# --- a conflict needs evidence that the figures are one quantity -------------------------------------------------

def verdicts(facts):
    return {f.verdict for f in facts}


def test_amounts_sharing_only_a_currency_never_conflict():
    facts = facts_of("Democrats countered initially with $1.3 billion for general border security.",
                     "The economy lost at least $6 billion in the five weeks the government was shut.")
    assert "conflict" not in verdicts(facts) and len(facts) == 2
    (fact,) = facts_of("Trump demanded $5.7 billion for the wall.", "Trump demanded $5 billion for the wall.")
    assert fact.verdict == "conflict"  # the same event is evidence enough
    (fact,) = facts_of("The deal provides $1.4 billion for border security.", "It includes $1.375 billion.")
    assert fact.verdict == "agree"  # values that fit still join


def test_percentages_sharing_only_a_sign_never_conflict():
    facts = facts_of("The tariffs aim to raise capacity use above 80 percent, analysts said.",
                     "That meant the tariff covered just 30 percent, according to Oxford Economics.")
    assert "conflict" not in verdicts(facts)


def test_bare_counts_of_people_need_an_event_to_conflict():
    facts = facts_of("Cordova is one of 198 people that Weiner follows on Twitter.",
                     "If I was giving a speech to 45,000 people and someone heckled, I would go on.")
    assert "conflict" not in verdicts(facts)
    facts = facts_of("Within an hour, a Facebook event for the protest had gained 28,000 attendees.",
                     "A petition signed by more than 1.8 million people urged the government to cancel the visit.")
    assert "conflict" not in verdicts(facts)  # attending is not signing
    facts = facts_of("The Post interviewed three other women who made claims.", "The accusations of four women.")
    assert "conflict" not in verdicts(facts)
    (fact,) = facts_of("Three people were killed in the blast.", "Two people were killed in the blast.")
    assert fact.verdict == "conflict"
    (fact,) = facts_of("The strike kept about 96,000 pupils at home.", "It left more than 120,000 pupils out of class.")
    assert fact.verdict == "conflict"  # pupils are a thing named, not anyone


def test_a_thing_named_with_an_event_on_one_side_only_is_no_conflict():
    facts = facts_of("The department said it had received 55,000 pages of emails.",
                     "Lawyers examined the documents and found roughly 900 pages about the attacks.")
    assert "conflict" not in verdicts(facts)


def test_amounts_that_name_different_things_never_conflict():
    facts = facts_of("He bought a $43,000 Rolex watch and a mink cape.",
                     "Among those items was a $5,000 football signed by presidents.",
                     "He bought items including a $43,350 gold-plated Rolex watch.")
    assert holding(facts, 43000, 43350).verdict == "conflict"  # the same thing named
    assert holding(facts, 5000).verdict == "single"
    facts = facts_of("The fund holds $14.96 million in charitable contributions.", "Her standard rate was $225,000.")
    assert "conflict" not in verdicts(facts)


def test_the_price_of_one_thing_under_two_words_conflicts():
    facts = facts_of("The council approved a $2.4 billion plan to build the Northline, a 38-kilometre light-rail line.",
                     "The $2.1 billion line will run 38 km from the port to the northern suburbs.")
    assert holding(facts, 2.4e9, 2.1e9).verdict == "conflict"  # the other outlet's "line" is the plan's


def test_kinds_of_a_money_kind_are_told_apart():
    facts = facts_of("The couple paid $43.9 million in federal taxes.",
                     "They also paid an additional $13.6 million in state taxes.")
    assert "conflict" not in verdicts(facts) and len(facts) == 2


def test_a_share_of_the_vote_needs_its_holder_to_conflict():
    facts = facts_of('Pelosi said: "I got two-thirds of the vote."',
                     '"Just because you are only getting 30 percent of the vote in some area does not mean you should '
                     'not go there," he said.')
    assert "conflict" not in verdicts(facts)
    (fact,) = facts_of("Smith won 52% of the vote.", "Smith won 48% of the vote.")
    assert fact.verdict == "conflict"


def test_no_conflict_through_a_third_figure_that_fits_both():
    facts = facts_of("He refused to accept anything less than $5.7 billion in the federal budget for his wall.",
                     "He would unlock money from the military construction budget, to the tune of $3.5 billion.",
                     "The spending package included none of the $5.7 billion that Mr. Trump wanted.")
    assert "conflict" not in verdicts(facts)
    assert holding(facts, 5.7e9, 5.7e9).verdict == "agree"


def test_the_same_number_with_more_than_is_no_conflict():
    (fact,) = facts_of("They converted $250,000 in campaign funds, the indictment says.",
                       "They are charged with converting more than $250,000 in campaign funds.")
    assert fact.verdict == "agree"
    (fact,) = facts_of("Experts pored over the 55,000 pages.", "The files spread over 55,000 pages.")
    assert fact.verdict == "agree"
    (fact,) = facts_of("More than 200 people were arrested.", "Police arrested 240 people.")
    assert fact.verdict == "agree"  # and "more than" still allows a higher count
    (fact,) = facts_of("More than 200 people were arrested.", "Police arrested 190 people.")
    assert fact.verdict == "conflict"


def test_a_net_worth_is_no_payment():
    facts = facts_of("Bush released returns showing his net worth between $19 and $22 million.",
                     "She was paid $9.68 million for 41 speeches.")
    assert "conflict" not in verdicts(facts)
    assert "net worth" in holding(facts, 19e6).what


def test_a_period_of_years_is_not_one_of_its_years():
    facts = facts_of("Mr. Clinton earned nearly $20 million between 2011 and 2014 for consulting.",
                     "The couple earned approximately $30 million from book sales in 2014.",
                     "Their effective tax rate was 35.7 percent in 2014.")  # 2014 is a year the story is about
    assert "conflict" not in verdicts(facts)
    assert holding(facts, 20e6).values[0].scope == "from 2011 to 2014"


def test_a_year_of_a_story_about_several_years_sets_a_figure_apart():
    texts = ("The Clintons earned roughly $141 million, according to tax returns released Friday.",
             "In all, Mr. Clinton earned $13.17 million in 2013. In 2014 he gave 41 speeches.",
             "She gave 12 speeches in 2013, and in 2014 she wrote a book.")
    assert "conflict" not in verdicts(facts_of(*texts))
    (fact,) = [f for f in facts_of("The quake in 2023 killed 12 people.", "In 2023, the quake killed 15 people.",
                                   "The quake killed 15 people.") if f.verdict != "single"]
    assert fact.verdict == "conflict"  # the one year the story is about is no difference


def test_a_percentage_of_nothing_named_joins_only_as_the_same_number():
    facts = facts_of("In the poll, Newt Gingrich garnered 11 percent, while Sarah Palin earned 10 percent support.",
                     "Trump finishes first among Tea Party supporters, followed by Palin (12 percent) and Gingrich "
                     "(9 percent).")
    assert all(len({r for v in f.values for r in v.refs}) == 1 for f in facts)  # 9 and 12 percent of nothing named
    facts = facts_of("Last year, the Clintons paid an effective federal tax rate of 35.7 percent.",
                     "The Clintons' effective federal tax rate for 2014 was 35.7 percent.")
    fact = holding(facts, 35.7)
    assert fact.verdict == "agree" and fact.values[0].refs == (1, 2)


def test_an_amount_worth_of_a_thing_is_what_that_thing_cost():
    facts = facts_of("Among those items were a $5,000 football signed by American presidents and two hats, "
                     "including a $4,600 fedora.",
                     "Prosecutors say Jackson used campaign money to buy items including a $43,350 gold-plated "
                     "men's Rolex watch and $9,587.64 worth of children's furniture.")
    assert "conflict" not in {f.verdict for f in facts}  # a football and furniture are two purchases
    (fact,) = facts_of("Police seized $2 million worth of cocaine.", "Officers found cocaine worth $2 million.")
    assert fact.verdict == "agree"
