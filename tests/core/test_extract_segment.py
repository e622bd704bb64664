"""Segmentation: exact offsets, abbreviations, glued sentences, quotations, clauses."""

from __future__ import annotations

import pytest

from argmap.extract.segment import (
    PysbdSegmenter,
    RuleSegmenter,
    clause_spans,
    quotations,
    sentence_units,
)

TEXT = (
    "The U.S. should talk to Mr. Karzai now. Talks failed in 2019, but they can work.\n\n"
    "“Let’s be clear,” says Dr. Roe. The deal is done......\n\n"
    "Although costs are high, the city should build the line; delays only add to them."
)


def test_units_are_exact_slices_of_the_text() -> None:
    units = sentence_units(TEXT)
    assert [u.text for u in units] == [
        "The U.S. should talk to Mr. Karzai now.",
        "Talks failed in 2019, but they can work.",
        "“Let’s be clear,” says Dr. Roe.",
        "The deal is done......",
        "Although costs are high, the city should build the line; delays only add to them.",
    ]
    for unit in units:
        assert TEXT[unit.start : unit.end] == unit.text
    assert [u.paragraph for u in units] == [0, 0, 1, 1, 2]


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in RuleSegmenter().sentences(text)]


def test_rules_agree_with_pysbd_where_pysbd_is_right() -> None:
    for plain in (
        "Trams are good. Buses are slow! Are cars the answer? No, they are not.",
        "The U.S. should talk to Mr. Karzai now. Talks failed in 2019, but they can work.",
        "Growth was 3.5 percent in 2023. It was 2.1 percent in 2022.",
    ):
        assert RuleSegmenter().sentences(plain) == PysbdSegmenter().sentences(plain)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bangladesh's interim leader, Md. Rahim Uddin, should call elections by spring.",
        "Gen. Ann Marsh told Sen. Bo Kent and Rep. Cy Dale that Gov. Di Fenn was right.",
        "Lt. Col. Ed Gray met Dr. Flo Hart and Mrs. Gil at No. 10 Elm St. on Sept. 3.",
        "The talks began on Jan. 5 and ended on Feb. 2, after the Aug. 30 deadline passed.",
        "The U.S. and the U.K. asked the U.N. to act, e.g. by sanctions, i.e. quickly.",
        "The envoy landed at 9 a.m. and left at 5 p.m. without a deal.",
        "President John F. Kennedy said the U.S. Army would stay.",
    ],
)
def test_abbreviations_never_end_a_sentence(sentence: str) -> None:
    assert _split(sentence + " The next one starts here.") == [
        sentence,
        "The next one starts here.",
    ]


def test_an_acronym_or_a_state_ends_a_sentence_before_a_word_that_opens_one() -> None:
    assert _split("She moved to the U.S. Then she ran for office.") == [
        "She moved to the U.S.",
        "Then she ran for office.",
    ]
    assert _split("He was born in Dover, Del. He left at ten.") == [
        "He was born in Dover, Del.",
        "He left at ten.",
    ]
    assert _split("He grew up in Towson, Md. He left at ten.") == [
        "He grew up in Towson, Md.",
        "He left at ten.",
    ]


def test_sentences_glued_by_a_missing_space_are_cut() -> None:
    assert _split("The rebels entered the capital.The army had already left.") == [
        "The rebels entered the capital.",
        "The army had already left.",
    ]
    assert _split("Prices rose in 2024.Wages did not.") == [
        "Prices rose in 2024.",
        "Wages did not.",
    ]
    kept = "The U.S.Army figure was 3.5 percent, see example.com/Report.html for it."
    assert _split(kept) == [kept]  # acronym, decimal and address are not sentence ends


def test_a_quotation_over_several_sentences_stays_with_its_speaker() -> None:
    text = "“Talks failed. Pressure failed. Only money works,” the minister said. Few agree."
    assert _split(text) == [
        "“Talks failed. Pressure failed. Only money works,” the minister said.",
        "Few agree.",
    ]
    inside = 'The plan, he said, "is dead. Nobody wants it." That is wrong.'
    assert _split(inside) == ['The plan, he said, "is dead. Nobody wants it."', "That is wrong."]
    asked = "“Why now? Why us?” Ann Lee asked. Nobody answered."
    assert _split(asked) == ["“Why now? Why us?” Ann Lee asked.", "Nobody answered."]
    stray = "He said “no. " + "Then it went on. " * 60  # a quote mark that never closes
    assert len(_split(stray)) == 61
    assert quotations("a “b” c “d") == [(2, 5)]


def test_clauses_split_at_concession_contrast_and_semicolon() -> None:
    sentence = TEXT.split("\n\n")[2]
    spans = clause_spans(sentence, 0, len(sentence))
    assert [sentence[a:b] for a, b in spans] == [
        "Although costs are high,",
        "the city should build the line; delays only add to them.",
    ]
    contrast = "Talks failed in 2019 and 2020, but they can work this time."
    assert [contrast[a:b] for a, b in clause_spans(contrast, 0, len(contrast))] == [
        "Talks failed in 2019 and 2020,",
        "but they can work this time.",
    ]
    listed = "While other nations such as China, Russia, and Iran could help, only the U.S. can."
    parts = [listed[a:b] for a, b in clause_spans(listed, 0, len(listed))]
    assert parts[0] == "While other nations such as China, Russia, and Iran could help,"
    short = "Yes, but no."
    assert clause_spans(short, 0, len(short)) == [(0, len(short))]


def test_long_paragraphs_are_cut_at_safe_sentence_ends() -> None:
    sentence = "The U.S. envoy met Mr. Roe at 5 p.m. and the talks went well. "
    text = (sentence * 300).strip()  # one paragraph far above the chunk size
    units = sentence_units(text)
    assert len(units) == 300
    assert all(u.text == sentence.strip() for u in units)
    assert all(text[u.start : u.end] == u.text for u in units)


def test_a_trailing_even_if_is_a_clause_of_its_own() -> None:
    sentence = (
        "The council should rebuild the bridge, even if the repairs have already cost millions."
    )
    parts = [sentence[a:b] for a, b in clause_spans(sentence, 0, len(sentence))]
    assert parts == [
        "The council should rebuild the bridge,",
        "even if the repairs have already cost millions.",
    ]


def test_a_colon_before_a_clause_splits_but_not_before_a_name() -> None:
    sentence = "Our towns will soon have too few doctors: the number of students keeps falling."
    parts = [sentence[a:b] for a, b in clause_spans(sentence, 0, len(sentence))]
    assert parts == [
        "Our towns will soon have too few doctors:",
        "the number of students keeps falling.",
    ]
    named = "The report names three towns with too few doctors: Ashby, Brill and Crewe."
    assert clause_spans(named, 0, len(named)) == [(0, len(named))]


def test_a_leading_condition_stays_with_its_claim() -> None:
    text = (
        "If vital interests are at stake, as they were after the 9/11 attacks, Washington "
        "must make credible threats to secure compliance."
    )
    assert clause_spans(text, 0, len(text)) == [(0, len(text))]
    concession = "Although talks are hard to sell at home, the United States must open them now."
    assert len(clause_spans(concession, 0, len(concession))) == 2  # still split
