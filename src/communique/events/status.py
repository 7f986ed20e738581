"""Status of an event from tense, modality, negation and the verbs that govern it.

EXTRACTION.md section 3: "will meet", "agreed to hold", "plans to" → planned; "if", "could",
"called for" (the called-for act) → hypothetical; "did not", "cancelled" → negated; everything
reported as done → occurred.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.events.lexicon import Lexicon

MODAL_JUDGEMENTS = frozenset({"impossible", "possible", "necessary", "important", "essential", "vital",
                              "crucial", "imperative", "critical", "unacceptable", "unlikely", "likely",
                              "difficult", "time", "need"})
CLIMB_DEPS = ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acomp", "ccomp", "dobj", "relcl", "acl")


def _own_status(token: Token, lex: Lexicon) -> str | None:
    """What the words attached to this verb (or noun) say, if anything."""
    st = lex.status
    children = list(token.children)
    lemmas = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "det")}
    if any(c.dep_ == "neg" for c in children) or lemmas & {"never"}:
        return "negated"
    if lemmas & st["planned_aux"]:
        return "planned"
    if lemmas & st["hypothetical_aux"]:
        return "hypothetical"
    if lemmas & st["reported_future_aux"]:
        return "planned"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children):
        return "hypothetical"
    # "are to be held", "is to visit": be + to-infinitive
    if "to" in {c.lower_ for c in children if c.dep_ == "aux"} and token.head.lemma_ == "be" \
            and token.dep_ in ("xcomp", "ccomp"):
        judged = [c for c in token.head.children if c.dep_ in ("attr", "acomp")]
        if not judged:
            return "planned"
        if any(c.lemma_.lower() in MODAL_JUDGEMENTS for c in judged):
            return "hypothetical"  # "it is necessary to introduce", "it is impossible to occupy"
        # "it is a pleasure to meet with you": the meeting is under way, the words say nothing
    if token.pos_ in ("NOUN", "PROPN") and {c.lower_ for c in children if c.dep_ in ("amod", "compound")} \
            & st["future_modifiers"] and not _done(_governing_verb(token)):
        return "planned"  # "the upcoming visit"; not "held a planned discussion"
    return None


def _governing_verb(token: Token) -> Token | None:
    """The verb a noun hangs from, through prepositions ('took part in the planned meeting')."""
    head = token
    for _ in range(3):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def _done(verb: Token | None) -> bool:
    """A verb in the simple past or the perfect ('held', 'has held'), with no modal before it."""
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and bool(aux & {"has", "have", "had"}) and not aux & {"will", "would", "shall"}


DEMAND_HEADS = frozenset({"urge", "ask", "call", "encourage", "press", "request", "invite", "appeal"})


def demanded_conjunct(token: Token) -> bool:
    """'We call on X to cease A, release B, and allow C' parsed with 'allow' joined to 'call': a verb
    without a subject of its own, coordinated with a demand that already has its 'to' act."""
    if token.dep_ != "conj" or token.tag_ != "VB" or token.head.lemma_.lower() not in DEMAND_HEADS:
        return False  # the demanded acts are bare infinitives ('allow'), not 'corridors agreed upon'
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    return any(c.dep_ == "xcomp" and c.i < token.i for c in token.head.children)


def event_status(anchor: Token, lex: Lexicon, *, is_agree_head: bool = False) -> str:
    """Status of the event stated at `anchor`, climbing through the verbs that govern it."""
    st = lex.status
    noun = anchor.pos_ in ("NOUN", "PROPN")  # a named visit: "preparations for X's visit to Y"
    modifiers = {c.lower_ for c in anchor.children if c.dep_ in ("amod", "compound")}
    if noun and modifiers & st["future_modifiers"]:
        return "planned"  # "discussed trade during X's planned visit to Y": the visit is ahead
    own = _own_status(anchor, lex)
    if own:
        return own
    token = anchor
    for _ in range(4):
        if noun and token.i != anchor.i and token.pos_ == "NOUN" and \
                token.lemma_.lower() in st["planned_nouns"]:
            return "planned"
        if demanded_conjunct(token):
            return "hypothetical"
        if noun and token.dep_ in ("attr", "nsubj") and token.head.i != token.i:
            # "this will be her first visit to X", "his trip to X will help"
            return _own_status(token.head, lex) or event_status(token.head, lex)
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            break
        head = token.head
        head_lemma = head.lemma_.lower()
        infinitive = token.dep_ in ("xcomp", "pcomp", "advcl", "prep") or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if head.pos_ in ("VERB", "AUX"):
            if infinitive and head_lemma in st["negated_heads"] and head_lemma != "call":
                return "negated"
            if infinitive and head_lemma in st["hypothetical_heads"] and head_lemma not in ("offer",):
                if head_lemma == "call" and not any(c.lower_ in ("for", "on", "upon") for c in head.children):
                    pass
                else:
                    return "hypothetical"
            if infinitive and head_lemma in st["planned_heads"]:
                return "planned"
            head_status = _own_status(head, lex)
            if head_status and token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep"):
                return head_status
        elif token.dep_ == "pobj" and head.lemma_.lower() == "for" and head.head.lemma_.lower() == "call":
            return "hypothetical"
        elif head.pos_ == "NOUN" and token.dep_ in ("acl", "ccomp") and \
                head.lemma_.lower() in st["hypothetical_heads"] - {"offer"}:
            return "hypothetical"  # "its demand that Ukraine withdraw", "the need to restore"
        token = head
    return "occurred"
