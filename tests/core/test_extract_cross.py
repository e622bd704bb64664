"""Suggested links between articles: shared content makes a pair, shared names and titles
never do, and the sign comes from the two claims' stances (short claims written here)."""

from __future__ import annotations

from argmap.extract.cross import CrossItem, Suggestion, polarity, suggest_cross_links


def _pair(a: str, b: str) -> list[Suggestion]:
    """Suggestions between claim ``a`` of one article and claim ``b`` of another, with a
    few unrelated claims around them (IDF needs a collection)."""
    new = [
        CrossItem("a", "s1", "ann", a, "premise"),
        CrossItem(
            "a2",
            "s1",
            "ann",
            "Bicycle lanes on the river bridge would cost very little money.",
            "premise",
        ),
    ]
    old = [
        CrossItem("b", "s2", "bob", b, "premise"),
        CrossItem(
            "b2",
            "s2",
            "bob",
            "School meals in the northern districts improved after the reform.",
            "premise",
        ),
        CrossItem(
            "c2",
            "s3",
            "cy",
            "Farmers along the coast planted olive groves after the drought years.",
            "premise",
        ),
    ]
    return [s for s in suggest_cross_links(new, old) if {s.source, s.target} == {"a", "b"}]


def test_shared_names_and_titles_alone_never_link() -> None:
    a = "Former ambassador Zalmay Khalilzad told President Donald Trump's team in Kabul about Pakistan."
    b = "President Donald Trump's former ambassador met Zalmay Khalilzad in Kabul and Pakistan afterwards."
    assert _pair(a, b) == []


def test_shared_content_links() -> None:
    a = "Sanctions on Afghan banks have starved hospitals of medicine and fuel this winter."
    b = "Because of sanctions on the banks, hospitals in Herat ran out of medicine in January."
    found = _pair(a, b)
    assert len(found) == 1
    assert "sanctions" in found[0].reason.lower() and "hospitals" in found[0].reason


def test_one_recommends_what_the_other_rejects_attack() -> None:
    a = "Washington should open direct counterterrorism talks with the Taliban leadership this year."
    b = "Washington should not open direct counterterrorism talks with the Taliban leadership."
    (found,) = _pair(a, b)
    assert found.kind == "attack"
    assert "“not”" in found.reason  # the word that decided


def test_opposite_judgements_attack_and_agreeing_ones_support() -> None:
    fail = "The sanctions on central bank reserves were a failure for ordinary Afghan families."
    work = "The sanctions on central bank reserves were a success for ordinary Afghan families."
    (found,) = _pair(fail, work)
    assert found.kind == "attack" and "failure" in found.reason and "success" in found.reason
    engage = "Donors should engage the provincial health ministries to keep clinics open."
    isolate = "Donors should isolate the provincial health ministries and keep clinics open alone."
    assert polarity(engage, isolate)[0] == "attack"
    # the same stance, said two ways, supports
    again = (
        "Opening direct counterterrorism talks with the Taliban leadership is wise for Washington."
    )
    talks = "Washington should open direct counterterrorism talks with the Taliban leadership this year."
    (found,) = _pair(again, talks)
    assert found.kind == "support"


def test_denying_a_judgement_agrees_with_its_opposite() -> None:
    assert (
        polarity(
            "The aid programme was not a failure for the northern valleys.",
            "The aid programme was a success for the northern valleys.",
        )[0]
        == "support"
    )
    # "never stopped providing" asserts that it goes on
    assert (
        polarity(
            "Islamabad never stopped providing safe havens to the insurgents.",
            "Islamabad keeps providing safe havens to the insurgents.",
        )[0]
        == "support"
    )
    assert (
        polarity(
            "Islamabad keeps providing safe havens to the insurgents.",
            "Islamabad has eradicated the safe havens of the insurgents.",
        )[0]
        == "attack"
    )
    # a judging claim and a describing one do not disagree
    assert (
        polarity(
            "The drought ruined the harvest, a harmful blow to the valley.",
            "The drought ruined the harvest across the valley.",
        )[0]
        == "support"
    )
    # "not only … but" asserts
    assert (
        polarity(
            "The talks helped not only the envoys but the villages.",
            "The talks helped the envoys and the villages.",
        )[0]
        == "support"
    )
