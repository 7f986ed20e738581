"""Events stage: PLOVER events with status, dates, places, series and evidence."""

from communique.events.stage import EventsStage

__all__ = ["EventsStage"]
