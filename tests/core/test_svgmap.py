"""The Qt-free SVG writer: a valid document with every claim, link, title and legend entry.

That it draws what the canvas draws is checked against Qt in tests/ui/test_svg_parity.py;
these tests need no Qt at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeET

from argmap.drawing.picture import picture
from argmap.drawing.textmetrics import elide, font, wrap
from argmap.formats import svg
from argmap.formats.svg import map_svg
from argmap.map.mapfile import load
from argmap.map.model import ArgumentMap, Claim, Link, Origin
from argmap.map.synthetic import synthetic_map
from tests.core.helpers import small_map

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


def parse(data: bytes) -> SafeET.Element:
    root = SafeET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    return root


def groups(root: SafeET.Element, kind: str) -> list[SafeET.Element]:
    return [g for g in root.iter(f"{SVG}g") if (g.get("class") or "").split()[:1] == [kind]]


def texts(element: SafeET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def test_every_claim_and_link_is_drawn_with_its_kind_and_id() -> None:
    amap = load(ROOT / "maps" / "afghanistan-debate.argmap.json")
    root = parse(map_svg(amap))
    cards = groups(root, "claim")
    arrows = groups(root, "link")
    assert [g.get("data-id") for g in cards] == [c.id for c in amap.claims]
    assert [g.get("data-id") for g in arrows] == [x.id for x in amap.links]
    assert {g.get("class") for g in cards} == {f"claim {c.kind}" for c in amap.claims}
    attack = next(g for g in arrows if g.get("class") == "link attack")
    assert all(p.get("stroke-dasharray") for p in attack.iter(f"{SVG}polyline"))
    support = next(g for g in arrows if g.get("class") == "link support")
    assert not any(p.get("stroke-dasharray") for p in support.iter(f"{SVG}polyline"))


def test_cross_author_links_are_double_lines() -> None:
    amap = load(ROOT / "maps" / "afghanistan-debate.argmap.json")
    author = {c.id: c.author for c in amap.claims}
    root = parse(map_svg(amap))
    links = groups(root, "link")
    assert len(links) == len(amap.links) > 0  # the loop below checks every link
    kinds = set()
    for g in links:
        link = next(x for x in amap.links if x.id == g.get("data-id"))
        rails = len(list(g.iter(f"{SVG}polyline")))
        cross = author[link.from_claim] != author[link.to_claim]
        kinds.add(cross)
        assert rails == (2 if cross else 1)
        assert ("cross" in (g.get("class") or "").split()) == cross
    assert kinds == {True, False}  # both kinds of link were drawn and checked


def test_card_text_is_the_wrapped_label_and_title_and_legend_are_there() -> None:
    amap = small_map()
    root = parse(map_svg(amap, title="Teaching map"))
    by_id = {g.get("data-id"): g for g in groups(root, "claim")}
    for claim in amap.claims:
        lines = [x.rstrip() for x in wrap(claim.text, 193.0)]
        assert texts(by_id[claim.id])[-len(lines) :] == lines
    every = texts(root)
    assert every[0] == "Teaching map"
    for entry in ("Claims:", "Thesis", "Premise", "Links:", "Support", "Authors:", "Ann Author"):
        assert entry in every
    assert root.findtext(f"{SVG}title") == "Talks"


def test_an_empty_title_leaves_the_title_out_and_the_page_shorter() -> None:
    amap = small_map()
    with_title = parse(map_svg(amap))
    without = parse(map_svg(amap, title=""))
    assert "Talks" in texts(with_title) and "Talks" not in texts(without)
    assert int(without.get("height") or 0) < int(with_title.get("height") or 0)


def test_proposals_are_dashed_washed_and_show_their_confidence() -> None:
    amap = small_map()
    proposal = amap.claims[0].model_copy(
        update={"origin": Origin(kind="extracted", confidence=0.62, reviewed=False)}
    )
    amap = amap.model_copy(update={"claims": [proposal, *amap.claims[1:]]})
    root = parse(map_svg(amap))
    card = groups(root, "claim")[0]
    body = next(card.iter(f"{SVG}rect"))
    assert body.get("stroke-dasharray")
    assert body.get("fill") != "#f6d6a8"  # the thesis fill, washed out
    assert "? 62 %" in texts(card)


def test_hostile_text_stays_well_formed() -> None:
    amap = small_map()
    nasty = 'A <b>bold</b> & "quoted" claim\x01 with a control character]]>'
    claim = amap.claims[0].model_copy(update={"text": nasty})
    amap = amap.model_copy(update={"claims": [claim, *amap.claims[1:]], "title": "<&>"})
    root = parse(map_svg(amap))
    assert "<&>" in texts(root)
    assert any("<b>bold</b>" in t for t in texts(root))


def test_a_map_without_claims_is_a_page_with_its_title() -> None:
    root = parse(map_svg(ArgumentMap(title="Nothing yet")))
    assert groups(root, "claim") == []
    assert texts(root) == ["Nothing yet"]


def test_a_dangling_link_is_not_drawn() -> None:
    amap = small_map()
    dangling = Link.model_construct(
        id="ghost", kind="support", from_claim="t", to_claim="missing", origin=Origin()
    )
    amap = ArgumentMap.model_construct(**{**dict(amap), "links": [*amap.links, dangling]})
    ids = [g.get("data-id") for g in groups(parse(map_svg(amap)), "link")]
    assert "ghost" not in ids and len(ids) == len(small_map().links)


def test_cards_of_a_laid_out_map_never_overlap() -> None:
    amap = synthetic_map(150, n_authors=3, seed=11)
    amap = amap.model_copy(
        update={"claims": [c.model_copy(update={"pos": None}) for c in amap.claims]}
    )
    cards = picture(amap).cards
    boxes = sorted(
        (c.x - c.width / 2, c.y - c.height / 2, c.x + c.width / 2, c.y + c.height / 2)
        for c in cards
    )
    for k, a in enumerate(boxes):
        for b in boxes[k + 1 :]:
            if b[0] >= a[2]:
                break
            assert a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_wrap_and_elide_rules() -> None:
    width = font("label").width
    lines = wrap("Washington should talk to the Taliban before it is too late for all", 193.0)
    assert len(lines) > 1 and all(width(x.rstrip()) <= 193.0 for x in lines)
    assert "".join(lines) == "Washington should talk to the Taliban before it is too late for all"
    long_word = "x" * 80
    assert all(width(x) <= 193.0 for x in wrap(long_word, 193.0))
    assert wrap("one\ntwo", 193.0) == ["one", "two"]
    assert elide("Raffaello Pantucci", 1000.0) == "Raffaello Pantucci"
    short = elide("Raffaello Pantucci and Alexandre Gagnon", 60.0)
    assert short.endswith("…") and font("header").width(short) <= 60.0
    assert elide("Anyone", 3.0) == ""


def test_wide_and_unknown_characters_get_a_width() -> None:
    label = font("label")
    assert label.width("台湾") == 2 * label.pixel_size
    assert label.width("\U0001f600") > 0


def test_cli_svg_export_does_not_start_qt(tmp_path: Path) -> None:
    document = tmp_path / "doc.argdown"
    document.write_text("[a]: Talk to them.\n    + <b>: Talks worked before.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from ui.commands.export import convert\n"
        f"code = convert({str(document)!r}, {str(tmp_path / 'doc.svg')!r})\n"
        "assert code == 0, code\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)
    root = parse((tmp_path / "doc.svg").read_bytes())
    assert len(groups(root, "claim")) == 2 and len(groups(root, "link")) == 1


def test_a_long_label_is_placed_line_by_line_in_one_pass(monkeypatch: Any) -> None:
    """Issue 18, item 6: each line's top was computed from the first line down, so a card's
    label cost the square of its lines (a 1 MB label never finished). Counted in steps."""
    steps: list[int] = []
    real = svg.line_tops

    def counted(lines: int, line_height: float, leading: float) -> list[float]:
        steps.append(lines)
        return real(lines, line_height, leading)

    monkeypatch.setattr(svg, "line_tops", counted)
    svg._line_start.cache_clear()
    text = "Engage the Taliban while leveraging Pakistan " * 400
    amap = ArgumentMap(claims=[Claim(id="a", kind="thesis", text=text)])
    root = parse(map_svg(amap))
    lines = picture(amap).cards[0].lines
    assert len(lines) > 300
    card = groups(root, "claim")[0]
    assert texts(card)[-len(lines) :] == [line.rstrip() for line in lines]
    assert sum(steps) <= 2 * len(lines)
