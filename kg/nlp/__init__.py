"""NLP: the spaCy pipeline with kg's components, and the reference data its gazetteer is built from."""

from kg.nlp.pipeline import DEFAULT_MODEL, MODELS, add_components, load_pipeline

__all__ = ["DEFAULT_MODEL", "MODELS", "add_components", "load_pipeline"]
