"""The English check and markup masking, on texts written here."""

from __future__ import annotations

import pytest

from communique.ingest import make_document, mask_markup
from communique.ingest.text import looks_english

EN = ("The Secretary of State met the Foreign Minister of Kazakhstan in Astana on Tuesday. They discussed "
      "trade, energy and the next round of the strategic dialogue, which will be held in Washington.")
ES = ("El Secretario de Estado se reunió con el Ministro de Relaciones Exteriores de Kazajistán en Astaná. "
      "Conversaron sobre el comercio, la energía y la próxima ronda del diálogo estratégico, que se "
      "celebrará en Washington el próximo año con los representantes de los dos países.")
FR = ("Le secrétaire d'État a rencontré le ministre des Affaires étrangères du Kazakhstan à Astana. Ils ont "
      "discuté du commerce, de l'énergie et de la prochaine session du dialogue stratégique, qui se tiendra "
      "à Washington l'année prochaine avec les représentants des deux pays et de la région.")
PT = ("O Secretário de Estado reuniu-se com o Ministro das Relações Exteriores do Cazaquistão em Astana. "
      "Eles discutiram o comércio, a energia e a próxima rodada do diálogo estratégico, que será realizada "
      "em Washington no próximo ano com os representantes dos dois países e da região.")
DE = ("Der Außenminister traf sich mit dem Außenminister von Kasachstan in Astana und sprach über den "
      "Handel, die Energie und die nächste Runde des strategischen Dialogs, die im nächsten Jahr in "
      "Washington mit den Vertretern der beiden Länder und der Region stattfinden wird "
      "und für die Zusammenarbeit "
      "wichtig ist.")
LINKS = "\n".join(f"* [{state}](https://example.gov/wp-content/uploads/2022/06/{state}-fact-sheet.pdf)"
                  for state in ("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado",
                                "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho") * 6)


@pytest.mark.parametrize("text,english", [
    (EN, True),
    (EN + "\n\n" + ES, True),  # a bilingual release: English, then Spanish
    ("Today the White House released fact sheets that highlight the need for the plan.\n" + LINKS, True),
    ('<img src="/a.jpg" srcset="https://example.gov/a-300x200.jpg 300w" sizes="100vw"> ' + EN, True),
    ("Readout of the call", True),
    (ES, False), (FR, False), (PT, False), (DE, False),
    ("Министр иностранных дел провёл переговоры", False),
    ("12345 67 89", False),
])
def test_text_looks_english(text: str, english: bool) -> None:
    assert looks_english(mask_markup(text)) is english


@pytest.mark.parametrize("text", [
    "The **minister** met [the envoy](https://example.org/a_(b)) in *Astana*.\n\\###",
    "President<sup>th</sup> visit\u2060s\n- item one\n# Heading\nText.",
])
def test_text_mask_markup_keeps_length_and_blanks_markup(text: str) -> None:
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert "*" not in masked and "](" not in masked and "<sup>" not in masked
    assert all(m == t or m == " " for m, t in zip(masked, text, strict=True))


def test_text_document_keeps_text_as_given() -> None:
    raw = "The **minister** met the envoy in Astana on Monday and they signed a treaty.\nPhoto credit: x.kz"
    doc = make_document(raw, doc_id="d", date="2024-01-02", source="d")
    assert doc.text == raw and len(doc.nlp_text or "") == len(raw)
    assert [raw[b.start:b.end] for b in doc.boilerplate] == ["Photo credit: x.kz"]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # hard-wrapped Markdown: a name cut by the wrap is joined again
        ("The President met President Sauli\nNiinistö of Finland today.\n\n"
         "They discussed NATO and agreed\nto stay in close touch.\n", True),
        # one paragraph per line, no blank lines: the breaks are paragraph ends and stay
        ("Office of the Spokesperson\nThe Secretary spoke with the Foreign Minister today about a "
         "long list of regional questions that runs past one hundred characters.\nThey agreed.", False),
    ],
)
def test_text_mask_markup_joins_hard_wrapped_lines_only(text: str, joined: bool) -> None:
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert ("Sauli Niinistö" in masked or "Spokesperson The" in masked) is joined
