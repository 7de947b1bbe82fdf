"""Extraction: a parsed spaCy ``Doc`` of one article → typed records (:mod:`kg.records`)."""

from kg.extract.extractor import extract, load_lexicon

__all__ = ["extract", "load_lexicon"]
