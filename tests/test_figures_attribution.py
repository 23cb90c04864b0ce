"""Who gives a figure (brief.figures.context.attribution): a person, organisation, office, outlet, document or
count — never a clause fragment, a pronoun, a dangling preposition or words inside someone else's quotation."""
from __future__ import annotations

import pytest

from brief.figures.extract import article_claims


def attributions(text: str) -> dict[str, str | None]:
    return {c.text: c.attribution for c in article_claims(text, ref=1)}


def attribution_of(text: str, figure: str) -> str | None:
    """The attribution of the one figure whose words hold `figure` or are held by it (case aside)."""
    found = attributions(text)
    matching = [t for t in found if figure.lower() in t.lower() or t.lower() in figure.lower()]
    assert len(matching) == 1, found
    return found[matching[0]]


@pytest.mark.parametrize(
    "text, figure, who",
    [
        # "according to" a source, an outlet or a count
        ("In total, the country fired 23 missiles, according to a CNN count.", "23 missiles", "a CNN count"),
        ("The U.S. imported 34.6 million metric tons of steel last year, according to the U.S. Department of "
         "Commerce.", "34.6 million metric tons", "U.S. Department of Commerce"),
        # "X said", "..., X said", "..., said X"
        ("Between 150 and 200 migrants plan to present asylum claims, organizers said, while another 150 wait.",
         "Between 150 and 200 migrants", "organizers"),
        ("The prime minister's office confirmed that 12 ministers would attend.", "12 ministers",
         "prime minister's office"),
        ("About 80 U.S. families have offered to sponsor migrants, said Heather Cronk, co-director of the group.",
         "About 80 U.S. families", "Heather Cronk"),
        ("Her office claims the bill would cut deficits by $416 billion.", "$416 billion", "Her office"),
        # a poll "puts" a figure "at" a value; a department "put forward" an offer
        ("Demonstrators gathered in Tokyo, and a recent poll put the prime minister's approval rating at less "
         "than 30%.", "less than 30%", "a recent poll"),
        ("The regional education department has put forward a pay rise of 4.5% over two years.", "4.5%",
         "regional education department"),
        ("Boehner last week put a counter-proposal on the table that included $800 billion in revenue.",
         "$800 billion", "Boehner"),
    ],
)
def test_a_who_is_kept(text, figure, who):
    assert attribution_of(text, figure) == who


@pytest.mark.parametrize(
    "text, figure, who",
    [
        # the closing quote mark of the quotation before the speaker is no part of the name
        ('" The friendship binds our two nations, " Mr. Trump said during the ceremony.', "two nations",
         "Mr. Trump"),
        ("“We share the desire that two conversations take place,” Gowdy said.", "two conversations",
         "Gowdy"),
        # a trailing adverb or time: "reportedly", "had repeatedly", "on Saturday", "said Monday", "released Friday"
        ("U.S. intelligence reportedly confirmed that tens of thousands of files seized by Israel are authentic.",
         "tens of thousands of files", "U.S. intelligence"),
        ("Mr. Mattis had repeatedly told friends that he viewed his 1.3 million troops as his duty.",
         "1.3 million troops", "Mr. Mattis"),
        ("President Trump on Saturday announced a plan extending protections for 700,000 illegal immigrants.",
         "700,000 illegal immigrants", "President Trump"),
        ("Tens of thousands of secret files prove the deal is based on lies, Israeli Prime Minister Benjamin "
         "Netanyahu said Monday.", "Tens of thousands of secret files", "Israeli Prime Minister Benjamin Netanyahu"),
        ("The Clintons earned roughly $141 million, according to tax returns released Friday.",
         "roughly $141 million", "tax returns"),
        # the sayer of a subordinate clause: "after X said", "at what X said", "even though X have said"
        ("Kenia Avila appeared shaken after the volunteer attorneys told her Friday that she could be separated "
         "from her three children.", "three children", "volunteer attorneys"),
        ("It proposed a program at what Hutchinson said would be a cost of about $900 per employee.",
         "about $900", "Hutchinson"),
        ("Ryan's plan assumes the same savings, even though Mitt Romney and Mr. Ryan have said those cuts would "
         "hurt millions of older Americans.", "millions of older Americans", "Mitt Romney and Mr. Ryan"),
        # "according to" a who too long for a label: cut before a participle or trailing lower-case words
        ("South Korea shipped about 13 percent of U.S. imports, according to an American Iron and Steel "
         "Institute analysis of government data.", "about 13 percent of U.S. imports",
         "an American Iron and Steel Institute analysis"),
        ("Mr. Mueller has at least four dozen questions, according to a list of the questions obtained by The New "
         "York Times.", "at least four dozen questions", "a list of the questions"),
        ("He is likely to leave for a nine-day foreign trip, according to three senior administration officials "
         "speaking on the condition of anonymity.", "nine-day foreign trip", "three senior administration officials"),
        # a name is kept whole
        ("Only 12 members voted, according to the Office of the Historian of the House of Representatives.",
         "12 members", "Office of the Historian of the House of Representatives"),
        # the name before "..., said in a statement", past its description or its party in parentheses
        ("“We have voluntarily turned over thousands of documents,” Alan Futerfas, an attorney for Trump Jr., said "
         "in a statement.", "thousands of documents", "Alan Futerfas"),
        ("The act “takes power from the 1 percent and gives it to the people,” Rep. Zoe Lofgren (D-Calif.) said.",
         "1 percent", "Rep. Zoe Lofgren"),
    ],
)
def test_an_attribution_is_only_the_who(text, figure, who):
    assert attribution_of(text, figure) == who


@pytest.mark.parametrize(
    "text, figure",
    [
        # a pronoun is no attribution
        ('" We can pick up more than 1,000 people in an ICE raid, " he said.', "more than 1,000 people"),
        ("“It hurts 800,000 federal workers,” she said.", "800,000 federal workers"),
        # a clause, not a who: "since X has put great emphasis on", "as the dossier claimed", "began hours after"
        ("Mr. Kim may be driving a wedge, since President Moon has put great emphasis on ending more than six "
         "decades of conflict.", "more than six decades of conflict"),
        ("Two men then met in the Oval Office, where Mr. Comey said Mr. Trump denied it, as the dossier claimed.",
         "two men"),
        ("The summit began hours after reports that the Koreas are negotiating; two nations ended that "
         "conflict with a truce in 1953.", "two nations"),
        ("While the Mexican government has said little about the plan, two of the country's former presidents have "
         "a message.", "two of the country's former presidents"),
        ("Rep. Bobby Scott, one of the nine lawmakers to vote against it, said the nation faces bigger problems, such "
         "as the economy.", "nine lawmakers"),
        ("Mr. Trump offered protection for 300,000 people, and said he would allow 700,000 Dreamers to stay.",
         "700,000 Dreamers"),
        ("The field of confirmed candidates includes more than a dozen people.", "more than a dozen people"),
        ("The 150 migrants spent the night outside, waiting to present their claims to U.S. immigration officials.",
         "150 migrants"),
        # a thing described, not a sayer: "a share confirmed in a letter"; who was told is not who told it
        ("About one-fifth of the cost will come from the federal fund, a share confirmed in a letter from the "
         "ministry last week.", "About one-fifth"),
        ('" Let\'s turn it into lemonade, " Clinton told about 600 supporters at the fairgrounds.',
         "about 600 supporters"),
        # "X said" inside someone's quotation
        ("“Police said 12 people were hurt, and nobody listened,” the statement read.", "12 people"),
    ],
)
def test_no_attribution_rather_than_a_wrong_one(text, figure):
    assert attribution_of(text, figure) is None


@pytest.mark.parametrize(
    "text, figure, who",
    [
        ("Health officials in Gaza say 42 people were killed.", "42 people", "Health officials in Gaza"),
        ("Some members of the congregation said they gave thousands of dollars.", "thousands of dollars",
         "Some members of the congregation"),
        ("“He stole $700 billion from Medicare,” said RNC Chair Reince Priebus.", "$700 billion",
         "RNC Chair Reince Priebus"),
        ("The U.N. said 40 people died.", "40 people", "U.N."),
        ("At least 40 people died, according to Donald Trump Jr.", "At least 40 people", "Donald Trump Jr."),
        ("Officials said 40 people died, the U.S.-based monitor said.", "40 people", "Officials"),
    ],
)
def test_say_a_said_after_a_quotation_and_abbreviations(text, figure, who):
    assert attribution_of(text, figure) == who


@pytest.mark.parametrize("text", ["Some say the two coasts will merge.", "Many of them said 40 people died."])
def test_a_quantifier_alone_is_no_who(text):
    assert set(attributions(text).values()) <= {None}


def test_a_passive_is_not_a_sayer():
    assert set(attributions("Ruth Bader Ginsburg was confirmed 96-3 two years later.").values()) <= {None}
