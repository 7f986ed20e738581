"""The time stage: fills `Document.timexes` from the TIMEX3 tagger."""

from __future__ import annotations

from communique.document import Document


class TimeStage:
    name = "time"

    def __call__(self, document: Document) -> None:
        from communique.time.tagger import tag_text

        document.timexes = tag_text(document.nlp_text or document.text, document.date,
                                    original=document.text)
