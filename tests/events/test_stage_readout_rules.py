"""Readout phrasing seen in real releases (calls, lists of calls, recalled meetings, promises).
The sentences are written for these tests (public office-holders, our own words)."""

from __future__ import annotations


def test_spoke_today_with_is_a_call_despite_the_purpose_clause(extract, countries) -> None:
    # the parser reads "with X to discuss" as the mark of the purpose clause
    document = extract(
        "Secretary of State Antony J. Blinken spoke today with Japanese Foreign Minister Yoko Kamikawa "
        "to discuss our close coordination on regional security.", "2024-02-05")
    calls = [e for e in document.events if e.type == "CONSULT"]
    assert len(calls) == 1
    assert countries(calls[0]) == {"USA", "JPN"} and calls[0].mode == "phone"


def test_plural_calls_with_several_leaders_are_one_call_each(extract, countries) -> None:
    document = extract(
        "On March 3, Vladimir Putin had several telephone conversations with heads of the Collective "
        "Security Treaty Organisation member states. The Russian President had telephone conversations "
        "with President of Kyrgyzstan Sadyr Japarov, President of Belarus Alexander Lukashenko and "
        "Prime Minister of Armenia Nikol Pashinyan.", "2022-03-04")
    calls = [e for e in document.events if e.type == "CONSULT"]
    assert sorted(sorted(countries(e)) for e in calls) == [["ARM", "RUS"], ["BLR", "RUS"], ["KGZ", "RUS"]]
    assert all(e.mode == "phone" for e in calls)


def test_one_conversation_with_two_leaders_stays_one_call(extract, countries) -> None:
    document = extract(
        "President Emmanuel Macron held a telephone conversation with Chancellor Olaf Scholz and "
        "President Vladimir Putin.", "2022-03-04")
    calls = [e for e in document.events if e.type == "CONSULT"]
    assert len(calls) == 1 and countries(calls[0]) == {"FRA", "DEU", "RUS"}


def test_released_plan_is_enacted_not_a_release(extract) -> None:
    document = extract("Today, the White House released our Climate Adaptation Plan to carry out the order.",
                       "2022-04-14")
    assert [e.type for e in document.events] == ["ENACT"]
    assert {p.country for p in document.events[0].actors} == {"USA"}


def test_released_report_is_no_event_but_released_prisoners_are(extract, countries) -> None:
    document = extract("The Department of State released its annual report on religious freedom today.",
                       "2022-04-14")
    assert document.events == []
    document = extract("Russia released two American prisoners on Monday.", "2022-04-14")
    assert [(e.type, countries(e)) for e in document.events] == [("RETREAT", {"RUS", "USA"})]


def test_released_joint_statement_is_endorsed_by_its_parties(extract, countries) -> None:
    document = extract("The governments of the United States and Germany released the following joint "
                       "statement.", "2024-07-10")
    assert [(e.type, countries(e)) for e in document.events] == [("SUPPORT", {"USA", "DEU"})]


def test_vacancy_in_a_nominations_list_is_no_resignation(extract) -> None:
    document = extract("Jane Roe, of Ohio, to be an Assistant Secretary of State, vice John Doe, resigned.",
                       "2022-04-14")
    assert document.events == []


def test_vice_as_a_title_is_no_nominations_list(extract, countries) -> None:
    document = extract("China's Vice Premier, Liu He, met with US Treasury Secretary Janet Yellen.",
                       "2022-04-14")
    assert [(e.type, countries(e)) for e in document.events] == [("CONSULT", {"CHN", "USA"})]


def test_meeting_after_a_fronted_phrase_keeps_its_subject(extract, countries) -> None:
    # the parser makes the subject an apposition of the opening phrase's last noun
    document = extract(
        "As part of his visit to the climate conference in Glasgow, President of Ukraine Volodymyr "
        "Zelenskyy met with Prime Minister of Canada Justin Trudeau.", "2021-11-01")
    meetings = [e for e in document.events if e.type == "CONSULT"]
    assert len(meetings) == 1 and countries(meetings[0]) == {"UKR", "CAN"}


def test_noted_support_of_another_state_is_that_states_support(extract, countries) -> None:
    document = extract(
        "President Volodymyr Zelenskyy met with Prime Minister of Canada Justin Trudeau. The President "
        "noted Canada's continued support for Ukraine's sovereignty.", "2021-11-01")
    support = [e for e in document.events if e.type == "SUPPORT"]
    assert len(support) == 1
    assert {p.country for p in support[0].actors} == {"CAN"}
    assert {p.country for p in support[0].recipients} == {"UKR"}


def test_summit_a_discussed_trip_is_for_is_planned(extract) -> None:
    document = extract(
        "National Security Advisor Jake Sullivan met in Washington with Foreign Secretary James Cleverly "
        "of the United Kingdom. They discussed President Biden's July trip to Lithuania to attend "
        "the NATO Summit.", "2023-06-01")
    summits = [e for e in document.events if e.type == "CONSULT" and e.mode == "multilateral"]
    assert summits and all(e.status == "planned" for e in summits)


def test_recalled_meeting_that_took_place_is_its_own_occasion(extract, countries) -> None:
    document = extract(
        "Foreign Minister Dmytro Kuleba had a telephone conversation with Foreign Minister Annalena "
        "Baerbock of Germany. Dmytro Kuleba informed about the results of the 24th Ukraine-EU Summit, "
        "which took place in Kyiv on February 3. The ministers agreed to continue working on sanctions.",
        "2023-02-10")
    meetings = [e for e in document.events if e.type == "CONSULT"]
    assert sorted(sorted(countries(e)) for e in meetings) == [["DEU", "UKR"], ["EUR", "UKR"]]
    summit = next(e for e in meetings if "EUR" in countries(e))
    assert summit.status == "occurred" and summit.date is not None and summit.date.value == "2023-02-03"
    agree = [e for e in document.events if e.type == "AGREE"]
    assert all(countries(e) == {"DEU", "UKR"} for e in agree)  # the call's parties, not the summit's


def test_addressing_a_summit_abroad_is_taking_part_in_it(extract, countries) -> None:
    document = extract(
        "The President of Russia addressed the participants of the Climate Ambition Summit held in "
        "Glasgow, UK. Russia supports the draft joint declaration on forests.", "2021-11-02")
    summit = [e for e in document.events if e.type == "CONSULT"]
    assert len(summit) == 1 and summit[0].mode == "multilateral" and countries(summit[0]) == {"RUS", "GBR"}
    endorsed = [e for e in document.events if e.type == "SUPPORT"]
    assert [countries(e) for e in endorsed] == [{"RUS"}]


def test_addressing_the_nation_is_no_meeting(extract) -> None:
    document = extract("President Volodymyr Zelenskyy addressed the nation on Monday evening.", "2022-03-02")
    assert [e for e in document.events if e.type == "CONSULT"] == []


def test_the_parties_of_an_agreement_without_a_meeting_carry_on(extract, countries) -> None:
    document = extract(
        "Representatives of the United States, Kazakhstan and Uzbekistan agreed to establish a new "
        "regional platform. The parties intend to cooperate to expand trade. The parties agreed to "
        "meet in the coming months.", "2021-07-16")
    three = {"USA", "KAZ", "UZB"}
    assert ("COOPERATE", "planned") in {(e.type, e.status) for e in document.events if countries(e) == three}
    assert ("CONSULT", "planned") in {(e.type, e.status) for e in document.events if countries(e) == three}


def test_a_state_named_in_a_border_is_no_partner_of_joint_work(extract, countries) -> None:
    document = extract(
        "Vladimir Putin had a telephone conversation with President of Tajikistan Emomali Rahmon. "
        "Russia and Tajikistan would continue to cooperate to ensure security on the "
        "Tajikistan-Afghanistan border.", "2022-05-13")
    joint = [e for e in document.events if e.type == "COOPERATE"]
    assert joint and all(countries(e) == {"RUS", "TJK"} for e in joint)


def test_video_conference_is_a_call_and_press_conference_is_not(extract, countries) -> None:
    document = extract("Foreign Minister Dmytro Kuleba held a video conference with Secretary of State "
                       "Antony Blinken.", "2022-05-03")
    calls = [e for e in document.events if e.type == "CONSULT"]
    assert len(calls) == 1 and calls[0].mode == "phone" and countries(calls[0]) == {"UKR", "USA"}
    document = extract("President Volodymyr Zelenskyy held a press conference with Polish President "
                       "Andrzej Duda.", "2022-05-03")
    assert all(e.mode != "phone" for e in document.events)


def test_highlighted_importance_of_a_states_act_praises_it(extract, countries) -> None:
    document = extract(
        "Deputy Secretary of State Wendy Sherman spoke today with Foreign Secretary Chris Seed of New "
        "Zealand. The Deputy Secretary highlighted the importance of New Zealand's new sanctions "
        "legislation. She stressed the importance of dialogue with Russia.", "2022-04-13")
    support = [e for e in document.events if e.type == "SUPPORT"]
    assert [({p.country for p in e.actors}, {p.country for p in e.recipients}) for e in support] == \
        [({"USA"}, {"NZL"})]


def test_official_noting_another_sides_shelling_accuses_it(extract, countries) -> None:
    document = extract(
        "Vladimir Putin had a telephone conversation with Federal Chancellor of Germany Olaf Scholz. "
        "The President of Russia noted that the Ukrainian security forces shelled residential areas "
        "of Donetsk.", "2022-03-18")
    accusations = [e for e in document.events if e.type == "ACCUSE"]
    assert len(accusations) == 1
    assert {p.country for p in accusations[0].actors} == {"RUS"}
    assert {p.country for p in accusations[0].recipients} == {"UKR"}


def test_talks_held_by_videoconference_recalled_in_a_call(extract, countries) -> None:
    document = extract(
        "Vladimir Putin had a telephone conversation with President Emmanuel Macron of France. "
        "Vladimir Putin gave an account of the talks held via videoconference by Russian and Ukrainian "
        "representatives.", "2022-03-18")
    meetings = sorted(sorted(countries(e)) for e in document.events if e.type == "CONSULT")
    assert meetings == [["FRA", "RUS"], ["RUS", "UKR"]]


def test_calls_listed_after_a_dated_summary_take_its_date(extract) -> None:
    document = extract(
        "On March 3, Vladimir Putin had several telephone conversations with heads of the Collective "
        "Security Treaty Organisation member states. The Russian President had telephone conversations "
        "with President of Kyrgyzstan Sadyr Japarov and President of Belarus Alexander Lukashenko. "
        "Vladimir Putin also spoke by phone with President of Kazakhstan Kassym-Jomart Tokayev.",
        "2022-03-05")
    calls = [e for e in document.events if e.type == "CONSULT"]
    assert len(calls) == 3
    assert all(e.date is not None and e.date.value == "2022-03-03" for e in calls)


def test_a_recalled_summit_dates_nothing_said_later(extract) -> None:
    document = extract(
        "Foreign Minister Dmytro Kuleba had a telephone conversation with Foreign Minister Annalena "
        "Baerbock of Germany. Dmytro Kuleba informed about the results of the Ukraine-EU Summit, which "
        "took place in Kyiv on February 3. Dmytro Kuleba thanked Germany for its support.", "2023-02-10")
    thanks = [e for e in document.events if e.type == "SUPPORT"]
    assert thanks and all(e.date is not None and e.date.value == "2023-02-10" for e in thanks)


def test_mutual_satisfaction_with_relations_is_support(extract, countries) -> None:
    document = extract(
        "Vladimir Putin had a telephone conversation with President of Angola Joao Lourenco. Both sides "
        "said they were satisfied with the current level of Russian-Angolan relations.", "2022-04-28")
    support = [e for e in document.events if e.type == "SUPPORT"]
    assert len(support) == 1 and countries(support[0]) == {"RUS", "AGO"}


def test_satisfaction_not_stated_as_held_is_no_event(extract) -> None:
    document = extract(
        "President Volodymyr Zelenskyy met with President Andrzej Duda of Poland. I do not think that "
        "they will be satisfied with any peace on any terms.", "2022-04-10")
    assert [e for e in document.events if e.type == "SUPPORT"] == []


def test_organisations_joint_work_happens_in_are_no_partners(extract, countries) -> None:
    document = extract("Moscow and Dushanbe coordinate their efforts in the CSTO, the CIS and the UN.",
                       "2022-04-08")
    joint = [e for e in document.events if e.type == "COOPERATE"]
    assert len(joint) == 1 and countries(joint[0]) == {"RUS", "TJK"}


def test_need_stated_at_a_meeting_is_a_call_on_the_other_side(extract) -> None:
    document = extract(
        "President of Ukraine Volodymyr Zelenskyy had a meeting with Prime Minister of Finland Sanna "
        "Marin. The President stated the need to prepare a new package of sanctions against Russia.",
        "2022-05-26")
    requests = [e for e in document.events if e.type == "REQUEST"]
    assert len(requests) == 1
    assert {p.country for p in requests[0].actors} == {"UKR"}
    assert {p.country for p in requests[0].recipients} == {"FIN"}


def test_need_for_a_named_party_to_act_is_a_call_on_it(extract) -> None:
    document = extract(
        "Secretary Blinken met with Foreign Minister Nasser Bourita of Morocco. The Secretary emphasized "
        "the need for President Putin to end his war.", "2022-03-29")
    requests = [e for e in document.events if e.type == "REQUEST"]
    assert [{p.country for p in e.recipients} for e in requests] == [{"RUS"}]


def test_a_trip_under_discussion_is_planned(extract) -> None:
    document = extract(
        "National Security Advisor Jake Sullivan met in Washington with Foreign Secretary James Cleverly "
        "of the United Kingdom. They discussed President Biden's trip to the United Kingdom.", "2023-06-01")
    trips = [e for e in document.events if e.type == "CONSULT" and e.mode == "visit"]
    assert trips and all(e.status == "planned" for e in trips)


def test_thanks_to_the_leaders_of_eu_member_states_go_to_the_eu(extract) -> None:
    document = extract("President Zelenskyy thanked the leaders of the EU member states for supporting "
                       "Ukraine's European aspirations.", "2021-12-15")
    assert [{p.country for p in e.recipients} for e in document.events if e.type == "SUPPORT"] == [{"EUR"}]


def test_importance_of_what_is_asked_of_a_party_is_no_praise(extract) -> None:
    document = extract(
        "Vladimir Putin had a telephone conversation with President Emmanuel Macron of France. Vladimir "
        "Putin emphasised the importance of Kiev's strict compliance with the Minsk agreements.",
        "2022-01-28")
    assert [e for e in document.events if e.type == "SUPPORT"] == []


def test_hope_that_a_state_will_act_is_a_soft_appeal_to_it(extract) -> None:
    document = extract(
        "Volodymyr Zelenskyy met with Prime Minister Justin Trudeau of Canada. Zelenskyy expressed hope "
        "that Greece would sign a bilateral declaration with Ukraine. He expressed hope for strengthening "
        "economic cooperation between the two countries.", "2021-11-01")
    requests = [e for e in document.events if e.type == "REQUEST"]
    assert [{p.country for p in e.recipients} for e in requests] == [{"GRC"}]


def test_recalled_summit_keeps_its_round(extract) -> None:
    document = extract(
        "Foreign Minister Dmytro Kuleba had a telephone conversation with Foreign Minister Annalena "
        "Baerbock of Germany. Dmytro Kuleba informed about the results of the 24th Ukraine-EU Summit, "
        "which took place in Kyiv on February 3.", "2023-02-10")
    summit = [e for e in document.events if e.type == "CONSULT" and e.series is not None]
    assert len(summit) == 1 and summit[0].series.round == 24
