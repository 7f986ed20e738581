"""The events stage's word lists, read once per process from `communique/data/events/*.yaml`.

Keeping lexicons as data means linguists can extend them without touching the rules, and the
cache means no document pays for reading them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from communique.settings import DATA_DIR

EVENTS_DATA = DATA_DIR / "events"


@dataclass(frozen=True, slots=True)
class TriggerSense:
    """What a trigger lemma means: its PLOVER type and the conditions under which it counts."""

    type: str
    mode: str | None = None
    needs: tuple[str, ...] = ()
    host: bool = False
    light: bool = False
    needs_object: bool = False
    needs_person_object: bool = False
    person_nouns: tuple[str, ...] = ()  # objects that stand for people ("received the Ambassador of X")
    needs_state_object: bool = False
    needs_policy_object: bool = False
    needs_of: tuple[str, ...] = ()
    act: bool = False
    needs_mod: tuple[str, ...] = ()
    needs_verb: tuple[str, ...] = ()
    needs_recipient: bool = False
    objects: tuple[str, ...] = ()  # the sense needs a direct object with one of these lemmas
    future_only: bool = False  # the word only states an event when it is ahead ("will respond")
    from_giver: bool = False  # "received X from Y": Y acts, the subject receives
    intransitive: bool = False  # only without an object or clause ("demonstrated" vs "demonstrated resolve")
    possessor_target: bool = False  # the noun's possessor is the one acted on ("noted X's contribution")
    possessor_of: bool = False  # ... or the possessor of its "of" object ("the importance of X's law")
    to_partner: bool = False  # addressed to the other side of the meeting ("stated the need to ...")
    hoped_of: bool = False  # addressed to the party hoped to act ("expressed hope that X would ...")
    not_objects: tuple[str, ...] = ()  # objects that make the verb another sense ("meets the interests")

    @classmethod
    def from_yaml(cls, data: dict[str, Any]) -> TriggerSense:
        return cls(
            type=data["type"], mode=data.get("mode"), needs=tuple(data.get("needs") or ()),
            host=bool(data.get("host")), light=bool(data.get("light")),
            needs_object=bool(data.get("needs_object")),
            needs_person_object=bool(data.get("needs_person_object")),
            person_nouns=tuple(data.get("person_nouns") or ()),
            needs_state_object=bool(data.get("needs_state_object")),
            needs_policy_object=bool(data.get("needs_policy_object")),
            needs_of=tuple(data.get("needs_of") or ()),
            act=bool(data.get("act")), needs_mod=tuple(data.get("needs_mod") or ()),
            needs_verb=tuple(data.get("needs_verb") or ()),
            needs_recipient=bool(data.get("needs_recipient")),
            objects=tuple(data.get("objects") or ()),
            future_only=bool(data.get("future_only")),
            intransitive=bool(data.get("intransitive")), from_giver=bool(data.get("from_giver")),
            possessor_target=bool(data.get("possessor_target")),
            possessor_of=bool(data.get("possessor_of")),
            to_partner=bool(data.get("to_partner")),
            hoped_of=bool(data.get("hoped_of")),
            not_objects=tuple(data.get("not_objects") or ()),
        )


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list the events stage reads, as frozen sets and maps."""

    verbs: dict[str, tuple[TriggerSense, ...]]  # several senses: the first whose conditions hold
    nouns: dict[str, TriggerSense]  # the noun's last, unconditioned sense (what it names by default)
    noun_senses: dict[str, tuple[TriggerSense, ...]]  # all senses, the first whose conditions hold
    light_verbs: frozenset[str]
    consult_noun_verbs: frozenset[str]
    consult_noun_subject_verbs: frozenset[str]
    policy_nouns: frozenset[str]
    international_instruments: frozenset[str]
    discussion_verbs: frozenset[str]
    status: dict[str, frozenset[str]]
    contexts: dict[str, tuple[str, ...]]
    series_heads: tuple[str, ...]
    body_heads: frozenset[str]  # last words of series heads that name standing bodies
    ordinals: dict[str, int]
    frequencies: dict[str, str | None]
    name_connectors: frozenset[str]
    group_refs: frozenset[str]
    single_refs: frozenset[str]
    occasion_refs: frozenset[str]
    unnamed_groups: frozenset[str]
    enacted_item_pattern: str
    relationship_nouns: frozenset[str]
    intent_adjectives: frozenset[str]
    concern_adjectives: frozenset[str]
    satisfaction_adjectives: frozenset[str]
    act_verbs: frozenset[str]
    demand_modals: frozenset[str]
    demand_reporting_verbs: frozenset[str]
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    act_in_verbs: frozenset[str] = frozenset()
    stative_passives: frozenset[str] = frozenset()
    mishap_agents: frozenset[str] = frozenset()
    pledge_verbs: frozenset[str] = frozenset()
    mishap_words: frozenset[str] = frozenset()
    non_agent_subjects: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)


def _read(name: str) -> Any:
    with open(EVENTS_DATA / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the YAML files once; every later call returns the same object."""
    triggers = _read("triggers.yaml")
    status = _read("status.yaml")
    series = _read("series.yaml")
    refs = _read("references.yaml")
    contexts = _read("contexts.yaml")
    return Lexicon(
        verbs={k: tuple(TriggerSense.from_yaml(x) for x in (v if isinstance(v, list) else [v]))
               for k, v in triggers["verbs"].items()},
        nouns={k: TriggerSense.from_yaml(v[-1] if isinstance(v, list) else v)
               for k, v in triggers["nouns"].items()},
        noun_senses={k: tuple(TriggerSense.from_yaml(x) for x in (v if isinstance(v, list) else [v]))
                     for k, v in triggers["nouns"].items()},
        light_verbs=_words(triggers["light_verbs"]),
        consult_noun_verbs=_words(triggers["consult_noun_verbs"]),
        consult_noun_subject_verbs=_words(triggers["consult_noun_subject_verbs"]),
        policy_nouns=_words(triggers["policy_nouns"]),
        international_instruments=_words(triggers["international_instruments"]),
        discussion_verbs=_words(triggers["discussion_verbs"]),
        status={k: _words(v) for k, v in status.items()},
        contexts={str(k).lower(): tuple(v) for k, v in contexts.items()},
        series_heads=tuple(series["series_heads"]),
        body_heads=frozenset(h.split()[-1] for h in series.get("body_heads", [])),
        ordinals={str(k).lower(): int(v) for k, v in series["ordinals"].items()},
        frequencies={str(k).lower(): v for k, v in series["frequencies"].items()},
        name_connectors=_words(series["name_connectors"]),
        group_refs=_words(refs["group"]),
        single_refs=_words(refs["single"]),
        occasion_refs=_words(refs["occasion"]),
        unnamed_groups=_words(refs["unnamed_groups"]),
        enacted_item_pattern=triggers["enacted_item_pattern"],
        relationship_nouns=_words(triggers["relationship_nouns"]),
        intent_adjectives=_words(triggers["intent_adjectives"]),
        concern_adjectives=_words(triggers["concern_adjectives"]),
        satisfaction_adjectives=_words(triggers["satisfaction_adjectives"]),
        act_verbs=_words(triggers["act_verbs"]),
        demand_modals=_words(triggers["demand_modals"]),
        demand_reporting_verbs=_words(triggers["demand_reporting_verbs"]),
        lemma_fixes={str(k).lower(): str(v).lower() for k, v in (triggers.get("lemma_fixes") or {}).items()},
        act_in_verbs=_words(triggers.get("act_in_verbs")),
        stative_passives=_words(triggers.get("stative_passives")),
        mishap_agents=_words(triggers.get("mishap_agents")),
        pledge_verbs=_words(triggers.get("pledge_verbs")),
        mishap_words=_words(triggers.get("mishap_words")),
        non_agent_subjects=_words(triggers.get("non_agent_subjects")),
    )
