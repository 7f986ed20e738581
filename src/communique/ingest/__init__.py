"""Ingest stage: files, JSON Lines corpora and HTML pages in, `Document`s (or errors) out."""

from communique.ingest.readers import (
    IngestItem,
    html_to_document,
    read_inputs,
    read_path,
    record_to_document,
)
from communique.ingest.text import find_boilerplate, make_document, mask_markup, parse_date

__all__ = [
    "IngestItem",
    "find_boilerplate",
    "html_to_document",
    "make_document",
    "mask_markup",
    "parse_date",
    "read_inputs",
    "read_path",
    "record_to_document",
]
