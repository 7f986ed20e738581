"""Group mentions into entities: one `Entity` per real-world referent, all its mentions together.

States, organisations and places group by what identifies them (ISO code, name, GeoNames id).
People group in three passes: full names first; then a surname alone joins the person with
that surname ("Zeya"): the knowledge base's holder when named in full, else the nearest
earlier person of that surname named in full ("Karen Bass ... Bass", "Tom Sullivan ...
Sullivan"), else the holder the date suggests; then an office alone ("the Under Secretary", "the President of
Kazakhstan") joins the nearest earlier person holding it, else whoever the knowledge base
says held it on the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from communique.actors.kb import holder_of
from communique.actors.mentions import Mention
from communique.document import Entity, Span

# Offices whose bare mention ("the President") means the publisher's own when nothing else fits.
HOME_OFFICES = frozenset({"president", "prime minister", "vice president", "chancellor",
                          "secretary", "secretary of state", "minister of foreign affairs"})


@dataclass(slots=True)
class _Group:
    kind: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def head(self) -> Mention:
        return self.mentions[0]


def _surname(name: str) -> str:
    suffixes = {"jr", "sr", "ii", "iii"}
    words = [w for w in re.split(r"[\s,]+", name) if w and w.lower().strip(".") not in suffixes]
    return words[-1].lower() if words else name.lower()


# Between a name and an office in apposition ("Stephen Lovegrove, National Security Advisor to ...").
_APPOSITION_GAP = re.compile(r"\s*,\s*(?:the\s+)?")


def group_mentions(mentions: list[Mention], *, date: dt.date | None = None,
                   home: str | None = None, text: str | None = None) -> list[Entity]:
    """The entities of an article from its mentions (in text order); with the `text`, an office
    in apposition right after a name is that person's."""
    groups: dict[str, _Group] = {}
    order: list[str] = []
    key_of: dict[int, str] = {}

    def add(key: str, mention: Mention) -> None:
        if key not in groups:
            groups[key] = _Group(mention.kind)
            order.append(key)
        groups[key].mentions.append(mention)
        key_of[id(mention)] = key

    people = [m for m in mentions if m.kind == "person"]
    for mention in mentions:
        if mention.kind != "person":
            add(f"{mention.kind}:{mention.key or mention.name}", mention)
    for mention in people:
        if not mention.name_only and not mention.title_only and mention.key:
            add(f"person:{mention.key}", mention)
    for mention in people:
        if mention.name_only:
            key = _surname_key(mention, groups)
            if key is None and mention.extra.get("source") == "spacy":
                continue  # a lone capitalised word spaCy calls a person, with nobody to attach it to
            add(key or f"person:{mention.key}", mention)
    for mention in people:
        if mention.title_only:
            named = _apposed_name(mention, people, text) if text is not None else None
            key = key_of.get(id(named)) if named is not None else None
            key = key or _office_key(mention, groups, date, home)
            if key is not None:
                add(key, mention)
    return _to_entities(groups, order, date)


def _apposed_name(office: Mention, people: list[Mention], text: str) -> Mention | None:
    """The named person an office stands in apposition to: "Stephen Lovegrove, National Security
    Advisor to the Prime Minister of the United Kingdom, ..." (the name written with no office of
    its own right before, the office followed by a comma, a full stop or the end of a line; not
    "Sullivan, the President said")."""
    before = [m for m in people if not m.title_only and m.end <= office.start]
    if not before:
        return None
    named = max(before, key=lambda m: m.end)
    gap = _APPOSITION_GAP.fullmatch(text, named.end, office.start)
    if gap is None or "," not in gap.group() or named.title is not None:
        return None
    after = text[office.end:office.end + 1]
    if after and after not in ",.;)\n":
        return None
    if office.country and named.country and office.country != named.country:
        return None
    return named


def _surname_key(mention: Mention, groups: dict[str, _Group]) -> str | None:
    if mention.key and mention.key.startswith("kb:"):
        # a known person joins only themselves ("President Biden" is not "Jill Biden")
        if f"person:{mention.key}" in groups:
            return f"person:{mention.key}"
        names = {n.lower() for n in (mention.ref.name, *mention.ref.aliases)} if mention.ref else set()
        known = next((key for key, group in groups.items() if group.kind == "person"
                      and any(m.name.lower() in names for m in group.mentions)), None)
        if known is not None:
            return known
        if mention.title is None:
            # "Karen Bass met ... Bass said", "Tom Sullivan met ... Sullivan said": a bare surname
            # after someone else of that surname named in full is that person (the nearest one
            # before it), when the holder the date suggests is not named in full
            surname = _surname(mention.text)
            earlier = [(m.start, key, m.ref) for key, group in groups.items() if group.kind == "person"
                       for m in group.mentions if not m.name_only and not m.title_only
                       and m.start < mention.start and _surname(m.name) == surname]
            if earlier:
                _, key, ref = max(earlier, key=lambda e: e[0])
                if ref is None:
                    mention.ref, mention.country, mention.sector = None, None, None
                    mention.extra.pop("kb_title", None)
                else:
                    mention.ref, mention.country, mention.key = ref, None, f"kb:{ref.name}"
                return key
        return f"person:{mention.key}"
    surname = _surname(mention.name)
    for key, group in groups.items():
        if group.kind == "person" and any(not m.name_only and _surname(m.name) == surname
                                          for m in group.mentions):
            return key
    return None


def _office_key(mention: Mention, groups: dict[str, _Group], date: dt.date | None,
                home: str | None) -> str | None:
    """The person an office alone refers to. A bare "the President" in a government's own
    release is first read as that government's (a Kremlin readout's "the President" is
    Russia's), then as the nearest earlier holder of that office in the text."""
    core, country = mention.title_core, mention.country
    if core is None:
        return None
    if country is None and core in HOME_OFFICES and home:
        key = _holder_in_text(mention, groups, home) or _holder_in_kb(mention, home, date, create=False)
        if key is not None:
            mention.country = home
            return key
    key = _holder_in_text(mention, groups, country)
    if key is not None:
        return key
    if country is None:
        return None
    return _holder_in_kb(mention, country, date, create=True)


def _holder_in_text(mention: Mention, groups: dict[str, _Group], country: str | None) -> str | None:
    """The person group with the same office nearest before the mention (else after it)."""
    best: tuple[int, str] | None = None
    for key, group in groups.items():
        if group.kind != "person":
            continue
        for m in group.mentions:
            if m.title_core != mention.title_core or (country and m.country and m.country != country):
                continue
            if country and not m.country and _group_country(group) != country:
                continue
            distance = mention.start - m.start if m.start <= mention.start else 10**6 + m.start
            if best is None or distance < best[0]:
                best = (distance, key)
    return best[1] if best else None


def _holder_in_kb(mention: Mention, country: str, date: dt.date | None, *, create: bool) -> str | None:
    person = holder_of(mention.title_core or "", country, date)
    if person is not None:
        mention.extra["kb_person"] = person
        return f"person:kb:{person.name}"
    return f"person:office:{mention.title_core}:{country}" if create else None


def _group_country(group: _Group) -> str | None:
    return next((m.country for m in group.mentions if m.country), None)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entity"


def _to_entities(groups: dict[str, _Group], order: list[str], date: dt.date | None) -> list[Entity]:
    entities: list[Entity] = []
    used: set[str] = set()
    for key in order:
        group = groups[key]
        entity = _person(group, date) if group.kind == "person" else _other(group)
        base = entity.id
        n = 2
        while entity.id in used:
            entity.id = f"{base}-{n}"
            n += 1
        used.add(entity.id)
        spans = sorted({(m.start, m.end) for m in group.mentions})
        entity.mentions = [Span(s, e) for s, e in spans]
        entities.append(entity)
    entities.sort(key=lambda e: (e.mentions[0].start, e.mentions[0].end) if e.mentions else (0, 0))
    return entities


def _other(group: _Group) -> Entity:
    head = group.head
    if head.kind == "state":
        return Entity(id=head.country.lower(), kind="state", name=head.name, country=head.country)
    if head.kind == "place":
        place = head.ref
        return Entity(id=_slug(head.name), kind="place", name=head.name, country=head.country,
                      lat=place.lat, lon=place.lon, geonameid=place.geonameid)
    sector = head.sector if head.kind == "organization" or head.sector else None
    entity = Entity(id=_slug(head.name), kind=head.kind, name=head.name, country=head.country,
                    sector=sector, members=list(head.members))
    if head.extra.get("source") == "spacy":
        entity.extra["country_from_context"] = True  # an organisation the lexicon does not know
    return entity


def _person(group: _Group, date: dt.date | None) -> Entity:
    mentions = group.mentions
    kb = next((m.ref for m in mentions if m.ref is not None), None)
    kb = kb or next((m.extra["kb_person"] for m in mentions if m.extra.get("kb_person")), None)
    named = [m for m in mentions if not m.title_only]
    if kb is not None:
        name = kb.name
    elif named:
        name = max((m.name for m in named if not m.name_only), key=len, default=named[0].name)
        if name.isupper():
            name = name.title()  # "BRIAN P. MCKEON" from a transcript's heading
    else:
        name = mentions[0].name
    country = next((m.country for m in mentions if m.country), None) or (kb.country_on(date) if kb else None)
    titles = [m.title for m in mentions if m.title]
    title = max(titles, key=lambda t: (not t.isupper(), len(t))) if titles else None  # prose over headings
    kb_title, kb_sector = kb.status_on(date) if kb is not None else (None, None)
    if any(m.sector == "ELI" for m in mentions):
        sector = "ELI"
    else:
        sector = next((m.sector for m in mentions if m.title and m.sector), None) or kb_sector
    if title is None or (title.isupper() and kb_title):
        title = kb_title  # the office as written; the knowledge base's only when none is
    return Entity(id=_slug(name.split()[-1] if kb is None and " " in name else name), kind="person",
                  name=name, country=country, sector=sector, title=title)
