"""Articles written for the web UI tests (our own words), with hand-made events.

`injection_article()` carries script and markup in its title, text, entity names, topics and
places: every page must show them as inert text. `council_2026()` leaves a promise pending.
"""

from __future__ import annotations

from pathlib import Path

from communique.document import Document, Entity, Span, Timex
from communique.ingest.text import split_seed_header
from record_articles import (
    doc,
    eu_turkmenistan_2022,
    fourth_meeting_kz,
    fourth_meeting_us,
    kyrgyz_visit_announced,
    kyrgyz_visit_postponed,
    on,
    place,
    seed,
    sentence,
    series,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = "<script>window.__pwned = 1; alert('pwned')</script>"
IMG = '<img src=x onerror="window.__pwned = 2">'
INJECTION_TITLE = f"Joint statement {SCRIPT}"
INJECTION_TEXT = (
    f"Officials of Kazakhstan and Uzbekistan met in Tashkent on October 2, 2026 {SCRIPT} to discuss "
    f"border trade. The ministers welcomed the new customs rules {IMG} agreed last year. "
    "They agreed to meet again in 2027."
)


def injection_article() -> Document:
    """Markup everywhere an article can carry text; offsets point at the script on purpose."""
    document = doc("injection-2026", "2026-10-03", INJECTION_TEXT, [
        {"type": "CONSULT", "countries": ["KAZ", "UZB"], "date": on("2026-10-02"),
         "location": place(f"Tashkent {IMG}", "UZB"), "contexts": ["economic"],
         "topics": [f"border trade {SCRIPT}"], "evidence": [sentence(INJECTION_TEXT, 0)]},
        {"type": "SUPPORT", "actors": [{"entity": None, "country": "KAZ", "sector": "GOV",
                                        "text": f"ministers {IMG}"}],
         "recipients": [{"entity": None, "country": "UZB", "sector": None}],
         "date": on("2026-10-03", basis="document"), "topics": ["customs rules"],
         "evidence": [sentence(INJECTION_TEXT, 1)]},
    ], title=INJECTION_TITLE, publisher=f"Ministry {IMG}")
    start = INJECTION_TEXT.index(SCRIPT)
    document.entities = [
        Entity(id="script", kind="organization", name=SCRIPT, mentions=[Span(start, start + len(SCRIPT))]),
        Entity(id="tashkent", kind="place", name="Tashkent", country="UZB", lat=41.3, lon=69.24,
               mentions=[Span(INJECTION_TEXT.index("Tashkent"), INJECTION_TEXT.index("Tashkent") + 8)]),
    ]
    when = INJECTION_TEXT.index("October 2, 2026")
    document.timexes = [Timex(when, when + 15, "October 2, 2026", "DATE", "2026-10-02", precision="day")]
    return document


COUNCIL_TEXT = (
    "The presidents of Kazakhstan and Kyrgyzstan held the sixth meeting of the Supreme Interstate Council "
    "in Astana on October 20, 2026. "
    "They signed a treaty on the demarcation of water facilities. "
    "The presidents agreed to hold the seventh meeting of the Supreme Interstate Council in Bishkek in 2027."
)


def council_2026() -> Document:
    """A dialogue round whose promised next round (2027, Bishkek) is still pending."""
    council = "Supreme Interstate Council"
    return doc("kaz-kgz-council-2026", "2026-10-21", COUNCIL_TEXT, [
        {"type": "CONSULT", "countries": ["KAZ", "KGZ"], "date": on("2026-10-20"),
         "location": place("Astana", "KAZ"), "series": series(council, 6), "topics": ["water facilities"],
         "evidence": [sentence(COUNCIL_TEXT, 0)]},
        {"type": "SUPPORT", "countries": ["KAZ", "KGZ"], "date": on("2026-10-20"),
         "topics": ["treaty on water facilities"], "evidence": [sentence(COUNCIL_TEXT, 1)]},
        {"type": "CONSULT", "status": "planned", "countries": ["KAZ", "KGZ"], "date": on("2027", "year"),
         "location": place("Bishkek", "KGZ"), "series": series(council, 7),
         "evidence": [sentence(COUNCIL_TEXT, 2)]},
    ], title="Kazakhstan and Kyrgyzstan hold Supreme Interstate Council", publisher="Akorda")


def seed_article(shared: Path) -> Document:
    """The seed article (`seed/article.txt`) with its gold record as the extraction (stable highlights)."""
    date, text = split_seed_header((shared / "seed" / "article.txt").read_text(encoding="utf-8"))
    document = seed(shared)
    if text != document.text or date != document.date.isoformat():
        raise ValueError("seed/article.txt and seed/gold.json disagree")
    return document


def hand_made(shared: Path) -> list[Document]:
    """The seed (gold events, entities, time expressions) and the hand-made articles."""
    return [seed_article(shared), fourth_meeting_kz(), fourth_meeting_us(), eu_turkmenistan_2022(),
            kyrgyz_visit_announced(), kyrgyz_visit_postponed(), injection_article(), council_2026()]


def example_texts() -> list[tuple[str, str, str]]:
    """(id, date, text) of the repository's example articles, for the extractor."""
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        date, text = split_seed_header(path.read_text(encoding="utf-8"))
        out.append((path.stem, date or "", text))
    return out
