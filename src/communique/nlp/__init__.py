"""NLP stage: one spaCy pipeline, loaded once, parsing documents in batches."""

from communique.nlp.parser import MODEL_NAME, NlpStage, load_nlp

__all__ = ["MODEL_NAME", "NlpStage", "load_nlp"]
