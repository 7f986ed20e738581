"""Participant and place country accuracy of the actors stage on the public gold sets.

For every gold participant that names its actor (`text` in plover-gsr, `name` in dev-articles)
the phrase is found in the article and the country of the entity the stage put there is
compared with the gold country; where the stage has no entity there, the phrase alone is
resolved (`actor_for_phrase`, with the document date and publisher). Unresolved counts as
wrong. Gold participants without a country are skipped. For PETRARCH-2, whose participants
carry only codes, the figure is coverage: the share of gold participant countries that the
stage found somewhere in the sentence. Places: each gold event location name is resolved the
same way. The seed is compared entity by entity. "Named" participants are those whose phrase
holds a proper noun (not "They", "its armed forces", "senior government officials", which only
the events stage's discourse can resolve); "resolved" counts only participants the stage gave
any country, so it measures how often a resolution is right.

    .venv/bin/python benchmarks/actors_accuracy.py [--errors] [--set plover-gsr]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from communique.actors import ActorsStage
from communique.actors.index import EntityIndex
from communique.actors.publisher import home_country
from communique.actors.resolve import actor_for_phrase
from communique.document import Document
from communique.ingest.text import make_document
from communique.nlp import NlpStage
from communique.settings import shared_dir

SETS = ("plover-gsr", "petr2-gsr", "dev-articles")


def load_gold(path: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.json"))]


def to_document(gold: dict) -> Document:
    """The article as `communique extract` reads it (`ingest.make_document`: markup masked and
    hard-wrapped paragraphs joined in `nlp_text`, which the stages read)."""
    meta = gold["document"]
    return make_document(gold["text"], doc_id=meta["id"], date=meta["date"], source=meta["id"],
                         url=meta.get("url"), publisher=meta.get("publisher"), title=meta.get("title"))


def process(golds: list[dict]) -> list[Document]:
    stage = ActorsStage()
    documents = list(NlpStage()(to_document(g) for g in golds))
    for document in documents:
        stage(document)
    return documents


UNNAMED_FIRST_WORDS = {"the", "they", "their", "its", "our", "we", "a", "an", "these", "those", "this", "it"}


def is_named(phrase: str) -> bool:
    """Whether a participant phrase names its actor (a proper noun or a known word such as a
    demonym), rather than pointing back ("They", "its armed forces", "senior government officials")."""
    words = phrase.split()
    return any(w[:1].isupper() for w in words[1:]) or (
        bool(words) and words[0][:1].isupper() and words[0].lower() not in UNNAMED_FIRST_WORDS)


def countries_in_doc(document: Document, index: EntityIndex, phrase: str) -> set[str]:
    """The country (or, for a grouping, the member countries) of the stage's entity where
    `phrase` occurs, else of the phrase resolved alone. Empty when unresolved."""
    start = document.text.find(phrase)
    if start < 0:
        start = document.text.lower().find(phrase.lower())
    if start >= 0:
        for entity in index.at(start, start + len(phrase)):
            if entity.country or entity.members:
                return {c for c in (entity.country, *entity.members) if c}
    actor = actor_for_phrase(phrase, document.date, home_country(document))
    return {c for c in (actor.country, *actor.members) if c} if actor else set()


def score_set(name: str, show_errors: bool) -> dict[str, tuple[int, int]]:
    golds = load_gold(shared_dir() / "eval" / name)
    documents = process(golds)
    tally: Counter[str] = Counter()
    for gold, document in zip(golds, documents, strict=True):
        index = EntityIndex(document)
        found = {e.country for e in document.entities if e.country}
        found |= {m for e in document.entities for m in e.members}
        for event in gold["events"]:
            for participant in event["actors"] + event["recipients"]:
                if not participant.get("country"):
                    continue
                phrase = participant.get("text") or participant.get("name")
                if phrase:
                    got = countries_in_doc(document, index, phrase.strip())
                    ok = participant["country"] in got
                    tally["participants"] += 1
                    tally["participants_ok"] += ok
                    if is_named(phrase.strip()):
                        tally["named"] += 1
                        tally["named_ok"] += ok
                    if got:
                        tally["resolved"] += 1
                        tally["resolved_ok"] += ok
                    if not ok and show_errors:
                        print(f"  [{name}] participant {phrase!r}: gold {participant['country']} got {got}")
                else:
                    tally["coverage"] += 1
                    tally["coverage_ok"] += participant["country"] in found
                    if participant["country"] not in found and show_errors:
                        print(f"  [{name}] not found {participant['country']} in {document.text[:90]!r}")
            location = event.get("location")
            if location and location.get("country") and location.get("name"):
                got = countries_in_doc(document, index, location["name"])
                ok = location["country"] in got
                tally["places"] += 1
                tally["places_ok"] += ok
                if not ok and show_errors:
                    print(f"  [{name}] place {location['name']!r}: gold {location['country']} got {got}")
    measures = ("participants", "named", "resolved", "coverage", "places")
    return {k: (tally[k + "_ok"], tally[k]) for k in measures if tally[k]}


def score_seed(show_errors: bool) -> dict[str, tuple[int, int]]:
    gold = json.loads((shared_dir() / "seed" / "gold.json").read_text(encoding="utf-8"))
    document = process([gold])[0]
    index = EntityIndex(document)
    tally: Counter[str] = Counter()
    for entity in gold["entities"]:
        s, e = entity["mentions"][0]
        system = [x for x in index.at(s, e) if x.kind == entity["kind"]]
        ok = (bool(system) and system[0].country == entity["country"]
              and system[0].sector == entity.get("sector"))
        group = "places" if entity["kind"] == "place" else "participants"
        tally[group] += 1
        tally[group + "_ok"] += ok
        if not ok and show_errors:
            print(f"  [seed] {entity['name']}: gold {entity['country']}/{entity.get('sector')} got "
                  f"{[(x.country, x.sector) for x in system]}")
    return {k: (tally[k + "_ok"], tally[k]) for k in ("participants", "places") if tally[k]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--set", action="append", choices=("seed", *SETS), help="only these sets")
    args = parser.parse_args()
    chosen = args.set or ["seed", *SETS]
    print(f"{'set':<14} {'measure':<26} {'correct':>8} {'total':>6} {'accuracy':>9}")
    for name in chosen:
        results = score_seed(args.errors) if name == "seed" else score_set(name, args.errors)
        for measure, (ok, total) in results.items():
            label = {"participants": "participant country", "named": "named participant country",
                     "resolved": "resolved participant country",
                     "coverage": "participant coverage",
                     "places": "place country"}[measure]
            print(f"{name:<14} {label:<26} {ok:>8} {total:>6} {ok / total:>9.3f}")


if __name__ == "__main__":
    main()
