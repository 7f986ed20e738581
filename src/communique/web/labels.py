"""Human names for the codes events carry (countries, PLOVER actor codes), used as Jinja filters."""

from __future__ import annotations

from functools import lru_cache

SPECIAL = {
    "IGO": "International organisations", "UNO": "United Nations", "EUR": "European Union",
    "NGO": "Non-governmental organisations", "MNC": "Multinational companies",
}


@lru_cache(maxsize=1024)
def country_name(code: str | None) -> str:
    """`KAZ` → `Kazakhstan`; unknown codes are returned as given."""
    import pycountry

    if not code:
        return "unknown"
    if code in SPECIAL:
        return SPECIAL[code]
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def is_country_code(code: str) -> bool:
    """Three capital letters: a code a country page can show."""
    return len(code) == 3 and code.isalpha() and code.isupper()


def participants(people: list[dict] | None) -> str:
    """A short plain-text list of an event's actors or recipients (the template escapes it)."""
    names = []
    for person in people or []:
        label = person.get("text") or person.get("entity") or country_name(person.get("country"))
        if person.get("country") and label != person.get("country"):
            label = f"{label} ({person['country']})"
        names.append(str(label))
    return ", ".join(names) or "—"
