"""Storing documents: idempotence, revisions with history, versions, reviews, filters, full text."""

from __future__ import annotations

import datetime as dt

import pytest

from communique import __version__
from communique.errors import StoreError
from communique.store import EventFilter, open_store
from record_articles import (
    FOURTH_KZ_TEXT,
    doc,
    eu_turkmenistan_2022,
    fourth_meeting_kz,
    fourth_meeting_us,
    on,
    uzbek_kazakh_call_2024,
)


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        opened.ingest([fourth_meeting_kz(), fourth_meeting_us(), eu_turkmenistan_2022(),
                       uzbek_kazakh_call_2024()])
        yield opened


def test_store_reingest_same_article_changes_nothing(store):
    before = (store.stats(), store.events(EventFilter(limit=100)).to_json())
    outcomes = store.ingest([fourth_meeting_kz(), eu_turkmenistan_2022()])
    assert [o.action for o in outcomes] == ["unchanged", "unchanged"]
    assert (store.stats(), store.events(EventFilter(limit=100)).to_json()) == before


def test_store_reopen_runs_no_migration_twice(db_url):
    with open_store(db_url) as first:
        first.ingest([fourth_meeting_kz()])
    with open_store(db_url) as second:
        assert second.stats()["documents"] == 1


def test_store_corrected_article_keeps_history(store):
    corrected = fourth_meeting_kz()
    corrected.text = FOURTH_KZ_TEXT.replace("June 12, 2025", "June 11, 2025")
    corrected.events[0].date = None
    corrected.events[0].evidence = []
    (outcome,) = store.ingest([corrected])
    assert outcome.action == "revised"
    record = store.document("kz-hld-4")
    assert [r["revision"] for r in record["revisions"]] == [1, 2]
    assert [r["is_current"] for r in record["revisions"]] == [False, True]
    assert "June 11, 2025" in record["text"]
    assert store.stats()["documents"] == 4 and store.stats()["revisions"] == 5
    # only the current revision's events are in the record
    assert store.events(EventFilter(document="kz-hld-4")).total == 1


def test_store_extraction_records_version_and_reextract(store):
    record = store.document("us-hld-4")
    assert [e["communique_version"] for e in record["extractions"]] == [__version__]
    assert list(store.stored_documents()) == []  # every document is up to date
    stale = list(store.stored_documents(version="9.9.9"))
    assert len(stale) == 4
    again = fourth_meeting_us()
    again.events = again.events[:1]
    outcome = store.add(again, version="9.9.9", reextract=True)
    assert (outcome.action, outcome.n_events) == ("reextracted", 1)
    versions = [(e["communique_version"], e["is_current"]) for e in store.document("us-hld-4")["extractions"]]
    assert versions == [(__version__, False), ("9.9.9", True)]
    assert store.events(EventFilter(document="us-hld-4")).total == 1


@pytest.mark.parametrize(("flt", "expected"), [
    (EventFilter(country=["KAZ"], type=["CONSULT"], since=dt.date(2024, 1, 1)),
     {"kz-hld-4/e1", "us-hld-4/e1", "uzb-kaz-call/e1"}),
    (EventFilter(dyad=["KAZ-USA"]), {"kz-hld-4/e1", "us-hld-4/e1", "us-hld-4/e2"}),
    (EventFilter(status=["planned"]), {"eu-tkm-2022/e3"}),
    (EventFilter(type=["CONSULT"], until=dt.date(2023, 12, 31)), {"eu-tkm-2022/e1", "eu-tkm-2022/e3"}),
    (EventFilter(mode="phone"), {"uzb-kaz-call/e1"}),
    (EventFilter(context="human_rights", country=["TKM"]), {"eu-tkm-2022/e1"}),
    (EventFilter(q="water"), {"uzb-kaz-call/e1"}),
    (EventFilter(q="Ashgabat dialogue"), {"eu-tkm-2022/e1"}),
    (EventFilter(series="human rights dialogue", country=["EUR"]), {"eu-tkm-2022/e1", "eu-tkm-2022/e3"}),
    (EventFilter(actor_country="USA", type=["SUPPORT"]), {"us-hld-4/e2"}),
])
def test_store_event_filters(store, flt, expected):
    page = store.events(flt)
    assert {f"{e['document']['key']}/{e['event_key']}" for e in page.items} == expected
    assert page.total == len(expected)


def test_store_events_sort_and_pagination(store):
    first = store.events(EventFilter(sort="date", limit=2))
    second = store.events(EventFilter(sort="date", limit=2, offset=2))
    dates = [e["date_start"] for e in first.items + second.items]
    assert dates == sorted(dates)
    assert first.to_json()["next_offset"] == 2 and first.total == 7
    assert not {e["id"] for e in first.items} & {e["id"] for e in second.items}
    with pytest.raises(StoreError):
        store.events(EventFilter(sort="nonsense"))


def test_store_documents_search_and_entities(store):
    assert [d["key"] for d in store.documents(q="Turkmenistan").items] == ["eu-tkm-2022"]
    assert store.documents(since=dt.date(2025, 1, 1)).total == 2
    assert store.entities().total == 0  # hand-made documents name no entities


def test_store_review_reject_and_correct_audited(store):
    support = store.events(EventFilter(type=["SUPPORT"])).items[0]
    store.reject_event(support["id"], who="analyst@example.org", reason="welcome is not support")
    assert store.events(EventFilter(type=["SUPPORT"])).total == 0
    assert store.events(EventFilter(type=["SUPPORT"], include_rejected=True)).items[0]["review"] == "rejected"
    call = store.events(EventFilter(mode="phone")).items[0]
    store.correct_event(call["id"], {"date": on("2024-03-03")}, who="analyst@example.org")
    corrected = store.event(call["id"])
    assert corrected["date"]["value"] == "2024-03-03" and corrected["date_start"] == "2024-03-03"
    trail = store.audit().items
    assert [a["action"] for a in trail] == ["correct_event", "reject_event"]
    assert trail[0]["detail"]["before"]["date"]["value"] == "2024-03-04"
    assert trail[1]["who"] == "analyst@example.org"
    with pytest.raises(StoreError):
        store.correct_event(call["id"], {"evidence": []}, who="x")


def test_store_rejects_event_outside_contract(db_url):
    text = "A meeting happened."
    bad = doc("bad", "2024-01-01", text, [{"type": "MEET", "evidence": [text]}])
    with open_store(db_url) as store, pytest.raises(StoreError, match="MEET"):
        store.add(bad)
    with open_store(db_url) as store:
        assert store.stats()["documents"] == 0  # the failed document's transaction was rolled back


def test_store_reviews_survive_reextraction(store):
    support = store.events(EventFilter(type=["SUPPORT"])).items[0]
    store.reject_event(support["id"], who="analyst", reason="a welcome")
    meeting = store.events(EventFilter(document="us-hld-4", type=["CONSULT"])).items[0]
    washington = {"entity": None, "name": "Washington, DC", "country": "USA"}
    store.correct_event(meeting["id"], {"location": washington}, who="analyst")
    outcome = store.add(fourth_meeting_us(), version="9.9.9", reextract=True)
    assert outcome.action == "reextracted"
    store.relink()
    now = {e["type"]: e for e in store.events(EventFilter(document="us-hld-4", include_rejected=True)).items}
    assert now["SUPPORT"]["id"] != support["id"] and now["SUPPORT"]["review"] == "rejected"
    assert now["CONSULT"]["location"]["name"] == "Washington, DC" and now["CONSULT"]["review"] == "corrected"
    assert store.events(EventFilter(type=["SUPPORT"])).total == 0


def test_store_overlong_document_id_is_one_line_error(db_url):
    article = uzbek_kazakh_call_2024()
    article.id = "x" * 401
    with open_store(db_url) as store, pytest.raises(StoreError, match="document id must be 1 to 400"):
        store.add(article)
