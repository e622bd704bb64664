"""Recommendations are obligations of an actor; the thesis may say "also" (op-ed rules)."""

from __future__ import annotations

from argmap.extract.kinds import deontic_subject
from argmap.extract.propose import propose_article

# An op-ed long enough (15+ sentences) for the op-ed rules, written for this test.
OPED = "\n\n".join(
    [
        "Rivertown's bridge crisis also shows how badly the region plans its roads. "
        "The old bridge closed in March after inspectors found cracks in two piers. "
        "Since then, commuters have lost an hour a day on the detour.",
        "The council has tried temporary ferries, which carried only a few hundred people. "
        "Shop owners on both banks report falling sales. "
        "Many residents now drive forty kilometres to the next crossing.",
        "A lasting settlement must include the towns on the northern bank. "
        "Any new crossing needs to carry trains as well as cars. "
        "These are facts about the valley, not choices anyone can wish away.",
        "The regional government should fund a rail and road bridge this year. "
        "We must stop patching the old structure with emergency money. "
        "The bridge tolls should be abolished once the new crossing opens.",
        "Critics argue that the region cannot afford a new bridge. "
        "But the detour already costs the valley more every month. "
        "In the end, planning for the region as a whole is cheaper than planning town by town.",
    ]
)


def test_who_a_modal_obliges() -> None:
    assert deontic_subject("Washington should warn the generals.") == "agent"
    assert deontic_subject("In return, the U.S. should require more support.") == "agent"
    assert deontic_subject("We must act before winter.") == "agent"
    assert deontic_subject("Tuition fees should be abolished.") == "agent"  # a policy verb
    assert deontic_subject("A lasting settlement must include the northern towns.") == "state"
    assert deontic_subject("Any new crossing needs to carry trains.") == "state"
    assert deontic_subject("The bridge is old and cracked.") == ""
    # a policy instrument as subject: whoever wields it is told what to do
    assert deontic_subject("Such aid to the junta must not come without conditions.") == "agent"
    assert deontic_subject("Sanctions should be lifted step by step.") == "agent"
    assert deontic_subject("Any settlement of the dispute must involve the rebels.") == "state"


def test_necessity_about_the_world_is_a_premise_not_a_recommendation() -> None:
    result = propose_article(OPED, "Rivertown needs a new bridge")
    kinds = {p.unit.text[:24]: p.kind for p in result.units}
    assert kinds["A lasting settlement mus"] == "premise"
    assert kinds["Any new crossing needs t"] == "premise"
    assert kinds["We must stop patching th"] == "recommendation"
    assert kinds["The bridge tolls should "] == "recommendation"
    reasons = {p.unit.text[:24]: p.reason for p in result.units}
    assert "state of the world" in reasons["A lasting settlement mus"]


def test_a_thesis_may_say_also_but_not_open_with_it() -> None:
    plain = OPED.replace("crisis also shows", "crisis shows")
    opening = OPED.replace("Rivertown's bridge crisis also shows", "Also, Rivertown's crisis shows")
    title = "Rivertown's bridge crisis shows how the region plans roads"
    scores = [propose_article(t, title).units[0].thesis_score for t in (OPED, plain)]
    assert abs(scores[0] - scores[1]) < 0.1  # a mid-sentence "also" costs next to nothing
    # opening with it does (the learnt weight of "additive_opens" is negative)
    assert propose_article(opening, title).units[0].thesis_score < scores[1] - 0.5
    result = propose_article(OPED, title)
    assert result.thesis_ranking[0] == 0


def test_a_thesis_prescribing_a_list_of_actions_proposes_each_action() -> None:
    from argmap.extract.links import action_items

    listed = (
        "In short, if the region wants trains again by 2030, it must focus on rebuilding "
        "the northern line, training new drivers for it, and being honest about the cost."
    )
    items = [listed[a:b] for a, b in action_items(listed)]
    assert items == [
        "rebuilding the northern line",
        "training new drivers for it",
        "being honest about the cost",
    ]
    assert action_items("The council should fund the tram line, cut fares and plant trees.") == []
    assert action_items("During the works, officials must keep talking to shop owners.") == []
    assert (
        action_items("Rebuilding, training and hiring are what the region lacks.") == []
    )  # no modal

    oped = OPED.replace(
        "In the end, planning for the region as a whole is cheaper than planning town by town.",
        "In the end, the regional government must focus on building the rail and road bridge "
        "across the valley, closing the old bridge to lorries, and funding the ferries until "
        "the new bridge opens.",
    )
    result = propose_article(oped, "Rivertown needs a new bridge")
    thesis = next(p for p in result.units if p.kind == "thesis")
    nested = [
        p
        for p in result.units
        if p is not thesis and thesis.unit.start <= p.unit.start < p.unit.end <= thesis.unit.end
    ]
    assert "must focus on building" in thesis.unit.text  # the closing prescription
    assert [p.kind for p in nested] == ["recommendation"] * 3
    assert all(oped[p.unit.start : p.unit.end] == p.unit.text for p in nested)
    supported = {(x.source, x.target) for x in result.links if x.kind == "support"}
    at = result.units.index(thesis)
    assert all((result.units.index(p), at) in supported for p in nested)
    assert result.thesis_ranking[0] == at  # the actions never outrank their thesis


def test_time_to_answer_is_and_imperatives_are_recommendations() -> None:
    for sentence in (
        "It is time to give the valley a bridge that carries trains.",
        "The answer is to fund the crossing from the regional budget.",
        "Stop patching the old bridge with emergency money.",
        "There should be a public vote on the new crossing.",
        "We need stronger rules for the inspectors of bridges.",
    ):
        text = f"The old bridge closed in March. {sentence} The detour costs an hour."
        kinds = {p.unit.text: p.kind for p in propose_article(text).units}
        found = kinds[sentence] if kinds[sentence] != "thesis" else None
        before = [
            p.kind_before_thesis for p in propose_article(text).units if p.unit.text == sentence
        ]
        assert "recommendation" in (found, *before), sentence


def test_an_order_reported_from_someone_else_is_not_an_imperative() -> None:
    text = "“Stop the works now,” the mayor told reporters on Monday."
    unit = propose_article(text).units[0]
    assert unit.speaker == "the mayor"
    assert "imperative" not in unit.reason


def test_an_aside_between_subject_and_modal_does_not_hide_the_actor() -> None:
    assert deontic_subject("Councils, for their part, should look at every option.") == "agent"
    assert deontic_subject("The state, in turn, must pay for the repairs.") == "agent"
    assert deontic_subject("Schools must open longer.") == "agent"  # a plural actor
    assert deontic_subject("The world must not look away from Sudan.") == "agent"
    # "must be to <act>" prescribes an action whatever the subject
    assert deontic_subject("The priority must be to protect civilians.") == "agent"
    assert deontic_subject("Any new crossing, in short, needs to carry trains.") == "state"


def test_the_forms_of_a_recommendation_in_an_editorial() -> None:
    """Issue 17: a proposal of what someone should do, said with a modal, an imperative,
    "it is time to …" or "the answer is …", is a recommendation, short or long."""
    forms = [
        "Britain needs a proper industrial strategy for its steel towns.",
        "The answer is a carbon tax on imported steel.",
        "Now is the time to invest in the northern rail line.",
        "A better approach would be to fund the schools directly.",
        "What is needed now is an immediate ceasefire in the region.",
        "Let the people decide.",
        "Parliament must act.",
    ]
    for form in forms:
        text = OPED.replace(
            "The bridge tolls should be abolished once the new crossing opens.", form
        )
        kinds = {p.unit.text: p.kind for p in propose_article(text, "A bridge").units}
        assert kinds[form] == "recommendation", form
    # an answer that is a fact is no recommendation
    fact = "The answer is that nobody knows what the bridge will cost."
    text = OPED.replace("The bridge tolls should be abolished once the new crossing opens.", fact)
    kinds = {p.unit.text: p.kind for p in propose_article(text, "A bridge").units}
    assert kinds[fact] != "recommendation"


def test_a_modal_that_judges_or_guesses_is_no_recommendation() -> None:
    """Editorials' commonplaces: "No one should be surprised …", "This should worry …",
    "It must be said …", "They must have known …" oblige nobody."""
    from argmap.extract.cues import find_cues

    for text in [
        "No one should be surprised that the talks collapsed in March.",
        "That should worry everyone who cares about the alliance.",
        "It must be said that the minister tried hard to reach a deal.",
        "The generals must have known about the strikes in advance.",
        "This should come as no surprise to anyone in Brussels.",
        "It should be clear that the plan failed.",
    ]:
        assert find_cues(text).deontic == "", text
    for text in [
        "The council should be clear with voters about the costs.",
        "Fees should have been abolished long ago.",
        "Ministers must be held to account for the failure.",
    ]:
        assert find_cues(text).deontic != "", text
