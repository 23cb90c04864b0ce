"""Boilerplate removal: every promo, comment form and credit line goes; no sentence of the report is lost."""
from __future__ import annotations

from brief.clean import clean_text, is_boilerplate_line
from brief.ingest import read_inputs
from brief.text import paragraphs

REPORT = [
    "The harbour authority closed the north pier on Friday after a crane collapsed.",
    "Nobody was hurt, the authority said in a statement.",
    "Repairs are expected to take two weeks.",
]


def test_promo_block_at_the_top_goes_with_its_tag_line():
    text = "\n".join(["Sign up for our Morning Brief newsletter", "Everything you need before breakfast", *REPORT])
    assert paragraphs(clean_text(text)) == REPORT


def test_inbox_promo_and_wire_feed_disclaimer_go():
    text = "\n".join(["Sign up for our morning newsletter, The Brief, and get the top stories in your inbox by 7 a.m.",
                      *REPORT, "This story has been published from a wire agency feed without modifications."])
    assert paragraphs(clean_text(text)) == REPORT


def test_comment_form_and_links_at_the_end_go():
    tail = ["Source link", "Leave a Reply", "Your email address will not be published. Required fields are marked *",
            "Read the full article here", "Discover more from Harbour News", "Subscribe to get the latest posts sent "
            "to your email.", "Share this article", "Advertisement"]
    assert paragraphs(clean_text("\n".join([*REPORT, *tail]))) == REPORT


def test_repeated_headline_and_trailing_credits_go():
    title = "Crane collapse closes north pier"
    text = "\n".join([title, *REPORT, "Reporting by Ana Ruiz; Editing by Tom Hale"])
    assert paragraphs(clean_text(text, title=title)) == REPORT


def test_sentences_that_only_mention_newsletters_or_sources_stay():
    report = [
        "Sign up for our newsletter, the mayor urged residents, if they wanted warnings of pier closures.",
        "Reporting by the local paper first revealed the cracks in March.",
        "The source link between the two cranes was a cable that snapped.",
        *REPORT,
    ]
    assert paragraphs(clean_text("\n".join(report))) == report
    assert not is_boilerplate_line(report[0])


def test_promo_tag_lines_are_only_taken_at_the_edges():
    middle = ["Short subhead in the middle", "Advertisement", "A subhead after the ad"]
    text = "\n".join([REPORT[0], *middle, *REPORT[1:]])
    assert paragraphs(clean_text(text)) == [REPORT[0], middle[0], middle[2], *REPORT[1:]]


SEED_BOILERPLATE = {
    "001_7f8d0eab2343df31.txt": ["Source link", "Leave a Reply",
                                 "Your email address will not be published. Required fields are marked *"],
    "002_9cf4846033b9f374.txt": ["Discover more from Defence Talks | Defense News Hub, Military Updates, "
                                 "Security Insights", "Subscribe to get the latest posts sent to your email."],
    "003_dabbd73f91832739.txt": ["US pushes for Ukrainian compromises in effort to achieve a ceasefire with Russia."],
    "004_8965bd4ec0b0173f.txt": ["Unlock the White House Watch newsletter for free",
                                 "Your guide to what the 2024 US election means for Washington and the world",
                                 "Read the full article here"],
}
# Credit lines are not news: they go too, and nothing else.
SEED_CREDITS = {
    "000_940218927236e1af.txt": 1,
    "001_7f8d0eab2343df31.txt": 1,
}


def test_seed_boilerplate_is_gone_and_every_real_sentence_kept(seeds_dir):
    articles, skipped = read_inputs([str(seeds_dir)])
    assert skipped == [] and len(articles) == 5
    for article in articles:
        name = article.key.rsplit("/", 1)[-1]
        before = paragraphs(article.text)
        after = paragraphs(clean_text(article.text, article.title))
        removed = [line for line in before if line not in after]
        boilerplate = SEED_BOILERPLATE.get(name, [])
        assert all(line not in after for line in boilerplate), name
        credits = [line for line in removed if line not in boilerplate]
        assert len(credits) == SEED_CREDITS.get(name, 0), (name, credits)
        assert all("contributed" in line for line in credits)
