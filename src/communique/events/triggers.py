"""Finding the words that state an event and giving them a PLOVER type (rules over the parse).

A trigger is a verb ("met", "condemned") or a noun that a verb makes into an act ("held talks",
"expressed support"). Its *anchor* is the verb whose clause states the event: the trigger itself
for verbs, the governing verb for nouns. Participants, status, dates and places are read from
the anchor's clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from communique.events.lexicon import Lexicon, TriggerSense

CONCERN_PREPS = ("about", "by", "over", "at", "with")
PHONE_WORDS = frozenset({"telephone", "phone", "video", "virtual", "online", "videoconference",
                         "teleconference"})
OBJECT_DEPS = ("dobj", "obj", "nsubjpass", "attr", "oprd")


@dataclass(slots=True)
class Trigger:
    """A word that states an event, typed."""

    token: Token
    anchor: Token
    type: str
    mode: str | None
    sense: TriggerSense
    host: bool = False  # the subject hosts; the visitor is the object
    demand_of: Token | None = None  # the clause whose subject is asked to act (reported demands)
    charge: bool = False  # "X's act is a violation of international law": the speaker accuses X
    recalled: bool = False  # "the summit, which took place in Kyiv": a meeting named with its own clause

    @property
    def lemma(self) -> str:
        return self.token.lemma_.lower()


def _lemma(token: Token, lex: Lexicon) -> str:
    """The token's lemma, mended where the model's lemmatizer is known to slip ('staged' -> 'stag')."""
    lemma = token.lemma_.lower()
    return lex.lemma_fixes.get(lemma, lemma)


def _child_lemmas(token: Token) -> set[str]:
    return {c.lemma_.lower() for c in token.children}


def _objects(token: Token) -> list[Token]:
    out = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    # "the law passed on April 15": the small model often parses the law as the subject
    out.extend(c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        out.append(token.head)  # "the law passed on April 15", "the plan signed by ..."
    for c in token.children:
        if c.dep_ == "prep" and c.lemma_.lower() == "into":  # "signed into law"
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _object_lemmas(token: Token) -> set[str]:
    lemmas: set[str] = set()
    for obj in _objects(token):
        lemmas.add(obj.lemma_.lower())
        lemmas.update(t.lemma_.lower() for t in obj.subtree if t.i - obj.i in range(-4, 1))
    return lemmas


def _verb_trigger(token: Token, sense: TriggerSense, lex: Lexicon) -> Trigger | None:
    lemma = _lemma(token, lex)
    if sense.intransitive and any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "nsubjpass", "attr")
                                  for c in token.children):
        return None
    if sense.needs and not (_child_lemmas(token) & set(sense.needs)):
        return None
    if sense.objects and not any(o.lemma_.lower() in sense.objects for o in _objects(token)):
        return None
    if sense.not_objects and any(o.dep_ != "nsubj" and o.lemma_.lower() in sense.not_objects
                                 for o in _objects(token)):
        return None
    if _vacancy_note(token):
        return None
    if sense.needs_object and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "nsubjpass")
                                      for c in token.children):
        return None
    if sense.needs_recipient and not any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "for")) for c in token.children
    ):
        return None
    if sense.needs_person_object and not any(
        c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "NORP", "GPE")
                              or c.lemma_.lower() in sense.person_nouns or credentials(c))
        for c in token.children
    ):
        return None
    type_ = sense.type
    if lemma in ("sign", "ratify") or sense.needs_policy_object:
        objects = _object_lemmas(token)
        if lemma in ("sign", "ratify") and objects & lex.international_instruments:
            type_ = "SUPPORT"  # a treaty, memorandum or joint statement between parties
        elif lemma in ("adopt", "issue", "release") and objects & lex.international_instruments and (
                lemma == "adopt" or "joint" in objects or (lemma == "release" and "following" in objects)):
            type_ = "SUPPORT"  # "adopted a joint declaration", "issued a joint statement"
        elif objects & lex.policy_nouns and lemma != "issue":
            type_ = "ENACT"
        else:
            return None
    if sense.needs_state_object and not any(
        c.dep_ == "dobj" and c.ent_type_ in ("GPE", "ORG") for c in token.children
    ):
        return None
    host = sense.host
    if lemma in ENDORSING_VERBS and _object_lemmas(token) & lex.international_instruments and \
            not sense.light and type_ == "SUPPORT":
        endorsed = TriggerSense(type="SUPPORT", light=True)  # "supports the draft joint declaration"
        return Trigger(token, token, "SUPPORT", None, endorsed)
    if lemma == "welcome" and _welcomes_a_visitor(token):
        return Trigger(token, token, "CONSULT", "visit", sense, host=True)
    return Trigger(token, token, type_, sense.mode, sense, host=host)


def credentials(token: Token) -> bool:
    """'credentials', 'letters of credence': what an envoy presents to the head of state."""
    lemma = token.lemma_.lower()
    return lemma in ("credential", "credence") or (lemma == "letter" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "credence" for g in c.children)
        for c in token.children))


# endorsing an agreement or declaration is SUPPORT of it, with or without a party named
ENDORSING_VERBS = frozenset({"support", "endorse", "back"})


def _vacancy_note(token: Token) -> bool:
    """'to be Ambassador ..., vice Jane Doe, resigned': a nominations list names whose seat is
    filled, not an act. The list writes 'vice' in lower case; 'Vice Premier', 'Vice President' are titles
    ("China's Vice Premier, Liu He, met ...")."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].text != ",":
        return False
    return any(t.text == "vice" for t in doc[max(0, token.i - 7):token.i - 1])


def _welcomes_a_visitor(token: Token) -> bool:
    """'welcomed Prime Minister X to the White House': a hosted visit, not praise."""
    has_person = any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
                     for c in token.children)
    to_place = any(c.dep_ == "prep" and c.lemma_.lower() == "to" for c in token.children)
    return has_person and to_place


def _noun_trigger(token: Token, sense: TriggerSense, lex: Lexicon) -> Trigger | None:
    head = token.head
    # climb a preposition or conjunction: "took part in talks", "support and commitment"
    steps = 0
    while head.pos_ not in ("VERB", "AUX") and head.dep_ in ("prep", "pobj", "conj", "dobj", "compound",
                                                             "appos") and steps < 3:
        if head.head.i == head.i:
            break
        head = head.head
        steps += 1
    head_lemma = _lemma(head, lex)
    if sense.act:
        direct = token.dep_ in ("dobj", "nsubjpass") or (token.dep_ == "conj" and token.head.dep_ == "dobj") \
            or (token.dep_ == "compound" and token.head.dep_ == "dobj") or _amount_of(token) \
            or _engaged_in(token, lex)
        if not direct or head.pos_ not in ("VERB", "AUX") or head_lemma not in lex.act_verbs:
            return None
        if sense.needs_verb and head_lemma not in sense.needs_verb:
            return None
        if sense.needs_mod and not any(c.lower_ in sense.needs_mod for c in token.children):
            return None
        return Trigger(token, head, sense.type, sense.mode, sense, host=sense.host)
    if sense.light:
        if head.pos_ not in ("VERB", "AUX") or head_lemma not in lex.light_verbs:
            return None
        if sense.needs_verb and head_lemma not in sense.needs_verb:
            return None
        if sense.possessor_of and not _owned_achievement(token):
            return None
        scope = list(token.subtree) + [t for c in head.children if c.dep_ == "prep" for t in c.subtree]
        if sense.needs_of and not any(t.lemma_.lower() in sense.needs_of for t in scope):
            return None
        return Trigger(token, head, sense.type, sense.mode, sense)
    if sense.type != "CONSULT":
        return None
    if sense.needs_mod and not any(c.lower_ in sense.needs_mod for c in token.children):
        return None  # "a video conference", not "a press conference"
    judged = head_lemma == "be" and any(c.dep_ == "acomp" for c in head.children) and \
        not any(c.dep_ in ("relcl", "acl") for c in token.children)  # "our talks will be useful"
    if token.dep_ in ("nsubj", "nsubjpass") and head_lemma in lex.consult_noun_subject_verbs | {"hold"} and \
            not judged:
        return Trigger(token, head, "CONSULT", _noun_mode(token, sense), sense)
    if head.pos_ in ("VERB", "AUX") and head_lemma in lex.consult_noun_verbs and token.dep_ != "nsubj":
        return Trigger(token, head, "CONSULT", _noun_mode(token, sense), sense)
    if _possessed_trip(token, sense):
        return Trigger(token, token, "CONSULT", "visit", sense)
    clause = _took_place(token)
    if clause is not None:
        return Trigger(token, clause, "CONSULT", _noun_mode(token, sense), sense, recalled=True)
    return None


def _took_place(noun: Token) -> Token | None:
    """'the meeting of X with Y, which took place in Glasgow', 'the summit, which was held on ...':
    a meeting recalled with a clause of its own (the parser may hang the clause on the last noun
    of the phrase)."""
    for t in noun.subtree:
        if t.dep_ == "acl" and t.head.i == noun.i and t.tag_ == "VBN" and t.lemma_.lower() == "hold" and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in t.children):
            return t  # "the talks between X and Y held via videoconference"
        if t.dep_ != "relcl" or t.head.i < noun.i:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in t.children):
            continue
        lemma = t.lemma_.lower()
        if (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in t.children)) or \
                (lemma == "hold" and any(c.dep_ == "auxpass" for c in t.children)):
            between = [x for x in noun.doc[noun.i + 1:t.i] if x.pos_ == "NOUN" and x.is_lower and
                       x.lemma_.lower() not in ("meeting", "talk", "summit", "visit")]
            return None if len(between) > 3 else t
    return None


def _possessed_trip(token: Token, sense: TriggerSense) -> bool:
    """'during the Prime Minister's visit to Astana', 'thanked X for his trip to Kyiv': a visit named
    by its visitor (the possessor) and its destination, whatever verb it hangs from."""
    if sense.mode != "visit" or token.dep_ == "nsubjpass":
        return False
    if not any(c.dep_ == "poss" for c in token.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children)
               for c in token.children)


def _stated_now(verb: Token) -> bool:
    """'they were satisfied', 'we are pleased': a stance stated as held, not 'will be satisfied',
    'would not be satisfied' or under 'I do not think that ...'."""
    for t in (verb, verb.head):
        if any(c.dep_ in ("aux", "neg") and c.lower_ not in ("be", "is", "are", "was", "were", "has", "have")
               for c in t.children):
            return False
        if t.dep_ not in ("ccomp", "conj"):
            break
    return True


# what a party has done or shown, whose importance is praise ('the importance of Canada's assistance');
# not what is asked of it ('the importance of Kiev's strict compliance with ...')
ACHIEVEMENTS = frozenset({"legislation", "law", "decision", "role", "contribution", "leadership", "support",
                          "assistance", "effort", "commitment", "initiative", "step", "reform", "sanction",
                          "measure", "position", "stance", "engagement", "aid", "help", "partnership",
                          "solidarity", "action", "package", "presence", "cooperation", "work"})


def _owned_achievement(token: Token) -> bool:
    """'the importance of New Zealand's new legislation': something a named party has done, not
    something still asked of it ('the importance of the EU's adoption in the near future of ...')."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in ACHIEVEMENTS and \
                    any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in obj.children):
                return not any(t.lower_ in ("future", "soon", "upcoming", "next") for t in token.subtree)
    return False


def _amount_of(token: Token) -> bool:
    """'provided $50 million in humanitarian assistance': the act noun hangs off the amount."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "in" and prep.head.dep_ == "dobj" and \
        any(t.like_num or t.text in ("$", "€", "£") for t in prep.head.subtree)


def _engaged_in(token: Token, lex: Lexicon) -> bool:
    """'engaged the patrol in a firefight', 'engaged in shelling': the act noun after 'in'."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "in" and _lemma(prep.head, lex) in lex.act_in_verbs


def _noun_mode(token: Token, sense: TriggerSense) -> str | None:
    words = {t.lower_ for t in token.subtree if t.i <= token.i}
    words |= {g.lower_ for c in token.children if c.dep_ in ("acl", "relcl") for g in c.subtree}
    if words & PHONE_WORDS or token.lemma_.lower() == "videoconference":
        return "phone"
    return sense.mode


WITH_VERBS = frozenset({"meet", "speak", "talk", "confer", "consult"})


def repair_with_phrases(sentence: SpacySpan) -> None:
    """'X spoke today with Y to discuss ...': the small model often reads 'with' as the mark of the
    purpose clause and Y as its subject. Hang 'with Y' back on the verb of talking."""
    for token in sentence:
        clause = token.head
        if token.lower_ != "with" or token.dep_ != "mark" or clause.dep_ not in ("advcl", "xcomp", "ccomp"):
            continue
        verb = clause.head
        if verb.lemma_.lower() not in WITH_VERBS or verb.i > token.i:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
            continue
        partner = next((c for c in clause.children if c.dep_ == "nsubj" and token.i < c.i < clause.i), None)
        if partner is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        token.head = verb
        token.dep_ = "prep"
        partner.head = token
        partner.dep_ = "pobj"


def repair_fronted_subject(sentence: SpacySpan) -> None:
    """'As part of his visit to X, President Y met with Z': the small model hangs the subject on the
    opening phrase (an apposition of its last noun). The phrase between the last comma and a main
    verb without a subject is that verb's subject."""
    root = sentence.root
    if root.pos_ != "VERB" or root.i - sentence.start < 4 or \
            any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in root.children):
        return
    commas = [t.i for t in sentence if t.text == "," and t.i < root.i - 1]
    if not commas:
        return
    phrase = sentence.doc[commas[-1] + 1:root.i]
    heads = [t for t in phrase if not (phrase.start <= t.head.i < phrase.end)]
    if len(heads) != 1 or heads[0].pos_ not in ("PROPN", "NOUN") or heads[0].dep_ not in ("appos", "conj"):
        return
    if not any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in phrase):
        return
    heads[0].head = root
    heads[0].dep_ = "nsubj"


def find_triggers(sentence: SpacySpan, lex: Lexicon) -> list[Trigger]:
    """Typed triggers of one sentence, in text order, one per anchor and type."""
    found: list[Trigger] = []
    for token in sentence:
        lemma = _lemma(token, lex)
        trigger: Trigger | None = None
        if token.pos_ == "VERB" and lemma in lex.verbs:
            for sense in lex.verbs[lemma]:
                trigger = _verb_trigger(token, sense, lex)
                if trigger is not None:
                    break
        elif token.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns and (
                token.is_lower or (lex.nouns[lemma].type == "CONSULT" and (
                    token.i != sentence.start or _common_noun_subject(token)))):
            for noun_sense in lex.noun_senses[lemma]:
                trigger = _noun_trigger(token, noun_sense, lex)
                if trigger is not None:
                    break
        elif token.pos_ == "ADJ" and lemma in lex.intent_adjectives and \
                any(c.dep_ == "xcomp" for c in token.children) and token.head.pos_ in ("AUX", "VERB"):
            sense = TriggerSense(type="AGREE")
            trigger = Trigger(token, token.head, "AGREE", None, sense)
        elif token.lower_ in lex.concern_adjectives and token.dep_ == "acomp" and any(
                c.dep_ == "prep" and c.lower_ in CONCERN_PREPS for c in token.children):
            sense = TriggerSense(type="ACCUSE", mode="disapprove")
            trigger = Trigger(token, token.head, "ACCUSE", "disapprove", sense)
        elif token.lower_ in lex.satisfaction_adjectives and token.dep_ == "acomp" and any(
                c.dep_ == "prep" and c.lower_ in ("with", "by") for c in token.children) and \
                _stated_now(token.head):
            trigger = Trigger(token, token.head, "SUPPORT", None, TriggerSense(type="SUPPORT"))
        if trigger is None:
            trigger = _charge(token)
        if trigger is not None:
            found.append(trigger)
        demand = _reported_demand(token, lex)
        if demand is not None:
            found.append(demand)
    return _dedupe(found)


CHARGE_NOUNS = frozenset({"violation", "breach", "crime"})
CHARGE_VERBS = frozenset({"be", "constitute", "represent"})


def _charge(token: Token) -> Trigger | None:
    """'Russia's recognition ... is a clear violation of international law', 'constitutes a breach
    of', 'is a war crime': calling an act a violation accuses whoever did it."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CHARGE_NOUNS or token.dep_ not in ("attr", "dobj"):
        return None
    head = token.head
    if head.lemma_.lower() not in CHARGE_VERBS or any(c.dep_ == "neg" for c in head.children):
        return None
    sense = TriggerSense(type="ACCUSE", mode="disapprove")
    return Trigger(token, head, "ACCUSE", "disapprove", sense, charge=True)


def _common_noun_subject(token: Token) -> bool:
    """'Talks were held ...', 'Negotiations are to be held ...': a sentence's first word, capitalised
    only for its place, as the subject of a verb (a heading such as 'Meeting with ...' has none)."""
    return token.tag_ in ("NN", "NNS") and token.dep_ in ("nsubj", "nsubjpass") and \
        token.text[1:].islower() and token.head.pos_ in ("VERB", "AUX")


def _reported_demand(token: Token, lex: Lexicon) -> Trigger | None:
    """'Russia said that Sudan must return the helicopter': the reporter demands it of Sudan.
    'The Kiev authorities should order ...' on its own: the voice of the release demands it."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT":
        return _direct_demand(token, lex)
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "ccomp":
        return None
    modal = any(c.dep_ == "aux" and c.lower_ in lex.demand_modals for c in token.children)
    if not modal or token.head.lemma_.lower() not in lex.demand_reporting_verbs:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in token.children):
        return None
    return Trigger(token.head, token.head, "REQUEST", None, TriggerSense(type="REQUEST"), demand_of=token)


def _direct_demand(token: Token, lex: Lexicon) -> Trigger | None:
    """A main clause 'X should / must V' (not 'should have', not a question) with a named subject."""
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if not aux & lex.demand_modals or aux & {"have", "'ve"}:
        return None
    if any(c.dep_ == "mark" or (c.dep_ == "punct" and c.text == "?") for c in token.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN") for c in token.children):
        return None
    return Trigger(token, token, "REQUEST", None, TriggerSense(type="REQUEST"), demand_of=token)


def _dedupe(triggers: list[Trigger]) -> list[Trigger]:
    """A light verb whose noun is a trigger ('offered support') counts once, as the noun."""
    noun_anchors = {t.anchor.i for t in triggers if t.token.i != t.anchor.i}
    kept: list[Trigger] = []
    seen: set[tuple[int, str]] = set()
    for t in triggers:
        if t.token.i == t.anchor.i and t.token.i in noun_anchors and t.type != "CONSULT":
            continue
        key = (t.anchor.i, t.type)
        if key in seen:
            continue
        seen.add(key)
        kept.append(t)
    return kept
