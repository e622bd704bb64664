"""The import end to end: bad input gives a clear message, good input a valid map whose
import is one undoable edit that only adds."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.edit.document import History, MapDocument
from argmap.extract.build import build_import, claim_label
from argmap.extract.reading import ImportProblem, read_article
from argmap.map.mapfile import encode
from argmap.map.model import ArgumentMap, Author, Claim, Source
from tests.conftest import FIXTURES

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
ARTICLE = (
    "The Case for Trams\n\nBy: Jane Doe\n\n"
    "The city should build the tram line to the airport now. Traffic on the airport road has "
    "doubled since 2015, according to the transport office.\n\n"
    "Critics claim that a tram is too expensive. But the cost of the jams is higher every year. "
    "Therefore the council must fund the tram line in this year's budget.\n"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"abc\x00\x01\x02" * 100, "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (b"<html><body><nav>Home | About</nav></body></html>", "no article text"),
    ],
)
def test_bad_input_is_a_clear_problem(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(ImportProblem, match=message):
        read_article(path)


def test_huge_and_missing_files(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with pytest.raises(ImportProblem, match=r"52\.4 MB, above the 5 MB limit"):
        read_article(huge)
    with pytest.raises(ImportProblem, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(ImportProblem, match="folder"):
        read_article(tmp_path)


def test_html_article_through_trafilatura(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[2:])
    page.write_text(
        "<html><head><title>The Case for Trams</title>"
        '<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Daily Planet">'
        f"</head><body><nav>Home | News</nav><article><h1>The Case for Trams</h1>{body}</article>"
        "<footer>We use cookies. By using our site you accept our cookie policy.</footer></body></html>",
        encoding="utf-8",
    )
    result = build_import([page])
    assert [f.error for f in result.files] == [""]
    (source,) = result.sources
    assert source.title == "The Case for Trams"
    assert source.outlet == "Daily Planet"
    assert "cookie" not in source.text
    assert [a.name for a in result.authors] == ["Jane Doe"]
    assert result.claims_by_kind().get("thesis") == 1


def test_non_english_text_imported_without_proposals(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Die Stadt muss die Straßenbahn zum Flughafen jetzt bauen. Der Verkehr auf der "
        "Flughafenstraße hat sich seit 2015 verdoppelt. Kritiker sagen, eine Straßenbahn sei "
        "zu teuer. Doch die Staus kosten jedes Jahr mehr.",
        encoding="utf-8",
    )
    result = build_import([path])
    assert len(result.sources) == 1 and result.claims == []
    assert "does not look like English" in result.files[0].warnings[0]
    assert result.authors == [] and result.sources[0].authors == []  # no empty stand-in


def test_seeds_build_a_valid_map_with_separate_and_off_topic_sources() -> None:
    result = build_import(SEEDS)
    amap = ArgumentMap(
        sources=result.sources, authors=result.authors, claims=result.claims, links=result.links
    )  # validates every invariant: ids, references, quotes matching their source
    assert len(amap.sources) > len(SEEDS)  # concatenated articles and roundup items apart
    off_topic = [s for s in amap.sources if "Off-topic" in s.note]
    assert off_topic and all(not any(c.source == s.id for c in amap.claims) for s in off_topic)
    assert all(s.authors == [] for s in off_topic)  # no stand-in author without claims
    claimed = {c.author for c in amap.claims}
    assert all(a.id in claimed for a in amap.authors)  # every author made has claims
    roundup = next(s for s in amap.sources if s.title.startswith("Pakistan vs."))
    (stand_in,) = [a for a in amap.authors if a.id == roundup.authors[0]]
    # one file, many items: one stand-in, not named after one item nor after the file's
    # hash-like name
    assert stand_in.name.startswith("Author ") and stand_in.name.endswith("(not named)")
    roundup_items = [s for s in amap.sources if s.authors == roundup.authors]
    assert len(roundup_items) > 3  # the items of the roundup share it
    for claim in amap.claims:
        assert claim.origin.kind == "extracted" and not claim.origin.reviewed
        assert claim.origin.confidence is not None and claim.origin.reason
    assert any(x.id.startswith("x.") for x in amap.links)  # cross-article suggestions
    assert sum(1 for c in amap.claims if c.kind == "thesis") >= len(SEEDS)


def test_import_into_a_map_only_adds_and_undoes_in_one_step(tmp_path: Path) -> None:
    path = tmp_path / "trams.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    existing = ArgumentMap(
        authors=[Author(id="jane-doe", name="Jane Doe")],
        sources=[Source(id="trams", title="Old", text="Old text.", authors=["jane-doe"])],
        claims=[Claim(id="trams.c1", kind="thesis", text="Old claim", author="jane-doe")],
    )
    before = encode(existing)
    result = build_import([path], existing)
    assert not result.authors  # "Jane Doe" is reused, not duplicated
    ids = {c.id for c in result.claims} | {s.id for s in result.sources}
    assert "trams.c1" not in ids and "trams" not in ids
    doc = MapDocument(existing)
    history = History(doc)
    history.do(result.edit())
    assert len(doc.map.claims) == 1 + len(result.claims)
    assert doc.map.claims[0].text == "Old claim"
    history.undo()
    assert encode(doc.map) == before
    again = build_import([path], doc.map)
    assert not again.sources or again.files[0].warnings == []
    history.redo()
    duplicate = build_import([path], doc.map)
    assert duplicate.sources == [] and "already in the map" in duplicate.files[0].warnings[0]


def test_claim_label() -> None:
    assert claim_label("But the cost of the jams is higher.") == "The cost of the jams is higher."
    assert len(claim_label("word " * 100)) <= 180
    assert claim_label("But, in other words, talks work.") == "Talks work."  # several
    assert claim_label("Consequently, neighbours must engage.") == "Neighbours must engage."
    assert claim_label("So far, so good.") == "So far, so good."  # "so far" is no connective


def test_several_authors_are_placed_in_separate_lanes(tmp_path: Path) -> None:
    from argmap.extract.build import place

    first = tmp_path / "trams.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second = tmp_path / "buses.txt"
    second.write_text(
        ARTICLE.replace("Jane Doe", "John Roe").replace("tram", "bus").replace("Trams", "Buses"),
        encoding="utf-8",
    )
    result = build_import([first, second])
    place(result)
    spans: dict[str | None, tuple[float, float]] = {}
    for claim in result.claims:
        assert claim.pos is not None
        low, high = spans.get(claim.author, (claim.pos.x, claim.pos.x))
        spans[claim.author] = (min(low, claim.pos.x), max(high, claim.pos.x))
    assert len(spans) == 2
    (a_low, a_high), (b_low, b_high) = spans.values()
    assert a_high < b_low or b_high < a_low  # the lanes do not interleave


def test_two_concatenated_op_eds_become_two_sources_with_their_own_authors(
    tmp_path: Path,
) -> None:
    """The Hussain op-ed (its bio and feed footer closing it) followed by the Foreign
    Affairs excerpt, in one file."""
    path = tmp_path / "two.txt"
    path.write_text(SEEDS[4].read_text(encoding="utf-8") + SEEDS[1].read_text(encoding="utf-8"))
    result = build_import([path])
    assert [s.title for s in result.sources] == [
        "The Case for US Engagement with Afghanistan",
        "America’s Perennial Pakistan Problem",
    ]
    names = {a.id: a.name for a in result.authors}
    assert [names[s.authors[0]] for s in result.sources] == [
        "Touqir Hussain",
        "Foreign Affairs (author not named)",
    ]
    assert [s.outlet for s in result.sources] == ["The National Interest", "Foreign Affairs"]
    assert "Pakistan Problem" not in result.sources[0].text


def test_ids_are_cut_at_a_word_boundary() -> None:
    from argmap.extract.authors import slug

    assert slug("As Pakistan confronts the Taliban, Washington backs") == "as-pakistan-confronts"
    assert slug("Antidisestablishmentarianism forever", 10) == "antidisest"
    assert slug("¿¡!?") == "article"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_read(tmp_path: Path, encoding: str) -> None:
    """Windows Notepad's "Unicode" is UTF-16 with a byte-order mark; without one the NUL
    bytes on every other position still give it away."""
    path = tmp_path / "notepad.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode(encoding))
    text, _ = read_article(path)
    assert "The city should build the tram line" in text and "\x00" not in text
    assert build_import([path]).sources[0].title == "The Case for Trams"


def test_a_page_pasted_several_times_is_imported_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "thrice.txt"
    body = ARTICLE.split("\n\n", 2)[2]
    path.write_text(ARTICLE + "\n" + (body + "\n") * 3, encoding="utf-8")
    result = build_import([path])
    assert any("repeats 6 paragraphs word for word" in w for w in result.files[0].warnings)
    once = tmp_path / "once.txt"
    once.write_text(ARTICLE, encoding="utf-8")
    assert build_import([once]).files[0].warnings == []


def test_the_import_edit_is_named_by_files_and_articles() -> None:
    result = build_import([SEEDS[2], SEEDS[3]])  # one op-ed, one file of seven items
    assert result.edit().label == f"Import 2 files ({len(result.sources)} articles)"
    assert len(result.sources) == 8


def test_a_stand_in_author_is_named_by_what_tells_a_reader(tmp_path: Path) -> None:
    """A telling file name names the stand-in; a download's hash does not: the article's
    opening words do."""
    body = (
        "Washington should talk to the Taliban now. Talks have ended other insurgencies, "
        "and isolation has failed for twenty years. The time for talks is now.\n"
    )
    telling = tmp_path / "kabul-oped.txt"
    hashed = tmp_path / "000_8639fdc6ad0bd86d.txt"
    telling.write_text(body, encoding="utf-8")
    hashed.write_text(body.replace("Washington", "The White House"), encoding="utf-8")
    names = sorted(a.name for a in build_import([telling, hashed]).authors)
    assert "kabul-oped (author not named)" in names
    assert "“The White House should talk to the…” (author not named)" in names
    assert not any("8639fdc6" in n for n in names)


OPED = """Opinion
Should the harbour stay public?
Selling the harbour would bring in money once and cost the town for decades.
By Ada Vance and Ben Ortiz, Special to CNN
Updated 9:15 AM EDT, Tue May 7, 2024
The town should keep the harbour in public hands. A private owner would raise the fees \
that fishers pay, and the Gen. Lee Fund would lose its rent.
Boats at the old quay on June 2, 2019. (Photo by Cy Lund/AFP via Getty Images)
“We tried a private owner once. Fees doubled. Half the boats left,” said Rep. Dee Hale, \
who chairs the port board.
Supporters of the sale say the town needs the cash.But the cash would last one budget.
Sign up for our weekly Opinion newsletter.
Their new book, Quays and Commons, is out now from Tide Press.
Therefore the council must vote against the sale next month.
Ada Vance is a fellow at the Harbour Institute. Ben Ortiz is a professor at Eastbay University.
This article was originally published by The Quay Herald on May 6, 2024.
"""
FURNITURE_WORDS = ("Photo by", "Sign up", "new book", "originally published", "is a fellow")


def test_a_coauthored_op_ed_imports_with_its_byline_and_without_its_furniture(
    tmp_path: Path,
) -> None:
    path = tmp_path / "harbour-oped.txt"
    path.write_text(OPED, encoding="utf-8")
    result = build_import([path])
    (source,) = result.sources
    assert source.title == "Should the harbour stay public?"
    assert source.outlet == "CNN"
    assert source.date == "2024-05-07"  # the dateline's, never the caption's
    (author,) = result.authors  # one joint entry, no empty author beside it
    assert author.name == "Ada Vance and Ben Ortiz"
    assert author.affiliation == (
        "Ada Vance: fellow at the Harbour Institute; Ben Ortiz: professor at Eastbay University"
    )
    assert source.authors == [author.id]
    assert result.claims and all(c.author == author.id for c in result.claims)
    for claim in result.claims:
        assert claim.quote is not None
        assert source.text[claim.quote.start : claim.quote.end] == claim.quote.text
        assert not any(word in claim.quote.text for word in FURNITURE_WORDS), claim.quote.text
    quotes = [c.quote.text for c in result.claims if c.quote]
    assert any(
        q.startswith("“We tried a private owner once.") and "Rep. Dee Hale" in q for q in quotes
    )
    assert "Supporters of the sale say the town needs the cash." in quotes  # glued, now cut
    assert not any(q.endswith(("Gen.", "Rep.")) for q in quotes)  # titles cut nothing
    ArgumentMap(sources=result.sources, authors=result.authors, claims=result.claims)
    reasons = {r.reason for r in result.files[0].removed}
    assert {"photo caption", "book plug", "author bio", "publication note", "byline"} <= reasons


def test_the_author_is_the_byline_not_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "saved-page-2024.txt"
    path.write_text(
        "Is the harbour deal about to collapse?\n\nBy Ada Vance, Special to CNN\n\n"
        + ARTICLE.split("\n\n", 2)[2],
        encoding="utf-8",
    )
    result = build_import([path])
    assert [a.name for a in result.authors] == ["Ada Vance"]
    assert result.sources[0].title == "Is the harbour deal about to collapse?"
    assert result.sources[0].outlet == "CNN"


def test_a_saved_page_takes_its_date_from_markup_and_its_authors_from_the_byline(
    tmp_path: Path,
) -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[2:])
    page = tmp_path / "page.html"
    caption = (
        "<figure><img src='q.jpg'><figcaption>Trams in the depot on June 2, 2019. "
        "(Photo by Cy Lund/AFP via Getty Images)</figcaption></figure>"
    )
    page.write_text(
        "<html><head><title>Opinion: The Case for Trams | Daily Planet</title>"
        '<meta name="author" content="Ada Vance and Ben Ortiz, Special to Daily Planet">'
        '<meta property="og:site_name" content="Daily Planet"></head><body><article>'
        f"<h1>The Case for Trams</h1>{caption}{body}</article></body></html>",
        encoding="utf-8",
    )
    result = build_import([page])
    (source,) = result.sources
    assert source.title == "The Case for Trams"
    assert source.date == ""  # the page gives none in its markup; the caption's is not it
    assert [a.name for a in result.authors] == ["Ada Vance and Ben Ortiz"]
    assert "Getty" not in source.text
    dated = tmp_path / "dated.html"
    dated.write_text(
        page.read_text(encoding="utf-8").replace(
            "</head>", '<meta property="article:published_time" content="2024-05-07"></head>'
        ),
        encoding="utf-8",
    )
    assert build_import([dated]).sources[0].date == "2024-05-07"


def test_the_thesis_runners_up_are_saved_as_ranked_alternative_thesis_proposals(
    tmp_path: Path,
) -> None:
    """Issue 17: the best candidate is the thesis, the next two are extracted thesis claims
    with lower confidence that the review offers as alternatives."""
    from argmap.edit.document import MapDocument
    from argmap.edit.proposals import alternative_of, thesis_alternatives
    from argmap.extract.build import build_import

    text = (
        "Schools should ban phones in class\n\n"
        "Phones in class hurt learning, and it is time for schools to ban them.\n\n"
        "Teachers report that students check their phones every few minutes. "
        "A ban would give attention back to lessons. Some parents worry about safety, "
        "but a phone in a locker is still reachable after class.\n\n"
        "Districts that banned phones saw test scores rise. "
        "Schools should ban phones in class this year."
    )
    article = tmp_path / "phones.txt"
    article.write_text(text, encoding="utf-8")
    result = build_import([article])
    theses = [c for c in result.claims if c.kind == "thesis"]
    assert 2 <= len(theses) <= 3
    from argmap.map.model import ArgumentMap

    doc = MapDocument(
        ArgumentMap(
            sources=result.sources, authors=result.authors, claims=result.claims, links=result.links
        )
    )
    alternatives = thesis_alternatives(doc, theses[0].source)
    assert alternatives and len(alternatives) == len(theses) - 1
    top = next(c for c in theses if c.id not in alternatives)
    for rank, claim_id in enumerate(alternatives, start=2):
        assert alternative_of(doc, claim_id) is not None
        claim = doc.claims[claim_id]
        assert claim.origin.reason.startswith(f"thesis alternative {rank}")
        assert (claim.origin.confidence or 0) <= (top.origin.confidence or 0)
        assert claim.quote is not None and claim.quote.text in text


def test_an_unsigned_editorial_is_the_papers(tmp_path: Path) -> None:
    """ "The Harbour Times view on …" is the paper speaking: its author is the paper's
    editorial, not a stand-in named after the headline."""
    body = " ".join(
        [
            "The council wants to close four of the nine branch libraries next year.",
            "That would save money on paper and cost far more in practice.",
            "Libraries are where job seekers print their CVs and children do homework.",
            "The council should find the savings elsewhere and keep every branch open.",
        ]
    )
    path = tmp_path / "view.txt"
    path.write_text("The Harbour Times view on libraries: keep them open\n\n" + body)
    result = build_import([path])
    assert [a.name for a in result.authors] == ["The Harbour Times (editorial)"]
