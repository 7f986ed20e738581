"""End to end through the real extractor: the seed, then our article on the fourth meeting."""

from __future__ import annotations

from communique.ingest import read_inputs
from communique.store import open_store

FOURTH_MEETING = (
    " date 2025-06-13 The fourth meeting of the annual High-level Dialogue on Human Rights and Democratic "
    "Reforms between Kazakhstan and the United States took place in Washington, DC on June 12, 2025, the "
    "Ministry of Foreign Affairs of Kazakhstan reported. The delegations reviewed progress in carrying out "
    "the national action plan on human rights and discussed the protection of women and children from "
    "violence. The parties agreed to continue their cooperation on freedom of the media and on combating "
    "corruption.\n"
)


def test_link_pipeline_seed_promise_kept_by_fourth_meeting(shared, pipeline, tmp_path):
    later = tmp_path / "fourth-meeting.txt"
    later.write_text(FOURTH_MEETING, encoding="utf-8")
    documents = list(pipeline.run(read_inputs([later, shared / "seed" / "article.txt"])))
    assert all(not isinstance(d, Exception) for d in documents), documents
    with open_store(f"sqlite:///{tmp_path / 'record.db'}") as store:
        store.ingest(documents)
        promises = store.commitments().items
        kept = [c for c in promises if c["status"] == "fulfilled"]
        assert len(kept) == 1, promises
        assert (kept[0]["due"], kept[0]["location"]) == ("2025", "Washington, DC")
        assert store.event(kept[0]["resolved_by_event_id"])["document"]["key"] == "fourth-meeting"
        series = store.series_list(q="human rights and democratic").items
        assert len(series) == 1
        rounds = store.series(series[0]["key"])["rounds"]
        assert [r["round"] for r in rounds] == [3, 4]
