"""Hand-written articles for the clustering tests: two look-alike pairs of events, two outlets each."""
from __future__ import annotations

from datetime import datetime, timezone

from brief.types import Article


def _article(key: str, outlet: str, title: str, text: str, day: int, hour: int = 9) -> Article:
    return Article(key=key, id=key, outlet=outlet, title=title, text=text, url=f"https://{outlet.lower()}.example/{key}",
                   published=datetime(2026, 3, day, hour, tzinfo=timezone.utc))


QUAKE_TURKEY_1 = _article(
    "quake-tr-1", "Wire", "Magnitude 6.1 earthquake strikes eastern Turkey, killing at least 12",
    "A magnitude 6.1 earthquake struck the eastern Turkish province of Malatya early on Tuesday, killing at least "
    "12 people and injuring more than 200, the disaster agency AFAD said.\n"
    "The quake hit at 4:17 a.m. at a depth of 10 kilometres near the town of Yesilyurt, collapsing several "
    "apartment blocks. Rescue teams were searching the rubble for survivors.\n"
    "Interior Minister Ali Yerlikaya said 40 aftershocks had been recorded and urged residents to stay out of "
    "damaged buildings.", day=10)
QUAKE_TURKEY_2 = _article(
    "quake-tr-2", "Herald", "Deadly quake in Malatya leaves 12 dead as rescuers dig through rubble",
    "Rescuers in Malatya dug through collapsed buildings on Tuesday after a 6.1-magnitude earthquake killed 12 "
    "people in eastern Turkey, according to AFAD, the country's disaster management authority.\n"
    "More than 200 people were hurt. The tremor, centred near Yesilyurt, was felt as far away as Elazig and "
    "Adiyaman.\n"
    "Ali Yerlikaya, the interior minister, said dozens of aftershocks followed and schools in the province would "
    "stay closed for a week.", day=10, hour=14)
QUAKE_PERU_1 = _article(
    "quake-pe-1", "Wire", "Magnitude 6.3 earthquake hits southern Peru, at least 8 dead",
    "A magnitude 6.3 earthquake struck southern Peru on Tuesday, killing at least eight people and injuring "
    "about 90, the National Emergency Operations Centre said.\n"
    "The quake hit at 11:05 a.m. at a depth of 35 kilometres near the city of Arequipa, toppling adobe homes and "
    "cutting a highway with landslides. Rescue teams were searching for survivors.\n"
    "President Dina Ortiz said the army had been sent to the region and declared a 60-day state of emergency.",
    day=10, hour=18)
QUAKE_PERU_2 = _article(
    "quake-pe-2", "Herald", "Arequipa quake kills eight, army deployed",
    "Soldiers were deployed to the Arequipa region on Tuesday after a 6.3-magnitude earthquake killed eight "
    "people in southern Peru, according to the National Emergency Operations Centre.\n"
    "About 90 people were injured. Landslides blocked the Pan-American Highway and adobe houses collapsed in "
    "villages near the Colca Canyon.\n"
    "President Dina Ortiz declared a 60-day state of emergency and said aid flights would leave Lima on "
    "Wednesday.", day=10, hour=21)
REHAB_SINGER_1 = _article(
    "rehab-singer-1", "Gazette", "Singer Lena Marlowe checks into rehab, cancels European tour",
    "Pop singer Lena Marlowe has checked into a rehabilitation facility for treatment of alcohol addiction and "
    "cancelled the remaining 14 dates of her European tour, her publicist said on Monday.\n"
    "\"Lena is taking time to focus on her health and thanks her fans for their support,\" the statement said.\n"
    "Marlowe, 29, whose album Glass Rivers topped the charts last year, had postponed two shows in Berlin last "
    "week.", day=16)
REHAB_SINGER_2 = _article(
    "rehab-singer-2", "Daily", "Lena Marlowe enters treatment for alcohol addiction",
    "Lena Marlowe is receiving treatment for alcohol addiction at a rehab centre, her representative confirmed "
    "on Monday, and the singer has called off the rest of her European tour.\n"
    "The 29-year-old had already scrapped two Berlin concerts last week. Ticket holders for the 14 cancelled "
    "shows will be refunded.\n"
    "Her 2025 album Glass Rivers spent six weeks at number one.", day=16, hour=15)
REHAB_ACTOR_1 = _article(
    "rehab-actor-1", "Gazette", "Actor Tom Brandt enters rehab after arrest",
    "Actor Tom Brandt has entered a rehabilitation facility for treatment of drug addiction, his publicist said "
    "on Thursday, two weeks after his arrest in Los Angeles.\n"
    "\"Tom is taking time to focus on his recovery and thanks his family and fans for their support,\" the "
    "statement said.\n"
    "Brandt, 41, star of the police drama Night Shift, was arrested on March 3 on suspicion of driving under "
    "the influence.", day=19)
REHAB_ACTOR_2 = _article(
    "rehab-actor-2", "Daily", "Night Shift star Tom Brandt seeks treatment",
    "Tom Brandt is receiving treatment for drug addiction at a rehab centre, his representative confirmed on "
    "Thursday, after the actor's arrest earlier this month.\n"
    "The 41-year-old was stopped by Los Angeles police on March 3 and charged with driving under the influence.\n"
    "Production of the fifth season of Night Shift has been paused.", day=19, hour=16)

LOOK_ALIKES = [QUAKE_TURKEY_1, QUAKE_TURKEY_2, QUAKE_PERU_1, QUAKE_PERU_2,
               REHAB_SINGER_1, REHAB_SINGER_2, REHAB_ACTOR_1, REHAB_ACTOR_2]


def event_of(article: Article) -> str:
    return article.key.rsplit("-", 1)[0]
