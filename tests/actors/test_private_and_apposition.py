"""Private people by nationality and occupation, members of legislatures, offices in apposition,
a body's country before an office, national security councils and women named by honorific."""

from __future__ import annotations

import pytest

UA = "https://www.president.gov.ua/en/news/x"
WH = "https://www.whitehouse.gov/briefing-room/x/"
STATE = "https://www.state.gov/x/"


def person(document, name: str):
    found = [e for e in document.entities if e.kind == "person" and e.name == name]
    assert found, [(e.kind, e.name) for e in document.entities]
    return found[0]


@pytest.mark.parametrize(("text", "name", "country", "sector"), [
    ("The head of the office held a video conference with American businessman, member of the Board "
     "of Directors of Tesla and SpaceX Kimbal Musk.", "Kimbal Musk", "USA", "BUS"),
    ("The minister met British journalist Tom Ashdown in Kyiv.", "Tom Ashdown", "GBR", "JRN"),
    ("Olena Petrenko, a Ukrainian activist, was detained in Moscow.", "Olena Petrenko", "UKR", "CVL"),
    ("The forum heard a Kazakh tech entrepreneur, Aidos Serikbayev, speak on start-ups.", "Aidos Serikbayev",
     "KAZ", "BUS"),
])
def test_nationality_and_occupation_give_country_and_sector(extract, nlp, text, name, country,
                                                           sector) -> None:
    document = extract(text, "2022-05-03", nlp=nlp, url=UA)
    found = person(document, name)
    assert (found.country, found.sector) == (country, sector)


def test_private_person_takes_no_country_from_publisher_or_sentence(extract, nlp) -> None:
    text = "On behalf of all Ukrainians, the Head of the Office thanked SpaceX CEO Elon Musk for his support."
    document = extract(text, "2022-05-03", nlp=nlp, url=UA)
    musk = person(document, "Elon Musk")
    assert musk.country is None and musk.sector == "BUS"


def test_relative_of_a_private_person_shares_the_written_nationality(extract, nlp) -> None:
    text = ("Andriy Yermak met American businessman Kimbal Musk. He thanked Kimbal Musk and his brother, "
            "SpaceX CEO Elon Musk, for supporting Ukraine.")
    document = extract(text, "2022-05-03", nlp=nlp, url=UA)
    assert (person(document, "Elon Musk").country, person(document, "Elon Musk").sector) == ("USA", "BUS")


def test_bare_name_still_takes_a_foreign_single_country(extract, nlp) -> None:
    document = extract("Rebels in Sudan said Ibrahim Khalil would lead the talks.", "2022-05-03", nlp=nlp)
    assert person(document, "Ibrahim Khalil").country == "SDN"


@pytest.mark.parametrize(("text", "url", "expected"), [
    # members of a named legislature take its country, not the sentence's foreign state
    ("The delegation of the US Congress included senators Rob Porter, Chris Murphy and Roger Wicker.", UA,
     {"Rob Porter": "USA", "Chris Murphy": "USA", "Roger Wicker": "USA"}),
    ("Representative Greg Meekson discussed Ukraine with the Foreign Minister of Ukraine.", STATE,
     {"Greg Meekson": "USA"}),
    ("Congressman Adam Smithers met Ukrainian President Volodymyr Zelenskyy in Kyiv.", WH,
     {"Adam Smithers": "USA", "Volodymyr Zelenskyy": "UKR"}),
    # Ukraine's parliament has no senators: a Ukrainian release's senator is no Ukrainian
    ("Senator Juan Ponce Enrile said in Manila that the talks would resume.", None,
     {"Juan Ponce Enrile": "PHL"}),
    ("Zelenskyy met Senator Chris Murphy in Kyiv.", UA, {"Chris Murphy": None}),
    ("Zelenskyy met Senator Chris Murphy in Kyiv. He thanked the United States Congress.", UA,
     {"Chris Murphy": "USA"}),
])
def test_legislators_take_their_legislature_country(extract, nlp, text, url, expected) -> None:
    document = extract(text, "2022-01-17", nlp=nlp, url=url)
    for name, country in expected.items():
        found = person(document, name)
        assert found.country == country, name
        if name != "Volodymyr Zelenskyy":
            assert found.sector == "LEG"


def test_capitalised_plural_members_in_the_publishers_release(extract, nlp) -> None:
    text = ("Thank you to Senators Rubio and Rick Scott and Representatives Mast, Soto, and Posey for their "
            "leadership.")
    document = extract(text, "2022-06-16", nlp=nlp, url=WH)
    scott = person(document, "Rick Scott")
    assert (scott.country, scott.sector, scott.title) == ("USA", "LEG", "Senator")


@pytest.mark.parametrize(("text", "absent"), [
    ("Counselor Chollet met NUG representatives Aung Myo Min and Zin Mar Aung.", "LEG"),
    ("The Office of the U.S. Trade Representative issued an advisory.", "person"),
])
def test_no_legislator_without_a_legislative_title(extract, nlp, text, absent) -> None:
    document = extract(text, "2022-04-08", nlp=nlp, url=STATE)
    people = [e for e in document.entities if e.kind == "person"]
    if absent == "person":
        assert not people
    else:
        assert people and not any(e.sector == "LEG" for e in people if e.name != "Derek Chollet")


def test_town_inside_a_parsed_name_is_a_surname_but_a_cove_is_no_person(extract, nlp) -> None:
    document = extract("The delegation included Chris Murphy. Ships were based in Kapsel Cove.", "2022-01-17",
                       nlp=nlp)
    assert person(document, "Chris Murphy")
    assert not any(e.kind == "person" and "Cove" in e.name for e in document.entities)


def test_office_in_apposition_after_a_name_is_that_person(extract, nlp, mention_texts) -> None:
    text = ("Today, National Security Advisor Jake Sullivan met in Washington with Stephen Lovegrove, "
            "National Security Advisor to the Prime Minister of the United Kingdom, to exchange views. "
            "Mr. Sullivan and Mr. Lovegrove agreed to continue coordinating.")
    document = extract(text, "2021-05-18", nlp=nlp, url=WH)
    lovegrove = person(document, "Stephen Lovegrove")
    assert lovegrove.country == "GBR" and lovegrove.sector == "GOV"
    assert "National Security Advisor to the Prime Minister of the United Kingdom" in mention_texts(
        document, lovegrove)
    people = [e.name for e in document.entities if e.kind == "person"]
    assert people == ["Jake Sullivan", "Stephen Lovegrove"]


def test_office_after_name_and_verb_is_no_apposition(extract, nlp) -> None:
    document = extract("We will act, Jake Sullivan told the President of Finland.", "2022-05-03", nlp=nlp,
                       url=WH)
    assert person(document, "Jake Sullivan").country == "USA"
    assert any(e.kind == "person" and e.country == "FIN" for e in document.entities)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Deputy Secretary of State Wendy Sherman spoke today with New Zealand Ministry of Foreign Affairs "
     "and Trade Secretary Chris Seed.", "Chris Seed", "NZL"),
    ("The Kazakh Foreign Ministry Spokesperson Aibek Smadiyarov briefed reporters.", "Aibek Smadiyarov",
     "KAZ"),
])
def test_office_after_a_state_body_takes_its_country(extract, nlp, text, name, country) -> None:
    document = extract(text, "2022-04-13", nlp=nlp, url=STATE)
    assert person(document, name).country == country


@pytest.mark.parametrize(("text", "url", "kind", "country"), [
    ("The Russian Security Council met on Friday.", None, "organization", "RUS"),
    ("The Security Council of Armenia discussed the border.", None, "organization", "ARM"),
    ("Putin held a meeting with permanent members of the Security Council.", "http://en.kremlin.ru/events/1",
     "igo", "UNO"),
    ("The UN Security Council met. The Security Council adopted a resolution.", None, "igo", "UNO"),
])
def test_national_security_council_is_the_state_body(extract, text, url, kind, country) -> None:
    document = extract(text, "2022-04-22", url=url)
    councils = [e for e in document.entities if "Security Council" in e.name]
    assert len(councils) == 1 and (councils[0].kind, councils[0].country) == (kind, country)
    if kind == "organization":
        assert councils[0].sector == "GOV"


@pytest.mark.parametrize(("text", "date", "name", "country"), [
    ("Mrs. Putin did not attend the dinner in Moscow.", "2010-05-03", "Mrs. Putin", "RUS"),
    ("Mrs. Biden visited a school. President Biden spoke later.", "2022-05-03", "Jill Biden", "USA"),
    ("Ms. Harris met the Prime Minister of Japan.", "2022-05-03", "Kamala Harris", "USA"),
    ("First Lady Biden met children.", "2022-05-03", "Jill Biden", "USA"),
])
def test_women_honorifics_do_not_make_the_male_holder(extract, text, date, name, country) -> None:
    document = extract(text, date)
    found = person(document, name)
    assert found.country == country
    if name == "Mrs. Putin":
        assert not any(e.name == "Vladimir Putin" for e in document.entities)
    if "President Biden" in text:
        assert person(document, "Joe Biden").mentions[0].start == text.index("President Biden")


def test_paragraph_opening_in_a_state_gives_its_officials_country(extract, nlp) -> None:
    text = ("Assistant Secretary Daniel Kritenbrink will travel to Cambodia and Laos.\n"
            "In Laos, the Assistant Secretary will lead the U.S.-Laos dialogue. He will meet with Foreign "
            "Minister Saleumxay Kommasith and officials from the Mekong River Commission.")
    document = extract(text, "2022-04-29", nlp=nlp, url=STATE)
    assert person(document, "Saleumxay Kommasith").country == "LAO"


def test_accords_are_no_person(extract, nlp) -> None:
    text = "The Vice President discussed the Abraham Accords with the Crown Prince of Bahrain."
    document = extract(text, "2022-03-04", nlp=nlp, url=WH)
    assert not any(e.kind == "person" and "Accords" in e.name for e in document.entities)


def test_place_written_without_its_hyphen_is_no_person(extract, nlp) -> None:
    document = extract("The talks touched on the situation around Nagorno Karabakh and other matters.",
                       "2022-01-12", nlp=nlp, url="http://en.kremlin.ru/events/1")
    assert not any(e.kind == "person" for e in document.entities)
