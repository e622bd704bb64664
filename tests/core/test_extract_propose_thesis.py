"""The thesis ranker on short op-eds written for these tests: what is never the thesis,
the ranked alternatives, whose words evidence reports, and the review thresholds."""

from __future__ import annotations

from argmap.extract import thresholds
from argmap.extract.cues import find_cues
from argmap.extract.propose import propose_article
from argmap.extract.thesis import thesis_blocker

TITLE = "The valley needs a new rail bridge"


def _oped(*middle: str) -> str:
    """A long text (five paragraphs, 15+ sentences) about a bridge, with ``middle`` as
    its second paragraph."""
    return "\n\n".join(
        [
            "The old bridge over the river closed in March. "
            "Inspectors found cracks in two of its piers. "
            "Commuters have lost an hour a day on the detour since then.",
            " ".join(middle),
            "The council tried ferries, which carried a few hundred people a day. "
            "Shop owners on both banks report falling sales. "
            "Many residents now drive forty kilometres to the next crossing.",
            "A rail bridge would carry ten times as many people as the old road did. "
            "It would also link the northern towns to the regional hospital. "
            "The money is there in the regional budget.",
            "Critics argue that the valley cannot afford it. "
            "But the detour already costs the valley more every month. "
            "The valley needs a new rail bridge, and it needs it this year.",
        ]
    )


def _thesis(text: str) -> str:
    result = propose_article(text, TITLE)
    theses = [p.unit.text for p in result.units if p.kind == "thesis"]
    assert len(theses) <= 1
    return theses[0] if theses else ""


def _candidates(text: str) -> list[str]:
    """The thesis and its alternatives."""
    result = propose_article(text, TITLE)
    alternatives = [result.units[a.index].unit.text for a in result.thesis_alternatives]
    return [_thesis(text), *alternatives]


def test_an_attributed_quote_is_never_the_thesis() -> None:
    quote = "“The valley needs a new rail bridge,” Graham told me."
    text = _oped(quote, "He has said so for years.")
    assert quote not in _candidates(text)
    according = "According to the mayor, the valley needs a new rail bridge now."
    assert according not in _candidates(_oped(according, "She has said so for years."))


def test_a_question_is_never_the_thesis() -> None:
    question = "Does the valley need a new rail bridge?"
    assert question not in _candidates(_oped(question, "Most people here think so."))


def test_a_transition_is_never_the_thesis() -> None:
    move = "So let me draw a line between the valley's bridge and its rail plans."
    assert move not in _candidates(_oped(move, "They are the same story."))
    assert thesis_blocker(find_cues(move), move) == "a transition"
    assert thesis_blocker(find_cues("Here is why:"), "Here is why:") == "a transition"
    claim = "The valley needs a new rail bridge."
    assert thesis_blocker(find_cues(claim), claim) == ""


def test_the_thesis_comes_with_two_ranked_alternatives_of_lower_confidence() -> None:
    result = propose_article(_oped("Nothing else in the valley matters as much."), TITLE)
    thesis = next(i for i, p in enumerate(result.units) if p.kind == "thesis")
    assert result.thesis_ranking[0] == thesis
    alternatives = result.thesis_alternatives
    assert len(alternatives) == 2
    assert [a.index for a in alternatives] == result.thesis_ranking[1:3]
    assert thesis not in [a.index for a in alternatives]
    for a in alternatives:
        assert 0.05 <= a.confidence <= result.units[thesis].confidence
        assert a.reason.startswith("thesis alternative")


def test_a_statistic_and_a_quotation_are_evidence_with_their_speaker() -> None:
    stat = "According to the transport office, 64 percent of commuters use the detour daily."
    quote = "“We lose customers every week,” said Maria Lopez, who runs a bakery."
    result = propose_article(_oped(stat, quote), TITLE)
    by_text = {p.unit.text: p for p in result.units}
    assert by_text[stat].kind == "evidence"
    assert by_text[stat].speaker == "the transport office"
    assert by_text[quote].kind == "evidence"
    assert by_text[quote].speaker == "Maria Lopez"
    assert "Maria Lopez" in by_text[quote].reason
    # the author's own claim has no speaker
    own = [p for p in result.units if p.kind == "thesis"]
    assert own and own[0].speaker == ""


def test_a_pronoun_speaker_is_the_last_named_one() -> None:
    text = _oped(
        "“We lose customers every week,” said Maria Lopez, who runs a bakery.",
        "“The detour is killing the town,” she said.",
    )
    units = propose_article(text, TITLE).units
    she = next(p for p in units if p.unit.text.startswith("“The detour"))
    assert she.speaker == "Maria Lopez"


def test_a_quotation_going_on_after_its_attribution_is_still_the_speakers() -> None:
    """News copy names a speaker once and goes on quoting: the next sentence, all
    quotation, is the speaker's evidence, not a premise of the author's."""
    said = "“We lose customers every week,” said Maria Lopez, who runs a bakery."
    more = "“Half of them tell me they no longer cross the river.”"
    units = {p.unit.text: p for p in propose_article(_oped(said, more), TITLE).units}
    assert units[more].speaker == "Maria Lopez"
    assert units[more].kind == "evidence"
    # a quotation in a paragraph of its own, with nobody named before it, is nobody's yet
    alone = propose_article(_oped("“Bridges are cheaper than detours.”"), TITLE).units
    assert next(p for p in alone if p.unit.text.startswith("“Bridges")).speaker == ""


def test_review_thresholds_are_probabilities_in_order_with_a_note() -> None:
    assert 0.05 <= thresholds.REJECT_BELOW < thresholds.ACCEPT_AT <= 0.95
    assert "%" in thresholds.THRESHOLD_NOTE and "tuning" in thresholds.THRESHOLD_NOTE


def test_an_obligation_in_someone_elses_quoted_words_is_their_evidence() -> None:
    """ "“That is not a choice anyone should have to make.”" after a named speaker is that
    speaker's testimony, not the author's recommendation or premise."""
    said = "“We are choosing between bridges and schools,” said Karen Holt, the treasurer."
    more = "“That is not a choice anyone should have to make.”"
    units = {p.unit.text: p for p in propose_article(_oped(said, more), TITLE).units}
    assert units[more].speaker == "Karen Holt"
    assert units[more].kind == "evidence"


def test_the_standfirst_counts_with_the_title_for_the_thesis() -> None:
    """An editorial's standfirst (the summary under the headline) says what the piece
    argues: the body sentence that echoes it ranks higher with it than without it."""
    claim = "Ferries are a stopgap that the valley cannot keep paying for."
    text = _oped(claim, "The valley has run them for eight months.")
    standfirst = "Ferries cost the valley dearly and are no more than a stopgap"

    def score(**kw: str) -> float:
        units = propose_article(text, "Rivers and roads", **kw).units
        return next(p.thesis_score for p in units if p.unit.text == claim)

    assert score(standfirst=standfirst) > score() + 0.5


def test_a_fragment_of_an_oped_is_never_its_thesis() -> None:
    """ "Every year, it borrows more." is a beat of the prose: too short to stand alone."""
    beat = "Every year, it floods."
    result = propose_article(_oped("The valley needs a new rail bridge now.", beat), TITLE)
    unit = next(p for p in result.units if p.unit.text == beat)
    assert unit.thesis_blocked == "too short to stand alone"
    assert result.units[result.thesis_ranking[0]].unit.text != beat


def test_a_claim_restated_at_the_other_end_of_the_article_echoes_it() -> None:
    """The bookend feature: a unit's words shared with the closing paragraph."""
    from argmap.extract.thesis import THESIS_FEATURES

    claim = "Ferries are a stopgap that the valley cannot keep paying for."
    other = "The river is wide and slow in the summer months."
    units = {p.unit.text: p for p in propose_article(_oped(claim, other), TITLE).units}
    bookend = THESIS_FEATURES.index("bookend")
    # the closing paragraph speaks of the valley paying, not of the river's summer
    assert units[claim].thesis_features[bookend] > units[other].thesis_features[bookend]
