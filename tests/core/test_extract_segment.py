"""Segmentation: exact offsets, abbreviations, clauses."""

from __future__ import annotations

from argmap.extract.segment import (
    HybridSegmenter,
    PysbdSegmenter,
    RegexSegmenter,
    clause_spans,
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


def test_fast_path_agrees_with_pysbd_on_plain_paragraphs() -> None:
    plain = "Trams are good. Buses are slow! Are cars the answer? No, they are not."
    assert RegexSegmenter().sentences(plain) == PysbdSegmenter().sentences(plain)
    assert HybridSegmenter().sentences(plain) == RegexSegmenter().sentences(plain)


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
