"""What stands: Dung's grounded labelling of a map's claims.

The grounded labelling is the most sceptical reading of a web of attacks: a claim is **in**
when every claim attacking it is out, **out** when some claim that is in attacks it, and
**undecided** when neither can be settled (it sits on an unresolved cycle of attacks, or is
attacked only by undecided claims). It is unique, always exists, and is what a careful
reader can say "stands" without taking sides in a stalemate.

Two layers:

- :func:`grounded_labelling` works on an *abstract framework*: any hashable arguments and
  ``(attacker, attacked)`` pairs. Textbook frameworks (self-attack included, which a map
  cannot hold because the model forbids self-links) are tested here.
- :func:`grounded_map` builds that framework from a map: claims are the arguments, attack
  links are the attacks.

How support is treated
----------------------
Support links do **not** take part in the labelling. Dung's semantics knows only attack,
and the bipolar extensions that derive extra attacks from support ("secondary" attacks: an
attack on a premise also attacks everything it supports) would let one defeated reason
knock out a thesis that three other reasons still carry, which is not how op-eds argue. So
a thesis whose only premise is out is still *in* unless something attacks the thesis itself.
Support is what :func:`argmap.analysis.compare.load_bearing` measures instead: which premises carry
the most support paths to theses and recommendations.

The algorithm is a single propagation with attacker counters, O(arguments + attacks): every
argument counts its attackers that are not yet out; an argument whose count reaches zero
goes in, everything it attacks goes out, and each argument an out-going argument attacks
has its count decremented. Whatever is never reached is undecided. This is the least fixed
point of Dung's characteristic function computed without re-scanning the framework per
round (10,000 claims take a few milliseconds).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Final, Literal, TypeVar

from argmap.map.model import ArgumentMap

Label = Literal["in", "out", "undecided"]
LABELS: Final[tuple[Label, ...]] = ("in", "out", "undecided")

LABEL_COLOR: Final[dict[Label, str]] = {
    "in": "#2e7d32",  # green: stands
    "out": "#c62828",  # red: defeated
    "undecided": "#ef8f00",  # amber: caught in an unresolved conflict
}
"""Overlay colours; the same hex strings in the app, exports and the command line."""

LABEL_TEXT: Final[dict[Label, str]] = {"in": "IN", "out": "OUT", "undecided": "UND"}
"""The short badge the overlay draws (text as well as colour, for colour-blind readers)."""

LABEL_MEANING: Final[dict[Label, str]] = {
    "in": "stands: every attack on it is defeated",
    "out": "defeated: attacked by a claim that stands",
    "undecided": "undecided: caught in an unresolved cycle of attacks",
}

_A = TypeVar("_A", bound=Hashable)


def grounded_labelling(
    arguments: Iterable[_A], attacks: Iterable[tuple[_A, _A]]
) -> dict[_A, Label]:
    """The grounded labelling of the framework ``(arguments, attacks)``.

    ``attacks`` holds ``(attacker, attacked)`` pairs; duplicates count once and a pair that
    names an unknown argument raises ``ValueError`` (a silent drop would change the answer).
    The result has one label per argument, in the order the arguments were given.
    """
    order: dict[_A, None] = dict.fromkeys(arguments)
    attacked_by_me: dict[_A, list[_A]] = {a: [] for a in order}
    alive: dict[_A, int] = dict.fromkeys(order, 0)  # attackers not (yet) out
    for attacker, target in set(attacks):
        if attacker not in order or target not in order:
            missing = attacker if attacker not in order else target
            raise ValueError(
                f"attack ({attacker!r}, {target!r}) names unknown argument {missing!r}"
            )
        attacked_by_me[attacker].append(target)
        alive[target] += 1

    label: dict[_A, Label] = {}
    queue: list[_A] = [a for a, n in alive.items() if n == 0]
    for a in queue:
        label[a] = "in"
    # ``queue`` only ever holds arguments just labelled in; it grows while we walk it.
    i = 0
    while i < len(queue):
        winner = queue[i]
        i += 1
        for loser in attacked_by_me[winner]:
            if loser in label:  # already out (an in argument is never attacked by an in one)
                continue
            label[loser] = "out"
            for freed in attacked_by_me[loser]:
                alive[freed] -= 1
                if alive[freed] == 0 and freed not in label:
                    label[freed] = "in"
                    queue.append(freed)
    return {a: label.get(a, "undecided") for a in order}


def grounded_map(amap: ArgumentMap) -> dict[str, Label]:
    """Grounded labels of every claim of ``amap``, from its attack links only.

    Support links are ignored on purpose (see the module notes). Extracted links the user has
    not reviewed yet count like the others: the overlay shows what the map *currently* says.
    """
    return grounded_labelling(
        (c.id for c in amap.claims),
        ((x.from_claim, x.to_claim) for x in amap.links if x.kind == "attack"),
    )


def overlay_marks(labels: Mapping[str, Label]) -> dict[str, tuple[str, str]]:
    """``{claim id: (hex colour, badge)}`` for ``MapScene.set_overlay``."""
    return {cid: (LABEL_COLOR[lab], LABEL_TEXT[lab]) for cid, lab in labels.items()}


def label_counts(labels: Mapping[str, Label]) -> dict[Label, int]:
    """How many claims carry each label (every label present, zero included)."""
    counts: dict[Label, int] = dict.fromkeys(LABELS, 0)
    for lab in labels.values():
        counts[lab] += 1
    return counts
