"""Bylines, bios and editorial furniture, on short lines written for these tests in the
shapes news pages print them."""

from __future__ import annotations

import pytest

from argmap.analysis.authors import joint_heading
from argmap.extract.byline import (
    Byline,
    is_person_name,
    joint_name,
    parse_bios,
    parse_byline,
)
from argmap.extract.furniture import publication, reason
from argmap.extract.metadata import Metadata, find_date, is_date_line


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("By Ada Vance", ("Ada Vance",), ""),
        ("By: Ada Vance", ("Ada Vance",), ""),
        ("BY ADA VANCE", ("Ada Vance",), ""),
        ("By Ada Vance and Ben Ortiz", ("Ada Vance", "Ben Ortiz"), ""),
        ("By Ada Vance, Ben Ortiz and Cy Lund", ("Ada Vance", "Ben Ortiz", "Cy Lund"), ""),
        ("By Ada Vance, Ben Ortiz, and Cy Lund", ("Ada Vance", "Ben Ortiz", "Cy Lund"), ""),
        ("By Ada Vance, Special to CNN", ("Ada Vance",), "CNN"),
        ("By Ada Vance and Ben Ortiz, Special to CNN", ("Ada Vance", "Ben Ortiz"), "CNN"),
        ("By Ada Vance | CNN", ("Ada Vance",), "CNN"),
        ("By Ada Vance - Reuters", ("Ada Vance",), "Reuters"),
        ("By Ada Vance, for The Harbour Times", ("Ada Vance",), "The Harbour Times"),
        ("By Ada Vance, Harbour Policy", ("Ada Vance",), "Harbour Policy"),
        ("Opinion by Ada Vance", ("Ada Vance",), ""),
        ("Opinion by Ada Vance, Special to CNN", ("Ada Vance",), "CNN"),
        ("By Ada J. Vance Jr.", ("Ada J. Vance Jr.",), ""),
        ("By Omar al Rashid and Ines de la Cruz", ("Omar al Rashid", "Ines de la Cruz"), ""),
        ("By the Editorial Board", ("The Editorial Board",), ""),
        # names listed by commas when the outlet has a segment of its own
        ("By Ada Vance , Ben Ortiz | Harbour News", ("Ada Vance", "Ben Ortiz"), "Harbour News"),
        ("By Ada Vance, Harbour Policy | March 3, 2025", ("Ada Vance",), "Harbour Policy"),
    ],
)
def test_byline_forms(line: str, authors: tuple[str, ...], outlet: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.outlet == outlet


def test_a_byline_carries_a_date_and_a_role() -> None:
    assert parse_byline("By Ada Vance | March 3, 2025 | 5 min read") == Byline(
        ("Ada Vance",), date="2025-03-03"
    )
    timed = parse_byline("By Ada Vance, Updated 10:00 AM ET, March 3, 2025")
    assert timed is not None and timed.date == "2025-03-03"
    role = parse_byline("By Ada Vance, a senior fellow at the Dock Institute")
    assert role is not None and role.roles == {"Ada Vance": "senior fellow at the Dock Institute"}
    posted = parse_byline("Posted on March 3, 2025 by Ada Vance")
    assert posted is not None and posted.authors == ("Ada Vance",) and posted.date == "2025-03-03"
    labels = parse_byline("Tags: Ports, Trade The Harbour Question May 2, 2024 By: Ada Vance")
    assert labels is not None and labels.authors == ("Ada Vance",)


@pytest.mark.parametrize(
    "line",
    [
        "By not acting, the council fails the harbour.",
        "By January 2026, the fund was gone.",
        "The plan was backed by Ada Vance",
        "Photo by Ada Vance/Getty Images",
        "By the end of the year the port will be full",
        "By Ada Vance, who has argued for years that the port must close.",
    ],
)
def test_sentences_that_start_like_a_byline_are_not_one(line: str) -> None:
    assert parse_byline(line) is None


def test_names() -> None:
    assert is_person_name("Ada Vance") and is_person_name("Ines de la Cruz")
    assert not is_person_name("Special to CNN") and not is_person_name("Updated Monday")
    assert not is_person_name("Vance") and not is_person_name("March 2025")
    assert joint_name(["Ada Vance", "Ben Ortiz"]) == "Ada Vance and Ben Ortiz"
    assert joint_name(["A B", "C D", "E F"]) == "A B, C D and E F"
    assert joint_heading("Ada Vance and Ben Ortiz") == "Vance & Ortiz"
    assert joint_heading("Ada Vance, Ben Ortiz and Cy Lund") == "Vance et al."
    assert joint_heading("Ada Vance") is None


def test_bios_name_the_author_and_what_they_are() -> None:
    (bio,) = parse_bios("Ada Vance is a senior fellow at the Dock Institute.")
    assert bio.names == ("Ada Vance",) and bio.affiliation == "senior fellow at the Dock Institute"
    (author_of,) = parse_bios("Ada Vance is the author of Harbours and Power.")
    assert author_of.affiliation == "author of Harbours and Power"
    (joint,) = parse_bios("Ada Vance and Ben Ortiz are fellows at the Dock Institute.")
    assert joint.names == ("Ada Vance", "Ben Ortiz")
    two = parse_bios(
        "Editor’s Note: Ada Vance is a professor at Eastbay University. Ben Ortiz is a "
        "former diplomat who served in Lisbon. The views expressed are their own."
    )
    assert [(b.names, b.affiliation) for b in two] == [
        (("Ada Vance",), "professor at Eastbay University"),
        (("Ben Ortiz",), "former diplomat"),
    ]
    # a sentence about someone else is no bio of a known author, nor a sentence at all
    assert parse_bios("Cy Lund is a former minister.", known=["Ada Vance"]) == []
    assert parse_bios("The council is the main funder of the port.") == []
    assert parse_bios("Cy Lund, a former minister, is wrong about the port.") == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Cranes at the harbour on May 2, 2019. (Photo by Ada Vance/AFP via Getty Images)",
            "photo caption",
        ),
        ("Cranes stand idle at the harbour. Ben Ortiz/Reuters", "photo caption"),
        ("A ferry leaves the harbour. AFP via Getty Images", "photo caption"),
        ("Photograph: Ada Vance/AP", "photo caption"),
        ("Credit: Ada Vance for The Harbour Times", "photo caption"),
        (
            "This article was amended on 8 May 2019 to correct the name of the union.",
            "correction note",
        ),
        ("Correction: An earlier version of this piece gave the wrong year.", "correction note"),
        ("An earlier version of this article misstated the cost of the port.", "correction note"),
        ("Editor’s note: This commentary has been updated with new figures.", "editor's note"),
        ("This article was originally published by The Harbour Times.", "publication note"),
        (
            "Ada Vance, “Ports and Power,” published by Harbour Times on May 7, 2019",
            "publication note",
        ),
        ("This piece first appeared in Dock Affairs.", "publication note"),
        ("Published by Harbour Times on May 7, 2019", "publication note"),
        ("Republished with permission from The Port Council.", "publication note"),
        ("Sign up for our weekly Opinion newsletter.", "newsletter plug"),
        ("Get the Morning Dock, our daily briefing, in your inbox.", "newsletter plug"),
        ("Her new book, Tides of Trade, is out now from Quay Press.", "book plug"),
        ("Ben Ortiz’s latest book, The Empty Quay, is published by Northgate.", "book plug"),
        ("Follow Ada Vance on Twitter.", "share or follow prompt"),
        ("Read more opinion on the harbour here.", "share or follow prompt"),
        ("Join the conversation on Facebook.", "share or follow prompt"),
        ("Opinion | Harbour Times", "section label"),
        (
            "Do you have an opinion on the issues raised in this article? If you would like to "
            "submit a letter of up to 250 words to be considered for publication, email us.",
            "letters plug",
        ),
    ],
)
def test_furniture_lines_are_named(line: str, kind: str) -> None:
    assert reason(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The report, published by the port authority on May 3, 2019, found the cranes unsafe.",
        "The photo of the empty quay changed the debate in the city.",
        "The treaty was amended in 2019 to allow the harbour deal.",
        "Her book on the port is a good read, and the council should follow its advice.",
        "The council should sign up for the regional scheme and publish updates on it.",
        "The deal was reported by Reuters and the AP on Monday.",
        "This article argues that the port should stay public.",
        "The study was published by the Dock Review in 2019 and found nothing.",
        "The study was published by the Dock Review.",
    ],
)
def test_sentences_about_photos_books_and_corrections_stay(line: str) -> None:
    assert reason(line) is None


def test_a_publication_note_gives_its_outlet_and_date() -> None:
    assert publication("This article was originally published by The Harbour Times.") == (
        "The Harbour Times",
        "",
    )
    assert publication("Ada Vance, “Ports,” published by Harbour Times on May 7, 2019") == (
        "Harbour Times",
        "2019-05-07",
    )


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Updated 2:43 PM EDT, Thu September 6, 2018", "2018-09-06"),
        ("Thu 6 Sep 2018 14.43 BST", "2018-09-06"),
        ("Published On 3 Mar 20253 Mar 2025", "2025-03-03"),
        ("Sept. 7, 2018", "2018-09-07"),
        ("7 September 2018 • 10:00am", "2018-09-07"),
    ],
)
def test_date_lines(line: str, date: str) -> None:
    assert is_date_line(line) and find_date(line) == date


def test_a_bio_names_the_same_person_as_the_byline() -> None:
    meta = Metadata(authors=["Ada J. Vance"])
    meta.add_author("Ada Vance", "professor")
    assert meta.authors == ["Ada J. Vance"] and meta.affiliations == {"Ada J. Vance": "professor"}
