"""Time stage: TIMEX3 time expressions found and resolved against the document date."""

from communique.time.stage import TimeStage

__all__ = ["TimeStage"]
