"""The linked record: clusters across sources, dialogue series, promise follow-up, order independence."""

from __future__ import annotations

import pytest

from communique.store import EventFilter, open_store
from record_articles import (
    call_readouts,
    doc,
    eu_turkmenistan_2022,
    fourth_meeting_kz,
    fourth_meeting_us,
    kyrgyz_visit_announced,
    kyrgyz_visit_postponed,
    on,
    seed,
    unrelated_statements,
    uzbek_kazakh_call_2024,
)

HLD_KEY = "high-level-dialogue-on-human-rights-and-democratic-reforms--kaz-usa"


def _record(store) -> dict:
    """Everything the link stage decided, without database ids (which depend on arrival order)."""
    events = {e["id"]: f"{e['document']['key']}/{e['event_key']}"
              for e in store.events(EventFilter(limit=1000)).items}
    clusters = []
    for summary in store.clusters(limit=1000).items:
        full = store.cluster(summary["id"])
        clusters.append((summary["key"], summary["n_sources"],
                         sorted(events[e["id"]] for e in full["events"])))
    commitments = sorted((c["key"], c["status"], events.get(c["resolved_by_event_id"]))
                         for c in store.commitments().items)
    series = []
    for item in store.series_list(limit=1000).items:
        full = store.series(item["key"])
        series.append((full["key"], [(r["round"], r["date"], r["location"], sorted(r["documents"]))
                                     for r in full["rounds"]], full["next_expected"]))
    return {"clusters": sorted(clusters), "commitments": commitments, "series": sorted(series, key=str)}


def test_link_seed_promise_fulfilled_by_fourth_meeting(db_url, shared):
    with open_store(db_url) as store:
        store.ingest([seed(shared), fourth_meeting_kz()])
        commitments = store.commitments().items
        assert len(commitments) == 1
        promise = commitments[0]
        assert promise["status"] == "fulfilled"
        assert (promise["due_start"], promise["due_end"]) == ("2025-01-01", "2025-12-31")
        fulfilling = store.event(promise["resolved_by_event_id"])
        assert fulfilling["document"]["key"] == "kz-hld-4"
        assert any("same series" in r for r in promise["explanation"]["reasons"])
        record = store.series(HLD_KEY)
        assert [r["round"] for r in record["rounds"]] == [3, 4]
        assert [r["location"] for r in record["rounds"]] == ["Astana", "Washington, DC"]
        assert record["frequency"] == "annual"
        assert record["next_expected"]["round"] == 5  # projected from the annual frequency
        assert record["next_expected"]["basis"] == "frequency"


def test_link_seed_alone_promise_pending_with_next_round(db_url, shared):
    with open_store(db_url) as store:
        store.ingest([seed(shared)])
        (promise,) = store.commitments().items
        assert promise["status"] == "pending"
        assert promise["as_of"] == "2024-05-20"
        nxt = store.series(HLD_KEY)["next_expected"]
        assert (nxt["round"], nxt["due"], nxt["location"], nxt["basis"]) == (4, "2025", "Washington, DC",
                                                                               "announced")
        # judged as of a later day, the same promise is overdue
        later = store.commitments(as_of=__import__("datetime").date(2026, 1, 1)).items[0]
        assert later["status"] == "overdue"


def test_link_same_meeting_two_sources_one_cluster(db_url):
    with open_store(db_url) as store:
        store.ingest([fourth_meeting_kz(), fourth_meeting_us()])
        multi = store.clusters(min_sources=2).items
        assert len(multi) == 1
        cluster = store.cluster(multi[0]["id"])
        assert cluster["n_sources"] == 2 and cluster["type"] == "CONSULT"
        assert sorted(e["document"]["key"] for e in cluster["events"]) == ["kz-hld-4", "us-hld-4"]
        assert all(e["evidence"] and e["evidence"][0]["text"] for e in cluster["events"])
        joined = next(e for e in cluster["events"] if not e["link"]["is_anchor"])
        reasons = " | ".join(joined["link"]["explanation"]["reasons"])
        assert "same series" in reasons and "same place" in reasons and "0 day(s) apart" in reasons
        # the SUPPORT event of the US readout stays a cluster of its own
        assert store.stats()["clusters"] == 2
        # both reports are events of the series, whatever name each gave it
        assert store.events(EventFilter(series=HLD_KEY)).total == 2


def test_link_different_dialogues_do_not_cluster(db_url):
    with open_store(db_url) as store:
        store.ingest([fourth_meeting_kz(), eu_turkmenistan_2022(), uzbek_kazakh_call_2024()])
        assert store.clusters(min_sources=2).total == 0


def test_link_promise_past_its_year_is_overdue(db_url):
    with open_store(db_url) as store:
        store.ingest([eu_turkmenistan_2022()])
        assert store.commitments().items[0]["status"] == "pending"  # as of 2022-06-15
        store.ingest([uzbek_kazakh_call_2024()])
        (promise,) = store.commitments().items
        assert promise["status"] == "overdue"
        assert promise["due_end"] == "2023-12-31" and promise["as_of"] == "2024-03-05"
        assert store.commitments(status="overdue").total == 1
        assert store.commitments(status="fulfilled").total == 0


def test_link_negated_report_cancels_promise(db_url):
    with open_store(db_url) as store:
        store.ingest([kyrgyz_visit_announced(), kyrgyz_visit_postponed()])
        (promise,) = store.commitments().items
        assert promise["status"] == "cancelled"
        assert store.event(promise["resolved_by_event_id"])["document"]["key"] == "kgz-visit-postponed"


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_link_reverse_date_order_gives_same_record(db_url, shared, tmp_path, order):
    articles = [eu_turkmenistan_2022(), uzbek_kazakh_call_2024(), seed(shared), kyrgyz_visit_announced(),
                kyrgyz_visit_postponed(), fourth_meeting_us(), fourth_meeting_kz()]
    articles.sort(key=lambda d: d.date, reverse=order == "reverse")
    with open_store(db_url) as store:
        for article in articles:  # one at a time: the record is rebuilt after every arrival
            store.ingest([article])
        got = _record(store)
    baseline_url = f"sqlite:///{tmp_path / 'baseline.db'}"
    with open_store(baseline_url) as baseline:
        baseline.ingest(sorted(articles, key=lambda d: d.id))
        expected = _record(baseline)
    assert got == expected
    statuses = sorted(status for _key, status, _by in got["commitments"])
    assert statuses == ["cancelled", "fulfilled", "overdue"]


def test_link_two_readouts_of_one_call_cluster_on_wording(db_url):
    with open_store(db_url) as store:
        store.ingest(call_readouts())
        (cluster,) = store.clusters(min_sources=2).items
        full = store.cluster(cluster["id"])
        joined = next(e for e in full["events"] if not e["link"]["is_anchor"])
        assert "same participants, no place or series to compare" in joined["link"]["explanation"]["reasons"]


def test_link_same_type_and_countries_alone_do_not_cluster(db_url):
    with open_store(db_url) as store:
        store.ingest(unrelated_statements())
        assert store.clusters(min_sources=2).total == 0
        assert store.clusters().total == 2


def test_link_open_ended_promise_needs_more_than_the_same_countries(db_url):
    promise_text = "The United States will continue to provide humanitarian demining assistance to Ukraine."
    later_text = "The United States welcomed the grain export agreement reached in Istanbul with Ukraine."
    usa_to_ukr = {"actors": [{"entity": None, "country": "USA", "sector": "GOV"}],
                  "recipients": [{"entity": None, "country": "UKR", "sector": None}]}
    promise = doc("us-promise", "2022-06-01", promise_text, [
        {"type": "AID", "status": "planned", **usa_to_ukr, "evidence": [promise_text]}])
    unrelated = doc("us-later", "2022-07-23", later_text, [
        {"type": "AID", **usa_to_ukr, "date": on("2022-07-23", basis="document"), "evidence": [later_text]}])
    with open_store(db_url) as store:
        store.ingest([promise, unrelated])
        (commitment,) = store.commitments().items
        assert commitment["status"] == "pending" and commitment["due"] is None
        assert commitment["explanation"]["reasons"] == ["no date promised: open-ended"]


def test_link_report_without_series_name_joins_the_series_through_its_cluster(db_url):
    unnamed = fourth_meeting_us()
    unnamed.events[0].series = None
    with open_store(db_url) as store:
        store.ingest([fourth_meeting_kz(), unnamed])
        assert store.clusters(min_sources=2).total == 1
        keys = {e["document"]["key"] for e in store.events(EventFilter(series=HLD_KEY)).items}
        assert keys == {"kz-hld-4", "us-hld-4"}
        (round_4,) = store.series(HLD_KEY)["rounds"]
        assert sorted(round_4["documents"]) == ["kz-hld-4", "us-hld-4"]
