"""Benchmark: the figures engine (extraction + alignment + verdicts) at 1,000 and 10,000 articles, in one run.

The corpus is synthetic but shaped like news: stories of 3-7 articles, each article 15-30 paragraphs mixing
prose without numbers, dates, times, quotes and figure sentences built from varied templates (tolls, drones,
votes, crowds, prices, percentages, money, ranges, number words, qualifiers, attributions, places and days), with
the values outlets disagree on drawn per article. It is generated from a fixed seed, so every run sees the same
text.

For each size it prints wall-clock seconds, CPU seconds of this process, articles/s, figures found, and the same
for the baseline — a plain regex scan of every number in every article, the least any figure reader must do —
then the 10k/1k cost ratios in CPU time (10.0 is linear; CPU time is steadier than the wall clock on a machine
shared with other jobs). Bars (wall clock): 1,000 articles <= 30 s, 10,000 <= 5 min.
Usage: python bench/figures.py [--sizes 1000 10000]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from brief.figures import compare_figures  # noqa: E402
from brief.types import Article, Source, Story  # noqa: E402

BARS = {1_000: 30.0, 10_000: 300.0}
PLACES = ["Kharkiv", "the Moscow region", "southern Turkey", "Gaza", "northern Italy", "the capital", "Texas",
          "Lagos", "the Kursk region", "eastern Ukraine", "Manila", "the country"]
SOURCES_SAID = ["officials said", "police said", "the ministry said", "the Interfax news agency reported",
                "according to local authorities", "the health ministry said", "state media reported",
                "organisers said", "a spokesman said"]
QUALIFIERS = ["", "at least ", "more than ", "about ", "nearly ", "up to ", "some ", "an estimated "]
DAYS = ["on Monday", "on Saturday", "overnight", "last week", "on Tuesday", ""]
WORDS = ["two", "three", "five", "a dozen", "twenty-five", "dozens of", "hundreds of", "tens of thousands of"]
FIGURES = [
    "{q}{n} people were killed and {m} others were injured in {place}, {said}.",
    "The attack killed {q}{n} people {day}, {said}.",
    "The death toll rose to {n}, {said}.",
    "{Said} it shot down {q}{big} drones {day}, including {n} over {place}.",
    "Russia launched {big} drones and {n} missiles at Ukraine {day}.",
    "The bill passed by {big} votes to {m}.",
    "Turnout was {pct}%, the electoral commission said.",
    "Prices rose {small}.{n}% in March, while inflation rose to {small}.{m}%.",
    "The company agreed to pay ${small}.{n} billion to settle the claims.",
    "About {big},000 people marched through {place} {day}, while police put the figure at {m},000.",
    "Between {n} and {big} homes were destroyed in {place}.",
    "{Word} protesters were arrested {day}, {said}.",
    "Russia occupies approximately one-fifth of Ukraine's territory.",
    "The government approved a {n}-day cease-fire.",
    "Oil rose to ${big} a barrel.",
    "Economists had expected {big},000 jobs; the economy added {m},000 jobs.",
]
NOISE = [
    "The talks began on March {n}, 2024 at 9:{m} a.m. in the city's convention centre.",
    "Call 555-01{n} for details, or see page {n} of the report.",
    "Liverpool won 3-1 on Saturday, their {n}th win of the season.",
    "Version 2.{n}.1 of the software shipped with Windows 11.",
    "It was his second trip to the region since 2019.",
    "A 45-year-old man was questioned by police.",
]
PROSE = [
    "Officials met late into the night to discuss the response, and several delegations left without comment.",
    "Residents described a chaotic scene as emergency crews worked through the rubble.",
    "“We are doing everything we can,” the mayor told reporters outside the town hall.",
    "Analysts said the decision reflected growing pressure on the government from its coalition partners.",
    "The opposition called the move a betrayal and promised to challenge it in court.",
    "Markets were calm in early trading as investors waited for more details.",
    "The foreign minister is expected to travel to the region later this week.",
    "Critics argue that the plan does little to address the underlying causes of the crisis.",
]


def article(rng: random.Random, story_index: int, ref: int) -> Article:
    """One synthetic article: prose with figure and noise sentences, values drawn per article."""
    paragraphs = []
    for _ in range(rng.randint(15, 30)):
        kind = rng.random()
        if kind < 0.45:
            template = rng.choice(FIGURES)
        elif kind < 0.6:
            template = rng.choice(NOISE)
        else:
            template = rng.choice(PROSE) + " " + rng.choice(PROSE)
        said = rng.choice(SOURCES_SAID)
        paragraphs.append(template.format(
            q=rng.choice(QUALIFIERS), n=rng.randint(1, 60), m=rng.randint(2, 80), big=rng.randint(60, 400),
            small=rng.randint(1, 9), pct=rng.randint(40, 80), place=rng.choice(PLACES), said=said,
            Said=said[0].upper() + said[1:], day=rng.choice(DAYS), Word=rng.choice(WORDS).capitalize()))
    published = datetime(2026, 1, 5, 6) + timedelta(hours=rng.randint(0, 12))
    return Article(key=f"s{story_index}-{ref}", text="\n".join(paragraphs), published=published)


def corpus(size: int, seed: int = 7) -> list[Story]:
    rng = random.Random(seed)
    stories, made = [], 0
    while made < size:
        count = min(size - made, rng.randint(3, 7))
        sources = tuple(Source(ref=r + 1, article=article(rng, len(stories), r + 1)) for r in range(count))
        stories.append(Story(id=f"s{len(stories)}", sources=sources))
        made += count
    return stories


_NUMBER_RE = re.compile(r"\d[\d,.]*")


def baseline(stories: list[Story]) -> int:
    """The plain regex scan: every number in every article, no meaning attached."""
    return sum(len(_NUMBER_RE.findall(s.article.text)) for story in stories for s in story.sources)


def engine(stories: list[Story]) -> int:
    return sum(len(compare_figures(story)) for story in stories)


def timed(fn, stories) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, what fn found)."""
    wall, cpu = time.perf_counter(), time.process_time()
    found = fn(stories)
    return time.perf_counter() - wall, time.process_time() - cpu, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    args = parser.parse_args()
    results = {}
    print(f"{'articles':>9} {'step':<9} {'seconds':>9} {'cpu s':>9} {'articles/s':>11} {'found':>9}")
    for size in args.sizes:
        stories = corpus(size)
        base_s, base_cpu, numbers = timed(baseline, stories)
        eng_s, eng_cpu, facts = timed(engine, stories)
        results[size] = (eng_s, eng_cpu, base_cpu)
        print(f"{size:>9} {'baseline':<9} {base_s:>9.3f} {base_cpu:>9.3f} {size / base_s:>11.0f} {numbers:>9} numbers")
        print(f"{size:>9} {'figures':<9} {eng_s:>9.3f} {eng_cpu:>9.3f} {size / eng_s:>11.0f} {facts:>9} facts"
              f"   ({eng_cpu / max(base_cpu, 1e-9):.0f}x the baseline's CPU time)")
        bar = BARS.get(size)
        if bar is not None:
            print(f"{'':>9} bar: {size:,} articles in <= {bar:.0f} s: {'met' if eng_s <= bar else 'MISSED'}")
    sizes = sorted(results)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        factor = large / small
        print(f"CPU cost ratio {large:,}/{small:,} (linear = {factor:.1f}): figures "
              f"{results[large][1] / results[small][1]:.2f}, baseline {results[large][2] / results[small][2]:.2f}")
    return 0 if all(results[s][0] <= BARS.get(s, float("inf")) for s in sizes) else 1


if __name__ == "__main__":
    sys.exit(main())
