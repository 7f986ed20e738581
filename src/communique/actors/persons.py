"""People with offices: "U.S. Under Secretary of State for ... Uzra Zeya", "President Tokayev",
"Prime Minister Narendra Modi of India", "the Under Secretary".

An office title starts the pattern. It may carry a country before it ("U.S.", "Russia's",
"Colombian") and runs on through "of", "for", "to", commas and title words ("for Civilian
Security, Democracy, and Human Rights"); a personal name may follow, then "of <state>". The
country comes from what the text says first (prefix, then "of <state>"), then from the
knowledge base, then from an organisation named in the title ("Counselor of the Department").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from communique.actors.datafiles import read_yaml
from communique.actors.kb import Person, given_names_fit, holds_title, office_core, pick_person
from communique.actors.lexicon import Lexicon, Organization, State
from communique.actors.matcher import Piece
from communique.actors.mentions import FORMER_WORDS, NAME_PARTICLES, NAME_SUFFIXES, NOT_NAMES
from communique.actors.tokens import Token

_HEADS_OF_BODIES = frozenset({"chairman", "chairwoman", "chairperson", "chair", "head", "speaker",
                              "president", "deputy chairman", "vice chairman", "vice president",
                              "deputy speaker", "first deputy chairman", "member"})
# Nouns that end a geographic name, never a person's ("Kapsel Cove", "Freedom Square").
GEOGRAPHIC_NOUNS = frozenset({"cove", "cape", "peninsula", "beach", "gulf", "strait", "harbour", "harbor",
                              "reservoir", "canyon", "square", "street", "avenue", "bay", "island", "islands",
                              "river", "lake", "mountains", "valley"})
# Nouns that end a place's or a building's name, never a person's.
PLACE_NOUNS = GEOGRAPHIC_NOUNS | frozenset({
    "county", "city", "province", "district", "region", "road", "park", "mountain", "sea", "airport",
    "university", "college", "school", "hospital", "palace", "hall", "center", "centre", "museum", "stadium",
    "station", "port", "tower", "building", "plaza", "hotel", "bridge"})
# Titles that are also surnames, read as the surname right after a given name ("Tom King").
TITLE_SURNAMES = frozenset({"king", "major", "prince", "bishop", "marshal", "judge", "general", "sheriff",
                            "chancellor", "pope", "dean", "mayor", "consul", "senator"})
_BODY_TAILS = frozenset({"faction", "party", "bloc", "caucus", "group", "fraction", "delegation"})
_NAME_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "prof", "sir", "dame", "h.e."})
TITLE_CONNECTORS = frozenset({"of", "for", "to", "on", "and", "the", ",", "&", "/"})
COUNTRY_KINDS = ("state", "demonym", "capital")


@dataclass(slots=True)
class PersonMatch:
    """What the text says about one person mention."""

    start: int
    end: int
    last_piece: int  # index of the last piece consumed
    title: str | None
    title_core: str | None
    sector: str | None
    country: str | None
    country_from: str | None  # prefix | of | kb | org
    name: str | None
    person: Person | None
    name_only: bool
    former: bool


class TitleReader:
    """Reads the person pattern around title pieces of one token sequence."""

    def __init__(self, text: str, tokens: list[Token], pieces: list[Piece], lex: Lexicon, *,
                 date: dt.date | None = None, home: str | None = None,
                 person_spans: list[tuple[int, int]] | None = None) -> None:
        """`person_spans`: (start, end) of the names a parser reads as a person's, if any."""
        self.person_spans = person_spans or []
        self.text = text
        self.date = date
        self.home = home
        self.tokens = tokens
        self.pieces = pieces
        self.lex = lex
        self.piece_at: list[int | None] = [None] * len(tokens)
        for k, piece in enumerate(pieces):
            for i in range(piece.i, piece.j):
                self.piece_at[i] = k

    def piece_starting(self, i: int) -> Piece | None:
        k = self.piece_at[i] if 0 <= i < len(self.tokens) else None
        if k is None or self.pieces[k].i != i:
            return None
        return self.pieces[k]

    def piece_ending(self, j: int) -> Piece | None:
        k = self.piece_at[j - 1] if 0 < j <= len(self.tokens) else None
        if k is None or self.pieces[k].j != j:
            return None
        return self.pieces[k]

    def _same_line(self, a: int, b: int) -> bool:
        return "\n" not in self.text[self.tokens[a].end:self.tokens[b].start]

    def prefix_country(self, i: int, *, bodies: bool = False) -> tuple[State | str | None, int]:
        """A state word right before token `i` ("U.S.", "Russia's", "Colombian"): (state, its token).
        With `bodies`, an organisation's code too ("UN Secretary-General" → "UNO")."""
        j = i
        if j > 0 and self.tokens[j - 1].norm == "'s":
            j -= 1
        piece = self.piece_ending(j)
        if piece is None:
            return None, i
        org = piece.first("org")
        if org is not None:
            return (org.ref.country, piece.i) if bodies and org.ref.country else (None, i)
        head = piece.first("head")
        if head is not None and bodies and not piece.first(*COUNTRY_KINDS):
            # a state's body before the office: "New Zealand Ministry of Foreign Affairs and Trade
            # Secretary Chris Seed", "the Kazakh MFA spokesperson"
            state, at = self.prefix_country(piece.i)
            return (state, at) if state is not None else (None, i)
        entry = piece.first(*COUNTRY_KINDS)
        if entry is None:
            return None, i
        return entry.ref, piece.i

    def is_former(self, i: int) -> bool:
        """Whether "former", "ex-" or "late" comes right before token `i`."""
        if i > 0 and self.tokens[i - 1].norm in FORMER_WORDS:
            return True
        return i > 1 and self.tokens[i - 1].text == "-" and self.tokens[i - 2].norm == "ex"

    def read_title(self, k: int) -> tuple[int, State | None, Organization | None, int]:
        """Extend title piece `k` rightwards: (end token, state after "of", organisation, last piece)."""
        tokens, n = self.tokens, len(self.tokens)
        end, t, last = self.pieces[k].j, self.pieces[k].j, k
        state = org = None
        run_start = None  # first word after the latest "of"/"for"/"the"
        while t < n and self._same_line(t - 1, t):
            token = tokens[t]
            piece = self.piece_starting(t)
            if piece is not None and piece.kinds() == {"place"}:
                piece = None  # a town named like a word ("Federal", Argentina) reads as the word
            if piece is not None:
                kinds = piece.kinds()
                if "person" in kinds and not kinds & {"state", "demonym", "org", "head"}:
                    break
                if kinds & {"state", "demonym"} and not kinds & {"org"}:
                    before = tokens[t - 1].norm
                    if before == "the" and t > 1 and tokens[t - 2].norm in {"to", "in", "for"}:
                        before = tokens[t - 2].norm  # "Ambassador of Kazakhstan to the United States"
                    if before in {"to", "in", "for"}:
                        pass  # "Ambassador to Kazakhstan": the office's place, not its country
                    elif before not in {"of", "the"} or state is not None:
                        break
                    else:
                        state = piece.first("state", "demonym").ref
                elif "org" in kinds or "head" in kinds or "title" in kinds:
                    ending = self.piece_ending(t) if state is not None else None
                    after_state = ending is not None and ending.first("state", "demonym") is not None
                    if ("title" not in kinds and tokens[t - 1].norm not in {"of", "the", "for", "to"}
                            and not after_state and run_start is None):
                        # (a body after "of the Federal": "Director of the Federal Security Service")
                        break  # "the President and G7 leaders": a body joins a title only after "of"
                        # (or after "of the U.S." in "Charge d'Affaires of the U.S. Embassy")
                    entry = piece.first("org")
                    if entry is not None and org is None:
                        org = entry.ref
                    if not piece.text[:1].isupper():
                        break
                else:
                    break
                end = t = piece.j
                last = self.piece_at[t - 1] or last
                continue
            before = self.piece_ending(t)
            if token.norm in _BODY_TAILS and before is not None and before.first("org"):
                end = t = t + 1  # "Head of the Servant of the People faction Davyd Arakhamia"
                continue
            if token.norm in TITLE_CONNECTORS:
                if token.norm in {"and", ",", "/"} and t + 1 < n and tokens[t + 1].norm == "the":
                    break
                t += 1
                run_start = t if token.norm in {"of", "the", "for"} else None
                continue
            if token.is_cap and token.norm in self.lex.title_words:
                end = t = t + 1
                continue
            body_end = self._body_name_end(run_start) if run_start is not None else None
            if body_end is not None and body_end > t:
                end = t = body_end
                run_start = None
                continue
            break
        return end, state, org, last

    def _body_name_end(self, t: int) -> int | None:
        """The end of a body's name starting at token `t` ("Federal Taxation Service"), if the
        capitalised run from there reaches a body word within six words."""
        tokens = self.tokens
        found = None
        for j in range(t, min(t + 6, len(tokens))):
            piece = self.piece_starting(j)
            if piece is not None and piece.kinds() == {"place"}:
                piece = None
            if not tokens[j].is_cap or not self._same_line(j - 1, j) or piece is not None:
                break
            if tokens[j].norm in self.lex.body_words:
                found = j + 1
        return found

    def read_name(self, s: int, title: str | None = None) -> tuple[int, Person | None, int | None]:
        """A personal name from token `s`: (end token, known person, its piece index)."""
        tokens, n = self.tokens, len(self.tokens)
        j, words, person, person_piece = s, 0, None, None
        surname_first: int | None = None  # end of a known surname read as the name's first word
        while j < n and (j == s or self._same_line(j - 1, j)):
            token = tokens[j]
            if words and (token.norm == tokens[j - 1].norm or is_glued(token.text)):
                break  # a page's layout repeating or running words together ("Yegorov DaniilHead")
            piece = self.piece_starting(j)
            if piece is not None:
                known = [e.ref for e in piece.of_kind("person")]
                if known:
                    core = title_core(title) if title else None
                    if core and not words and piece.j - piece.i == 1:
                        # a surname after a title must be someone who held such an office:
                        # "Governor Lee" is not President Lee
                        known = [p for p in known if holds_title(p, core)]
                    chosen = pick_person(known, self.date, core)
                    # "Jill Biden" is not Joe Biden: a first name the knowledge base does not
                    # give this person makes a different person with the same surname
                    written = [t.text for t in tokens[s:j]]
                    if words and chosen is not None and not given_names_fit(chosen, written):
                        chosen = None
                    person, person_piece = chosen, self.piece_at[j]
                    surname_first = piece.j if j == s and piece.j - piece.i == 1 else None
                    j, words = piece.j, words + 1
                    continue
                if self.state_as_given_name(piece):
                    j, words = piece.j, words + 1  # "Acting Secretary Chad Wolf"
                    continue
                if words and token.norm in TITLE_SURNAMES and piece.j - piece.i == 1 and (
                        piece.j >= n or not tokens[piece.j].is_cap or not self._same_line(j, piece.j)):
                    j, words = piece.j, words + 1  # "Defence Secretary Tom King said"
                    continue
                if piece.kinds() & {"state", "demonym", "org", "head", "title", "capital"}:
                    break
            word = token.text
            if token.norm in PLACE_NOUNS:
                break  # "King County" is no King named County
            if token.is_cap and word[:1].isalpha() and token.norm not in NOT_NAMES:
                j, words = j + 1, words + 1
                continue
            if words and word == "-" and j + 1 < n and tokens[j + 1].is_cap:
                j += 1
                continue
            if (words and word in {"'", "’"} and len(tokens[j - 1].text) == 1 and tokens[j - 1].is_cap
                    and j + 1 < n and tokens[j + 1].is_cap and tokens[j + 1].start == token.end):
                j += 1  # "Jen O’Malley Dillon", "Beto O'Rourke"
                continue
            hyphen_cap = j + 2 < n and tokens[j + 1].text == "-" and tokens[j + 2].is_cap
            if words and token.norm in NAME_PARTICLES and j + 1 < n and (tokens[j + 1].is_cap or hyphen_cap):
                j += 1
                continue
            if (words and token.norm in NAME_PARTICLES and j + 2 < n and tokens[j + 1].norm in NAME_PARTICLES
                    and tokens[j + 2].is_cap):
                j += 2  # "Hans van den Broek", "Ursula von der Leyen"
                continue
            initial_or_jr = len(tokens[j - 1].text) == 1 or tokens[j - 1].norm in NAME_SUFFIXES
            if words and word == "." and initial_or_jr:
                j += 1  # an initial ("Brian A. Nichols") or "Jr."
                continue
            if words and token.norm in NAME_SUFFIXES:
                j += 1
                continue
            if words and word == "," and j + 1 < n and tokens[j + 1].norm in NAME_SUFFIXES:
                j += 2
                continue
            break
        if words == 0:
            return s, None, None
        if (surname_first is not None and j > surname_first and tokens[surname_first].is_cap
                and tokens[surname_first].norm not in NAME_SUFFIXES):
            person = None  # "President Michel Suleiman" is not Charles Michel
        return j, person, person_piece

    def state_as_given_name(self, piece: Piece) -> bool:
        """Whether a one-word state or capital name starts a person's name the parser reads
        ("Chad Wolf", "Jordan Bardella"): a PERSON span holds it and the word after it."""
        if (piece.j - piece.i != 1 or piece.j >= len(self.tokens) or piece.first("org", "title", "head")
                or not self.person_spans or not self._same_line(piece.i, piece.j)):
            return False
        nxt = self.tokens[piece.j]
        if not (nxt.is_cap and nxt.text[:1].isalpha()) or self.piece_starting(piece.j) is not None:
            return False
        return any(s <= piece.start and nxt.end <= e for s, e in self.person_spans)

    def _after_honorific(self, t: int) -> int:
        """The token after "Dr." / "Mr." / "H.E." right at `t` on the same line (else `t`)."""
        tokens = self.tokens
        if t < len(tokens) and tokens[t].norm in _NAME_HONORIFICS and self._same_line(t - 1, t):
            nxt = t + 1
            if nxt < len(tokens) and tokens[nxt].text == "." and self._same_line(t, nxt):
                nxt += 1
            if nxt < len(tokens) and tokens[nxt].is_cap and self._same_line(t, nxt):
                return nxt
        return t

    def read(self, k: int, *, allow_lower: bool = False) -> PersonMatch | None:
        """The person pattern that starts at title piece `k`, or None if it is not one.
        In running text a title must be capitalised; a phrase ("the president of Armenia") may not be."""
        piece = self.pieces[k]
        if not (allow_lower or piece.text[:1].isupper()):
            return None
        sector = piece.first("title").ref
        prefix, first_token = self.prefix_country(piece.i, bodies=True)
        former = self.is_former(first_token) or sector == "ELI"
        end, of_state, org, last = self.read_title(k)
        title_text = self.text[piece.start:self.tokens[end - 1].end]
        if (org is not None and org.sector in {"LEG", "JUD", "MIL"} and sector == "GOV"
                and title_core(piece.text) in _HEADS_OF_BODIES):
            sector = org.sector  # "Chairman of the Mejlis", "President of the Constitutional Court"
        begin = self._after_honorific(end)  # "Advisor Dr. Liz Sherwood-Randall"
        name_end, person, person_piece = self.read_name(begin, piece.text)
        if name_end == begin:
            name_end = end
        if name_end > end and not self._same_line(end - 1, end):
            name_end, person, person_piece = end, None, None  # a name never starts on the next line
        if name_end > end:  # pieces inside the name ("Hassan", "Obama" are also towns) are used up
            inner = self.piece_at[name_end - 1]
            last = max(last, inner) if inner is not None else last
        if person_piece is not None:
            last = max(last, person_piece)
        after_state = None
        if name_end < len(self.tokens) - 1 and name_end > end and self.tokens[name_end].norm == "of":
            after = name_end + 2 if self.tokens[name_end + 1].norm == "the" else name_end + 1
            nxt = self.piece_starting(after)
            if nxt is not None and nxt.first("state"):
                after_state = nxt.first("state").ref
        country, source = None, None
        for candidate, label in ((prefix, "prefix"), (of_state, "of"), (after_state, "of"),
                                 (person.country_on(self.date) if person else None, "kb"),
                                 (org.country if org and org.country else None, "org")):
            if candidate is not None:
                country = candidate.iso3 if isinstance(candidate, State) else candidate
                source = label
                break
        legislature = legislative_countries(piece.text)
        if legislature is not None and self.home not in legislature:
            pass  # "Senator X" in a Ukrainian release: no member of Ukraine's parliament
        elif country is None and self.home and (is_domestic_title(title_text)
                                                or (legislature is not None and name_end > end)):
            country, source = self.home, "home"
        if name_end > end:
            name = self.text[self.tokens[begin].start:self.tokens[name_end - 1].end]
            single = name_end - begin == 1
            start = piece.start if single else self.tokens[begin].start
            return PersonMatch(start, self.tokens[name_end - 1].end, last, title_text,
                               title_core(piece.text), "ELI" if former else sector, country, source,
                               name, person, single, former)
        return PersonMatch(piece.start, self.tokens[end - 1].end, last, title_text, title_core(piece.text),
                           "ELI" if former else sector, country, source, None, None, False, former)


def title_core(title: str) -> str:
    """The head of an office for matching later mentions: "Under Secretary of State" → "under secretary"."""
    core = office_core(title.strip())
    for tail in (" of state", " of the department"):
        if core.endswith(tail) and core != "secretary of state":
            core = core[: -len(tail)]
    return " ".join(core.replace("-", " ").split())


_DOMESTIC = ("secretary", "counselor", "spokesperson", "spokesman", "spokeswoman", "national security advis",
             "senator", "congressman", "congresswoman", "attorney general", "administrator", "governor",
             "mayor", "chief of staff", "envoy", "ambassador-at-large", "first lady", "second gentleman",
             "head of", "chairman", "chairwoman", "chair of", "director", "prosecutor general",
             "commissioner", "aide", "assistant to the president", "advisor", "adviser", "coordinator",
             "counsel")
_NOT_DOMESTIC = ("foreign secretary", "general secretary", "secretary-general", "secretary general",
                 "secretary of the security council")


def is_domestic_title(title: str) -> bool:
    """Offices that, named without a country in a government's own release, are that government's:
    "Assistant Secretary for Western Hemisphere Affairs" in a State Department release."""
    low = title.lower()
    return any(word in low for word in _DOMESTIC) and not any(word in low for word in _NOT_DOMESTIC)


_LEGISLATIVE_ABBREVIATIONS = {"sen": "senator", "rep": "representative",
                              "senators": "senator", "representatives": "representative",
                              "congressmen": "congressman", "congresswomen": "congresswoman",
                              "members of congress": "member of congress"}


@lru_cache(maxsize=1)
def _legislative_titles() -> dict[str, frozenset[str]]:
    data = read_yaml("offices.yaml").get("legislative_titles") or {}
    return {str(title).lower(): frozenset(countries) for title, countries in data.items()}


def legislative_countries(title: str) -> frozenset[str] | None:
    """For the title of a member of a legislature ("Senator", "Rep.", "Congresswoman",
    "senators"), the states whose legislature has such members (`offices.yaml`
    legislative_titles); None for any other title."""
    core = " ".join(title.lower().replace(".", " ").split())
    core = _LEGISLATIVE_ABBREVIATIONS.get(core, core)
    return _legislative_titles().get(core)


def is_glued(word: str) -> bool:
    """Two words run together by a page layout ("DaniilHead"); "McCarthy", "DeSantis" are fine."""
    return any(word[i].isupper() and word[i - 1].islower() for i in range(4, len(word)))
