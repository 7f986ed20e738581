"""Turn lexicon pieces into mentions: states, people, organisations, IGOs and places.

The composer walks the pieces of a text left to right and decides what each names, using
its neighbours: a title starts a person (`persons.TitleReader`), a state word before a
generic body makes a national organisation ("the Kazakh MFA"), a capital is a place after
"in"/"to"/"at" and the government otherwise ("Washington said"), a city is a place when
the text or spaCy's tagger treats it as one. spaCy's PERSON names fill in people the
lexicon does not know, and its ORG names with a national head word ("party", "coalition",
"university") organisations, whose country the sentence gives (`context.fill_body_countries`);
its other labels are only used as hints, never trusted alone.

A known surname is only the known person when nothing written next to it says otherwise:
given names the knowledge base does not give them ("Jill Biden", "Karen Bass"), a longer name
the parse reads ("Anton Vaino"), a place noun ("King County") or a place reading ("in Austin,
Texas") make it someone or something else. Mentions take the country of the state that held
the territory on the article's date (`succession.state_on`: "Juba" in 2000 is Sudan's).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from communique.actors.kb import Person, given_names_fit, is_woman, pick_person
from communique.actors.lexicon import Lexicon, Organization, State
from communique.actors.matcher import Piece
from communique.actors.mentions import (
    ACTS_ON_PLACES,
    LOCATIVE_WORDS,
    NAME_SUFFIXES,
    NOT_NAMES,
    PLACE_BEFORE_OF,
    Mention,
)
from communique.actors.peoples import after_anti_pro, group_mention, region_group
from communique.actors.persons import (
    COUNTRY_KINDS,
    GEOGRAPHIC_NOUNS,
    PLACE_NOUNS,
    PersonMatch,
    TitleReader,
    is_glued,
)
from communique.actors.places import Place, ascii_fold, rank_places
from communique.actors.succession import state_on
from communique.actors.tokens import Token

SPACY_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Honorifics that name a woman: "Mrs. Biden" is not President Biden.
WOMEN_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "madame", "mme", "dame", "lady", "frau"})
# Words before a surname that are no given name ("Mr Biden", "Sheikh Tamim").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister", "dr", "prof", "professor", "sir", "dame", "lord",
                        "lady", "madam", "madame", "mme", "herr", "frau", "sheikh", "sheik", "gen", "general",
                        "col", "colonel", "sen", "rep", "gov", "ayatollah", "imam", "rabbi", "father",
                        "saint", "st", "comrade", "citizen", "justice", "judge", "hon", "honorable",
                        "maulana", "mawlana", "mullah", "maulvi", "haji", "hajji", "rev", "reverend",
                        "pastor", "bishop", "archbishop", "cardinal", "patriarch", "metropolitan", "baron",
                        "baroness",
                        "count", "countess", "duke", "duchess", "candidate", "nominee", "admiral", "adm",
                        "marshal", "field", "lt", "lieutenant", "major", "maj", "captain", "capt", "sergeant",
                        "sgt", "commander", "brigadier", "brig", "chairman", "chairwoman", "premier",
                        "president", "minister", "secretary", "ambassador", "senator", "congressman",
                        "congresswoman", "representative", "speaker", "leader", "chief", "first", "former",
                        "late", "then", "acting", "deputy", "vice", "new", "young", "old", "little", "big"})
# Capitalised words that open a sentence before a name ("Yesterday Biden said"), for texts
# without a parse.
SENTENCE_OPENERS = frozenset({"yesterday", "today", "tomorrow", "tonight", "then", "when", "after", "before",
                              "but", "and", "so", "as", "if", "while", "since", "although", "though",
                              "meanwhile", "later", "earlier", "now", "here", "there", "also", "only",
                              "did", "does", "has", "had", "will", "would", "should", "can", "could",
                              "how", "why", "what", "where", "who", "whom", "once", "until", "because",
                              "instead", "still", "yet", "however", "moreover", "thus", "first", "finally",
                              "separately", "previously", "last", "next", "both", "neither", "either",
                              "under", "with", "without", "from", "by", "to", "of", "said", "says"})
# Nouns that make a capital part of a name for a text or a process ("the Minsk agreements").
DOCUMENT_NOUNS = frozenset({"agreement", "agreements", "accord", "accords", "protocol", "protocols",
                            "declaration", "format", "process", "memorandum", "treaty", "convention",
                            "consensus", "communique", "initiative", "principles", "document"})
# Last words of a name the parse reads as a person's that make it no person: a text ("the Abraham
# Accords"), a place ("Kapsel Cove"), an event ("the Olympic Games").
NOT_PERSON_TAILS = DOCUMENT_NOUNS | GEOGRAPHIC_NOUNS | frozenset({"olympic", "olympics", "games"})


class Composer:
    """Mentions of one text (an article or a phrase), read from its lexicon pieces."""

    def __init__(self, text: str, tokens: list[Token], pieces: list[Piece], lex: Lexicon, *,
                 date: dt.date | None = None, spacy_doc: Any = None, home: str | None = None,
                 phrase_mode: bool = False) -> None:
        """`phrase_mode`: the text is a short actor phrase, not running prose, so lower-case
        titles and bare city names count."""
        self.text = text
        self.tokens = tokens
        self.pieces = pieces
        self.lex = lex
        self.date = date
        self.home = home
        self.phrase_mode = phrase_mode
        self.ent_labels = _entity_labels(spacy_doc)
        person_spans = [(s, e) for s, e, label in self.ent_labels if label == "PERSON"]
        self.reader = TitleReader(text, tokens, pieces, lex, date=date, home=home, person_spans=person_spans)
        self.given_name_states: set[int] = set()  # pieces of a state name that is a given name here
        self.spacy_doc = spacy_doc
        self.countries = {e.ref.iso3 for p in pieces for e in p.entries if e.kind in ("state", "demonym")}
        self.group_country: dict[int, str] = {}  # piece index → country of a group word there

    # --- helpers -------------------------------------------------------------------------------
    def _label_at(self, start: int, end: int) -> str | None:
        for s, e, label in self.ent_labels:
            if s < end and start < e:
                return label
        return None

    def _is_locative(self, piece: Piece) -> bool:
        """Whether the words before a name make it a place: "in", "visited", "the city of", and
        acts done to places ("shelled Kharkiv"), which keep a town spaCy reads as a person."""
        i = piece.i - 1
        if i >= 0 and self.tokens[i].norm == "the":
            i -= 1
        if i >= 1 and self.tokens[i].norm == "of" and self.tokens[i - 1].norm in PLACE_BEFORE_OF:
            return True  # "the city of Sumy", "the outskirts of Kharkiv"
        return i >= 0 and self.tokens[i].norm in LOCATIVE_WORDS | ACTS_ON_PLACES

    def _next_is_name_word(self, piece: Piece) -> bool:
        """Whether a capitalised word continues the piece ("Washington Post", "Moscow State")."""
        j = piece.j
        if j >= len(self.tokens) or "\n" in self.text[piece.end:self.tokens[j].start]:
            return False
        nxt = self.tokens[j]
        piece_next = self.reader.piece_starting(j)
        if piece_next is not None:  # "Federal Minister", "Kyiv authorities"; not "Darfur rebels"
            head = piece_next.first("head")
            return "title" in piece_next.kinds() or (head is not None and head.ref.makes_entity)
        return nxt.is_cap and nxt.text[:1].isalpha()

    def _state_after_comma(self, piece: Piece) -> State | None:
        j = piece.j
        if j + 1 < len(self.tokens) and self.tokens[j].text == ",":
            nxt = self.reader.piece_starting(j + 1)
            if nxt is not None and nxt.first("state"):
                return nxt.first("state").ref
        return None

    # --- per kind ------------------------------------------------------------------------------
    def _state(self, piece: Piece, state: State) -> Mention:
        earlier = state_on(state.iso3, self.date)
        if earlier != state.iso3 and earlier in self.lex.states:
            state = self.lex.states[earlier]  # a state that did not exist yet: the one it left
        return Mention("state", piece.start, piece.end, piece.text, state.name, country=state.iso3,
                       key=state.iso3, ref=state)

    def _place(self, piece: Piece, place: Place) -> Mention:
        key = str(place.geonameid) if place.geonameid else place.name
        return Mention("place", piece.start, piece.end, piece.text, place.name, country=place.country,
                       key=key, ref=place)

    def _choose_place(self, piece: Piece, country: str | None = None) -> Place | None:
        candidates = [e.ref for e in piece.of_kind("place")]
        if country:
            candidates = [p for p in candidates if p.country == country] or candidates
        return rank_places(candidates, self.countries)

    def _capital(self, piece: Piece) -> Mention | None:
        state = piece.first("capital").ref
        if self._is_locative(piece) or self._state_after_comma(piece):
            place = self._choose_place(piece, state.iso3)
            if state.iso3 not in self.countries:  # Tripoli in an article about Lebanon is Lebanon's
                place = next((p.ref for p in piece.of_kind("place") if p.ref.country in self.countries
                              and p.ref.population >= 100_000), place)
            return self._place(piece, place) if place else None
        if self._next_is_name_word(piece) or self._previous_is_name_word(piece):
            return None
        if piece.j < len(self.tokens) and self.tokens[piece.j].norm in DOCUMENT_NOUNS:
            return None  # "the Minsk agreements" name a text, not a government
        return self._state(piece, state)

    def _previous_is_name_word(self, piece: Piece, allow: frozenset[str] = frozenset()) -> bool:
        """Whether a capitalised word, not the first of its sentence nor one of `allow`, runs into
        the piece on the same line ("George Washington")."""
        i = piece.i - 1
        if i < 0 or (i == 0 and not self.phrase_mode) or self.reader.piece_ending(piece.i) is not None:
            return False
        prev = self.tokens[i]
        if i == 0:  # a phrase's first word: "Homeland Union" is a party, not a town
            return prev.is_cap and prev.text[:1].isalpha() and prev.norm not in allow | {"the"}
        if "\n" in self.text[prev.end:piece.start] or prev.norm in allow:
            return False
        return (prev.is_cap and prev.text[:1].isalpha() and prev.norm != "the"
                and self.tokens[i - 1].text not in {".", "!", "?", ":", '"', "“"}
                and "\n" not in self.text[self.tokens[i - 1].end:prev.start])

    def _reads_as_place(self, piece: Piece) -> bool:
        """Whether a word that is both a known surname and a town reads as the town here: after
        "in", "near", "at", before ", <state or region>", or tagged a place by the parse."""
        label = self._label_at(piece.start, piece.end)
        if label == "PERSON":
            return False
        i = piece.i - 1
        if self._state_after_comma(piece) or (i >= 0 and self.tokens[i].norm in {"in", "near", "at"}):
            return True  # not "to"/"from": "a letter to Obama" is the person
        j = piece.j
        if j + 1 < len(self.tokens) and self.tokens[j].text == ",":
            nxt = self.reader.piece_starting(j + 1)
            if nxt is not None and any(e.ref.kind == "region" for e in nxt.of_kind("place")):
                return True  # "Austin, Texas"
        return label in SPACY_PLACE_LABELS

    def _acronym_alias(self, piece: Piece) -> bool:
        """Whether an all-capital word matches only other names of towns ("IRNA"), not a town's
        own name as a dateline writes it ("ASTANA") nor one of our curated names."""
        if not (piece.text.isupper() and len(piece.text) > 1):
            return False
        own = piece.text.lower()
        return all(not e.ref.curated and ascii_fold(e.ref.name).lower() != ascii_fold(own)
                   and e.ref.name.lower() != own for e in piece.of_kind("place"))

    def _city(self, piece: Piece) -> Mention | None:
        if self._next_is_name_word(piece) or self._previous_is_name_word(piece):
            return None
        if piece.text.lower() in NOT_NAMES:
            return None  # "in March" is a month, not the town in Cambridgeshire
        places = [e.ref for e in piece.of_kind("place")]
        curated = any(p.curated for p in places)
        label = self._label_at(piece.start, piece.end)
        if not (curated or self.phrase_mode or self._is_locative(piece) or label in SPACY_PLACE_LABELS
                or self._state_after_comma(piece)):
            return None
        if label == "PERSON" and not self._is_locative(piece):
            return None
        after = self._state_after_comma(piece)
        place = self._choose_place(piece, after.iso3 if after else None)
        return self._place(piece, place) if place else None

    def _named_org(self, piece: Piece, org: Organization) -> Mention:
        if org.place and self._is_locative(piece):
            place = self._choose_place(piece)
            if place is not None:
                return self._place(piece, place)
        kind = "igo" if org.kind == "igo" else "organization"
        return Mention(kind, piece.start, piece.end, piece.text, org.name, country=org.country,
                       sector=org.sector, key=f"org:{org.name}", ref=org, members=org.members)

    def _head(self, k: int, head: Organization, *, use_home: bool = True) -> tuple[Mention | None, int]:
        piece = self.pieces[k]
        state, start = self.reader.prefix_country(piece.i)
        before = self.reader.piece_at[piece.i - 1] if piece.i > 0 else None
        if before is not None and before in self.group_country:  # "Moslem forces", "ethnic Albanian forces"
            state, start = self.lex.states[self.group_country[before]], self.pieces[before].i
        end, last = piece.end, k
        if state is None:
            j = piece.j
            if j + 1 < len(self.tokens) and self.tokens[j].norm in {"of", "in"}:
                j2 = j + 2 if self.tokens[j + 1].norm == "the" else j + 1
                nxt = self.reader.piece_starting(j2)
                entry = nxt.first(*COUNTRY_KINDS) if nxt is not None else None
                if entry is not None and not nxt.first("org"):
                    state, end, last = entry.ref, nxt.end, k + 1
        if (state is None and use_home and self.home in self.lex.states and piece.text[:1].isupper()
                and piece.i > 0 and self.tokens[piece.i - 1].norm == "the"):
            state = self.lex.states[self.home]  # "the Government" in a release means the publisher's own
        if state is None or not head.makes_entity:
            return None, k
        start_char = self.tokens[start].start if start < piece.i else piece.start
        name = f"{head.name} of {definite(state.name)}"
        return Mention("organization", start_char, end, self.text[start_char:end], name,
                       country=state.iso3, sector=head.sector, key=f"org:{name}", ref=head), last

    def _known_person(self, piece: Piece, person: Person) -> Mention | None:
        single = len(piece.text.split()) == 1 and piece.text == person.surname
        if single and "-" in (self.text[piece.start - 1:piece.start], self.text[piece.end:piece.end + 1]):
            return None  # "Shan-e-Mustafa" is a name of its own
        if single and piece.j < len(self.tokens) and self.tokens[piece.j].norm in PLACE_NOUNS:
            return None  # "King County", "Lincoln Park" name places
        if single and (piece.text.lower() in NOT_NAMES or not self._looks_like_name(piece)
                       or self._label_at(piece.start, piece.end) in {"DATE", "TIME"}):
            return None  # "in May" is a month, not Theresa May
        if single:
            other = self._other_with_surname(piece, person)
            if other is not None:
                return other
        junior = self._junior_after(piece)
        names = (person.name, *person.aliases)
        if junior and not any("jr" in n.lower().replace(".", " ").split() for n in names):
            name = " ".join(self.text[piece.start:junior].split())  # "Donald Trump Jr." is the son
            return Mention("person", piece.start, junior, self.text[piece.start:junior], name,
                           key=f"name:{name.lower()}", extra={"other_than": person})
        title, sector = person.status_on(self.date)
        return Mention("person", piece.start, piece.end, piece.text, person.name,
                       country=person.country_on(self.date), sector=sector, title=None,
                       key=f"kb:{person.name}", ref=person, name_only=single,
                       extra={"kb_title": title})

    def _women_honorific_before(self, piece: Piece) -> int | None:
        """The token of "Mrs." / "Ms." / "Madam" / "First Lady" right before a one-word surname."""
        if piece.j - piece.i != 1:
            return None
        i = piece.i - 1
        if i >= 0 and self.tokens[i].text == ".":
            i -= 1
        if i < 0 or "\n" in self.text[self.tokens[i].end:piece.start]:
            return None
        if self.tokens[i].norm in WOMEN_HONORIFICS:
            return i
        if i > 0 and self.tokens[i].norm == "lady" and self.tokens[i - 1].norm in {"first", "second"}:
            return i - 1
        return None

    def _spouse(self, honorific: int, piece: Piece, holder: Person | None) -> Mention:
        """A woman named by honorific and surname whom the knowledge base does not know: someone
        of her own ("Mrs. Biden"), of the country of the holder of that surname (a spouse)."""
        start = self.tokens[honorific].start
        name = " ".join(self.text[start:piece.end].split())
        country = holder.country_on(self.date) if holder is not None else None
        return Mention("person", start, piece.end, self.text[start:piece.end], name, country=country,
                       key=f"name:{name.lower()}", extra={"other_than": holder})

    def _junior_after(self, piece: Piece) -> int | None:
        """The end of "Jr." / ", Jr." right after a name, if written."""
        j = piece.j
        if j < len(self.tokens) and self.tokens[j].text == "," and self.tokens[j].start == piece.end:
            j += 1
        if j < len(self.tokens) and self.tokens[j].norm.rstrip(".") == "jr" and self._same_line_gap(j):
            end = self.tokens[j].end
            dot = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
            if dot is not None and dot.text == "." and dot.start == end:
                end = dot.end
            return end
        return None

    def _other_with_surname(self, piece: Piece, person: Person) -> Mention | None:
        """Someone else with a known person's surname: given names written next to the surname
        that the knowledge base does not give this person ("Jill Biden" is not Joe Biden,
        "Karen Bass" not John Bass, "Julie Chavez Rodriguez" not Hugo Chavez; "Xi Mingze" not Xi
        Jinping) make a person of their own."""
        start = self._given_run_before(piece.i)
        person_ents = [s for s, e, label in self.ent_labels if label == "PERSON" and s <= piece.start
                       and piece.end <= e]
        if person_ents:  # with a parse, only words inside the name spaCy reads ("Candidate Trump": no)
            while start < piece.i and self.tokens[start].start < min(person_ents):
                start += 1
        if start < piece.i:
            written = [t.text for t in self.tokens[start:piece.i]]
            if given_names_fit(person, written):
                return None
            first, last = self.tokens[start].start, piece.end
            ends = [e for s, e, label in self.ent_labels if label == "PERSON" and s <= piece.start < e]
            if ends:  # "Maria Chavez Lopez": the whole name spaCy reads
                last = max(last, *ends)
            elif self.spacy_doc is None:
                last = self.tokens[self._given_run_after(piece.j) - 1].end
        else:
            words = person.name.split()
            if not (person.family_name and words[0] == person.family_name and len(words) > 1):
                # the surname written first, as a given name: "Anton Vaino" is not Michael Anton,
                # when the parse reads one name running on past the surname
                end = self._given_run_after(piece.j)
                spans = [e for s, e, label in self.ent_labels if label == "PERSON"
                         and s <= piece.start and end > piece.j and self.tokens[piece.j].end <= e]
                if end == piece.j or not spans:
                    return None
                first, last = piece.start, max(spans)
                if self.text[first:last].endswith(("'s", "’s")):
                    last -= 2
                name = " ".join(self.text[first:last].split())
                return Mention("person", first, last, self.text[first:last], name,
                               key=f"name:{name.lower()}", extra={"other_than": person})
            end = self._given_run_after(piece.j)
            if end == piece.j:
                return None
            # family name first: the word after it must be the person's own first given name
            # ("Kim Yo Jong" is not Kim Jong Un though "Jong" is one of his names)
            seconds = {n.replace("-", " ").split()[1].lower() for n in (person.name, *person.aliases)
                       if len(n.replace("-", " ").split()) > 1 and n.split()[0] == person.family_name}
            if self.tokens[piece.j].norm in seconds:
                return None
            first, last = piece.start, self.tokens[end - 1].end
        if self.text[first:last].endswith(("'s", "’s")):
            last -= 2
        name = " ".join(self.text[first:last].split())
        return Mention("person", first, last, self.text[first:last], name, key=f"name:{name.lower()}",
                       extra={"other_than": person})

    def _is_given_word(self, i: int) -> bool:
        """Whether token `i` can be a given name: a capitalised word (or an initial) that is no
        lexicon piece, title, honorific or sentence opener, and, with a parse, a proper noun."""
        token = self.tokens[i]
        k = self.reader.piece_at[i]
        if k is not None and not (self.pieces[k].i == i == self.pieces[k].j - 1
                                  and self.pieces[k].kinds() <= {"people", "place"}):
            return False  # a one-word people or town name can be a given name ("Karen", "Florence")
        if not (token.is_cap and token.text[:1].isalpha()):
            return False
        if (token.norm in NOT_NAMES or token.norm in HONORIFICS or token.norm in self.lex.title_words
                or token.norm.rstrip(".") in NAME_SUFFIXES):
            return False
        if self.spacy_doc is not None:
            span = self.spacy_doc.char_span(token.start, token.end, alignment_mode="expand")
            return span is not None and len(span) > 0 and span[0].pos_ == "PROPN"
        at_start = i == 0 or self.tokens[i - 1].text in {".", "!", "?", ":", '"', "“", "\n"}
        return not (at_start and token.norm in SENTENCE_OPENERS)

    def _given_run_before(self, i: int) -> int:
        """The first token of up to three given names (or initials) right before token `i`."""
        start = i
        while start > 0 and i - start < 4:
            j = start - 1
            gap = self.text[self.tokens[j].end:self.tokens[start].start]
            if "\n" in gap:
                break
            if self.tokens[j].text == "." and j > 0 and len(self.tokens[j - 1].text) == 1 \
                    and self.tokens[j - 1].is_cap and self._is_given_word(j - 1):
                start = j - 1  # an initial: "Joseph R. Biden"
                continue
            if gap.strip() or not self._is_given_word(j):
                break
            start = j
        return start

    def _given_run_after(self, j: int) -> int:
        """The end of one or two given names right after a family name written first."""
        end = j
        while (end < len(self.tokens) and end - j < 2 and self._same_line_gap(end)
               and self._is_given_word(end)):
            end += 1
        return end

    def _same_line_gap(self, i: int) -> bool:
        return i > 0 and self.text[self.tokens[i - 1].end:self.tokens[i].start] in {" ", "-"}

    def _looks_like_name(self, piece: Piece) -> bool:
        if self._label_at(piece.start, piece.end) == "PERSON":
            return True
        if self.spacy_doc is None:
            return True
        span = self.spacy_doc.char_span(piece.start, piece.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].pos_ == "PROPN"

    def _from_match(self, match: PersonMatch) -> Mention:
        person = match.person
        sector = match.sector
        if person is not None and match.former is False and match.sector is None:
            sector = person.status_on(self.date)[1]
        if match.name is None:
            name = match.title or ""
            key = None
        else:
            name = person.name if person else match.name
            key = f"kb:{person.name}" if person else f"name:{match.name.lower()}"
        return Mention("person", match.start, match.end, self.text[match.start:match.end], name,
                       country=match.country, sector=sector, title=match.title,
                       title_core=match.title_core, key=key, ref=person, name_only=match.name_only,
                       title_only=match.name is None,
                       extra={"kb_title": person.status_on(self.date)[0] if person else None})

    def _group(self, k: int, out: list[Mention], *, displaced: bool = False) -> bool:
        """A demonym, people word or region before a group noun as a state mention placed
        where the group acts (`peoples.group_mention`)."""
        return group_mention(self, k, out, displaced=displaced)

    # --- the walk ------------------------------------------------------------------------------
    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        skip_until = -1  # pieces consumed as part of a person or organisation pattern
        for k, piece in enumerate(self.pieces):
            kinds = piece.kinds()
            if after_anti_pro(self.tokens, piece):
                self._group(k, out, displaced=True)  # "pro-Russia rebels" are not Russia's
                continue
            if kinds & {"state", "capital", "demonym", "people"} and self.reader.state_as_given_name(piece):
                self.given_name_states.add(k)  # "Chad Wolf", "Jordan Bardella": a person's name
                continue
            if "people" in kinds or "demonym" in kinds:
                if self._group(k, out) and (k <= skip_until or not kinds & {"head", "title", "org"}):
                    continue
            else:
                for entry in piece.of_kind("state")[:1]:
                    if not piece.first("org"):
                        out.append(self._state(piece, entry.ref))
            if k <= skip_until:
                continue
            org = piece.first("org")
            if org is not None:
                if "head" in kinds:  # "the Russian Security Council" is no UN body
                    mention, last = self._head(k, piece.first("head").ref, use_home=False)
                    if mention is not None:
                        out.append(mention)
                        skip_until = max(skip_until, last)
                        continue
                out.append(self._named_org(piece, org.ref))
                continue
            if "head" in kinds and not kinds & {"state", "demonym"}:
                mention, last = self._head(k, piece.first("head").ref)
                if mention is not None:
                    out.append(mention)
                    skip_until = max(skip_until, last)
                    continue
            if "title" in kinds and not kinds & {"state", "demonym"}:
                match = self.reader.read(k, allow_lower=self.phrase_mode)
                if match is not None and match.name is not None and not self._name_is_proper(match):
                    match = None
                if match is not None and self._previous_is_name_word(piece, allow=self.lex.title_words):
                    match = None  # "the Apprenticeship Ambassador Initiative" is a programme
                if match is not None and (match.name is not None or self._title_alone_ok(piece, match)):
                    out.append(self._from_match(match))
                    skip_until = max(skip_until, match.last_piece)
                    continue
            if "person" in kinds and not kinds & {"state", "demonym"}:
                places = kinds & {"place", "capital"}
                if not (places and self._reads_as_place(piece)):  # "in Austin, Texas"
                    known = [e.ref for e in piece.of_kind("person")]
                    honorific = self._women_honorific_before(piece)
                    if honorific is not None:  # "Mrs. Biden" is no President Biden
                        women = [p for p in known if is_woman(p)]
                        if not women:
                            out.append(self._spouse(honorific, piece, pick_person(known, self.date)))
                            continue
                        known = women
                    person = pick_person(known, self.date)
                    mention = self._known_person(piece, person)
                    if mention is not None:
                        out.append(mention)
                    continue
            if "capital" in kinds:
                mention = self._capital(piece)
                if mention is not None:
                    out.append(mention)
                continue
            if "place" in kinds and not kinds & {"state", "demonym"}:
                if self._acronym_alias(piece):
                    continue  # "IRNA" is Iran's news agency, not an old name of Salerno
                if region_group(self, k, out):
                    continue
                mention = self._city(piece)
                if mention is not None:
                    out.append(mention)
        out.extend(self._spacy_people(out))
        out.extend(self._spacy_bodies(out))
        out.sort(key=lambda m: (m.start, -m.end))
        self._congo(out)
        for mention in out:  # "Juba" in 2000 is Sudan's
            mention.country = state_on(mention.country, self.date)
            if mention.members:
                mention.members = tuple(state_on(c, self.date) for c in mention.members)
        return out

    def _congo(self, out: list[Mention]) -> None:
        """A bare "Congo" is the Democratic Republic when the text names only its side (Congolese,
        Kinshasa, Goma, M23), not Brazzaville's."""
        bare = [m for m in out if m.kind == "state" and m.country == "COG"
                and m.text in {"Congo", "the Congo"}]
        if not bare:
            return
        others = {m.country for m in out if m not in bare}
        if "COD" in others and "COG" not in others and "COD" in self.lex.states:
            state = self.lex.states["COD"]
            for mention in bare:
                mention.country, mention.name, mention.key, mention.ref = "COD", state.name, "COD", state

    def _name_is_proper(self, match: PersonMatch) -> bool:
        """Whether spaCy reads at least one word of a name after a title as a proper noun
        ("Ambassador Initiative" is no person). Without a parse, or for a known person, yes."""
        if self.spacy_doc is None or match.person is not None or match.name is None:
            return True
        start = match.end - len(match.name)
        span = self.spacy_doc.char_span(start, match.end, alignment_mode="expand")
        return span is None or any(token.pos_ == "PROPN" for token in span)

    def _title_alone_ok(self, piece: Piece, match: PersonMatch) -> bool:
        """An office without a name is a person mention when it is definite or has a country:
        "the Under Secretary", "President of Finland", "Russia's President"."""
        before = self.tokens[piece.i - 1].norm if piece.i > 0 else ""
        return before in {"the", "'s"} or match.country is not None or self.phrase_mode

    def _spacy_people(self, found: list[Mention]) -> list[Mention]:
        """People spaCy tags PERSON that no lexicon pattern explains."""
        out: list[Mention] = []
        people = [e for e in self.ent_labels if e[2] == "PERSON"]
        if not people:
            return out
        covered = bytearray(len(self.text) + 1)  # characters already explained by the lexicon
        pieces = [p for k, p in enumerate(self.pieces)
                  if p.kinds() - {"person"} and k not in self.given_name_states]
        # a town's name that made no mention is a surname when a given name comes first inside
        # the parse's name ("Chris Murphy": Murphy is also a town in North Carolina)
        pieces = [p for p in pieces if not (p.kinds() == {"place"} and any(
            s < p.start and p.end <= e and not self._place_name(s, e) for s, e, _ in people))]
        for span in [*found, *pieces]:
            covered[span.start:span.end] = b"\x01" * (span.end - span.start)
        for start, end, _ in people:
            if covered.find(1, start, end) != -1:
                continue
            span = self.spacy_doc.char_span(start, end, alignment_mode="expand")
            if span is not None and any(t.pos_ not in {"PROPN", "PUNCT", "PART"} for t in span):
                continue  # "Registered Apprenticeships" is not a name
            name = self.text[start:end].strip()
            if name.endswith(("’s", "'s")):
                name, end = name[:-2], end - 2
            first = name.split()[0].rstrip(".").lower() if " " in name else ""
            if first in {"mr", "mrs", "ms", "dr", "miss"}:  # "Mr Babushkin" is the surname's person
                cut = len(name) - len(name.split(None, 1)[1])
                start, name = start + (self.text[start:end].find(name) + cut), name.split(None, 1)[1]
            words = name.split()
            if words and words[-1].lower() in NOT_PERSON_TAILS:
                continue  # "the Abraham Accords" name a text, "Kapsel Cove" a place
            if (not name or not name[:1].isupper() or all(w.lower() in self.lex.title_words for w in words)
                    or any(is_glued(w) for w in words) or len(set(words)) < len(words)):
                continue
            out.append(Mention("person", start, end, name, name, key=f"name:{name.lower()}",
                               name_only=" " not in name, extra={"source": "spacy"}))
        return out

    def _place_name(self, start: int, end: int) -> bool:
        """Whether a span is a place's name written without its hyphen ("Nagorno Karabakh")."""
        words = self.text[start:end].split()
        return len(words) > 1 and any(e.kind == "place" for e in self.lex.lookup("-".join(words)))

    def _spacy_bodies(self, found: list[Mention]) -> list[Mention]:
        """Organisations spaCy tags ORG that no lexicon entry explains ("the Azadliq (Freedom)
        opposition coalition", "the Montana Group"): the country is left to the sentence
        (`context.fill_body_countries`). Only proper names: every word a proper noun, a
        connective or punctuation."""
        out: list[Mention] = []
        if self.spacy_doc is None or self.phrase_mode:
            return out
        covered = bytearray(len(self.text) + 1)
        for span in [*found, *self.pieces]:
            covered[span.start:span.end] = b"\x01" * (span.end - span.start)
        for ent in self.spacy_doc.ents:
            if ent.label_ != "ORG":
                continue
            tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
            while tokens and tokens[-1].is_punct and tokens[-1].text != ")":
                tokens.pop()
            if not tokens or len(tokens) > 8 or "\n" in ent.text:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if covered.find(1, start, end) != -1:
                continue
            if not all(t.pos_ in {"PROPN", "PUNCT", "ADP", "CCONJ", "DET"} or t.is_punct for t in tokens):
                continue
            words = [t.text for t in tokens if t.text[:1].isalpha()]
            if not words or not words[0][:1].isupper() or all(w.lower() in self.lex.title_words
                                                                for w in words):
                continue
            # a head word right after the name ("Umma (Nation) party", "Azadliq opposition coalition")
            after = [w.strip(".,;:)") for w in self.text[end:end + 40].split()[:3]]
            head_after = next((w for w in after if w.lower() in _BODY_SECTORS), "")
            text = " ".join(self.text[start:end].split())
            if text.count("(") > text.count(")"):  # "Umma (Nation" as spaCy cuts it
                cut = self.text[start:end].split("(")[0].rstrip()
                text, end = " ".join(cut.split()), start + len(cut)
            heads = [w for w in [*words, head_after] if w.lower() in _BODY_SECTORS]
            if not heads:
                continue  # "Third World Water Forum", "Association of African Jurists": often not national
            sector = _body_sector(heads)
            out.append(Mention("organization", start, end, self.text[start:end], text, sector=sector,
                               key=f"org:{text.lower()}", extra={"source": "spacy"}))
        return out


# The sector a body's head word gives an organisation the lexicon does not know.
_BODY_SECTORS = {"party": "PTY", "parties": "PTY", "university": "EDU", "college": "EDU", "academy": "EDU",
                 "school": "EDU", "chamber": "BUS", "company": "BUS", "corporation": "BUS", "bank": "BUS",
                 "group": None, "coalition": "PTY", "bloc": "PTY", "movement": None, "front": None,
                 "union": None, "alliance": None, "league": None, "congress": None}


def _body_sector(words: list[str]) -> str | None:
    for word in reversed(words):
        if word.lower() in _BODY_SECTORS:
            return _BODY_SECTORS[word.lower()]
    return None


def _entity_labels(spacy_doc: Any) -> list[tuple[int, int, str]]:
    if spacy_doc is None:
        return []
    return [(ent.start_char, ent.end_char, ent.label_) for ent in spacy_doc.ents]



def definite(state_name: str) -> str:
    """A state's name as it reads after "of": "the United States", "the Philippines", "Kazakhstan"."""
    words = state_name.split()
    if words[0] in {"United", "Czech", "Dominican", "Central", "Democratic", "Marshall", "Solomon"} or (
            state_name.endswith("s") and state_name not in {"Belarus", "Cyprus", "Honduras", "Mauritius"}):
        return "the " + state_name
    return state_name
