"""Short articles written for the store/link/API tests, with hand-made events (no extractor).

The texts are our own words about real, public diplomatic occasions; the events are built by
hand so these tests do not move when the extractor changes. `doc()` finds each evidence
sentence in the text, so offsets are always right.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from communique.document import Document, Event

HLD = "High-level Dialogue on Human Rights and Democratic Reforms"


def doc(doc_id: str, date: str, text: str, events: list[dict[str, Any]], *, title: str | None = None,
        publisher: str | None = None) -> Document:
    """A `Document` whose events are given as dicts; `evidence` lists sentences of `text`."""
    built = []
    for i, spec in enumerate(events, start=1):
        spec = dict(spec)
        spans = []
        for sentence in spec.pop("evidence", []):
            start = text.index(sentence)
            spans.append({"start": start, "end": start + len(sentence)})
        countries = spec.pop("countries", [])
        data = {"id": spec.pop("id", f"e{i}"), "status": "occurred", "mode": None,
                "actors": [{"entity": None, "country": c, "sector": "GOV"} for c in countries],
                "recipients": [], "date": None, "location": None, "series": None, "contexts": [],
                "topics": [], "evidence": spans, **spec}
        built.append(Event.from_json(data))
    return Document(id=doc_id, date=dt.date.fromisoformat(date), text=text, title=title,
                    publisher=publisher, events=built)


def sentence(text: str, n: int) -> str:
    """The n-th sentence (from 0) of one of our texts, whose sentences end in '. '."""
    parts = text.split(". ")
    return parts[n] + ("." if n < len(parts) - 1 else "")


def on(value: str, precision: str = "day", basis: str = "text") -> dict[str, str]:
    return {"value": value, "precision": precision, "basis": basis}


def place(name: str, country: str) -> dict[str, Any]:
    return {"entity": None, "name": name, "country": country}


def series(name: str, round_: int | None, frequency: str | None = "annual") -> dict[str, Any]:
    return {"name": name, "round": round_, "frequency": frequency}


def seed(shared: Path) -> Document:
    """The founding article with its gold events (from ../shared, read by path)."""
    return Document.from_json(json.loads((shared / "seed" / "gold.json").read_text(encoding="utf-8")))


FOURTH_KZ_TEXT = (
    "Washington hosted the fourth meeting of the annual High-Level Dialogue on Human Rights and "
    "Democratic Reforms between Kazakhstan and the United States on June 12, 2025. "
    "The delegations reviewed progress on the national human rights action plan and on laws protecting "
    "women and children from violence. "
    "The sides agreed to keep working together on freedom of the media and the fight against corruption."
)

FOURTH_US_TEXT = (
    "The United States and Kazakhstan convened the fourth round of their High-Level Dialogue on Human "
    "Rights and Democratic Reforms in Washington on June 12. "
    "Officials discussed media freedom, anti-corruption efforts and the protection of women and children. "
    "The United States welcomed Kazakhstan's steps to carry out its human rights action plan."
)


def fourth_meeting_kz() -> Document:
    """A Kazakh readout of round 4, published the day after."""
    return doc("kz-hld-4", "2025-06-13", FOURTH_KZ_TEXT, [
        {"type": "CONSULT", "countries": ["KAZ", "USA"], "date": on("2025-06-12"),
         "location": place("Washington, DC", "USA"), "series": series(HLD, 4),
         "contexts": ["human_rights", "diplomatic"],
         "topics": ["human rights action plan", "violence against women"],
         "evidence": [sentence(FOURTH_KZ_TEXT, 0)]},
    ], title="Kazakhstan and US hold fourth human rights dialogue", publisher="MFA of Kazakhstan")


def fourth_meeting_us() -> Document:
    """A US readout of the same round, with a shorter series name and no year in the date."""
    return doc("us-hld-4", "2025-06-12", FOURTH_US_TEXT, [
        {"type": "CONSULT", "countries": ["USA", "KAZ"], "date": on("2025-06-12"),
         "location": place("Washington", "USA"), "series": series("High-Level Dialogue on Human Rights", 4),
         "contexts": ["human_rights"], "topics": ["media freedom", "anti-corruption"],
         "evidence": [sentence(FOURTH_US_TEXT, 0)]},
        {"type": "SUPPORT", "actors": [{"entity": None, "country": "USA", "sector": None}],
         "recipients": [{"entity": None, "country": "KAZ", "sector": None}],
         "date": on("2025-06-12", basis="document"), "topics": ["human rights action plan"],
         "evidence": [sentence(FOURTH_US_TEXT, 2)]},
    ], title="U.S.-Kazakhstan High-Level Dialogue", publisher="U.S. Department of State")


EU_TKM_TEXT = (
    "The European Union and Turkmenistan held their annual Human Rights Dialogue in Ashgabat "
    "on June 14, 2022. "
    "The two sides discussed freedom of expression, the rights of civil society and cooperation "
    "with UN bodies. "
    "They agreed to hold the next round of the Human Rights Dialogue in Brussels in 2023."
)


def eu_turkmenistan_2022() -> Document:
    """A dialogue round whose promised next round (2023, Brussels) is never reported."""
    return doc("eu-tkm-2022", "2022-06-15", EU_TKM_TEXT, [
        {"type": "CONSULT", "countries": ["EUR", "TKM"], "date": on("2022-06-14"),
         "location": place("Ashgabat", "TKM"), "series": series("Human Rights Dialogue", None),
         "contexts": ["human_rights"], "evidence": [sentence(EU_TKM_TEXT, 0)]},
        {"type": "AGREE", "countries": ["EUR", "TKM"], "date": on("2022-06-15", basis="document"),
         "evidence": [sentence(EU_TKM_TEXT, 2)]},
        {"type": "CONSULT", "status": "planned", "countries": ["EUR", "TKM"], "date": on("2023", "year"),
         "location": place("Brussels", "BEL"), "series": series("Human Rights Dialogue", None),
         "evidence": [sentence(EU_TKM_TEXT, 2)]},
    ], title="EU and Turkmenistan hold Human Rights Dialogue", publisher="EEAS")


UZB_CALL_TEXT = (
    "President Shavkat Mirziyoyev of Uzbekistan spoke by telephone with President Kassym-Jomart Tokayev "
    "of Kazakhstan on March 4, 2024. The leaders discussed water management and trade."
)


def uzbek_kazakh_call_2024() -> Document:
    """An unrelated later article: it moves the store's newest date past 2023."""
    return doc("uzb-kaz-call", "2024-03-05", UZB_CALL_TEXT, [
        {"type": "CONSULT", "mode": "phone", "countries": ["UZB", "KAZ"], "date": on("2024-03-04"),
         "topics": ["water management", "trade"], "evidence": [sentence(UZB_CALL_TEXT, 0)]},
    ], title="Leaders of Uzbekistan and Kazakhstan speak by phone")


VISIT_TEXT = (
    "Kyrgyz President Sadyr Japarov will pay a state visit to Tajikistan in April 2025, the presidential "
    "press service said on February 20, 2025."
)
POSTPONED_TEXT = (
    "The state visit of the President of Kyrgyzstan to Tajikistan, which had been expected in April, "
    "has been postponed, officials in Bishkek said on March 28, 2025."
)


def kyrgyz_visit_announced() -> Document:
    return doc("kgz-visit-announced", "2025-02-20", VISIT_TEXT, [
        {"type": "CONSULT", "status": "planned", "mode": "visit",
         "actors": [{"entity": None, "country": "KGZ", "sector": "GOV"}],
         "recipients": [{"entity": None, "country": "TJK", "sector": None}], "date": on("2025-04", "month"),
         "location": place("Tajikistan", "TJK"), "evidence": [VISIT_TEXT]},
    ], title="Kyrgyz president to visit Tajikistan")


def kyrgyz_visit_postponed() -> Document:
    return doc("kgz-visit-postponed", "2025-03-28", POSTPONED_TEXT, [
        {"type": "CONSULT", "status": "negated", "mode": "visit",
         "actors": [{"entity": None, "country": "KGZ", "sector": "GOV"}],
         "recipients": [{"entity": None, "country": "TJK", "sector": None}], "date": on("2025-04", "month"),
         "evidence": [POSTPONED_TEXT]},
    ], title="Kyrgyz president's visit to Tajikistan postponed")


CALL_KZ_TEXT = (
    "President Kassym-Jomart Tokayev held a telephone conversation with President of Uzbekistan Shavkat "
    "Mirziyoyev. The leaders discussed trade, water management in the Syr Darya basin and transport links "
    "between the two countries."
)
CALL_UZ_TEXT = (
    "Shavkat Mirziyoyev and Kassym-Jomart Tokayev spoke by telephone about expanding trade, transport links "
    "and the management of water in the Syr Darya basin."
)
SUPPORT_A_TEXT = "The United States supports the people of Ukraine in defending their independence."
SUPPORT_B_TEXT = "The United States welcomed the grain export agreement reached in Istanbul with Ukraine."


def call_readouts() -> list[Document]:
    """Two governments' readouts of one phone call: no place, no series, no stated date."""
    def call(doc_id: str, date: str, text: str) -> Document:
        return doc(doc_id, date, text, [
            {"type": "CONSULT", "mode": "phone", "countries": ["KAZ", "UZB"],
             "date": on(date, basis="document"), "evidence": [text]}])

    return [call("kz-call", "2024-09-02", CALL_KZ_TEXT), call("uz-call", "2024-09-03", CALL_UZ_TEXT)]


def unrelated_statements() -> list[Document]:
    """Two statements of the same type and countries on consecutive days, about different things."""
    def statement(doc_id: str, date: str, text: str) -> Document:
        return doc(doc_id, date, text, [
            {"type": "SUPPORT", "actors": [{"entity": None, "country": "USA", "sector": "GOV"}],
             "recipients": [{"entity": None, "country": "UKR", "sector": None}],
             "date": on(date, basis="document"), "evidence": [text]}])

    return [statement("us-support-1", "2022-07-22", SUPPORT_A_TEXT),
            statement("us-support-2", "2022-07-23", SUPPORT_B_TEXT)]
