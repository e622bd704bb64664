"""The bundled maps: the five article maps and the comparison map the app opens.

They are the material the app is demonstrated and taught with, so their analysis is held
to checkable standards here: quotes exact, every claim connected to the argument, every
objection answered, the comparison map in step with the article maps, and each source text
exactly the article's paragraphs with the web noise of the raw seed removed.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from argmap.analysis.stats import is_cross_author
from argmap.map.mapfile import encode, load
from argmap.map.model import ArgumentMap
from argmap.map.palette import AUTHOR_PALETTE
from tests.conftest import FIXTURES, MAPS, REPO

ARTICLE_MAPS = {
    "kabul-attacks": "000",
    "perennial-pakistan": "001",
    "ct-leverage": "002",
    "gzero-pakistan-ttp": "003",
    "hussain-engagement": "004",
}
COMPARISON = "afghanistan-debate"
ALL_MAPS = [*ARTICLE_MAPS, COMPARISON]


def _load(name: str) -> ArgumentMap:
    return load(MAPS / f"{name}.argmap.json")


def _seed(number: str) -> str:
    (path,) = (FIXTURES / "seeds").glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


def test_bundled_maps_are_exactly_the_expected_files() -> None:
    found = sorted(p.name for p in MAPS.glob("*.argmap.json"))
    assert found == sorted(f"{name}.argmap.json" for name in ALL_MAPS)


@pytest.mark.parametrize("name", ALL_MAPS)
def test_every_claim_is_quoted_exactly(name: str) -> None:
    amap = _load(name)
    texts = amap.source_index()
    for claim in amap.claims:
        assert claim.quote is not None, claim.id
        assert claim.source is not None
        text = texts[claim.source].text
        assert text[claim.quote.start : claim.quote.end] == claim.quote.text, claim.id
        assert claim.quote.text.strip() == claim.quote.text, f"{claim.id}: untrimmed quote"


@pytest.mark.parametrize("name", ALL_MAPS)
def test_labels_are_short_and_ids_readable(name: str) -> None:
    amap = _load(name)
    for claim in amap.claims:
        assert len(claim.text.split()) <= 15, f"{claim.id}: {claim.text!r}"
        assert claim.author is not None
        assert re.fullmatch(rf"{re.escape(claim.author)}\.[a-z]+\d+", claim.id), claim.id
        assert claim.pos is None, f"{claim.id}: layout is left to the app"


@pytest.mark.parametrize("name", list(ARTICLE_MAPS))
def test_article_map_has_thesis_and_recommendation(name: str) -> None:
    kinds = {c.kind for c in _load(name).claims}
    assert "thesis" in kinds
    assert "recommendation" in kinds


def _reaches_conclusion(amap: ArgumentMap) -> dict[str, bool]:
    """For each claim, whether a chain of links leads from it to a thesis or recommendation."""
    out: dict[str, list[str]] = defaultdict(list)
    for link in amap.links:
        out[link.from_claim].append(link.to_claim)
    kinds = {c.id: c.kind for c in amap.claims}
    result = {}
    for claim in amap.claims:
        seen, stack, found = {claim.id}, list(out[claim.id]), False
        while stack and not found:
            node = stack.pop()
            if kinds[node] in ("thesis", "recommendation"):
                found = True
            elif node not in seen:
                seen.add(node)
                stack.extend(out[node])
        result[claim.id] = found
    return result


@pytest.mark.parametrize("name", ALL_MAPS)
def test_every_non_thesis_claim_is_connected_to_the_argument(name: str) -> None:
    amap = _load(name)
    reaches = _reaches_conclusion(amap)
    linked = {x.from_claim for x in amap.links} | {x.to_claim for x in amap.links}
    for claim in amap.claims:
        if claim.kind in ("premise", "evidence", "objection"):
            assert reaches[claim.id], f"{claim.id} reaches no thesis or recommendation"
        else:
            assert claim.id in linked, f"{claim.id} is not linked at all"


@pytest.mark.parametrize("name", list(ARTICLE_MAPS))
def test_every_objection_attacks_and_is_answered(name: str) -> None:
    amap = _load(name)
    for claim in amap.claims:
        if claim.kind != "objection":
            continue
        assert any(x.from_claim == claim.id and x.kind == "attack" for x in amap.links), claim.id
        assert any(x.to_claim == claim.id and x.kind == "attack" for x in amap.links), (
            f"{claim.id}: the author's rebuttal should attack it"
        )


def test_article_maps_have_one_author_and_links_within_it() -> None:
    for name in ARTICLE_MAPS:
        amap = _load(name)
        assert len(amap.authors) == 1, name
        author = amap.authors[0].id
        assert {c.author for c in amap.claims} == {author}
        assert all(s.authors == [author] for s in amap.sources)
        assert amap.links, name


def test_each_author_has_one_colour_everywhere() -> None:
    colours: dict[str, set[str]] = defaultdict(set)
    for name in ALL_MAPS:
        for author in _load(name).authors:
            colours[author.id].add(author.color)
    assert len(colours) == 5
    assert all(len(c) == 1 for c in colours.values()), colours
    used = [next(iter(c)) for c in colours.values()]
    assert len(set(used)) == 5
    assert set(used) <= set(AUTHOR_PALETTE)


# --- The comparison map ---------------------------------------------------------------


def test_comparison_holds_all_five_authors_and_sources() -> None:
    comparison = _load(COMPARISON)
    articles = [_load(name) for name in ARTICLE_MAPS]
    assert [a.id for a in comparison.authors] == [m.authors[0].id for m in articles]
    assert comparison.sources == [s for m in articles for s in m.sources]
    claimed = {c.author for c in comparison.claims}
    assert claimed == {a.id for a in comparison.authors}


def test_comparison_claims_are_the_article_claims() -> None:
    originals = {c.id: c for name in ARTICLE_MAPS for c in _load(name).claims}
    comparison = _load(COMPARISON)
    for claim in comparison.claims:
        assert claim == originals[claim.id], f"{claim.id} differs from its article map"
    for author in comparison.authors:
        kinds = {c.kind for c in comparison.claims if c.author == author.id}
        assert {"thesis", "recommendation"} <= kinds, author.id


def test_comparison_has_cross_author_links_of_both_kinds() -> None:
    comparison = _load(COMPARISON)
    author_of = {c.id: c.author for c in comparison.claims}
    cross = [x for x in comparison.links if is_cross_author(x, author_of)]
    assert len(cross) >= 15
    assert {x.kind for x in cross} == {"support", "attack"}
    assert sum(x.kind == "attack" for x in cross) >= 5
    assert all(x.note for x in cross), "a cross-author link says why it holds"
    pairs = {frozenset((author_of[x.from_claim], author_of[x.to_claim])) for x in cross}
    assert len(pairs) >= 6, "cross-author links should connect many pairs of authors"
    # Every author takes part in the debate.
    ends = {author_of[x.from_claim] for x in cross} | {author_of[x.to_claim] for x in cross}
    assert ends == {a.id for a in comparison.authors}


def test_comparison_keeps_the_article_links_among_its_claims() -> None:
    comparison = _load(COMPARISON)
    kept = {c.id for c in comparison.claims}
    expected = {
        x.id
        for name in ARTICLE_MAPS
        for x in _load(name).links
        if x.from_claim in kept and x.to_claim in kept
    }
    author_of = {c.id: c.author for c in comparison.claims}
    internal = {x.id for x in comparison.links if not is_cross_author(x, author_of)}
    assert internal == expected


def test_positions_give_every_author_a_grounded_stance() -> None:
    comparison = _load(COMPARISON)
    authors = {a.id for a in comparison.authors}
    author_of = {c.id: c.author for c in comparison.claims}
    assert len(comparison.positions) >= 5
    for position in comparison.positions:
        assert set(position.stances) == authors, position.id
        grounded = {author_of[g] for g in position.grounds}
        for author, stance in position.stances.items():
            if stance == "silent":
                assert author not in grounded, f"{position.id}: {author} is silent yet grounded"
            else:
                assert author in grounded, f"{position.id}: {author}'s stance has no ground"
        assert len({s for s in position.stances.values() if s != "silent"}) >= 1
    stances = {s for p in comparison.positions for s in p.stances.values()}
    assert {"for", "against", "mixed"} <= stances


def _build_script() -> ModuleType:
    path = REPO / "scripts" / "build_comparison.py"
    spec = importlib.util.spec_from_file_location("build_comparison", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_comparison_map_is_what_the_build_script_makes() -> None:
    module = _build_script()
    built = module.build()
    assert encode(built) == (MAPS / f"{COMPARISON}.argmap.json").read_bytes(), (
        "run scripts/build_comparison.py after editing an article map"
    )


# --- Cleaning: each source text is the article's paragraphs, nothing else --------------

# Lines of each raw seed that are not article text (whitespace runs as single spaces).
NOISE: dict[str, tuple[str, ...]] = {
    "000": (),
    "001": (
        "We use cookies to provide some features and experiences in QOSHE",
        "More information . Close",
        "Aa Aa Aa",
        "- A +",
        "41 106 41",
        "© Foreign Affairs",
        "Get it on Google Play",
    ),
    "002": (),
    "003": (
        "Trending Now",
        "{{ subpage.title }}",
    ),
    "004": (
        "Share",
        "Image: EyeTravelPhoto / Shutterstock.com.",
        "The post The Case for US Engagement with Afghanistan appeared first on The National "
        "Interest.",
        "Источник: nationalinterest.org",
    ),
}
# Lines that begin with these are noise too (long banners, the 004 header and author box).
NOISE_PREFIXES: dict[str, tuple[str, ...]] = {
    "003": ("We have updated our Privacy Policy",),
    "004": ("«Данное сообщение", "Topic: Diplomacy", "About the Author:", "Touqir Hussain is a"),
}
# Paragraphs of the 003 roundup that are not about Afghanistan and Pakistan.
OFF_TOPIC = {"003": ("Can this guy defeat Viktor Orban?", "Can Biden rescue abducted Americans")}
# Piece titles the seed glues to the end of the previous piece's last sentence.
GLUED_TITLES = (
    "Pakistan vs. (Pakistani) Taliban",
    "The Graphic Truth: Terror outfits based in Afghanistan",
    "What We're Watching: Viktor Orbán's rival, Pakistan's Taliban making moves, abducted "
    "Americans in Haiti",
)


def _seed_paragraphs(number: str) -> tuple[list[str], list[str]]:
    """(body paragraphs, titles) of a seed, by the rules above, in order."""
    body: list[str] = []
    titles: list[str] = []
    for raw in _seed(number).split("\n"):
        line = raw.strip()
        if not line or " ".join(line.split()) in NOISE[number]:
            continue
        if line.startswith(NOISE_PREFIXES.get(number, ())):
            continue
        if line.startswith(OFF_TOPIC.get(number, ())):
            continue
        for title in GLUED_TITLES:
            if line.endswith(title) and line != title:
                body.append(line[: -len(title)])
                line = title
        if number == "001" and line == "America’s Perennial Pakistan Problem":
            titles.append(line)
            continue
        if number == "003" and len(line) < 110 and not line.endswith((".", "?", "”")):
            titles.append(line)  # the pieces' headlines
            continue
        body.append(line)
    if number == "001":
        # The aggregator marks the cut with a run of dots; the map keeps one full stop.
        body[-1] = re.sub(r"\.{2,}$", ".", body[-1])
    return body, titles


@pytest.mark.parametrize(("name", "number"), list(ARTICLE_MAPS.items()))
def test_source_text_is_the_article_body(name: str, number: str) -> None:
    amap = _load(name)
    body, titles = _seed_paragraphs(number)
    paragraphs = [p for s in amap.sources for p in s.text.split("\n\n")]
    assert paragraphs == body
    # Every sentence of the body is present (the check the paragraph equality implies,
    # spelled out so a failure names the sentence).
    joined = "\n\n".join(s.text for s in amap.sources)
    for paragraph in body:
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z“])", paragraph):
            assert sentence in joined
    if titles:
        assert titles == [s.title for s in amap.sources]


def test_noise_and_off_topic_items_are_gone() -> None:
    everything = "\n".join(s.text for name in ARTICLE_MAPS for s in _load(name).sources)
    for needle in (
        "cookies",
        "Google Play",
        "Privacy Policy",
        "иностранного агента",
        "Источник",
        "appeared first on",
        "Shutterstock",
        "Márki-Zay",
        "Haiti",
        "{{",
        "........",
    ):
        assert needle not in everything, needle


def test_metadata_only_where_the_text_gives_it() -> None:
    sources = {s.id: s for name in ARTICLE_MAPS for s in _load(name).sources}
    hussain = sources["hussain"]
    assert (hussain.title, hussain.outlet, hussain.date) == (
        "The Case for US Engagement with Afghanistan",
        "The National Interest",
        "2026-01-22",
    )
    assert sources["perennial"].outlet == "Foreign Affairs"
    assert "truncated" in sources["perennial"].note.lower()
    assert "truncated" in _load("perennial-pakistan").description.lower()
    for unsigned in ("kabul", "leverage"):
        source = sources[unsigned]
        assert (source.title, source.outlet, source.date, source.url) == ("", "", "", "")
    gzero = [s for s in sources.values() if s.id.startswith("gzero.")]
    assert len(gzero) == 5
    assert all(s.outlet == "GZERO Media" and s.date == "" for s in gzero)
    description = _load("gzero-pakistan-ttp").description
    assert "Hungary" in description and "Haiti" in description


def test_fixture_seeds_are_the_five_articles() -> None:
    seeds = sorted(p.name[:3] for p in (FIXTURES / "seeds").glob("*.txt"))
    assert seeds == ["000", "001", "002", "003", "004"]
    assert isinstance(REPO, Path)
