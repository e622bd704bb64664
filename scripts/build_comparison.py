"""Assemble ``maps/afghanistan-debate.argmap.json`` from the five article maps.

The comparison map must never disagree with the article maps: a claim there has the same
id, label and quote as in its article's map. Copying by hand would drift the first time an
article map is corrected, so this script rebuilds the comparison map from them: it takes
every source and author, the key claims listed below (with the links among them), and adds
what only the comparison has: the cross-author links and the positions.

Run it after editing an article map (``--check`` only reports whether the file is current;
a test does the same). The output is deterministic: same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.map.mapfile import encode, load, save
from argmap.map.model import ArgumentMap, GroundSide, Link, Position, Stance

MAPS = Path(__file__).resolve().parent.parent / "maps"
TARGET = MAPS / "afghanistan-debate.argmap.json"

ARTICLE_MAPS = (
    "kabul-attacks.argmap.json",
    "perennial-pakistan.argmap.json",
    "ct-leverage.argmap.json",
    "gzero-pakistan-ttp.argmap.json",
    "hussain-engagement.argmap.json",
)

TITLE = "The Afghanistan debate: five op-eds compared"
DESCRIPTION = (
    "Five pieces on US policy toward Afghanistan, the Taliban and Pakistan, written between "
    "about 2018 and 2026 (only Hussain's is dated; the others are dated from their content): "
    "an op-ed after the January 2018 Kabul attacks; a Foreign Affairs essay on America's "
    "Pakistan problem after the 2021 withdrawal; an op-ed on using US counterterrorism help as leverage "
    "over the Taliban; GZERO Media's reporting on Pakistan's war with the Pakistani Taliban "
    "(TTP); and Touqir Hussain's case for US engagement (The National Interest, 2026). Each "
    "author's key claims keep the ids and quotes of the article maps; cross-author links show "
    "where one author's claim backs or contradicts another's, and the positions compare the "
    "authors on seven questions. The pieces were written years apart, so some disagreements "
    "reflect changed circumstances as much as different views: link notes say so where it "
    "matters."
)
# (This map is built by scripts/build_comparison.py from the five article maps; the note
# stays here rather than in the description, which handouts print for students.)

# The claims each author brings to the comparison: theses, recommendations, the objections
# they answer, and the premises and evidence that the cross-author links and positions use.
KEY_CLAIMS: dict[str, tuple[str, ...]] = {
    "kabul": (
        "thesis1", "thesis2", "rec1", "rec2", "rec3", "p2", "obj1", "ev1", "obj2", "p4",
        "p5", "p6", "p7", "p9", "obj3",
    ),
    "perennial": (
        "thesis1", "thesis2", "rec1", "rec2", "rec3", "rec4", "p1", "p3", "p5", "ev3", "ev4",
    ),
    "leverage": (
        "thesis1", "rec1", "rec2", "rec3", "p4", "p5", "p6", "p9", "obj1", "obj2", "p13",
    ),
    "gzero": (
        "thesis1", "thesis2", "rec1", "p1", "p2", "p5", "p7", "p8", "p9", "p11", "p12",
        "p13", "obj1", "ev4", "ev10", "ev16", "ev21", "ev22",
    ),
    "hussain": (
        "thesis1", "rec1", "rec2", "rec3", "rec4", "rec5", "rec6", "p1", "p2", "p8", "p9",
        "p11", "p14", "p15", "ev3", "obj1",
    ),
}  # fmt: skip

# (from, kind, to, note): one author's claim backing or contradicting another's.
CROSS_LINKS: tuple[tuple[str, str, str, str], ...] = (
    # Engaging the Taliban.
    ("kabul.p9", "support", "hussain.rec1",
     "Refusing to talk forfeits what leverage Washington has; Hussain draws the same lesson."),
    ("kabul.p7", "support", "hussain.rec1",
     "If any stable outcome must involve the Taliban, the US has to deal with them."),
    ("hussain.p15", "support", "kabul.rec3",
     "Isolating Afghanistan is the risk that talking to the Taliban avoids."),
    ("hussain.p15", "attack", "kabul.obj3",
     "Refusing to deal with the Taliban leaves a neglected Afghanistan, 'an accident waiting "
     "to happen'."),
    ("leverage.p9", "support", "kabul.p7",
     "Even counterterrorism goals are near impossible without the Taliban, so they cannot be "
     "left out."),
    # Counterterrorism help as leverage.
    ("leverage.thesis1", "support", "hussain.rec3",
     "Conditional counterterrorism help is inducement and pressure in one."),
    ("leverage.thesis1", "support", "hussain.rec4",
     "Both would begin engagement with terrorism."),
    ("leverage.p4", "support", "hussain.p2",
     "Because the Taliban need US help against ISIS, US incentives carry weight."),
    ("leverage.p6", "support", "hussain.p2",
     "Both hold that only the US has the intelligence and strike capability that counts."),
    ("gzero.ev22", "attack", "leverage.p6",
     "The Pentagon itself calls over-the-horizon operations difficult, which tempers the "
     "promise of persistent US coverage."),
    ("kabul.p5", "attack", "leverage.thesis1",
     "Applied by analogy: if conditioning aid rarely changes a state's behaviour, conditioning "
     "counterterrorism help may not either."),
    # The Taliban's inability or unwillingness to curb militants.
    ("gzero.p12", "support", "hussain.p11",
     "Both find the Taliban unable to secure Afghanistan."),
    ("leverage.p5", "support", "hussain.p11",
     "The Taliban are weak at counterterrorism."),
    ("gzero.ev21", "support", "hussain.ev3",
     "Both report that the Taliban shelter the Pakistani Taliban (TTP)."),
    ("gzero.p13", "support", "hussain.p8",
     "ISIS-K threatens more than the Taliban: the Pentagon warns of attacks on the US."),
    # Whether the US should re-engage at all.
    ("gzero.p8", "attack", "hussain.rec1",
     "Kugelman: the US has left and its priorities lie elsewhere, the opposite of a call to "
     "re-engage."),
    ("gzero.thesis1", "attack", "hussain.p1",
     "GZERO treats the TTP as mostly Pakistan's problem; Hussain makes Pakistan's security a "
     "US interest."),
    ("gzero.p9", "attack", "hussain.rec6",
     "Washington does not see the TTP as a direct threat, so it has little reason to act on "
     "threats to Pakistan."),
    # Leverage over Pakistan.
    ("perennial.p1", "support", "kabul.p4",
     "Both find Washington's leverage over Pakistan small."),
    ("kabul.p5", "support", "perennial.p1",
     "Aid cuts rarely change behaviour, one reason leverage is small."),
    ("perennial.ev4", "attack", "kabul.p4",
     "After 9/11 credible US pressure did move Musharraf: leverage exists when interests are "
     "vital."),
    ("perennial.rec1", "attack", "kabul.rec1",
     "Credible threats when vital interests are at stake, against avoiding pressure on "
     "Pakistan."),
    # Cooperating with Pakistan.
    ("perennial.rec4", "attack", "kabul.p6",
     "Expecting a partnership from Pakistan is what the Foreign Affairs essay warns against."),
    ("kabul.rec2", "support", "hussain.rec5",
     "Both want Washington to work with Pakistan."),
    ("perennial.p3", "attack", "hussain.rec5",
     "Pakistan's long sponsorship of the Taliban makes it a doubtful partner against them "
     "(written in 2021, before relations soured)."),
    ("gzero.p11", "support", "hussain.rec5",
     "Islamabad's relations with the Taliban have soured, giving Pakistan reason to act."),
    ("gzero.p2", "support", "hussain.rec5",
     "US–Pakistan counterterrorism cooperation has already grown."),
    ("gzero.p5", "support", "perennial.rec2",
     "Modest help and intelligence sharing is transactional cooperation in practice."),
    ("gzero.ev4", "support", "perennial.rec3",
     "Pakistani help in the al-Zawahri strike shows counterterror cooperation can work."),
    # Pakistan's backing of the Taliban.
    ("gzero.ev10", "support", "perennial.p3",
     "Pakistan sheltered Taliban leaders for two decades."),
    ("kabul.ev1", "support", "perennial.p3",
     "The ISI's ties to the Taliban and the Haqqani Network."),
    ("perennial.p3", "support", "kabul.obj1",
     "The Foreign Affairs essay backs the reading the Kabul op-ed rejects: Pakistan is central."),
    ("perennial.ev3", "support", "gzero.thesis2",
     "Officials 'shortsightedly' believed the Taliban could be manipulated; GZERO sees the bet "
     "backfire."),
)  # fmt: skip

_F: Stance = "for"
_A: Stance = "against"
_M: Stance = "mixed"
_S: Stance = "silent"
# (id, label, description, stances by author, grounds)
POSITIONS: tuple[tuple[str, str, str, dict[str, Stance], tuple[str, ...]], ...] = (
    (
        "pos.engage-taliban",
        "Engage or negotiate with the Taliban rather than isolate them?",
        "For: talks or engagement, conditional or not. The counterterrorism-leverage op-ed is "
        "for a transactional engagement backed by threats.",
        {"kabul": _F, "perennial": _S, "leverage": _F, "gzero": _S, "hussain": _F},
        ("kabul.rec3", "kabul.p7", "kabul.p9", "leverage.thesis1", "leverage.rec3",
         "hussain.rec1", "hussain.p15"),
    ),
    (
        "pos.pressure-pakistan",
        "Pressure Pakistan (aid cuts, threats) to change its Afghan policy?",
        "The Foreign Affairs essay is mixed: credible threats only where vital US interests "
        "are at stake, otherwise lower ambitions.",
        {"kabul": _A, "perennial": _M, "leverage": _S, "gzero": _S, "hussain": _S},
        ("kabul.rec1", "kabul.p4", "kabul.p5", "perennial.rec1", "perennial.rec2",
         "perennial.p1"),
    ),
    (
        "pos.partner-pakistan",
        "Work with Pakistan as a partner on Afghanistan?",
        "Mixed: transactional cooperation but no strategic partnership (Foreign Affairs); "
        "GZERO reports US backing for Islamabad that stays modest.",
        {"kabul": _F, "perennial": _M, "leverage": _S, "gzero": _M, "hussain": _F},
        ("kabul.rec2", "kabul.p6", "perennial.rec2", "perennial.rec3", "perennial.rec4",
         "gzero.p2", "gzero.p5", "hussain.rec5", "hussain.rec6", "hussain.p1"),
    ),
    (
        "pos.ct-leverage",
        "Use US counterterrorism help as leverage over the Taliban?",
        "Hussain would begin engagement with terrorism, offering incentives and pressure that "
        "only the US's intelligence and military means provide.",
        {"kabul": _S, "perennial": _S, "leverage": _F, "gzero": _S, "hussain": _F},
        ("leverage.thesis1", "leverage.rec1", "leverage.rec2", "leverage.p13",
         "hussain.rec3", "hussain.rec4", "hussain.p2"),
    ),
    (
        "pos.us-leverage",
        "Does Washington have real leverage in the region?",
        "Over Pakistan (Kabul op-ed, Foreign Affairs) or over the Taliban (leverage op-ed, "
        "Hussain). GZERO is mixed: US–Pakistan cooperation grows, but the US has left and "
        "Pakistan looks to China and the Gulf for money.",
        {"kabul": _A, "perennial": _M, "leverage": _F, "gzero": _M, "hussain": _F},
        ("kabul.p4", "kabul.p5", "perennial.p1", "perennial.ev4", "leverage.p4",
         "leverage.p6", "gzero.p2", "gzero.p7", "gzero.p8", "hussain.p2", "hussain.thesis1"),
    ),
    (
        "pos.terror-threat",
        "Is terrorism from Afghanistan a threat to the US that demands action?",
        "GZERO is mixed: the TTP is not a direct threat to America 'yet', while the Pentagon "
        "warns of ISIS-K. The 2018 Kabul op-ed does not address a threat to the US.",
        {"kabul": _S, "perennial": _F, "leverage": _F, "gzero": _M, "hussain": _F},
        ("perennial.p5", "leverage.p9", "gzero.p9", "gzero.p13", "gzero.ev16", "hussain.p8",
         "hussain.p9"),
    ),
    (
        "pos.pakistan-root",
        "Is Pakistan's backing of the Taliban central to Afghanistan's instability?",
        "The Kabul op-ed is against: it locates the root in the Afghan government's failure to "
        "provide security, though it grants that Pakistan's fingerprints may be on the attacks. "
        "GZERO is mixed: it recalls decades of Pakistani support for the Taliban but sees the "
        "Taliban's own failures, ISIS-K and the TTP driving today's violence.",
        {"kabul": _A, "perennial": _F, "leverage": _S, "gzero": _M, "hussain": _S},
        ("kabul.thesis1", "kabul.p2", "perennial.thesis1", "perennial.p3", "gzero.ev10",
         "gzero.thesis2", "gzero.p12"),
    ),
)  # fmt: skip

# Which side a ground argues, recorded where its author is mixed or grants a point to the
# other side (a one-sided author's other grounds take the author's stance): without it the
# positions matrix cannot tell an author's two sides apart.
GROUND_SIDES: dict[str, dict[str, GroundSide]] = {
    "pos.pressure-pakistan": {
        "perennial.rec1": "for", "perennial.rec2": "against", "perennial.p1": "against",
    },
    "pos.partner-pakistan": {
        "perennial.rec2": "for", "perennial.rec3": "for", "perennial.rec4": "against",
        "gzero.p2": "for", "gzero.p5": "against",
    },
    "pos.us-leverage": {
        "perennial.p1": "against", "perennial.ev4": "for", "gzero.p2": "for",
        "gzero.p7": "against", "gzero.p8": "against",
    },
    "pos.terror-threat": {"gzero.p9": "against", "gzero.p13": "for", "gzero.ev16": "for"},
    "pos.pakistan-root": {
        "gzero.ev10": "for", "gzero.thesis2": "for", "gzero.p12": "against",
        "kabul.thesis1": "against", "kabul.p2": "against",
    },
}  # fmt: skip


def build() -> ArgumentMap:
    """The comparison map, from the article maps next to this script's repository."""
    maps = [load(MAPS / name) for name in ARTICLE_MAPS]
    sources = [s for m in maps for s in m.sources]
    authors = [a for m in maps for a in m.authors]
    key = {f"{author}.{suffix}" for author, suffixes in KEY_CLAIMS.items() for suffix in suffixes}
    claims = [c for m in maps for c in m.claims if c.id in key]
    missing = key - {c.id for c in claims}
    if missing:
        raise SystemExit(f"key claims not in any article map: {', '.join(sorted(missing))}")
    links = [x for m in maps for x in m.links if x.from_claim in key and x.to_claim in key]
    for n, (from_claim, kind, to_claim, note) in enumerate(CROSS_LINKS, 1):
        links.append(
            Link.model_validate(
                {
                    "id": f"cross.link{n:02d}",
                    "kind": kind,
                    "from_claim": from_claim,
                    "to_claim": to_claim,
                    "note": note,
                }
            )
        )
    positions = [
        Position(
            id=pid,
            label=label,
            description=desc,
            stances=stances,
            grounds=list(grounds),
            sides=GROUND_SIDES.get(pid, {}),
        )
        for pid, label, desc, stances, grounds in POSITIONS
    ]
    # Validating the whole map checks that every link end and every ground exists.
    amap = ArgumentMap.model_validate(
        {
            "title": TITLE,
            "description": DESCRIPTION,
            "sources": sources,
            "authors": authors,
            "claims": claims,
            "links": links,
            "positions": positions,
        }
    )
    return with_teaching_views(amap)


def with_teaching_views(amap: ArgumentMap) -> ArgumentMap:
    """The map with its views for a class: one per question, then one per author, each
    ordered for teaching (the argument's tree, depth first), under readable ids."""
    from argmap.analysis.views import default_views

    views = []
    for view in default_views(amap):
        subject = view.position or view.author or view.id
        views.append(view.model_copy(update={"id": "view." + subject.removeprefix("pos.")}))
    return ArgumentMap.model_validate({**amap.model_dump(), "views": views})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the committed map is out of date"
    )
    args = parser.parse_args(argv)
    amap = build()
    current = TARGET.read_bytes() if TARGET.exists() else b""
    if args.check:
        if encode(amap) != current:
            print(f"{TARGET.name} is out of date: run scripts/build_comparison.py", file=sys.stderr)
            return 1
        print(f"{TARGET.name} is up to date")
        return 0
    save(amap, TARGET)
    print(f"wrote {TARGET.name}: {len(amap.claims)} claims, {len(amap.links)} links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
