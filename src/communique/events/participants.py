"""Who acts and who is acted upon: actor and recipient mentions for a trigger.

Actors come from the anchor's subject (or the agent of a passive); recipients from its objects
and prepositional phrases. Words that point back ("the parties", "the two sides", "they") take
the participants of the occasion already found; "he", "the Secretary" take the last person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from communique.events.lexicon import Lexicon
from communique.events.mentions import ActorMention, Mentions
from communique.events.status import demanded_conjunct
from communique.events.triggers import Trigger, credentials

INHERIT_DEPS = ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
CONTROL_BY_OBJECT = ("urge", "ask", "invite", "call", "encourage", "press", "request", "persuade")
INVITING_NOUNS = ("invitation",)


@dataclass(slots=True)
class Discourse:
    """What earlier sentences established: the occasion's participants, the last person."""

    group: list[ActorMention] = field(default_factory=list)
    last_person: ActorMention | None = None
    last_actors: list[ActorMention] = field(default_factory=list)
    home_country: str | None = None
    delegation: ActorMention | None = None  # the last delegation whose state the text gave


def token_span(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def subject_of(anchor: Token) -> tuple[Token | None, bool]:
    """The subject of the clause at `anchor`; True when it was inherited from an object
    ('urged X to ...', 'invited X to visit')."""
    if anchor.pos_ in ("NOUN", "PROPN"):  # a possessed visit: "the Prime Minister's visit to ..."
        possessors = [c for c in anchor.children if c.dep_ == "poss"]
        if not possessors:
            return None, False
        if possessors[0].pos_ == "PRON" and anchor.dep_ == "pobj" and anchor.head.dep_ == "prep":
            # "thanked X for his visit": the one thanked; "X told Y about ... during his visit": X
            verb = anchor.head.head
            prep = anchor.head.lower_  # "embarked on his trip", "during her visit": the subject
            deps = ("dobj", "dative") if prep == "for" else ("nsubj",)
            named = [c for c in verb.children if c.dep_ in deps and c.pos_ == "PROPN"]
            if named:
                return named[0], False
        return possessors[0], False
    token = anchor
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0], False
        if subjects and subjects[0].dep_ != "expl":
            return subjects[0], False
        if subjects:  # "It was confirmed that ...": an impersonal report
            return subjects[0], False
        if (token.dep_ in ("xcomp", "advcl") or demanded_conjunct(token)) and \
                token.head.lemma_.lower() in CONTROL_BY_OBJECT:
            objects = [c for c in token.head.children if c.dep_ in ("dobj", "dative")]
            objects += [g for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                        for g in c.children if g.dep_ == "pobj"]
            if objects:
                return objects[0], True
        if token.dep_ == "acl" and token.head.lemma_.lower() in INVITING_NOUNS:
            invitee = _invitee(token.head)  # "extended an invitation to X to visit": X visits
            if invitee is not None:
                return invitee, True
        if token.dep_ == "acomp" and token.pos_ == "VERB" and token.i == anchor.i:
            token = token.head  # "Israel is opposed to ...": the participle shares the copula's subject
            continue
        if token.dep_ in INHERIT_DEPS and token.head.i != token.i:
            if token.dep_ in ("acl", "relcl"):
                return None, False
            token = token.head
            if token.pos_ == "ADP":
                token = token.head
            continue
        break
    return None, False


def _invitee(noun: Token) -> Token | None:
    """Who an invitation is addressed to: 'an invitation to X', 'extended (to) X an invitation'."""
    for head in (noun, noun.head):
        for c in head.children:
            if c.dep_ == "dative":
                return c
            if c.dep_ == "prep" and c.lower_ == "to":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _refers_to_group(token: Token, lex: Lexicon) -> bool:
    words = {t.lower_ for t in token.subtree} | {t.lemma_.lower() for t in token.subtree}
    return bool(words & lex.group_refs) and token.lower_ not in ("he", "she")


def _refers_to_person(token: Token, lex: Lexicon) -> bool:
    return token.lower_ in lex.single_refs or token.lemma_.lower() in lex.single_refs


def resolve_subject(subject: Token | None, mentions: Mentions, discourse: Discourse,
                    lex: Lexicon) -> list[ActorMention]:
    """Actor mentions for a subject phrase, resolving words that point back."""
    if subject is None:
        return []
    if subject.pos_ == "PRON" and subject.head.dep_ == "ccomp" and subject.head.head.i != subject.head.i:
        # "Switzerland said it had expelled ...": the pronoun is the reporting subject
        reporter = [c for c in subject.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if reporter and reporter[0].pos_ != "PRON":
            named = resolve_subject(reporter[0], mentions, discourse, lex)
            if named:
                return named
    if subject.dep_ == "expl" or subject.lower_ == "it":
        return list(discourse.group)
    start, end = token_span(subject)
    found = [m for m in mentions.actors if m.country and m.start < end and start < m.end]
    modifiers = [token_span(c) for head in [subject, *subject.conjuncts] for c in head.children
                 if c.i > head.i and (c.dep_ in ("prep", "relcl", "acl")
                                      or (c.dep_ == "appos" and head.ent_type_ == "PERSON"))]
    core = [m for m in found if not any(s <= m.start and m.end <= e for s, e in modifiers)]
    found = core or found
    if len(found) > 1 and subject.ent_type_:  # "NATO-member Norway": the head names the actor
        listed = [subject, *subject.conjuncts]
        listed += [a for t in list(listed) for c in t.children if c.dep_ == "appos"
                   for a in (c, *c.conjuncts)]
        heads = [m for m in found if any(m.start <= t.idx < m.end for t in listed)]
        found = heads or found
    if found:
        named_people = [m for m in found if m.kind == "person"]
        return named_people or found
    if subject.pos_ in ("PROPN", "NOUN") and subject.text[:1].isupper():
        named = [m for m in mentions.actors if m.kind == "person" and m.country and m.end <= start
                 and m.text.split()[-1] == subject.text]
        if named:  # "Zelenskyy invited ...": the surname of someone named in full before
            return [named[-1]]
    if subject.lower_ in ("we", "our", "us", "i", "me") and discourse.home_country:
        return [ActorMention(start, end, subject.text, discourse.home_country, "GOV", None, "state")]
    if subject.lemma_.lower() in lex.unnamed_groups:  # "insurgents bombarded ...": country unknown
        return [ActorMention(start, end, subject.text, None, "REB", None, "group")]
    if subject.lemma_.lower() in lex.occasion_refs:
        return list(discourse.group)
    if _refers_to_group(subject, lex) and subject.lower_ not in lex.single_refs | {"president", "minister"}:
        return list(discourse.group)
    if subject.tag_ in ("NNS", "NNPS") and _refers_to_group(subject, lex):
        return list(discourse.group)
    if _refers_to_person(subject, lex):
        if discourse.last_person is not None:
            return [discourse.last_person]
        if discourse.home_country and subject.pos_ != "PRON":
            return [ActorMention(start, end, subject.text, discourse.home_country, "GOV", None, "person")]
    if subject.lower_ in ("we", "our") and discourse.home_country:
        return [ActorMention(start, end, subject.text, discourse.home_country, "GOV", None, "state")]
    return []


def release_voice(token: Token, discourse: Discourse) -> list[ActorMention]:
    """Who speaks an unreported statement at `token`: the last official named, else the publisher's
    state; [] when the article gives neither."""
    if discourse.last_person is not None:
        return [discourse.last_person]
    if discourse.home_country:
        return [ActorMention(token.idx, token.idx, "", discourse.home_country, "GOV", None, "state")]
    return []


CLAUSE_DEPS = ("advcl", "relcl", "acl", "npadvmod", "parataxis")


def _excluded_ranges(trigger: Trigger, others: list[Trigger], subject: Token | None) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    if subject is not None:
        ranges.append(token_span(subject))
    # side clauses ("since Tirana split with Moscow") are not the event's own participants
    ranges.extend(token_span(c) for c in trigger.anchor.children
                  if c.dep_ in CLAUSE_DEPS and c.i != trigger.token.i)
    for other in others:
        if other is trigger or other.anchor.i == trigger.anchor.i:
            continue
        if other.anchor.is_ancestor(trigger.anchor) or other.anchor.i == trigger.token.i:
            continue
        if trigger.anchor.is_ancestor(other.anchor) or trigger.token.is_ancestor(other.anchor):
            ranges.append(token_span(other.anchor))
    return ranges


def object_mentions(trigger: Trigger, others: list[Trigger], subject: Token | None,
                    mentions: Mentions) -> list[ActorMention]:
    """Mentions in the anchor's clause outside its subject and outside nested events."""
    anchor = trigger.anchor
    start, end = token_span(anchor)
    if trigger.token.i != anchor.i:
        t_start, t_end = token_span(trigger.token)
        start, end = min(start, t_start), max(end, t_end)
    excluded = _excluded_ranges(trigger, others, subject)
    subject_range = [token_span(subject)] if subject is not None else []
    for ranges in (excluded, subject_range):
        out = []
        for m in mentions.actors_in(start, end):
            if not m.country or any(s <= m.start and m.end <= e for s, e in ranges):
                continue
            if m.start < anchor.idx and trigger.token.i == anchor.i and not passive_subject(m, anchor):
                continue  # before the verb and not its subject: an adverbial ("In Kyiv, ...")
            out.append(m)
        if out:
            return out
    return []


def passive_subject(m: ActorMention, anchor: Token) -> bool:
    """'The camp was attacked by militiamen': the passive subject is the one acted upon."""
    has_agent = any(c.dep_ == "agent" for c in anchor.children)
    for c in anchor.children:
        if c.dep_ == "nsubjpass" and has_agent:
            start, end = token_span(c)
            if start <= m.start and m.end <= end:
                return True
    return False


def unique(mentions: list[ActorMention]) -> list[ActorMention]:
    """One participant per entity (or per country when no entity is known)."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        key = m.entity or f"country:{m.country}:{m.text.lower()}"
        if key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out


def prefer_people(mentions: list[ActorMention]) -> list[ActorMention]:
    """Named officials stand for their state: drop a state mention whose country a person has."""
    people = {m.country for m in mentions if m.kind == "person"}
    return [m for m in mentions if m.kind == "person" or m.country not in people]


def unique_countries(mentions: list[ActorMention]) -> list[ActorMention]:
    seen: set[str | None] = set()
    out = []
    for m in mentions:
        if m.country not in seen:
            seen.add(m.country)
            out.append(m)
    return out


def countries_of(mentions: list[ActorMention]) -> set[str]:
    return {m.country for m in mentions if m.country}


PARTNER_PREPS = ("with", "between", "by", "among", "and")


LEADING_VERBS = ("lead", "head")


def _about_phrase(token: Token, keep_relative: bool = False) -> bool:
    """A phrase inside a participant phrase that says what it is about ('regarding X')."""
    if token.dep_ == "prep":
        return token.lower_ not in ("of", "from", "with", "and")
    if keep_relative and token.dep_ in ("relcl", "advcl"):
        return False  # "the law passed ..., which toughened the penalties in Kazakhstan"
    if token.dep_ == "acl" and token.lemma_.lower() in LEADING_VERBS and \
            any(c.dep_ == "agent" for c in token.children):
        return False  # "a delegation led by X", "the mission headed by X": who it is
    return token.dep_ in ("acl", "relcl", "advcl") or token.lower_ in ("regarding", "concerning")


def phrase_core(root: Token, *, keep_relative: bool = False) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """A phrase's span and the spans inside it that say what it is about, not who it is."""
    cut = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in root.subtree
           if t.i != root.i and _about_phrase(t, keep_relative)]
    return (root.left_edge.idx, root.right_edge.idx + len(root.right_edge.text)), cut


def consult_partners(trigger: Trigger, objects: list[ActorMention]) -> list[ActorMention]:
    """The other side of a meeting: objects ('met X'), 'with X', 'between X and Y', 'co-chaired by X';
    not what the meeting was about ('regarding Russia's attack on Ukraine')."""
    phrases: list[tuple[tuple[int, int], list[tuple[int, int]]]] = []
    preps = PARTNER_PREPS + ("to",) if trigger.host else PARTNER_PREPS  # "gave a welcome to X"
    if trigger.host and any(c.dep_ == "dobj" and credentials(c) for c in trigger.anchor.children):
        preps += ("from",)  # "received credentials from the Ambassador of X": the envoy's state
    held: list[tuple[int, int]] = []  # a hosted object, whose title may run on past the parse
    for head in {trigger.anchor, trigger.token}:
        for child in head.children:
            if child.dep_ in ("dobj", "dative", "attr", "agent") or \
                    (child.dep_ == "prep" and child.lower_ in preps):
                phrases.append(phrase_core(child))
                if trigger.host and child.dep_ == "dobj":
                    held.append(phrases[-1][0])
            elif child.dep_ == "advcl" and any(g.dep_ == "agent" for g in child.children):
                phrases.append(phrase_core(child))  # "co-chaired by ...", a participle off the verb
            elif trigger.recalled and head.i == trigger.token.i and (
                    child.dep_ in ("compound", "nmod", "amod", "poss") or
                    (child.dep_ == "prep" and child.lower_ == "of")):
                phrases.append(phrase_core(child))  # "the Ukraine-EU Summit", "the meeting of X with Y"
    out = []
    for m in objects:
        if any(start <= m.start < end < m.end for start, end in held):
            out.append(m)  # "received the Ambassador of Japan [to Ukraine]" parsed with 'to' on the verb
            continue
        for (start, end), cut in phrases:
            if start <= m.start and m.end <= end and not any(s <= m.start and m.end <= e for s, e in cut):
                out.append(m)
                break
    return out


TARGET_DEPS = ("dobj", "dative", "attr", "oprd", "prep", "nsubjpass", "pobj", "ccomp", "xcomp")
ADDRESSEE_PREPS = ("on", "upon", "against", "to")


def _addressee(token: Token) -> bool:
    """An object, or 'on / against / to' a party (not 'on Monday')."""
    if token.dep_ in ("dobj", "dative"):
        return True
    return token.dep_ == "prep" and token.lower_ in ADDRESSEE_PREPS and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in token.children)


def directed_targets(trigger: Trigger, objects: list[ActorMention]) -> list[ActorMention]:
    """Who a directed act is aimed at: the objects and prepositional phrases of its word, without
    the phrases nested inside them ('support Turkey's efforts [to join the EC]')."""
    phrases = []
    heads = {trigger.anchor, trigger.token}
    # an addressee besides the trigger word itself ("thanked X for", "impose costs on X for")
    has_object = any(c.i != trigger.token.i and _addressee(c) for head in heads for c in head.children)
    for head in heads:
        for child in head.children:
            if has_object and child.dep_ == "prep" and child.lower_ == "for":
                continue  # "thanked X for their support": the reason, not the addressee
            if trigger.type == "AGREE" and child.dep_ == "prep" and child.lower_ not in ("with", "to"):
                continue  # "agreed on the need to ...": what was agreed, not with whom
            if child.dep_ in TARGET_DEPS and child.i != trigger.token.i:
                phrases.append(phrase_core(child, keep_relative=True))
    out = []
    for m in objects:
        for (start, end), cut in phrases:
            if start <= m.start and m.end <= end and not any(s <= m.start and m.end <= e for s, e in cut):
                out.append(m)
                break
    return out or list(objects)  # nothing in the phrases: every mention of the clause


def enact_actors(trigger: Trigger, actors: list[ActorMention], objects: list[ActorMention],
                  mentions: Mentions) -> list[ActorMention]:
    """The enacting body: the agent ('signed by the President'), else the state the act is about."""
    if actors:
        return actors[:1]
    head = trigger.anchor.head if trigger.anchor.dep_ in ("acl", "relcl") else None
    if head is not None:
        start = head.left_edge.idx
        right = head.right_edge
        found = [m for m in mentions.actors_in(start, right.idx + len(right.text)) if m.country]
        if found:
            return found[:1]
    return objects[:1]


def expand_groupings(mentions: list[ActorMention]) -> list[ActorMention]:
    """A summit of a grouping ('the G7 Leaders' Summit') is a meeting of its member states."""
    out: list[ActorMention] = []
    for m in mentions:
        if m.members:
            out.extend(ActorMention(m.start, m.end, m.text, code, "GOV", None, "state") for code in m.members)
        else:
            out.append(m)
    return out
