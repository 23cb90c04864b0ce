"""Clustering: look-alike events stay apart, copies count once, order and ids are deterministic."""
from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from brief.clean import clean_article
from brief.cluster import cluster_articles
from brief.config import Settings
from brief.ingest import read_inputs
from cluster_corpus import LOOK_ALIKES, QUAKE_PERU_1, QUAKE_TURKEY_1, QUAKE_TURKEY_2, REHAB_ACTOR_1, \
    REHAB_SINGER_1, event_of


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(state_dir=tmp_path / "state")


def _events(stories) -> list[set[str]]:
    return [{event_of(s.article) for s in story.sources} for story in stories]


def _keys(stories) -> list[list[str]]:
    return [[s.article.key for s in story.sources] for story in stories]


def test_look_alike_events_are_separate_stories(settings):
    stories = cluster_articles(LOOK_ALIKES, settings)
    assert sorted(sorted(s.article.key for s in story.sources) for story in stories) == [
        ["quake-pe-1", "quake-pe-2"], ["quake-tr-1", "quake-tr-2"],
        ["rehab-actor-1", "rehab-actor-2"], ["rehab-singer-1", "rehab-singer-2"],
    ]


@pytest.mark.parametrize("pair", [(QUAKE_TURKEY_1, QUAKE_PERU_1), (REHAB_SINGER_1, REHAB_ACTOR_1)])
def test_two_look_alike_reports_alone_are_not_merged(settings, pair):
    assert len(cluster_articles(list(pair), settings)) == 2


def test_same_event_a_month_apart_is_two_stories(settings):
    later = replace(QUAKE_TURKEY_2, key="quake-tr-later", published=QUAKE_TURKEY_2.published + timedelta(days=30))
    stories = cluster_articles([QUAKE_TURKEY_1, later], settings)
    assert len(stories) == 2
    wide = replace(settings, cluster_window_days=60)
    assert len(cluster_articles([QUAKE_TURKEY_1, later], wide)) == 1


def test_same_input_in_any_order_gives_the_same_stories(settings):
    first = cluster_articles(LOOK_ALIKES, settings)
    shuffled = list(LOOK_ALIKES)
    random.Random(7).shuffle(shuffled)
    second = cluster_articles(shuffled, settings)
    assert [s.id for s in first] == [s.id for s in second]
    assert _keys(first) == _keys(second)
    assert [[src.ref for src in s.sources] for s in first] == [[1, 2]] * 4


def test_story_id_stays_when_a_later_article_joins(settings):
    before = cluster_articles([QUAKE_TURKEY_1], settings)
    after = cluster_articles([QUAKE_TURKEY_1, QUAKE_TURKEY_2], settings)
    assert before[0].id == after[0].id


ACTOR_THIRD_OUTLET = """Tom Brandt, who plays Detective Ray Cole on Night Shift, is in a treatment programme for drug use, a
spokesman for the 41-year-old actor told the Chronicle on Thursday.
Los Angeles police arrested Brandt on March 3 after a traffic stop. He was charged with driving under the influence.
The network said filming of Night Shift's fifth season is on hold."""


def test_stories_rank_by_independent_outlets_then_recency(settings):
    actor_3 = replace(REHAB_ACTOR_1, key="rehab-actor-3", outlet="Chronicle", title="Brandt in treatment",
                      text=ACTOR_THIRD_OUTLET, published=REHAB_ACTOR_1.published + timedelta(hours=2))
    # Two verbatim reprints of the Wire's Turkey report: four articles, but still two independent outlets.
    reprints = [replace(QUAKE_TURKEY_1, key=f"quake-tr-reprint-{n}", outlet=f"Reprinter {n}",
                        published=QUAKE_TURKEY_1.published + timedelta(hours=n)) for n in (1, 2)]
    stories = cluster_articles(LOOK_ALIKES + [actor_3] + reprints, settings)
    assert [event_of(story.sources[0].article) for story in stories] == [
        "rehab-actor", "rehab-singer", "quake-pe", "quake-tr"]
    assert [story.independent_outlets for story in stories] == [3, 2, 2, 2]
    turkey = stories[-1]
    wire_ref = next(s.ref for s in turkey.sources if s.article.key == "quake-tr-1")
    assert sorted((s.article.key, s.duplicate_of) for s in turkey.sources if s.duplicate_of) == [
        ("quake-tr-reprint-1", wire_ref), ("quake-tr-reprint-2", wire_ref)]


def test_hard_inputs_never_crash(settings):
    day = datetime(2026, 3, 10, tzinfo=timezone.utc)
    hard = [
        QUAKE_TURKEY_1,
        replace(QUAKE_TURKEY_1, key="empty", text="", title=""),
        replace(QUAKE_TURKEY_1, key="one-word", text="Breaking", title=""),
        replace(QUAKE_TURKEY_1, key="identical-1", outlet="A", published=None),
        replace(QUAKE_TURKEY_1, key="identical-2", outlet="B", published=day),
        replace(QUAKE_TURKEY_1, key="huge", title="Long", text=("The committee met again today. " * 10_000)),
        replace(QUAKE_TURKEY_1, key="russian", title="Землетрясение в Турции",
                text="В восточной Турции произошло землетрясение магнитудой 6,1. Погибли 12 человек."),
        replace(QUAKE_TURKEY_1, key="naive-date", published=datetime(2026, 3, 10, 9)),
    ]
    stories = cluster_articles(hard, settings)
    keys = sorted(k for story in _keys(stories) for k in story)
    assert keys == sorted(a.key for a in hard)
    turkey = next(story for story in stories if any(s.article.key == "quake-tr-1" for s in story.sources))
    members = {s.article.key: s for s in turkey.sources}
    # The four identical texts are one original (the earliest published) and three copies pointing at it.
    assert turkey.independent_outlets == 1
    assert turkey.sources[0].article.key == "identical-2" and turkey.sources[0].duplicate_of is None
    assert set(members) == {"quake-tr-1", "identical-1", "identical-2", "naive-date"}
    assert [s.duplicate_of for s in turkey.sources[1:]] == [1, 1, 1]
    assert [s.copy_kind for s in turkey.sources[1:]] == ["exact", "exact", "exact"]


def test_tfidf_fallback_still_separates_look_alikes(tmp_path):
    settings = Settings(state_dir=tmp_path, embedding_model="tfidf")
    assert sorted(map(sorted, _events(cluster_articles(LOOK_ALIKES, settings)))) == [
        ["quake-pe"], ["quake-tr"], ["rehab-actor"], ["rehab-singer"]]


def test_seeds_are_one_story_with_000_a_rewrite_of_001(seeds_dir, settings):
    articles, skipped = read_inputs([str(seeds_dir)])
    assert not skipped
    stories = cluster_articles([clean_article(a) for a in articles], settings)
    assert len(stories) == 1
    by_name = {Path(s.article.path).name[:3]: s for s in stories[0].sources}
    assert by_name["000"].duplicate_of == by_name["001"].ref
    assert [name for name, s in sorted(by_name.items()) if s.duplicate_of] == ["000"]


# Two wildfires in one state two days apart: the same kind of event, a few general names in common (California,
# Cal Fire, a county sheriff), but each about its own town, people and figures. Their headlines name different
# towns and neither town appears in the other report, so they must stay two stories (and `brief figures` must not
# compare one fire's acres with the other's).
PINE_HOLLOW_FIRE = {
    "id": "pine-hollow-1", "outlet": "Sierra Courier", "url": "https://sierracourier.example/pine-hollow-fire",
    "published": "2026-06-03T18:00:00Z", "title": "Wildfire forces evacuation of Pine Hollow",
    "text": (
        "PINE HOLLOW, California — A fast-moving wildfire forced about 3,000 residents of Pine Hollow to "
        "leave their homes on Wednesday as flames raced down the canyon toward the town's eastern edge, fire "
        "officials said.\n\n"
        "The Ridgeline Fire had burned roughly 5,000 acres by evening and was 10 percent contained, according"
        " to Cal Fire. Crews said gusty afternoon winds and low humidity had pushed the blaze across Highway "
        "49 shortly after 2 p.m.\n\n"
        "Sheriff Dana Whitaker of Tuolumne County ordered the evacuation of neighbourhoods north of Mill "
        "Creek Road and opened a shelter at the Sonora fairgrounds. \"If you are told to go, go now. Do not "
        "wait to see the smoke,\" Whitaker told reporters.\n\n"
        "At least 14 homes and several outbuildings were destroyed, and two firefighters were treated for "
        "heat exhaustion. More than 600 personnel, 40 engines and four air tankers were assigned to the "
        "fire.\n\n"
        "Margaret Olsen, 71, who has lived in Pine Hollow for three decades, said she left with her dog and a"
        " box of photographs. \"The sky turned orange in about ten minutes,\" she said.\n\n"
        "Pacific Gas and Electric cut power to about 1,200 customers in the area. The cause of the fire is "
        "under investigation."),
}
CEDAR_FALLS_FIRE = {
    "id": "cedar-falls-1", "outlet": "Valley Tribune", "url": "https://valleytribune.example/cedar-falls-fire",
    "published": "2026-06-05T16:30:00Z", "title": "Wildfire forces evacuation of Cedar Falls",
    "text": (
        "CEDAR FALLS, California — About 2,000 people were ordered out of Cedar Falls on Friday after a "
        "wildfire jumped a ridge above the town and spread through dry brush, officials said.\n\n"
        "The Granite Fire had scorched about 4,000 acres by late afternoon and was 5 percent contained, Cal "
        "Fire said. Firefighters were struggling with steep terrain and winds of up to 35 miles per hour.\n\n"
        "Shasta County Sheriff Tom Reyes issued mandatory evacuation orders for the Oak Ridge and Lakeview "
        "neighbourhoods, and the Red Cross opened an evacuation centre at Anderson High School. \"Please leave"
        " while the roads are still open,\" Reyes said in a video message.\n\n"
        "Nine homes were reported destroyed and a water treatment plant was threatened. About 450 "
        "firefighters, supported by helicopters dropping water from Whiskeytown Lake, were working the fire "
        "lines overnight.\n\n"
        "Luis Moreno, a schoolteacher, said he and his family had packed the car in twenty minutes. \"We have "
        "seen fires before, but never this close to town,\" he said.\n\n"
        "State Route 299 was closed in both directions. Investigators have not said what started the fire."),
}
PINE_HOLLOW_SECOND_REPORT = {
    "id": "pine-hollow-2", "outlet": "Gold Country Daily", "url": "https://goldcountry.example/ridgeline-fire",
    "published": "2026-06-04T07:00:00Z", "title": "Ridgeline Fire burns homes near Pine Hollow",
    "text": (
        "Thousands of people spent the night in shelters after the Ridgeline Fire tore through hillsides above Pine "
        "Hollow on Wednesday, destroying at least 14 homes.\n\n"
        "The fire grew to about 5,000 acres, Cal Fire said, and crews had it 10 percent contained. Roughly 3,000 "
        "residents were evacuated, and Tuolumne County Sheriff Dana Whitaker said deputies were patrolling empty "
        "streets to prevent looting.\n\n"
        "Evacuees gathered at the Sonora fairgrounds, where volunteers handed out blankets and water."),
}


def _cluster_jsonl(tmp_path, rows, settings):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    articles, skipped = read_inputs([str(path)])
    assert not skipped
    stories = cluster_articles([clean_article(a) for a in articles], settings)
    return sorted(sorted(s.article.id for s in story.sources) for story in stories)


def test_look_alike_events_in_one_region_are_not_merged(tmp_path, settings):
    assert _cluster_jsonl(tmp_path, [PINE_HOLLOW_FIRE, CEDAR_FALLS_FIRE], settings) == [
        ["cedar-falls-1"], ["pine-hollow-1"]]


def test_a_second_report_of_one_look_alike_still_joins_it(tmp_path, settings):
    rows = [PINE_HOLLOW_FIRE, CEDAR_FALLS_FIRE, PINE_HOLLOW_SECOND_REPORT]
    assert _cluster_jsonl(tmp_path, rows, settings) == [["cedar-falls-1"], ["pine-hollow-1", "pine-hollow-2"]]
