"""Actors stage: people, offices, organisations, states and places resolved to codes."""

from communique.actors.stage import ActorsStage

__all__ = ["ActorsStage"]
