"""Cleaning: page furniture out (with its reason), every article sentence kept, metadata
harvested; several articles in one file set apart, off-topic roundup items marked."""

from __future__ import annotations

from argmap.extract.clean import clean, is_heading
from argmap.extract.metadata import byline_authors, find_date
from argmap.extract.split import mark_off_topic, split_articles
from tests.conftest import FIXTURES

BODY = [
    "The city council should fund the new tram line before the next budget round.",
    "Traffic on the ring road has doubled since 2015, according to the transport office.",
    "Critics claim that trams are too expensive. But buses stuck in traffic cost more every year.",
    "Our privacy policy debate aside, the council must publish the personal data rules it follows.",
]
NOISE = {
    "We use cookies to improve your experience. By using our site you accept our cookie policy.": "cookie",
    "Aa Aa Aa": "font-size",
    "- A +": "font-size",
    "12 345 67": "counter",
    "Share": "widget",
    "Trending Now": "section label",
    "Get it on Google Play": "app-store",
    "{{ page.title }}": "template",
    "Дисклеймер: этот материал распространяется иностранным агентом": "another script",
    "Quelle: example.org": "source line",
    "Image: Jane Roe / Photo Agency": "image credit",
    "The post Trams Now appeared first on The Daily Planet.": "feed footer",
    "© The Daily Planet": "copyright",
}


def _article() -> str:
    lines = list(NOISE)[:8]
    lines += ["Trams Now", "By: Jane Doe", "March 3, 2024"]
    lines += BODY
    lines += ["About the Author: Jane Doe", "Jane Doe is a senior fellow at the Urban Institute."]
    lines += list(NOISE)[8:]
    return "\n\n".join(lines)


def test_noise_removed_with_reasons_and_every_sentence_kept() -> None:
    cleaned = clean(_article())
    kept = "\n".join(line.text for line in cleaned.lines)
    for sentence in BODY:
        assert sentence in kept
    removed = {r.text: r.reason for r in cleaned.removed}
    for line, reason in NOISE.items():
        assert line in removed, f"kept: {line}"
        assert reason.split()[0] in removed[line]
    assert "Jane Doe is a senior fellow at the Urban Institute." in removed
    assert removed["By: Jane Doe"] == "byline"


def test_metadata_harvested_from_removed_lines() -> None:
    articles = split_articles(clean(_article()))
    assert len(articles) == 1
    meta = articles[0].meta
    assert articles[0].title == "Trams Now"
    assert meta.authors == ["Jane Doe"]
    assert meta.date == "2024-03-03"
    assert meta.outlet == "The Daily Planet"
    assert "Trams Now" not in articles[0].text  # the title is metadata, not body


def test_sentences_about_privacy_are_not_a_banner() -> None:
    text = (
        "The new privacy policy of the ministry lets agencies share personal data without consent, "
        "and parliament should stop it before it takes effect in the spring."
    )
    assert clean(text).removed == []


def test_helpers() -> None:
    assert is_heading("The Case for Trams")
    assert not is_heading("Trams are good. Buses too.")
    assert not is_heading("A sentence that ends with a full stop.")
    assert byline_authors("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert byline_authors("By not acting, the council fails.") == []
    assert find_date("Updated 22 January 2026, 10:00") == "2026-01-22"


def test_glued_headings_split_concatenated_articles() -> None:
    first = (
        "Trams are the answer for the city. The council should fund them now because traffic "
        "keeps growing.Buses Are Not Enough"
    )
    second = "The bus network is at capacity. More buses only add to the jams on the ring road."
    articles = split_articles(clean(first + "\n" + second))
    assert [a.title for a in articles] == ["", "Buses Are Not Enough"]
    assert articles[0].text.endswith("traffic keeps growing.")
    assert articles[1].text == second
    assert all(a.from_split for a in articles)


def test_byline_after_body_starts_a_new_article() -> None:
    text = "\n".join(
        [
            "Trams are the answer. The council should fund them now.",
            "Second Opinion",
            "By John Roe",
            "Buses are cheaper. The council should buy more of them instead.",
        ]
    )
    articles = split_articles(clean(text))
    assert len(articles) == 2
    assert articles[1].title == "Second Opinion"  # the headline above the byline
    assert articles[1].meta.authors == ["John Roe"] and articles[0].meta.authors == []
    assert "Second Opinion" not in articles[0].text


def test_roundup_items_become_sources_and_off_topic_ones_are_marked() -> None:
    main = (
        "Berlin trams carried Berlin commuters across Berlin. The Berlin senate and the BVG "
        "want more Berlin tram lines, and the BVG says Berlin needs them."
    )
    roundup = "\n".join(
        [
            "Weekly Watch: trams, volcanoes",
            "More trams for Berlin? The Berlin senate wants the BVG to add Berlin tram lines "
            "soon, and the BVG agrees with the Berlin senate.",
            "Iceland volcano erupts? Lava from Fagradalsfjall reached Grindavik on Sunday, and "
            "Icelandic officials evacuated Grindavik near Reykjavik as Fagradalsfjall kept erupting.",
        ]
    )
    articles = split_articles(clean(main + "\nNext Story Here\n" + roundup))
    items = [a for a in articles if a.roundup_item]
    assert [a.title for a in items] == ["More trams for Berlin?", "Iceland volcano erupts?"]
    mark_off_topic(articles)
    assert [a.off_topic for a in items] == [False, True]
    assert "Off-topic" in items[1].note


def test_a_news_page_with_labels_promos_and_an_updated_line_is_one_article() -> None:
    """A page written for this test in the shape news sites use: a section label, a
    headline, a byline, an "Updated …" line, audio and ad labels, link labels, subscribe
    and follow prompts between paragraphs, comment widgets and a bio."""
    raw = (FIXTURES / "news-page-noise.txt").read_text(encoding="utf-8")
    cleaned = clean(raw)
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Opinion"] == "section label"
    assert reasons["Listen to this article · 5 min"] == "section label"
    assert reasons["Advertisement - Scroll to continue"] == "section label"
    assert reasons["Updated March 3, 2025, 10:42 AM ET"] == "date line"
    assert reasons["Read more: How the Taliban took Kabul"] == "link to another story"
    assert reasons["Subscribe to our newsletter for the latest analysis."].startswith(
        "subscription"
    )
    assert reasons["Follow us on Twitter @dailyexample"].startswith("subscription")
    assert reasons["Sign in to comment"] == "share or page widget"
    (article,) = split_articles(cleaned)
    assert article.title == "Kabul Needs Neighbours, Not Sermons"
    assert article.meta.authors == ["Jane Doe", "John Smith"]
    assert article.meta.date == "2025-03-03"
    body = [
        line
        for line in raw.splitlines()
        if line.startswith(("The region", "Some argue", "Read the full", "Therefore"))
    ]
    assert len(body) == 4 and all(line in article.text for line in body)
    assert "Subscribe" not in article.text and "Read more" not in article.text


def test_the_headline_is_the_longest_of_the_opening_headings() -> None:
    raw = "Ideas Desk\nKabul Needs Neighbours, Not Sermons\nAudio version available\n" + "\n".join(
        BODY
    )
    (article,) = split_articles(clean(raw))
    assert article.title == "Kabul Needs Neighbours, Not Sermons"
    assert article.text.startswith("Ideas Desk")  # a heading that is not the title stays


def test_a_feed_footer_or_bio_closes_an_article_and_each_keeps_its_metadata() -> None:
    first = [
        "Trams Now",
        "By Ann Smith",
        "Trams are the answer. The council should fund them now.",
        "Ann Smith is a senior fellow at the Transit Institute.",
        "The post Trams Now appeared first on The Daily Planet.",
    ]
    second = [
        "Buses Instead",
        "Buses are cheaper. The council should buy more of them instead.",
        "© City Weekly",
    ]
    articles = split_articles(clean("\n".join(first + second)))
    assert [a.title for a in articles] == ["Trams Now", "Buses Instead"]
    assert articles[0].meta.authors == ["Ann Smith"]
    assert articles[0].meta.outlet == "The Daily Planet"
    assert articles[1].meta.authors == [] and articles[1].meta.outlet == "City Weekly"
    assert articles[1].text.startswith("Buses are cheaper")


def test_a_caption_date_is_never_the_article_date() -> None:
    raw = "\n".join(
        [
            "Cranes at the old quay on May 2, 2017. (Photo by Ada Vance/AFP via Getty Images)",
            "Credit: Ben Ortiz, June 9, 2016",
            "The harbour should stay public. Selling it would cost the town its ferry.",
            "Published June 1, 2024",
            "A private owner would cut the winter crossings first, as owners elsewhere have.",
        ]
    )
    cleaned = clean(raw)
    reasons = [r.reason for r in cleaned.removed]
    assert reasons == ["photo caption", "image credit", "date line"]
    assert cleaned.meta.date == "2024-06-01"
    assert clean("\n".join(raw.splitlines()[:3])).meta.date == ""  # no date rather than a caption's


def test_a_headline_that_asks_is_the_title() -> None:
    raw = "Is the harbour deal about to collapse?\nBy Ada Vance\n" + "\n".join(BODY)
    (article,) = split_articles(clean(raw))
    assert article.title == "Is the harbour deal about to collapse?"
    assert article.meta.authors == ["Ada Vance"]
    assert not article.text.startswith("Is the harbour")


def test_a_byline_under_the_standfirst_belongs_to_the_same_article() -> None:
    raw = "\n".join(
        [
            "The Ferry Must Stay Public",
            "Selling the island ferry would save little and cost the islands their lifeline.",
            "By Ada Vance",
            "March 3, 2025",
            *BODY,
        ]
    )
    (article,) = split_articles(clean(raw))
    assert article.title == "The Ferry Must Stay Public"
    assert article.text.startswith("Selling the island ferry")
    assert article.meta.standfirst.startswith("Selling the island ferry")
    assert article.meta.authors == ["Ada Vance"] and article.meta.date == "2025-03-03"


def test_a_closing_bio_names_the_author_when_there_is_no_byline() -> None:
    raw = "\n".join([*BODY, "Ada Vance is a transport economist and the author of Rails."])
    (article,) = split_articles(clean(raw))
    assert article.meta.authors == ["Ada Vance"]
    assert article.meta.affiliations == {"Ada Vance": "transport economist and the author of Rails"}
    assert "Ada Vance" not in article.text
    # a last sentence about someone else, in an article whose byline is known, stays
    named = "By Ben Ortiz\n" + "\n".join([*BODY, "Cy Lund is a former minister of transport."])
    (other,) = split_articles(clean(named))
    assert other.meta.authors == ["Ben Ortiz"] and other.text.endswith("minister of transport.")


def test_furniture_is_removed_with_its_reason_and_its_metadata_kept() -> None:
    raw = "\n".join(
        [
            "Opinion",
            "Opinion: Trams Now",
            "By Ada Vance and Ben Ortiz, Special to CNN",
            "Editor’s Note: Ada Vance is a fellow at the Rail Institute. Ben Ortiz is a "
            "professor at Eastbay University. The views expressed are their own.",
            BODY[0],
            "Sign up for our weekly Opinion newsletter.",
            BODY[1],
            "Their new book, Rails for All, is out now from Quay Press.",
            "This article was amended on 8 May 2024 to correct a figure.",
            BODY[2],
            "Follow Ada Vance on Twitter.",
            "This article was originally published by The Rail Times on May 7, 2024.",
        ]
    )
    cleaned = clean(raw)
    reasons = {r.text[:20]: r.reason for r in cleaned.removed}
    assert list(reasons.values()) == [
        "section label",
        "byline",
        "editor's note",
        "subscription or follow prompt",
        "book plug",
        "correction note",
        "share or follow prompt",
        "publication note",
    ]
    (article,) = split_articles(cleaned)
    assert article.title == "Trams Now"
    assert article.text == "\n\n".join(BODY[:3])
    meta = article.meta
    assert meta.authors == ["Ada Vance", "Ben Ortiz"]
    assert meta.affiliations == {
        "Ada Vance": "fellow at the Rail Institute",
        "Ben Ortiz": "professor at Eastbay University",
    }
    assert meta.outlet == "CNN"  # the byline's, before the note's "The Rail Times"
    assert meta.date == "2024-05-07"  # the publication note's, not the correction's


def test_a_closing_sentence_about_the_subject_is_no_bio() -> None:
    raw = "\n".join(
        [
            "Cy Lund promised trams in 2019. The council believed Lund.",
            *BODY,
            "Cy Lund is the minister of transport.",
            "Ada Vance is the minister of finance and she must act.",
        ]
    )
    (article,) = split_articles(clean(raw))
    assert article.meta.authors == []
    assert article.text.endswith("minister of finance and she must act.")


def test_names_under_the_headline_a_wire_dateline_a_credit_and_a_handle() -> None:
    raw = "\n".join(
        [
            "The Ferry Must Stay Public",
            "Ada Vance and Ben Ortiz",
            "(CNN) — The county should keep the ferry in public hands. Selling it saves little.",
            "Passengers on the quay at dawn. Cy Lund/The Island Courier",
            "Twitter: @avance",
            *BODY,
        ]
    )
    cleaned = clean(raw)
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("Ada Vance and Ben Ortiz", "byline"),
        ("(CNN) —", "wire dateline"),
        ("Passengers on the quay at dawn. Cy Lund/The Island Courier", "photo caption"),
        ("Twitter: @avance", "share or follow prompt"),
    ]
    (article,) = split_articles(cleaned)
    assert article.meta.authors == ["Ada Vance", "Ben Ortiz"] and article.meta.outlet == "CNN"
    assert article.text.startswith("The county should keep the ferry")


def test_a_closing_bio_above_page_labels_and_the_letters_plug() -> None:
    """A news page prints labels under the op-ed ("Photograph: …", "Topics", "Share on
    Facebook"): the bio above them is still the closing bio, the letters page's long
    invitation is furniture, and the labels open no second article."""
    lines = [
        "Why the valley needs a rail bridge",
        *BODY,
        "Do you have an opinion on the issues raised in this article? If you would like to "
        "submit a response of up to 300 words by email to be considered for publication in "
        "our letters section, please click here.",
        "Jane Doe is a senior fellow at the Urban Institute and the author of a book on trams.",
        "Photograph: Reuters",
        "Topics",
        "Transport",
        "Reuse this content",
    ]
    cleaned = clean("\n\n".join(lines))
    reasons = {r.text[:20]: r.reason for r in cleaned.removed}
    assert reasons["Jane Doe is a senior"] == "author bio"
    assert reasons["Do you have an opini"] == "letters plug"
    assert cleaned.meta.authors == ["Jane Doe"]
    articles = split_articles(cleaned)
    assert len(articles) == 1
    assert all(sentence in articles[0].text for sentence in BODY)


def test_the_headline_is_the_first_long_heading_and_the_deck_under_it_the_standfirst() -> None:
    """News sites print a label, the headline, and a deck without a full stop: the
    headline is not the longest of them, and the deck is the standfirst."""
    raw = "\n\n".join(
        [
            "Opinion",
            "Trams are the cheapest way out of gridlock",
            "The city has tried every other remedy and the roads are still full every morning",
            "By Ada Vance , Ben Ortiz | Harbour News",
            *BODY,
        ]
    )
    (article,) = split_articles(clean(raw))
    assert article.title == "Trams are the cheapest way out of gridlock"
    assert article.meta.standfirst.startswith("The city has tried every other remedy")
    assert article.meta.authors == ["Ada Vance", "Ben Ortiz"]
    assert article.meta.outlet == "Harbour News"
