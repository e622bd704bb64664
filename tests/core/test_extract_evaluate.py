"""The evaluation code on a tiny synthetic annotated sample (never the real corpora)."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.extract.corpora import (
    Annotated,
    GoldUnit,
    load_gold_maps,
    load_microtexts,
    paragraph_part,
    paragraph_starts,
    split_of,
)
from argmap.extract.evaluate_clean import cleaning_score
from argmap.extract.proposals import ArticleProposals, Proposal, ProposedLink
from argmap.extract.scoring import MAP_GROUPS, MICRO_GROUPS, matches, overlaps, score
from argmap.extract.segment import Unit
from argmap.map.mapfile import save
from argmap.map.model import ArgumentMap, Claim, Link, Quote, Source

TEXT = (
    "Cities should ban cars. Cars pollute the air. Some say cars are convenient. But buses are too."
)


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def _row() -> dict[str, object]:
    parts = [
        "Cities should ban cars.",
        "Cars pollute the air.",
        "Some say cars are convenient.",
        "But buses are too.",
    ]
    adus: list[dict[str, object]] = [
        {
            "id": f"a{i + 1}",
            "type": "opp" if i == 2 else "pro",
            "text": p,
            "start": _span(p)[0],
            "end": _span(p)[1],
            "edus": [],
        }
        for i, p in enumerate(parts)
    ]
    return {
        "id": "tiny_1",
        "topic_id": None,
        "stance": "pro",
        "text": TEXT,
        "edus": [],
        "adus": adus,
        "central_claim": "a1",
        "relations": [
            {
                "id": "c1",
                "from": "a2",
                "to": "a1",
                "kind": "support",
                "orig_type": "sup",
                "to_is_relation": False,
                "linked_with": None,
            },
            {
                "id": "c2",
                "from": "a3",
                "to": "a1",
                "kind": "attack",
                "orig_type": "reb",
                "to_is_relation": False,
                "linked_with": None,
            },
            {
                "id": "c3",
                "from": "a4",
                "to": "c2",
                "kind": "attack",
                "orig_type": "und",
                "to_is_relation": True,
                "linked_with": None,
            },
        ],
    }


def _fake(
    kinds: list[str | None], ranking: list[int], links: list[ProposedLink]
) -> ArticleProposals:
    parts = [
        "Cities should ban cars.",
        "Cars pollute the air.",
        "Some say cars are convenient.",
        "But buses are too.",
    ]
    units = []
    for i, (part, kind) in enumerate(zip(parts, kinds, strict=True)):
        start, end = _span(part)
        units.append(Proposal(Unit(start, end, part, 0, i), kind, 0.5, "test"))  # type: ignore[arg-type]
    return ArticleProposals(units, links, ranking)


def test_microtexts_loader_maps_roles_and_undercuts(tmp_path: Path) -> None:
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(_row()) + "\n", encoding="utf-8")
    (text,) = load_microtexts(tmp_path)
    assert [u.kind for u in text.units] == ["thesis", "premise", "objection", "premise"]
    assert text.relations == [(1, 0, "support"), (2, 0, "attack"), (3, 2, "attack")]


def test_score_counts_hits_and_misses(tmp_path: Path) -> None:
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(_row()) + "\n", encoding="utf-8")
    texts = load_microtexts(path)
    perfect = _fake(
        ["thesis", "premise", "objection", "premise"],
        [0, 1, 2, 3],
        [
            ProposedLink(1, 0, "support", 0.5, ""),
            ProposedLink(2, 0, "attack", 0.5, ""),
            ProposedLink(3, 2, "attack", 0.5, ""),
        ],
    )
    report = score(texts, MICRO_GROUPS, lambda text, title: perfect)
    assert report["thesis_top1"] == 1.0
    assert report["kinds"]["premise+evidence"]["f1"] == 1.0
    assert report["link_accuracy"] == 1.0
    wrong = _fake(
        ["premise", "thesis", None, "objection"],
        [1, 2, 0, 3],
        [ProposedLink(1, 0, "attack", 0.5, "")],
    )
    report = score(texts, MICRO_GROUPS, lambda text, title: wrong)
    assert report["thesis_top1"] == 0.0 and report["thesis_top2"] == 0.0
    assert report["kinds"]["thesis"]["precision"] == 0.0
    assert report["kinds"]["objection"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "support": 1,
    }
    assert report["kinds"]["premise+evidence"]["recall"] == 0.0
    assert report["link_accuracy"] == 0.0
    third = _fake([None, None, None, "thesis"], [3, 0, 1, 2], [])
    assert score(texts, MICRO_GROUPS, lambda text, title: third)["thesis_top2"] == 1.0


def test_gold_maps_and_cleaning(tmp_path: Path) -> None:
    body = "The council should act now. Traffic has doubled since 2015."
    amap = ArgumentMap(
        sources=[Source(id="s", title="Act Now", text=body)],
        claims=[
            Claim(
                id="c1",
                kind="thesis",
                text="Act",
                source="s",
                quote=Quote(start=0, end=28, text=body[:28]),
            ),
            Claim(
                id="c2",
                kind="evidence",
                text="Traffic",
                source="s",
                quote=Quote(start=29, end=len(body), text=body[29:]),
            ),
        ],
        links=[Link(id="l1", kind="support", from_claim="c2", to_claim="c1")],
    )
    save(amap, tmp_path / "gold.argmap.json")
    (gold,) = load_gold_maps(tmp_path)
    assert [u.kind for u in gold.units] == ["thesis", "evidence"] and gold.relations == [
        (1, 0, "support")
    ]
    report = score([gold], MAP_GROUPS)
    assert report["texts"] == 1 and "premise+evidence" in report["kinds"]
    raw = "Share\n\nAct Now\n\nThe council should act now.\nTraffic has doubled since 2015.\n\n41 106 41\nA kept line of noise here\n"
    result = cleaning_score([raw], [("Act Now", body)])
    assert result["body_sentences"] == 2 and result["body_sentences_lost"] == 0
    assert result["noise_lines"] == 3 and result["noise_lines_kept"] == 1


def test_split_is_deterministic_and_overlap_is_symmetric() -> None:
    ids = [f"micro_{i}" for i in range(200)]
    parts = [split_of(i) for i in ids]
    assert parts == [split_of(i) for i in ids]
    assert 60 < parts.count("tune") < 140
    assert overlaps((0, 10), (2, 10)) and overlaps((2, 10), (0, 10))
    assert not overlaps((0, 10), (0, 4))
    assert Annotated("x", "t", units=[GoldUnit(0, 1, "thesis")]).units[0].kind == "thesis"


def test_contain_mode_accepts_a_sentence_inside_a_two_sentence_quote() -> None:
    gold = (0, 100)  # a curated quote of two sentences
    first = (0, 45)  # the extractor's proposal: its first sentence
    assert not matches(first, gold) and matches(first, gold, "contain")
    assert not matches((90, 160), gold, "contain")  # mostly outside the quote
    assert not matches((0, 10), (0, 100), "strict")
    texts = [
        Annotated(
            "two",
            "Cities should ban cars. Cars pollute the air. Some say cars are convenient. "
            "But buses are too.",
            units=[GoldUnit(0, 75, "thesis")],
        )
    ]
    fake = _fake(["thesis", "premise", None, None], [0, 1, 2, 3], [])
    assert score(texts, MICRO_GROUPS, lambda text, title: fake)["thesis_top1"] == 0.0
    contain = score(texts, MICRO_GROUPS, lambda text, title: fake, mode="contain")
    assert contain["thesis_top1"] == 1.0
    # one-to-one: the second sentence inside the same quote is not a second hit
    assert contain["kinds"]["thesis"]["precision"] == 1.0


def test_paragraph_protocol_puts_every_unit_in_exactly_one_part() -> None:
    text = "\n\n".join(f"Paragraph {k} says something." for k in range(40))
    starts = paragraph_starts(text)
    assert len(starts) == 40 and text[starts[3] :].startswith("Paragraph 3 ")
    parts = [paragraph_part("doc", starts, s + 2) for s in starts]
    assert parts == [paragraph_part("doc", starts, s) for s in starts]  # inside a paragraph
    assert 8 < parts.count("tune") < 32  # both sides get text of the same document
    units = [GoldUnit(s, s + 10, "premise") for s in starts]
    item = Annotated("doc", text, units=units)
    supports = [
        score([item], MAP_GROUPS, part=p)["kinds"]["premise"]["support"]
        for p in ("tune", "heldout")
    ]
    assert supports == [parts.count("tune"), parts.count("heldout")]


def test_confidence_figures_and_calibration_fit() -> None:
    from argmap.extract.evaluate_fit import fit_calibration
    from argmap.extract.scoring import confidence_figures

    ranked = confidence_figures([(0.9, True), (0.8, True), (0.3, False), (0.2, False)])
    assert ranked["auc"] == 1.0 and ranked["precision_high"] == 1.0
    assert ranked["precision_low"] == 0.0 and ranked["n_high"] == 2
    assert confidence_figures([(0.2, True), (0.9, False)])["auc"] == 0.0
    assert confidence_figures([(0.5, True), (0.5, False)])["auc"] == 0.5  # ties: chance
    # a feature that marks the right proposals gets a positive weight, noise a small one
    rows = [((1.0, float(k % 2), float(k % 3 == 0)), k % 2 == 1) for k in range(60)]
    weights = fit_calibration(rows, l2=0.1, steps=500)
    assert weights[1] > 1.0 and abs(weights[2]) < weights[1] / 3


def test_proposal_confidence_is_the_calibrated_probability() -> None:
    from argmap.extract.calibration import (
        CALIBRATION_FEATURES,
        CALIBRATION_LONG,
        CALIBRATION_SHORT,
        calibrated,
    )
    from argmap.extract.propose import propose_article

    assert len(CALIBRATION_SHORT) == len(CALIBRATION_LONG) == len(CALIBRATION_FEATURES)
    result = propose_article(TEXT)
    for p in result.units:
        assert len(p.features) == len(CALIBRATION_FEATURES)
        if p.kind not in (None, "thesis"):
            assert p.confidence == calibrated(p.features, long_text=False)
            assert 0.05 <= p.confidence <= 0.95


def test_newton_fit_matches_the_logistic_optimum() -> None:
    import math

    from argmap.extract.evaluate_fit import fit_calibration

    # one binary feature, no regularisation to speak of: the weights reproduce the rates
    rows = [((1.0, 1.0), k < 30) for k in range(40)] + [((1.0, 0.0), k < 10) for k in range(40)]
    bias, weight = fit_calibration(rows, l2=1e-9)
    assert abs(1 / (1 + math.exp(-bias)) - 0.25) < 0.01  # feature off: 10 of 40 right
    assert abs(1 / (1 + math.exp(-(bias + weight))) - 0.75) < 0.01  # on: 30 of 40
    # a strong penalty shrinks the weight but never the bias
    shrunk = fit_calibration(rows, l2=100.0)
    assert abs(shrunk[1]) < abs(weight) / 2 and shrunk[0] != 0.0


def test_draft_then_finish_is_the_proposer() -> None:
    from argmap.extract.propose import draft_article, finish_article, propose_article

    oped = "\n\n".join(
        f"Point {k}: the council should fund line {k}, because traffic has doubled since 2015."
        if k % 3 == 0
        else f"In 2019 the city counted {k} thousand riders a day on route {k}."
        for k in range(20)
    )
    whole = propose_article(oped, "Trams", oped=True)
    draft = draft_article(oped, "Trams", oped=True)
    again = finish_article(draft)
    assert [(p.kind, p.confidence) for p in again.units] == [
        (p.kind, p.confidence) for p in whole.units
    ]
    assert again.links == whole.links and again.thesis_ranking == whole.thesis_ranking
    # finishing leaves the draft alone, so it can be finished again with other parameters
    tight = finish_article(draft, budget=0.2)
    assert len(tight.claims) < len(whole.claims) <= len(draft.units)
    assert [p.kind for p in finish_article(draft).units] == [p.kind for p in whole.units]


def test_leave_one_article_out_never_trains_on_the_article_it_scores() -> None:
    from argmap.extract import evaluate_fit as fit

    def article(name: str, n: int) -> Annotated:
        sentences = [
            f"The {name} council should fund tram line {k}."
            if k % 4 == 0
            else f"Traffic on road {k} has doubled since 2015, the {name} office says."
            for k in range(n)
        ]
        text = "\n\n".join(sentences)
        units, at = [], 0
        for k, sentence in enumerate(sentences):
            if k % 4 == 0:
                units.append(GoldUnit(at, at + len(sentence), "recommendation"))
            at += len(sentence) + 2
        return Annotated(name, text, "", units)

    texts = [article("north", 16), article("south.a", 12), article("south.b", 12)]
    assert {fit.article_of(t.id) for t in texts} == {"north", "south"}
    seen: list[list[str]] = []
    real = fit.learn_oped_parameters

    def spy(train: list[Annotated], drafts: dict[str, object]) -> fit.Learnt:
        seen.append(sorted(t.id for t in train))
        return real(train, drafts)  # type: ignore[arg-type]

    fit.learn_oped_parameters = spy  # type: ignore[assignment]
    try:
        report = fit.leave_one_article_out(texts)
    finally:
        fit.learn_oped_parameters = real  # type: ignore[assignment]
    assert seen == [["south.a", "south.b"], ["north"]]  # one fold per article, not per piece
    assert report["folds"]["south"]["texts"] == 2
    assert report["folds"]["north"]["budget"] in fit.BUDGET_GRID
    assert report["kinds"]["recommendation"]["support"] == 4 + 3 + 3


def _common_row(doc_id: str, split: str) -> dict[str, object]:
    text = "The agency should cap late fees. I was charged twice last year."
    first, second = "The agency should cap late fees.", "I was charged twice last year."
    return {
        "id": doc_id,
        "corpus": "cdcp",
        "genre": "public-comment",
        "title": None,
        "text": text,
        "split": split,
        "units": [
            {"id": "p0", "start": 0, "end": len(first), "text": first, "kind": "recommendation"},
            {
                "id": "p1",
                "start": text.index(second),
                "end": len(text),
                "text": second,
                "kind": "evidence",
            },
            {
                "id": "p2",
                "start": None,
                "end": None,
                "text": "x",
                "kind": "premise",
                "implicit": True,
            },
        ],
        "relations": [
            {"id": "r0", "from": "p1", "to": "p0", "type": "support", "native": "reason"}
        ],
    }


def test_common_corpora_are_scored_per_part_with_calibration(tmp_path: Path) -> None:
    from argmap.extract.corpora import load_common, part_of
    from argmap.extract.evaluate import evaluate_data

    folder = tmp_path / "cdcp"
    folder.mkdir()
    rows = [_common_row("a", "train"), _common_row("b", "train"), _common_row("c", "dev")]
    (folder / "cdcp.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    texts = load_common(folder)
    assert [part_of(t) for t in texts] == ["tune", "tune", "heldout"]  # CDCP's own split
    assert all(len(t.units) == 2 for t in texts)  # the implicit unit cannot be quoted
    report, notes = evaluate_data(tmp_path)
    assert any("ugwd" in n for n in notes)  # a missing corpus is a note, not an error
    heldout = report["cdcp"]["heldout"]
    assert heldout["kinds"]["recommendation"]["support"] == 1
    assert report["cdcp"]["tune"]["kinds"]["recommendation"]["support"] == 2
    conf = heldout["confidence"]
    assert sum(row["n"] for row in conf["reliability"]) == conf["n_high"] + conf["n_low"]
    assert 0.0 <= conf["ece"] <= 1.0


def test_reliability_and_expected_calibration_error() -> None:
    from argmap.extract.scoring import expected_calibration_error, reliability

    calibrated = [(0.9, True)] * 9 + [(0.9, False)] + [(0.3, True)] * 3 + [(0.3, False)] * 7
    assert expected_calibration_error(calibrated) == 0.0
    table = reliability(calibrated)
    assert [(row["n"], row["right"]) for row in table] == [(10, 0.3), (10, 0.9)]
    overconfident = [(0.9, False)] * 10
    assert expected_calibration_error(overconfident) == 0.9
