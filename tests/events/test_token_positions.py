"""spaCy makes a new `Token` object on every access (`sent.root`, `tok.head`, `tok.children`,
`doc[i]`), so the rules compare tokens by position, never by identity. The triggers here are built
from tokens fetched separately, as the parse walks fetch them; the tests marked "was `is`" failed
while the rule compared with `is`. The sentences are written for these tests; the parse each rule
relies on is asserted first."""

from __future__ import annotations

import pytest

from communique.events.lexicon import load_lexicon
from communique.events.mentions import ActorMention, Mentions
from communique.events.participants import (
    _excluded_ranges,
    consult_partners,
    directed_targets,
    object_mentions,
    phrase_core,
)
from communique.events.triggers import Trigger, find_triggers
from communique.events.when_where import _governor


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def _state(doc, word: str, code: str) -> ActorMention:
    token = _token(doc, word)
    return ActorMention(token.idx, token.idx + len(token), token.text, code, None, None, "state")


def _trigger(token, anchor, type_: str, lex) -> Trigger:
    """A trigger whose token and anchor are fresh `Token` objects (equal to, not the same as, the
    ones passed in)."""
    doc = token.doc
    sense = lex.verbs[anchor.lemma_.lower()][0] if token.i == anchor.i else \
        lex.noun_senses[token.lemma_.lower()][0]
    return Trigger(doc[token.i], doc[anchor.i], type_, None, sense)


def test_tokens_are_new_objects_on_each_access(nlp) -> None:
    doc = nlp("Armenia and Azerbaijan met in Washington.")
    root = next(doc.sents).root
    assert root is not next(doc.sents).root and root.head is not root  # why `is` never works
    assert root.head.i == root.i and root == root.head


def test_phrase_root_preposition_is_not_cut_from_its_own_phrase(nlp) -> None:
    """'held between Armenia and Azerbaijan': the phrase headed by 'between' names the parties;
    only phrases *inside* it ('regarding ...') say what it is about."""
    doc = nlp("Talks were held between Armenia and Azerbaijan.")
    between = _token(doc, "between")
    assert between.dep_ == "prep"
    (start, end), cut = phrase_core(between)
    assert cut == []
    assert doc.text[start:end] == "between Armenia and Azerbaijan"


def test_consult_partners_inside_between_phrase(nlp, lex) -> None:
    doc = nlp("Talks were held between Armenia and Azerbaijan.")
    talks, held = _token(doc, "Talks"), _token(doc, "held")
    assert _token(doc, "between").head.i == held.i
    trigger = _trigger(talks, held, "CONSULT", lex)
    objects = [_state(doc, "Armenia", "ARM"), _state(doc, "Azerbaijan", "AZE")]
    assert [m.country for m in consult_partners(trigger, objects)] == ["ARM", "AZE"]


def test_directed_target_keeps_the_addressee_and_drops_the_reason(nlp, lex) -> None:
    """'imposed costs on Russia for its attack on Ukraine': 'on Russia' is whom the act is aimed
    at, 'for ...' the reason."""
    doc = nlp("The allies imposed costs on Russia for its attack on Ukraine.")
    costs, imposed = _token(doc, "costs"), _token(doc, "imposed")
    assert costs.head.i == imposed.i and _token(doc, "for").head.i == imposed.i
    trigger = _trigger(costs, imposed, "SANCTION", lex)
    objects = [_state(doc, "Russia", "RUS"), _state(doc, "Ukraine", "UKR")]
    assert [m.country for m in directed_targets(trigger, objects)] == ["RUS"]


def test_trigger_noun_is_not_an_addressee_of_its_own_verb(nlp, lex) -> None:
    """'issued warrants ... for two Brazilian men in Guyana' (was `is`): the only object of 'issued'
    is the trigger noun, so the 'for' phrase names whom the act is aimed at, not a reason."""
    doc = nlp("The court issued warrants on Monday for two Brazilian men in Guyana.")
    warrants, issued = _token(doc, "warrants"), _token(doc, "issued")
    assert warrants.head.i == issued.i and _token(doc, "for").head.i == issued.i
    trigger = _trigger(warrants, issued, "COERCE", lex)
    objects = [_state(doc, "Brazilian", "BRA"), _state(doc, "Guyana", "GUY")]
    assert [m.country for m in directed_targets(trigger, objects)] == ["BRA"]


def test_light_verb_counts_once_as_its_noun(nlp, lex) -> None:
    """'offered assistance to Ukraine' is one AID, not an AGREE for 'offered' beside it."""
    doc = nlp("Japan offered assistance to Ukraine.")
    found = [(t.token.text, t.type) for t in find_triggers(doc[:], lex)]
    assert found == [("assistance", "AID")]


def test_mention_before_the_verb_outside_its_subject_is_not_an_object(nlp, lex) -> None:
    """'On behalf of France, the minister condemned ...': France is not whom he condemned."""
    doc = nlp("On behalf of France, the minister condemned the attack.")
    condemned = _token(doc, "condemned")
    trigger = _trigger(condemned, condemned, "ACCUSE", lex)
    subject = _token(doc, "minister")
    mentions = Mentions([_state(doc, "France", "FRA")], [])
    assert object_mentions(trigger, [trigger], subject, mentions) == []


def test_event_anchored_on_the_trigger_noun_does_not_hide_its_phrase(nlp, lex) -> None:
    """An event whose anchor is this trigger's own noun is part of it, not a nested clause to
    leave out of its participants."""
    doc = nlp("Turkey expressed support for the proposal of Ukraine.")
    support, expressed, proposal = _token(doc, "support"), _token(doc, "expressed"), _token(doc, "proposal")
    trigger = _trigger(support, expressed, "SUPPORT", lex)
    nested = Trigger(proposal, proposal.head.head, "AGREE", None, trigger.sense)  # was `is`
    assert nested.anchor.i == support.i
    subject = _token(doc, "Turkey")
    assert _excluded_ranges(trigger, [trigger, nested], subject) == [(0, len("Turkey"))]


def test_governor_climbs_from_a_verb_rooted_span(nlp) -> None:
    """A span whose own root is a verb climbs to the event above it (was `is`)."""
    doc = nlp("Armenia and Azerbaijan met and agreed on a ceasefire.")
    met, agreed = _token(doc, "met"), _token(doc, "agreed")
    assert agreed.head.i == met.i
    assert _governor(doc, agreed.idx, agreed.idx + len(agreed), {met.i}) == met.i


def test_verb_joined_to_a_demand_is_a_demanded_act(nlp) -> None:
    """'call on X to cease A release B, and allow C' with 'allow' parsed as a conjunct of 'call'."""
    from communique.events.participants import subject_of
    from communique.events.status import demanded_conjunct, event_status

    doc = nlp("We again call on the PRC to immediately cease its atrocities in Xinjiang release those "
              "unjustly detained, account for those disappeared, and allow independent investigators access.")
    allow = _token(doc, "allow")
    if allow.dep_ != "conj" or allow.head.lower_ != "call":
        pytest.skip("the model parses this sentence differently now")
    assert demanded_conjunct(allow)
    assert event_status(allow, load_lexicon()) == "hypothetical"
    subject, inherited = subject_of(allow)
    assert inherited and subject is not None and subject.text == "PRC"
