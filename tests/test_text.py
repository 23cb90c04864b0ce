"""Sentence splitting, which every stage's citations rest on."""
from brief.text import sentences, split_sentences, words


def test_abbreviations_and_initials_do_not_end_sentences():
    assert split_sentences("Sen. Joe Manchin, D-W.Va., met Mr. Rubio at 9 a.m. The U.S. said no. "
                           "He was No. 3 in line. Then J. Smith left.") == [
        "Sen. Joe Manchin, D-W.Va., met Mr. Rubio at 9 a.m.", "The U.S. said no.", "He was No. 3 in line.",
        "Then J. Smith left."]


def test_a_clock_time_ends_a_sentence_unless_a_day_or_time_zone_follows():
    assert split_sentences("The roof fell in at around 3:30 p.m. Canal Road was closed for the rest of the day.") == [
        "The roof fell in at around 3:30 p.m.", "Canal Road was closed for the rest of the day."]
    assert split_sentences("The vote is at 3 p.m. Tuesday in the hall. Doors open at 9 a.m. EST sharp.") == [
        "The vote is at 3 p.m. Tuesday in the hall.", "Doors open at 9 a.m. EST sharp."]


def test_quotations_stay_whole():
    assert split_sentences('The chant filled the square: "Enough! Fair pay now!" Then it stopped.') == [
        'The chant filled the square: "Enough! Fair pay now!"', "Then it stopped."]
    assert split_sentences("“We agree. The ball is in their court,” he said. He left.") == [
        "“We agree. The ball is in their court,” he said.", "He left."]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph():
    assert split_sentences("He said “yes. And no. Then he left.") == ["He said “yes.", "And no.", "Then he left."]


def test_paragraphs_and_words():
    assert sentences("First one. Second one.\n\nThird one") == ["First one.", "Second one.", "Third one"]
    assert words("Ukraine’s 30-day cease-fire") == ["ukraine's", "30-day", "cease-fire"]
